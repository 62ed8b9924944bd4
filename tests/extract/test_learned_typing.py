"""Learned typing: trained with scikit-learn, saved as JSON data, applied in pure Python."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from conflictlens.errors import ConflictLensError
from conflictlens.extract.learned import train
from conflictlens.extract.learned.features import text_features
from conflictlens.extract.learned.model import load_typing_model, parse_typing_model
from conflictlens.extract.learned.train import CrossValidated, TrainingRow, pick_threshold, train_typing_model

sklearn = pytest.importorskip("sklearn")

ROWS_FILE = Path(__file__).parent / "data" / "typing_rows.csv"
HEADS = ("attack_type", "target_type")
# Texts of our own that the fixture does not hold word for word.
UNSEEN = ["A bomb planted on a motorcycle exploded beside a police patrol in Khost.",
          "Gunmen shot dead a shopkeeper outside his store in Multan.",
          "Militants kidnapped two soldiers from an army checkpoint near Gardez.",
          "Villagers were wounded when an explosive device went off at a market."]


def fixture_rows() -> list[TrainingRow]:
    with open(ROWS_FILE, encoding="utf-8", newline="") as fh:
        return [TrainingRow(r["summary"], {"attack_type": r["attacktype1_txt"], "target_type": r["targtype1_txt"]},
                            {"attack_type": "Unknown", "target_type": "Unknown"}) for r in csv.DictReader(fh)]


@pytest.fixture(scope="module")
def trained() -> dict:
    return train_typing_model(fixture_rows(), HEADS, {"file": ROWS_FILE.name, "format": "gtd", "part": "all"})


def test_training_writes_a_model_that_is_plain_json_and_loads(trained, tmp_path) -> None:
    path = tmp_path / "model.json"
    path.write_text(json.dumps(trained), encoding="utf-8")
    model = load_typing_model(path)
    assert set(model.heads) == set(HEADS)
    assert trained["training"]["rows"] == 36 and trained["training"]["file"] == "typing_rows.csv"
    for head in HEADS:
        info = trained["heads"][head]
        assert 0 <= info["threshold"] <= 1.01 and set(info["cv"]) == {"rows", "rules", "learned", "combined"}
    # The rules say "Unknown" for every row here, so cross-validation lets the model speak.
    assert trained["heads"]["attack_type"]["cv"]["combined"] > trained["heads"]["attack_type"]["cv"]["rules"]


def test_json_predictions_equal_scikit_learns_own(trained) -> None:
    rows = fixture_rows()
    texts = [r.text for r in rows]
    model = parse_typing_model(json.loads(json.dumps(trained)), "model.json")
    for head in HEADS:
        vectoriser = train.make_vectoriser(sklearn, len(rows))
        classifier = train.make_classifier(sklearn).fit(vectoriser.fit_transform(texts), [r.labels[head] for r in rows])
        expected = classifier.predict_proba(vectoriser.transform(UNSEEN + texts[:5]))
        for text, probs in zip(UNSEEN + texts[:5], expected):
            label, probability = model.predict(head, text)
            assert label == classifier.classes_[probs.argmax()]
            assert probability == pytest.approx(probs.max(), abs=1e-9)


def test_the_model_learns_the_fixture_types(trained) -> None:
    model = parse_typing_model(trained, "model.json")
    assert model.predict("attack_type", UNSEEN[2])[0] == "Hostage Taking (Kidnapping)"
    assert model.predict("target_type", UNSEEN[0])[0] == "Police"


def test_a_two_class_head_keeps_scikit_learns_sigmoid() -> None:
    rows = [TrainingRow(r.text, {"attack_type": r.labels["attack_type"]}) for r in fixture_rows()
            if r.labels["attack_type"] in ("Bombing/Explosion", "Armed Assault")]
    model = parse_typing_model(train_typing_model(rows, ("attack_type",), {}, folds=3), "m.json")
    vectoriser = train.make_vectoriser(sklearn, len(rows))
    classifier = train.make_classifier(sklearn).fit(vectoriser.fit_transform([r.text for r in rows]),
                                               [r.labels["attack_type"] for r in rows])
    for text, probs in zip(UNSEEN, classifier.predict_proba(vectoriser.transform(UNSEEN))):
        assert model.predict("attack_type", text) == (classifier.classes_[probs.argmax()], pytest.approx(probs.max()))


def test_the_threshold_is_the_one_that_types_out_of_fold_rows_best() -> None:
    gold = ["Armed Assault", "Armed Assault", "Bombing/Explosion", "Bombing/Explosion"]
    rules = ["Armed Assault", "Armed Assault", "Armed Assault", None]
    predicted = CrossValidated(["Armed Assault", "Bombing/Explosion", "Bombing/Explosion", "Bombing/Explosion"],
                               [0.9, 0.6, 0.8, 0.99])
    threshold, scores = pick_threshold(gold, rules, predicted)
    # Above 0.6 the wrong learned label is refused, up to 0.8 the right one kept; ties go to the rules.
    assert threshold == 0.8
    assert scores == {"rows": 4, "rules": 0.5, "learned": 0.75, "combined": 0.75}


def test_no_learned_label_where_the_rules_made_no_typing(trained) -> None:
    model = parse_typing_model(trained, "model.json")
    assert model.choose("attack_type", None, UNSEEN[2]) == (None, None)
    label, probability = model.choose("attack_type", "Unknown", UNSEEN[2])
    threshold = model.heads["attack_type"].threshold
    assert (label, probability is not None) == (("Hostage Taking (Kidnapping)", True)
                                                if model.predict("attack_type", UNSEEN[2])[1] >= threshold
                                                else ("Unknown", False))


def test_features_are_words_pairs_and_letter_groups() -> None:
    found = text_features("IED blast, 12 killed")
    assert {"w:ied", "b:ied blast", "w:00", "c: ie", "c:last "} <= set(found)


def test_too_few_rows_or_labels_outside_the_vocabulary_are_coded_errors() -> None:
    rows = fixture_rows()
    with pytest.raises(ConflictLensError) as few:
        train_typing_model(rows[:3], HEADS, {})
    assert few.value.code == "CL-E774"
    odd = [TrainingRow(r.text, {"attack_type": "Bombing"}) for r in rows]
    with pytest.raises(ConflictLensError) as unknown:
        train_typing_model(odd, ("attack_type",), {})
    assert unknown.value.code == "CL-E774" and "Bombing" in unknown.value.message


def _damage(model: dict, how: str) -> str:
    broken = json.loads(json.dumps(model))
    head = broken["heads"]["attack_type"]
    if how == "version":
        broken["format_version"] = 99
    elif how == "short row":
        head["coef"][0] = head["coef"][0][:-1]
    elif how == "unknown class":
        head["classes"][0] = "Alien Invasion"
    elif how == "threshold":
        head["threshold"] = "high"
    elif how == "no heads":
        broken["heads"] = {}
    elif how == "not a model":
        broken = [1, 2, 3]
    elif how == "nan":
        return json.dumps(broken).replace(str(head["intercept"][0]), "NaN", 1)
    return json.dumps(broken)


@pytest.mark.parametrize(("how", "code"), [("version", "CL-E772"), ("short row", "CL-E773"),
                                           ("unknown class", "CL-E773"), ("threshold", "CL-E773"),
                                           ("no heads", "CL-E773"), ("not a model", "CL-E773"), ("nan", "CL-E773")])
def test_damaged_model_files_are_coded_errors(trained, tmp_path, how, code) -> None:
    path = tmp_path / "model.json"
    path.write_text(_damage(trained, how), encoding="utf-8")
    with pytest.raises(ConflictLensError) as caught:
        load_typing_model(path)
    assert caught.value.code == code and caught.value.subject == str(path)


def test_missing_or_truncated_model_files_are_coded_errors(trained, tmp_path) -> None:
    with pytest.raises(ConflictLensError) as missing:
        load_typing_model(tmp_path / "nowhere.json")
    assert missing.value.code == "CL-E770"
    cut = tmp_path / "cut.json"
    cut.write_text(json.dumps(trained)[:5000], encoding="utf-8")
    with pytest.raises(ConflictLensError) as truncated:
        load_typing_model(cut)
    assert truncated.value.code == "CL-E771"


def test_a_model_that_never_overrides_the_rules_reads_no_text(trained, monkeypatch) -> None:
    # Cross-validation may keep the rules on every head (threshold 1.01): extraction then reads no features.
    from conflictlens.extract.extractor import Extractor
    from conflictlens.extract.learned.model import LinearModel
    from conflictlens.model.records import Document

    kept = json.loads(json.dumps(trained))
    for head in kept["heads"].values():
        head["threshold"] = 1.01
    model = parse_typing_model(kept, "model.json")
    assert model.never_chooses
    monkeypatch.setattr(LinearModel, "vectors", lambda self, texts: pytest.fail("a text was read"))
    text = "A bomb planted on a motorcycle exploded beside a police patrol in Khost on Monday, killing two."
    events = Extractor(use_ner=False, typing=model).extract(Document(id="d1", text=text, published="2021-03-01"))
    assert events and all("learned_typing" not in e.extra for e in events)
