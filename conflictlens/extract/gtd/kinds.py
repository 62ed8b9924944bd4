"""GTD target kinds: which type a phrase's words name (the cue lists live in data/gtd_cues.json).

A phrase may name several kinds ("the village mosque", "staff members of an aid organisation", "a bus carrying
employees of a ministry"); these functions say which of them is the phrase's own.
"""

from __future__ import annotations

import re
from functools import lru_cache

from conflictlens.extract.lexicon import gtd_cues, load_json
from conflictlens.extract.anchor_finder import AnchorFinder
from conflictlens.extract.patterns import compile_pattern

PRIVATE = "Private Citizens & Property"


def blank(text: str, pattern: re.Pattern[str]) -> str:
    """Replace matches with spaces, so offsets into the text stay valid."""
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def type_in(text: str) -> str | None:
    """The target type whose cue occurs earliest in the text (ties broken by rule order).

    That is the first of `typed_spans` (a rule's first match is its search's; a match it leaves out lies
    inside an earlier rule's match that starts no later), whose answer a phrase asked again reuses."""
    best = min(((start, order, name) for start, _end, order, name in typed_spans(text)), default=None)
    return best[2] if best else None


def typed_words(sentence: str) -> list[tuple[int, int, str]]:
    """(start, rule order, type) of each cue; a cue inside an earlier rule's match is part of it.

    'a military informant' is one private citizen, not also a soldier.
    """
    return [(start, order, name) for start, _end, order, name in typed_spans(sentence)]


@lru_cache(maxsize=512)
def typed_spans(sentence: str) -> tuple[tuple[int, int, int, str], ...]:
    """(start, end, rule order, type) of each cue that is no part of an earlier rule's match.

    Kept for the last phrases asked (a pure function of the text: the cues are read once): a target's
    phrase is typed again and again as its head, its compound and its possessives are looked at. A rule
    is searched only where the phrase holds one of its anchors, all found in one pass (`_rule_anchors`)."""
    lowered = sentence.lower()
    held = _rule_anchors().present(lowered)
    matches = [(start, end, order, name) for order, (name, pattern, anchors) in enumerate(gtd_cues().target_rules)
               if anchors is None or not held.isdisjoint(anchors) for start, end in pattern.spans(sentence, lowered)]
    return tuple((start, end, order, name) for start, end, order, name in matches
                 if not any(o < order and s <= start and end <= e for s, e, o, _ in matches))


@lru_cache(maxsize=1)
def _rule_anchors() -> AnchorFinder:
    """Every anchor of the target rules (about 500), found in a phrase in one pass."""
    return AnchorFinder(a for _name, _pattern, anchors in gtd_cues().target_rules for a in anchors or ())


def without_generic_security(phrase: str) -> str:
    """The phrase with its security words of no stated branch blanked ('a security outpost', 'a commander'),
    but not those inside a private citizen's kind ('a former jihadi commander' is a private citizen)."""
    kinds = [(start, end) for start, end, _order, name in typed_spans(phrase) if name == PRIVATE]
    return gtd_cues().generic_security.sub(
        lambda m: m.group(0) if any(s <= m.start() and m.end() <= e for s, e in kinds) else " " * len(m.group(0)),
        phrase)


def last_typed(phrase: str, mask: re.Pattern[str]) -> str | None:
    """The type of the phrase's last typed word, `mask`'s words blanked: the head comes last ("the Old
    Town mosque" is a mosque)."""
    last = max(typed_words(blank(phrase, mask)), default=None)
    return last[2] if last else None


def head_type(phrase: str) -> str | None:
    """The type of the phrase's head: "a women's prison", "a children's clothing store" are a prison and a
    store; the possessive only tells their kind, unless nothing else has a type."""
    return (_whose_type(phrase) or _compound_head(phrase) or type_in(blank(phrase, gtd_cues().kind_possessives))
            or type_in(phrase))


@lru_cache(maxsize=1)
def _compound_cues() -> tuple[frozenset[str], frozenset[str], re.Pattern[str]]:
    """(yielding_modifiers, heads, ends) of data/gtd_cues.json's compound_heads."""
    raw = load_json("gtd_cues.json")["target_refinement"]["compound_heads"]
    return frozenset(raw["yielding_modifiers"]), frozenset(raw["heads"]), compile_pattern(raw["ends"], re.I)


def _compound_head(phrase: str) -> str | None:
    """'the village mosque', 'the Government High School': the type of the compound's head (its last typed
    word), when the typed words before it yield to it; None when the first typed word decides."""
    yielding, heads, ends = _compound_cues()
    compound = ends.split(phrase, maxsplit=1)[0]
    typed = sorted(typed_words(blank(compound, gtd_cues().kind_possessives)))
    if len(typed) < 2:
        return None
    first, head = typed[0][2], typed[-1][2]
    if head != first and (first == PRIVATE or (first in yielding and head in heads)):
        return head
    return None


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
    (then the phrase's own words decide), or when a private citizen's cue runs on from the people into their
    employer ("the deputy head of the X party" is a party official, whatever the party is named after)."""
    members_of, carried, yields = _whose_people()
    phrase = phrase.strip()
    lead = carried.match(phrase)
    if lead and (type_in(phrase[:lead.end()]) or PRIVATE) in yields:
        found = head_type(re.split(r",| and ", phrase[lead.end():], maxsplit=1)[0])
        if found not in (None, PRIVATE):
            return found
    lead = members_of.match(phrase)
    if lead is None or any(s < lead.end() < e and name == PRIVATE for s, e, _o, name in typed_spans(phrase)):
        return None
    found = head_type(without_generic_security(phrase[lead.end():]))
    return found if found != PRIVATE else None
