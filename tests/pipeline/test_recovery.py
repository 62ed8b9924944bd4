"""Crash recovery (issue 17): no event is ever left in no incident, and a re-run repairs one that was.

A crash is simulated by making resolution raise an exception nothing catches (`Killed`), at the
point where a SIGKILL used to strand a committed batch; the real SIGKILLs are in
test_fault_injection.py. "Stranded" events were stored with no resolution: by an older version
interrupted between its two transactions, or by `import --no-resolve`.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conflictlens import pipeline
from conflictlens.cli import app
from conflictlens.ingest import iter_documents
from conflictlens.ingest.datasets import layout_of
from conflictlens.pipeline import interop, resolution
from conflictlens.store import Store

SAMPLES = pipeline.sample_paths()


class Killed(BaseException):
    """Stands in for SIGKILL: nothing catches it and nothing after it runs."""


def crash(*args, **kwargs):
    raise Killed


def events_per_incident_membership(store: Store) -> dict[str, int]:
    """How many incidents each stored event is a member of (0: stranded)."""
    sql = ("SELECT e.id, (SELECT count(*) FROM incident_members AS m WHERE m.event_id = e.id) "
           "FROM events AS e")
    return dict(store.connection.execute(sql).fetchall())


def assert_every_event_in_one_incident(store: Store) -> None:
    counts = events_per_incident_membership(store)
    assert counts and set(counts.values()) == {1}, {e: n for e, n in counts.items() if n != 1}


def store_without_resolution(db: Path, extractor) -> int:
    """What an interrupted older version left: the samples' events committed, none resolved.

    Returns how many documents were stored."""
    docs = [d for d in iter_documents([str(p) for p in SAMPLES]) if not isinstance(d, Exception)]
    with Store.open(db) as store:
        store.save_many(list(extractor.extract_many(docs)), extractor.version)
        assert set(events_per_incident_membership(store).values()) == {0}
    return len(docs)


def acled_csv(path: Path, rows: int = 12) -> Path:
    """Invented ACLED-layout rows (no real ones): pairs of rows on one day and place, so some merge."""
    columns = layout_of("acled").columns
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(columns)
        for i in range(rows):
            day = f"2021-03-{1 + i // 2:02d}"
            values = {"event_id_cnty": f"AFG7{i:03d}", "event_date": day, "year": "2021", "time_precision": "1",
                      "event_type": "Explosions/Remote violence", "sub_event_type": "Remote explosive/landmine/IED",
                      "actor1": "Taliban", "actor2": "Civilians (Afghanistan)", "iso": "4",
                      "country": "Afghanistan", "admin1": "Kabul", "admin2": "Kabul", "location": "Kabul",
                      "latitude": "34.5167", "longitude": "69.1833", "geo_precision": "1",
                      "source": "Invented Wire", "notes": f"An invented roadside bomb, number {i}.",
                      "fatalities": str(i % 4)}
            writer.writerow([values.get(c, "") for c in columns])
    return path


# -- ingest ----------------------------------------------------------------------------------


def test_a_crash_before_resolution_leaves_no_event_outside_an_incident(tmp_path, extractor, monkeypatch):
    db = tmp_path / "crash.db"
    monkeypatch.setattr(resolution, "resolve_after_save", crash)  # ingest imports it when it saves
    with Store.open(db) as store, pytest.raises(Killed):
        pipeline.ingest(SAMPLES, store, extractor)
    with Store.open(db) as store:
        assert 0 not in events_per_incident_membership(store).values()
    monkeypatch.undo()
    with Store.open(db) as store:
        pipeline.ingest(SAMPLES, store, extractor)
        assert_every_event_in_one_incident(store)


def test_rerunning_ingest_resolves_events_a_crash_left_in_no_incident(tmp_path, extractor):
    db = tmp_path / "stranded.db"
    stored = store_without_resolution(db, extractor)
    with Store.open(db) as store:
        report = pipeline.ingest(SAMPLES, store, extractor)
        assert report.unchanged == stored  # nothing to re-extract: the repair is not a side effect
        assert_every_event_in_one_incident(store)


def test_incidents_list_resolves_stranded_events_before_listing_them(tmp_path, extractor):
    db = tmp_path / "stranded.db"
    store_without_resolution(db, extractor)
    result = CliRunner().invoke(app, ["--db", str(db), "incidents", "list"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    listed = [m for line in result.stdout.splitlines() for m in json.loads(line)["members"]]
    with Store.open(db) as store:
        assert sorted(listed) == sorted(events_per_incident_membership(store))
        assert_every_event_in_one_incident(store)


# -- import ----------------------------------------------------------------------------------


def test_a_crash_in_an_imports_resolution_undoes_the_rows_it_was_resolving(tmp_path, monkeypatch):
    path, db = acled_csv(tmp_path / "rows.csv"), tmp_path / "import.db"
    monkeypatch.setattr(interop, "resolve_after_save", crash)
    with Store.open(db) as store, pytest.raises(Killed):
        interop.import_dataset("acled", path, store, parallel=False)
    with Store.open(db) as store:
        assert events_per_incident_membership(store) == {}
    monkeypatch.undo()
    with Store.open(db) as store:
        interop.import_dataset("acled", path, store, parallel=False)
        assert_every_event_in_one_incident(store)


def test_importing_again_resolves_rows_an_earlier_import_left_in_no_incident(tmp_path):
    path, db = acled_csv(tmp_path / "rows.csv"), tmp_path / "import.db"
    with Store.open(db) as store:
        interop.import_dataset("acled", path, store, resolve=False, parallel=False)
        assert set(events_per_incident_membership(store).values()) == {0}
        report = interop.import_dataset("acled", path, store, parallel=False)
        assert report.unchanged == 12
        assert_every_event_in_one_incident(store)


def test_a_complete_run_leaves_no_mark_so_later_commands_do_no_catching_up(tmp_path, extractor):
    from conflictlens.pipeline.resolution import resolve_pending
    from conflictlens.store.incidents import IncidentStore

    with Store.open(tmp_path / "clean.db") as store:
        pipeline.ingest(SAMPLES, store, extractor)
        assert not IncidentStore(store).unresolved_marked()
        interop.import_dataset("acled", acled_csv(tmp_path / "rows.csv"), store, resolve=False, parallel=False)
        assert IncidentStore(store).unresolved_marked()  # deferred on purpose: still waiting
        assert resolve_pending(store).placed == 12
        assert not IncidentStore(store).unresolved_marked()
