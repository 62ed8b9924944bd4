"""Escalation statistics on constructed series: the E-test against a sum over scipy's Poisson pmf,
the changepoint detector's placing of a change, the Surge Tracker rule, and the backtest's bookkeeping."""

import datetime as dt

import numpy as np
import pytest
from scipy.stats import binomtest, poisson

from conflictlens.analysis.changepoint import changes, run_length_posteriors
from conflictlens.analysis.escalation import (
    Surge, increase_p_value, latest, load_escalation, model_flag, surge, unit_series, window_test,
)
from conflictlens.analysis.escalation_backtest import backtest, cases, scores
from conflictlens.analysis.trends import IncidentRow


def e_test_by_summation(x1, t1, x2, t2):
    """Krishnamoorthy & Thomson's E-test written out: the chance under the pooled rate of a score
    statistic at least the observed one."""
    pooled = (x1 + x2) / (t1 + t2)

    def stat(k1, k2):
        var = (k1 + k2) / (t1 + t2) * (1 / t1 + 1 / t2)
        return np.where(var > 0, (k1 / t1 - k2 / t2) / np.sqrt(np.where(var > 0, var, 1)), 0.0)

    k1, k2 = np.arange(200)[:, None], np.arange(400)[None, :]
    weight = poisson.pmf(k1, pooled * t1) * poisson.pmf(k2, pooled * t2)
    return float((weight * (stat(k1, k2) >= stat(np.array(x1), np.array(x2)) - 1e-12)).sum())


@pytest.mark.parametrize("latest_count,history,months", [(5, 12, 12), (9, 30, 12), (2, 0, 12), (0, 6, 12), (40, 200, 12)])
def test_e_test_p_values_against_scipy(latest_count, history, months):
    p = increase_p_value(latest_count, history, months)
    assert p == pytest.approx(e_test_by_summation(latest_count, 1, history, months), abs=1e-9)
    exact = binomtest(latest_count, latest_count + history, 1 / (months + 1), alternative="greater").pvalue \
        if latest_count + history else 1.0
    assert p <= exact + 1e-12  # the E-test is at least as powerful as the exact conditional test


def test_two_month_window_uses_both_months_against_the_history():
    rule = load_escalation().tuned(test_months=2)
    counts = [1] * 12 + [4, 5]
    events, history, months, p = window_test(counts, 13, rule)
    assert (events, history, months) == (9, 12, 12)
    assert p == pytest.approx(e_test_by_summation(9, 2, 12, 12), abs=1e-9)


def test_changepoint_found_where_the_rate_changes():
    rng = np.random.default_rng(7)
    counts = list(rng.poisson(1.0, 30)) + list(rng.poisson(8.0, 15))
    found = changes(counts, 0.02, 0.1, 0.01)
    probabilities = [c.probability for c in found]
    assert int(np.argmax(probabilities)) == 30
    assert found[30].probability > 0.5 and found[30].rising
    assert max(probabilities[:30]) < 0.2
    posterior = run_length_posteriors(counts, 0.02, 0.1, 0.01)[-1]
    assert int(np.argmax(posterior)) == 14  # 15 months into the new run: run length 14
    assert posterior.sum() == pytest.approx(1.0)


def test_changepoint_finds_no_rise_in_a_steady_series():
    counts = list(np.random.default_rng(3).poisson(4.0, 60))
    found = changes(counts, 0.02, 0.1, 0.01)[12:]
    assert max(c.probability for c in found if c.rising) < 0.2
    # A month without events is a likelier new run under the vague prior: a fall, never a flag.
    assert all(not c.rising for c in found if c.probability >= 0.2)


def test_surge_rule():
    end = dt.date(2020, 3, 31).toordinal()
    rule = Surge(days=7, weeks=4, ratio=2.0, min_weekly=1.0)
    quiet = [end - 8 - 7 * w for w in range(4)]  # one event a week for four weeks
    assert surge(quiet + [end, end - 1], end, rule) == {"last_week": 2, "weekly_average": 1.0, "flag": True}
    assert not surge(quiet + [end], end, rule)["flag"]
    assert not surge(quiet[:3] + [end, end, end], end, rule)["flag"]  # average 0.75: too few to judge


def test_model_flag_combinations_and_arrays():
    rule = load_escalation().tuned(alpha=0.01, threshold=0.5, min_events=2)
    assert bool(model_flag(5, 0.001, 0.1, True, rule.tuned(combine="poisson")))
    assert not bool(model_flag(5, 0.001, 0.1, True, rule.tuned(combine="both")))
    assert bool(model_flag(5, 0.2, 0.9, True, rule.tuned(combine="changepoint")))
    assert not bool(model_flag(5, 0.2, 0.9, False, rule.tuned(combine="changepoint")))
    assert not bool(model_flag(1, 0.0001, 0.9, True, rule.tuned(combine="either")))
    flags = model_flag(np.array([5, 1]), np.array([0.001, 0.001]), np.array([0, 0]), np.array([0, 0]),
                       rule.tuned(combine="poisson"))
    assert flags.tolist() == [True, False]


def _rows(monthly: dict[str, list[int]], start="2000-01") -> list[IncidentRow]:
    rows = []
    year, month = int(start[:4]), int(start[5:])
    for area, counts in monthly.items():
        for offset, n in enumerate(counts):
            y, m = year + (month - 1 + offset) // 12, (month - 1 + offset) % 12 + 1
            rows += [IncidentRow(f"{y}-{m:02d}-{1 + i % 28:02d}", 1, "attributed", ("A",), admin1=area)
                     for i in range(n)]
    return rows


def test_latest_flags_the_rising_unit_only():
    rows = _rows({"North": [1, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1, 0, 1, 9], "South": [3] * 14})
    readings = latest(rows, ["admin1"], load_escalation())
    assert readings[0]["unit"] == {"admin1": "North"} and readings[0]["flag"]
    assert readings[0]["p_value"] < 0.001 and readings[0]["events"] == 9
    assert not readings[1]["flag"] and readings[1]["month"] == "2001-02"
    assert unit_series(rows, ["admin1"])[1].counts == [3] * 14


def test_backtest_bookkeeping():
    rule = load_escalation()
    quiet = [1, 0, 1, 0] * 9
    rows = _rows({"North": quiet + [1, 8, 9, 1], "South": [2] * 40})
    found = cases(rows, ["admin1"], rule)
    assert len(found) == 2 * (40 - 24)
    high = [c for c in found if c.high_next]
    assert len(high) == 2  # North's months of 8 and 9 events
    assert scores(found, [c.high_next for c in found])["recall"] == 1.0
    assert scores(found, [False] * len(found))["recall"] == 0.0
    report = backtest(rows, ["admin1"], rule)
    assert set(report["held_out"]) == {"surge_rule", "model"}
