"""Rolling-origin evaluation of next-month forecasts, one month ahead, using only the data available
at each origin (VIEWS prediction challenge scores).

For each origin month o and each unit with an incident up to o, every model draws next month's count
from the unit's counts up to o, and is scored on month o+1: CRPS (`scoringrules`), the ignorance
score on the VIEWS bins (IGN, log2, a sample's bin shares with one pseudo-count spread over the
bins), the 90% interval score (MIS90) and the coverage of the 90% interval on unit-months with
conflict. The skill against conflictology is 1 - CRPS(model) / CRPS(conflictology), with a
moving-block bootstrap interval over origins. Honesty rule: where that interval does not exclude
zero (lies above it), the conflictology baseline is served instead of the model.
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from conflictlens.analysis.forecast import MODELS, SAMPLERS, TARGETS, ForecastRule, rng_for

ALPHA90 = 0.1


def crps(observed: np.ndarray, samples: np.ndarray) -> np.ndarray:
    import scoringrules
    return np.asarray(scoringrules.crps_ensemble(observed, samples, m_axis=-1), dtype=float)


def ignorance(observed: np.ndarray, samples: np.ndarray, bins: Sequence[float]) -> np.ndarray:
    edges = np.asarray([*bins, np.inf])
    count = len(edges) - 1
    drawn = np.stack([np.histogram(row, edges)[0] for row in samples])
    shares = (drawn + 1.0 / count) / (samples.shape[1] + 1.0)
    where = np.clip(np.searchsorted(edges, observed, side="right") - 1, 0, count - 1)
    return -np.log2(shares[np.arange(len(observed)), where])


def interval_score(observed: np.ndarray, samples: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(MIS90 per case, whether the 90% interval covers the observation)."""
    low, high = np.quantile(samples, [ALPHA90 / 2, 1 - ALPHA90 / 2], axis=1)
    score = (high - low) + 2 / ALPHA90 * np.maximum(low - observed, 0) + 2 / ALPHA90 * np.maximum(observed - high, 0)
    return score, (observed >= low) & (observed <= high)


def cases(series_list: Sequence[Any], origins: Sequence[int], target: str) -> list[tuple[int, Any, list[int], int]]:
    """(origin, unit, history up to the origin, next month's value) for units seen by the origin."""
    out = []
    for series in series_list:
        values = series.counts if target == "events" else series.deaths
        for origin in origins:
            t = origin - series.first_month
            if 0 <= t < len(values) - 1 and any(series.counts[:t + 1]):
                out.append((origin, series.unit, values[:t + 1], values[t + 1]))
    return out


def evaluate(series_list: Sequence[Any], origins: Sequence[int], rule: ForecastRule, target: str) -> dict[str, Any]:
    """Scores of every model and the skill vs conflictology on `target` ("events" or "fatalities")."""
    found = cases(series_list, origins, target)
    if not found:
        return {"origins": 0, "cases": 0, "scores": {}, "skill_vs_conflictology": None, "served": "conflictology"}
    observed = np.array([c[3] for c in found], dtype=float)
    per_case: dict[str, np.ndarray] = {}
    scores: dict[str, dict[str, float]] = {}
    for name in MODELS:
        draws = np.stack([SAMPLERS[name](c[2], rule, rng_for(rule, name, target, c[1], c[0])) for c in found])
        per_case[name] = crps(observed, draws)
        mis, covered = interval_score(observed, draws)
        conflict = observed > 0
        scores[name] = {"crps": round(float(per_case[name].mean()), 4),
                        "ign": round(float(ignorance(observed, draws, rule.ign_bins).mean()), 4),
                        "mis90": round(float(mis.mean()), 3),
                        "coverage90": round(float(covered[conflict].mean()), 3) if conflict.any() else None}
    skill = skill_interval([c[0] for c in found], per_case["model"], per_case["conflictology"], rule)
    return {"origins": len({c[0] for c in found}), "cases": len(found), "scores": scores,
            "skill_vs_conflictology": skill, "served": served(skill)}


def served(skill: dict[str, Any] | None) -> str:
    """The honesty rule: the model only where its skill interval lies above zero."""
    return "model" if skill is not None and skill["ci90"][0] > 0 else "conflictology"


def skill_interval(origins: Sequence[int], model: np.ndarray, baseline: np.ndarray, rule: ForecastRule) -> dict[str, Any]:
    """1 - CRPS(model)/CRPS(baseline), with a moving-block bootstrap interval over origins."""
    months = sorted(set(origins))
    index = {m: i for i, m in enumerate(months)}
    a, b = np.zeros(len(months)), np.zeros(len(months))
    np.add.at(a, [index[o] for o in origins], model)
    np.add.at(b, [index[o] for o in origins], baseline)
    value = 1 - a.sum() / b.sum() if b.sum() > 0 else 0.0
    rng = np.random.default_rng(rule.seed)
    block = max(1, min(rule.block_months, len(months)))
    starts = rng.integers(0, len(months) - block + 1, size=(rule.replicates, -(-len(months) // block)))
    picks = (starts[:, :, None] + np.arange(block)).reshape(rule.replicates, -1)[:, :len(months)]
    with np.errstate(divide="ignore", invalid="ignore"):
        draws = 1 - a[picks].sum(axis=1) / b[picks].sum(axis=1)
    draws = draws[np.isfinite(draws)]
    tail = (1 - rule.level) / 2
    low, high = (np.quantile(draws, [tail, 1 - tail]) if draws.size else (value, value))
    return {"value": round(float(value), 4), "ci90": [round(float(low), 4), round(float(high), 4)]}


def evaluation(series_list: Sequence[Any], origins: Sequence[int], rule: ForecastRule) -> dict[str, Any]:
    """Events first (the issue's JSON), fatalities beside them."""
    events = evaluate(series_list, origins, rule, "events")
    result = {"horizon": 1, "origins": events["origins"], "cases": events["cases"], "scores": events["scores"],
              "skill_vs_conflictology": events["skill_vs_conflictology"], "served": events["served"]}
    result["fatalities"] = {k: v for k, v in evaluate(series_list, origins, rule, "fatalities").items()
                            if k in ("scores", "skill_vs_conflictology", "served")}
    return result


def forecasts(series_list: Sequence[Any], rule: ForecastRule, served_by: dict[str, str]) -> list[dict[str, Any]]:
    """Next month's predictive distribution per unit (units with an incident in the data), from the
    model each target's evaluation serves."""
    from conflictlens.analysis.forecast import summary
    from conflictlens.analysis.trends import month_label

    out = []
    for series in series_list:
        if not any(series.counts):
            continue
        month = month_label(series.first_month + len(series.counts))
        record: dict[str, Any] = {"unit": series.unit, "month": month, "model": served_by["events"]}
        for target in TARGETS:
            values = series.counts if target == "events" else series.deaths
            name = served_by[target]
            draws = SAMPLERS[name](values, rule, rng_for(rule, name, target, series.unit, month))
            record[target] = {**summary(draws), "p_at_least_1": round(float((draws >= 1).mean()), 3),
                              "model": name}
        out.append(record)
    return out
