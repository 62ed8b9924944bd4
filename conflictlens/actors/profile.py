"""What `conflictlens actors show` tells about one actor: its names by script, its place in the
hierarchy, the names datasets use for it, its relations over time and its events per year.

Pure functions over the registry and plain rows read from the store by the pipeline.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from typing import Any, Iterable

from conflictlens.actors.registry import ActorRegistry
from conflictlens.actors.schema import ActorEntry

# Each event counts once per actor, under the strongest thing said about the actor's part in it.
STANCE_STRENGTH = ("claimed", "attributed", "suspected", "denied")
UNDATED = "undated"
_RELATION_DATES = ("date_start", "start", "valid_from", "said_on", "date", "date_end", "end")


def script_of(name: str) -> str:
    """The writing system of a name: "latin", "arabic" (Arabic, Dari, Pashto, Urdu) or "other"."""
    for ch in name:
        if ch.isalpha():
            uname = unicodedata.name(ch, "")
            if uname.startswith("LATIN"):
                return "latin"
            if uname.startswith("ARABIC"):
                return "arabic"
            return "other"
    return "other"


def names_by_script(entry: ActorEntry) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for name in entry.aliases:
        out.setdefault(script_of(name), []).append(name)
    return out


def lineage(registry: ActorRegistry, entry: ActorEntry) -> list[str]:
    """Parent, grandparent, ... up to the top organisation."""
    chain: list[str] = []
    parent = entry.parent
    while parent and parent not in chain and parent != entry.name:
        chain.append(parent)
        up = registry.get(parent)
        parent = up.parent if up else None
    return chain


def describe(registry: ActorRegistry, entry: ActorEntry) -> dict[str, Any]:
    """The registry's knowledge of one actor, as plain data."""
    return {
        "name": entry.name,
        "actor_type": entry.actor_type,
        "country": entry.country,
        "valid_from": entry.valid_from,
        "valid_to": entry.valid_to,
        "parent": entry.parent,
        "lineage": lineage(registry, entry),
        "children": [c.name for c in registry.children(entry.name)],
        "aliases": names_by_script(entry),
        "acronyms": list(entry.acronyms),
        "resolve_only_names": list(entry.weak_aliases),
        "dated_names": [{"name": d.name, "valid_from": d.valid_from, "valid_to": d.valid_to}
                        for d in entry.dated_names],
        "regional_branches": {cc: [{"name": b.name, "valid_from": b.valid_from, "valid_to": b.valid_to} for b in bs]
                              for cc, bs in entry.regional_branches.items()},
        "external_names": {k: list(v) for k, v in entry.external_names.items() if v},
        "merged_names": [n for n in registry.names_of(entry.name) if n != entry.name],
        "generic": entry.generic,
    }


def events_per_year(rows: Iterable[tuple[str, str | None, str]]) -> list[dict[str, Any]]:
    """(event id, event date, stance) rows -> one row per year: events claimed, attributed, suspected
    (and denied only), each event counted once under its strongest stance."""
    strongest: dict[str, tuple[int, str]] = {}
    for event_id, date, stance in rows:
        if stance not in STANCE_STRENGTH:
            continue
        rank = STANCE_STRENGTH.index(stance)
        year = date[:4] if date and date[:4].isdigit() else UNDATED
        if event_id not in strongest or rank < strongest[event_id][0]:
            strongest[event_id] = (rank, year)
    table: dict[str, Counter] = {}
    for rank, year in strongest.values():
        table.setdefault(year, Counter())[STANCE_STRENGTH[rank]] += 1
    years = sorted(table, key=lambda y: (y == UNDATED, y))
    return [{"year": y, **{s: table[y][s] for s in STANCE_STRENGTH}, "total": sum(table[y].values())} for y in years]


def relations_over_time(rows: Iterable[dict[str, Any]], names: Iterable[str]) -> list[dict[str, Any]]:
    """Stored relation rows that involve the actor, oldest first, each with `other`: the actor at the other end.

    The rows come from the relations table as they are stored; only `source` and `target` (or any
    column naming the actor) and a date column are relied on.
    """
    own = set(names)
    out = []
    for row in rows:
        ends = [row.get("source"), row.get("target")]
        if not own & set(ends) and not own & {v for v in row.values() if isinstance(v, str)}:
            continue
        other = next((e for e in ends if e and e not in own), None)
        out.append({"other": other, **row})
    return sorted(out, key=_relation_date)


def _relation_date(row: dict[str, Any]) -> str:
    return next((str(row[k]) for k in _RELATION_DATES if row.get(k)), "9999")
