"""Helpers for the ingest tests (a plain module: tests/ has no __init__, so names must be unique)."""

from __future__ import annotations

from pathlib import Path

from conflictlens.errors import ConflictLensError
from conflictlens.ingest import iter_documents
from conflictlens.model.records import Document


def read_all(*paths: Path, **kwargs) -> tuple[list[Document], list[ConflictLensError]]:
    docs: list[Document] = []
    errors: list[ConflictLensError] = []
    for item in iter_documents(list(paths), **kwargs):
        (errors if isinstance(item, ConflictLensError) else docs).append(item)
    return docs, errors


def only(path: Path, **kwargs) -> Document | ConflictLensError:
    items = list(iter_documents([path], **kwargs))
    assert len(items) == 1, items
    return items[0]


