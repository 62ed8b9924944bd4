"""The attribution ledger of one event: graded statements, competing hypotheses and the best answer.

Pure: the pipeline gathers the statements (with their evidence sentences), the source grades, the
estimative rule and any analyst override, and renders or stores nothing here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Sequence

from conflictlens.analysis.ach import AchMatrix, build_matrix
from conflictlens.analysis.estimative import Estimate, EstimativeRule, best_answer, estimate
from conflictlens.analysis.grading import (
    CREDIBILITY_LABELS, RELIABILITY_LABELS, USER_GRADE, SourceGrades, credibility,
)
from conflictlens.model.records import Attribution

RULE, OVERRIDE = "rule", "analyst override"


@dataclass(frozen=True)
class Override:
    """An analyst's answer, replacing the rule's: who, when and why are kept with it."""

    actor: str
    analyst: str
    why: str
    at: str
    phrase: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"actor": self.actor, "phrase": self.phrase, "analyst": self.analyst, "why": self.why, "at": self.at}


@dataclass(frozen=True)
class GradedStatement:
    number: int  # 1-based row number in the ledger
    attribution: Attribution  # with reliability and credibility filled in
    reliability_basis: str  # which default rule or user override gave the reliability
    evidence: str | None  # the sentence the statement rests on

    def to_dict(self) -> dict[str, Any]:
        a = self.attribution
        return {
            "number": self.number, **a.to_dict(),
            "reliability_label": RELIABILITY_LABELS.get(a.reliability or ""),
            "reliability_basis": self.reliability_basis,
            "credibility_label": CREDIBILITY_LABELS.get(a.credibility or 0),
            "grade": f"{a.reliability or '?'}{a.credibility or '?'}",
            "evidence": self.evidence,
        }


@dataclass(frozen=True)
class Assessment:
    actor: str | None
    phrase: str | None
    probability: float | None
    basis: str  # RULE or OVERRIDE
    override: Override | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"actor": self.actor, "phrase": self.phrase,
                "probability": None if self.probability is None else round(self.probability, 3),
                "basis": self.basis, "override": self.override.to_dict() if self.override else None}


@dataclass(frozen=True)
class Ledger:
    event_id: str
    statements: tuple[GradedStatement, ...]
    estimates: tuple[Estimate, ...]
    someone_else: float  # probability that an actor nobody named did it
    rule_answer: Assessment  # what the rule says, even when an analyst overrode it
    answer: Assessment  # the answer to publish: the override if any, else the rule's
    matrix: AchMatrix

    def to_dict(self) -> dict[str, Any]:
        numbers = {id(s.attribution): s.number for s in self.statements}
        matrix = self.matrix.to_dict()
        for row, source in zip(matrix["rows"], self.matrix.rows):
            row["statement"] = numbers[id(source.statement)]
        return {
            "event_id": self.event_id,
            "answer": self.answer.to_dict(),
            "rule_answer": self.rule_answer.to_dict(),
            "estimates": [e.to_dict() for e in self.estimates],
            "someone_else": round(self.someone_else, 3),
            "statements": [s.to_dict() for s in self.statements],
            "matrix": matrix,
        }


def grade(statements: Sequence[Attribution], grades: SourceGrades) -> list[tuple[Attribution, str]]:
    """Fill in reliability (a user override beats a recorded grade, which beats the defaults) and
    credibility (always judged afresh against the other statements)."""
    out = []
    for st in statements:
        reliability, basis = grades.reliability(st)
        if st.reliability and basis != USER_GRADE:
            reliability, basis = st.reliability, "recorded"
        out.append((replace(st, reliability=reliability, credibility=credibility(st, statements)), basis))
    return out


def build_ledger(event_id: str, statements: Sequence[tuple[Attribution, str | None]], grades: SourceGrades,
                 rule: EstimativeRule, override: Override | None = None) -> Ledger:
    """The ledger of one event from its statements, each with the sentence it rests on."""
    graded = grade([s for s, _ in statements], grades)
    rows = tuple(GradedStatement(i + 1, g, basis, evidence)
                 for i, ((g, basis), (_, evidence)) in enumerate(zip(graded, statements)))
    attributions = [row.attribution for row in rows]
    estimates, someone_else = estimate(attributions, rule)
    rule_answer = _rule_answer(estimates)
    answer = _override_answer(override, estimates, rule) if override else rule_answer
    matrix = build_matrix(attributions, rule.quality)
    return Ledger(event_id, rows, tuple(estimates), someone_else, rule_answer, answer, matrix)


def _rule_answer(estimates: Sequence[Estimate]) -> Assessment:
    best = best_answer(estimates)
    if best is None:
        return Assessment(None, None, None, RULE)
    return Assessment(best.actor, best.phrase, best.probability, RULE)


def _override_answer(override: Override, estimates: Sequence[Estimate], rule: EstimativeRule) -> Assessment:
    """The analyst's actor; their phrase if they gave one, else what the rule gives that actor."""
    known = next((e for e in estimates if e.actor == override.actor), None)
    phrase = override.phrase or (known.phrase if known else None)
    return Assessment(override.actor, phrase, None, OVERRIDE, override)


def publishable_attributions(statements: Sequence[Attribution], grades: SourceGrades) -> list[Attribution]:
    """The event's own attribution list with grades filled in (for events, show and exports)."""
    return [g for g, _ in grade(statements, grades)]
