"""`extract --input`: the batch's files, where it is extracted (here, or on a Dask cluster with
--workers / --scheduler), and where its records go (stdout, one file, or a folder with one file per
input). Records and errors are the same bytes on every path."""

from __future__ import annotations

import os
import sys
from contextlib import closing, contextmanager
from itertools import chain
from pathlib import Path
from typing import Callable, Iterator, Optional

import typer

from conflictlens.cli import common
from conflictlens.cli.app import Settings
from conflictlens.errors import ConflictLensError
from conflictlens.pipeline.distributed import Cluster
from conflictlens.pipeline.session import Session

Write = Callable[[str, str], None]  # (source, line) -> None


def cluster_of(input_path: Optional[str], workers: Optional[int], scheduler: Optional[str]) -> Cluster | None:
    """The cluster --workers or --scheduler asks for; None: extract in this process."""
    if workers is None and scheduler is None:
        return None
    if input_path is None:
        raise ConflictLensError("CL-E400", "a cluster extracts a batch; give --input FILE.jsonl", "--workers/--scheduler")
    if workers is not None and scheduler is not None:
        raise ConflictLensError("CL-E400", "give --workers N (a cluster on this machine) or --scheduler ADDRESS "
                                "(a running cluster), not both", "--workers/--scheduler")
    return Cluster(scheduler=scheduler, workers=workers)


def run_batch(chosen: Settings, work: Session, pattern: str, output: Optional[str], cluster: Cluster | None) -> None:
    from conflictlens import pipeline
    from conflictlens.pipeline.batch import input_files

    files = input_files(pattern)
    errors: list[ConflictLensError] = []
    with closing(work.extract_files(files, errors.append, cluster)) as records:
        # The first record comes before any output is opened: a scheduler that cannot be reached, or
        # workers that cannot extract, leave an earlier run's output files as they were.
        first = next(records, None)
        with writer(files, output) as write, common.progress(chosen) as tick:
            for source, record in chain([first] if first else [], records):
                write(source, pipeline.dumps(record) + "\n")
                tick(record)
    for error in errors:
        typer.echo(f"error {error.render()}", err=True)
    if errors:
        raise typer.Exit(code=1)


def output_files(files: list[Path], output: Optional[str]) -> dict[str, Path] | None:
    """Each input's output file when --output is a folder (ends with / or exists as one); None when
    every record goes to one stream (stdout or a file), in input order."""
    if output is None or not (output.endswith(("/", os.sep)) or Path(output).is_dir()):
        return None
    folder = Path(output)
    targets: dict[str, Path] = {}
    for path in files:
        target = folder / path.name
        if target in targets.values():
            raise ConflictLensError("CL-E400", f"two inputs are named {path.name}, and their outputs would be one "
                                    "file; give --output FILE for one stream, or rename them", output)
        if target.exists() and target.resolve() == path.resolve():
            raise ConflictLensError("CL-E400", "the output would overwrite its input; choose another folder", output)
        targets[str(path)] = target
    return targets


@contextmanager
def writer(files: list[Path], output: Optional[str]) -> Iterator[Write]:
    """Where each record's line goes; every output file is created (empty) before the first record,
    so an input without lines still gets one and no stale file from an earlier run stays."""
    targets = output_files(files, output)
    if targets is None:
        stream = open(output, "w", encoding="utf-8") if output else sys.stdout
        try:
            yield lambda _source, line: stream.write(line)
        finally:
            if output:
                stream.close()
        return
    Path(output).mkdir(parents=True, exist_ok=True)
    for target in targets.values():
        target.write_text("", encoding="utf-8")
    with closing(_FolderWriter(targets)) as folder:
        yield folder.write


class _FolderWriter:
    """Appends each input's lines to its own file, one file open at a time (inputs come in order)."""

    def __init__(self, targets: dict[str, Path]) -> None:
        self.targets = targets
        self.source: str | None = None
        self.handle = None

    def write(self, source: str, line: str) -> None:
        if source != self.source:
            self.close()
            self.handle = open(self.targets[source], "a", encoding="utf-8")
            self.source = source
        self.handle.write(line)

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()
            self.handle = None
