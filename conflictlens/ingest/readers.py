"""Walk files and folders and turn every readable report into a Document.

``iter_documents`` never raises for bad input: it yields a ``ConflictLensError`` for each bad
file (or bad JSONL line) and carries on, so a caller can store every good report and list every
bad one. Formats: ``.txt`` and ``.md`` (optional front matter, see ``textdocs``), ``.html`` and
``.htm``, ``.json`` (one record or a list), ``.jsonl`` / ``.ndjson`` (streamed).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from conflictlens.errors import ConflictLensError
from conflictlens.ingest.common import check_published
from conflictlens.ingest.decoding import (
    decode_bytes, link_loop, link_loop_error, not_found, read_file_bytes, unreadable,
)
from conflictlens.ingest.htmldocs import parse_html_document
from conflictlens.ingest.jsondocs import iter_jsonl, parse_json_text
from conflictlens.ingest.textdocs import parse_text_document
from conflictlens.model.records import Document

DEFAULT_MAX_BYTES = 50_000_000
Item = Document | ConflictLensError

STREAMED_SUFFIXES = (".jsonl", ".ndjson")


def _text(path: str) -> Callable[[str], Iterator[Item]]:
    return lambda text: iter([parse_text_document(text, path, markdown=False, source_path=path)])


def _markdown(path: str) -> Callable[[str], Iterator[Item]]:
    return lambda text: iter([parse_text_document(text, path, markdown=True, source_path=path)])


def _html(path: str) -> Callable[[str], Iterator[Item]]:
    return lambda text: iter([parse_html_document(text, path, source_path=path)])


def _json(path: str) -> Callable[[str], Iterator[Item]]:
    return lambda text: parse_json_text(text, path)


# Whole-file readers by suffix; each gets the decoded text of a file read within max_bytes.
_WHOLE_FILE_READERS: dict[str, Callable[[str], Callable[[str], Iterator[Item]]]] = {
    ".txt": _text,
    ".md": _markdown,
    ".markdown": _markdown,
    ".html": _html,
    ".htm": _html,
    ".json": _json,
}

SUPPORTED_SUFFIXES = tuple(sorted((*_WHOLE_FILE_READERS, *STREAMED_SUFFIXES)))


def iter_documents(paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Yield a Document for every good report and a ConflictLensError for every bad one.

    Folders are walked recursively in sorted order, skipping hidden files and folders; paths
    named explicitly are read even when hidden. The order is deterministic.
    """
    for path in paths:
        yield from _iter_path(Path(path), max_bytes)


def report_files(paths: Iterable[str | Path]) -> list[Path | ConflictLensError]:
    """The files `iter_documents(paths)` reads, in its order (read each with `read_file`), with the
    coded error of each path that is missing or each folder that cannot be listed in its place.

    For a caller that wants to know how many files there are before it reads them (a progress bar).
    """
    files: list[Path | ConflictLensError] = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(walk_files(path))
        else:
            files.append(path if path.exists() else not_found(str(path)))
    return files


def _iter_path(path: Path, max_bytes: int) -> Iterator[Item]:
    if path.is_dir():
        for file in walk_files(path):
            if isinstance(file, ConflictLensError):
                yield file
            else:
                yield from read_file(file, max_bytes=max_bytes)
    elif path.exists():
        yield from read_file(path, max_bytes=max_bytes)
    elif link_loop(path):
        yield link_loop_error(str(path))
    else:
        yield not_found(str(path))


def walk_files(folder: Path) -> Iterator[Path | ConflictLensError]:
    """Every non-hidden file under folder in sorted path order (a/c, a/z, b); symlinked folders not followed."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as exc:
        # report the unreadable folder and carry on with its siblings
        yield unreadable(exc, str(folder), "the folder")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from walk_files(Path(entry.path))
        elif entry.is_symlink() and link_loop(entry.path):
            yield link_loop_error(entry.path)  # whatever its name says, there is no file to read
        else:
            yield Path(entry.path)


def read_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Read one file of any supported kind (a JSON/JSONL file may hold many reports)."""
    subject = str(path)
    suffix = path.suffix.lower()
    if suffix in STREAMED_SUFFIXES:
        yield from iter_jsonl(path, max_bytes=max_bytes, source=subject)
        return
    reader = _WHOLE_FILE_READERS.get(suffix)
    if reader is None:
        yield _unsupported(path, subject)
        return
    data = read_file_bytes(path, max_bytes, subject)
    if isinstance(data, ConflictLensError):
        yield data
        return
    text = decode_bytes(data, subject)
    if isinstance(text, ConflictLensError):
        yield text
        return
    yield from reader(subject)(text)


def _unsupported(path: Path, subject: str) -> ConflictLensError:
    if path.exists() and not path.is_file():
        return ConflictLensError("CL-E106", "not a regular file; pass a file or a folder", subject)
    kind = path.suffix or "(no extension)"
    return ConflictLensError(
        "CL-E106",
        f"unsupported file type {kind}; convert it to one of {', '.join(SUPPORTED_SUFFIXES)}",
        subject,
    )


def read_text_argument(
    path: str | Path, published: str | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Document:
    """Read the single report in one file; raise ConflictLensError if it is bad.

    ``published`` (YYYY-MM-DD), when given, overrides any date found in the file: it is how a
    user supplies the anchor for relative dates in a report that carries none. A JSON/JSONL file
    must hold exactly one record here; use ``iter_documents`` for batches.
    """
    subject = str(path)
    override = check_published(published, subject)
    if isinstance(override, ConflictLensError):
        raise override
    found: Document | None = None
    for item in _iter_path(Path(path), max_bytes):
        if isinstance(item, ConflictLensError):
            raise item
        if found is not None:
            raise ConflictLensError(
                "CL-E400", "the file holds more than one report; pass it with --input instead", subject
            )
        found = item
    if found is None:
        raise ConflictLensError("CL-E103", "no report found in the file; add the report text", subject)
    if override is not None:
        found = Document(**{**found.to_dict(), "published": override})
    return found
