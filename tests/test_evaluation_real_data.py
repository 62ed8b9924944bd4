"""The product evaluations on the real reference sets, read in place (skipped when ../shared/data is absent).

Only tune parts are run here: held-out parts are measured once, by hand, for docs/accuracy.md.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from conflictlens.evaluation import CASE_LABELS, evaluate_case, split_part
from conflictlens.evaluation.muc4 import chosen_documents, evaluate_muc4


def test_case_2021_tune_snippets_through_extract(shared_data, extractor):
    path = shared_data / "case2021" / "case2021_task2_dev_odd_ids.tsv"
    if not path.exists():
        pytest.skip("CASE 2021 task 2 snippets are not present")
    result = evaluate_case(str(path), extractor, part="tune")
    # The measured tune state through `extract` (docs/accuracy.md); a regression below it fails.
    assert result.extra["weighted_f1"] >= 0.82
    assert result.extra["false_alarm_rate"] <= 0.2
    with open(path, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    labelled = sum(1 for r in rows if r["SubType"] in CASE_LABELS and split_part(r["id"]) == "tune")
    assert re.search(rf"tune part, {labelled} ACLED-labelled snippets", result.title)
    held = sum(split_part(r["id"]) == "held-out" for r in rows)
    assert result.extra["rows_by_part"] == f"tune {len(rows) - held}, held-out {held}"


def test_muc4_parts_are_decided_by_document_id_alone(shared_data):
    paths = [str(shared_data / "muc4" / name) for name in ("train.json", "dev.json")]
    if not all(Path(p).exists() for p in paths):
        pytest.skip("MUC-4 files are not present")
    tune, parts = chosen_documents(paths, "tune")
    assert tune and all(split_part(doc_id) == "tune" for doc_id, _doc in tune)
    assert len(tune) == parts["tune"] and parts["held-out"] >= 0.25 * sum(parts.values())


def test_muc4_dev_tune_documents_through_extract(shared_data, extractor):
    path = shared_data / "muc4" / "dev.json"
    if not path.exists():
        pytest.skip("MUC-4 dev file is not present")
    result = evaluate_muc4([str(path)], extractor, part="tune")
    scores = {name: score for name, score, _correct, _total in result.rows}
    # Floors under the measured tune state (docs/accuracy.md), so that a regression fails.
    assert scores["incident recall"] >= 0.6 and scores["false alarms"] <= 0.6
    assert re.search(r"tune part, \d+ documents", result.title)
