"""Reading one cell: numbers, dates and codes, with a clear reason when a value is not what it should be."""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import math

from conflictlens.model.ids import event_id

_MONTH_FORMATS = ("%d %B %Y", "%d-%b-%y", "%d %b %Y", "%B %d, %Y")
_INT64 = (-(1 << 63), (1 << 63) - 1)


class BadValue(ValueError):
    """A cell whose value cannot be read; the importer turns it into a coded error with the line."""

    def __init__(self, column: str, value: str, expected: str) -> None:
        shown = value if len(value) <= 40 else value[:37] + "..."
        super().__init__(f"column {column!r} holds {shown!r}, expected {expected}")


def integer(row: dict[str, str], column: str, *, missing: tuple[str, ...] = ()) -> int | None:
    """A whole number; "" (and any `missing` marker such as "-99") means unknown. "3.0" reads as 3.

    Beyond 64 bits is an error: no dataset counts that far, and the store cannot hold it."""
    text = row.get(column, "").strip()
    if not text or text in missing:
        return None
    try:
        value = int(text)
    except ValueError:
        value = _whole_float(column, text)
    if not _INT64[0] <= value <= _INT64[1]:
        raise BadValue(column, text, "a whole number of at most 18 digits")
    return value


def _whole_float(column: str, text: str) -> int:
    try:
        number = float(text)
    except ValueError:
        raise BadValue(column, text, "a whole number") from None
    if not number.is_integer():  # also NaN and the infinities
        raise BadValue(column, text, "a whole number")
    return int(number)


def count(row: dict[str, str], column: str) -> int | None:
    """A casualty count: a whole number >= 0, or unknown ("" or a negative code such as -99)."""
    value = integer(row, column)
    return None if value is None or value < 0 else value


def coordinate(row: dict[str, str], column: str, limit: float) -> float | None:
    text = row.get(column, "").strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise BadValue(column, text, "a decimal number") from None
    if not math.isfinite(value) or abs(value) > limit:
        raise BadValue(column, text, f"a number between -{limit:g} and {limit:g}")
    return value


def iso_date(row: dict[str, str], column: str) -> str | None:
    """YYYY-MM-DD from ISO dates or datetimes ("1990-10-04 00:00:00.000") and "01 January 2017"."""
    text = row.get(column, "").strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        pass
    for fmt in _MONTH_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    raise BadValue(column, text, "a date such as 2017-01-31 or 31 January 2017")


def partial_date(year: int | None, month: int | None, day: int | None, columns: str) -> tuple[str, str, str]:
    """GTD-style date parts (0 = unknown month or day) -> (start, end, precision) spanning the unknown part."""
    if year is None or not 1 <= year <= 9999:
        raise BadValue(columns, str(year), "a year")
    try:
        if not month:
            return f"{year:04d}-01-01", f"{year:04d}-12-31", "year"
        if not day:
            last = calendar.monthrange(year, month)[1]
            return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}", "month"
        day_text = dt.date(year, month, day).isoformat()
    except ValueError:
        raise BadValue(columns, f"{year}-{month}-{day}", "a real calendar date") from None
    return day_text, day_text, "day"


def code(row: dict[str, str], column: str, table: dict[str, str]) -> str | None:
    """A coded value looked up in `table` ("" -> None); an unknown code is an error, not a guess."""
    text = row.get(column, "").strip()
    if not text:
        return None
    if text.endswith(".0"):
        text = text[:-2]
    try:
        return table[text]
    except KeyError:
        raise BadValue(column, text, "one of " + ", ".join(sorted(table))) from None


def text_or_none(row: dict[str, str], column: str) -> str | None:
    return row.get(column, "").strip() or None


def row_ids(dataset: str, dataset_id: str) -> tuple[str, str]:
    """Deterministic (document id, event id) of a dataset row: the same row always gets the same ids."""
    digest = hashlib.sha256(f"{dataset}:{dataset_id}".encode()).hexdigest()[:16]
    doc_id = f"doc_{dataset.lower()}_{digest}"
    return doc_id, event_id(doc_id, 0, 0)


def row_digest(values: dict[str, str]) -> str:
    """A short fingerprint of a row's values: an unchanged row is skipped on re-import, a revised one updated."""
    return hashlib.blake2b("\x1f".join(values.values()).encode("utf-8", "surrogatepass"),
                           digest_size=8).hexdigest()


def extra_columns(row: dict[str, str], columns: tuple[str, ...]) -> dict[str, str]:
    """The non-empty values of `columns` (a file's columns that have no field of their own: ImportContext.extra)."""
    return {k: row[k] for k in columns if row[k]}
