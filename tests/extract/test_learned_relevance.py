"""The learned relevance gate: trained with scikit-learn on texts we wrote, saved as JSON data,
applied in pure Python, and only ever dropping the rules' political-violence events."""

from __future__ import annotations

import json

import pytest

from conflictlens.errors import ConflictLensError
from conflictlens.extract.learned import train
from conflictlens.extract.learned.model import load_model, load_typing_model, RELEVANCE, TYPING
from conflictlens.extract.learned.relevance import RelevanceGate, load_relevance_gate
from conflictlens.extract.learned.train import RelevanceRow, pick_gate_threshold, train_relevance_model
from conflictlens.model.records import Event
from tests.extract.relevance_texts import ACTS, NOT_ACTS

sklearn = pytest.importorskip("sklearn")

UNSEEN = ["A landmine killed a shepherd near Kandahar.", "Floods swept away houses in Swat after heavy rain."]


def rows(rules_act: bool = True) -> list[RelevanceRow]:
    return [RelevanceRow(t, True, True) for t in ACTS] + [RelevanceRow(t, False, rules_act) for t in NOT_ACTS]


@pytest.fixture(scope="module")
def trained() -> dict:
    return train_relevance_model(rows(), {"file": "written by hand", "format": "jsonl", "part": "all"})


def test_training_writes_a_gate_that_is_plain_json_and_loads(trained, tmp_path) -> None:
    path = tmp_path / "gate.json"
    path.write_text(json.dumps(trained), encoding="utf-8")
    gate = load_relevance_gate(path)
    info = trained["heads"]["relevance"]
    assert trained["format"] == RELEVANCE.format and trained["training"]["rows"] == 20
    assert set(info["classes"]) == {"act", "no_act"} and 0 <= info["threshold"] <= 1.01
    assert set(info["cv"]) == {"rows", "relevant", "rules", "learned", "combined"}
    # The rules find an act in every report here, so cross-validation lets the gate drop some.
    assert info["cv"]["rules"]["false_alarms"] == 1.0
    assert info["cv"]["combined"]["f1"] >= info["cv"]["rules"]["f1"]
    assert gate.threshold == info["threshold"]


def test_json_probabilities_equal_scikit_learns_own(trained) -> None:
    texts = ACTS + NOT_ACTS
    gold = ["act"] * len(ACTS) + ["no_act"] * len(NOT_ACTS)
    vectoriser = train.make_vectoriser(sklearn, len(texts))
    classifier = train.make_classifier(sklearn).fit(vectoriser.fit_transform(texts), gold)
    column = list(classifier.classes_).index("no_act")
    gate = RelevanceGate(load_model_from(trained))
    for text, probs in zip(UNSEEN + texts[:3], classifier.predict_proba(vectoriser.transform(UNSEEN + texts[:3]))):
        assert gate.no_act_probability(text) == pytest.approx(float(probs[column]), abs=1e-9)


def load_model_from(raw: dict):
    from conflictlens.extract.learned.model import parse_model
    return parse_model(json.loads(json.dumps(raw)), "gate.json", RELEVANCE)


def test_threshold_maximises_f1_of_acts_on_out_of_fold_rows() -> None:
    relevant = [True, True, True, False, False, False]
    rules_act = [True, True, True, True, True, False]
    no_act = [0.10, 0.20, 0.70, 0.80, 0.90, 0.95]
    threshold, scores = pick_gate_threshold(relevant, rules_act, no_act)
    assert threshold == 0.8  # drops both false alarms and keeps every act; ties go to the higher t
    assert scores["combined"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "false_alarms": 0.0}
    assert scores["rules"]["false_alarms"] == pytest.approx(0.6667) and scores["rules"]["recall"] == 1.0


def test_a_gate_no_better_than_the_rules_is_never_used() -> None:
    threshold, _scores = pick_gate_threshold([True, False], [True, False], [0.9, 0.1])
    assert threshold == 1.01


def crafted_gate(threshold: float = 0.9) -> dict:
    """"earthquake" means no act (p = 0.998); a report without it is even (p = 0.5)."""
    return {"format": RELEVANCE.format, "format_version": 1,
            "features": {"version": 1, "vocabulary": ["w:earthquake", "w:bomb"], "idf": [1.0, 1.0]},
            "heads": {"relevance": {"classes": ["act", "no_act"], "coef": [[0.0, 0.0], [6.0, 0.0]],
                                    "intercept": [0.0, 0.0], "threshold": threshold}}}


def event(event_type: str) -> Event:
    return Event(id=f"evt_{event_type[:4]}", document_id="doc_1", event_type=event_type)


def test_the_gate_drops_only_political_violence_and_notes_its_probability() -> None:
    gate = RelevanceGate(load_model_from(crafted_gate()))
    events = [event("Violence against civilians"), event("Protests"), event("Battles")]
    assert [e.event_type for e in gate.gated("An earthquake struck the valley.", events)] == ["Protests"]
    kept = gate.gated("A bomb went off.", [event("Battles")])
    assert kept[0].extra["relevance_gate"] == {"no_act": 0.5}
    assert gate.gated("An earthquake struck.", []) == []  # it never adds an event


@pytest.mark.parametrize(("change", "code"), [
    (lambda m: m.update(format=TYPING.format), "CL-E242"),
    (lambda m: m.update(format_version=3), "CL-E772"),  # 2 is a model with embeddings
    (lambda m: m["heads"].update(attack_type=m["heads"]["relevance"]), "CL-E773"),
    (lambda m: m["heads"]["relevance"].update(classes=["act", "maybe"]), "CL-E773"),
    (lambda m: m.update(format="something else"), "CL-E773")])
def test_a_bad_or_foreign_gate_is_a_coded_error(tmp_path, change, code) -> None:
    raw = crafted_gate()
    change(raw)
    path = tmp_path / "gate.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(ConflictLensError) as bad:
        load_relevance_gate(path)
    assert bad.value.code == code and "relevance" in bad.value.message


def test_a_gate_passed_as_a_typing_model_names_the_right_option(tmp_path) -> None:
    path = tmp_path / "gate.json"
    path.write_text(json.dumps(crafted_gate()), encoding="utf-8")
    with pytest.raises(ConflictLensError) as foreign:
        load_typing_model(path)
    assert foreign.value.code == "CL-E242" and "--relevance-model" in foreign.value.message
    with pytest.raises(ConflictLensError) as missing:
        load_model(tmp_path / "nowhere.json", RELEVANCE)
    assert missing.value.code == "CL-E770" and "train relevance" in missing.value.message


def test_training_needs_enough_reports_of_both_kinds() -> None:
    with pytest.raises(ConflictLensError) as few:
        train_relevance_model(rows()[:5], {})
    with pytest.raises(ConflictLensError) as one_kind:
        train_relevance_model([RelevanceRow(t, True, True) for t in ACTS], {})
    assert few.value.code == one_kind.value.code == "CL-E774"
