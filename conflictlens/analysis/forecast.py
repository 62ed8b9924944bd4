"""Next month's events and fatalities per unit as predictive distributions (samples), after the
VIEWS prediction challenge: a negative binomial on the unit's recent history, against three
baselines (zero; last value, Poisson; conflictology, the unit's own last 12 months resampled).

`forecast_scores.py` scores them in a rolling-origin backtest; the honesty rule (serve the
conflictology baseline where the model's skill interval does not exclude zero) is applied there.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Sequence

import numpy as np

from conflictlens.analysis.data_files import load_data_file

MODELS = ("model", "zero", "last_value", "conflictology")
TARGETS = ("events", "fatalities")


@dataclass(frozen=True)
class ForecastRule:
    samples: int
    seed: int
    window_months: int
    recent_months: int
    recent_weight: float
    replicates: int
    block_months: int
    level: float
    default_origins: int
    ign_bins: tuple[float, ...]


@lru_cache(maxsize=4)
def load_forecast(path: str | None = None) -> ForecastRule:
    """The bundled settings, or a user's file of the same format (CL-E933 when damaged)."""
    return load_data_file("forecast.yaml", path, lambda raw, _where: _parse(raw), "CL-E933", "the forecast settings")


def _parse(raw: dict[str, Any]) -> ForecastRule:
    boot = raw["bootstrap"]
    rule = ForecastRule(int(raw["samples"]), int(raw["seed"]), int(raw["window_months"]), int(raw["recent_months"]),
                        float(raw["recent_weight"]), int(boot["replicates"]), int(boot["block_months"]),
                        float(boot["level"]), int(raw["default_origins"]), tuple(float(b) for b in raw["ign_bins"]))
    if rule.samples < 10 or not 0 <= rule.recent_weight <= 1 or not 0 < rule.level < 1:
        raise ValueError("samples must be at least 10, recent_weight within 0..1 and level within 0..1")
    return rule


def nb_samples(history: Sequence[float], rule: ForecastRule, rng: np.random.Generator) -> np.ndarray:
    """Draws of next month's count: negative binomial, mean a blend of the recent and the longer
    window, dispersion from the window's variance (Poisson when not overdispersed)."""
    window = np.asarray(history[-rule.window_months:], dtype=float)
    if window.size == 0:
        return np.zeros(rule.samples)
    recent = window[-rule.recent_months:]
    mean = rule.recent_weight * recent.mean() + (1 - rule.recent_weight) * window.mean()
    variance = window.var(ddof=1) if window.size > 1 else mean
    if mean <= 0:
        return np.zeros(rule.samples)
    if variance <= mean:
        return rng.poisson(mean, rule.samples).astype(float)
    size = mean * mean / (variance - mean)  # NB2: variance = mean + mean^2 / size
    return rng.negative_binomial(size, size / (size + mean), rule.samples).astype(float)


def zero_samples(history: Sequence[float], rule: ForecastRule, rng: np.random.Generator) -> np.ndarray:
    return np.zeros(rule.samples)


def last_value_samples(history: Sequence[float], rule: ForecastRule, rng: np.random.Generator) -> np.ndarray:
    last = float(history[-1]) if len(history) else 0.0
    return rng.poisson(last, rule.samples).astype(float)


def conflictology_samples(history: Sequence[float], rule: ForecastRule, rng: np.random.Generator) -> np.ndarray:
    window = np.asarray(history[-12:], dtype=float)
    return rng.choice(window, rule.samples) if window.size else np.zeros(rule.samples)


SAMPLERS: dict[str, Callable[[Sequence[float], ForecastRule, np.random.Generator], np.ndarray]] = {
    "model": nb_samples, "zero": zero_samples, "last_value": last_value_samples,
    "conflictology": conflictology_samples}


def summary(samples: np.ndarray) -> dict[str, float]:
    """The predictive distribution as {"mean", "q05", "q50", "q95"}."""
    q05, q50, q95 = np.quantile(samples, [0.05, 0.5, 0.95])
    return {"mean": round(float(samples.mean()), 2), "q05": float(q05), "q50": float(q50), "q95": float(q95)}


def probability_at_least(samples: np.ndarray, count: int) -> float:
    return float((samples >= count).mean())


def rng_for(rule: ForecastRule, *keys: Any) -> np.random.Generator:
    """A generator seeded by the rule's seed and `keys` (unit, month): forecasts are reproducible."""
    text = "|".join(str(k) for k in keys)
    return np.random.default_rng([rule.seed, *text.encode("utf-8")[:64]])
