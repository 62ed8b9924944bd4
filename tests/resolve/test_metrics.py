"""Pairwise and B-cubed scores on small hand-worked examples."""

from __future__ import annotations

import pytest

from conflictlens.evaluation.resolution_metrics import score


def test_perfect_clustering():
    gold = {"a": 1, "b": 1, "c": 2}
    s = score({"a": "x", "b": "x", "c": "y"}, gold)
    assert (s.pair_precision, s.pair_recall, s.bcubed_f1) == (1.0, 1.0, 1.0)


def test_hand_worked_example():
    # gold {a,b,c} {d}; predicted {a,b} {c,d}
    gold = {"a": 1, "b": 1, "c": 1, "d": 2}
    predicted = {"a": "x", "b": "x", "c": "y", "d": "y"}
    s = score(predicted, gold)
    assert (s.gold_pairs, s.predicted_pairs, s.correct_pairs) == (3, 2, 1)
    assert s.pair_precision == pytest.approx(0.5) and s.pair_recall == pytest.approx(1 / 3)
    # B3 precision: a 1, b 1, c 1/2, d 1/2 -> 0.75; recall: a 2/3, b 2/3, c 1/3, d 1 -> 2/3
    assert s.bcubed_precision == pytest.approx(0.75) and s.bcubed_recall == pytest.approx(2 / 3)
    assert s.bcubed_f1 == pytest.approx(2 * 0.75 * (2 / 3) / (0.75 + 2 / 3))


def test_all_singletons_claim_nothing():
    s = score({"a": 1, "b": 2}, {"a": 1, "b": 1})
    assert s.pair_precision == 1.0 and s.pair_recall == 0.0


def test_items_must_match():
    with pytest.raises(ValueError):
        score({"a": 1}, {"b": 1})
