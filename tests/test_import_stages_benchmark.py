"""benchmarks/import_stages.py measures the rows and writes the import itself makes."""

from __future__ import annotations

import importlib.util
import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from conflictlens.pipeline.dataset_rows import _without_events, prepared_rows
from conflictlens.pipeline.interop import import_dataset
from conflictlens.store import Store, writes

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def _module(name: str):
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def rows_file(tmp_path_factory):
    scale = _module("import_scale")
    if not scale.UCDP.exists():
        pytest.skip("the real UCDP file (../shared/data/ucdp) is not present")
    path = tmp_path_factory.mktemp("stages") / "ucdp.csv"
    scale.generate("ucdp", 400, path)
    return path


@pytest.fixture(scope="module")
def stages():
    return _module("import_stages")


def _tables(db: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db)
    try:  # every row but the timestamps a write stamps
        return {table: conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
                for table in ("events", "attributions", "actor_relations", "event_rollup", "event_rollup_day")} | {
            "documents": conn.execute("SELECT id, text, title, extractor_version FROM documents ORDER BY rowid").fetchall()}
    finally:
        conn.close()


def test_the_parsed_rows_are_the_ones_the_import_prepares(stages, rows_file):
    seconds = Counter()
    rows = stages.parsed("ucdp", rows_file, seconds)
    assert rows == [_without_events(row) for row in prepared_rows("ucdp", rows_file)]
    assert set(seconds) == {"parse: read and map rows to Events", "parse: flatten into table rows",
                            "parse: clash relations", "parse: pickled there and back"}


def test_the_writes_store_what_an_import_stores_and_put_the_functions_back(stages, rows_file, tmp_path):
    seconds = Counter()
    rows = stages.parsed("ucdp", rows_file, seconds)
    stages.write(rows, tmp_path / "bench.db", rows_file.stat().st_size, ["ignore_checks", "cache_mib=16"], seconds)
    with Store.open(tmp_path / "import.db") as store:
        import_dataset("ucdp", rows_file, store, resolve=False, parallel=False)
    assert _tables(tmp_path / "bench.db") == _tables(tmp_path / "import.db")
    assert seconds["write: insert events"] > 0 and seconds["write: roll-up counts"] > 0
    assert writes.insert_rows.__name__ == "insert_rows" and writes.count_inserted.__name__ == "count_inserted"


def test_an_unknown_trial_is_refused(stages):
    with pytest.raises(SystemExit, match="unknown --trial"):
        stages._trial_sql("journal_off")


def test_the_batch_levers_give_the_stores_rows_in_its_order(stages, rows_file, tmp_path):
    seconds = Counter()
    rows = stages.parsed("ucdp", rows_file, seconds)
    stages.write(rows, tmp_path / "bench.db", rows_file.stat().st_size, [], seconds)
    stages.levers(tmp_path / "bench.db", seconds)  # refuses (SystemExit) a table that differs
    assert {"lever: roll-up by SQL", "lever: relations by SQL", "lever: roll-up as now",
            "lever: relations as now"} <= set(seconds)


def test_a_lever_whose_rows_differ_is_refused(stages, rows_file, tmp_path):
    seconds = Counter()
    rows = stages.parsed("ucdp", rows_file, seconds)
    stages.write(rows, tmp_path / "bench.db", rows_file.stat().st_size, [], seconds)
    conn = sqlite3.connect(tmp_path / "bench.db")
    with conn:  # a record the SQL cannot make: its confidence is not the imported rows' 1.0
        conn.execute("UPDATE actor_relations SET record = json_set(record, '$.confidence', 0.5) "
                     "WHERE rowid = (SELECT min(rowid) FROM actor_relations)")
    conn.close()
    with pytest.raises(SystemExit, match="actor_relations by SQL differs"):
        stages.levers(tmp_path / "bench.db", seconds)
