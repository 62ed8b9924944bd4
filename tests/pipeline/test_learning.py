"""Training a typing model from a dataset file (pipeline.learning), on written and on real rows."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import pytest

from conflictlens import pipeline
from conflictlens.errors import ConflictLensError
from conflictlens.evaluation import split_part
from conflictlens.extract.learned.model import parse_typing_model
from conflictlens.extract.learned.train import train_typing_model
from conflictlens.pipeline.learning import (TRAINING_FORMATS, read_training_rows, train_typing, typing_model_path,
                                            write_model)

ROWS_FILE = Path(__file__).resolve().parents[1] / "extract" / "data" / "typing_rows.csv"
NOTES = ["Taliban fighters clashed with Afghan army soldiers in {p}; the fighting lasted hours.",
         "A roadside IED struck a police vehicle in {p}, wounding two officers.",
         "Militants attacked civilians in a village of {p} and killed a farmer."]
SUBS = ["Armed clash", "Remote explosive/landmine/IED", "Attack"]


def test_only_the_asked_part_is_read() -> None:
    tune = read_training_rows(str(ROWS_FILE), TRAINING_FORMATS["gtd"], "tune")
    with open(ROWS_FILE, encoding="utf-8", newline="") as fh:
        ids = [r["eventid"] for r in csv.DictReader(fh)]
    assert len(tune) == sum(split_part(i) == "tune" for i in ids) < len(ids)


def test_a_model_path_comes_from_the_option_else_the_environment(monkeypatch) -> None:
    monkeypatch.setenv("CONFLICTLENS_TYPING_MODEL", "env.json")
    assert typing_model_path("given.json") == "given.json" and typing_model_path(None) == "env.json"
    monkeypatch.delenv("CONFLICTLENS_TYPING_MODEL")
    assert typing_model_path(None) is None


def test_an_unwritable_output_is_a_coded_error(tmp_path) -> None:
    with pytest.raises(ConflictLensError) as caught:
        write_model({}, str(tmp_path / "no" / "such" / "dir.json"))
    assert caught.value.code == "CL-E776"


def test_acled_notes_train_a_sub_event_head_that_extraction_uses(tmp_path) -> None:
    pytest.importorskip("sklearn")
    places = ["Kunduz", "Helmand", "Ghazni", "Faryab", "Logar", "Baghlan", "Zabul", "Paktia"]
    path = tmp_path / "acled.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["event_id_cnty", "notes", "sub_event_type_decoded"])
        for k, place in enumerate(places * 2):
            writer.writerow([f"AFG9{k:03d}", NOTES[k % 3].format(p=place), SUBS[k % 3]])
    model = train_typing(str(path), "acled", "all", str(tmp_path / "m.json"), pipeline.build_extractor())
    assert model["heads"]["sub_event_type"]["classes"] == sorted(SUBS)
    assert model["training"] | {"rows": 16, "format": "acled", "file": "acled.csv"} == model["training"]


def test_a_sub_event_head_retypes_the_event_and_its_event_type(tmp_path) -> None:
    model = {"format": "conflictlens-typing-model", "format_version": 1,
             "features": {"version": 1, "vocabulary": ["w:clash"], "idf": [1.0]},
             "heads": {"sub_event_type": {"classes": ["Armed clash", "Attack"], "coef": [[6.0], [0.0]],
                                          "intercept": [0.0, 0.0], "threshold": 0.9}}}
    path = tmp_path / "m.json"
    path.write_text(json.dumps(model), encoding="utf-8")
    text = "Gunmen killed three villagers in Kunduz on Monday in a clash over land, police said."
    from conflictlens.model.records import Document
    rules = pipeline.build_extractor().extract(Document(id="d1", text=text, published="2021-03-03"))[0]
    learned = pipeline.build_extractor(typing_model=str(path)).extract(Document(id="d1", text=text,
                                                                                published="2021-03-03"))[0]
    assert rules.sub_event_type != "Armed clash"
    assert (learned.sub_event_type, learned.event_type) == ("Armed clash", "Battles")
    assert learned.fatalities == rules.fatalities and learned.date == rules.date


def test_real_gtd_tune_rows_train_a_model_better_than_the_commonest_label(shared_data) -> None:
    pytest.importorskip("sklearn")
    path = shared_data / "gtd" / "gtd_2021q1_afpak_dev.csv"
    if not path.exists():
        pytest.skip("the GTD AF/PK dev file is not present")
    rows = read_training_rows(str(path), TRAINING_FORMATS["gtd"], "tune")[:240]
    model = train_typing_model(rows, ("attack_type",), {"file": path.name}, folds=3)
    parse_typing_model(model, "real.json")  # a valid model
    scores = model["heads"]["attack_type"]["cv"]
    commonest = Counter(r.labels["attack_type"] for r in rows).most_common(1)[0][1] / len(rows)
    # No rule labels here (None): the combination keeps none, so only the learned figure means anything.
    assert scores["rows"] == 240 and scores["learned"] > commonest + 0.1
