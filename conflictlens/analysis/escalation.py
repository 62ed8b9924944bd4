"""Escalation: is violence in a unit (an admin1 or admin2, optionally with an actor) rising?

Three readings of a unit's monthly counts, each with the numbers behind it:
- a count test: the latest month against the unit's own previous months, a one-sided two-sample
  Poisson E-test (statsmodels `etest_poisson_2indep`), giving a p-value;
- a Bayesian online changepoint detector (`analysis.changepoint`), giving the posterior probability
  of a change in the latest month(s) and the rates before and after;
- the baseline, ACLED's Surge Tracker rule: the last week at least twice the weekly average of the
  four weeks before, where that average is at least one event.
The settings are data (`data/escalation.yaml`); `escalation_backtest` chose them on tune years.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Iterable, Sequence

import numpy as np

from conflictlens.analysis.changepoint import Change, changes
from conflictlens.analysis.data_files import load_data_file
from conflictlens.analysis.trends import IncidentRow, month_index, month_label

UNITS = ("admin1", "admin2")
COMBINATIONS = ("poisson", "changepoint", "either", "both")


@dataclass(frozen=True)
class Surge:
    days: int
    weeks: int
    ratio: float
    min_weekly: float


@dataclass(frozen=True)
class EscalationRule:
    history_months: int
    test_months: int
    alpha: float
    hazard: float
    prior_shape: float
    prior_rate: float
    window: int
    threshold: float
    combine: str
    min_events: int
    surge: Surge
    backtest: dict[str, Any]

    def tuned(self, **settings: Any) -> EscalationRule:
        return replace(self, **settings)


@lru_cache(maxsize=4)
def load_escalation(path: str | None = None) -> EscalationRule:
    """The bundled settings, or a user's file of the same format (CL-E932 when damaged)."""
    return load_data_file("escalation.yaml", path, lambda raw, _where: _parse(raw), "CL-E932",
                          "the escalation settings")


def _parse(raw: dict[str, Any]) -> EscalationRule:
    cp, surge = raw["changepoint"], raw["surge"]
    if raw["combine"] not in COMBINATIONS or not 0 < float(cp["hazard"]) < 1:
        raise ValueError(f"combine must be one of {COMBINATIONS} and hazard within 0..1")
    return EscalationRule(int(raw["history_months"]), int(raw["test_months"]), float(raw["alpha"]), float(cp["hazard"]),
                          float(cp["prior_shape"]), float(cp["prior_rate"]), int(cp["window"]),
                          float(cp["threshold"]), raw["combine"], int(raw["min_events"]),
                          Surge(int(surge["days"]), int(surge["weeks"]), float(surge["ratio"]),
                                float(surge["min_weekly"])), dict(raw["backtest"]))


@dataclass
class UnitSeries:
    """One unit's incidents: monthly counts from `first_month` (a `month_index`) and the days."""

    unit: dict[str, str | None]
    first_month: int
    counts: list[int]
    days: list[int]  # date ordinals, sorted
    deaths: list[int] = field(default_factory=list)  # monthly fatalities, on the counts' axis


def unit_series(rows: Iterable[IncidentRow], fields: Sequence[str], first: int | None = None,
                last: int | None = None) -> list[UnitSeries]:
    """Every unit's series over one month axis (the rows' first to last month unless given).
    An "actor" field takes each incident's own actor (not its parents: nothing counts twice)."""
    rows = list(rows)
    if not rows:
        return []
    months = [month_index(r.date) for r in rows]
    first = min(months) if first is None else first
    last = max(months) if last is None else last
    table: dict[tuple, UnitSeries] = {}
    for row, month in zip(rows, months):
        if not first <= month <= last:
            continue
        key = tuple(_field(row, f) for f in fields)
        if key[0] is None:  # an incident placed in no such area belongs to no unit
            continue
        size = last - first + 1
        series = table.setdefault(key, UnitSeries(dict(zip(fields, key)), first, [0] * size, [], [0] * size))
        series.counts[month - first] += 1
        series.deaths[month - first] += row.fatalities
        series.days.append(dt.date.fromisoformat(row.date).toordinal())
    for series in table.values():
        series.days.sort()
    return [table[k] for k in sorted(table, key=lambda k: tuple(v or "" for v in k))]


def _field(row: IncidentRow, name: str) -> str | None:
    return row.actors[0] if name == "actor" and row.actors else getattr(row, name, None) if name != "actor" else None


@lru_cache(maxsize=200_000)
def increase_p_value(latest: int, history_total: int, history_months: int) -> float:
    """One-sided p-value that the latest month's rate exceeds the rate of the `history_months`
    before it (Poisson E-test, Krishnamoorthy & Thomson 2004)."""
    from statsmodels.stats.rates import etest_poisson_2indep

    if history_months <= 0:
        return 1.0
    _stat, p = etest_poisson_2indep(latest, 1, history_total, history_months, alternative="larger")
    return float(min(1.0, max(0.0, p)))


def surge(days: Sequence[int], month_end: int, rule: Surge) -> dict[str, Any]:
    """The Surge Tracker rule at the end of a month: counts of the last `rule.days` days and the
    weekly average of the `rule.weeks` weeks before."""
    def between(lo: int, hi: int) -> int:  # days in (lo, hi]
        return bisect.bisect_right(days, hi) - bisect.bisect_right(days, lo)

    last = between(month_end - rule.days, month_end)
    average = between(month_end - rule.days - 7 * rule.weeks, month_end - rule.days) / rule.weeks
    flag = average >= rule.min_weekly and last >= rule.ratio * average
    return {"last_week": last, "weekly_average": round(average, 2), "flag": bool(flag)}


def month_end(index: int) -> int:
    """The ordinal of the last day of month `index`."""
    following = index + 1
    return dt.date(following // 12, following % 12 + 1, 1).toordinal() - 1


def window_test(counts: Sequence[int], t: int, rule: EscalationRule) -> tuple[int, int, int, float]:
    """(events in the latest `test_months` months to t, events and months of the history before
    them, the one-sided p-value of a higher rate now)."""
    start = max(0, t + 1 - rule.test_months)
    latest = sum(counts[start:t + 1])
    history = counts[max(0, start - rule.history_months):start]
    # Exposures in months: the latest window against the months of history.
    p = increase_p_value(latest, sum(history), len(history)) if rule.test_months == 1 else \
        window_increase_p(latest, t + 1 - start, sum(history), len(history))
    return latest, sum(history), len(history), p


@lru_cache(maxsize=200_000)
def window_increase_p(latest: int, months: int, history_total: int, history_months: int) -> float:
    from statsmodels.stats.rates import etest_poisson_2indep

    if history_months <= 0:
        return 1.0
    _stat, p = etest_poisson_2indep(latest, months, history_total, history_months, alternative="larger")
    return float(min(1.0, max(0.0, p)))


def model_flag(events: Any, p_value: Any, probability: Any, rising: Any, rule: EscalationRule) -> Any:
    """The combined flag: the count test and/or a rising changepoint, and at least `min_events` in
    the test's window. Takes numbers or numpy arrays of them alike (the backtest tries many rules)."""
    enough = np.asarray(events) >= rule.min_events
    by_test = np.asarray(p_value) < rule.alpha
    by_change = (np.asarray(probability) >= rule.threshold) & np.asarray(rising, dtype=bool)
    combined = {"poisson": by_test, "changepoint": by_change, "either": by_test | by_change,
                "both": by_test & by_change}[rule.combine]
    return enough & combined


def unit_changes(series: UnitSeries, rule: EscalationRule) -> list[Change]:
    return changes(series.counts, rule.hazard, rule.prior_shape, rule.prior_rate, rule.window)


def assess(series: UnitSeries, t: int, rule: EscalationRule, found: Sequence[Change]) -> dict[str, Any]:
    """The readings for month `t` (an offset into the series), with their numbers."""
    events, history, months, p = window_test(series.counts, t, rule)
    change = found[t]
    month = series.first_month + t
    return {"unit": series.unit, "month": month_label(month), "events": series.counts[t],
            "window_months": rule.test_months, "window_events": events,
            "history_months": months, "history_mean": round(history / months, 2) if months else None,
            "p_value": round(p, 5), "changepoint": {"probability": round(change.probability, 4),
                                                      "rate_before": round(change.rate_before, 2),
                                                      "rate_after": round(change.rate_after, 2)},
            "surge": surge(series.days, month_end(month), rule.surge),
            "flag": bool(model_flag(events, p, change.probability, change.rising, rule))}


def latest(rows: Iterable[IncidentRow], fields: Sequence[str], rule: EscalationRule,
           at: str | None = None) -> list[dict[str, Any]]:
    """Every unit's readings for month `at` ("YYYY-MM"; default the latest month with an incident)."""
    rows = list(rows)
    if not rows:
        return []
    last = month_index(at + "-01") if at else max(month_index(r.date) for r in rows)
    out = []
    for series in unit_series(rows, fields, last=last):
        t = len(series.counts) - 1
        out.append(assess(series, t, rule, unit_changes(series, rule)))
    return sorted(out, key=lambda r: (not r["flag"], not r["surge"]["flag"], r["p_value"]))
