"""Measuring incident resolution on the labelled sets of tests/resolve (see docs/accuracy.md).

Sets, each resolved from scratch in the order its items were published or listed:
- `reports-coded`: our own reports (tests/resolve/data/reports), with the fields a perfect
  extractor would read (reports_coded.jsonl): resolution alone;
- `reports-extracted`: the same reports through the real extractor: extraction and resolution;
- `acled`: the ACLED sample with its multi-day near-duplicates (restricted, read in place);
- `gtd-ucdp`: GTD 2021 Q1 Pakistan rows against UCDP GED Pakistan rows of the same quarter,
  linked by hand (only the id pairs are in the repository).
Dataset rows are read by the importer, as `conflictlens import` reads them, with the registry links
an import makes. Sets whose data is absent are skipped, never failed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from conflictlens.actors import ActorRegistry
from conflictlens.errors import ConflictLensError
from conflictlens.extract.extractor import Extractor
from conflictlens.ingest import read_text_argument
from conflictlens.ingest.datasets import import_rows
from conflictlens.model.records import Document, Event
from conflictlens.pipeline.dataset_rows import dataset_actor_lookup
from conflictlens.pipeline.resolution import ResolutionContext, build_context, source_for
from conflictlens.evaluation.labelled_sets import (
    LabelledSet, coded_report_event, labelled_rows, linked_rows, read_labels,
)
from conflictlens.evaluation.resolution_metrics import Scores, score
from conflictlens.resolve.cluster import MemoryResolver
from conflictlens.resolve.profile import Source

SETS = ("reports-coded", "reports-extracted", "acled", "gtd-ucdp")
ACLED_FILE = "acled/acled_afg_2017_unattributed_sample.csv"
GTD_FILE = "gtd/gtd_2021q1_afpak_dev.csv"
UCDP_FILE = "ucdp/ucdp_ged_pakistan.csv"
_COLUMNS = ("set", "items", "gold pairs", "found pairs", "pair P", "pair R", "pair F1", "B3 P", "B3 R", "B3 F1")


@dataclass
class SetResult:
    name: str
    title: str
    scores: Scores | None = None
    skipped: str | None = None
    clusters: dict[str, str] = field(default_factory=dict)  # item id -> predicted incident

    def to_dict(self) -> dict:
        return {"set": self.name, "title": self.title, "skipped": self.skipped,
                "scores": self.scores.to_dict() if self.scores else None}


def evaluate(labels_dir: str | Path, shared_dir: str | Path | None, sets: tuple[str, ...] = SETS,
             extractor: Extractor | None = None, registry: ActorRegistry | None = None) -> list[SetResult]:
    """Resolve each labelled set and score it against its gold incidents."""
    labels, shared = Path(labels_dir), Path(shared_dir) if shared_dir else None
    for name in sets:
        if name not in SETS:
            raise ConflictLensError("CL-E400", f"unknown set {name!r}; use one of {', '.join(SETS)}", "--set")
    registry = registry or ActorRegistry.load()
    ctx = build_context(registry)
    builders: dict[str, Callable[[], LabelledSet | str]] = {
        "reports-coded": lambda: _coded_reports(labels, ctx),
        "reports-extracted": lambda: _extracted_reports(labels, ctx, extractor),
        "acled": lambda: _needs(shared, ACLED_FILE) or _acled_set(shared, labels, registry, ctx),
        "gtd-ucdp": lambda: _needs(shared, GTD_FILE, UCDP_FILE) or _gtd_ucdp_set(shared, labels, registry, ctx),
    }
    results = []
    for name in sets:
        built = builders[name]()
        if isinstance(built, str):
            results.append(SetResult(name, name, skipped=built))
            continue
        clusters = resolve_in_memory(built.events, ctx)
        results.append(SetResult(name, built.name, score(clusters, built.gold), clusters=clusters))
    return results


def resolve_in_memory(items: list[tuple[Event, Source]], ctx: ResolutionContext) -> dict[str, str]:
    """event id -> incident id, resolving `items` in order with the in-memory index."""
    resolver = MemoryResolver(ctx.settings)
    return {event.id: resolver.add(ctx.profile(event, source))[0] for event, source in items}


def _acled_set(shared: Path, labels: Path, registry: ActorRegistry, ctx: ResolutionContext) -> LabelledSet:
    """The ACLED sample's labelled rows (in file order)."""
    path = labels / "acled_afg_2017_labels.tsv"
    gold = {r["item"]: r["incident"] for r in read_labels(path)}
    items = _imported("acled", shared / ACLED_FILE, registry, ctx)
    return labelled_rows("ACLED Afghanistan 1-3 Jan 2017 (near-duplicates)", items, gold, path)


def _gtd_ucdp_set(shared: Path, labels: Path, registry: ActorRegistry, ctx: ResolutionContext,
                  first: str = "2021-01-01", last: str = "2021-03-31") -> LabelledSet:
    """GTD rows (file order), then UCDP GED rows, of Pakistan in one quarter; linked pairs are one incident."""
    path = labels / "gtd_ucdp_pk_2021q1_links.tsv"
    links = {f"GTD:{r['gtd']}": f"UCDP:{r['ucdp']}" for r in read_labels(path)}
    items = [(event, source)
             for dataset, file in (("gtd", GTD_FILE), ("ucdp", UCDP_FILE))
             for event, source in _imported(dataset, shared / file, registry, ctx)
             if event.location.country == "PK" and first <= (event.date.start or "") <= last]
    return linked_rows(f"GTD vs UCDP GED, Pakistan {first[:7]} to {last[:7]}", items, links, path)


def _imported(dataset: str, path: Path, registry: ActorRegistry, ctx: ResolutionContext) -> list[tuple[Event, Source]]:
    """The file's rows as `conflictlens import` reads them (rows it would leave out are left out)."""
    rows = import_rows(dataset, path, dataset_actor_lookup(registry))
    return [(row.event, source_for(row.event, ctx, row.document.to_dict()))
            for row in rows if not isinstance(row, ConflictLensError)]


def _needs(shared: Path | None, *files: str) -> str | None:
    if shared is None:
        return "no shared data folder given"
    missing = [f for f in files if not (shared / f).exists()]
    return f"{', '.join(missing)} not found in {shared}" if missing else None


def _reports(labels: Path) -> tuple[list[tuple[str, Document]], dict[str, str]]:
    rows = read_labels(labels / "reports_labels.tsv")
    gold = {r["item"]: r["incident"] for r in rows}
    docs = [(item, read_text_argument(labels / "reports" / item)) for item in gold]
    docs.sort(key=lambda pair: (pair[1].published or "", pair[0]))
    return docs, gold


def _coded_reports(labels: Path, ctx: ResolutionContext) -> LabelledSet:
    docs, gold = _reports(labels)
    coded = {row["item"]: row for row in _jsonl(labels / "reports_coded.jsonl")}
    out = LabelledSet("our reports, fields coded by hand (resolution only)")
    for item, doc in docs:
        if item not in coded:
            raise ConflictLensError("CL-E604", "report has no coded row", item)
        event = coded_report_event(coded[item], doc.id, _lead(doc.text))
        out.events.append((event, source_for(event, ctx, doc.to_dict())))
        out.gold[event.id] = gold[item]
    return out


def _jsonl(path: Path) -> list[dict]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        rows = [json.loads(line) for line in lines if line.strip()]
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ConflictLensError("CL-E604", f"cannot read the coded reports ({exc})", str(path)) from None
    if not all(isinstance(r, dict) and "item" in r for r in rows):
        raise ConflictLensError("CL-E604", "each line must be a JSON object with an \"item\"", str(path))
    return rows


def _extracted_reports(labels: Path, ctx: ResolutionContext, extractor: Extractor | None) -> LabelledSet | str:
    if extractor is None:
        return "needs the extractor"
    docs, gold = _reports(labels)
    out = LabelledSet("our reports through the extractor (extraction + resolution)")
    for (item, doc), (_, events) in zip(docs, extractor.extract_many([d for _, d in docs])):
        for event in events:
            out.events.append((event, source_for(event, ctx, doc.to_dict())))
            out.gold[event.id] = gold[item]
    return out


def _lead(text: str) -> str:
    """The first paragraph of a report's body: what the hand-coded event cites as its evidence."""
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    body = [p for p in paragraphs if not p.startswith(("Title:", "Published:", "Outlet:", "URL:"))]
    return body[0] if body else ""


def render(results: list[SetResult], fmt: str = "markdown") -> str:
    if fmt == "json":
        return json.dumps([r.to_dict() for r in results], indent=2)
    lines = ["| " + " | ".join(_COLUMNS) + " |", "|" + "---|" + "---:|" * (len(_COLUMNS) - 1)]
    for r in results:
        if r.scores is None:
            lines.append(f"| {r.name} | skipped: {r.skipped} |" + " |" * (len(_COLUMNS) - 2))
            continue
        s = r.scores
        cells = (r.name, s.items, s.gold_pairs, s.predicted_pairs, f"{s.pair_precision:.3f}", f"{s.pair_recall:.3f}",
                 f"{s.pair_f1:.3f}", f"{s.bcubed_precision:.3f}", f"{s.bcubed_recall:.3f}", f"{s.bcubed_f1:.3f}")
        lines.append("| " + " | ".join(str(c) for c in cells) + " |")
    return "\n".join(lines)
