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

from conflictlens.extract.gtd.kinds import (
    PRIVATE, blank, head_type, last_typed, type_in, typed_words, without_generic_security)
from conflictlens.extract.gtd.phrase import THEIRS, not_subject, target_phrase
from conflictlens.extract.lexicon import gtd_cues, load_json
from conflictlens.extract.patterns import LazyPattern, compile_pattern, word_regex


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


@lru_cache(maxsize=1)
def _reasons() -> LazyPattern:
    """data/gtd_cues.json's reasons: what an attack answered ("in retaliation for a police raid"), not whom it hit."""
    return word_regex(load_json("gtd_cues.json")["target_refinement"]["reasons"])


@dataclass(frozen=True)
class TargetTyping:
    target_type: str
    text: str | None
    span: tuple[int, int] | None
    # An attacked named place is the town's, but the soldiers or police among its victims say, for the
    # attack type, whom the raid met (see named_place in data/gtd_cues.json).
    defenders: str | None = None








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
        found.extend((offset * 100_000 + start, order, name) for start, order, name in typed_words(sentence))
    return [name for _, _, name in sorted(found)]




def classify_target(text: str, foiled: bool = False) -> TargetTyping:
    """GTD target type of one incident's text; `foiled` marks a defused or intercepted attack."""
    cues = gtd_cues()
    # "..., the district governor said": who tells of the attack was not attacked; nor were those of what it
    # answered ("in retaliation for a police raid").
    text = blank(blank(blank(blank(text, _PLACE_NOISE), cues.responders), cues.speakers), _reasons())
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
    first = _first_of_targets(phrase_text)
    if first == PRIVATE:
        return TargetTyping(PRIVATE, phrase_text, phrase_span)
    generic = phrase_text and without_generic_security(phrase_text) != phrase_text
    if first == _SECURITY or (generic and phrase_type not in cues.security_branches and phrase_type in (None, PRIVATE)):
        return TargetTyping(_security_branch(victims), phrase_text, phrase_span)
    notable = [v for v in victims if v in cues.notable_victims]
    if phrase_type in cues.weak_phrase_types and notable and not cues.named_civilians.search(phrase_text):
        return TargetTyping(notable[0], phrase_text, phrase_span)
    if phrase_type and not (phrase_type == PRIVATE and cues.vague_target.fullmatch(phrase_text.strip())):
        return TargetTyping(phrase_type, phrase_text, phrase_span)
    specific = [v for v in victims if v != PRIVATE]
    if specific and not _people_at_large(victims, phrase_text):
        return TargetTyping(specific[0], phrase_text, phrase_span)
    fallback = phrase_type or (victims[0] if victims else None)
    return TargetTyping(fallback or _nothing_named(text, phrase_span, foiled), phrase_text, phrase_span)


def _nothing_named(text: str, span: tuple[int, int] | None, foiled: bool) -> str:
    """The type when neither the attacked phrase nor the victims name one."""
    cues = gtd_cues()
    # A defused device was aimed at nobody the text names: the street it lay in is no target.
    # A place it was explicitly aimed at ("a drone targeting Jazan") is a target: its people.
    if (foiled or cues.foiled_cues.search(text)) and not _aimed_at(text, span):
        return _device_place(text) or cues.foiled_default
    # Nor are the attackers, whatever the text calls them ("Militants fired a rocket that landed in X").
    return type_in(blank(_without_subject(text), cues.not_victims)) or cues.no_target_default


# The first of several targets is security forces of no stated branch ("security personnel and the district
# compound"): the victims say which branch, as for one such target.
_SECURITY = "security"


def _first_of_targets(phrase: str | None) -> str | None:
    """GTD's first target is the first one the report names: of "civilians and security forces", the civilians
    (PRIVATE); of "security personnel and the district compound", the security forces (_SECURITY). None when the
    phrase names one target, or its first names a kind of its own ("an army and militia checkpoint")."""
    if not phrase or " and " not in phrase:
        return None
    first = phrase.split(" and ", 1)[0].strip()
    bare = without_generic_security(first)
    if bare != first:
        return _SECURITY if not re.sub(r"\b(?:the|a|an|\d+)\b", "", bare).strip() else None
    named = gtd_cues().named_civilians.search(first)
    return PRIVATE if named and head_type(first) == PRIVATE else None


def _people_at_large(victims: list[str], phrase: str | None) -> bool:
    """'Assailants killed two people, including a teacher and a militia member': a vague attacked phrase (or
    none), and victims of no kind named first with several kinds among them. GTD codes such a crowd as private
    citizens: no one kind among them was the target (one kind, 'two people, including a police officer', still
    says whom the attack was for; so does a phrase with a kind of its own, 'a vaccination campaign vehicle')."""
    if phrase and not gtd_cues().vague_target.fullmatch(phrase.strip()):
        return False
    specific = {v for v in victims if v != PRIVATE}
    return bool(victims) and victims[0] == PRIVATE and len(specific) > 1


def _without_subject(text: str) -> str:
    """The text with the attackers named before its first attack verb blanked: who attacked ("Militants
    attacked a Tehsil office") is no target."""
    cues = gtd_cues()
    first = re.search(r"\.(?:\s|$)", text)
    limit = first.start() if first else len(text)
    verb = cues.target_explicit.search(text, 0, limit) or cues.target_lead.search(text, 0, limit)
    return blank(text[:verb.start()], not_subject()) + text[verb.start():] if verb else text


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
    found = last_typed(venue, gtd_cues().kind_possessives) if venue else None
    return found if found != PRIVATE else None




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
    return last_typed(place.group(1), gtd_cues().generic_security)


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
    carried = _CARRIED_NAME.fullmatch(phrase.strip())
    if carried and head_type(without_generic_security(carried.group(1))) is None:
        phrase = carried.group(2)  # "a convoy carrying X, the local commissioner": X, whose role decides
    found = head_type(without_generic_security(phrase))
    if not PERSON_NAME.fullmatch(phrase.strip()):
        return found
    role = role_of(text, phrase.strip())
    if found is None:
        return head_type(role) if role else None  # "the head of a private school": whose head decides
    # A title in the name ("Maulana X") yields to a post the text gives in a body ("Maulana X, the deputy head of
    # the X party" is a party official); a plain description ("Maulvi X, a religious scholar") does not.
    return (head_type(role) if role and _OF_BODY.search(role) else None) or found


# A vehicle of no kind of its own carrying a named person ("a convoy carrying Abdirahman Ahmed Garyare").
_CARRIED_NAME = compile_pattern(r"(.+?) (?:(?:that|which) (?:was|were) )?(?:carrying|transporting) "
                                r"((?:[A-Z][\w'’-]*\s?){1,5})")

# A post held in a body: "the deputy head of the X party", "commander of the Eighth Brigade".
_OF_BODY = compile_pattern(r"\w \bof\b \S")




# A name: capitalised words, an honorific or initial of one letter among them ("U Kyaw Aye").
PERSON_NAME = compile_pattern(r"(?:[A-Z][\w'’-]*\s?){1,5}")


def role_of(text: str, name: str) -> str | None:
    """'Mirwais Karimi, the head of the council', later 'Karimi, the head of ...' or 'Karimi's vehicle, the head
    of ...': the role given.

    The first word of the name (of three letters or more), in order of where it stands and then of the name,
    that starts a word and that `_ROLE_AFTER` follows: what one regex of the name's words followed by it finds,
    without compiling a regex for every name (each held THEIRS: a few milliseconds, most names asked once)."""
    parts = [p for p in name.split() if len(p) > 2]
    found = sorted((at, k, part) for k, part in enumerate(parts) for at in _places_of(text, part))
    for at, _k, part in found:
        m = _WORD_START.match(text, at) and _ROLE_AFTER.match(text, at + len(part))
        if m:
            return m.group(1)
    return None


def _places_of(text: str, part: str) -> list[int]:
    places, at = [], text.find(part)
    while at >= 0:
        places.append(at)
        at = text.find(part, at + 1)
    return places


# What follows a name whose role is given: "'s vehicle, the head of ..." or ", the head of ...".
_ROLE_AFTER = compile_pattern(rf"(?:['’]s {THEIRS})?,\s+(?:(?:a|an|the)\s+)?([^,.;]+)")
_WORD_START = compile_pattern(r"\b")


def _security_branch(victims: list[str]) -> str:
    """'A security outpost' is the police's, the army's or a militia's: the victims say which."""
    cues = gtd_cues()
    for victim in victims:
        if victim in cues.security_branches:
            return victim
    return cues.security_default
