"""`conflictlens trends` on a store imported from written UCDP-layout rows, and on the demo store."""

import csv
import io
import json
from collections import Counter

import pytest

from tests_paths import ANALYSIS  # noqa: F401  (adds tests/analysis to the path)
from ucdp_series import series_rows, write_rows

from conftest import run

COUNTS = {("Punjab province", "2020-01"): 2, ("Punjab province", "2020-03"): 4,
          ("Sindh province", "2020-03"): 1, ("Balochistan province", "2021-07"): 3}


@pytest.fixture(scope="module")
def series_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("trends")
    rows = series_rows(COUNTS)
    write_rows(folder / "ucdp.csv", rows)
    db = folder / "t.db"
    result = run("--db", db, "-q", "import", "ucdp", folder / "ucdp.csv")
    assert result.exit_code == 0, result.output
    return db, rows


def test_counts_match_the_rows(series_db):
    db, rows = series_db
    result = run("--db", db, "trends", "--by", "month,admin1", "--format", "json")
    got = {(r["period"], r["group"]["admin1"]): (r["events"], r["fatalities"], r["attributed"])
           for r in json.loads(result.stdout)}
    expected = Counter((r["date_start"][:7], r["adm_1"]) for r in rows)
    deaths = Counter()
    for r in rows:
        deaths[(r["date_start"][:7], r["adm_1"])] += int(r["best"])
    assert got == {key: (n, deaths[key], n) for key, n in expected.items()}


def test_filters_csv_and_actor_groups(series_db):
    db, rows = series_db
    result = run("--db", db, "trends", "--by", "year", "--by", "actor", "--since", "2021-01-01", "--format", "csv")
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {r["period"] for r in table} == {"2021"}
    assert sum(int(r["events"]) for r in table) == sum(1 for r in rows if r["year"] == "2021")


def test_plot_and_bad_options(series_db, tmp_path):
    db, _ = series_db
    chart = tmp_path / "chart.svg"
    result = run("--db", db, "trends", "--by", "month", "--plot", chart)
    assert result.exit_code == 0 and chart.read_text().lstrip().startswith("<?xml")
    assert "CL-E931" in run("--db", db, "trends", "--plot", tmp_path / "chart.gif").output
    assert "CL-E930" in run("--db", db, "trends", "--by", "decade").output


def test_merged_reports_count_once(demo_copy):
    events = json.loads(run("--db", demo_copy, "events", "--format", "json").stdout)
    dated = [e for e in events if e["date"]["start"]]
    before = json.loads(run("--db", demo_copy, "trends", "--by", "year", "--format", "json").stdout)
    assert sum(r["events"] for r in before) == len(dated)  # the demo's reports are of distinct incidents
    merged = run("--db", demo_copy, "merge", dated[0]["id"], dated[1]["id"], "--reason", "one attack (test)")
    assert merged.exit_code == 0, merged.output
    after = json.loads(run("--db", demo_copy, "trends", "--by", "year", "--format", "json").stdout)
    assert sum(r["events"] for r in after) == len(dated) - 1
