"""Measure who the extractor says was attacked (`target_actor`) against GTD's coded target group.

GTD's `corp1` names the attacked group ("Afghan Police", "Pakistan Armed Forces"); rows whose
`corp1` is "Not Applicable" with target type Private Citizens & Property count as Civilians, and
rows whose `corp1` is "Unknown" or names nothing in the registry are left out. Ours is right when it
is the same registry actor or one of its parents or branches (GTD's "Afghan National Security Force
(ANSF)" and our "Afghan National Army (ANA)" agree). Read in place from ../shared/data; nothing is
copied. Exits cleanly when the restricted data is absent.

    python scripts/measure_targets.py [--show-misses]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run from a checkout without installing

from conflictlens.actors import ActorRegistry  # noqa: E402
from conflictlens.model.ids import document_id  # noqa: E402
from conflictlens.model.records import Document  # noqa: E402
from conflictlens.pipeline.extraction import build_extractor  # noqa: E402
# The GTD dev file, its rows and their dates, read as the actor measurement reads them.
from measure_actors import COUNTRIES, GTD, _date, _rows  # noqa: E402


def gold_target(row: dict[str, str], registry: ActorRegistry) -> str | None:
    corp = row.get("corp1", "").strip()
    if corp == "Not Applicable" and row.get("targtype1_txt") == "Private Citizens & Property":
        return "Civilians"
    if not corp or corp in ("Unknown", "Not Applicable"):
        return None
    found = registry.resolve(corp, COUNTRIES.get(row.get("country_txt", "")), _date(row))
    # Exact names, aliases, acronyms and regional branches only: a fuzzy match would make up gold.
    return found.canonical if found is not None and found.method in ("exact", "alias", "acronym", "context") else None


def lineage(name: str, registry: ActorRegistry) -> set[str]:
    """The actor and its parents."""
    out, entry = set(), registry.get(name)
    while entry is not None and entry.name not in out:
        out.add(entry.name)
        entry = registry.get(entry.parent) if entry.parent else None
    return out or {name}


def agrees(ours: str, gold: str, registry: ActorRegistry) -> bool:
    return ours == gold or ours in lineage(gold, registry) or gold in lineage(ours, registry)


def main() -> None:
    if not GTD.exists():
        print(f"GTD dev file not found at {GTD}; nothing to measure.")
        return
    show = "--show-misses" in sys.argv
    registry = ActorRegistry.load()
    rows = _rows()
    docs = [Document(id=document_id(r["summary"] or r["eventid"]), text=r["summary"] or "") for r in rows]
    tally: Counter[str] = Counter()
    for row, (_doc, events) in zip(rows, build_extractor().extract_many(docs)):
        gold = gold_target(row, registry)
        ours = events[0].target_actor if events else None
        tally["rows"] += 1
        tally["gold"] += gold is not None
        tally["ours"] += ours is not None
        if gold is not None and ours is not None:
            tally["both"] += 1
            ok = agrees(ours, gold, registry)
            tally["agree"] += ok
            if show and not ok:
                print(f"{row['eventid']}: ours {ours!r}, GTD {gold!r} ({row['corp1']})")
        elif show and gold is not None:
            print(f"{row['eventid']}: ours none, GTD {gold!r} ({row['corp1']}, {row['targtype1_txt']})")
    both, gold = tally["both"], tally["gold"]
    print(f"rows {tally['rows']}; GTD names a registry target in {gold}; we name one in {tally['ours']}")
    print(f"agreement where both name one: {tally['agree'] / max(both, 1):.3f} ({tally['agree']}/{both})")
    print(f"recall against GTD: {tally['agree'] / max(gold, 1):.3f} ({tally['agree']}/{gold})")


if __name__ == "__main__":
    main()
