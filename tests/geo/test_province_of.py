"""A world town whose open-set row names no first-level division gets the one curated_places.tsv
gives it (kind province_of, session 15), and a second row of a town that names none does not stand
for whatever province a report names (own rows and sentences)."""

from __future__ import annotations

import pytest

import conflictlens
from conflictlens.geo import Gazetteer
from conflictlens.geo.choosing import known_province_rows
from conflictlens.geo.curated import parse_curated, province_fixes, with_province
from conflictlens.model.protocols import PlaceEntry

HEADER = "kind\tname\taliases\tcountry\tadmin1\tadmin2\tlat\tlon\twithin\n"


def town(id_: str, name: str, admin1: str | None, lat: float = 1.0, lon: float = 1.0, kind: str = "place") -> PlaceEntry:
    return PlaceEntry(id=id_, name=name, kind=kind, country="XX", admin1=admin1, admin2=None, lat=lat, lon=lon)


def test_a_province_of_row_fills_the_division_of_a_town_that_has_none() -> None:
    fixes = province_fixes(HEADER + "province_of\tOldtown\tOld Town City\tXX\tAlpha\tBeta\n")
    assert with_province(town("w:1", "Oldtown", None), fixes) == PlaceEntry(
        id="w:1", name="Oldtown", kind="place", country="XX", admin1="Alpha", admin2="Beta", lat=1.0, lon=1.0)
    assert with_province(town("w:2", "Old Town City", None), fixes).admin1 == "Alpha"


def test_a_province_of_row_leaves_a_known_division_and_other_towns_alone() -> None:
    fixes = province_fixes(HEADER + "province_of\tOldtown\t\tXX\tAlpha\n")
    assert with_province(town("w:1", "Oldtown", "Gamma"), fixes).admin1 == "Gamma"
    assert with_province(town("w:2", "Newtown", None), fixes).admin1 is None


def test_province_of_rows_add_no_place_of_their_own() -> None:
    assert parse_curated(HEADER + "province_of\tOldtown\t\tXX\tAlpha\n") == []


def test_a_row_without_a_province_beside_one_with_it_is_the_same_town() -> None:
    known, unknown = town("a", "Port Able", "Alpha", 8.23, 124.24), town("b", "Port Able City", None, 8.25, 124.40)
    far = town("c", "Able", None, 10.0, 120.0)
    assert list(known_province_rows([known, unknown, far])) == [known, far]
    assert list(known_province_rows([unknown, far])) == [unknown, far]


@pytest.mark.parametrize(("name", "cc", "admin1"), [("Bunia", "CD", "Ituri"), ("Kalemie", "CD", "Tanganyika"),
                                                    ("Kyaukpyu", "MM", "Rakhine"), ("El Wak", "KE", "Mandera"),
                                                    ("Davao", "PH", "Davao del Sur"), ("Maungdaw", "MM", "Rakhine")])
def test_towns_of_conflict_regions_lie_in_their_divisions(name: str, cc: str, admin1: str) -> None:
    found = [e for e in Gazetteer.load().lookup(name, kind="place") if e.country == cc]
    assert found and all(e.admin1 == admin1 for e in found)


def test_a_chartered_city_lies_in_its_province_not_the_one_named_before() -> None:
    text = ("A bomb killed six people at a market in Jolo, Sulu, on Tuesday. Two hours later another blast "
            "wounded ten soldiers in Iligan city, police said.")
    with conflictlens.open() as s:
        places = {(e.location.place, e.location.admin1) for e in s.extract_text(text, published="2024-05-10")}
    assert ("Iligan City", "Lanao del Norte") in places or ("Iligan", "Lanao del Norte") in places


def test_a_spanish_surname_that_is_also_a_town_needs_a_cue() -> None:
    g = Gazetteer.load()
    assert not [m for m in g.find_places("Men loyal to Gonzalo Rodriguez Gacha fired on the convoy.") if m.text == "Rodriguez"]
    assert [m for m in g.find_places("Rebels raided Rodriguez town on Monday.") if m.text == "Rodriguez"]


def test_a_name_written_as_an_entry_is_that_entry_not_one_it_is_a_spelling_of() -> None:
    text = "Militants attacked a checkpoint in North Waziristan on Monday, killing two soldiers, officials said."
    with conflictlens.open() as s:
        (event,) = s.extract_text(text, published="2024-05-10")
    assert (event.location.admin1, event.location.admin2) == ("Khyber Pakhtunkhwa", "North Waziristan")


def test_a_place_added_under_its_own_name_takes_it_from_a_row_it_was_a_spelling_of() -> None:
    from conflictlens.geo.curated import layer_curated
    from conflictlens.geo.normalize import name_key
    south = town("s", "South Able", "Alpha", kind="admin2")
    namesake = town("o", "Able Town", "Beta", kind="admin2")
    index = {name_key("North Able"): (south, namesake), name_key("South Able"): (south,)}
    added = []
    layer_curated(index, parse_curated(HEADER + "admin2\tNorth Able\t\tXX\tAlpha\n"), added.append)
    assert index[name_key("North Able")] == (namesake,)
    assert index[name_key("South Able")] == (south,)
    assert [r["name"] for r in added] == ["North Able"]
