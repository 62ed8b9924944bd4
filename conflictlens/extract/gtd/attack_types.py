"""GTD typing: attack, weapon and target types, from the cue lexicon in data/gtd_cues.json."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from conflictlens.extract.gtd.phrase import PHRASE_END
from conflictlens.extract.gtd.targets import PERSON_NAME, TargetTyping, classify_target, first_victim_sentence, role_of
from conflictlens.extract.lexicon import gtd_cues, load_json
from conflictlens.extract.patterns import FLAGS, Regex, compile_pattern, search_span


KIDNAPPING = "Hostage Taking (Kidnapping)"


@dataclass(frozen=True)
class GtdTyping:
    attack_type: str
    weapon_type: str
    target_type: str
    target_text: str | None
    attack_span: tuple[int, int] | None
    target_span: tuple[int, int] | None


def _first_rule(rules, text: str) -> tuple[str, tuple[int, int]] | None:
    """The first rule (in data-file order) whose pattern occurs in the text."""
    lowered = text.lower()
    for name, pattern in rules:
        span = search_span(pattern, text, lowered=lowered)
        if span:
            return name, span
    return None


def is_assassination(text: str, target: TargetTyping | None = None) -> bool:
    """GTD codes an attack on a named or prominent individual as an assassination."""
    cues = gtd_cues()
    if cues.possessive_target.search(text):
        return True
    if target and target.text and PERSON_NAME.fullmatch(target.text.strip()) and not _kin_attacked(text, target):
        role = role_of(text, target.text.strip())
        if role and cues.prominent.search(role) and not cues.attendant_role.match(role):
            return True
    if target and target.text and not _kin_attacked(text, target) and _named_prominent(text, target.text.strip()):
        return True
    victims = first_victim_sentence(text)
    if victims and cues.prominent.match(re.sub(r"^(?:the|a|an|one|former)\s+", "", victims.strip(), flags=re.I)):
        return True
    if target and target.span and target.text and _passive_action(text, target.span[1]):
        return bool(cues.prominent.search(target.text))  # "The district governor was shot and killed"
    action = cues.assassination_action.search(text)
    if not action:
        return False
    window = text[action.end(): action.end() + 60]
    window = PHRASE_END.split(window, maxsplit=1)[0]
    return bool(cues.prominent.search(window))


@lru_cache(maxsize=1)
def _name_patterns() -> tuple[Regex, Regex]:
    """A target phrase that opens with a name, maybe after a title (groups 'title', 'name'), and the prefix
    of a name's word ('al-'): from `assassination.named_victim` in gtd_cues.json. Case matters."""
    raw = load_json("gtd_cues.json")["assassination"]["named_victim"]
    word = rf"(?:(?:{raw['prefixes']})-)?[A-Z][\w'’-]*"
    name = rf"{word}(?:\s+(?:(?:{raw['particles']})\s+)*{word}){{0,5}}(?![\w'’-])"
    opening = compile_pattern(rf"(?P<title>(?:[a-z][\w-]* ){{0,3}}?)(?P<name>{name})", 0)
    return opening, compile_pattern(rf"^(?:{raw['prefixes']})-", FLAGS)


def _named_prominent(text: str, phrase: str) -> bool:
    """A phrase that opens with a person's name ('Adnan al-Masri', 'journalist Hanad Ali Guled') whose title,
    or whose appositive ('X, a party leader,') right after the name or after its last word opening a sentence
    ('... Al-Masri, a party leader, was killed'), names a prominent role."""
    cues, (opening, prefix) = gtd_cues(), _name_patterns()
    named = opening.match(phrase)
    title = named.group("title").strip() if named else ""
    if not named or title.split(" ")[0].lower() in ("the", "a", "an"):
        return False  # "the Raj Bhawan" names a place, not a person
    last = prefix.sub("", named.group("name").split()[-1])
    opening_mention = rf"(?:^|(?<=[.;] ))(?:[A-Z][\w'’-]*\s+){{0,4}}(?:[A-Za-z]+-)?{re.escape(last)}"
    appositive = re.compile(rf"(?:{re.escape(named.group('name'))}|{opening_mention}),\s+(?:(?:a|an|the)\s+)?([^,.;]+)")
    roles = [title] + [m.group(1) for m in appositive.finditer(text)]
    return any(cues.prominent.search(role) and not cues.attendant_role.match(role) for role in roles if role)


def _passive_action(text: str, end: int) -> bool:
    """Whether an assassination's verb follows the attacked phrase in the passive ("... was shot dead")."""
    verb = re.match(r"\s*,?\s+(?:was|were|(?:had|has|have) been)\s+", text[end:end + 40])
    return bool(verb) and bool(gtd_cues().assassination_action.match(text, end + verb.end()))


def _kin_attacked(text: str, target: TargetTyping) -> bool:
    """'a vehicle carrying the family members of X': X's kin, not X, were attacked."""
    start = target.span[0] if target.span else 0
    return bool(gtd_cues().kin_of.search(text, max(0, start - 40), start))


def _prominent_hostage_killed(text: str, target: TargetTyping, sequel: str) -> bool:
    """A prominent person abducted and then killed: GTD's assassination, not a kidnapping."""
    cues = gtd_cues()
    if not (_hostage_killed(text) or _killed_next(sequel, target)):
        return False
    if target.target_type in cues.prominent_hostages:
        return True
    phrase = (target.text or "").strip()
    told = f"{text} {sequel}"  # the hostage's role may be told with the killing, after the incident's text
    role = role_of(told, phrase) if PERSON_NAME.fullmatch(phrase) else None
    return bool(cues.prominent.search(phrase) or (role and cues.prominent.search(role)) or _named_prominent(told, phrase))


def _hostage_killed(text: str) -> bool:
    """'abducted and killed', or a sentence after the abduction's that tells of a killing and of no
    abduction ('Civilians were killed and abducted' tells of victims of both, not of a hostage killed)."""
    cues = gtd_cues()
    if cues.hostage_killed_together.search(text):
        return True
    kidnap = dict(cues.attack_rules)[KIDNAPPING]
    taken = kidnap.search(text)
    later = re.split(r"(?<=[.;])\s+", text[taken.end():])[1:] if taken else []
    return any(cues.hostage_killed.search(s) and not kidnap.search(s) for s in later)


def _killed_next(sequel: str, target: TargetTyping) -> bool:
    """The sentence after the incident tells that the hostage was killed: it starts with their name
    ("Danjuma was shot dead hours later") or with "the hostage", "he" ..."""
    cues = gtd_cues()
    sentence = re.split(r"(?<=[.;])\s+", sequel.strip(), maxsplit=1)[0]
    if not cues.hostage_killed.search(sentence) or dict(cues.attack_rules)[KIDNAPPING].search(sentence):
        return False
    names = [re.escape(w) for w in (target.text or "").split() if len(w) > 2 and w[0].isupper()]
    subject = re.match(rf"(?:{'|'.join(names)})\b", sentence) if names else None
    return bool(subject or cues.hostage_subject.match(sentence))


def _guns_and_grenades(text: str) -> tuple[int, int] | None:
    """Firearms plus grenades or RPGs, and no other explosive, in the first sentence: the gunfire cue."""
    cues = gtd_cues()
    end = re.search(r"\.(?:\s|$)", text)
    first = text[: end.start() if end else len(text)]
    rules = dict(cues.attack_rules)
    gunfire = cues.firing.search(first)
    explosives = [m.group(0) for m in rules["Bombing/Explosion"].finditer(first)]
    if gunfire and explosives and all(cues.light_explosives.fullmatch(e) for e in explosives):
        return gunfire.span()
    return None


def _by_outcome(attack_type: str, target: TargetTyping, text: str, on_property: bool) -> str:
    """GTD's type for an attack of no stated means, from what was hit; a deadly arson raid is an armed assault;
    a raid that only took property and hurt nobody is a facility attack."""
    cues = gtd_cues()
    if attack_type == "Facility/Infrastructure Attack" and cues.deadly.search(text):
        return cues.deadly_facility_attack
    if attack_type in ("Armed Assault", "Unknown") and cues.unharmed.search(text) and cues.taken.search(text):
        return cues.theft_attack
    if attack_type != "Unknown":
        return attack_type
    if on_property:
        return cues.property_attack
    phrase = target.text or ""
    by_phrase = next((kind for pattern, kind in cues.attack_by_phrase if pattern.search(phrase)), None)
    if by_phrase:
        return by_phrase
    if cues.attack_by_target_not_when.search(phrase):
        return attack_type
    return dict(cues.attack_by_target).get(target.defenders or target.target_type, attack_type)


def classify_gtd(text: str, foiled: bool = False, on_property: bool = False, sequel: str = "") -> GtdTyping:
    """GTD attack, weapon and target type of one incident's text.

    `foiled` marks a defused attack; `on_property` one that destroyed or looted property and hurt nobody;
    `sequel`: the report's text right after the incident, where it may say that a hostage was killed later.
    """
    cues = gtd_cues()
    attack = _first_rule(cues.attack_rules, text)
    attack_type, attack_span = (attack if attack else ("Unknown", None))
    gunfire = _guns_and_grenades(text) if attack_type == "Bombing/Explosion" else None
    if gunfire:
        attack_type, attack_span = "Armed Assault", gunfire
    target = classify_target(text, foiled)
    attack_type = _by_outcome(attack_type, target, text, on_property)
    if attack_type in ("Bombing/Explosion", "Armed Assault") and not foiled and is_assassination(text, target):
        attack_type = "Assassination"
    elif attack_type == KIDNAPPING and _prominent_hostage_killed(text, target, sequel):
        attack_type = "Assassination"
    weapon = _first_rule(cues.weapon_rules, text)
    weapon_type = weapon[0] if weapon else "Unknown"
    if attack_type == "Bombing/Explosion":
        weapon_type = "Explosives"
    elif gunfire:
        weapon_type = "Firearms"
    elif attack_type == "Unknown":
        weapon_type = "Unknown"
    return GtdTyping(attack_type, weapon_type, target.target_type, target.text, attack_span, target.span)
