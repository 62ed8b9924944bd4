"""Clustering accuracy against a labelled set: pairwise precision/recall/F1 and B-cubed.

Both take two mappings item -> cluster label (predicted and gold) over the same items.
- Pairwise: a predicted pair (two items in one predicted cluster) is right when the gold puts them
  together too. Precision = right pairs / predicted pairs; recall = right pairs / gold pairs.
  Counted from cluster-intersection sizes, never by listing pairs.
- B-cubed (Bagga and Baldwin 1998): for each item, precision is the share of its predicted
  cluster that shares its gold cluster, recall the share of its gold cluster found in its
  predicted cluster; both averaged over items. F1 is their harmonic mean.
With no pair on one side, pairwise precision or recall is 1.0 (nothing claimed, nothing missed).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Hashable, Mapping


@dataclass(frozen=True)
class Scores:
    items: int
    gold_pairs: int
    predicted_pairs: int
    correct_pairs: int
    pair_precision: float
    pair_recall: float
    pair_f1: float
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float

    def to_dict(self) -> dict[str, float | int]:
        return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in self.__dict__.items()}


def score(predicted: Mapping[Hashable, Hashable], gold: Mapping[Hashable, Hashable]) -> Scores:
    if set(predicted) != set(gold):
        missing = set(gold) ^ set(predicted)
        raise ValueError(f"predicted and gold label different items, e.g. {sorted(map(str, missing))[:3]}")
    joint = Counter((predicted[i], gold[i]) for i in gold)
    pred_sizes = Counter(predicted.values())
    gold_sizes = Counter(gold.values())
    correct = sum(_pairs(n) for n in joint.values())
    predicted_pairs = sum(_pairs(n) for n in pred_sizes.values())
    gold_pairs = sum(_pairs(n) for n in gold_sizes.values())
    precision = correct / predicted_pairs if predicted_pairs else 1.0
    recall = correct / gold_pairs if gold_pairs else 1.0
    items = len(gold)
    # Each item in cell (p, g) of size n contributes n/|p| to precision and n/|g| to recall.
    b_precision = sum(n * n / pred_sizes[p] for (p, _), n in joint.items()) / items if items else 1.0
    b_recall = sum(n * n / gold_sizes[g] for (_, g), n in joint.items()) / items if items else 1.0
    return Scores(items, gold_pairs, predicted_pairs, correct, precision, recall, _f1(precision, recall),
                  b_precision, b_recall, _f1(b_precision, b_recall))


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0
