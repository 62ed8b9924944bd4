"""The merged record of an incident, computed from its members; every field names its sources.

Rules (also in docs/accuracy.md):
- a categorical field (types, perpetrator) takes the value given by the most sources, ties going
  to the more reliable source; other values are kept as `alternatives`, each with its sources;
- the date is the most precise one given, and the most common among equally precise ones;
- the location is the most precise one (place, then district, province, country) given by most
  sources; others are kept as alternatives;
- casualties: `low` is the lowest figure reported, `high` the highest. `best` is NOT the maximum:
  it is the figure of the most reliable source (grade A..F), and among equally reliable sources
  the latest reported (tolls are revised upwards as the dead are counted, and down when double
  counting is found); a tie on the same day goes to the figure more sources give, then to the
  lower one. Undated figures count as the oldest. `timeline` lists every figure in the order it
  was reported ("16, Kabul Wire, 12 May 2021; 24, Afghan Ledger, 13 May 2021").
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from functools import lru_cache
from typing import Any, Callable, Hashable, Sequence

from conflictlens.model.records import Casualties, Event, precision_rank
from conflictlens.resolve.profile import Source

BEST_RULE = ("most reliable source, then latest reported, then most sources, then lowest; "
             "low and high are the extremes of all reports")
Member = tuple[Event, Source]


_CATEGORIES = ("event_type", "sub_event_type", "attack_type", "target_type", "weapon_type", "perpetrator")


def compose(incident_id: str, members: Sequence[Member]) -> dict[str, Any]:
    """The merged record of the incident made of `members` (each an event and its source)."""
    if len(members) == 1:
        return _compose_one(incident_id, *members[0])
    members = sorted(members, key=lambda m: (m[1].reported_on or "", m[0].id))
    record: dict[str, Any] = {
        "id": incident_id,
        "members": [e.id for e, _ in members],
        "sources": [{"event_id": e.id, **src.to_dict(), "dataset_id": e.dataset_id} for e, src in members],
    }
    for name in _CATEGORIES:
        record[name] = _choice(members, lambda e, n=name: _known(getattr(e, n)))
    record["claimed"] = _choice(members, lambda e: True if e.claimed else None)
    record["date"] = _date(members)
    record["location"] = _location(members)
    for name in ("fatalities", "injured", "perpetrators_killed"):
        record[name] = casualty_summary([(getattr(e, name), src, e.id) for e, src in members])
    record["targets"] = _union(members, lambda e: e.targets)
    record["attribution"] = _attributions(members)
    return record


def _compose_one(incident_id: str, event: Event, src: Source) -> dict[str, Any]:
    """compose() of a one-member incident (most incidents), with nothing to group or rank: the same
    record, field for field and in the same order, built without the general path's calls per field."""
    label, event_id, member = src.label, event.id, ((event, src),)
    record: dict[str, Any] = {"id": incident_id, "members": [event_id],
                              "sources": [{"event_id": event_id, **src.to_dict(), "dataset_id": event.dataset_id}]}
    for name in _CATEGORIES:
        value = getattr(event, name)
        record[name] = _no_choice() if value in (None, "", "Unknown") else \
            {"value": value, "sources": [label], "events": [event_id]}
    record["claimed"] = {"value": True, "sources": [label], "events": [event_id]} if event.claimed else \
        _no_choice()
    record["date"] = _date(member)
    record["location"] = _location(member)
    for name in ("fatalities", "injured", "perpetrators_killed"):
        figure = getattr(event, name)
        record[name] = _no_figures() if figure.best is None and figure.low is None else \
            casualty_summary(((figure, src, event_id),))
    record["targets"] = _union(member, lambda e: e.targets) if event.targets else []
    record["attribution"] = _attributions(member) if event.attribution else []
    return record


def _no_choice() -> dict[str, Any]:
    """_choice's answer when no member gives a value."""
    return {"value": None, "sources": [], "events": []}


def _no_figures() -> dict[str, Any]:
    """casualty_summary's record when no source gives a figure."""
    return {"low": None, "best": None, "high": None, "best_rule": BEST_RULE, "best_from": None,
            "figures": [], "timeline": ""}


def casualty_summary(figures: Sequence[tuple[Casualties, Source, str]]) -> dict[str, Any]:
    """low/best/high over every source's figure, the rule that chose best, and the revision timeline."""
    known = [(c, src, eid) for c, src, eid in figures if c.best is not None or c.low is not None]
    if not known:
        return _no_figures()
    entries = [_figure(c, src, eid) for c, src, eid in known]
    if len(entries) == 1:  # one figure: it is low, best, high and the whole timeline
        (only,) = entries
        return {"low": only["low"], "best": only["value"], "high": only["high"], "best_rule": BEST_RULE,
                "best_from": {"source": only["source"], "event_id": only["event_id"]}, "figures": entries,
                "timeline": _timeline_item(only)}
    support: dict[int, int] = defaultdict(int)
    for entry in entries:
        support[entry["value"]] += 1
    chosen = min(entries, key=lambda f: (f["grade"], _negated_date(f["reported_on"]), -support[f["value"]],
                                         f["value"]))
    timeline = sorted(entries, key=lambda f: (f["reported_on"] or "", f["value"]))
    return {
        "low": min(f["low"] for f in entries), "best": chosen["value"], "high": max(f["high"] for f in entries),
        "best_rule": BEST_RULE, "best_from": {"source": chosen["source"], "event_id": chosen["event_id"]},
        "figures": timeline,
        "timeline": "; ".join(_timeline_item(f) for f in timeline),
    }


def _figure(c: Casualties, src: Source, event_id: str) -> dict[str, Any]:
    value = c.best if c.best is not None else c.low
    low = min(v for v in (c.low, value) if v is not None)
    high = max(v for v in (c.high, value) if v is not None)
    return {"value": value, "low": low, "high": high, "source": src.label, "event_id": event_id,
            "reported_on": src.reported_on, "grade": src.grade}


def _negated_date(iso: str | None) -> int:
    """Sort key putting later dates first and undated figures last."""
    try:
        return -date.fromisoformat(iso[:10]).toordinal() if iso else 0
    except ValueError:
        return 0


def _timeline_item(f: dict[str, Any]) -> str:
    return f"{f['value']}, {f['source']}, {_shown_date(f['reported_on'])}"


@lru_cache(maxsize=4096)
def _shown_date(when: str | None) -> str:
    """"12 May 2021" for a reported_on date (remembered: a dataset's rows share few dates, and strftime is slow)."""
    try:
        day = date.fromisoformat(when[:10]) if when else None
        return f"{day.day} {day.strftime('%b %Y')}" if day else "undated"
    except ValueError:
        return when


def _known(value: Any) -> Any:
    return None if value in (None, "", "Unknown") else value


def _choice(members: Sequence[Member], value_of: Callable[[Event], Hashable]) -> dict[str, Any]:
    if len(members) == 1:  # most incidents have one member: nothing to group or rank
        event, src = members[0]
        value = value_of(event)
        if value is None:
            return {"value": None, "sources": [], "events": []}
        return {"value": value, "sources": [src.label], "events": [event.id]}
    groups: dict[Hashable, list[Member]] = defaultdict(list)
    for event, src in members:
        value = value_of(event)
        if value is not None:
            groups[value].append((event, src))
    if not groups:
        return {"value": None, "sources": [], "events": []}
    if len(groups) == 1:  # most fields of most incidents: nothing to rank
        ((value, backers),) = groups.items()
        return {"value": value, **_named(backers)}
    ranked = sorted(groups.items(), key=lambda kv: (-_distinct_sources(kv[1]), min(s.grade for _, s in kv[1]),
                                                    str(kv[0])))
    (value, backers), rest = ranked[0], ranked[1:]
    out = {"value": value, **_named(backers)}
    if rest:
        out["alternatives"] = [{"value": v, **_named(b)} for v, b in rest]
    return out


def _distinct_sources(backers: Sequence[Member]) -> int:
    return len({src.key for _, src in backers})


def _named(backers: Sequence[Member]) -> dict[str, list[str]]:
    return {"sources": list(dict.fromkeys(src.label for _, src in backers)), "events": [e.id for e, _ in backers]}


def _date(members: Sequence[Member]) -> dict[str, Any]:
    if len(members) == 1 and members[0][0].date.start:  # one dated member: its date, nothing to rank
        event, src = members[0]
        when = event.date
        return {"start": when.start, "end": when.end or when.start, "precision": when.precision,
                "sources": [src.label], "events": [event.id]}
    dated = [(e, s) for e, s in members if e.date.start]
    if not dated:
        return {"start": None, "end": None, "precision": None, "sources": [], "events": []}
    finest = min(precision_rank(e.date.precision) for e, _ in dated)
    precise = [(e, s) for e, s in dated if precision_rank(e.date.precision) == finest]
    choice = _choice(precise, lambda e: (e.date.start, e.date.end or e.date.start, e.date.precision))
    start, end, precision = choice["value"]
    backers = [(e, s) for e, s in dated if e.date.start <= start and (e.date.end or e.date.start) >= end]
    out = {"start": start, "end": end, "precision": precision, **_named(backers)}
    backing = {e.id for e, _ in backers}
    others = [(e, s) for e, s in dated if e.id not in backing]
    if others:
        out["alternatives"] = [{"start": e.date.start, "end": e.date.end, "precision": e.date.precision,
                                **_named([(e, s)])} for e, s in others]
    return out


def _location(members: Sequence[Member]) -> dict[str, Any]:
    if len(members) == 1 and members[0][0].location.country:  # one located member: its place
        event, src = members[0]
        return {**event.location.to_dict(), "sources": [src.label], "events": [event.id]}
    located = [(e, s) for e, s in members if e.location.country]
    if not located:
        return {"country": None, "admin1": None, "admin2": None, "place": None, "lat": None, "lon": None,
                "precision": None, "sources": [], "events": []}
    finest = min(precision_rank(e.location.precision) for e, _ in located)
    precise = [(e, s) for e, s in located if precision_rank(e.location.precision) == finest]
    choice = _choice(precise, lambda e: (e.location.country, e.location.admin1, e.location.admin2,
                                         e.location.place))
    example = next(e for e, _ in precise if (e.location.country, e.location.admin1, e.location.admin2,
                                             e.location.place) == choice["value"])
    out = {**example.location.to_dict(), "sources": choice["sources"], "events": choice["events"]}
    chosen = set(choice["events"])
    others = [(e, s) for e, s in located if e.id not in chosen]
    if others:
        out["alternatives"] = [{**e.location.to_dict(), **_named([(e, s)])} for e, s in others]
    return out


def _union(members: Sequence[Member], values_of: Callable[[Event], Sequence[str]]) -> list[dict[str, Any]]:
    groups: dict[str, list[Member]] = defaultdict(list)
    for event, src in members:
        for value in values_of(event):
            groups[value].append((event, src))
    return [{"value": v, **_named(b)} for v, b in groups.items()]


def _attributions(members: Sequence[Member]) -> list[dict[str, Any]]:
    groups: dict[tuple, list[Member]] = defaultdict(list)
    for event, src in members:
        for a in event.attribution:
            groups[(a.actor, a.stance, a.by, a.channel)].append((event, src))
    return [{"actor": k[0], "stance": k[1], "by": k[2], "channel": k[3], **_named(b)} for k, b in groups.items()]
