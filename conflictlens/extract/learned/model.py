"""A learned model read from its JSON file and applied in pure Python (no scikit-learn, no pickle).

Two kinds share one file layout (see `train.py` for how it is made): the feature vocabulary and idf
weights of a TF-IDF vectoriser, and per head the classes, coefficients and intercepts of a logistic
regression and a probability threshold picked by cross-validation. The features are TF-IDF,
sentence embeddings (`embeddings.py`, the `embeddings` extra) or both side by side, as the file's
`features.kind` says; a typing model's heads
(attack_type, target_type, sub_event_type) replace the rules' label above their threshold; a
relevance gate's one head (relevance: act / no_act) drops the rules' political-violence events
above its threshold (`relevance.py`). Anything missing, of the wrong shape, of another format
version or of the other kind is a coded error (CL-E770..CL-E773, CL-E242), never a traceback.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from operator import itemgetter, mul
from pathlib import Path

from conflictlens.errors import ConflictLensError
from conflictlens.extract.learned import embeddings
from conflictlens.extract.learned.features import FEATURES_VERSION, text_features
from conflictlens.model.vocab import vocabularies

FORMAT_VERSION = 1  # TF-IDF models: the files of earlier versions read as before
EMBEDDINGS_FORMAT_VERSION = 2  # models that need the encoder: a reader older than them refuses them by version
TFIDF, EMBEDDINGS, BOTH = "tfidf", "embeddings", "both"
FEATURE_KINDS = (TFIDF, EMBEDDINGS, BOTH)  # what a model reads of a text (`train ... --features`)
# The event fields a head may type, and the vocabulary its classes must come from.
HEAD_FIELDS = ("attack_type", "target_type", "sub_event_type")
RELEVANCE_HEAD = "relevance"
ACT, NO_ACT = "act", "no_act"  # the relevance head's classes: the report tells a new act of violence or not


@dataclass(frozen=True)
class ModelKind:
    """What a model file is for: its format name, its heads, and how a user trains and passes it."""

    name: str
    format: str
    heads: tuple[str, ...]
    command: str
    option: str


TYPING = ModelKind("typing model", "conflictlens-typing-model", HEAD_FIELDS, "conflictlens train typing",
                   "--typing-model")
RELEVANCE = ModelKind("relevance gate", "conflictlens-relevance-model", (RELEVANCE_HEAD,),
                      "conflictlens train relevance", "--relevance-model")
MODEL_KINDS = (TYPING, RELEVANCE)


def allowed_labels(field: str) -> tuple[str, ...]:
    if field == RELEVANCE_HEAD:
        return (ACT, NO_ACT)
    vocab = vocabularies()
    return {"attack_type": vocab.attack_types, "target_type": vocab.target_types,
            "sub_event_type": vocab.sub_event_types}[field]


@dataclass(frozen=True)
class Head:
    """One field's classifier: one row of weights per class (by feature index), and its threshold."""

    classes: tuple[str, ...]
    weights: tuple[tuple[float, ...], ...]  # [class][feature]
    intercept: tuple[float, ...]
    # typing: the learned label is used when its probability is at least this; relevance: the rules'
    # political-violence events are dropped when the probability of no_act is at least this
    threshold: float

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
class LinearModel:
    vocabulary: dict[str, int]
    idf: tuple[float, ...]
    heads: dict[str, Head]
    source: str  # the file it was read from, for messages and provenance
    features: str = TFIDF  # one of FEATURE_KINDS

    @property
    def uses_embeddings(self) -> bool:
        return self.features != TFIDF

    @property
    def never_chooses(self) -> bool:
        """Whether no head can ever override the rules (cross-validation set every threshold above any
        probability, 1.01): then no text need be read into features (an encoder costs ~0.5 s a text)."""
        return all(head.threshold > 1 for head in self.heads.values())

    def vector(self, text: str) -> dict[int, float]:
        """The text's features by index, as training made them (see `vectors`)."""
        return self.vectors([text])[0]

    def vectors(self, texts: list[str]) -> list[dict[int, float]]:
        """Each text's features: its TF-IDF vector, then (with embeddings) its sentence embedding at
        the indices after the vocabulary's; the texts are encoded in batches."""
        sparse = [self._tfidf(t) for t in texts] if self.features != EMBEDDINGS else [{} for _ in texts]
        if not self.uses_embeddings:
            return sparse
        offset = len(self.vocabulary)
        return [{**v, **{offset + j: x for j, x in enumerate(e)}} for v, e in zip(sparse, embeddings.embed(texts))]

    def _tfidf(self, text: str) -> dict[int, float]:
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


def load_typing_model(path: str | Path) -> LinearModel:
    """Read and check a typing model file; every fault is a coded error naming the file."""
    return load_model(path, TYPING)


def parse_typing_model(raw: object, source: str) -> LinearModel:
    return parse_model(raw, source, TYPING)


def load_model(path: str | Path, kind: ModelKind) -> LinearModel:
    """Read and check a model file of `kind`; every fault is a coded error naming the file."""
    source = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConflictLensError("CL-E770", f"cannot read the {kind.name} ({exc.__class__.__name__}); check the "
                                f"path, or train one with `{kind.command}`", source) from None
    try:
        raw = json.loads(text)
    except (ValueError, RecursionError):
        raise ConflictLensError("CL-E771", "not valid JSON (a truncated copy?); copy the file again or retrain "
                                f"it with `{kind.command}`", source) from None
    return parse_model(raw, source, kind)


def parse_model(raw: object, source: str, kind: ModelKind) -> LinearModel:
    _check_header(raw, source, kind)
    features = _field(raw, "features", dict, source, kind)
    vocabulary = _field(features, "vocabulary", list, source, kind)
    idf = _numbers(_field(features, "idf", list, source, kind), len(vocabulary), "features.idf", source, kind)
    if not all(isinstance(f, str) for f in vocabulary) or len(set(vocabulary)) != len(vocabulary):
        raise _damaged("features.vocabulary must be distinct strings", source, kind)
    feature_kind = _feature_kind(raw, features, source, kind)
    width = len(vocabulary) + (embeddings.DIMENSIONS if feature_kind != TFIDF else 0)
    heads_raw = _field(raw, "heads", dict, source, kind)
    if not heads_raw or not set(heads_raw) <= set(kind.heads):
        raise _damaged(f"heads must be some of {', '.join(kind.heads)}", source, kind)
    heads = {name: _head(name, value, width, source, kind) for name, value in heads_raw.items()}
    if feature_kind != TFIDF:
        embeddings.require(source)  # checked on loading, before any text: the encoder itself loads later
    return LinearModel({f: i for i, f in enumerate(vocabulary)}, idf, heads, source, feature_kind)


def _feature_kind(raw: dict, features: dict, source: str, kind: ModelKind) -> str:
    """What the model reads of a text; a file without `kind` is a TF-IDF model of an earlier version."""
    found = features.get("kind", TFIDF)
    version = raw.get("format_version")
    if found not in FEATURE_KINDS or (found == TFIDF) != (version == FORMAT_VERSION):
        raise _damaged(f"features.kind must be one of {', '.join(FEATURE_KINDS)}, and tfidf exactly in format "
                       f"version {FORMAT_VERSION}", source, kind)
    if found != TFIDF and features.get("encoder") != embeddings.ENCODER:
        raise _damaged(f"features.encoder must be {embeddings.ENCODER}", source, kind)
    return found


def _check_header(raw: object, source: str, kind: ModelKind) -> None:
    found = raw.get("format") if isinstance(raw, dict) else None
    other = next((k for k in MODEL_KINDS if k.format == found and k != kind), None)
    if other is not None:
        raise ConflictLensError("CL-E242", f"this file is a {other.name}, not a {kind.name}: pass it with "
                                f"{other.option}, or train a {kind.name} with `{kind.command}`", source)
    if found != kind.format:
        raise _damaged(f"this is not a conflictlens {kind.name} (no \"format\": \"{kind.format}\")", source, kind)
    version = raw.get("format_version")
    features = raw.get("features")
    features_version = features.get("version") if isinstance(features, dict) else None
    if version not in (FORMAT_VERSION, EMBEDDINGS_FORMAT_VERSION) or features_version != FEATURES_VERSION:
        raise ConflictLensError("CL-E772", f"format version {version!r} (features {features_version!r}); this "
                                f"program reads versions {FORMAT_VERSION} and {EMBEDDINGS_FORMAT_VERSION} (features "
                                f"{FEATURES_VERSION}): retrain "
                                f"the model with this version's `{kind.command}`", source)


def _head(name: str, raw: object, width: int, source: str, kind: ModelKind) -> Head:
    where = f"heads.{name}"
    if not isinstance(raw, dict):
        raise _damaged(f"{where} must be an object", source, kind)
    classes = _field(raw, "classes", list, source, kind)
    allowed = allowed_labels(name)
    if len(classes) < 2 or any(c not in allowed for c in classes) or len(set(classes)) != len(classes):
        raise _damaged(f"{where}.classes must be two or more distinct {name} values", source, kind)
    coef = _field(raw, "coef", list, source, kind)
    if len(coef) != len(classes):
        raise _damaged(f"{where}.coef needs one row per class", source, kind)
    rows = [_numbers(row, width, f"{where}.coef", source, kind) for row in coef]
    intercept = _numbers(_field(raw, "intercept", list, source, kind), len(classes), f"{where}.intercept",
                         source, kind)
    threshold = raw.get("threshold")
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or not 0 <= threshold <= 1.01:
        raise _damaged(f"{where}.threshold must be a number from 0 to 1.01", source, kind)
    return Head(tuple(classes), tuple(rows), intercept, float(threshold))


def _field(raw: dict, name: str, wanted: type, source: str, kind: ModelKind):
    value = raw.get(name)
    if not isinstance(value, wanted):
        raise _damaged(f"field {name!r} is missing or not a {wanted.__name__}", source, kind)
    return value


def _numbers(values: object, length: int, where: str, source: str, kind: ModelKind) -> tuple[float, ...]:
    if not isinstance(values, list) or len(values) != length:
        raise _damaged(f"{where} must hold {length} numbers", source, kind)
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in values):
        raise _damaged(f"{where} must hold finite numbers only", source, kind)
    return tuple(float(v) for v in values)


def _damaged(detail: str, source: str, kind: ModelKind) -> ConflictLensError:
    return ConflictLensError("CL-E773", f"damaged {kind.name}: {detail}; retrain it with `{kind.command}`", source)
