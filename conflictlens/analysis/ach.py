"""Analysis of Competing Hypotheses (Heuer, Psychology of Intelligence Analysis, 1999, ch. 8).

Hypotheses are the candidate perpetrators, evidence the graded statements. Each cell says whether
the statement is consistent (C), inconsistent (I) or neutral (N) with "this actor did it":
- a claim or attribution naming X: C for X, I for every other candidate (it names someone else);
- a suspicion of X: C for X, N for the others (suspecting X rules nobody out);
- a denial by or for X: I for X, N for the others.
Heuer ranks hypotheses by the evidence against them, not for them: the inconsistency score of a
hypothesis is minus the sum, over its I cells, of the statement's weight (its grade quality, 0..1);
the least negative score is the hypothesis the evidence fails to refute.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

from conflictlens.model.records import Attribution

CONSISTENT, INCONSISTENT, NEUTRAL = "C", "I", "N"
CELL_NAMES = {CONSISTENT: "consistent", INCONSISTENT: "inconsistent", NEUTRAL: "neutral"}


@dataclass(frozen=True)
class AchRow:
    statement: Attribution
    weight: float
    cells: tuple[str, ...]  # one per hypothesis, in AchMatrix.hypotheses order


@dataclass(frozen=True)
class AchMatrix:
    hypotheses: tuple[str, ...]  # least inconsistent first
    rows: tuple[AchRow, ...]
    scores: dict[str, float]  # Heuer's weighted inconsistency score (<= 0)
    inconsistent_counts: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        return {
            "hypotheses": [
                {"actor": h, "inconsistency": self.scores[h], "inconsistent": self.inconsistent_counts[h]}
                for h in self.hypotheses
            ],
            "rows": [{"statement": r.statement.to_dict(), "weight": round(r.weight, 3),
                      "cells": {h: CELL_NAMES[c] for h, c in zip(self.hypotheses, r.cells)}} for r in self.rows],
        }


def cell(statement: Attribution, hypothesis: str) -> str:
    """Whether `statement` is consistent with "`hypothesis` did it" (rules in the module doc)."""
    if statement.actor == hypothesis:
        return INCONSISTENT if statement.stance == "denied" else CONSISTENT
    if statement.stance in ("claimed", "attributed"):
        return INCONSISTENT
    return NEUTRAL


def build_matrix(statements: Sequence[Attribution], weight: Callable[[Attribution], float]) -> AchMatrix:
    """The ACH matrix over every actor some statement names; `weight` gives each statement's weight."""
    candidates = list(dict.fromkeys(s.actor for s in statements if s.actor))
    rows = [(s, weight(s), tuple(cell(s, h) for h in candidates)) for s in statements if s.actor]
    scores = {h: 0.0 for h in candidates}
    counts = {h: 0 for h in candidates}
    for _statement, w, cells in rows:
        for h, c in zip(candidates, cells):
            if c == INCONSISTENT:
                scores[h] -= w
                counts[h] += 1
    order = sorted(candidates, key=lambda h: (-scores[h], counts[h], candidates.index(h)))
    position = [candidates.index(h) for h in order]
    return AchMatrix(
        hypotheses=tuple(order),
        rows=tuple(AchRow(s, w, tuple(cells[i] for i in position)) for s, w, cells in rows),
        scores={h: round(scores[h], 3) for h in order},
        inconsistent_counts={h: counts[h] for h in order},
    )
