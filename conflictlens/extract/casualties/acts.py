"""Tolls told by a noun of the act ('the killing of 13 civilians'), and a second act's clause after a
semicolon ('16 dead in hospital attack; 24 killed in funeral bombing'), within one sentence.

Internal to the casualty parser; the conventions are in the lexicon's ``_conventions`` (noun_tolls,
headline_two_acts).
"""

from __future__ import annotations

import re

from conflictlens.extract.casualties.numbers import parse_number
from conflictlens.extract.casualties.rules import Rules, Span, Triple

Found = dict[str, list[tuple[Triple, Span]]]


def _clauses(work: str) -> list[Span]:
    """The stretches of `work` parted by semicolons (each span starts after its semicolon)."""
    cuts = [m.start() for m in re.finditer(";", work)]
    starts, ends = [0, *(c + 1 for c in cuts)], [*cuts, len(work)]
    return list(zip(starts, ends))


def _act(m: re.Match[str]) -> str:
    return " ".join(m.group("act").lower().split())


def other_act_clauses(work: str, rules: Rules) -> list[Span]:
    """'Newborns among 16 dead in hospital attack; 24 killed in funeral bombing': a clause after a
    semicolon that tells casualties in an act of its own, other than the act the clause before tells
    its casualties in, is another incident's (to the sentence's end: a headline run into the story
    stays with its first act). 'Five killed in the blast; 12 injured in the blast' tells one act."""
    clauses = _clauses(work)
    for (a, b), (c, d) in zip(clauses, clauses[1:]):
        before = list(rules.headline_act.finditer(work, a, b))
        after = rules.headline_act.search(work, c, d)
        if before and after is not None and _act(after) != _act(before[-1]):
            return [(c - 1, len(work))]
    return []


def noun_tolls(work: str, base: int, rules: Rules, found: Found) -> list[Span]:
    """Record the groups told by a noun of the act ('the killing of 13 civilians', 'injuries to 32
    others') and return their spans; not a noun set over a span of time ('the killing of 300 people
    since 2009': no incident's toll)."""
    spans: list[Span] = []
    for m in rules.noun_toll.finditer(work):
        value = parse_number(m.group("num"))
        if value is None or rules.background.search(m.group("rest")):
            continue
        found["injured" if m.group("inj") else "fatalities"].append((value, (base + m.start(), base + m.end("num"))))
        spans.append((m.start(), m.end("num")))
    return spans


def contrasted_again(text: str, start: int, before: list[Span], item: Span, cues: tuple[re.Pattern[str], ...]) -> bool:
    """'A villager said 22 people were killed. However, the police spokesman said 15 were killed': a group
    in a sentence (from `start`) opening on a contrast, after groups counted `before` it, without a
    revision word before the group ('However, police later said 30 had died') nor a further-victims cue
    at it ('But five more died in hospital'), is another source's figure for the same victims; so is a
    group after words telling another toll ('The ministry gave a lower death toll, saying 12 were
    killed'). `cues`: the contrast opener, revision words, further-victims cues and other-toll words."""
    opener, revision, further, other = cues
    told_apart = opener.match(text, start) is not None or other.search(text, start, item[0]) is not None
    if not told_apart or not any(b <= start for _, b in before):
        return False
    if revision.search(text, start, item[1]) is not None:
        return False
    return further.search(text, max(start, item[0] - 15), item[1] + 15) is None
