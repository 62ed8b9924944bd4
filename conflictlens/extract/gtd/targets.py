"""GTD target type: what an attack was aimed at, from the attacked phrase and the victims.

GTD codes the target, not the casualties, but reports often name the target vaguely ("a security
outpost", "two people", "a vehicle") and only the casualty sentence says who was there ("Three
police officers were killed"). So the attacked phrase decides when it is specific, and the
victims refine it when it is vague. The cue lists live in data/gtd_cues.json.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from conflictlens.extract.patterns import compile_pattern, may_match
from conflictlens.extract.lexicon import gtd_cues, load_json

# A clause boundary ends a target phrase ("attacked a police post in Kabul, killing ...").
PHRASE_END = compile_pattern(
    r"[,.;:()]| in | near | on | at | along | outside | inside | while | when | after | before | killing| wounding"
    r"| injuring| and killed| and wounded| detonated| exploded| went off| as it| was | were ", re.I)

# An acronym in brackets belongs to the name before it: "Indo-Tibetan Border Police (ITBP) positions", "an
# International Rescue Committee (IRC) convoy" (the head of the phrase comes after it).
_ACRONYM = compile_pattern(r"\([A-Z]{2}[\w&'’.-]{0,10}\)")

# "the vehicle of X", "the house and vehicle of X", "a house owned by X", "a vehicle transporting the
# family members of X": the target is X, not what was theirs.
_THEIRS = (r"(?:the |a |an )?(?:[\w-]+ )?(?:vehicle|car|house|residence|home|convoy|office|compound|motorcade|shop|"
           r"guesthouse|family|famil(?:y|ies) members|relatives?|sons?|brothers?)s?")
_POSSESSOR = compile_pattern(rf"^{_THEIRS}(?: and {_THEIRS})?(?: (?:carrying|transporting) {_THEIRS})? "
                        r"(?:of|belonging to|owned by) ", re.I)

# Place names that contain target words ("Police District 4", Israel's "Eshkol regional council") are places,
# not targets.
_PLACE_NOISE = compile_pattern(
    r"\b(?:(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
    r"tenth|\w+teenth|\w+tieth)\s+)?police district(?:\s+\d+)?|\bPD\s*\d+|\bneighbou?rhood\b|"
    r"\bregional council\b",
    re.I)

# Sentences that report harm to people: where the victims are named.
_HARM = compile_pattern(r"\b(?:killed|died|dead|injured|wounded|hurt|harmed|unharmed|hostages?|abducted|kidnapped|"
                        r"casualties|missing|survived|assassinated|murdered|executed|beheaded|lynched|gunned down|"
                        r"to death|fatally)\b", re.I)

PRIVATE = "Private Citizens & Property"


@dataclass(frozen=True)
class TargetTyping:
    target_type: str
    text: str | None
    span: tuple[int, int] | None
    # An attacked named place is the town's, but the soldiers or police among its victims say, for the
    # attack type, whom the raid met (see named_place in data/gtd_cues.json).
    defenders: str | None = None


def blank(text: str, pattern: re.Pattern[str]) -> str:
    """Replace matches with spaces, so offsets into the text stay valid."""
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def target_phrase(text: str) -> tuple[str, tuple[int, int]] | None:
    """The noun phrase an attack was aimed at: the words after 'targeting', 'attacked', 'killed'..."""
    # "attached to a motorcycle detonated targeting a Rangers vehicle": an explicit cue in the
    # first sentence wins; later ones describe episodes of the attack, not its target.
    # A later sentence that says what a device was meant for ("it was planted to target security
    # forces") outweighs the verbs of later episodes.
    first_sentence = re.search(r"\.(?:\s|$)", text)
    limit = first_sentence.start() if first_sentence else len(text)
    cues = gtd_cues()
    m = (cues.target_explicit.search(text, 0, limit) or cues.target_lead.search(text, 0, limit)
         or cues.target_intent.search(text) or cues.target_lead.search(text))
    if not m:
        return None
    start = _past_next_verb(text, m.end())
    end_match = PHRASE_END.search(blank(text, _ACRONYM), start)
    end = end_match.start() if end_match else min(len(text), start + 120)
    end = start + len(text[start:end].rstrip())  # the span ends where the phrase does, not at blanks after it
    phrase = _POSSESSOR.sub("", text[start:end].strip())
    start = end - len(phrase) if phrase else start
    if not phrase:
        return None
    return phrase, (start, start + len(phrase))


# "attacked and killed X", "shot and then beheaded X", "opened fire on and fired grenades at X": the verbs in a row
# share one object, after the last of them.
_NEXT_VERB = compile_pattern(r"and (?:then )?(?=[a-z]+ed\b|shot\b|set\b|threw\b)", re.I)
_WORD = compile_pattern(r"\w+\s+")


def _past_next_verb(text: str, start: int) -> int:
    """Where the attacked phrase starts: after the spaces at `start` and any verbs in a row there."""
    while start < len(text) and text[start] == " ":
        start += 1
    verb = _NEXT_VERB.match(text, start)
    if verb is None:
        return start
    lead = gtd_cues().target_lead.match(text, verb.end())
    if lead:
        return _past_next_verb(text, lead.end())
    other = _WORD.match(text, verb.end())  # a verb no cue names ("beheaded")
    return other.end() if other else start


def type_in(text: str) -> str | None:
    """The target type whose cue occurs earliest in the text (ties broken by rule order)."""
    best: tuple[int, int, str] | None = None
    lowered = text.lower()
    for order, (name, pattern, anchors) in enumerate(gtd_cues().target_rules):
        m = may_match(anchors, lowered) and pattern.search(text)
        if m and (best is None or (m.start(), order) < best[:2]):
            best = (m.start(), order, name)
    return best[2] if best else None


def first_victim_sentence(text: str) -> str | None:
    """The first sentence that reports harm to people."""
    for sentence in re.split(r"(?<=[.;])\s+", text):
        if _HARM.search(sentence):
            return sentence
    return None


def victim_types(text: str) -> list[str]:
    """Target types of the people the harm sentences name, in order, generic security words left out."""
    cues = gtd_cues()
    found: list[tuple[int, int, str]] = []
    offset = 0
    for sentence in re.split(r"(?<=[.;])\s+", text):
        offset += 1
        if not _HARM.search(sentence):
            continue
        sentence = blank(blank(sentence, cues.generic_security), cues.not_victims)
        found.extend((offset * 100_000 + start, order, name) for start, order, name in _typed_words(sentence))
    return [name for _, _, name in sorted(found)]


def _typed_words(sentence: str) -> list[tuple[int, int, str]]:
    """(start, rule order, type) of each cue; a cue inside an earlier rule's match is part of it.

    'a military informant' is one private citizen, not also a soldier.
    """
    lowered = sentence.lower()
    rules = gtd_cues().target_rules
    matches = [(m.start(), m.end(), order, name) for order, (name, pattern, anchors) in enumerate(rules)
               if may_match(anchors, lowered) for m in pattern.finditer(sentence)]
    return [(start, order, name) for start, end, order, name in matches
            if not any(o < order and s <= start and end <= e for s, e, o, _ in matches)]


def classify_target(text: str, foiled: bool = False) -> TargetTyping:
    """GTD target type of one incident's text; `foiled` marks a defused or intercepted attack."""
    cues = gtd_cues()
    # "..., the district governor said": who tells of the attack was not attacked.
    text = blank(blank(blank(text, _PLACE_NOISE), cues.responders), cues.speakers)
    phrase = target_phrase(text)
    phrase_text, phrase_span = (phrase if phrase else (None, None))
    victims = victim_types(text)
    if phrase_text and cues.country_target.fullmatch(phrase_text.strip()):
        return TargetTyping(cues.country_target_type, phrase_text, phrase_span)
    phrase_type = _venue_type(text, phrase_text, phrase_span) or _phrase_type(text, phrase_text, phrase_span)
    if phrase_type is None and _named_place(text, phrase_span):
        others = [v for v in victims if v != PRIVATE and v not in cues.place_defenders]
        defenders = next((v for v in victims if v in cues.place_defenders), None)
        return TargetTyping(others[0] if others else PRIVATE, phrase_text, phrase_span, defenders)
    if phrase_text and cues.generic_security.search(phrase_text) and phrase_type not in cues.security_branches:
        if phrase_type is None or phrase_type == PRIVATE:
            return TargetTyping(_security_branch(victims), phrase_text, phrase_span)
    notable = [v for v in victims if v in cues.notable_victims]
    if phrase_type in cues.weak_phrase_types and notable and not cues.named_civilians.search(phrase_text):
        return TargetTyping(notable[0], phrase_text, phrase_span)
    if phrase_type and not (phrase_type == PRIVATE and cues.vague_target.fullmatch(phrase_text.strip())):
        return TargetTyping(phrase_type, phrase_text, phrase_span)
    specific = [v for v in victims if v != PRIVATE]
    if specific:
        return TargetTyping(specific[0], phrase_text, phrase_span)
    fallback = phrase_type or (victims[0] if victims else None)
    if fallback is None:
        # A defused device was aimed at nobody the text names: the street it lay in is no target.
        # A place it was explicitly aimed at ("a drone targeting Jazan") is a target: its people.
        if (foiled or cues.foiled_cues.search(text)) and not _aimed_at(text, phrase_span):
            fallback = _device_place(text) or cues.foiled_default
        else:
            fallback = type_in(text) or cues.no_target_default
    return TargetTyping(fallback, phrase_text, phrase_span)


def _named_place(text: str, span: tuple[int, int] | None) -> bool:
    """Whether the attacked phrase is a place named as such: "attacked Rann, Borno", "raided Ouzal village,
    Extreme-North", "attacked the village of Tel Kafr, Hasakah", "attacked the centre of Qala district, Faryab"
    (the district's town; "the district centre" is the government's compound). An attack verb leads it; a
    comma and a capitalised name that is no role follow it ("Haji Mohammad, a checkpoint commander" is a
    person; "Aboki, Lau Chiefdom Secretary" too)."""
    if span is None:
        return False
    cues = gtd_cues()
    proper = r"(?:(?:[A-Z]|(?:al|el|ad|an|ar|as|ash|at|az)-[A-Z])[\w'’-]+\s?){1,5}"  # "Tel al-Laban"
    of_place = rf"(?:the\s+)?(?i:{cues.place_words})\s+of\s+{proper}(?:(?i:{cues.place_of_suffix})\s*)?"
    name = rf"(?:{of_place}|{proper}(?:(?i:{cues.place_words})\s*)?)"
    if not re.fullmatch(name, text[span[0]:span[1]]) or not cues.place_lead.search(text, max(0, span[0] - 40), span[0]):
        return False
    after = re.match(r"\s*(?:(?i:" + cues.place_words + r")\s*)?,\s+([A-Z][^,.;]*)", text[span[1]:])
    return bool(after) and type_in(after.group(1)) is None


def _venue_type(text: str, phrase: str | None, span: tuple[int, int] | None) -> str | None:
    """'attacked civilians at a bar', 'stabbed individuals inside the mosque', 'abducted students from a
    school': the venue's type, when the attacked are people of no stated kind and the venue (an article leads
    it) has a type other than theirs."""
    if not phrase or span is None:
        return None
    people, taken_from, place = phrase.strip().partition(" from ")
    if not gtd_cues().venue_people.fullmatch(people):
        return None
    venue = place if taken_from else (m.group(1) if (m := _VENUE.match(text, span[1])) else None)
    found = _last_typed(venue, gtd_cues().kind_possessives) if venue else None
    return found if found != PRIVATE else None


def _last_typed(phrase: str, mask: re.Pattern[str]) -> str | None:
    """The type of the phrase's last typed word, `mask`'s words blanked: the head comes last ("the Old
    Town mosque" is a mosque)."""
    last = max(_typed_words(blank(phrase, mask)), default=None)
    return last[2] if last else None


# The venue after the attacked people: "at a bar", "inside of the X mosque", "at Hillcrest Grammar School", up
# to the next place or clause.
_VENUE = compile_pattern(r"\s*(?:at|in|inside(?:\s+of)?)\s+((?:(?:a|an|the)\s+|(?=[A-Z]))[^,.;]+?)"
                         r"(?=\s+(?:in|near|on|at|along)\s|[,.;]|$)")


# Where a device lay: "defused in an orchard", "planted outside the X office", "near a newspaper kiosk".
_LOCATIVE = compile_pattern(r"\b(?:in|at|near|outside|inside|under|on|along|beside)\s+((?:a|an|the)\s+[^,.;]+?)"
                            r"(?=\s+(?:in|near|on|at|along|of)\s|[,.;]|$)")


def _device_place(text: str) -> str | None:
    """A defused device's target is the typed place it lay in, said in the first sentence (an orchard, a
    market, an office); a checkpoint, a town or a road says nothing of whom it was for."""
    first = re.split(r"\.(?:\s|$)", text, maxsplit=1)[0]
    place = _LOCATIVE.search(first)
    if place is None or gtd_cues().ways.search(place.group(1)):
        return None
    return _last_typed(place.group(1), gtd_cues().generic_security)


def _aimed_at(text: str, span: tuple[int, int] | None) -> bool:
    """Whether an explicit cue ('targeting', 'aimed at') introduces the attacked phrase."""
    if span is None:
        return False
    lead = gtd_cues().target_explicit.search(text, max(0, span[0] - 20), span[0])
    return bool(lead) and not text[lead.end(): span[0]].strip()


def _phrase_type(text: str, phrase: str | None, span: tuple[int, int] | None) -> str | None:
    """The type the attacked phrase names; for a person's name, the role the text gives them."""
    if not phrase or span is None:
        return None
    found = _head_type(blank(phrase, gtd_cues().generic_security))
    if found is None and PERSON_NAME.fullmatch(phrase.strip()):
        role = role_of(text, phrase.strip())
        found = type_in(role) if role else None
    return found


def _head_type(phrase: str) -> str | None:
    """The type of the phrase's head: "a women's prison", "a children's clothing store" are a prison and a
    store; the possessive only tells their kind, unless nothing else has a type."""
    return _whose_type(phrase) or type_in(blank(phrase, gtd_cues().kind_possessives)) or type_in(phrase)


@lru_cache(maxsize=1)
def _whose_people() -> tuple[re.Pattern[str], re.Pattern[str], tuple[str, ...]]:
    """(members_of, carried, carrier_yields) of data/gtd_cues.json's whose_people; the patterns match at
    the start of a phrase."""
    raw = load_json("gtd_cues.json")["target_refinement"]["whose_people"]
    members_of, carried = (compile_pattern(rf"(?:{raw[key]})\s+(?=\S)", re.I) for key in ("members_of", "carried"))
    return members_of, carried, tuple(raw["carrier_yields"])


def _whose_type(phrase: str) -> str | None:
    """'staff members of an aid organisation', 'de-miners working for X': their employer's type; 'a bus
    carrying employees of the X ministry': the type of the first people carried, when the vehicle's own type
    yields (a police vehicle stays the police's). None when that is no type other than private citizens'
    (then the phrase's own words decide)."""
    members_of, carried, yields = _whose_people()
    phrase = phrase.strip()
    lead = carried.match(phrase)
    if lead and (type_in(phrase[:lead.end()]) or PRIVATE) in yields:
        found = _head_type(re.split(r",| and ", phrase[lead.end():], maxsplit=1)[0])
        if found not in (None, PRIVATE):
            return found
    lead = members_of.match(phrase)
    found = type_in(blank(phrase[lead.end():], gtd_cues().generic_security)) if lead else None
    return found if found != PRIVATE else None


# A name: capitalised words, an honorific or initial of one letter among them ("U Kyaw Aye").
PERSON_NAME = compile_pattern(r"(?:[A-Z][\w'’-]*\s?){1,5}")


def role_of(text: str, name: str) -> str | None:
    """'Mirwais Karimi, the head of the council' or later 'Karimi, the head of ...': the role given."""
    parts = [re.escape(p) for p in name.split() if len(p) > 2]
    if not parts:
        return None
    m = re.search(rf"\b(?:{'|'.join(parts)}),\s+(?:(?:a|an|the)\s+)?([^,.;]+)", text)
    return m.group(1) if m else None


def _security_branch(victims: list[str]) -> str:
    """'A security outpost' is the police's, the army's or a militia's: the victims say which."""
    cues = gtd_cues()
    for victim in victims:
        if victim in cues.security_branches:
            return victim
    return cues.security_default
