"""A row id the file repeats: the first row is kept, the repeat is named with both lines and left out."""

from __future__ import annotations

import pytest
from dataset_rows import ACLED_ROWS, GTD_ROWS, UCDP_ROWS, write_csv
from typer.testing import CliRunner

from conflictlens.cli import app
from conflictlens.errors import ConflictLensError
from conflictlens.ingest.datasets import import_rows
from conflictlens.pipeline.interop import import_dataset
from conflictlens.store import Store

# dataset -> (its invented rows, the column of its row id, a value column to change)
CASES = {
    "acled": (ACLED_ROWS, "event_id_cnty", "fatalities"),
    "gtd": (GTD_ROWS, "eventid", "nkill"),
    "ucdp": (UCDP_ROWS, "id", "best"),
}


def split(items):
    errors = [i for i in items if isinstance(i, ConflictLensError)]
    return [i for i in items if not isinstance(i, ConflictLensError)], errors


@pytest.mark.parametrize("dataset", sorted(CASES))
def test_a_repeated_id_with_other_values_keeps_the_first_row_and_names_both_lines(tmp_path, dataset):
    rows, _, column = CASES[dataset]
    changed = dict(rows[0], **{column: "99"})
    path = write_csv(tmp_path / "d.csv", dataset, [rows[0], *rows[1:], changed])
    good, (error,) = split(list(import_rows(dataset, path)))
    assert len(good) == len(rows)
    assert [g.event.fatalities.best for g in good if g.event.dataset_id == good[0].event.dataset_id] != [99]
    assert error.code == "CL-E203" and not error.warning
    assert error.subject == f"{path}:{len(rows) + 2}" and "line 2" in error.message


def test_an_exact_repeat_is_left_out_with_a_warning(tmp_path):
    path = write_csv(tmp_path / "a.csv", "acled", [ACLED_ROWS[0], ACLED_ROWS[1], ACLED_ROWS[0]])
    good, (warning,) = split(list(import_rows("acled", path)))
    assert [g.event.dataset_id for g in good] == ["AFG90001", "AFG90002"]
    assert warning.code == "CL-E203" and warning.warning and warning.subject.endswith(":4")
    assert "line 2" in warning.message


def test_a_bad_row_does_not_count_as_the_first_copy(tmp_path):
    broken = dict(ACLED_ROWS[0], event_date="someday")
    path = write_csv(tmp_path / "a.csv", "acled", [broken, ACLED_ROWS[0]])
    good, (error,) = split(list(import_rows("acled", path)))
    assert len(good) == 1 and error.code == "CL-E502" and error.subject.endswith(":2")


def test_rows_the_id_filter_wrongly_flags_still_come_through_once(tmp_path, monkeypatch):
    """The filter may say "seen" of a new id (it is a Bloom filter): a second reading settles it."""
    from conflictlens.ingest.datasets import repeats

    monkeypatch.setattr(repeats.IdFilter, "add", lambda self, doc_id: True)
    rows = [dict(ACLED_ROWS[0], event_id_cnty=f"AFG{i}") for i in range(5)]
    path = write_csv(tmp_path / "a.csv", "acled", [*rows, dict(rows[2], fatalities="7")])
    good, (error,) = split(list(import_rows("acled", path)))
    assert sorted(g.event.dataset_id for g in good) == [f"AFG{i}" for i in range(5)]
    assert error.subject.endswith(":7") and "line 4" in error.message


@pytest.mark.parametrize("parallel", [False, True])
def test_the_store_keeps_the_first_copy_and_stores_nothing_of_the_repeat(tmp_path, parallel):
    first = dict(ACLED_ROWS[0], fatalities="1")
    later = dict(ACLED_ROWS[0], fatalities="2")
    path = write_csv(tmp_path / "a.csv", "acled", [first, ACLED_ROWS[1], later])
    with Store.open(tmp_path / "db.sqlite") as store:
        for run in range(2):  # the same outcome every time
            report = import_dataset("acled", path, store, batch_size=1, parallel=parallel)
            assert [e.code for e in report.errors] == ["CL-E203"]
            assert (report.inserted, report.unchanged) == ((2, 0) if run == 0 else (0, 2))
            (event,) = [e for e in store.iter_events() if e.dataset_id == first["event_id_cnty"]]
            assert event.fatalities.best == 1 and store.counts()["events"] == 2


def test_the_command_line_exits_1_for_a_changed_repeat_and_0_for_an_exact_one(tmp_path):
    runner = CliRunner()
    changed = write_csv(tmp_path / "c.csv", "acled", [ACLED_ROWS[0], dict(ACLED_ROWS[0], fatalities="9")])
    exact = write_csv(tmp_path / "e.csv", "acled", [ACLED_ROWS[0], ACLED_ROWS[0]])
    failed = runner.invoke(app, ["--db", str(tmp_path / "1.db"), "import", "acled", str(changed)])
    passed = runner.invoke(app, ["--db", str(tmp_path / "2.db"), "import", "acled", str(exact)])
    assert failed.exit_code == 1 and f"error CL-E203 {changed}:3" in failed.stderr
    assert passed.exit_code == 0 and f"warning CL-E203 {exact}:3" in passed.stderr


def test_a_file_replaced_between_the_two_readings_says_so(tmp_path, monkeypatch):
    from conflictlens.ingest.datasets import repeats

    monkeypatch.setattr(repeats.IdFilter, "add", lambda self, doc_id: True)  # every row waits for the second reading
    path = write_csv(tmp_path / "a.csv", "acled", ACLED_ROWS)
    rows = import_rows("acled", path)  # the first reading has the file open
    other = write_csv(tmp_path / "b.csv", "acled", [dict(ACLED_ROWS[0], event_id_cnty="AFG1")])
    other.replace(path)
    good, errors = split(list(rows))
    assert good == [] and [(e.code, e.subject) for e in errors] == [("CL-E501", f"{path}:2"), ("CL-E501", f"{path}:3")]
    assert all("changed while it was being read" in e.message for e in errors)
