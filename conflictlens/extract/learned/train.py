"""Training a typing model or a relevance gate with scikit-learn, saved as data (JSON), never as a pickle.

TF-IDF over `features.text_features`, sentence embeddings (`embeddings.py`) or both side by side
(`--features`), and one multinomial logistic regression per head. How the
learned label is combined with the rules' is picked by measurement: k-fold cross-validation over
the training rows gives each row a prediction from a model that never saw it, and the threshold t
that does best on those rows is kept in the file. Typing: "the learned label when its probability
>= t, else the rules'" (most rows typed right). Relevance: "drop the rules' political-violence
events when the probability of no act >= t" (best F1 of "tells an act"). scikit-learn is imported
here only, when a model is trained.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from conflictlens.errors import ConflictLensError
from conflictlens.extract.learned import embeddings
from conflictlens.extract.learned.features import FEATURES_VERSION, text_features
from conflictlens.extract.learned.model import (
    ACT, EMBEDDINGS, EMBEDDINGS_FORMAT_VERSION, FEATURE_KINDS, FORMAT_VERSION, NO_ACT, RELEVANCE, RELEVANCE_HEAD,
    TFIDF, TYPING, allowed_labels,
)

FOLDS = 5
MIN_ROWS = 10
MAX_FEATURES = 30_000
C_VALUE = 10.0  # inverse L2 strength; TF-IDF rows are unit length, so weights need room
# Candidate thresholds; 1.01 means "never the learned label" (the rules alone).
THRESHOLDS = tuple(round(i / 20, 2) for i in range(21)) + (1.01,)
SEED = 0


@dataclass(frozen=True)
class TrainingRow:
    text: str
    labels: dict[str, str]  # head field -> gold label
    rules: dict[str, str | None] = field(default_factory=dict)  # head field -> the rules' label (None: no event)


@dataclass(frozen=True)
class RelevanceRow:
    text: str
    relevant: bool  # gold: the report tells a new act of political violence
    rules_act: bool  # the rules (extract without a gate) gave it a political-violence event


@dataclass(frozen=True)
class TrainingTexts:
    """The training texts and what a model reads of them: TF-IDF is fitted on the rows a model is
    trained on (inside each fold too); embeddings depend on no other row, so they are encoded once."""

    kind: str  # one of FEATURE_KINDS
    texts: list[str]
    dense: object = None  # the texts' embeddings (numpy rows), where the kind uses them

    @classmethod
    def of(cls, kind: str, texts: list[str]) -> "TrainingTexts":
        check_features(kind)
        return cls(kind, texts, embeddings.embed_matrix(texts) if kind != TFIDF else None)

    def subset(self, rows: list[int]) -> "TrainingTexts":
        return TrainingTexts(self.kind, [self.texts[i] for i in rows], None if self.dense is None else self.dense[rows])

    def fit(self, sklearn, rows: list[int]) -> tuple[object, object]:
        """A TF-IDF vectoriser fitted on `rows` (None for embeddings alone) and those rows' matrix."""
        vectoriser = make_vectoriser(sklearn, len(rows)) if self.kind != EMBEDDINGS else None
        sparse = vectoriser.fit_transform([self.texts[i] for i in rows]) if vectoriser is not None else None
        return vectoriser, self._joined(sparse, rows)

    def transform(self, vectoriser, rows: list[int]):
        sparse = vectoriser.transform([self.texts[i] for i in rows]) if vectoriser is not None else None
        return self._joined(sparse, rows)

    def _joined(self, sparse, rows: list[int]):
        """TF-IDF columns first, then the embedding's: the order `LinearModel.vectors` reads them in."""
        if self.dense is None:
            return sparse
        if sparse is None:
            return self.dense[rows]
        import scipy.sparse

        return scipy.sparse.hstack([sparse, scipy.sparse.csr_matrix(self.dense[rows])]).tocsr()


def check_features(kind: str) -> None:
    """A coded error for an unknown feature kind, or for embeddings without their extra."""
    if kind not in FEATURE_KINDS:
        raise ConflictLensError("CL-E779", f"unknown features {kind!r}; use one of {', '.join(FEATURE_KINDS)}",
                                "--features")
    if kind != TFIDF:
        embeddings.require("--features " + kind)


@dataclass(frozen=True)
class CrossValidated:
    """Out-of-fold predictions of one head: what the model says of rows it never saw."""

    labels: list[str]
    probabilities: list[float]


def train_typing_model(rows: list[TrainingRow], heads: tuple[str, ...], training: dict,
                       folds: int = FOLDS, features: str = TFIDF) -> dict:
    """The JSON-ready model: shared features (`features`: one of FEATURE_KINDS), and per head the
    final fit on every row plus the threshold and scores measured by `folds`-fold cross-validation."""
    _check_rows(rows, heads)
    sklearn = _sklearn()
    texts = TrainingTexts.of(features, [r.text for r in rows])
    model, matrix = _model_with_features(sklearn, TYPING.format, texts, training, folds)
    for head in heads:
        labelled = [i for i, r in enumerate(rows) if r.labels.get(head)]
        gold = [rows[i].labels[head] for i in labelled]
        rules = [rows[i].rules.get(head) for i in labelled]
        predicted = cross_validate(sklearn, texts.subset(labelled), gold, folds)
        threshold, scores = pick_threshold(gold, rules, predicted)
        classifier = make_classifier(sklearn).fit(matrix[labelled], gold)
        model["heads"][head] = {**export_head(classifier), "threshold": threshold, "cv": scores}
    return model


def train_relevance_model(rows: list[RelevanceRow], training: dict, folds: int = FOLDS,
                          features: str = TFIDF) -> dict:
    """The JSON-ready relevance gate: shared features (`features`: one of FEATURE_KINDS), the final
    fit on every row, and the threshold and scores measured by `folds`-fold cross-validation."""
    _check_relevance_rows(rows)
    sklearn = _sklearn()
    texts = TrainingTexts.of(features, [r.text for r in rows])
    gold = [ACT if r.relevant else NO_ACT for r in rows]
    model, matrix = _model_with_features(sklearn, RELEVANCE.format, texts, training, folds)
    predicted = cross_validate(sklearn, texts, gold, folds)
    no_act = [p if label == NO_ACT else 1.0 - p for label, p in zip(predicted.labels, predicted.probabilities)]
    threshold, scores = pick_gate_threshold([r.relevant for r in rows], [r.rules_act for r in rows], no_act)
    classifier = make_classifier(sklearn).fit(matrix, gold)
    model["heads"][RELEVANCE_HEAD] = {**export_head(classifier), "threshold": threshold, "cv": scores}
    return model


def _model_with_features(sklearn, fmt: str, texts: TrainingTexts, training: dict, folds: int) -> tuple[dict, object]:
    """The model's header and features (a TF-IDF vectoriser fitted on every text, the encoder named),
    and the texts' matrix."""
    vectoriser, matrix = texts.fit(sklearn, list(range(len(texts.texts))))
    vocabulary = sorted(vectoriser.vocabulary_, key=vectoriser.vocabulary_.get) if vectoriser is not None else []
    features = {"version": FEATURES_VERSION, "kind": texts.kind, "vocabulary": vocabulary,
                "idf": [float(v) for v in vectoriser.idf_] if vectoriser is not None else []}
    if texts.kind != TFIDF:
        features["encoder"] = dict(embeddings.ENCODER)
    version = FORMAT_VERSION if texts.kind == TFIDF else EMBEDDINGS_FORMAT_VERSION
    model = {"format": fmt, "format_version": version, "features": features,
             "heads": {}, "training": {**training, "rows": len(texts.texts), "folds": folds,
                                       "trained_on": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                                       "scikit_learn": sklearn.__version__}}
    return model, matrix


def _check_relevance_rows(rows: list[RelevanceRow]) -> None:
    if len(rows) < MIN_ROWS:
        raise ConflictLensError("CL-E774", f"{len(rows)} training rows; a relevance gate needs at least {MIN_ROWS} "
                                "labelled reports", "training data")
    if len({r.relevant for r in rows}) < 2:
        raise ConflictLensError("CL-E774", "a relevance gate needs reports of both kinds: some that tell an act "
                                "of political violence and some that do not", "training data")


def _check_rows(rows: list[TrainingRow], heads: tuple[str, ...]) -> None:
    if len(rows) < MIN_ROWS:
        raise ConflictLensError("CL-E774", f"{len(rows)} training rows; a typing model needs at least {MIN_ROWS} "
                                "rows with text and labels", "training data")
    for head in heads:
        labels = Counter(r.labels[head] for r in rows if r.labels.get(head))
        unknown = sorted(set(labels) - set(allowed_labels(head)))
        if unknown:
            raise ConflictLensError("CL-E774", f"{head} labels not in the vocabulary: {', '.join(unknown[:5])}; "
                                    "is this the right --format?", "training data")
        if len(labels) < 2:
            raise ConflictLensError("CL-E774", f"{head} needs rows of at least two different labels", "training data")


def _sklearn():
    try:
        import sklearn
        import sklearn.feature_extraction.text  # noqa: F401
        import sklearn.linear_model  # noqa: F401
        import sklearn.model_selection  # noqa: F401
    except ImportError:
        raise ConflictLensError("CL-E775", "training needs scikit-learn: `pip install 'conflictlens[learn]'`",
                                "scikit-learn") from None
    return sklearn


def make_vectoriser(sklearn, rows: int):
    # A feature seen in one training text only is noise unless the set is tiny.
    return sklearn.feature_extraction.text.TfidfVectorizer(
        analyzer=text_features, sublinear_tf=True, norm="l2", smooth_idf=True,
        min_df=2 if rows >= 50 else 1, max_features=MAX_FEATURES)


def make_classifier(sklearn):
    return sklearn.linear_model.LogisticRegression(C=C_VALUE, max_iter=3000)


def cross_validate(sklearn, texts: TrainingTexts, gold: list[str], folds: int) -> CrossValidated:
    """Out-of-fold label and probability for every row; the vectoriser is fitted inside each fold
    too, so no fold sees the vocabulary of the rows it is scored on."""
    labels, probs = [""] * len(gold), [0.0] * len(gold)
    splitter = sklearn.model_selection.KFold(n_splits=min(folds, len(gold)), shuffle=True, random_state=SEED)
    for train, test in splitter.split(gold):
        seen = sorted({gold[i] for i in train})
        if len(seen) < 2:  # a fold with one label only predicts it
            for i in test:
                labels[i], probs[i] = seen[0], 1.0
            continue
        vectoriser, matrix = texts.fit(sklearn, list(train))
        classifier = make_classifier(sklearn).fit(matrix, [gold[i] for i in train])
        table = classifier.predict_proba(texts.transform(vectoriser, list(test)))
        for i, row in zip(test, table):
            best = int(row.argmax())
            labels[i], probs[i] = str(classifier.classes_[best]), float(row[best])
    return CrossValidated(labels, probs)


def pick_threshold(gold: list[str], rules: list[str | None], predicted: CrossValidated) -> tuple[float, dict]:
    """The threshold whose combination types the out-of-fold rows best (ties: the higher, closer
    to the rules). Rows the rules give no typing (no event) keep none: the model never adds an event."""
    def combined(t: float) -> int:
        return sum(g == (p if r is not None and q >= t else r)
                   for g, r, p, q in zip(gold, rules, predicted.labels, predicted.probabilities))
    best = max(THRESHOLDS, key=lambda t: (combined(t), t))
    n = len(gold)
    scores = {"rows": n, "rules": round(sum(g == r for g, r in zip(gold, rules)) / n, 4),
              "learned": round(sum(g == p for g, p in zip(gold, predicted.labels)) / n, 4),
              "combined": round(combined(best) / n, 4)}
    return best, scores


def export_head(classifier) -> dict:
    """Classes, coefficients and intercepts as plain lists; a two-class fit becomes two rows
    (0 and w), which softmax turns back into its sigmoid."""
    classes = [str(c) for c in classifier.classes_]
    coef = [[float(v) for v in row] for row in classifier.coef_]
    intercept = [float(v) for v in classifier.intercept_]
    if len(classes) == 2 and len(coef) == 1:
        coef, intercept = [[0.0] * len(coef[0]), coef[0]], [0.0, intercept[0]]
    return {"classes": classes, "coef": coef, "intercept": intercept}


def pick_gate_threshold(relevant: list[bool], rules_act: list[bool], no_act: list[float]) -> tuple[float, dict]:
    """The threshold t whose gate ("keep the rules' act unless the probability of no act >= t")
    gives the best F1 of "tells an act" on the out-of-fold rows (ties: the higher t, closer to the
    rules). F1 rather than false alarms alone: dropping real attacks is as wrong as keeping non-events."""
    def kept(t: float) -> list[bool]:
        return [r and p < t for r, p in zip(rules_act, no_act)]
    best = max(THRESHOLDS, key=lambda t: (detection_scores(relevant, kept(t))["f1"], t))
    scores = {"rows": len(relevant), "relevant": sum(relevant),
              "rules": detection_scores(relevant, rules_act),
              "learned": detection_scores(relevant, [p < 0.5 for p in no_act]),
              "combined": detection_scores(relevant, kept(best))}
    return best, scores


def detection_scores(gold: list[bool], found: list[bool]) -> dict:
    """Precision, recall and F1 of finding the reports that tell an act, and the false-alarm rate
    (the share of the other reports that gave one)."""
    hits = sum(g and f for g, f in zip(gold, found))
    alarms = sum(f and not g for g, f in zip(gold, found))
    precision = hits / sum(found) if any(found) else 0.0
    recall = hits / sum(gold) if any(gold) else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    negatives = len(gold) - sum(gold)
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "false_alarms": round(alarms / negatives, 4) if negatives else 0.0}
