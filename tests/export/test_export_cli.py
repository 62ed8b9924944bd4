"""`conflictlens import` and `conflictlens export` end to end, through typer's runner."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conflictlens.cli import app
from conflictlens.ingest.datasets import layout_of

runner = CliRunner()
ROW = {"event_id_cnty": "AFG77001", "event_date": "2022-02-02", "year": "2022", "time_precision": "1",
       "event_type": "Battles", "sub_event_type": "Armed clash", "actor1": "Taliban", "iso": "4",
       "country": "Afghanistan", "admin1": "Kabul", "admin2": "Kabul", "location": "Kabul",
       "latitude": "34.5167", "longitude": "69.1833", "geo_precision": "1", "notes": "Invented.",
       "fatalities": "2"}


def run(*args):
    return runner.invoke(app, list(args), catch_exceptions=False)


def acled_file(path: Path, rows) -> Path:
    columns = layout_of("acled").columns
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([row.get(c, "") for c in columns] if isinstance(row, dict) else row)
    return path


def test_import_export_round_trip_on_the_command_line(tmp_path):
    db = str(tmp_path / "cl.db")
    source = acled_file(tmp_path / "acled.csv", [ROW, dict(ROW, event_id_cnty="AFG77002", fatalities="5")])
    result = run("--db", db, "import", "acled", str(source))
    assert result.exit_code == 0, result.output
    assert "2 new" in result.stderr
    again = run("--db", db, "import", "acled", str(source))
    assert "2 unchanged" in again.stderr
    out = tmp_path / "out.csv"
    assert run("--db", db, "--quiet", "export", "--format", "acled", "-o", str(out)).exit_code == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["event_id_cnty"] for r in rows] == ["AFG77001", "AFG77002"] and rows[1]["fatalities"] == "5"
    assert not (tmp_path / "out.csv.part").exists()
    stdout = run("--db", db, "--quiet", "export", "--format", "ndjson", "--dataset", "acled", "--limit", "1").stdout
    assert len(stdout.splitlines()) == 1 and json.loads(stdout)["dataset"] == "ACLED"


def test_bad_rows_give_exit_1_with_lines_on_stderr(tmp_path):
    db = str(tmp_path / "cl.db")
    source = acled_file(tmp_path / "acled.csv", [ROW, dict(ROW, event_id_cnty="AFG2", event_date="yesterday")])
    result = run("--db", db, "import", "acled", str(source))
    assert result.exit_code == 1
    assert f"CL-E502 {source}:3" in result.stderr and "1 new" in result.stderr


@pytest.mark.parametrize("args, code", [
    (("import", "acled", "missing.csv"), "CL-E100"),
    (("import", "icews", "x.csv"), "CL-E504"),
    (("export", "--format", "kml"), "CL-E510"),
    (("export", "--format", "csv", "--areas"), "CL-E400"),
])
def test_usage_errors_are_coded(tmp_path, args, code):
    result = run("--db", str(tmp_path / "cl.db"), *args)
    assert result.exit_code == 2 and code in result.stderr


def test_export_filters_and_areas(tmp_path):
    db = str(tmp_path / "cl.db")
    rows = [ROW, dict(ROW, event_id_cnty="AFG3", event_date="2023-01-01", iso="586", country="Pakistan",
                      latitude="24.86", longitude="67.01")]
    run("--db", db, "--quiet", "import", "acled", str(acled_file(tmp_path / "a.csv", rows)))
    geo = json.loads(run("--db", db, "--quiet", "export", "--format", "geojson", "--country", "PK").stdout)
    assert [f["properties"]["country"] for f in geo["features"]] == ["PK"]
    areas = json.loads(run("--db", db, "--quiet", "export", "--format", "geojson", "--areas").stdout)
    assert sum(f["properties"]["events"] for f in areas["features"] if f["properties"]["level"] == "admin1") == 1
    stix = run("--db", db, "--quiet", "export", "--format", "stix", "--since", "2022-01-01", "--until",
               "2022-12-31").stdout
    assert sum(1 for o in json.loads(stix)["objects"] if o["type"] == "incident") == 1
    assert io.StringIO(run("--db", db, "--quiet", "export", "--format", "graphml").stdout).read().startswith("<?xml")
