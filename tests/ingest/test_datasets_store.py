"""Importing into the store: batches, idempotence, revised rows, bad rows, bounded memory."""

from __future__ import annotations

import csv
import io
import json
import re
import tracemalloc

import pytest

from dataset_rows import ACLED_ROWS, GTD_ROWS, UCDP_ROWS, csv_text, write_csv

from conflictlens.ingest.datasets import import_rows, layout_of
from conflictlens.export import FORMATS
from conflictlens.ingest.datasets.values import row_ids
from conflictlens.pipeline.attribution import mark_document
from conflictlens.pipeline.interop import export_events, import_dataset
from conflictlens.store import Store


def test_import_then_reimport_changes_nothing(tmp_path):
    path = write_csv(tmp_path / "a.csv", "acled", ACLED_ROWS)
    with Store.open(tmp_path / "db.sqlite") as store:
        first = import_dataset("acled", path, store, batch_size=1)
        before = [e.to_dict() for e in store.iter_events()]
        second = import_dataset("acled", path, store)
        after = [e.to_dict() for e in store.iter_events()]
        doc = store.get_document(before[0]["document_id"])
    assert (first.inserted, first.unchanged, second.inserted, second.unchanged) == (2, 0, 0, 2)
    assert before == after and len(after) == 2
    assert doc.outlet == "ACLED" and doc.external_id in {"AFG90001", "AFG90002"}


def test_a_revised_row_is_rewritten(tmp_path):
    with Store.open(tmp_path / "db.sqlite") as store:
        import_dataset("ucdp", write_csv(tmp_path / "u.csv", "ucdp", UCDP_ROWS), store)
        revised = [dict(UCDP_ROWS[0], best="6", high="10")]
        report = import_dataset("ucdp", write_csv(tmp_path / "u2.csv", "ucdp", revised), store)
        (event,) = list(store.iter_events())
    assert report.updated == 1 and event.fatalities.best == 6


def test_bad_rows_are_reported_and_the_rest_stored(tmp_path):
    text = csv_text("acled", ACLED_ROWS)
    head, first, second = text.splitlines()
    path = tmp_path / "a.csv"
    path.write_text("\n".join([head, first.replace("2021-03-04", "someday"), second]) + "\n", encoding="utf-8")
    with Store.open(tmp_path / "db.sqlite") as store:
        report = import_dataset("acled", path, store)
        stored = store.counts()["events"]
    assert (report.rows, report.inserted, stored) == (2, 1, 1)
    assert report.errors[0].subject == f"{path}:2"


def test_streaming_memory_does_not_grow_with_rows(tmp_path):
    """Peak memory while parsing is about the same for 500 and 5,000 rows: nothing accumulates."""
    def peak(rows: int) -> int:
        path = tmp_path / f"big{rows}.csv"
        columns = layout_of("acled").columns
        with path.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(columns)
            for i in range(rows):
                row = dict(ACLED_ROWS[0], event_id_cnty=f"AFG{i}")
                writer.writerow([row.get(c, "") for c in columns])
        list(import_rows("acled", path, None))  # warm caches outside the measurement
        tracemalloc.start()
        for _ in import_rows("acled", path, None):
            pass
        result = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return result

    small, large = peak(500), peak(5000)
    assert large < small * 1.5 + 200_000


def test_imported_clashes_join_the_actor_network(tmp_path):
    from conflictlens.store.relations import iter_relations

    clash = dict(ACLED_ROWS[0], event_id_cnty="AFG90009", event_type="Battles", sub_event_type="Armed clash",
                 actor1="Taliban", actor2="Islamic State Khorasan Province", inter2="Rebel group",
                 civilian_targeting="", notes="An invented clash between two armed groups.")
    path = write_csv(tmp_path / "a.csv", "acled", [clash])
    with Store.open(tmp_path / "db.sqlite") as store:
        import_dataset("acled", path, store, resolve=False)
        import_dataset("acled", path, store, resolve=False)  # again: nothing new
        relations = list(iter_relations(store))
    assert [(r.kind, {r.source, r.target}) for r in relations] == [
        ("clash", {"Taliban", "Khorasan Chapter of the Islamic State"})]


def test_a_failure_mid_import_keeps_the_commits_before_it_and_nothing_after(tmp_path):
    """Rows are committed every `commit_rows`: a failure loses only the open commit, never half of one."""
    rows = [dict(ACLED_ROWS[0], event_id_cnty=f"AFG{i}") for i in range(10)]
    path = write_csv(tmp_path / "a.csv", "acled", rows)

    def fail_on_row_seven(item) -> None:
        fail_on_row_seven.seen += 1
        if fail_on_row_seven.seen == 7:
            raise KeyboardInterrupt  # the user stops the import
    fail_on_row_seven.seen = 0

    with Store.open(tmp_path / "db.sqlite") as store:
        with pytest.raises(KeyboardInterrupt):
            import_dataset("acled", path, store, batch_size=2, commit_rows=4, on_row=fail_on_row_seven)
        assert store.counts()["events"] == 4  # rows 1-4 were committed; rows 5-6 rolled back
        report = import_dataset("acled", path, store, batch_size=2, commit_rows=4)
        assert (report.inserted, report.unchanged, store.counts()["events"]) == (6, 4, 10)


def test_commits_also_come_every_few_seconds(tmp_path):
    rows = [dict(ACLED_ROWS[0], event_id_cnty=f"AFG{i}") for i in range(6)]
    path = write_csv(tmp_path / "a.csv", "acled", rows)
    commits = []
    with Store.open(tmp_path / "db.sqlite") as store:
        store.connection.set_trace_callback(lambda sql: commits.append(sql) if sql == "COMMIT" else None)
        import_dataset("acled", path, store, batch_size=2, resolve=False, commit_seconds=0.0)
        store.connection.set_trace_callback(None)
    assert len(commits) == 3  # one per batch: the time bound was always reached


def test_a_row_repeated_word_for_word_is_stored_once(tmp_path):
    path = write_csv(tmp_path / "a.csv", "acled", [ACLED_ROWS[0], ACLED_ROWS[0]])
    with Store.open(tmp_path / "db.sqlite") as store:
        first = import_dataset("acled", path, store)
        again = import_dataset("acled", path, store)
        stored = store.counts()["events"]
    assert (first.inserted, first.unchanged) == (1, 0) and (again.inserted, again.unchanged) == (0, 1)
    assert stored == 1 and [e.warning for e in first.errors + again.errors] == [True, True]


def test_a_confidential_dataset_row_leaves_nothing_of_its_source_in_any_export(tmp_path):
    """An organisation's own incident log, imported in a dataset layout, with one row marked confidential:
    its notes, source and citation columns never leave, in any format; its coded facts do."""
    acled = write_csv(tmp_path / "acled.csv", "acled", ACLED_ROWS)
    gtd = write_csv(tmp_path / "gtd.csv", "gtd", GTD_ROWS)
    secrets = ("invented roadside bomb", "Invented Wire", "invented bombing", "Invented headline", "INVENTED",
               "AFG90001", "202103040001", *row_ids("ACLED", "AFG90001"), *row_ids("GTD", "202103040001"))
    with Store.open(tmp_path / "log.db") as store:
        import_dataset("acled", acled, store, resolve=False)
        import_dataset("gtd", gtd, store, resolve=False)
        for dataset, row in (("ACLED", "AFG90001"), ("GTD", "202103040001")):
            mark_document(store, row_ids(dataset, row)[0], "desk", "our own source")
        for fmt in FORMATS:
            out = io.StringIO()
            assert export_events(fmt, store, out) == len(ACLED_ROWS) + len(GTD_ROWS)
            for secret in secrets:
                # whole numbers only: a made-up 15-digit GTD id may begin with a 12-digit real one by chance
                pattern = rf"(?<!\d){re.escape(secret)}(?!\d)" if secret.isdigit() else re.escape(secret)
                assert not re.search(pattern, out.getvalue()), (fmt, secret)
        out = io.StringIO()
        export_events("ndjson", store, out)
        records = [json.loads(line) for line in out.getvalue().splitlines()]
        hidden = [r for r in records if r.get("dataset_id") is None]
        assert sorted(r["dataset"] for r in hidden) == ["ACLED", "GTD"]  # the marked rows, ids gone
        acled = next(r for r in hidden if r["dataset"] == "ACLED")
        assert acled["fatalities"]["best"] == 3 and acled["extra"] == {} and acled["summary"] == "[confidential source]"
        assert {r["dataset_id"] for r in records} - {None} == {"AFG90002", *(r["eventid"] for r in GTD_ROWS[1:])}
