"""`conflictlens escalation` on a store imported from written UCDP-layout rows; the real backtest
on UCDP GED Pakistan when ../shared/data is present."""

import json

import pytest

from tests_paths import ANALYSIS  # noqa: F401  (adds tests/analysis to the path)
from ucdp_series import series_rows, write_rows

from conftest import run

MONTHS = [f"{2018 + i // 12}-{i % 12 + 1:02d}" for i in range(30)]


@pytest.fixture(scope="module")
def rising_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("escalation")
    counts = {("Punjab province", m): 1 + i % 2 for i, m in enumerate(MONTHS)}
    counts.update({("Sindh province", m): 1 for m in MONTHS[:-1]})
    counts[("Sindh province", MONTHS[-1])] = 12
    write_rows(folder / "ucdp.csv", series_rows(counts))
    db = folder / "e.db"
    assert run("--db", db, "-q", "import", "ucdp", folder / "ucdp.csv").exit_code == 0
    return db


def test_flags_the_rising_province_with_its_numbers(rising_db):
    result = run("--db", rising_db, "escalation", "--format", "json")
    readings = {r["unit"]["admin1"]: r for r in json.loads(result.stdout)}
    sindh, punjab = readings["Sindh province"], readings["Punjab province"]
    assert sindh["flag"] and sindh["events"] == 12 and sindh["history_mean"] == 1.0
    assert sindh["p_value"] < 0.001 and sindh["month"] == MONTHS[-1]
    assert not punjab["flag"] and punjab["p_value"] > 0.1
    assert set(sindh["surge"]) == {"last_week", "weekly_average", "flag"}


def test_at_an_earlier_month_and_table(rising_db):
    result = run("--db", rising_db, "escalation", "--at", MONTHS[-2], "--format", "json")
    assert not any(r["flag"] for r in json.loads(result.stdout))
    table = run("--db", rising_db, "escalation", "--by-actor").stdout
    assert "Sindh province / " in table


@pytest.mark.parametrize("args,code", [(["--unit", "district"], "CL-E932"), (["--at", "2020-13"], "CL-E932"),
                                       (["--format", "xml"], "CL-E400")])
def test_bad_options(rising_db, args, code):
    result = run("--db", rising_db, "escalation", *args)
    assert result.exit_code == 2 and code in result.output


def test_backtest_on_ucdp_pakistan(ucdp_pakistan_db):
    db = ucdp_pakistan_db
    result = json.loads(run("--db", db, "escalation", "--backtest", "--format", "json").stdout)
    tune = result["tune"]
    assert tune["surge_rule"]["all"]["high_violence_months"] > 50
    # Chosen on the tune years: within the budget of low-count false alarms, 70% of the rule's.
    assert tune["model"]["low_count"]["false_alarms"] <= 0.7 * tune["surge_rule"]["low_count"]["false_alarms"]
    assert result["held_out"]["model"]["all"]["cases"] > 0
