"""The one module that wires the stages: ingest -> extract (with geo and actors) -> store.

Stages never import each other; this module hands each the others' knowledge.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from conflictlens.actors import ActorRegistry
from conflictlens.actors.edits import ActorEdit
from conflictlens.errors import ConflictLensError
from conflictlens.extract.extractor import Extractor
from conflictlens.extract.learned.model import load_typing_model
from conflictlens.extract.learned.relevance import load_relevance_gate
from conflictlens.geo import Gazetteer
from conflictlens.ingest import parse_batch_line, read_file, read_text_argument, record_to_document, report_files
from conflictlens.model.records import Document, Event
from conflictlens.model.relations import ActorRelation
from conflictlens.pipeline.session import registry_of

if TYPE_CHECKING:  # ingest's, imported when it runs: `extract` stores nothing and needs neither
    from conflictlens.pipeline.resolution import ResolutionContext
    from conflictlens.store import Store

BATCH_DOCUMENTS = 200  # documents per store transaction: bounded memory, few commits
BATCH_CHARS = 10_000_000  # ... or fewer, once their texts reach this: long reports are held until saved
# A report with its events and the relations between actors it states (None: none looked for).
Extracted = tuple[Document, list[Event], list[ActorRelation] | None]


@dataclass
class IngestReport:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    events: int = 0
    errors: list[ConflictLensError] = field(default_factory=list)
    recovered: int = 0  # events an earlier run had left in no incident, resolved first

    def to_dict(self) -> dict:
        return {"inserted": self.inserted, "updated": self.updated, "unchanged": self.unchanged,
                "events": self.events, "errors": [e.to_dict() for e in self.errors], "recovered": self.recovered}


def build_extractor(actor_files: tuple[str, ...] = (), places_file: str | None = None,
                    use_ner: bool = True, typing_model: str | None = None,
                    relevance_model: str | None = None) -> Extractor:
    """An extractor with the bundled gazetteer and actor registry (plus the user's own files), and
    the user's learned typing model and relevance gate when they are named (read again when their
    file changes)."""
    if typing_model is None and relevance_model is None:
        return _bundled_extractor(tuple(actor_files), places_file, use_ner)
    return _extractor_with_models(tuple(actor_files), places_file, use_ner, _file_key(typing_model),
                                  _file_key(relevance_model))


@lru_cache(maxsize=4)
def _bundled_extractor(actor_files: tuple[str, ...], places_file: str | None, use_ner: bool) -> Extractor:
    gazetteer = Gazetteer.load(places_file)
    return Extractor(gazetteer, registry_of(tuple(actor_files), ()), use_ner=use_ner)


@lru_cache(maxsize=2)
def _extractor_with_models(actor_files: tuple[str, ...], places_file: str | None, use_ner: bool,
                           typing_file: tuple[str, int, int] | None,
                           relevance_file: tuple[str, int, int] | None) -> Extractor:
    base = _bundled_extractor(actor_files, places_file, use_ner)
    return Extractor(base.geocoder, base.actors, use_ner=use_ner, date_order=base.date_order,
                     typing=load_typing_model(typing_file[0]) if typing_file else None,
                     relevance=load_relevance_gate(relevance_file[0]) if relevance_file else None)


def extractor_for(actor_files: tuple[str, ...], places_file: str | None, typing_model: str | None,
                  edits: tuple[ActorEdit, ...], relevance_model: str | None = None) -> Extractor:
    """The extractor of one store state: the bundled one (with the user's files and model), around
    the registry with the analyst's `edits` when there are any. Built once per process and state: a
    session and a distributed worker ask it the same way."""
    base = build_extractor(actor_files, places_file, typing_model=typing_model, relevance_model=relevance_model)
    if not edits:
        return base
    return _edited_extractor(base, registry_of(tuple(actor_files), edits))


@lru_cache(maxsize=4)
def _edited_extractor(base: Extractor, registry: ActorRegistry) -> Extractor:
    return Extractor(base.geocoder, registry, use_ner=base.use_ner, date_order=base.date_order, typing=base.typing,
                     relevance=base.relevance)


def _file_key(path: str | None) -> tuple[str, int, int] | None:
    """A model file's path with its change time and size: a retrained file is loaded anew."""
    if path is None:
        return None
    try:
        stat = Path(path).stat()
    except OSError:
        return path, -1, -1  # the loader names the missing file with its code
    return path, stat.st_mtime_ns, stat.st_size


def ingest(paths: Iterable[str | Path], store: Store, extractor: Extractor,
           on_document: Callable[[Document | ConflictLensError], None] | None = None,
           on_file: Callable[[int, int], None] | None = None,
           context: ResolutionContext | None = None) -> IngestReport:
    """Store every good report with its events; collect a coded error for every bad one.

    Each batch of documents is one transaction with its incident resolution, so an interruption
    never leaves a document half-written or its events in no incident, and documents stored before
    a bad file stay stored. Events an earlier run left in no incident are resolved first.
    `on_file(done, total)` hears how many files are read out of how many, first (0, total) once the
    folders are listed. `context`: the session's resolution context (else the store's).
    """
    from conflictlens.pipeline.resolution import finish_pending

    report = IngestReport()
    report.recovered = finish_pending(store, context).placed
    docs = _good_documents(_read_files(report_files(list(paths)), on_file), report, on_document)
    batch: list[Extracted] = []
    chars = 0
    for found in extractor.extract_many(docs, relations=True):  # one pass: events and relations
        batch.append(found)
        chars += len(found[0].text)
        if len(batch) >= BATCH_DOCUMENTS or chars >= BATCH_CHARS:
            _save(store, batch, extractor.version, report, context)
            batch, chars = [], 0
    _save(store, batch, extractor.version, report, context)
    return report


def _read_files(files: list[Path | ConflictLensError],
                on_file: Callable[[int, int], None] | None) -> Iterator[Document | ConflictLensError]:
    tell = on_file or (lambda _done, _total: None)
    tell(0, len(files))
    for done, file in enumerate(files, start=1):
        if isinstance(file, ConflictLensError):
            yield file
        else:
            yield from read_file(file)
        tell(done, len(files))


def _good_documents(items, report: IngestReport, on_document) -> Iterator[Document]:
    for item in items:
        if on_document:
            on_document(item)
        if isinstance(item, ConflictLensError):
            report.errors.append(item)
        else:
            yield item


def _save(store: Store, batch: list[Extracted], version: str, report: IngestReport,
          context: ResolutionContext | None = None) -> None:
    from conflictlens.pipeline import network as relations_job
    from conflictlens.pipeline.resolution import resolve_after_save, resolved_together

    if not batch:
        return
    pairs = [(doc, events) for doc, events, _relations in batch]
    # A report, the relations it states and its events' incidents are stored together or not at all.
    with resolved_together(store):
        results = store.save_many(pairs, version)
        relations_job.save_batch_relations(store, [(doc, relations) for doc, _events, relations in batch])
        resolve_after_save(store, pairs, results, context)  # new or re-extracted events join an incident or start one
    for result in results:
        setattr(report, result.status, getattr(report, result.status) + 1)
        report.events += result.events


def extract_file(path: str, published: str | None, extractor: Extractor) -> list[Event]:
    """Events of one report file, without any database."""
    return extractor.extract(read_text_argument(path, published))


def extract_text(text: str, extractor: Extractor, **fields: str | None) -> list[Event]:
    """Events of one report given as text, without any database. `fields`: what a JSONL batch line
    may carry besides its text (id, published, url, outlet, title), checked the same way."""
    doc = record_to_document({"text": text, **{k: v for k, v in fields.items() if v is not None}}, "text", None)
    if isinstance(doc, ConflictLensError):
        raise doc
    return extractor.extract(doc)


def extracted_events(items: Iterable[tuple[str, str]], extractor: Extractor, source: str,
                     published: Callable[[str], str | None] | None = None) -> Iterator[tuple[str, list[dict]]]:
    """(row id, event records) for each (row id, text), in order, through `extract --input`'s path; a
    text that path refuses (too long, a bad date) gives no event, as for users. `published`: a row's
    publication date (ISO), as a batch line's "published" field gives it."""
    pending = list(items)
    dated = published or (lambda _row_id: None)
    lines = (json.dumps({"id": row_id, "text": text, **({"published": day} if (day := dated(row_id)) else {})},
                        ensure_ascii=False) for row_id, text in pending)
    errors: list[ConflictLensError] = []
    for (row_id, _text), record in zip(pending, extract_batch(lines, source, extractor, errors.append)):
        yield row_id, record["events"]


def extract_batch(lines: Iterable[str], source: str, extractor: Extractor,
                  on_error: Callable[[ConflictLensError], None], chunk: int = 256,
                  first_line: int = 1) -> Iterator[dict]:
    """One output record per input line, in input order: {"id", "events"} (plus "error" for bad lines).

    Lines are read and extracted a chunk at a time, so memory stays flat on any input size.
    `first_line`: the number of the first of `lines` in its file (a distributed partition starts
    inside one), so errors name the same line as a run over the whole file.
    """
    parsed = _parse_lines(lines, source, first_line)
    while items := list(islice(parsed, chunk)):
        docs = [item for item in items if isinstance(item, Document)]
        events = {id(doc): evs for doc, evs in extractor.extract_many(docs)}
        for item in items:
            if isinstance(item, Document):
                yield {"id": item.external_id, "events": [e.to_dict() for e in events[id(item)]]}
            else:
                on_error(item)
                yield {"id": None, "events": [], "error": item.to_dict()}


def _parse_lines(lines: Iterable[str], source: str, first_line: int = 1) -> Iterator[Document | ConflictLensError]:
    for lineno, line in enumerate(lines, start=first_line):
        if line.strip():
            yield parse_batch_line(line, lineno, source)


def sample_paths() -> list[Path]:
    """The bundled demo reports."""
    root = Path(str(resources.files("conflictlens").joinpath("samples")))
    return sorted(p for p in root.iterdir() if p.suffix in (".txt", ".md", ".html", ".jsonl") and not p.name.startswith("README"))


def event_with_sentences(event: Event, store: Store) -> dict:
    """The record plus, for every value, the sentence of the report it came from."""
    record = event.to_dict()
    texts: dict[str, str] = {}
    sources = {}
    for field_name, spans in event.evidence.items():
        out = []
        for ev in spans:
            if ev.document_id not in texts:
                doc = store.get_document(ev.document_id)
                texts[ev.document_id] = doc.text if doc else ""
            out.append({"text": ev.text, "start": ev.start, "end": ev.end,
                        "sentence": sentence_around(texts[ev.document_id], ev.start, ev.end)})
        sources[field_name] = out
    record["evidence"] = sources
    return record


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence that holds [start, end): from the previous full stop to the next."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return text[left + 1 if left >= 0 else 0: right].strip()


def dumps(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, sort_keys=False)
