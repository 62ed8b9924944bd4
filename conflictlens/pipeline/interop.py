"""Wiring for dataset import and export: dataset rows -> store (and incidents), and store -> export.

Rows come ready for the store from `pipeline.dataset_rows`, parsed here or in a worker process.

The ingest and export stages never see the actor registry or the store: this module hands them
plain callables (actor look-ups, country names, document confidentiality) built from those.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO

from conflictlens.actors import ActorRegistry
from conflictlens.errors import ConflictLensError
from conflictlens.export import ExportContext, check_format, write_export
from conflictlens.export.tables import flat_row
from conflictlens.ingest.datasets.reference import countries
from conflictlens.model.records import Document, Event
from conflictlens.pipeline.public import Public
from conflictlens.pipeline.dataset_rows import (
    PreparedRow, chunks, prepared_rows, prepared_rows_in_worker, quiet_collector, worth_a_worker,
)
from conflictlens.pipeline.filters import event_filters
from conflictlens.pipeline.incident_index import IncidentIndex
from conflictlens.pipeline.resolution import (
    RESOLVE_GC_THRESHOLD, ResolutionContext, finish_pending, resolve_after_save, resolved_together, store_context,
)
from conflictlens.pipeline.session import session_registry, stored_edits
from conflictlens.store import INSERTED, STALE, UPDATED, SaveResult, Store, prepared_document

IMPORT_BATCH = 2000  # rows handed to the store at a time: bounded memory
# Rows per commit. The ids are hashes, so each batch lands all over the indexes, and a commit
# writes every page a batch touched: committing every 2,000 rows made a 100k-row import slow
# down by half as its tables grew. The time bound keeps the write lock short enough for another
# writer's busy timeout (10 s) when resolution makes the rows slow.
COMMIT_ROWS = 50_000
COMMIT_SECONDS = 4.0

__all__ = ["ExportFilters", "ImportReport", "check_format", "export_context", "export_events", "flat_row", "import_dataset"]


@dataclass
class ImportReport:
    rows: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[ConflictLensError] = field(default_factory=list)
    recovered: int = 0  # events an earlier run had left in no incident, resolved first

    def to_dict(self) -> dict:
        return {"rows": self.rows, "inserted": self.inserted, "updated": self.updated,
                "unchanged": self.unchanged, "errors": [e.to_dict() for e in self.errors],
                "recovered": self.recovered}


# ------------------------------------------------------------------ import

def import_dataset(dataset: str, path: str | Path, store: Store, actor_files: tuple[str, ...] = (),
                   encoding: str = "utf-8", on_row: Callable[[object], None] | None = None,
                   batch_size: int = IMPORT_BATCH, resolve: bool = True, commit_rows: int = COMMIT_ROWS,
                   commit_seconds: float = COMMIT_SECONDS, parallel: bool | None = None,
                   on_bytes: Callable[[int, int], None] | None = None, context: ResolutionContext | None = None
                   ) -> ImportReport:
    """Store every good row of a dataset file; collect a coded error for every row left out.

    Rows are handed to the store a batch at a time and committed every `commit_rows` rows or
    `commit_seconds` seconds, whichever comes first; each commit is all-or-nothing. Re-importing
    the same file changes nothing; a row the dataset has revised since is rewritten. With
    `resolve`, each new or revised row then joins the incident it describes or starts one, as
    reports do on ingest, in the transaction that stores it; rows an earlier import left in no
    incident are resolved first. Without `resolve`, the next command that reads or writes incidents
    (or `conflictlens incidents resolve`) catches up. `parallel`: parse in a worker process while this
    one writes (None: when the file is big enough and there is a spare core). `on_bytes(done, total)`:
    how far into the file the parsing is. `context`: the session's resolution context (else the store's)."""
    report = ImportReport()
    context = (context or store_context(store, actor_files)) if resolve else None
    if context is not None:
        report.recovered = finish_pending(store, context).placed
    rows = _prepared(dataset, path, store, actor_files, encoding, parallel, on_bytes, context)
    batches = _batches(rows, report, on_row, batch_size)
    index = IncidentIndex()  # the stored incidents, read once for the whole import
    with quiet_collector(RESOLVE_GC_THRESHOLD) if context is not None else quiet_collector():
        pending = next(batches, None)  # after it, a parse worker has opened the store (which rebuilds deferred indexes)
        # A large file into a small store: indexes built once, after; the store's own rows not re-checked.
        with store.indexes.deferred_while(_file_bytes(path)), store.indexes.unchecked_own_rows():
            while pending is not None:
                with store.transaction():
                    started, written = time.monotonic(), 0
                    while pending is not None:  # at least one batch per commit
                        _save(store, pending, report, context, index)
                        written += len(pending)
                        pending = next(batches, None)
                        if written >= commit_rows or time.monotonic() - started >= commit_seconds:
                            break
    return report


def _file_bytes(path: str | Path) -> int:
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0


def _prepared(dataset: str, path: str | Path, store: Store, actor_files: tuple[str, ...], encoding: str,
              parallel: bool | None, on_bytes: Callable[[int, int], None] | None,
              context: ResolutionContext | None) -> Iterable[PreparedRow | ConflictLensError]:
    """The file's rows made ready for the store, parsed here or in a worker process (`parallel`); with
    their events when `context` resolves them (from a worker, with only the dataset columns it reads)."""
    edits = stored_edits(store)  # the analyst's corrections link the rows' actors too
    if worth_a_worker(path) if parallel is None else parallel:
        return prepared_rows_in_worker(dataset, path, actor_files, encoding, store.path, on_bytes, edits,
                                       events=context is not None,
                                       extra_kept=dict(context.settings.dataset_text_columns) if context else None)
    return prepared_rows(dataset, path, actor_files, encoding, store.stored_versions, on_bytes, edits)


def _batches(rows: Iterable[PreparedRow | ConflictLensError], report: ImportReport,
             on_row: Callable[[object], None] | None, size: int) -> Iterator[list[PreparedRow]]:
    """The good rows in lists of `size`; every row is counted and every bad one kept in `report`."""
    return chunks(_good_rows(rows, report, on_row), size)


def _good_rows(rows: Iterable[PreparedRow | ConflictLensError], report: ImportReport,
               on_row: Callable[[object], None] | None) -> Iterator[PreparedRow]:
    for item in rows:
        report.rows += 1
        if on_row:
            on_row(item)
        if isinstance(item, ConflictLensError):
            report.errors.append(item)
        else:
            yield item


def _stale_row(document_id: str) -> ConflictLensError:
    return ConflictLensError(
        "CL-E203", "another program changed this row while the import was reading it, so it was left "
                   "out; import the file again to store it", document_id)


def _save(store: Store, batch: list[PreparedRow], report: ImportReport, context: ResolutionContext | None,
          index: IncidentIndex) -> None:
    if context is None:
        _write(store, batch, report)
        return
    with resolved_together(store):  # a kill leaves the rows stored and resolved, or not stored
        changed = _write(store, batch, report)
        if changed:
            saved = [(prepared_document(row.document), list(row.events)) for row, _ in changed]
            resolve_after_save(store, saved, [result for _, result in changed], context, index)


def _write(store: Store, batch: list[PreparedRow], report: ImportReport) -> list[tuple[PreparedRow, SaveResult]]:
    """Store the rows and the relations they state; count them. Returns the rows written, with their results."""
    # Each row carries its own version (dataset + row digest): an unchanged row is skipped, a
    # revised one rewritten. The store's extractor_version is left to the extractor.
    results = store.save_prepared([row.document for row in batch], meta_key="import_version")
    changed = [(row, result) for row, result in zip(batch, results) if result.status in (INSERTED, UPDATED)]
    store.relations.save_relation_rows([relation for row, _ in changed for relation in row.relations])
    for result in results:
        if result.status == STALE:
            report.errors.append(_stale_row(result.document_id))
        else:
            setattr(report, result.status, getattr(report, result.status) + 1)
    return changed


# ------------------------------------------------------------------ export


@dataclass(frozen=True)
class ExportFilters:
    country: str | None = None
    since: str | None = None
    until: str | None = None
    event_type: str | None = None
    perpetrator: str | None = None
    dataset: str | None = None
    limit: int | None = None


def export_events(fmt: str, store: Store, out: IO[str], filters: ExportFilters = ExportFilters(),
                  areas: bool = False, actor_files: tuple[str, ...] = (), registry: ActorRegistry | None = None,
                  public: Public | None = None) -> int:
    """Write the stored events that match `filters` in format `fmt`; return how many were written.

    Events leave as the outbound gate (`pipeline.public`) gives them, redacted there once: graded,
    with the analyst's overrides, and with every confidential source redacted (the ledger's marks
    decide what is confidential). `registry` and `public`: the session's, else the store's.
    """
    registry = registry or session_registry(store, actor_files)
    public = public or Public(store)
    chosen = event_filters(store, registry, country=filters.country, event_type_name=filters.event_type,
                           perpetrator=filters.perpetrator)
    events = public.select(since=filters.since, until=filters.until, dataset=filters.dataset, limit=filters.limit,
                           **chosen)
    return write_public_events(fmt, events, store, out, registry, public, areas=areas)


def write_public_events(fmt: str, events: Iterable[Event], store: Store, out: IO[str], registry: ActorRegistry,
                        public: Public, areas: bool = False) -> int:
    """Write `events` that already passed the gate (`public`) in format `fmt` (a page of the web API)."""
    context = replace(export_context(store, registry), policy=public.policy, redacted=True)
    return write_export(fmt, events, out, context, areas=areas)


def export_context(store: Store, registry: ActorRegistry) -> ExportContext:
    """What the exporters need from other stages, as plain callables."""
    table = countries()

    def document(doc_id: str) -> Document | None:
        return store.get_document(doc_id)

    # A stored name the analyst merged away since leaves under the actor it was merged into.
    def external_name(dataset: str, canonical: str) -> str:
        entry = registry.current(canonical)
        names = entry.external_names.get(dataset.lower(), ()) if entry else ()
        return names[0] if names else (entry.name if entry else canonical)

    def actor_type(canonical: str) -> str | None:
        entry = registry.current(canonical)
        return entry.actor_type if entry else None

    def country(alpha2: str) -> tuple[str, str] | None:
        found = table.by_alpha2.get(alpha2.upper())
        return (found.numeric, found.name) if found else None

    return ExportContext(document=document, external_name=external_name, actor_type=actor_type,
                         country=country)
