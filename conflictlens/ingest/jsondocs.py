"""JSON and JSONL (NDJSON) reports.

A record is an object ``{"id", "text", "published", "url", "outlet", "title"}``; only ``text``
is required. ``id`` (string or integer) becomes ``Document.external_id``. JSONL is read line
by line from a binary stream, so memory stays bounded whatever the file size; each line may be
at most ``max_bytes`` long. Blank lines are skipped.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from conflictlens.errors import ConflictLensError
from conflictlens.ingest.common import check_published, empty_error, make_document
from conflictlens.ingest.decoding import (
    SNIFF_BYTES,
    bom_encoding,
    invalid_encoding,
    not_found,
    sniff_binary,
    too_large,
    unreadable,
)
from conflictlens.model.records import Document

_OPTIONAL_STRINGS = ("url", "outlet", "title")


def record_to_document(record: Any, subject: str, source_path: str | None) -> Document | ConflictLensError:
    """Validate one decoded JSON value and turn it into a Document."""
    if not isinstance(record, dict):
        return _field_error(f"expected a JSON object, found {type(record).__name__}", subject)
    text = record.get("text")
    if text is None:
        return _field_error('the record has no "text" field', subject)
    if not isinstance(text, str):
        return _field_error(f'"text" must be a string, found {type(text).__name__}', subject)
    external_id = record.get("id")
    if external_id is not None and (isinstance(external_id, bool) or not isinstance(external_id, (str, int))):
        return _field_error('"id" must be a string or an integer', subject)
    for key in _OPTIONAL_STRINGS:
        if record.get(key) is not None and not isinstance(record[key], str):
            return _field_error(f'"{key}" must be a string', subject)
    for key in ("text", "id", *_OPTIONAL_STRINGS):
        if isinstance(record.get(key), str) and not _is_unicode(record[key]):
            return _lone_surrogate(key, subject)
    published = check_published(record.get("published"), subject)
    if isinstance(published, ConflictLensError):
        return published
    return make_document(
        text,
        subject,
        published=published,
        url=record.get("url"),
        outlet=record.get("outlet"),
        title=record.get("title"),
        source_path=source_path,
        external_id=None if external_id is None else str(external_id),
    )


def _is_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # an escaped half of a UTF-16 pair ("\ud800"): valid JSON, no character
        return False
    return True


def _lone_surrogate(key: str, subject: str) -> ConflictLensError:
    return ConflictLensError(
        "CL-E102", f'"{key}" holds an escaped lone surrogate (a \\uD800-\\uDFFF escape without its pair), '
        "which is no character; fix the escape where the file was written, or remove it", subject)


def _loads(text: str, subject: str, *, single_line: bool = False) -> Any:
    """The decoded JSON value, or the coded error saying why the text is not readable JSON."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        return _json_error(exc, subject, single_line=single_line)
    except RecursionError:
        return ConflictLensError("CL-E104", "JSON nested too deeply; flatten the record", subject)
    except ValueError as exc:  # Python refuses integers over 4,300 digits (a guard against slow parsing)
        return ConflictLensError("CL-E104", f"a number in the JSON is too long to read ({exc}); "
                                 "write it as a string or remove it", subject)


def _field_error(what: str, subject: str) -> ConflictLensError:
    return ConflictLensError(
        "CL-E105",
        f'{what}; each record must be an object with a string "text" '
        '(and optionally "id", "published", "url", "outlet", "title")',
        subject,
    )


def _json_error(exc: json.JSONDecodeError, subject: str, *, single_line: bool = False) -> ConflictLensError:
    where = f"column {exc.colno}" if single_line else f"line {exc.lineno} column {exc.colno}"
    return ConflictLensError(
        "CL-E104",
        f"invalid JSON at {where} ({exc.msg}); fix or remove the "
        "damaged part (a truncated file usually ends mid-record)",
        subject,
    )


def parse_batch_line(line: str, lineno: int, source: str) -> Document | ConflictLensError:
    """Parse one JSONL line (as used by ``extract --input``); the subject is ``source:lineno``.

    A blank line is reported as empty (CL-E103); streaming readers skip blank lines first.
    """
    subject = f"{source}:{lineno}"
    if not line.strip():
        return empty_error(subject)
    record = _loads(line, subject, single_line=True)
    if isinstance(record, ConflictLensError):
        return record
    return record_to_document(record, subject, source)


def parse_json_text(text: str, source: str) -> Iterator[Document | ConflictLensError]:
    """A .json file: one record or a list of records (list items are subjects ``file[i]``)."""
    value = _loads(text, source)
    if isinstance(value, ConflictLensError):
        yield value
        return
    if not isinstance(value, list):
        yield record_to_document(value, source, source)
        return
    if not value:
        yield empty_error(source)
    for index, item in enumerate(value):
        yield record_to_document(item, f"{source}[{index}]", source)


def iter_jsonl(path: Path, *, max_bytes: int, source: str | None = None) -> Iterator[Document | ConflictLensError]:
    """Stream a JSONL file line by line; every bad line is its own error."""
    source = source or str(path)
    try:
        raw = path.open("rb")
    except FileNotFoundError:
        yield not_found(source)
        return
    except OSError as exc:
        yield unreadable(exc, source)
        return
    with raw:
        head = raw.peek(SNIFF_BYTES)[:SNIFF_BYTES] if isinstance(raw, io.BufferedReader) else b""
        encoding = bom_encoding(head[:4])
        if encoding in ("utf-16", "utf-32"):
            yield from _iter_wide_lines(raw, encoding, source)
            return
        binary = sniff_binary(head, source)
        if binary is not None:
            yield binary
            return
        yield from _iter_utf8_lines(raw, max_bytes, source)


def _iter_utf8_lines(raw: BinaryIO, max_bytes: int, source: str) -> Iterator[Document | ConflictLensError]:
    seen_any = False
    for lineno, line, size in _bounded_lines(raw, max_bytes):
        subject = f"{source}:{lineno}"
        if line is None:
            seen_any = True
            yield too_large(size, max_bytes, subject)
            continue
        if lineno == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            seen_any = True
            yield invalid_encoding("utf-8", exc.start, subject, of="the line")
            continue
        if text.strip():
            seen_any = True
            yield parse_batch_line(text, lineno, source)
    if not seen_any:
        yield empty_error(source)


def _bounded_lines(raw: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None, int]]:
    """Yield (line number, bytes, size); a line over max_bytes comes as None and is never held whole."""
    lineno = 0
    while True:
        line = raw.readline(max_bytes + 1)
        if not line:
            return
        lineno += 1
        if len(line) <= max_bytes or line.endswith(b"\n"):
            yield lineno, line, len(line)
            continue
        size = len(line)
        while line and not line.endswith(b"\n"):
            line = raw.readline(1 << 20)
            size += len(line)
        yield lineno, None, size


def _iter_wide_lines(raw: BinaryIO, encoding: str, source: str) -> Iterator[Document | ConflictLensError]:
    """UTF-16/32 JSONL with a BOM: decode incrementally, still one line at a time."""
    text_stream = io.TextIOWrapper(raw, encoding=encoding, newline="\n")
    lineno = 0
    try:
        for lineno, line in enumerate(text_stream, start=1):
            if line.strip():
                yield parse_batch_line(line, lineno, source)
    except UnicodeDecodeError as exc:
        yield invalid_encoding(encoding, exc.start, f"{source}:{lineno + 1}", of="the read buffer")
    finally:
        text_stream.detach()
    if lineno == 0:
        yield empty_error(source)
