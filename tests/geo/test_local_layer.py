"""The local layer (GeoNames towns under the world layer's minimum population): read only in the report's
country and only where the text writes the name as a place (issue 11, session 18). Own sentences; the
towns are real GeoNames seats (Patikul, Sumisip, Fortul in cities1000)."""

from __future__ import annotations

from conflictlens.geo import Gazetteer
from conflictlens.geo.loader import LOCAL_PREFIX, load_local


def _local(text: str, country: str) -> list[tuple[str, str | None]]:
    g = Gazetteer.load()
    merged = g.with_local_places(text, g.find_places(text), country)
    return [(m.text, m.candidates[0].admin1) for m in merged if m.candidates[0].id.startswith(LOCAL_PREFIX)]


def test_a_small_town_after_a_preposition_of_where_is_read_in_its_country():
    assert _local("Gunmen ambushed a patrol in Patikul on Monday.", "PH") == [("Patikul", "Sulu")]
    assert _local("Rebels attacked Fortul before dawn.", "CO") == [("Fortul", "Arauca")]


def test_a_kind_said_before_or_after_the_name_or_a_province_after_it_reads_as_a_place():
    assert [t for t, _ in _local("Troops reached the remote Basilan town of Sumisip at noon.", "PH")] == ["Sumisip"]
    assert [t for t, _ in _local("Two soldiers died. Fortul, Arauca, was quiet on Tuesday.", "CO")] == ["Fortul"]


def test_a_small_town_is_not_read_in_another_country_nor_where_the_text_does_not_write_it_as_a_place():
    assert _local("Gunmen ambushed a patrol in Patikul on Monday.", "CO") == []
    assert _local("Patikul said the patrol left on Monday.", "PH") == []  # no lead word: a person, a word
    assert _local("a patrol in Patikul Ramos Street", "PH") == []  # part of a longer name


def test_a_name_the_other_layers_place_at_home_gains_no_small_namesake():
    g = Gazetteer.load()
    text = "A bomb exploded in Jolo on Sunday."
    assert g.with_local_places(text, g.find_places(text), "PH") == g.find_places(text)


def test_a_country_without_a_local_file_or_a_malformed_code_reads_nothing():
    assert len(load_local("AF")[0]) == 0 and len(load_local("../x")[0]) == 0
    assert len(load_local("PH")[0]) > 1000


def test_the_tail_of_a_longer_name_is_no_small_town_even_before_a_kind_word():
    assert _local("Troops shelled Naung Kan village on Friday.", "MM") == []


def test_a_kind_word_after_the_name_in_capitals_reads_as_a_place():
    assert [t for t, _ in _local("The Fortul Municipality said two officers died.", "CO")] == ["Fortul"]


def test_a_name_that_is_also_a_word_needs_its_kind_said_before_it():
    assert [t for t, _ in _local("A truck bomb exploded in the Iraqi town of Tal Afar on Tuesday.", "IQ")] == ["Tal Afar"]
    assert _local("A truck bomb exploded in Tal Afar on Tuesday.", "IQ") == []


def test_a_namesake_at_home_outside_the_provinces_named_gains_the_small_town_in_one():
    g = Gazetteer.load()
    text = "A bomb hit rangers in Waeng district of Narathiwat province on Monday."
    (waeng,) = [m for m in g.with_local_places(text, g.find_places(text), "TH") if m.text == "Waeng"]
    assert "Narathiwat" in {c.admin1 for c in waeng.candidates}
    assert g.best_location([m for m in g.with_local_places(text, g.find_places(text), "TH")])[0].place == "Waeng"
