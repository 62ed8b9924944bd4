"""The geo stage's cue words come from one versioned data file (data/cue_words.json): what it lists
is what the matcher reads (own example sentences)."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from conflictlens.errors import ConflictLensError
from conflictlens.geo import Gazetteer, cue_words as module
from conflictlens.geo.normalize import fold_token


def raw() -> dict:
    return json.loads((resources.files("conflictlens.geo") / "data" / module.CUE_FILE).read_text(encoding="utf-8"))


def test_the_file_is_versioned_and_read_folded():
    data, cues = raw(), module.cue_words()
    assert data["version"] == 1
    assert cues.after[fold_token("province")] == "admin1" and cues.after[fold_token("villages")] == "place"
    assert fold_token("state") in cues.before and fold_token("area") not in cues.before
    assert cues.plural == frozenset(fold_token(w) for w in data["plural"])


@pytest.mark.parametrize("before, is_division", [
    ("Gunmen struck Wase Local Government Area of ", True),
    ("Gunmen struck Wase local government area of the ", True),
    ("Bandits raided Maradun LGA of ", True),
    ("Bandits raided Maradun L.G.A. of ", True),
    ("Bandits raided Maradun lga of ", False),  # an abbreviation is written as it is
    ("officials of the local government area of ", False),  # the division itself is named next
])
def test_division_words_say_a_province_follows(before: str, is_division: bool):
    assert (module.cue_words().division_of.search(before) is not None) is is_division


def test_a_missing_entry_is_a_coded_error(monkeypatch):
    monkeypatch.setattr(module.json, "loads", lambda _text: {"version": 1, "after": {}})
    module.cue_words.cache_clear()
    try:
        with pytest.raises(ConflictLensError) as err:
            module.cue_words()
        assert err.value.code == "CL-E960"
    finally:
        monkeypatch.undo()
        module.cue_words.cache_clear()


def test_the_matcher_uses_the_cue_words():
    gaz = Gazetteer.load()
    loc, _ = gaz.best_location(gaz.find_places("Gunmen attacked Tunga and Kabaje villages on Friday."))
    assert loc.country != "TO"
    loc, _ = gaz.best_location(gaz.find_places("Troops cleared the Lower Dir region after the raid."))
    assert (loc.admin1, loc.admin2) == ("Khyber Pakhtunkhwa", "Lower Dir")


@pytest.mark.parametrize("text, place", [
    ("A drone struck a crowded market in el-Fasher, North Darfur, on Tuesday.", "El-Fasher"),
    ("Gunmen opened fire on a checkpoint in al-Arish on Friday.", "Al-Arish"),
])
def test_a_lowercase_article_joined_to_a_name_starts_it(text: str, place: str):
    gaz = Gazetteer.load()
    assert gaz.best_location(gaz.find_places(text))[0].place == place


def test_an_article_inside_a_group_name_starts_no_place():
    gaz = Gazetteer.load()
    assert [m.text for m in gaz.find_places("Fighters of Hayat Tahrir al-Sham shelled the front line.")] == []


def test_a_country_where_a_monitor_is_based_places_nothing():
    gaz = Gazetteer.load()
    found = gaz.find_places("The Britain-based Syrian Observatory said a car bomb killed 13 people in Azaz.")
    assert [m.text for m in found] == ["Azaz"]
