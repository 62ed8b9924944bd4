"""Stream the rows of a dataset file (CSV or XLSX) as (line number, {column: text}).

Nothing is read whole: a 300k-row export streams in bounded memory. A row that cannot be read
(bad quoting, wrong number of fields, bytes that are not in the file's encoding) is yielded as a
coded error naming the file and line, and reading goes on with the next row. Only a file that
cannot be read at all (missing, binary, empty, no header) raises.
"""

from __future__ import annotations

import csv
import datetime as dt
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from conflictlens.errors import ConflictLensError
from conflictlens.ingest.decoding import SNIFF_BYTES, bom_encoding, not_found, sniff_binary, unreadable

Row = tuple[int, dict[str, str]]
Position = Callable[[int], int]  # the file's size -> how many of its bytes the rows read so far reach
_ZIP_MAGIC = b"PK\x03\x04"
_XLSX_SUFFIXES = (".xlsx", ".xlsm")


@dataclass
class Table:
    """An open dataset file: its header (aliases applied), a stream of its rows, its size in bytes and
    how far into it the rows read so far reach (for a progress bar)."""

    path: str
    header: tuple[str, ...]
    rows: Iterator[Row | ConflictLensError]
    size: int = 0
    position: Callable[[], int] = lambda: 0


def open_table(path: str | Path, encoding: str = "utf-8", aliases: dict[str, str] | None = None) -> Table:
    """Open a CSV or XLSX file; raise a coded error when it cannot be read at all."""
    source = Path(path)
    head = _head(source)
    size = source.stat().st_size
    if head.startswith(_ZIP_MAGIC) or source.suffix.lower() in _XLSX_SUFFIXES:
        header, rows, position = _xlsx_rows(source)
    else:
        bom = bom_encoding(head[:4])
        binary = None if bom else sniff_binary(head, str(source))
        if binary is not None:
            raise binary
        # A UTF-16/32 byte-order mark ("Unicode" CSV from a spreadsheet) says how to read the file;
        # the utf-16/utf-32 codecs read the mark and drop it.
        header, rows, position = _csv_rows(source, bom if bom in ("utf-16", "utf-32") else encoding)
    renamed = tuple((aliases or {}).get(name, name) for name in header)
    return Table(str(source), renamed, _as_dicts(str(source), renamed, rows), size,
                 lambda: min(size, position(size)))


def _head(source: Path) -> bytes:
    try:
        with source.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except FileNotFoundError:
        raise not_found(str(source)) from None
    except IsADirectoryError:
        raise ConflictLensError("CL-E106", "this is a folder; pass one dataset file", str(source)) from None
    except OSError as exc:
        raise unreadable(exc, str(source)) from exc
    if not head.strip():
        raise ConflictLensError("CL-E103", "the file is empty; export the dataset again", str(source))
    return head


# ------------------------------------------------------------------ CSV

def _csv_rows(source: Path, encoding: str) -> tuple[list[str], Iterator[tuple[int, list[str] | str]], Position]:
    if encoding.lower().replace("_", "-") in ("utf-8", "utf8"):
        encoding = "utf-8-sig"  # a BOM, when present, is not part of the first column's name
    try:
        handle = source.open(encoding=encoding, errors="surrogateescape", newline="")
    except LookupError:
        raise ConflictLensError("CL-E400", f"unknown encoding {encoding!r}; use e.g. utf-8 or cp1252",
                                "--encoding") from None
    lines = _Lines(handle)
    reader = csv.reader(lines, strict=True)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        handle.close()
        raise ConflictLensError("CL-E500", f"no readable header row ({exc or 'no rows'}); export the "
                                "dataset again with its header", str(source)) from None
    except UnicodeError as exc:  # a character cut in half, or "utf-16" with no byte-order mark
        handle.close()
        raise ConflictLensError("CL-E102", _undecodable(encoding, exc), f"{source}:1") from None

    def position(size: int) -> int:
        # The bytes the text layer has taken from the file: a row's end, give or take a read-ahead block.
        return size if handle.closed else handle.buffer.tell()

    return [_encoded_name(h, source, encoding) for h in header], _csv_records(reader, lines, encoding), position


def _encoded_name(name: str, source: Path, encoding: str) -> str:
    if not _is_clean(name):
        raise ConflictLensError("CL-E102", f"the header is not valid {encoding}; re-save the file as UTF-8 "
                                "or pass --encoding (GTD's own CSV is cp1252)", f"{source}:1")
    return name.strip()


def _is_clean(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # surrogate-escaped bytes the encoding does not know
        return False
    return True


def _undecodable(encoding: str, exc: UnicodeError) -> str:
    if not isinstance(exc, UnicodeDecodeError):  # the codec refuses the file as a whole
        return (f"the file cannot be read as {encoding} ({exc}); pass the right --encoding "
                "(utf-8, cp1252, or utf-16 for a file that starts with its byte-order mark)")
    return (f"the file cannot be read as {encoding} from here on (a character is cut in half: is the file "
            "truncated?); export it again, or pass the right --encoding")


class _Lines:
    """The file's lines for csv.reader, numbered, and counting the quote characters of the record being read.

    After a field over the reader's limit the reader starts afresh on the next line, which may be
    inside that field: the rest of the record is skipped up to the line that closes its quotes
    (a record's quotes come in pairs), so the next record is read from its own first line.
    """

    def __init__(self, handle: Any) -> None:
        self.handle = handle
        self.number = 0  # lines read so far
        self._quotes = 0  # quote characters since the current record began

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        text = next(self.handle)
        self.number += 1
        self._quotes += text.count('"')
        return text

    def next_record(self) -> None:
        self._quotes = 0

    def skip_rest_of_record(self) -> None:
        while self._quotes % 2 and next(self, None) is not None:
            pass


def _csv_records(reader: Any, lines: _Lines, encoding: str) -> Iterator[tuple[int, list[str] | str]]:
    """(first line of the record, its values), or (line, reason) for a record that cannot be read."""
    with lines.handle:
        try:
            yield from _records(reader, lines)
        except UnicodeError as exc:
            # Even with surrogateescape, UTF-16/32 fail on a character cut in half (a truncated
            # file); the decoder cannot go on past it.
            yield lines.number + 1, _undecodable(encoding, exc)


def _records(reader: Any, lines: _Lines) -> Iterator[tuple[int, list[str] | str]]:
    while True:
        line = lines.number + 1
        lines.next_record()
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield line, _unreadable_record(exc)
            if _over_the_limit(exc):
                lines.skip_rest_of_record()
            continue
        if not _is_clean("".join(values)):
            yield line, ("holds bytes that are not valid in the file's encoding; re-save the file as "
                         "UTF-8 or pass --encoding (GTD's own CSV is cp1252)")
            continue
        yield line, values


def _over_the_limit(exc: csv.Error) -> bool:
    # The csv module's only way to say a field is too long is its message.
    return "field limit" in str(exc)


def _unreadable_record(exc: csv.Error) -> str:
    # A valid but long field is not a quoting problem; the limit is the process's (not ours to raise
    # for one file: csv.field_size_limit is global).
    if _over_the_limit(exc):
        return (f"a field is longer than the CSV reader's limit of {csv.field_size_limit():,} characters; "
                "shorten that field (or move the long text out of the file) and import the row again")
    return f"the CSV is malformed here ({exc}); fix the quoting of this row"


# ------------------------------------------------------------------ XLSX

def _xlsx_rows(source: Path) -> tuple[list[str], Iterator[tuple[int, list[str] | str]], Position]:
    import openpyxl  # only XLSX imports pay for loading it
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(source, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise ConflictLensError("CL-E505", f"not a readable XLSX workbook ({exc}); open it in a spreadsheet "
                                "program and save it again as .xlsx or .csv", str(source)) from None
    cells = book.worksheets[0].iter_rows(values_only=True)
    first = next(cells, None)
    if first is None:
        book.close()
        raise ConflictLensError("CL-E500", "the first sheet has no header row; put the dataset on the first "
                                "sheet", str(source))
    header = [_cell_text(v) for v in first]
    while header and not header[-1]:  # spreadsheets pad rows with empty cells
        header.pop()
    rows_in_all, line = book.worksheets[0].max_row or 0, [1]

    def position(size: int) -> int:
        # A workbook is compressed and not read in row order: the share of its rows read stands
        # for the share of its bytes.
        return size * line[0] // rows_in_all if rows_in_all else 0

    return header, _xlsx_records(book, cells, len(header), line), position


def _xlsx_records(book: Any, cells: Iterator[tuple[Any, ...]], width: int,
                  reached: list[int]) -> Iterator[tuple[int, list[str]]]:
    try:
        for line, values in enumerate(cells, start=2):
            reached[0] = line
            texts = [_cell_text(v) for v in values[:width]]
            if any(texts):
                yield line, texts + [""] * (width - len(texts))
    finally:
        book.close()


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


# ------------------------------------------------------------------ rows

def _as_dicts(path: str, header: tuple[str, ...], records: Iterator[tuple[int, list[str] | str]]
              ) -> Iterator[Row | ConflictLensError]:
    width = len(header)
    first = True
    for line, values in records:
        if isinstance(values, str):
            yield bad_row(path, line, values)
            continue
        if not values or (len(values) == 1 and not values[0]):
            continue  # blank line
        if first and _is_hxl_tags(values):
            first = False
            continue  # the HDX export's second row: HXL hashtags, not data
        first = False
        if len(values) != width:
            yield bad_row(path, line, f"has {len(values)} fields but the header has {width}; the row is cut "
                          "or has an unquoted comma")
            continue
        yield line, dict(zip(header, values))


def _is_hxl_tags(values: list[str]) -> bool:
    filled = [v for v in values if v]
    return bool(filled) and all(v.startswith("#") for v in filled)


def bad_row(path: str, line: int, reason: str, code: str = "CL-E501") -> ConflictLensError:
    """The coded error for one row that was left out: the file and line, and why."""
    return ConflictLensError(code, f"row left out: {reason}", subject=f"{path}:{line}")
