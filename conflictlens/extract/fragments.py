"""One incident told across a report is one event. A report often tells an attack in its opening
sentences and, paragraphs later, who claimed it, who was blamed, or how many it killed ("The TTP
claimed responsibility for the assault"; "Officials said the toll rose to 12"). When such a sentence
names a place or a day of its own it can open an incident of its own, and the attack becomes two
events: the toll on one, the claim on the other.

After a report's events are built, an event that adds nothing contradicting an earlier one (or, when
none is told before it, a later one) is folded into it: the same kind of act (both violence), days
that overlap, places that fit one within the other, at most one of them with a toll (or the same toll:
the same victims are never counted twice), and no other perpetrator. An event told in a sentence that
announces another incident ("In a separate attack", "Elsewhere", "A second bomb") is never folded.
The folded event gives each field the other lacks, with its evidence (document and span), and its
statements of who did it; the record names the events folded in (`extra["folded"]`).
"""

from __future__ import annotations

from dataclasses import replace

from conflictlens.extract.build import VIOLENT_TYPES, summarise
from conflictlens.extract.segment import announces_new
from conflictlens.model.records import Casualties, Event, precision_rank

_TOLLS = ("fatalities", "injured")
# Fields a fragment gives the event it folds into when that one lacks them: (field, evidence names).
_GIVEN = (("date", ("date",)), ("location", ("location",)), ("fatalities", ("fatalities",)),
          ("injured", ("injured",)), ("perpetrators_killed", ("perpetrators_killed",)),
          ("attack_type", ("attack_type",)), ("weapon_type", ("weapon_type",)),
          ("target_type", ("target_type",)), ("targets", ("targets",)), ("target_actor", ("target_actor",)))


def fold_fragments(found: list[tuple[Event, tuple[int, int]]], text: str) -> list[tuple[Event, tuple[int, int]]]:
    """The report's (event, incident span) pairs, each fragment folded into the incident it speaks of."""
    kept: list[tuple[Event, tuple[int, int]]] = []
    for event, span in found:
        if announces_new(text[span[0]: span[1]]):
            kept.append((event, span))
            continue
        host = next((i for i in range(len(kept) - 1, -1, -1) if fits(kept[i][0], event)), None)
        if host is None:
            kept.append((event, span))
        else:
            kept[host] = (fold(kept[host][0], event), kept[host][1])
    return kept


def fits(a: Event, b: Event) -> bool:
    """Whether nothing of the two events tells them apart: both violence, overlapping days, places one
    within the other, at most one toll (or the same), no two perpetrators."""
    return (a.event_type in VIOLENT_TYPES and b.event_type in VIOLENT_TYPES and _same_days(a, b)
            and _same_place(a, b) and _one_toll(a, b)
            and (not a.perpetrator or not b.perpetrator or a.perpetrator == b.perpetrator))


def _same_days(a: Event, b: Event) -> bool:
    if not a.date.start or not b.date.start:
        return True
    return a.date.start <= (b.date.end or b.date.start) and b.date.start <= (a.date.end or a.date.start)


def _same_place(a: Event, b: Event) -> bool:
    x, y = a.location, b.location
    return all(not p or not q or p == q for p, q in ((x.country, y.country), (x.admin1, y.admin1), (x.place, y.place)))


def _toll(event: Event) -> tuple[int | None, ...]:
    return tuple(getattr(event, name).best for name in _TOLLS)


def _one_toll(a: Event, b: Event) -> bool:
    told = [t for t in (_toll(a), _toll(b)) if any(n is not None for n in t)]
    return len(told) < 2 or told[0] == told[1]


def fold(a: Event, b: Event) -> Event:
    """`a` with what `b` tells and `a` lacks (each with its evidence); the one with the toll leads."""
    host, other = (b, a) if any(n is not None for n in _toll(b)) and all(n is None for n in _toll(a)) else (a, b)
    merged = replace(host, evidence={k: list(v) for k, v in host.evidence.items()}, extra=dict(host.extra),
                     attribution=list(host.attribution))
    for name, evidence in _GIVEN:
        if _lacks(merged, name, other) and not _lacks(other, name, merged):
            setattr(merged, name, getattr(other, name))
            for key in evidence:
                merged.evidence[key] = list(other.evidence.get(key, []))
    _give_attribution(merged, other)
    merged.summary = summarise(merged)
    merged.confidence = max(a.confidence, b.confidence)
    merged.extra["folded"] = [*host.extra.get("folded", []), other.id, *other.extra.get("folded", [])]
    return merged


def _lacks(event: Event, name: str, other: Event) -> bool:
    """Whether `event` lacks the field, or tells it less finely than `other` (a month, a province)."""
    value = getattr(event, name)
    if isinstance(value, Casualties):
        return value.best is None
    if name in ("date", "location"):  # the days overlap, the places lie one within the other
        return precision_rank(value.precision) > precision_rank(getattr(other, name).precision)
    return not value


def _give_attribution(merged: Event, other: Event) -> None:
    """The statements of both; the perpetrator and claim of `other` when `merged` names none."""
    merged.attribution += [s for s in other.attribution if s not in merged.attribution]
    merged.evidence["attribution"] = merged.evidence.get("attribution", []) + other.evidence.get("attribution", [])
    if not merged.evidence["attribution"]:
        del merged.evidence["attribution"]
    if merged.perpetrator is None and other.perpetrator:
        merged.perpetrator, merged.claimed = other.perpetrator, other.claimed
        for key in ("perpetrator", "claimed"):
            merged.evidence[key] = list(other.evidence.get(key, []))
    elif merged.perpetrator == other.perpetrator and other.claimed and not merged.claimed:
        merged.claimed = True
        merged.evidence["claimed"] = list(other.evidence.get("claimed", []))
