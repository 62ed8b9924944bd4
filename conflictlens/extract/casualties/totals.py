"""The totals of a casualty parse: groups of one sentence add up, a later sentence restates the count
unless it tells further victims, the latest revised toll gives the best figure, and a second source's
figure widens the range. Internal to the casualty parser; the conventions are in the lexicon's
``_conventions``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection, Mapping, Sequence

from conflictlens.extract.casualties.rules import Span, Triple
from conflictlens.extract.casualties.sources import second_speaker
from conflictlens.model.records import Casualties

Entry = tuple[Triple, Span]


def total(entries: list[Entry], tolls: list[Entry], ceilings: list[Entry] = (), sentences: Sequence[int] = (),
          further: Collection[Span] = (), second: Sequence[Entry] = (),
          speakers: Mapping[int, frozenset[str]] | None = None) -> Casualties:
    """Groups of one sentence add up; a later sentence adds its groups only when they tell further
    victims ('another', 'also' at the group), else it restates the victims counted (a headline and
    its body, a repeated lead) and can only raise the figures. The latest revised toll, when there is one, gives
    the best figure; a forecast ('could rise to 20') can only raise the high figure; a second source's
    figure widens the range and gives the best only when it is the lower."""
    kept = _by_sentence(entries, sentences, further, speakers or {})
    counted = _with_second(_counted(kept, tolls), _per_sentence(second, sentences))
    highs = [v[2] for v, _ in ceilings if v[2] is not None]
    if not highs:
        return counted
    known = [counted.high] if counted.high is not None else []
    return Casualties(counted.low, counted.best, max(highs + known))


def _per_sentence(entries: Sequence[Entry], sentences: Sequence[int]) -> list[Entry]:
    """A second source's groups of one sentence add up ('saying seven civilians and five policemen')."""
    return [(_sum(group), group[0][1]) for group in _sentence_groups(entries, sentences).values()]


def _sentence_groups(entries: Sequence[Entry], sentences: Sequence[int]) -> dict[int, list[Entry]]:
    """The entries by the start of the sentence each lies in (in order of first appearance)."""
    groups: dict[int, list[Entry]] = {}
    for entry in entries:
        groups.setdefault(sentences[max(0, bisect_right(sentences, entry[1][0]) - 1)] if sentences else 0, []).append(entry)
    return groups


def _with_second(counted: Casualties, second: Sequence[Entry]) -> Casualties:
    """Two sources' figures for the same victims: the lower low and best (the rule resolve applies
    between reports when neither source is graded better nor later), the higher high (unknown when
    either is)."""
    values = [v for v, _ in second]
    if counted.best is not None or counted.low is not None:
        values.append((counted.low, counted.best, counted.high))
    if not values:
        return counted
    lows, bests = [v[0] for v in values if v[0] is not None], [v[1] for v in values if v[1] is not None]
    highs = [v[2] for v in values]
    return Casualties(min(lows, default=None), min(bests, default=None),
                      None if any(h is None for h in highs) else max(highs))  # type: ignore[type-var]


# How far before a group a further-victims cue may stand ('In addition, two police officers were killed').
CUE_REACH = 15


def _tells_further(group: list[Entry], further: Collection[Span], start: int = 0) -> bool:
    """Whether a cue of further victims stands at one of the sentence's groups: 'another five', 'five
    more', 'was also killed'. A cue elsewhere in the sentence ('the 23 dead included officials as well
    as the deputy chief', 'nine dead and several others wounded') or in the sentence before ('troops
    later pursued them. 11 soldiers killed') marks no further dead."""
    return any(max(start, a - CUE_REACH) <= c < b for c, _ in further for _, (a, b) in group)


def _by_sentence(entries: list[Entry], sentences: Sequence[int], further: Collection[Span],
                 speakers: Mapping[int, frozenset[str]]) -> list[Entry]:
    """The entries with each restating sentence's groups folded into the count before it; a later source
    of its own (`speakers`, `sources.second_speaker`) does not raise the first count's figure."""
    if len(sentences) < 2 or len(entries) < 2:
        return entries
    groups = _sentence_groups(entries, sentences)
    kept: list[Entry] = []
    first = frozenset[str]()  # the source of the count, as the first sentence naming one tells it
    detail = 0  # victims of the count so far told again a group at a time ("a soldier and a woman were killed")
    for start in sorted(groups):
        told, part = _sum(kept)[1] or 0, _sum(groups[start])[1] or 0
        # "killing five ... An FC soldier, a woman and a passerby were killed. Two others died in hospital":
        # further victims that still fit in the count told detail it rather than add to it
        within = 0 < detail and detail + part <= told
        if not kept or (_tells_further(groups[start], further, start) and not within):
            first = first if kept else speakers.get(start, frozenset())
            kept, detail = kept + groups[start], 0
        else:
            detail = detail + part if part < told else 0
            other = second_speaker(first, speakers.get(start, frozenset()))
            kept = [(_restated(_sum(kept), _sum(groups[start]), other), kept[0][1])]
            first = first or speakers.get(start, frozenset())  # a headline names no source: the story does
    return kept


def _sum(entries: list[Entry]) -> Triple:
    c = _counted(entries, [])
    return (c.low, c.best, c.high)


def _restated(before: Triple, again: Triple, other_source: bool = False) -> Triple:
    """The same victims told twice: the larger floor and figure; a known ceiling when either knows one.
    Told by `other_source` ('..., Turkish officials said. The Observatory said 14 were killed'): the
    higher figure widens the range only, the lower stays best (the lower of two sources). Figures far
    apart (more than twice the first) count other victims: 'killed scores of civilians' over months is no
    source's figure for the 124 killed in a raid."""
    if other_source and again[1] is not None and before[1] is not None and before[1] < again[1] <= 2 * before[1]:
        return before[0], before[1], None if before[2] is None or again[2] is None else max(before[2], again[2])

    def top(*xs: int | None) -> int | None:
        known = [x for x in xs if x is not None]
        return max(known) if known else None
    highs = [h for h in (before[2], again[2]) if h is not None]
    best = top(before[1], again[1])
    return top(before[0], again[0]), best, (max(highs + ([best] if best is not None else [])) if highs else None)


def _counted(entries: list[Entry], tolls: list[Entry]) -> Casualties:
    values = [v for v, _ in entries]
    bests = [v[1] for v in values if v[1] is not None]
    lows = [v[0] for v in values if v[0] is not None]
    best = sum(bests) if bests else None
    low = sum(lows) if lows else None
    high = None if not values or any(v[2] is None for v in values) else sum(v[2] for v in values)  # type: ignore[misc]
    if not tolls:
        return Casualties(low, best, high)
    seen = [x for v in [(low, best, high), *(t for t, _ in tolls)] for x in v if x is not None]
    latest = tolls[-1][0]
    # "killing at least 62 ... confirmed a toll of more than 60": a toll that is only a floor does not
    # lower a figure already known to be higher
    floor_only = latest[2] is None and low is not None and latest[1] is not None and low > latest[1]
    return Casualties(min(seen), low if floor_only else latest[1], max(seen))
