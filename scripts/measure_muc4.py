"""Measure the extract path on MUC-4 wire documents (read in place from ../shared/data; nothing is copied).

Only documents whose `split_part(doc_id)` is the requested part are read; the default is "tune", so
held-out texts are never opened while developing. Figures, per document:
- incident detection: a document reports an incident when any of its gold roles is filled; the
  extractor detects one when it gives at least one political-violence event (Battles, Explosions/
  Remote violence, Violence against civilians, Riots). F1 over documents; false alarms = share of
  documents without gold roles that give such an event.
- perpetrator organisation: the gold clusters (each a list of spellings) against the perpetrators of
  the document's events; a cluster is found when one of its spellings resolves to the same registry
  actor as a perpetrator (or its parent), or reads as the same name. Micro F1 over documents. A
  second figure lets a gold cluster that names a state's forces without the state ("ARMED FORCES")
  be found by any predicted state-forces actor.

    python scripts/measure_muc4.py [--part tune] [--limit N] [--show-misses]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run from a checkout without installing

from conflictlens.evaluation import same_name, split_part  # noqa: E402
from conflictlens.model.records import Document  # noqa: E402
from conflictlens.pipeline.extraction import build_extractor  # noqa: E402

MUC4 = REPO.parent / "shared" / "data" / "muc4"
VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Riots")


def _documents(part: str, limit: int | None) -> list[tuple[str, dict]]:
    rows: list[tuple[str, dict]] = []
    for name in ("train.json", "dev.json"):
        path = MUC4 / name
        if not path.is_file():
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        rows += [(k, v) for k, v in data.items() if part == "all" or split_part(k) == part]
    return rows[:limit] if limit else rows


def _canonical(registry, name: str) -> str | None:
    """The registry actor a gold spelling names: as written (acronyms match in capitals only), then
    in title case; failing a whole-name match, the one non-generic actor the spelling contains."""
    for form in (name, name.title()):
        found = registry.resolve(form)
        if found is not None and found.score >= 0.9:
            return found.canonical
    named = {m.canonical for m in registry.find_actors(name) if not registry.is_generic(m.canonical)}
    return named.pop() if len(named) == 1 else None


def _cluster_found(registry, cluster: list[str], predicted: set[str], lenient: bool = False) -> bool:
    """A predicted actor, or its parent, is the cluster's actor. `lenient`: a gold cluster that names
    the state's forces without naming the state ("ARMED FORCES", "SALVADORAN ARMY") is found by any
    predicted state-forces actor."""
    canon = {_canonical(registry, n) for n in cluster} - {None}
    lineages = {a for p in predicted for a in (p, *registry.lineage(p))}
    if canon & lineages or any(same_name(n, *predicted) for n in cluster):
        return True
    return lenient and _names_state_forces(registry, cluster) and any(_is_state(registry, p) for p in predicted)


def _names_state_forces(registry, cluster: list[str]) -> bool:
    found = {m.canonical for n in cluster for m in registry.find_actors(n)}
    return any(_is_state(registry, c) for c in found)


def _is_state(registry, canonical: str) -> bool:
    entry = registry.get(canonical)
    return entry is not None and entry.actor_type == "state forces"


def measure(part: str, limit: int | None, show_misses: bool) -> dict:
    docs = _documents(part, limit)
    extractor = build_extractor()
    registry = extractor.actors
    tp = fp = fn = neg = false_alarms = 0
    otp = ofp = ofn = 0
    ltp = lfp = lfn = 0
    started = time.perf_counter()
    documents = [Document(id=k, text=v["doc"]) for k, v in docs]
    for (doc_id, row), (_doc, events) in zip(docs, extractor.extract_many(documents)):
        gold = any(row["roles"].values())
        violent = [e for e in events if e.event_type in VIOLENT]
        tp, fp, fn = tp + (gold and bool(violent)), fp + (not gold and bool(violent)), fn + (gold and not violent)
        neg, false_alarms = neg + (not gold), false_alarms + (not gold and bool(violent))
        predicted = {e.perpetrator for e in violent if e.perpetrator}
        clusters = row["roles"].get("perp_organization_id", [])
        hits = [c for c in clusters if _cluster_found(registry, c, predicted)]
        otp, ofn = otp + len(hits), ofn + len(clusters) - len(hits)
        wrong = {p for p in predicted if not any(_cluster_found(registry, c, {p}) for c in clusters)}
        ofp += len(wrong)
        lenient = [c for c in clusters if _cluster_found(registry, c, predicted, True)]
        ltp, lfn = ltp + len(lenient), lfn + len(clusters) - len(lenient)
        lfp += sum(1 for p in predicted if not any(_cluster_found(registry, c, {p}, True) for c in clusters))
        if show_misses and (wrong or len(hits) < len(clusters)):
            print(f"{doc_id}: gold {[c[0] for c in clusters]} ours {sorted(predicted)}")
    elapsed = time.perf_counter() - started
    return {"part": part, "documents": len(docs), "seconds": round(elapsed, 1),
            "incident_f1": _f1(tp, fp, fn), "false_alarms": round(false_alarms / neg, 3) if neg else 0.0,
            "perp_org_f1": _f1(otp, ofp, ofn), "perp_org": {"tp": otp, "fp": ofp, "fn": ofn},
            "perp_org_f1_state_forces_lenient": _f1(ltp, lfp, lfn)}


def _f1(tp: int, fp: int, fn: int) -> float:
    return round(2 * tp / (2 * tp + fp + fn), 3) if tp else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", default="tune", choices=("tune", "held-out"))
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    if not MUC4.is_dir():
        print("MUC-4 data absent: nothing measured")
        return
    print(json.dumps(measure(args.part, args.limit, args.show_misses)))


if __name__ == "__main__":
    main()
