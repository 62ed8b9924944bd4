"""Backtest of escalation alerts, month by month (docs/analysis.md).

At the end of each month t, for each unit, the Surge Tracker rule and our model decide whether to
alert, from data up to t only. Month t+1 is a high-violence month for the unit when its count
exceeds the `hv_quantile` quantile of the unit's previous `hv_months` months and is at least
`hv_min`. An alert is right when t+1 is high-violence; recall is the share of high-violence months
that an alert announced. Unit-months are low-count when the unit's mean over its previous 12 months
is below `low_count_monthly`. The model's settings are chosen on alert months up to `tune_until`
(the best recall within a budget of low-count false alarms, a share of the rule's); later years are
held out.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

import numpy as np

from conflictlens.analysis.changepoint import Change
from conflictlens.analysis.escalation import (
    EscalationRule, model_flag, month_end, surge, unit_changes, unit_series, window_test,
)
from conflictlens.analysis.trends import IncidentRow


@dataclass(frozen=True)
class Case:
    """One unit at the end of one month, and what the next month was."""

    year: int  # of the month the alert is about (t+1)
    low_count: bool
    high_next: bool
    rule_alert: bool
    events: int  # in the test's window (of each `test_months` tried)
    p_value: float
    change: Change
    by_window: tuple[tuple[int, float], ...] = ()  # (events, p) for test_months 1, 2, ...


def cases(rows: Iterable[IncidentRow], fields: Sequence[str], rule: EscalationRule) -> list[Case]:
    """Every (unit, month) with `hv_months` of history before the month it is about."""
    settings = rule.backtest
    out = []
    for series in unit_series(rows, fields):
        found = unit_changes(series, rule)
        counts = series.counts
        for t in range(int(settings["hv_months"]) - 1, len(counts) - 1):
            out.append(_case(series, t, rule, found[t], settings))
    return out


def _case(series, t: int, rule: EscalationRule, change: Change, settings: dict[str, Any]) -> Case:
    counts = series.counts
    windows = tuple(window_test(counts, t, rule.tuned(test_months=m))[::3]
                    for m in range(1, max(rule.backtest["grid"]["test_months"]) + 1))
    events, p = windows[rule.test_months - 1]
    before_next = counts[t + 1 - int(settings["hv_months"]):t + 1]
    threshold = float(np.quantile(before_next, float(settings["hv_quantile"])))
    high = counts[t + 1] > threshold and counts[t + 1] >= int(settings["hv_min"])
    recent = counts[max(0, t - 11):t + 1]
    month = series.first_month + t
    return Case((month + 1) // 12, sum(recent) / len(recent) < float(settings["low_count_monthly"]), high,
                surge(series.days, month_end(month), rule.surge)["flag"], events, p, change, windows)


def scores(chosen: Sequence[Case], alerts: Sequence[bool]) -> dict[str, Any]:
    """Alerts, right and false alarms, precision and recall over `chosen` cases."""
    right = sum(1 for c, a in zip(chosen, alerts) if a and c.high_next)
    raised = int(sum(bool(a) for a in alerts))
    high = sum(1 for c in chosen if c.high_next)
    return {"cases": len(chosen), "high_violence_months": high, "alerts": raised, "right": right,
            "false_alarms": raised - right, "precision": round(right / raised, 3) if raised else None,
            "recall": round(right / high, 3) if high else None}


def flags(chosen: Sequence[Case], rule: EscalationRule) -> list[bool]:
    """The model's alerts under `rule` (its test window picks the case's readings)."""
    return [bool(f) for f in _flags(_arrays(chosen), rule)] if chosen else []


def _arrays(chosen: Sequence[Case]) -> dict[str, np.ndarray]:
    """The cases' readings as arrays: every rule of the tuning grid is then a few array operations."""
    out = {"probability": np.array([c.change.probability for c in chosen]),
           "rising": np.array([c.change.rising for c in chosen], dtype=bool),
           "low": np.array([c.low_count for c in chosen], dtype=bool),
           "high": np.array([c.high_next for c in chosen], dtype=bool)}
    for w in range(len(chosen[0].by_window) if chosen else 0):
        out[f"events{w + 1}"] = np.array([c.by_window[w][0] for c in chosen])
        out[f"p{w + 1}"] = np.array([c.by_window[w][1] for c in chosen])
    return out


def _flags(arrays: dict[str, np.ndarray], rule: EscalationRule) -> np.ndarray:
    w = rule.test_months
    return model_flag(arrays[f"events{w}"], arrays[f"p{w}"], arrays["probability"], arrays["rising"], rule)


def _report(chosen: Sequence[Case], rule: EscalationRule) -> dict[str, Any]:
    model = flags(chosen, rule)
    baseline = [c.rule_alert for c in chosen]
    low = [i for i, c in enumerate(chosen) if c.low_count]
    pick = lambda seq: [seq[i] for i in low]  # noqa: E731
    return {"surge_rule": {"all": scores(chosen, baseline), "low_count": scores(pick(chosen), pick(baseline))},
            "model": {"all": scores(chosen, model), "low_count": scores(pick(chosen), pick(model))}}


def tune(tuning: Sequence[Case], rule: EscalationRule) -> EscalationRule:
    """The grid setting with the best recall on `tuning` among those raising at most
    `max_low_false_share` of the rule's low-count false alarms there (ties: fewer false alarms);
    when none does, the one with the fewest."""
    grid = rule.backtest["grid"]
    arrays = _arrays(tuning)
    budget = float(rule.backtest["max_low_false_share"]) * _low_false(tuning, [c.rule_alert for c in tuning])
    high = max(1, int(arrays["high"].sum()))
    best, best_key = rule, None
    for alpha, threshold, combine, minimum, months in itertools.product(
            grid["alpha"], grid["threshold"], grid["combine"], grid["min_events"], grid["test_months"]):
        trial = rule.tuned(alpha=float(alpha), threshold=float(threshold), combine=combine,
                           min_events=int(minimum), test_months=int(months))
        alerts = _flags(arrays, trial)
        right = int((alerts & arrays["high"]).sum())
        low_false = int((alerts & arrays["low"] & ~arrays["high"]).sum())
        over = low_false > budget
        key = (over, low_false if over else 0, -right / high, int(alerts.sum()) - right)
        if best_key is None or key < best_key:
            best, best_key = trial, key
    return best


def _low_false(chosen: Sequence[Case], alerts: Sequence[bool]) -> int:
    return sum(1 for c, a in zip(chosen, alerts) if a and c.low_count and not c.high_next)


def backtest(rows: Iterable[IncidentRow], fields: Sequence[str], rule: EscalationRule) -> dict[str, Any]:
    """Tune on years up to `tune_until`, report tune and held-out figures for the rule and the model."""
    found = cases(rows, fields, rule)
    until = int(rule.backtest["tune_until"])
    tuning = [c for c in found if c.year <= until]
    held = [c for c in found if c.year > until]
    chosen = tune(tuning, rule)
    return {"unit": list(fields), "tune_years": f"to {until}", "held_out_years": f"after {until}",
            "settings": {"alpha": chosen.alpha, "threshold": chosen.threshold, "combine": chosen.combine,
                         "min_events": chosen.min_events, "test_months": chosen.test_months, "history_months": chosen.history_months,
                         "hazard": chosen.hazard},
            "held_out": _report(held, chosen), "tune": _report(tuning, chosen)}
