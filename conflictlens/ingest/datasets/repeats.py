"""Row ids a dataset file repeats: the first row is kept, every later copy is named and left out.

A later copy with other values is an error (CL-E203) naming both lines: storing it would silently
overwrite the first. A copy word for word is a warning: nothing is lost, but the file is not what
its publisher exported (concatenated downloads, overlapping API pages).

Memory stays flat for a file of any length: ids met so far are kept in a fixed-size Bloom filter,
which may wrongly say "met" but never wrongly "new". The rows it flags are held back (their line
and id only) and settled at the end by a second reading of the file, which looks at those ids alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Union

from conflictlens.errors import ConflictLensError
from conflictlens.ingest.datasets.common import Imported
from conflictlens.ingest.datasets.tables import bad_row

Numbered = tuple[int, Imported]  # (first line of the row, the row imported)
# The file read again, yielding only the good rows whose dataset id is in the given set.
Reread = Callable[[set[str]], Iterator[Numbered]]


class IdFilter:
    """Document ids met so far, in a fixed-size Bloom filter (two megabytes).

    A false "met" costs the row a place in the second reading (and costs that reading, when it is
    the only one). Expected false alarms: none below about 100,000 rows, about ten in a
    300,000-row file, one row in 130 at two million.
    """

    _MASK = (1 << 24) - 1  # three overlapping 24-bit windows of the id's own 64-bit hash: bits 0, 21, 40 on

    def __init__(self) -> None:
        self._bits = bytearray((self._MASK + 1) // 8)

    def add(self, doc_id: str) -> bool:
        """Remember `doc_id`; whether it may have been met before."""
        digest = int(doc_id[-16:], 16)  # row ids end in 16 hex digits of SHA-256: already uniform
        bits, met = self._bits, True
        for bit in (digest & self._MASK, (digest >> 21) & self._MASK, digest >> 40):
            byte, mask = bit >> 3, 1 << (bit & 7)
            if not bits[byte] & mask:
                met = False
                bits[byte] |= mask
        return met


def first_copies(rows: Iterator[Union[Numbered, ConflictLensError]], reread: Reread, path: str
                 ) -> Iterator[Union[Imported, ConflictLensError]]:
    """`rows` with every later copy of a row id replaced by the coded error (or warning) naming it."""
    met = IdFilter()
    held: dict[int, str] = {}  # line -> dataset id, for the rows the filter says may repeat an id
    for item in rows:
        if isinstance(item, ConflictLensError):
            yield item
            continue
        line, imported = item
        if met.add(imported.document.id):
            held[line] = imported.event.dataset_id
        else:
            yield imported
    if held:
        yield from _settled(held, reread(set(held.values())), path)


def _settled(held: dict[int, str], rows: Iterator[Numbered], path: str
             ) -> Iterator[Union[Imported, ConflictLensError]]:
    first: dict[str, tuple[int, str]] = {}  # document id -> line and version of its first good row
    for line, imported in rows:
        first_line, first_version = first.setdefault(imported.document.id, (line, imported.version))
        if held.pop(line, None) is None:
            continue
        if first_line == line:
            yield imported  # the filter's false alarm: this is the id's first row
        else:
            yield repeated_row(path, first_line, first_version, (line, imported))
    for line in held:  # not found again: the file changed between the two readings
        yield bad_row(path, line, "the file changed while it was being read; import it again")


def repeated_row(path: str, first_line: int, first_version: str, later: Numbered) -> ConflictLensError:
    """The coded error for a later copy of a row id: a warning when it repeats the first word for word."""
    line, left_out = later
    same = first_version == left_out.version
    what = ("repeats line {0} word for word; it was left out and nothing is lost" if same else
            "has the same id as line {0} but other values; line {0} is kept and this row left out: "
            "correct the id, or delete the row that is wrong")
    return ConflictLensError("CL-E203", f"row {left_out.event.dataset_id!r} {what.format(first_line)}",
                             subject=f"{path}:{line}", warning=same)
