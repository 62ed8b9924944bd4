"""`conflictlens forecast` on a store imported from written UCDP-layout rows; the real evaluation on
UCDP GED Pakistan when ../shared/data is present."""

import json

import pytest

from tests_paths import ANALYSIS  # noqa: F401  (adds tests/analysis to the path)
from ucdp_series import series_rows, write_rows

from conftest import run

MONTHS = [f"{2016 + i // 12}-{i % 12 + 1:02d}" for i in range(48)]


@pytest.fixture(scope="module")
def history_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("forecast")
    counts = {("Punjab province", m): (i % 4) + (i // 6) for i, m in enumerate(MONTHS)}
    counts.update({("Sindh province", m): 1 for m in MONTHS[::5]})
    write_rows(folder / "ucdp.csv", series_rows({k: v for k, v in counts.items() if v}))
    db = folder / "f.db"
    assert run("--db", db, "-q", "import", "ucdp", folder / "ucdp.csv").exit_code == 0
    return db


def test_forecast_json(history_db):
    records = {r["unit"]["admin1"]: r for r in json.loads(run("--db", history_db, "forecast", "--format",
                                                                "json").stdout)}
    punjab = records["Punjab province"]
    assert punjab["month"] == "2020-01" and punjab["model"] in ("model", "conflictology")
    assert punjab["events"]["q05"] <= punjab["events"]["q50"] <= punjab["events"]["q95"]
    assert punjab["events"]["mean"] > records["Sindh province"]["events"]["mean"]
    assert set(punjab["fatalities"]) >= {"mean", "q05", "q50", "q95"}


def test_evaluate_json_and_table(history_db):
    result = json.loads(run("--db", history_db, "forecast", "--evaluate", "--format", "json").stdout)
    assert result["horizon"] == 1 and result["origins"] > 20
    assert set(result["scores"]) == {"model", "zero", "last_value", "conflictology"}
    assert set(result["scores"]["model"]) == {"crps", "ign", "mis90", "coverage90"}
    low, high = result["skill_vs_conflictology"]["ci90"]
    assert result["served"] == ("model" if low > 0 else "conflictology") and low <= high
    table = run("--db", history_db, "forecast", "--evaluate", "--origins-from", "2018-01").stdout
    assert "skill vs conflictology" in table and "23 origins" in table  # 2018-01 to 2019-11: the last month has no next


@pytest.mark.parametrize("args,code", [(["--horizon", "2"], "CL-E933"), (["--unit", "village"], "CL-E932"),
                                       (["--evaluate", "--origins-from", "2018"], "CL-E932")])
def test_bad_options(history_db, args, code):
    result = run("--db", history_db, "forecast", *args)
    assert result.exit_code == 2 and code in result.output


def test_evaluation_on_ucdp_pakistan(ucdp_pakistan_db):
    db = ucdp_pakistan_db
    result = json.loads(run("--db", db, "forecast", "--evaluate", "--origins-from", "2012-12",
                            "--format", "json").stdout)
    assert result["origins"] == 108  # forecasts of every month of 2013-2021
    scores = result["scores"]
    assert scores["model"]["crps"] < scores["zero"]["crps"] and scores["model"]["crps"] < scores["last_value"]["crps"]
