"""A typing model read from its JSON file and applied in pure Python (no scikit-learn, no pickle).

The file holds data only (see `train.py` for how it is made): the feature vocabulary and idf
weights of a TF-IDF vectoriser, and per head (attack_type, target_type, sub_event_type) the
classes, coefficients and intercepts of a logistic regression, and the probability threshold
above which the learned label replaces the rules' label. Anything missing, of the wrong shape or
of another format version is a coded error (CL-E770..CL-E773), never a traceback.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from operator import itemgetter, mul
from pathlib import Path

from conflictlens.errors import ConflictLensError
from conflictlens.extract.learned.features import FEATURES_VERSION, text_features
from conflictlens.model.vocab import vocabularies

FORMAT = "conflictlens-typing-model"
FORMAT_VERSION = 1
# The event fields a head may type, and the vocabulary its classes must come from.
HEAD_FIELDS = ("attack_type", "target_type", "sub_event_type")


def allowed_labels(field: str) -> tuple[str, ...]:
    vocab = vocabularies()
    return {"attack_type": vocab.attack_types, "target_type": vocab.target_types,
            "sub_event_type": vocab.sub_event_types}[field]


@dataclass(frozen=True)
class Head:
    """One field's classifier: one row of weights per class (by feature index), and its threshold."""

    classes: tuple[str, ...]
    weights: tuple[tuple[float, ...], ...]  # [class][feature]
    intercept: tuple[float, ...]
    threshold: float  # the learned label is used when its probability is at least this

    def probabilities(self, vector: dict[int, float]) -> list[float]:
        """Softmax of the linear scores. The weights of the text's features are picked and summed
        by itemgetter, map and sum, which run in C: a text is typed in a fraction of a millisecond."""
        scores = list(self.intercept)
        if vector:
            pick = itemgetter(*vector) if len(vector) > 1 else (lambda row, i=next(iter(vector)): (row[i],))
            values = tuple(vector.values())
            scores = [b + sum(map(mul, pick(row), values)) for b, row in zip(scores, self.weights)]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return [e / total for e in exps]


@dataclass(frozen=True)
class TypingModel:
    vocabulary: dict[str, int]
    idf: tuple[float, ...]
    heads: dict[str, Head]
    source: str  # the file it was read from, for messages and provenance

    def vector(self, text: str) -> dict[int, float]:
        """The text's TF-IDF vector (sublinear term frequency, l2 norm), as training made it."""
        counts = Counter(self.vocabulary[f] for f in text_features(text) if f in self.vocabulary)
        raw = {i: (1.0 + math.log(n)) * self.idf[i] for i, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in raw.values()))
        return {i: v / norm for i, v in raw.items()} if norm else {}

    def predict(self, field: str, text: str | dict[int, float]) -> tuple[str, float] | None:
        """The head's most probable label for a text (or its `vector`) and its probability (None
        without that head)."""
        head = self.heads.get(field)
        if head is None:
            return None
        probs = head.probabilities(self.vector(text) if isinstance(text, str) else text)
        best = max(range(len(probs)), key=probs.__getitem__)
        return head.classes[best], probs[best]

    def choose(self, field: str, rule_label: str | None, text: str | dict[int, float]) -> tuple[str | None, float | None]:
        """The label to keep: the learned one when it is confident enough (threshold picked by
        cross-validation), else the rules'. Returns (label, probability when learned else None).
        Where the rules made no typing (None) the model adds none."""
        predicted = self.predict(field, text) if rule_label is not None else None
        if predicted is None or predicted[1] < self.heads[field].threshold:
            return rule_label, None
        return predicted


def load_typing_model(path: str | Path) -> TypingModel:
    """Read and check a typing model file; every fault is a coded error naming the file."""
    source = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConflictLensError("CL-E770", f"cannot read the typing model ({exc.__class__.__name__}); check the "
                                "path, or train one with `conflictlens train typing`", source) from None
    try:
        raw = json.loads(text)
    except (ValueError, RecursionError):
        raise ConflictLensError("CL-E771", "not valid JSON (a truncated copy?); copy the file again or retrain "
                                "it with `conflictlens train typing`", source) from None
    return parse_typing_model(raw, source)


def parse_typing_model(raw: object, source: str) -> TypingModel:
    _check_header(raw, source)
    features = _field(raw, "features", dict, source)
    vocabulary = _field(features, "vocabulary", list, source)
    idf = _numbers(_field(features, "idf", list, source), len(vocabulary), "features.idf", source)
    if not all(isinstance(f, str) for f in vocabulary) or len(set(vocabulary)) != len(vocabulary):
        raise _damaged("features.vocabulary must be distinct strings", source)
    heads_raw = _field(raw, "heads", dict, source)
    if not heads_raw or not set(heads_raw) <= set(HEAD_FIELDS):
        raise _damaged(f"heads must be some of {', '.join(HEAD_FIELDS)}", source)
    heads = {name: _head(name, value, len(vocabulary), source) for name, value in heads_raw.items()}
    return TypingModel({f: i for i, f in enumerate(vocabulary)}, idf, heads, source)


def _check_header(raw: object, source: str) -> None:
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise _damaged(f"this is not a conflictlens typing model (no \"format\": \"{FORMAT}\")", source)
    version = raw.get("format_version")
    features = raw.get("features")
    features_version = features.get("version") if isinstance(features, dict) else None
    if version != FORMAT_VERSION or features_version != FEATURES_VERSION:
        raise ConflictLensError("CL-E772", f"format version {version!r} (features {features_version!r}); this "
                                f"program reads version {FORMAT_VERSION} (features {FEATURES_VERSION}): retrain "
                                "the model with this version's `conflictlens train typing`", source)


def _head(name: str, raw: object, width: int, source: str) -> Head:
    where = f"heads.{name}"
    if not isinstance(raw, dict):
        raise _damaged(f"{where} must be an object", source)
    classes = _field(raw, "classes", list, source)
    allowed = allowed_labels(name)
    if len(classes) < 2 or any(c not in allowed for c in classes) or len(set(classes)) != len(classes):
        raise _damaged(f"{where}.classes must be two or more distinct {name} values", source)
    coef = _field(raw, "coef", list, source)
    if len(coef) != len(classes):
        raise _damaged(f"{where}.coef needs one row per class", source)
    rows = [_numbers(row, width, f"{where}.coef", source) for row in coef]
    intercept = _numbers(_field(raw, "intercept", list, source), len(classes), f"{where}.intercept", source)
    threshold = raw.get("threshold")
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or not 0 <= threshold <= 1.01:
        raise _damaged(f"{where}.threshold must be a number from 0 to 1.01", source)
    return Head(tuple(classes), tuple(rows), intercept, float(threshold))


def _field(raw: dict, name: str, kind: type, source: str):
    value = raw.get(name)
    if not isinstance(value, kind):
        raise _damaged(f"field {name!r} is missing or not a {kind.__name__}", source)
    return value


def _numbers(values: object, length: int, where: str, source: str) -> tuple[float, ...]:
    if not isinstance(values, list) or len(values) != length:
        raise _damaged(f"{where} must hold {length} numbers", source)
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in values):
        raise _damaged(f"{where} must hold finite numbers only", source)
    return tuple(float(v) for v in values)


def _damaged(detail: str, source: str) -> ConflictLensError:
    return ConflictLensError("CL-E773", f"damaged typing model: {detail}; retrain it with "
                             "`conflictlens train typing`", source)
