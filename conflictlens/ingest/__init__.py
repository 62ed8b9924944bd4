"""Ingest: read report files (text, Markdown, HTML, JSON, JSONL) into Documents.

Bad input never raises from ``iter_documents``: it is yielded as a coded ``ConflictLensError``.
"""

from conflictlens.ingest.common import MAX_REPORT_CHARS
from conflictlens.ingest.jsondocs import iter_jsonl, parse_batch_line, record_to_document
from conflictlens.ingest.readers import (
    DEFAULT_MAX_BYTES,
    SUPPORTED_SUFFIXES,
    iter_documents,
    read_file,
    read_text_argument,
    report_files,
)
from conflictlens.ingest.textdocs import split_front_matter

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_REPORT_CHARS",
    "SUPPORTED_SUFFIXES",
    "iter_documents",
    "iter_jsonl",
    "parse_batch_line",
    "read_file",
    "read_text_argument",
    "record_to_document",
    "report_files",
    "split_front_matter",
]
