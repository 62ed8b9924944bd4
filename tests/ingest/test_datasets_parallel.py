"""Parsing a dataset in a worker process (pipeline.dataset_rows) stores exactly what parsing here does."""

from __future__ import annotations

import json
import multiprocessing
import queue
import sqlite3
from dataclasses import replace

import pytest
from dataset_rows import ACLED_ROWS, GTD_ROWS, UCDP_ROWS, write_csv

from conflictlens.errors import ConflictLensError
from conflictlens.pipeline import dataset_rows
from conflictlens.pipeline.interop import import_dataset
from conflictlens.store import Store, event_from_record


def _acled_file(tmp_path, rows: int = 30):
    """`rows` invented rows, the fifth with a date that is not a date."""
    variants = [dict(ACLED_ROWS[i % 2], event_id_cnty=f"AFG{9000 + i}", fatalities=str(i % 7)) for i in range(rows)]
    variants[4]["event_date"] = "someday"
    for row in variants[::3]:  # clashes between two armed groups, for the actor network
        row.update(actor1="Taliban", actor2="Islamic State Khorasan Province")
    return write_csv(tmp_path / "acled.csv", "acled", variants)


def _contents(path) -> dict[str, list]:
    with sqlite3.connect(path) as conn:
        return {table: sorted(conn.execute(f"SELECT {columns} FROM {table}").fetchall())
                for table, columns in (("events", "id, record"), ("documents", "id, text, extractor_version"),
                                       ("actor_relations", "id, record"), ("incident_members", "event_id, incident_id"))}


def test_the_worker_stores_what_parsing_here_stores(tmp_path):
    path = _acled_file(tmp_path)
    reports = {}
    for parallel in (False, True):
        with Store.open(tmp_path / f"{parallel}.db") as store:
            report = import_dataset("acled", path, store, parallel=parallel, batch_size=7)
        reports[parallel] = report.to_dict()
    assert reports[True] == reports[False]
    assert reports[True]["inserted"] == 29 and [e["subject"] for e in reports[True]["errors"]] == [f"{path}:6"]
    assert _contents(tmp_path / "True.db") == _contents(tmp_path / "False.db")
    assert _contents(tmp_path / "True.db")["actor_relations"]  # the clashes came through too


def test_a_reimport_through_the_worker_changes_nothing(tmp_path):
    path = _acled_file(tmp_path)
    with Store.open(tmp_path / "db.sqlite") as store:
        import_dataset("acled", path, store, parallel=True)
        before = _contents(tmp_path / "db.sqlite")
        report = import_dataset("acled", path, store, parallel=True)  # the worker reads the stored versions
    assert (report.inserted, report.updated, report.unchanged) == (0, 0, 29)
    assert _contents(tmp_path / "db.sqlite") == before


def test_a_file_of_the_wrong_layout_is_a_coded_error_from_the_worker_too(tmp_path):
    path = write_csv(tmp_path / "gtd.csv", "gtd", GTD_ROWS)
    with Store.open(tmp_path / "db.sqlite") as store, pytest.raises(ConflictLensError) as caught:
        import_dataset("acled", path, store, parallel=True)
    assert caught.value.code == "CL-E500" and "looks like GTD" in caught.value.message
    assert multiprocessing.active_children() == []


def test_the_worker_stops_when_the_reader_stops(tmp_path):
    rows = dataset_rows.prepared_rows_in_worker("acled", _acled_file(tmp_path))
    assert isinstance(next(rows), dataset_rows.PreparedRow)
    rows.close()
    assert multiprocessing.active_children() == []


class _DeadWorker:
    exitcode = -9

    def is_alive(self) -> bool:
        return False


def test_a_worker_that_dies_is_a_coded_error_not_a_hang():
    with pytest.raises(ConflictLensError) as caught:
        list(dataset_rows._received(queue.Queue(), _DeadWorker(), "acled.csv"))
    assert caught.value.code == "CL-E506" and caught.value.subject == "acled.csv"
    assert "--no-parallel" in caught.value.message


def test_small_files_are_parsed_here(tmp_path):
    assert not dataset_rows.worth_a_worker(_acled_file(tmp_path))
    assert not dataset_rows.worth_a_worker(tmp_path / "missing.csv")


def test_rows_carry_their_events_and_the_worker_sends_them_only_when_resolving(tmp_path):
    path = _acled_file(tmp_path)
    here = [row for row in dataset_rows.prepared_rows("acled", path) if isinstance(row, dataset_rows.PreparedRow)]
    assert len(here) == 29
    # The very events the stored records hold: resolution need not read them back.
    assert all(len(row.events) == 1 and row.events[0] == event_from_record(row.document.events[0].event[-1])
               for row in here)
    sent = [row for row in dataset_rows.prepared_rows_in_worker("acled", path) if not isinstance(row, ConflictLensError)]
    assert sent == here
    bare = [row for row in dataset_rows.prepared_rows_in_worker("acled", path, events=False)
            if not isinstance(row, ConflictLensError)]
    assert [row.events for row in bare] == [()] * 29 and [row.document for row in bare] == [row.document for row in here]


def test_an_unchanged_row_carries_no_event(tmp_path):
    path = _acled_file(tmp_path)
    with Store.open(tmp_path / "db.sqlite") as store:
        import_dataset("acled", path, store, resolve=False)
        again = [row for row in dataset_rows.prepared_rows("acled", path, stored_versions=store.stored_versions)
                 if not isinstance(row, ConflictLensError)]
    assert len(again) == 29 and all(row.events == () and row.document.events == [] for row in again)


def _ucdp_file(tmp_path, rows: int = 24):
    """`rows` invented UCDP rows in pairs that describe one incident each (same day, district and
    description), so that resolution reads the description column and joins rows."""
    variants = []
    for i in range(rows):
        day = f"2009-05-{1 + i // 2:02d} 00:00:00.000"
        variants.append(dict(UCDP_ROWS[0], id=str(990100 + i), date_start=day, date_end=day, best=str(3 + i % 2),
                             where_description=f"Invented road near the {('north', 'south', 'east')[i // 2 % 3]} "
                                               f"bridge of Mingora number {i // 2}",
                             source_article=f"Invented wire {i}", conflict_name="Invented conflict"))
    return write_csv(tmp_path / "ucdp.csv", "ucdp", variants)


def _resolved(path) -> dict[str, list]:
    with sqlite3.connect(path) as conn:
        return {table: conn.execute(f"SELECT {columns} FROM {table} ORDER BY rowid").fetchall()
                for table, columns in (("incidents", "id, record, size, date_start, country"),
                                       ("incident_members", "event_id, incident_id, profile, source, decision, seq"),
                                       ("incident_blocks", "key, event_id"), ("events", "id, record"))}


def test_the_worker_resolves_what_parsing_here_resolves(tmp_path):
    """From a worker, the events carry only the dataset columns resolution reads: the same incidents,
    members, profiles, decisions and stored records as parsing here with every column."""
    path = _ucdp_file(tmp_path)
    for parallel in (False, True):
        with Store.open(tmp_path / f"{parallel}.db") as store:
            report = import_dataset("ucdp", path, store, parallel=parallel, batch_size=5)
        assert (report.inserted, report.errors) == (24, [])
    here, there = _resolved(tmp_path / "False.db"), _resolved(tmp_path / "True.db")
    assert there == here
    assert len(here["incidents"]) < 24  # rows were joined
    # The description column counted in each profile's words (the headline has none of them).
    assert all("mingora" in json.loads(member[2])[-1] for member in here["incident_members"])


def test_the_worker_sends_events_with_only_the_extra_columns_named(tmp_path):
    path = _ucdp_file(tmp_path, 4)
    here = [row for row in dataset_rows.prepared_rows("ucdp", path) if isinstance(row, dataset_rows.PreparedRow)]
    kept = {"UCDP": ("where_description", "no_such_column")}
    sent = [row for row in dataset_rows.prepared_rows_in_worker("ucdp", path, extra_kept=kept)
            if not isinstance(row, ConflictLensError)]
    assert [row.document for row in sent] == [row.document for row in here]  # the stored record keeps every column
    assert [e.extra for row in sent for e in row.events] == [
        {"where_description": e.extra["where_description"]} for row in here for e in row.events]
    assert all(len(e.extra) > 5 for row in here for e in row.events)
    for row_here, row_sent in zip(here, sent):  # all else in the event is as parsed
        (a,), (b,) = row_here.events, row_sent.events
        assert replace(a, extra={}) == replace(b, extra={})
    other = [row for row in dataset_rows.prepared_rows_in_worker("ucdp", path, extra_kept={"ACLED": ("notes",)})
             if not isinstance(row, ConflictLensError)]
    assert [e.extra for row in other for e in row.events] == [{}] * 4


def test_no_extra_column_kept_still_sends_the_events(tmp_path):
    """Settings that read no dataset column: the events come without `extra`, not without events."""
    path = _ucdp_file(tmp_path, 4)
    sent = [row for row in dataset_rows.prepared_rows_in_worker("ucdp", path, extra_kept={})
            if not isinstance(row, ConflictLensError)]
    assert [len(row.events) for row in sent] == [1] * 4 and all(e.extra == {} for row in sent for e in row.events)
