"""Dataset rows made ready for the store, in this process or in a worker process.

ingest.datasets (file rows -> events, actors linked) -> store.rows.prepare (events -> table rows) and
extract.relations.events (actor1 against actor2 -> clashes), all pure. What leaves here is plain
tuples and the rows' Event objects (which resolution needs), so a worker process can do this half
of an import while the importing process writes;
this module imports nothing heavy, so that a worker starts fast.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import queue as queues
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from conflictlens.actors import ActorEntry, ActorRegistry
from conflictlens.actors.edits import ActorEdit
from conflictlens.errors import ConflictLensError
from conflictlens.extract.relations.events import derived_relations, party_name_test
from conflictlens.ingest.datasets import ActorLink, ActorLookup, import_rows
from conflictlens.model.records import Event
from conflictlens.pipeline.session import Session, registry_of
from conflictlens.store import MEMORY, PreparedDocument, Store, prepare, unchanged
from conflictlens.store.relations import relation_row

ACTOR_CACHE_SIZE = 8192  # distinct dataset actor names remembered during one process
# Registry matches good enough to link a dataset's actor name: exact names, aliases, acronyms,
# regional branches and "name + head words"; fuzzy matches are left out (a dataset name is exact).
_LINK_METHODS = frozenset(("exact", "alias", "acronym", "spelling", "context"))
_MIN_LINK_SCORE = 0.95
# A worker costs a second or so to start; below this size parsing here is faster.
PARALLEL_MIN_BYTES = 4_000_000
WORKER_CHUNK = 1000  # rows per message from the worker
_WORKER_QUEUE = 4  # messages in flight: bounds the memory the worker can run ahead with
_POLL_SECONDS = 0.5
_DONE = "done"
VERSION_CHUNK = 500  # rows whose stored versions are looked up at once
VersionLookup = Callable[[list[str]], dict[str, str]]
BytesHeard = Callable[[int, int], None]  # (bytes of the file read so far, its size)
# Allocations between young-generation collections during an import (Python's default is 700).
_IMPORT_GC_THRESHOLD = 50_000


class PreparedRow(NamedTuple):
    """One dataset row as the store takes it: the document with its event, and its clashes.

    `events` are the Event objects themselves, for incident resolution: reading them back from the
    flattened record cost a JSON parse per row. Empty for an unchanged row, and when rows come from
    a worker for an import that does not resolve (pickling them would be wasted). From a worker, their
    `extra` holds only the columns resolution reads (`prepared_rows_in_worker`'s `extra_kept`).
    """

    document: PreparedDocument
    relations: list[tuple[Any, ...]]  # rows of actor_relations (store.relations.relation_row)
    events: tuple[Event, ...] = ()


# ------------------------------------------------------------------ actors

def dataset_actor_lookup(registry: ActorRegistry) -> ActorLookup:
    """Link a dataset's actor name to the registry: its external name first, then the resolver.

    The name -> link step is cached (bounded); only an actor with regional branches, whose link
    depends on the country and date, is worked out again for every row.
    """

    @lru_cache(maxsize=ACTOR_CACHE_SIZE)
    def entry_of(dataset: str, name: str) -> ActorEntry | None:
        entry = registry.by_external_name(dataset, name)
        if entry is not None:
            return entry
        mention = registry.resolve(name)
        if mention is not None and mention.method in _LINK_METHODS and mention.score >= _MIN_LINK_SCORE:
            return registry.get(mention.canonical)
        return None

    def link_to(canonical: str) -> ActorLink:
        return ActorLink(canonical, True, registry.is_unidentified(canonical))

    @lru_cache(maxsize=ACTOR_CACHE_SIZE)
    def fixed_link(dataset: str, name: str) -> ActorLink | None:
        """The link of a name whatever the country and date; None for an actor with regional branches."""
        entry = entry_of(dataset, name)
        if entry is None:
            return ActorLink(name)
        return None if entry.regional_branches else link_to(entry.name)

    def lookup(dataset: str, name: str, country: str | None, date: str | None) -> ActorLink:
        link = fixed_link(dataset, name)
        if link is not None:
            return link
        entry = entry_of(dataset, name)
        return link_to((registry.branch(entry, country, date) or entry).name)

    return lookup


# ------------------------------------------------------------------ rows

def prepared_rows(dataset: str, path: str | Path, actor_files: tuple[str, ...] = (), encoding: str = "utf-8",
                  stored_versions: VersionLookup | None = None, on_bytes: BytesHeard | None = None,
                  edits: tuple[ActorEdit, ...] = ()
                  ) -> Iterator[PreparedRow | ConflictLensError]:
    """Every row of a dataset file ready for the store, or the coded error that names its line.

    `stored_versions` (document ids -> the versions the store holds) spares flattening the rows
    a re-import finds unchanged. `edits`: the store's recorded registry edits (`session.stored_edits`),
    so that actors link as the analyst corrected them. Raises a coded error before the first row when
    the file cannot be read or is not the dataset's layout. `on_bytes(done, total)`: how far into the
    file it has read.
    """
    registry = registry_of(actor_files, edits)
    rows = import_rows(dataset, path, dataset_actor_lookup(registry), encoding, on_bytes)
    return _prepared(rows, party_name_test(registry), stored_versions or _nothing_stored)


def _nothing_stored(doc_ids: list[str]) -> dict[str, str]:
    return {}


def _prepared(rows: Iterator[Any], is_party: Any, stored_versions: VersionLookup) -> Iterator[PreparedRow | ConflictLensError]:
    # Each row id comes once: the importers leave out a file's repeated ids (ingest/datasets/repeats.py).
    for chunk in chunks(rows, VERSION_CHUNK):
        stored = stored_versions([i.document.id for i in chunk if not isinstance(i, ConflictLensError)])
        for item in chunk:
            if isinstance(item, ConflictLensError):
                yield item
            elif stored.get(item.document.id) == item.version:
                yield PreparedRow(unchanged(item.document.id, item.version), [])
            else:
                # ACLED's actor1 against actor2, UCDP's side_a against side_b: clashes for the actor network.
                clashes = [relation_row(r) for r in derived_relations(None, [item.event], [], [], is_party)]
                yield PreparedRow(prepare(item.document, [item.event], item.version), clashes, (item.event,))


@contextmanager
def quiet_collector(threshold: int = _IMPORT_GC_THRESHOLD) -> Iterator[None]:
    """Keep the garbage collector's work small while rows stream through: for an import, and in its worker.

    Rows allocate many short-lived containers, which refcounting frees; the collector found
    nothing to reclaim but ran every 700 allocations, each time walking every young object
    (a whole chunk of rows being built or unpickled), and its full collections walked the
    hundreds of thousands of objects of the loaded reference data (registry, gazetteer). That
    was about a third of the time to parse and to unpickle a row. gc.freeze moves what exists
    now out of the collector's sight, and a higher threshold makes young collections rare;
    both are undone on the way out. Cycles made meanwhile are still collected, only later.
    `threshold`: the young generation's, at least (resolution keeps a whole batch alive at a time).

    Nested, or inside a caller's own gc.freeze(), it leaves the frozen objects as it found them
    (unfreezing is all or nothing). The collector's settings belong to the whole process, so two
    threads must not import at once.
    """
    before = gc.get_threshold()
    freezing = gc.get_freeze_count() == 0
    if freezing:
        gc.freeze()
    gc.set_threshold(max(before[0], threshold), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
        if freezing:
            gc.unfreeze()


def chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """`items` in lists of `size` (the last one shorter), read lazily."""
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def worth_a_worker(path: str | Path) -> bool:
    """Whether a worker process should parse this file: a spare core, a file big enough to pay for it,
    and a process that can fork safely (one thread; where fork is unavailable, a worker would have to
    re-import the caller's main script, which a script without a main guard cannot survive)."""
    try:
        size = Path(path).stat().st_size
    except OSError:
        return False  # let the parser report it
    return ((os.cpu_count() or 1) > 1 and size >= PARALLEL_MIN_BYTES
            and _start_method() == "fork")


def _start_method() -> str:
    """fork where it is safe (Linux, one thread: the child inherits the loaded registry); else spawn."""
    fork_safe = "fork" in multiprocessing.get_all_start_methods() and sys.platform.startswith("linux")
    return "fork" if fork_safe and threading.active_count() == 1 else "spawn"


def prepared_rows_in_worker(dataset: str, path: str | Path, actor_files: tuple[str, ...] = (),
                            encoding: str = "utf-8", store_path: str | None = None,
                            on_bytes: BytesHeard | None = None, edits: tuple[ActorEdit, ...] = (),
                            events: bool = True, extra_kept: Mapping[str, tuple[str, ...]] | None = None
                            ) -> Iterator[PreparedRow | ConflictLensError]:
    """prepared_rows, computed by a worker process while the caller consumes them (same rows, same order).

    `store_path`: the database the rows go to; the worker reads the stored versions from it to
    spare flattening unchanged rows; `edits`: its recorded registry edits; `events`: whether the rows
    carry their Event objects (an import that resolves needs them; leaving them out spares pickling);
    `extra_kept`: dataset (upper case) -> the columns of `Event.extra` the events keep (None: all; resolution
    reads only `Settings.dataset_text_columns`, and the whole row is in the stored record already).
    The worker is forked where that is safe, else spawned (then the caller's main script must
    have an `if __name__ == "__main__":` guard); it is stopped when the caller stops reading,
    finishes, or fails.
    """
    context = multiprocessing.get_context(_start_method())
    messages = context.Queue(maxsize=_WORKER_QUEUE)
    worker = context.Process(target=_work,
                             args=(dataset, str(path), actor_files, encoding, store_path, edits, events,
                                   extra_kept, _Outbox(messages, os.getpid())),
                             name="conflictlens-import-parser", daemon=True)
    worker.start()
    try:
        yield from _received(messages, worker, str(path), on_bytes)
    finally:
        if worker.is_alive():
            worker.terminate()
        worker.join(timeout=5)
        messages.close()


def _received(messages: Any, worker: Any, path: str,
              on_bytes: BytesHeard | None = None) -> Iterator[PreparedRow | ConflictLensError]:
    while True:
        message = _next_message(messages, worker, path)
        if isinstance(message, ConflictLensError):
            raise message
        if isinstance(message, str):  # _DONE
            return
        rows, read = message  # a chunk of rows, and (bytes read, file size) when it was sent
        yield from rows
        if on_bytes is not None:
            on_bytes(*read)


def _next_message(messages: Any, worker: Any, path: str) -> Any:
    while True:
        try:
            return messages.get(timeout=_POLL_SECONDS)
        except queues.Empty:
            if worker.is_alive():
                continue
        try:  # one last look: the worker may have ended just after sending
            return messages.get(timeout=_POLL_SECONDS)
        except queues.Empty:
            raise ConflictLensError("CL-E506", f"the parsing process stopped unexpectedly (exit code "
                                    f"{worker.exitcode}); run the import again with --no-parallel", path) from None


def _without_events(row: PreparedRow | ConflictLensError) -> PreparedRow | ConflictLensError:
    return row._replace(events=()) if isinstance(row, PreparedRow) and row.events else row


def _lean_events(row: PreparedRow | ConflictLensError, kept: Mapping[str, tuple[str, ...]]
                 ) -> PreparedRow | ConflictLensError:
    """The row, its events' `extra` cut to the columns `kept` names for their dataset. A dataset's other
    columns (most of an imported event's pickle: 37 of UCDP's) are in the flattened record already, and
    pickling them to the importing process cost about 0.8 s of CPU per 100,000 rows there and back.
    The events are this worker's own, made for this row and flattened already: changed in place."""
    if isinstance(row, PreparedRow):
        for event in row.events:
            columns = kept.get((event.dataset or "").upper(), ())
            event.extra = {c: event.extra[c] for c in columns if c in event.extra}
    return row


@contextmanager
def _reader(store_path: str | None) -> Iterator[Store | None]:
    """A second connection to the store, for reading (WAL: it never waits for the importing writer):
    the worker process's own session."""
    if store_path is None or store_path == MEMORY:
        yield None
        return
    with Session(store_path) as session:
        yield session.store


class _Orphaned(BaseException):
    """The importing process is gone (killed): the worker stops. Not an Exception, so nothing reports it."""


class _Outbox:
    """The worker's end of the queue. A worker whose importing process was killed (SIGKILL runs no
    clean-up, and a daemon flag only helps on a normal exit) would block on a full queue for ever,
    holding the database open; so a put that waits checks now and then that its parent still lives."""

    CHECK_SECONDS = 2.0

    def __init__(self, messages: Any, parent: int) -> None:
        self.messages, self.parent = messages, parent

    def put(self, item: Any) -> None:
        while True:
            try:
                self.messages.put(item, timeout=self.CHECK_SECONDS)
                return
            except queues.Full:
                if os.getppid() != self.parent:
                    # The queue's feeder thread is stuck writing to a pipe nobody reads: exiting must not
                    # wait for it to flush.
                    self.messages.cancel_join_thread()
                    raise _Orphaned() from None


def _work(dataset: str, path: str, actor_files: tuple[str, ...], encoding: str, store_path: str | None,
          edits: tuple[ActorEdit, ...], events: bool, extra_kept: Mapping[str, tuple[str, ...]] | None,
          messages: _Outbox) -> None:
    """The worker process: parse and prepare, send rows a chunk at a time, then _DONE (or the error)."""
    read = [0, 0]  # bytes read, file size: sent with each chunk for the caller's progress bar

    def heard(done: int, total: int) -> None:
        read[:] = done, total

    try:
        with quiet_collector(), _reader(store_path) as store:
            versions = store.stored_versions if store is not None else None
            rows = prepared_rows(dataset, path, actor_files, encoding, versions, heard, edits)
            if not events:
                rows = (_without_events(row) for row in rows)
            elif extra_kept is not None:
                rows = (_lean_events(row, extra_kept) for row in rows)
            for chunk in chunks(rows, WORKER_CHUNK):
                messages.put((chunk, tuple(read)))
        messages.put(([], tuple(read)))  # the end of the file, when the last chunk was sent before it
        messages.put(_DONE)
    except ConflictLensError as exc:
        messages.put(exc)
    except Exception as exc:  # noqa: BLE001 - anything else reaches the parent as a coded error
        messages.put(ConflictLensError("CL-E506", f"parsing failed ({type(exc).__name__}: {exc}); run the "
                                       "import again with --no-parallel to see where", path))
    except _Orphaned:
        return  # nobody is left to read the rows; leaving closes the database
