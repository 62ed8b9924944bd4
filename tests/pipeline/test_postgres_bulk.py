"""Dataset imports into PostgreSQL go through COPY: the rows keep every stored feature (search, the
attribution ledger, the actor network) and a killed import leaves only whole committed batches."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from typer.testing import CliRunner

from conflictlens.cli import app
from conflictlens.store import Store
from conflictlens.store.postgres import PgConnection
from tests.ingest.dataset_rows import ACLED_ROWS, GTD_ROWS, write_csv

ROOT = Path(__file__).resolve().parents[2]


def run(db: str, *args: object) -> str:
    result = CliRunner().invoke(app, ["--db", db, "--quiet", *[str(a) for a in args]], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def many_rows(count: int) -> list[dict[str, str]]:
    """`count` invented ACLED rows, each its own event (the first sample row with new ids and notes)."""
    return [dict(ACLED_ROWS[0], event_id_cnty=f"AFG{700000 + i}", notes=f"An invented roadside bomb number {i}.")
            for i in range(count)]


def test_copy_imported_rows_keep_search_ledger_and_network(postgres_url: str, tmp_path: Path, monkeypatch) -> None:
    copied: list[str] = []
    original = PgConnection.copy_rows
    monkeypatch.setattr(PgConnection, "copy_rows", lambda self, table, columns, rows: (
        copied.append(table), original(self, table, columns, rows))[1])
    acled, gtd = write_csv(tmp_path / "acled.csv", "acled", ACLED_ROWS), write_csv(tmp_path / "gtd.csv", "gtd", GTD_ROWS)
    sqlite_db = str(tmp_path / "store.db")
    for db in (sqlite_db, postgres_url):
        run(db, "import", "acled", acled, "--no-resolve")
        run(db, "import", "gtd", gtd, "--no-resolve")  # GTD rows state relations between actors
    assert {"documents", "events", "attributions", "actor_relations"} <= set(copied)
    events = json.loads(run(postgres_url, "events", "--format", "json"))
    assert len(events) == len(ACLED_ROWS) + len(GTD_ROWS)
    hits = [json.loads(line)["document_id"] for line in run(postgres_url, "search", "roadside").splitlines()]
    assert hits == [json.loads(line)["document_id"] for line in run(sqlite_db, "search", "roadside").splitlines()]
    assert len(hits) == 1 and hits[0].startswith("doc_acled_")  # the one row about a roadside bomb
    for event in events:
        ledger = run(postgres_url, "attribution", event["id"], "--format", "json")
        assert ledger == run(sqlite_db, "attribution", event["id"], "--format", "json")
    assert any(json.loads(run(postgres_url, "attribution", e["id"], "--format", "json"))["statements"] for e in events)
    network = run(postgres_url, "network", "--format", "json")
    assert network == run(sqlite_db, "network", "--format", "json") and json.loads(network)["edges"]


_IMPORTER = """
import sys
from conflictlens.pipeline.interop import import_dataset
from conflictlens.store import Store
with Store.open(sys.argv[1]) as store:
    import_dataset("acled", sys.argv[2], store, resolve=False, batch_size=50, commit_rows=50, parallel=False)
"""


def _tables(url: str) -> dict[str, int]:
    with Store.open(url) as store:
        return {t: store.connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("documents", "documents_fts", "events", "evidence", "attributions")}


def test_a_killed_import_leaves_whole_batches_and_a_rerun_completes_it(postgres_url: str, tmp_path: Path) -> None:
    rows = 4000
    csv_path = write_csv(tmp_path / "acled.csv", "acled", many_rows(rows))
    Store.open(postgres_url).close()  # the schema exists before the importer starts
    importer = subprocess.Popen([sys.executable, "-c", _IMPORTER, postgres_url, str(csv_path)], cwd=ROOT,
                                env={**os.environ, "PYTHONPATH": str(ROOT)}, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 300
        while _tables(postgres_url)["documents"] == 0 and importer.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        importer.send_signal(signal.SIGKILL)
        importer.wait(timeout=60)
    left = _tables(postgres_url)
    assert 0 < left["documents"] < rows, "the kill came before the first commit or after the last"
    assert left["documents"] % 50 == 0  # whole batches only
    assert left["documents_fts"] == left["documents"] == left["events"]
    per_event = {t: left[t] / left["events"] for t in ("evidence", "attributions")}
    run(postgres_url, "import", "acled", csv_path, "--no-resolve")
    done = _tables(postgres_url)
    assert done["documents"] == done["documents_fts"] == done["events"] == rows
    assert {t: done[t] / done["events"] for t in per_event} == per_event  # no half-written event before
    assert len(run(postgres_url, "search", "roadside", "--limit", str(rows)).splitlines()) == rows


def test_an_import_keeps_its_incident_index_across_batches(postgres_url: str, tmp_path: Path, monkeypatch) -> None:
    """The change counter tells the import that no other program wrote between its batches."""
    from conflictlens.pipeline.incident_index import IncidentIndex
    from conflictlens.pipeline.interop import import_dataset

    forgotten: list[int] = []
    original = IncidentIndex.forget
    monkeypatch.setattr(IncidentIndex, "forget", lambda self: (forgotten.append(1), original(self))[1])
    csv_path = write_csv(tmp_path / "acled.csv", "acled", many_rows(60))
    with Store.open(postgres_url) as store:
        report = import_dataset("acled", csv_path, store, batch_size=20, commit_rows=20, parallel=False)
    assert report.inserted == 60 and forgotten == [1]  # once, on the first batch: never read before
    assert len(run(postgres_url, "incidents", "list").splitlines()) >= 1
