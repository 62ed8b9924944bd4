"""The inputs of `extract --input`: JSONL files named by a path or a pattern, read in order, and
cut into partitions of consecutive lines for distributed extraction.

Both paths read a file the same way (UTF-8, undecodable bytes replaced, as the single-process path
always has) and give records as (source, record) pairs in input order, so the CLI writes either
with one writer and the outputs are the same bytes.
"""

from __future__ import annotations

import glob
from pathlib import Path
from typing import Callable, Iterator, NamedTuple

from conflictlens.errors import ConflictLensError
from conflictlens.extract.extractor import Extractor
from conflictlens.pipeline.extraction import extract_batch

PARTITION_LINES = 100  # lines per distributed partition: enough to amortise a task's overhead ...
PARTITION_CHARS = 2_000_000  # ... or fewer, once their text reaches this: a worker holds a few at a time


class Partition(NamedTuple):
    """Consecutive lines of one input file; `first_line` is the file's number of the first."""
    source: str
    first_line: int
    lines: list[str]


def input_files(pattern: str) -> list[Path]:
    """The files `--input` names: one path, or every file a glob pattern matches (sorted, so the
    order of the output does not depend on the file system)."""
    if not glob.has_magic(pattern):
        path = Path(pattern)
        if not path.exists():
            raise ConflictLensError("CL-E100", "input file not found; check the path", str(path))
        return [path]
    found = sorted(Path(name) for name in glob.glob(pattern, recursive=True) if Path(name).is_file())
    if not found:
        raise ConflictLensError("CL-E100", "no file matches this pattern; check it (and quote it, so the "
                                "shell passes it to conflictlens unexpanded)", pattern)
    return found


def _open_lines(path: Path):
    return open(path, encoding="utf-8", errors="replace")


def extract_files(files: list[Path], extractor: Extractor,
                  on_error: Callable[[ConflictLensError], None]) -> Iterator[tuple[str, dict]]:
    """(source, record) for every line of every file, in input order, in this process."""
    for path in files:
        with _open_lines(path) as lines:
            for record in extract_batch(lines, str(path), extractor, on_error):
                yield str(path), record


def partitions(files: list[Path], max_lines: int = PARTITION_LINES,
               max_chars: int = PARTITION_CHARS) -> Iterator[Partition]:
    """The files' lines in order, a partition at a time (read lazily: memory holds the partitions
    in flight, never a whole file)."""
    for path in files:
        with _open_lines(path) as handle:
            lines: list[str] = []
            chars, first = 0, 1
            for lineno, line in enumerate(handle, start=1):
                lines.append(line)
                chars += len(line)
                if len(lines) >= max_lines or chars >= max_chars:
                    yield Partition(str(path), first, lines)
                    lines, chars, first = [], 0, lineno + 1
            if lines:
                yield Partition(str(path), first, lines)
