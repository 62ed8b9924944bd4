"""One incident told across a report is one event. A report often tells an attack in its opening
sentences and, paragraphs later, who claimed it, who was blamed, or how many it killed ("The TTP
claimed responsibility for the assault"; "Officials said the toll rose to 12"). When such a sentence
names a place or a day of its own it can open an incident of its own, and the attack becomes two
events: the toll on one, the claim on the other.

After a report's events are built, an event that adds nothing contradicting an earlier one (or, when
none is told before it, a later one) is folded into it: both violence, both dated, days that overlap
(a day told "around" is three days either side), places that fit one within the other, at most one of them with a
toll (or the same toll: the same victims are never counted twice), and no other perpetrator. An event
told in a sentence that announces another incident ("In a separate attack", "reports of another
attack") is never folded, unless it tells only a claim ("Later, X said one of its fighters had ...").
The event with the toll leads; it takes each field it lacks from the other, with its evidence (document and
span), and all the statements of who did it; it keeps its own kind of act. The record names the events folded in (`extra["folded"]`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from conflictlens.extract.build import VIOLENT_TYPES, summarise
from conflictlens.extract.segment import announces_new
from conflictlens.model.records import Casualties, Event, precision_rank

_TOLLS = ("fatalities", "injured")
_AROUND_DAYS = 3  # how far a day told "around" may be from the day meant
# Fields a fragment gives the event it folds into when that one lacks them: (field, evidence names).
_GIVEN = (("date", ("date",)), ("location", ("location",)), ("fatalities", ("fatalities",)),
          ("injured", ("injured",)), ("perpetrators_killed", ("perpetrators_killed",)),
          ("attack_type", ("attack_type",)), ("weapon_type", ("weapon_type",)),
          ("target_type", ("target_type",)), ("targets", ("targets",)), ("target_actor", ("target_actor",)))


def fold_fragments(found: list[tuple[Event, tuple[int, int]]], text: str) -> list[tuple[Event, tuple[int, int]]]:
    """The report's (event, incident span) pairs, each fragment folded into the incident it speaks of."""
    kept: list[tuple[Event, tuple[int, int]]] = []
    for event, span in found:
        host = next((i for i in range(len(kept) - 1, -1, -1) if fits(kept[i][0], event)), None)
        # an incident told as another ("In a separate attack"), as the segmenter reads it, stays apart; not a
        # claim told later with no place or toll of its own ("Later on Friday, X said one of its fighters ...")
        if host is None or (announces_new(text[span[0]:span[1]]) and not _claim_only(event)):
            kept.append((event, span))
        else:
            kept[host] = (fold(kept[host][0], event), kept[host][1])
    return kept


def _claim_only(event: Event) -> bool:
    """Whether an event tells only that a group claimed an act: no place below the country, no toll."""
    return event.claimed and not event.location.place and all(n is None for n in _toll(event))


def fits(a: Event, b: Event) -> bool:
    """Whether nothing of the two events tells them apart: both violence, overlapping days, places one
    within the other, at most one toll (or the same), no two perpetrators."""
    return (a.event_type in VIOLENT_TYPES and b.event_type in VIOLENT_TYPES and _same_days(a, b)
            and _same_place(a, b) and _one_toll(a, b)
            and (not a.perpetrator or not b.perpetrator or a.perpetrator == b.perpetrator))


def _same_days(a: Event, b: Event) -> bool:
    """Whether their days overlap. Undated events (a wire text without a publication day) have no day to
    tell incidents apart by: they are never folded."""
    if not a.date.start or not b.date.start:
        return False
    (a0, a1), (b0, b1) = _window(a), _window(b)
    return a0 <= b1 and b0 <= a1


def _window(event: Event) -> tuple[dt.date, dt.date]:
    """The days an event's date may mean: a day "around" a week (precision week, one day told) is three days
    either side of it."""
    start = dt.date.fromisoformat(event.date.start[:10])
    end = dt.date.fromisoformat((event.date.end or event.date.start)[:10])
    margin = dt.timedelta(days=_AROUND_DAYS if event.date.precision == "week" and start == end else 0)
    return start - margin, end + margin


def _same_place(a: Event, b: Event) -> bool:
    x, y = a.location, b.location
    return all(not p or not q or p == q for p, q in ((x.country, y.country), (x.admin1, y.admin1), (x.place, y.place)))


def _toll(event: Event) -> tuple[int | None, ...]:
    return tuple(getattr(event, name).best for name in _TOLLS)


def _one_toll(a: Event, b: Event) -> bool:
    """At most one of them tells a toll, or both tell the same victims: every count both give is the same
    (74 killed beside 74 killed and 17 wounded), and they share at least one."""
    x, y = _toll(a), _toll(b)
    if all(n is None for n in x) or all(n is None for n in y):
        return True
    shared = [(m, n) for m, n in zip(x, y) if m is not None and n is not None]
    return bool(shared) and all(m == n for m, n in shared)


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
        mine, theirs = precision_rank(value.precision), precision_rank(getattr(other, name).precision)
        # a town named at province precision ("20 km from Boni") still names more than the province alone
        town = name == "location" and not value.place and bool(other.location.place)
        return mine > theirs or (mine == theirs and town)
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
