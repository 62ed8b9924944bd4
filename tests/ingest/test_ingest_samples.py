"""The bundled demo reports all ingest cleanly and match the golden truth file's list."""

from __future__ import annotations

import json
from pathlib import Path

from ingest_helpers import read_all

ROOT = Path(__file__).resolve().parents[2]


def test_samples_ingest_without_errors():
    docs, errors = read_all(ROOT / "conflictlens" / "samples")
    assert not errors
    # README.md is Markdown, so a folder walk reads it too; it describes no incident
    docs = [d for d in docs if Path(d.source_path).name != "README.md"]
    assert len(docs) == 15 and all(d.published and d.outlet and d.url and d.title for d in docs)
    names = {Path(d.source_path).name if d.external_id is None else f"batch.jsonl#{d.external_id}" for d in docs}
    truth = json.loads((ROOT / "tests" / "golden" / "expected" / "samples_truth.json").read_text())
    assert names == {entry["file"] for entry in truth}
