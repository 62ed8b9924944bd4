"""Bayesian online changepoint detection (Adams & MacKay 2007) for monthly event counts.

Counts in a run are Poisson with an unknown rate, Gamma(shape, rate) a priori, so a run's predictive
of the next count is negative binomial and its update is conjugate (shape += count, rate += 1). At
each month the run-length posterior either grows (no change, probability 1 - hazard) or restarts
(a change: the new run's first count is scored by the prior predictive). Each month's posterior
uses only the counts up to that month: it is online, as an alert must be.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np
from scipy.special import gammaln


@dataclass(frozen=True)
class Change:
    """The posterior at one month: P(a change within the last `window` months), and the mean rates
    expected before and after it."""

    probability: float
    rate_after: float
    rate_before: float

    @property
    def rising(self) -> bool:
        return self.rate_after > self.rate_before


def _log_nb(count: int, shape: np.ndarray, rate: np.ndarray) -> np.ndarray:
    """log P(count) under the Poisson-Gamma predictive (negative binomial, p = rate / (rate + 1))."""
    return (gammaln(shape + count) - gammaln(shape) - gammaln(count + 1)
            + shape * np.log(rate / (rate + 1.0)) - count * np.log(rate + 1.0))


def run_length_posteriors(counts: Sequence[int], hazard: float, shape: float, rate: float) -> list[np.ndarray]:
    """P(run length = r | counts up to t) for each month t; entry r = 0 means a change at t."""
    log_h, log_stay = np.log(hazard), np.log1p(-hazard)
    log_r = np.array([0.0])  # before the first count: a run of length 0, surely
    shapes, rates = np.array([shape]), np.array([rate])
    out = []
    for x in counts:
        grow = log_r + log_stay + _log_nb(x, shapes, rates)
        restart = np.logaddexp.reduce(log_r) + log_h + _log_nb(x, np.array([shape]), np.array([rate]))
        log_r = np.concatenate([restart, grow])
        log_r -= np.logaddexp.reduce(log_r)
        shapes = np.concatenate([[shape + x], shapes + x])
        rates = np.concatenate([[rate + 1.0], rates + 1.0])
        out.append(np.exp(log_r))
    return out


def recent_change(posterior: np.ndarray, counts: Sequence[int], window: int) -> Change:
    """What `posterior` (at the last of `counts`) says of a change in the last `window` months."""
    p = float(posterior[:window].sum())
    recent = counts[-window:]
    before = counts[:-window][-12:]
    return Change(p, float(np.mean(recent)), float(np.mean(before)) if len(before) else 0.0)


def changes(counts: Sequence[int], hazard: float, shape: float, rate: float, window: int = 1) -> list[Change]:
    """`recent_change` at every month of `counts`, each from the counts up to it only."""
    posts = run_length_posteriors(counts, hazard, shape, rate)
    return [recent_change(p, counts[: t + 1], window) for t, p in enumerate(posts)]
