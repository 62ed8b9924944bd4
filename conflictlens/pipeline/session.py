"""A Session per store (compare datasette's `Datasette` object): everything a job needs, built once.

A session opens its store once (or none: `extract` without a database, a library user who only
extracts) and builds, lazily and once, what the jobs share: the actor registry (the bundled file,
the user's registry files and the analyst's edits recorded in the store), the gazetteer, the
extractor, the confidentiality policy, the outbound gate (`pipeline.public.Public`) and the
resolution context. Every CLI command takes one (built once per invocation from --db and the global
options); jobs reach the store and these parts through it. A write that changes what they were
built from (an actor edit, a confidential mark, an override) calls `changed()`.

`session_registry` and `registry_of` are the registry's builders (the analyst's correction holds on
every path through a store: ingest, import, export, incidents, the network, `extract --db`, the
`actors` commands). Keep this module's imports light: the import worker (`dataset_rows`) starts
from it; the heavy parts (spaCy, the gazetteer) are imported when first built.
"""

from __future__ import annotations

import datetime as dt
import os
from functools import cached_property, lru_cache
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Callable, Iterable, Iterator

from conflictlens.actors import ActorRegistry
from conflictlens.actors.edits import ActorEdit
from conflictlens.errors import ConflictLensError
from conflictlens.pipeline.analyst import AnalystJobs
from conflictlens.pipeline.tokens import TokenJobs
from conflictlens.store import MEMORY, Store, is_database_url, shown_database

if TYPE_CHECKING:  # built lazily: importing them costs spaCy and the gazetteer
    from conflictlens.extract.extractor import Extractor
    from conflictlens.geo import Gazetteer
    from conflictlens.model.records import Event
    from conflictlens.model.redaction import ConfidentialityPolicy
    from conflictlens.pipeline.extraction import IngestReport
    from conflictlens.pipeline.interop import ExportFilters, ImportReport
    from conflictlens.pipeline.distributed import Cluster
    from conflictlens.pipeline.public import Public
    from conflictlens.pipeline.resolution import ResolutionContext, ResolutionReport

_EDIT_FIELDS = ("op", "name", "value", "actor_type", "parent", "country", "by", "note", "created_at")
# How a session takes its database: open or create it; open it, a coded error when there is none;
# open it when it exists, else work without one; or never open one.
CREATE, EXISTING, OPTIONAL, NONE = "create", "existing", "optional", "none"
STORE_MODES = (CREATE, EXISTING, OPTIONAL, NONE)
# Parts built from the store's contents, forgotten by `changed()`.
_DERIVED = ("registry", "extractor", "policy", "public", "resolution")


def stored_edits(store: Store | None) -> tuple[ActorEdit, ...]:
    """The edits recorded in `store`, oldest first (none without a store)."""
    if store is None:
        return ()
    return tuple(ActorEdit(**{k: row[k] for k in _EDIT_FIELDS}) for row in store.actors.actor_edits())


def session_registry(store: Store | None, actor_files: Iterable[str] = ()) -> ActorRegistry:
    """The registry of `store`: bundled file + `actor_files` + the store's recorded edits."""
    return registry_of(tuple(str(f) for f in actor_files), stored_edits(store))


@lru_cache(maxsize=4)
def registry_of(actor_files: tuple[str, ...], edits: tuple[ActorEdit, ...]) -> ActorRegistry:
    """The registry for one store state. A forked import worker given the same state finds it cached."""
    return ActorRegistry.load(actor_files, edits)


def displayed_database(db: str) -> str:
    """A --db value as messages name it: a PostgreSQL URL without its password, a path as it is."""
    return shown_database(db)


def _open_store(db: str | os.PathLike[str] | None, mode: str) -> Store | None:
    if mode not in STORE_MODES:
        raise ConflictLensError("CL-E801", f"unknown store mode; use one of {', '.join(STORE_MODES)}", str(mode))
    if mode == NONE or db is None:
        return None
    path = os.fspath(db)
    if path != MEMORY and not is_database_url(path) and not Path(path).exists():
        if mode == EXISTING:
            raise ConflictLensError("CL-E200", "no database here yet; run `conflictlens ingest` or `conflictlens "
                                    "demo` first, or pass --db", path)
        if mode == OPTIONAL:
            return None  # reading never creates a database
    try:
        return Store.open(path, create=mode == CREATE)
    except ConflictLensError as exc:
        if exc.code == "CL-E214" and mode == OPTIONAL:
            return None  # nor a store in a PostgreSQL database
        raise


class Session(AnalystJobs, TokenJobs):
    """One store (or none: `db` None) and the parts built from it; a context manager that closes what
    it opened. The analyst's corrections and marks are its methods too (`pipeline.analyst`), and the
    web API's tokens and write audit (`pipeline.tokens`)."""

    def __init__(self, db: str | os.PathLike[str] | None = None, *, actor_files: Iterable[str | os.PathLike[str]] = (),
                 places_file: str | None = None, store: str = CREATE, typing_model: str | None = None,
                 relevance_model: str | None = None) -> None:
        self.actor_files = tuple(str(f) for f in actor_files)
        self.places_file = places_file
        self.typing_model = typing_model  # a user's learned typing model (JSON), if any
        self.relevance_model = relevance_model  # a user's learned relevance gate (JSON), if any
        self._store = _open_store(db, store)
        self._owned = self._store is not None
        self._closed = False

    @classmethod
    def over(cls, store: Store | None, actor_files: Iterable[str] = (), places_file: str | None = None) -> Session:
        """A session over a store the caller opened (and closes): closing the session leaves it open."""
        session = cls(None, actor_files=actor_files, places_file=places_file, store=NONE)
        session._store = store
        return session

    # -- lifecycle -------------------------------------------------------------------------------

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *_exc: Any) -> None:
        self.close()

    def close(self) -> None:
        if self._owned and self._store is not None and not self._closed:
            self._store.close()
        self._closed = True

    @property
    def store(self) -> Store | None:
        """The open store; None for a session without one."""
        if self._closed:
            raise ConflictLensError("CL-E800", "this session is closed; open a new one "
                                    "(`conflictlens.open(...)`)", self.path or "session")
        return self._store

    @property
    def path(self) -> str | None:
        return self._store.path if self._store is not None else None

    def required_store(self) -> Store:
        """The store, for a job that needs one; CL-E802 for a session opened without one."""
        store = self.store
        if store is None:
            raise ConflictLensError("CL-E802", "this needs a database; open the session on one "
                                    "(`conflictlens.open(PATH)` or --db PATH)", "session")
        return store

    def changed(self) -> None:
        """Forget the parts built from the store's contents (registry edits, confidential marks,
        overrides were just written): the next use builds them again."""
        for name in _DERIVED:
            self.__dict__.pop(name, None)

    # -- the parts, built once -------------------------------------------------------------------

    @cached_property
    def registry(self) -> ActorRegistry:
        """Bundled registry + the user's files + the store's recorded edits."""
        return session_registry(self.store, self.actor_files)

    @cached_property
    def gazetteer(self) -> Gazetteer:
        from conflictlens.geo import Gazetteer
        return Gazetteer.load(self.places_file)

    @cached_property
    def extractor(self) -> Extractor:
        """The extractor over this session's registry: the analyst's aliases, merges and new actors
        hold for every report extracted (or re-extracted). Without edits it is the shared cached
        extractor; with edits one around the same gazetteer and language model."""
        from conflictlens.pipeline.extraction import extractor_for
        return extractor_for(self.actor_files, self.places_file, self.typing_model, stored_edits(self.store),
                             self.relevance_model)

    @cached_property
    def policy(self) -> ConfidentialityPolicy:
        """What must not leave (read from the store; nothing without one)."""
        from conflictlens.model.redaction import ConfidentialityPolicy
        from conflictlens.pipeline.public import confidentiality_policy
        return confidentiality_policy(self.store) if self.store is not None else ConfidentialityPolicy()

    @cached_property
    def public(self) -> Public:
        """The outbound gate over this store: every output is read or redacted through it."""
        from conflictlens.pipeline.public import Public
        return Public(self.required_store(), self.policy)

    @cached_property
    def resolution(self) -> ResolutionContext:
        """What incident resolution knows of actors and places (this session's registry)."""
        from conflictlens.pipeline.resolution import store_context
        return store_context(self.store, self.actor_files)

    # -- jobs: writes ------------------------------------------------------------------------------

    def finish_pending(self) -> ResolutionReport:
        """Resolve events an interrupted run left in no incident (first, in every incidents command)."""
        from conflictlens.pipeline.resolution import finish_pending
        return finish_pending(self.required_store(), self.resolution)

    def ingest(self, paths: Iterable[str | os.PathLike[str]], *, confidential: bool = False,
               on_file: Callable[[int, int], None] | None = None) -> IngestReport:
        """Extract and store report files (with `confidential`, each is marked before it is extracted
        and saved: never stored unmarked)."""
        from conflictlens.pipeline.attribution import marking_confidential
        from conflictlens.pipeline.extraction import ingest

        store = self.required_store()
        on_document = marking_confidential(store, lambda _item: None) if confidential else None
        try:
            return ingest([os.fspath(p) for p in paths], store, self.extractor, on_document=on_document,
                          on_file=on_file, context=self.resolution)
        finally:
            if confidential:
                self.changed()

    def import_dataset(self, dataset: str, path: str | os.PathLike[str], *, encoding: str = "utf-8",
                       resolve: bool = True, parallel: bool | None = None,
                       on_bytes: Callable[[int, int], None] | None = None) -> ImportReport:
        """Import an ACLED, GTD or UCDP file: one event per row, actors linked through this registry."""
        from conflictlens.pipeline.interop import import_dataset
        return import_dataset(dataset, path, self.required_store(), self.actor_files, encoding=encoding,
                              resolve=resolve, parallel=parallel, on_bytes=on_bytes,
                              context=self.resolution if resolve else None)

    # -- jobs: what leaves (through the outbound gate) -------------------------------------------

    def extract_file(self, path: str | os.PathLike[str], published: str | None = None) -> list[Event]:
        """Events of one report file, nothing stored; redacted when the session has a store (reports
        already stored there may be confidential)."""
        from conflictlens.pipeline.extraction import extract_file
        events = extract_file(os.fspath(path), published, self.extractor)
        return list(self.public.events(events)) if self.store is not None else events

    def extract_text(self, text: str, **fields: str | None) -> list[Event]:
        """Events of one report given as text (`fields`: id, published, url, outlet, title), nothing
        stored; redacted as `extract_file`."""
        from conflictlens.pipeline.extraction import extract_text
        events = extract_text(text, self.extractor, **fields)
        return list(self.public.events(events)) if self.store is not None else events

    def extract_batch(self, lines: Iterable[str], source: str,
                      on_error: Callable[[ConflictLensError], None]) -> Iterator[dict[str, Any]]:
        """One record per JSONL line ({"id", "events"}, "error" for a bad line), redacted as `extract_file`."""
        from conflictlens.pipeline.extraction import extract_batch
        records = extract_batch(lines, source, self.extractor, on_error)
        if self.store is None:
            return records
        return (self.public.value(record) for record in records)

    def extract_files(self, files: list[Path], on_error: Callable[[ConflictLensError], None],
                      cluster: Cluster | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
        """(source, record) for every line of the JSONL `files` (`pipeline.batch.input_files`), in
        input order, redacted as `extract_file`: in this process, or on a Dask `cluster`
        (`pipeline.distributed`), with the same records and errors."""
        if cluster is None:
            from conflictlens.pipeline.batch import extract_files
            records = extract_files(files, self.extractor, on_error)
        else:
            from conflictlens.pipeline.distributed import ExtractorRecipe, code_version, extract_files_on
            recipe = ExtractorRecipe(self.actor_files, self.places_file, self.typing_model,
                                     stored_edits(self.store), code_version(), self.relevance_model)
            records = extract_files_on(cluster, recipe, files, on_error)
        if self.store is None:
            return records
        return ((source, self.public.value(record)) for source, record in records)

    def events(self, *, country: str | None = None, event_type: str | None = None, perpetrator: str | None = None,
               dataset: str | None = None, **filters: Any) -> Iterator[Event]:
        """Stored events as they may leave; values as users write them ("ISKP", "battles", "Afghanistan").
        `filters`: since, until, limit. Filters are checked before the first event is read."""
        from conflictlens.pipeline.filters import event_filters
        chosen = event_filters(self.required_store(), self.registry, country=country, event_type_name=event_type,
                               perpetrator=perpetrator)
        return self.public.select(dataset=dataset, **filters, **chosen)

    def aggregate_counts(self, column: str, *, country: str | None = None, event_type: str | None = None,
                         perpetrator: str | None = None, admin1: str | None = None, since: dt.date | None = None,
                         until: dt.date | None = None) -> list[tuple[Any, int, int]]:
        """(value of `column`, events, fatalities) rows over the events `events(...)` would give (and whose
        admin1 reads as `admin1`), counted by the store's roll-up (`Public.aggregate_counts`)."""
        from conflictlens.pipeline.filters import event_filters
        chosen = event_filters(self.required_store(), self.registry, country=country, event_type_name=event_type,
                               perpetrator=perpetrator)
        return self.public.aggregate_counts(column, since=since, until=until, admin1=admin1, **chosen)

    def event(self, event_id: str) -> dict[str, Any]:
        """One event (any unique start of its id, or its pseudonym) with the sentence behind every value."""
        from conflictlens.pipeline.attribution import find_event
        from conflictlens.pipeline.extraction import event_with_sentences
        store = self.required_store()
        found = find_event(store, event_id, self.policy)  # confidential events are shown under a pseudonym
        return self.public.record(found, event_with_sentences(found, store))

    def export(self, fmt: str, out: IO[str], filters: ExportFilters | None = None, *, areas: bool = False) -> int:
        """Write the stored events matching `filters` as `fmt` (acled, gtd, geojson, stix, graphml, ndjson, csv)."""
        from conflictlens.pipeline.interop import ExportFilters, export_events
        return export_events(fmt, self.required_store(), out, filters or ExportFilters(), areas=areas,
                             registry=self.registry, public=self.public)

    def write_events(self, fmt: str, events: Iterable[Event], out: IO[str]) -> int:
        """Write events this session's gate gave (`events`, a page of them) as `fmt` (csv, geojson, ...)."""
        from conflictlens.pipeline.interop import write_public_events
        return write_public_events(fmt, events, self.required_store(), out, self.registry, self.public)

    def network(self, since: str | None = None, until: str | None = None, actor: str | None = None,
                depth: int = 2) -> dict[str, Any]:
        """The published actor network (node-link JSON), or `actor`'s ego network."""
        from conflictlens.pipeline.network import actor_network
        return actor_network(self.required_store(), self.registry, since, until, actor, depth, self.policy)

    def incidents(self, country: str | None = None, since: str | None = None, until: str | None = None,
                  min_members: int = 1, limit: int | None = None) -> Iterator[dict[str, Any]]:
        """Merged incident records as they may leave (`finish_pending` first)."""
        rows = self.required_store().incidents.iter_incidents(country, since, until, min_members, limit)
        return (self.public.incident(record) for record in rows)

    def incident(self, ident: str) -> dict[str, Any] | None:
        """One incident (by its id, or an event id or its start) as it may leave; None when it has no record."""
        from conflictlens.pipeline.resolution_decisions import incident_of
        store = self.required_store()
        record = store.incidents.incident(incident_of(store, ident))
        return self.public.incident(record) if record is not None else None
