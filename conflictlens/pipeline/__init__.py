"""The only layer that wires stages together (DEVELOPERS.md): one module per kind of job.

`session.Session` holds a store and what the jobs share (registry, gazetteer, extractor,
confidentiality policy, resolution context); `public` is the one outbound gate. `extraction` turns
reports into stored events; other jobs (dataset import and export, incident resolution, the
attribution ledger) live beside it, each importing the stages it needs.

The names below are loaded on first use, so that importing a light module of the pipeline (the
dataset import worker starts from `dataset_rows`) does not load spaCy.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXTRACTION = ("BATCH_DOCUMENTS", "IngestReport", "build_extractor", "dumps", "event_with_sentences",
               "extract_batch", "extract_file", "ingest", "sample_paths", "sentence_around")
__all__ = [*_EXTRACTION, "Session"]


def __getattr__(name: str) -> Any:
    if name in _EXTRACTION:
        return getattr(importlib.import_module("conflictlens.pipeline.extraction"), name)
    if name == "Session":
        return importlib.import_module("conflictlens.pipeline.session").Session
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
