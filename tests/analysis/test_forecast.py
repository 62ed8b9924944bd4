"""Forecasts and their scores on constructed series: the sample CRPS, the baselines, the skill
interval and the honesty rule (the conflictology baseline is served where the model shows no skill)."""

import numpy as np
import pytest

from conflictlens.analysis.escalation import UnitSeries
from conflictlens.analysis.forecast import load_forecast, nb_samples, summary
from conflictlens.analysis.forecast_scores import crps, evaluate, forecasts, ignorance, interval_score, served

RULE = load_forecast()


def sample_crps(y, xs):
    xs = np.asarray(xs, dtype=float)
    return np.abs(xs - y).mean() - 0.5 * np.abs(xs[:, None] - xs[None, :]).mean()


def test_crps_is_the_sample_crps():
    rng = np.random.default_rng(1)
    draws = rng.poisson(3, (4, 200)).astype(float)
    observed = np.array([0.0, 3.0, 5.0, 12.0])
    expected = [sample_crps(y, row) for y, row in zip(observed, draws)]
    assert crps(observed, draws) == pytest.approx(expected, rel=1e-9)


def test_ignorance_and_interval_score():
    draws = np.array([[0.0] * 9 + [3.0]])
    assert ignorance(np.array([0.0]), draws, RULE.ign_bins)[0] == pytest.approx(-np.log2((9 + 1 / 11) / 11))  # 11 VIEWS bins, one pseudo-count
    score, covered = interval_score(np.array([20.0]), np.array([np.arange(11, dtype=float)]))
    assert not covered[0] and score[0] == pytest.approx((9.5 - 0.5) + 20 * (20 - 9.5))


def test_negative_binomial_follows_recent_history():
    rng = np.random.default_rng(2)
    quiet = nb_samples([0] * 12, RULE, rng)
    assert quiet.max() == 0
    busy = nb_samples([2, 8, 1, 9, 3, 10, 2, 9, 1, 8, 2, 10], RULE, rng)
    assert 4 < busy.mean() < 7 and busy.var() > busy.mean()  # overdispersed
    assert summary(busy)["q05"] <= summary(busy)["q50"] <= summary(busy)["q95"]


def _series(counts, name="North"):
    return UnitSeries({"admin1": name}, 24000, list(counts), [], [2 * c for c in counts])


def test_honesty_rule_serves_conflictology_without_skill():
    rng = np.random.default_rng(5)
    steady = [_series(rng.poisson(4, 120), f"U{i}") for i in range(3)]
    result = evaluate(steady, range(24012, 24118), RULE, "events")
    low, high = result["skill_vs_conflictology"]["ci90"]
    assert low <= 0 and result["served"] == "conflictology"
    assert result["scores"]["zero"]["crps"] > result["scores"]["conflictology"]["crps"]


def test_model_served_where_its_skill_interval_excludes_zero():
    rng = np.random.default_rng(6)
    rising = [_series(rng.poisson(np.linspace(1, 40, 120)), f"U{i}") for i in range(3)]
    result = evaluate(rising, range(24012, 24118), RULE, "events")
    assert result["skill_vs_conflictology"]["ci90"][0] > 0 and result["served"] == "model"
    assert served({"value": 0.2, "ci90": [-0.01, 0.4]}) == "conflictology"
    assert served(None) == "conflictology"


def test_forecast_records():
    records = forecasts([_series([0, 1, 3, 2] * 6), _series([0] * 24, "Quiet")], RULE,
                        {"events": "model", "fatalities": "conflictology"})
    assert len(records) == 1 and records[0]["month"] == "2002-01"
    assert set(records[0]["events"]) == {"mean", "q05", "q50", "q95", "p_at_least_1", "model"}
    assert records[0]["fatalities"]["model"] == "conflictology"
