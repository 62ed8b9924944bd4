"""Batch extraction on a Dask distributed cluster: `extract --input ... --workers N | --scheduler ADDR`.

This process (the client) reads the JSONL inputs in order and cuts them into partitions of
consecutive lines (`pipeline.batch.partitions`); at most `in_flight` of them are out at once, and
their results are taken back in the order they were sent, so output streams in input order with
bounded memory on both sides. A worker runs `extract_partition`: the single-process path's own
`extract_batch` over the partition's lines, numbered as in their file, with the extractor it built
once per process (`extraction.extractor_for` is cached per store state), so records and coded
errors are the same bytes as a run in one process. A worker that dies loses nothing: the scheduler
hands its partitions to another worker (a partition that killed `distributed.scheduler.allowed-failures`
workers, 3 by default, is CL-E115).

Dask lives here only (the pipeline orchestrates; the stages never see it) and is imported when a
cluster is asked for: the `dask` extra is optional.
"""

from __future__ import annotations

import logging
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

from conflictlens.actors.edits import ActorEdit
from conflictlens.errors import ConflictLensError
from conflictlens.extract.extractor import EXTRACTOR_VERSION
from conflictlens.pipeline.batch import Partition, partitions

if TYPE_CHECKING:
    from distributed import Client, Future

LOOPBACK = "127.0.0.1"  # a local cluster listens on this machine only
IN_FLIGHT_PER_THREAD = 2  # partitions out per worker thread: one running, one waiting to start


@dataclass(frozen=True)
class Cluster:
    """Where partitions run: the Dask scheduler at `scheduler` (tcp://HOST:8786), or a LocalCluster
    of `workers` processes with one thread each (spaCy runs a report at a time in a thread)."""
    scheduler: str | None = None
    workers: int | None = None


@dataclass(frozen=True)
class ExtractorRecipe:
    """What a worker builds its extractor from: the client's store state, and its code version
    (a worker running other code would give other records)."""
    actor_files: tuple[str, ...]
    places_file: str | None
    typing_model: str | None
    edits: tuple[ActorEdit, ...]
    code_version: str
    relevance_model: str | None = None


def code_version() -> str:
    """This installation's version and its extractor's."""
    try:
        package = version("conflictlens")
    except PackageNotFoundError:
        package = "not-installed"
    return f"conflictlens {package}, extractor {EXTRACTOR_VERSION}"


def extract_partition(recipe: ExtractorRecipe, part: Partition) -> tuple[list[dict], list[ConflictLensError]]:
    """On a worker: the records of one partition and the coded errors of its bad lines."""
    from conflictlens.pipeline.extraction import extract_batch, extractor_for

    if recipe.code_version != code_version():
        raise ConflictLensError("CL-E116", f"this worker runs {code_version()}, the client {recipe.code_version}; "
                                "install the same conflictlens on every worker and the client", part.source)
    extractor = extractor_for(recipe.actor_files, recipe.places_file, recipe.typing_model, recipe.edits,
                              recipe.relevance_model)
    errors: list[ConflictLensError] = []
    records = list(extract_batch(part.lines, part.source, extractor, errors.append, first_line=part.first_line))
    return records, errors


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise ConflictLensError("CL-E114", "distributed extraction needs Dask; install the extra: "
                                "pip install 'conflictlens[dask]'", "--workers/--scheduler") from None
    return distributed


@contextmanager
def connected(cluster: Cluster) -> Iterator[Client]:
    """A client of the scheduler at `cluster.scheduler`, or of a LocalCluster started (and stopped)
    here. Connecting waits Dask's `distributed.comm.timeouts.connect` (30 s unless configured)."""
    distributed = _distributed()
    if cluster.scheduler is None:
        import dask  # installed with distributed

        # Quiet below errors: a worker slow to exit at the end (freeing spaCy) is killed, with a warning that alarms.
        with dask.config.set(_worker_settings(dask.config)), \
                distributed.LocalCluster(n_workers=cluster.workers, threads_per_worker=1, processes=True,
                                         host=LOOPBACK, dashboard_address=None, silence_logs=logging.ERROR,
                                         scheduler_kwargs={"dashboard_address": f"{LOOPBACK}:0"}) as local, \
                distributed.Client(local, set_as_default=False) as client:
            yield client
        return
    try:
        client = distributed.Client(cluster.scheduler, set_as_default=False)
    except (OSError, ValueError, TypeError) as exc:  # refused, timed out (an OSError), or not an address
        raise ConflictLensError("CL-E113", f"cannot reach the Dask scheduler ({exc}); start one there "
                                "(`dask scheduler`, then `dask worker ADDRESS` on each machine), check the "
                                "address, or use --workers N for a cluster on this machine",
                                cluster.scheduler) from None
    with client:
        yield client


def _worker_settings(config: Any) -> dict[str, Any]:
    """Dask settings for extraction workers, measured on extraction (docs/scale.md): the statistical
    profiler samples every thread's stack each 10 ms, an eighth of a worker's CPU on Python-bound work;
    MALLOC_TRIM_THRESHOLD_ (set for workers by default) has glibc hand memory back on nearly every
    free, another 7%. The in-flight window, not the allocator, bounds a worker's memory here."""
    environ = {k: v for k, v in config.get("distributed.nanny.pre-spawn-environ").items() if k != "MALLOC_TRIM_THRESHOLD_"}
    return {"distributed.worker.profile.enabled": False, "distributed.nanny.pre-spawn-environ": environ}


def in_flight(client: Client) -> int:
    """How many partitions to keep out: enough to keep every worker thread busy, no more."""
    threads = sum(client.nthreads().values())
    return max(2, IN_FLIGHT_PER_THREAD * threads)


def extract_distributed(client: Client, recipe: ExtractorRecipe, parts: Iterable[Partition],
                        window: int | None = None) -> Iterator[tuple[Partition, list[dict], list[ConflictLensError]]]:
    """Each partition with its records and errors, in the order of `parts`; at most `window`
    partitions are out at once (default `in_flight(client)`, asked again as partitions return, so
    workers that join a running cluster get work) and read from `parts` as others return."""
    pending: deque[tuple[Partition, Future]] = deque()
    source = iter(parts)

    def fill() -> None:
        limit = window or in_flight(client)
        while len(pending) < limit and (part := next(source, None)) is not None:
            pending.append((part, client.submit(extract_partition, recipe, part, pure=False)))

    fill()
    while pending:
        part, future = pending.popleft()
        records, errors = _result(part, future)
        fill()  # keep the window full while this partition is written out
        yield part, records, errors


def _result(part: Partition, future: Future) -> tuple[list[dict], list[ConflictLensError]]:
    distributed = _distributed()
    where = f"{part.source}:{part.first_line}"
    try:
        return future.result()
    except distributed.KilledWorker:
        raise ConflictLensError("CL-E115", "the workers running the reports from this line on died every time "
                                "they were tried; a report there may need more memory than a worker has: give "
                                "workers more (`dask worker --memory-limit`) or split the input", where) from None
    except distributed.CancelledError:
        raise ConflictLensError("CL-E113", "lost the Dask scheduler during the run; check that it is up, then "
                                "run again", where) from None
    except ImportError as exc:  # a worker without conflictlens cannot even read the task
        raise ConflictLensError("CL-E116", f"a worker cannot run conflictlens ({exc}); install the same "
                                "conflictlens on every worker and the client", where) from None
    finally:
        future.release()


def extract_files_on(cluster: Cluster, recipe: ExtractorRecipe, files: list[Path],
                     on_error: Callable[[ConflictLensError], None]) -> Iterator[tuple[str, dict]]:
    """(source, record) for every line of the JSONL `files`, in input order, extracted on `cluster`:
    what `batch.extract_files` gives in one process."""
    with connected(cluster) as client:
        for part, records, errors in extract_distributed(client, recipe, partitions(files)):
            for error in errors:
                on_error(error)
            for record in records:
                yield part.source, record
