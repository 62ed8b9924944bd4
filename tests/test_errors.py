"""Coded errors: known codes only, rendered with their subject, and whole after a trip through pickle."""

from __future__ import annotations

import json
import pickle

import pytest

from conflictlens.errors import ConflictLensError


def test_renders_code_subject_and_remedy() -> None:
    error = ConflictLensError("CL-E501", "row left out: the row is cut", subject="acled.csv:12")
    assert str(error) == "CL-E501 acled.csv:12: row left out: the row is cut"
    assert error.to_dict() == {"code": "CL-E501", "subject": "acled.csv:12", "message": "row left out: the row is cut"}


def test_unknown_codes_are_a_programming_error() -> None:
    with pytest.raises(ValueError):
        ConflictLensError("CL-E999", "no such code")


@pytest.mark.parametrize("subject", [None, "gtd.xlsx:4"])
def test_errors_cross_process_boundaries_whole(subject: str | None) -> None:
    error = ConflictLensError("CL-E502", "latitude 'north' is not a decimal number", subject)
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is ConflictLensError and copy.to_dict() == error.to_dict() and str(copy) == str(error)


def test_a_warning_stays_a_warning_across_processes_and_in_its_record() -> None:
    warning = ConflictLensError("CL-E203", "row 'AFG1' repeats line 2 word for word", "a.csv:3", warning=True)
    copy = pickle.loads(pickle.dumps(warning))
    assert copy.warning and copy.to_dict()["level"] == "warning"
    assert not ConflictLensError("CL-E203", "x").warning


def test_an_unreadable_bundled_file_is_a_broken_installation():
    from conflictlens.errors import reading_bundled
    with pytest.raises(ConflictLensError) as err:
        with reading_bundled("conflictlens/model/data/datasets/acled.json"):
            json.loads("{not json")
    assert err.value.code == "CL-E300" and "reinstall" in err.value.message
    assert err.value.subject == "conflictlens/model/data/datasets/acled.json"
