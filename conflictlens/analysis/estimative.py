"""The best answer: who most probably did it, said with an ICD 203 estimative phrase.

The rule (data/estimative.yaml, explained in docs/attribution.md): every named actor starts at odds
`prior.named`, an unnamed "someone else" at `prior.other`; each graded statement about an actor
multiplies its odds by likelihood_ratio[stance] ** quality, where quality is the product of the
source's reliability weight and the statement's credibility weight. Probabilities are the odds
normalised over all actors plus "someone else", and map to ICD 203 bands. The best answer is the
most probable actor that some statement names as perpetrator (a denial alone never makes one).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Mapping, Sequence


from conflictlens.analysis.data_files import load_data_file
from conflictlens.analysis.grading import CREDIBILITY_LABELS, POSITIVE, RELIABILITY, source_key
from conflictlens.model.records import STANCE_RANK, STANCES, Attribution


@dataclass(frozen=True)
class EstimativeRule:
    likelihood_ratio: Mapping[str, float]
    reliability_weight: Mapping[str, float]
    credibility_weight: Mapping[int, float]
    prior_named: float
    prior_other: float
    bands: tuple[tuple[str, float | None], ...]  # (phrase, upper bound exclusive); last bound None

    @property
    def phrases(self) -> tuple[str, ...]:
        return tuple(phrase for phrase, _ in self.bands)

    def quality(self, statement: Attribution) -> float:
        """0..1: how far a statement may move the odds, from its source's and its own grade."""
        reliability = self.reliability_weight.get(statement.reliability or "F", self.reliability_weight["F"])
        credibility = self.credibility_weight.get(statement.credibility or 6, self.credibility_weight[6])
        return reliability * credibility

    def phrase(self, probability: float) -> str:
        for phrase, below in self.bands:
            if below is None or probability < below:
                return phrase
        return self.bands[-1][0]


@dataclass(frozen=True)
class Estimate:
    actor: str
    probability: float
    phrase: str
    strongest: str  # the strongest stance any statement takes on this actor

    @property
    def named_as_perpetrator(self) -> bool:
        return self.strongest in POSITIVE

    def to_dict(self) -> dict[str, Any]:
        return {"actor": self.actor, "probability": round(self.probability, 3), "phrase": self.phrase,
                "strongest_stance": self.strongest}


def estimate(statements: Sequence[Attribution], rule: EstimativeRule) -> tuple[list[Estimate], float]:
    """Every named actor's probability, most probable first, and the probability of someone else.

    `statements` must be graded (reliability and credibility filled in); ungraded ones count as F6.
    """
    log_odds: dict[str, float] = {}
    strongest: dict[str, str] = {}
    for (_key, actor, stance), quality in _distinct(statements, rule).items():
        log_odds[actor] = log_odds.get(actor, math.log(rule.prior_named)) + quality * math.log(
            rule.likelihood_ratio[stance])
        if STANCE_RANK[stance] >= STANCE_RANK.get(strongest.get(actor, "denied"), 0):
            strongest[actor] = stance
    weights = {actor: math.exp(v) for actor, v in log_odds.items()}
    total = sum(weights.values()) + rule.prior_other
    estimates = [Estimate(a, w / total, rule.phrase(w / total), strongest[a]) for a, w in weights.items()]
    estimates.sort(key=lambda e: (-e.probability, -STANCE_RANK[e.strongest], e.actor))
    return estimates, rule.prior_other / total


def _distinct(statements: Sequence[Attribution], rule: EstimativeRule) -> dict[tuple[str, str, str], float]:
    """One entry per (source, actor, stance) at its best quality: repetition is not evidence."""
    best: dict[tuple[str, str, str], float] = {}
    for st in statements:
        if st.actor is None or st.stance not in STANCES:
            continue
        key = (source_key(st), st.actor, st.stance)
        best[key] = max(best.get(key, 0.0), rule.quality(st))
    return best


def best_answer(estimates: Sequence[Estimate]) -> Estimate | None:
    """The most probable actor that at least one statement names as perpetrator."""
    return next((e for e in estimates if e.named_as_perpetrator), None)


@lru_cache(maxsize=4)
def load_rule(path: str | None = None) -> EstimativeRule:
    """The bundled rule, or the rule in `path` (same format)."""
    return load_data_file("estimative.yaml", path, lambda raw, _where: _parse_rule(raw), "CL-E723",
                          "the estimative rule")


def _parse_rule(raw: Any) -> EstimativeRule:
    ratios = {stance: float(raw["likelihood_ratio"][stance]) for stance in STANCES}
    reliability = {grade: float(raw["reliability_weight"][grade]) for grade in RELIABILITY}
    credibility = {int(k): float(raw["credibility_weight"][k]) for k in CREDIBILITY_LABELS}
    bands = tuple((str(b["phrase"]), float(b["below"]) if "below" in b else None) for b in raw["bands"])
    weights = [*reliability.values(), *credibility.values()]
    if any(r <= 0 for r in ratios.values()) or not all(0 <= w <= 1 for w in weights):
        raise ValueError("likelihood ratios must be > 0 and weights within 0..1")
    if not bands or bands[-1][1] is not None or any(b[1] is None for b in bands[:-1]):
        raise ValueError("bands need an upper bound each, except the last")
    prior = raw["prior"]
    return EstimativeRule(ratios, reliability, credibility, float(prior["named"]), float(prior["other"]), bands)
