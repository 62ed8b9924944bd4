"""curated_places.tsv counts at load, over the built gazetteer: new places are found, new spellings
join their built row, a village's namesake elsewhere is left alone (own example sentences)."""

from __future__ import annotations

import pytest

from conflictlens.geo import Gazetteer
from conflictlens.geo.curated import layer_curated, parse_curated
from conflictlens.geo.normalize import name_key
from conflictlens.model.protocols import PlaceEntry

HEADER = "kind\tname\taliases\tcountry\tadmin1\tadmin2\tlat\tlon\twithin\n"


def entry(id_: str, name: str, kind: str = "place", admin1: str | None = "Alpha") -> PlaceEntry:
    return PlaceEntry(id=id_, name=name, kind=kind, country="XX", admin1=admin1, admin2=None,
                      lat=None, lon=None, population=0)


def test_parse_skips_comments_and_build_only_kinds():
    text = "# a comment\n" + HEADER + "place\tNewtown\tNew Town\tXX\tAlpha\n# more\npolice_districts\tX\t3\tXX\n"
    assert [(r["name"], r["aliases"], r["lat"]) for r in parse_curated(text)] == [("Newtown", "New Town", "")]


def test_a_new_spelling_joins_the_built_row_of_its_province_only():
    built, namesake = entry("cp:XX:oldtown", "Oldtown"), entry("v:1", "Oldtown", admin1="Beta")
    index = {name_key("Oldtown"): (namesake, built)}
    added = []
    layer_curated(index, parse_curated(HEADER + "place\tOldtown\tOld Town|Oldtoun\tXX\tAlpha\n"), added.append)
    assert added == []
    assert index[name_key("Old Town")] == (built,)
    assert namesake not in index[name_key("Oldtoun")]


def test_a_place_the_build_lacks_is_added_with_the_build_id():
    added = []
    layer_curated({}, parse_curated(HEADER + "place\tNewtown\tNew Town\tXX\tAlpha\tGamma\n"), added.append)
    assert [(r["id"], r["strength"], r["keys"]) for r in added] == [
        (f"cp:XX:{name_key('Newtown')}", "c", f"{name_key('Newtown')}|{name_key('New Town')}")]


def test_a_province_or_country_the_build_lacks_is_not_invented():
    added = []
    layer_curated({}, parse_curated(HEADER + "admin1\tNewprovince\t\tXX\t\ncountry\tNewland\t\tXX\n"), added.append)
    assert added == []


def test_a_district_the_build_lacks_is_added_in_its_province():
    added = []
    layer_curated({}, parse_curated(HEADER + "admin2\tNewdistrict\tNewdistrict province\tXX\tAlpha\n"), added.append)
    assert [(r["id"], r["kind"], r["admin1"]) for r in added] == [(f"cp:XX:{name_key('Newdistrict')}", "admin2", "Alpha")]


def test_a_country_spelling_joins_the_built_country_row():
    built = PlaceEntry(id="cc:XX", name="Republic of Xland", kind="country", country="XX", admin1=None, admin2=None,
                       lat=None, lon=None, population=0)
    namesake = PlaceEntry(id="cc:YY", name="Xland", kind="country", country="YY", admin1=None, admin2=None,
                          lat=None, lon=None, population=0)
    index = {name_key("Republic of Xland"): (built,), name_key("Xland"): (namesake,)}
    layer_curated(index, parse_curated(HEADER + "country\tRepublic of Xland\tXland\tXX\n"), [].append)
    assert index[name_key("Xland")] == (namesake, built)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize("text, want", [
    ("Gunmen killed herders in a village of Gubio district, Borno State.", ("NG", "Borno", "Gubio")),
    ("Jihadists overran the army post at Boulekessi near the border.", ("ML", "Mopti", "Boulkessi")),
    ("A mine blast struck a police jeep near Cholnar village.", ("IN", "Chhattisgarh", "Cholnar")),
    ("Rebels killed farmers in their fields at Tingwe overnight.", ("CD", "North Kivu", "Tingwe")),
    ("A bomb went off at a funeral in Taliqan city.", ("AF", "Takhar", "Taloqan")),
])
def test_bundled_curated_places_are_found(gaz, text, want):
    loc, _ = gaz.best_location(gaz.find_places(text))
    assert (loc.country, loc.admin1, loc.place) == want


def test_a_province_spelling_from_the_curated_file(gaz):
    loc, _ = gaz.best_location(gaz.find_places("A suicide bomber struck a funeral in Nangahar province."))
    assert (loc.country, loc.admin1) == ("AF", "Nangarhar")


@pytest.mark.parametrize("name, admin1", [
    ("Chibok", "Borno"), ("Solhan", "Sahel"), ("Chinegodar", "Tillaberi"), ("Ogossagou", "Mopti"),
    ("Kamango", "North Kivu"), ("Nangade", "Cabo Delgado"),
])
def test_towns_of_sahel_lake_chad_congo_and_cabo_delgado_reports(gaz, name: str, admin1: str) -> None:
    """Session 10: towns real reports name that the open sets lack."""
    assert any(e.admin1 == admin1 for e in gaz.lookup(name))


@pytest.mark.parametrize("name, kind, admin1", [
    ("Tin-Akoff", "place", "Sahel"), ("Kantchari", "place", "Est"), ("Zurmi", "place", "Zamfara"),
    ("Yelwata", "place", "Benue"), ("Kossi province", "admin2", "Boucle du Mouhoun"), ("Loroum", "admin2", "Nord"),
])
def test_towns_and_provinces_of_burkina_faso_and_nigeria_reports(gaz, name: str, kind: str, admin1: str) -> None:
    """Session 14: towns the open sets lack, and Burkina Faso's provinces in their regions."""
    assert any(e.kind == kind and e.admin1 == admin1 for e in gaz.lookup(name))


def test_a_bare_word_is_no_burkina_province(gaz) -> None:
    assert not any(e.country == "BF" for e in gaz.lookup("Soum") + gaz.lookup("Bam") + gaz.lookup("Poni"))
    assert {e.country for e in gaz.lookup("Congo", kind="country")} == {"CG", "CD"}


@pytest.mark.parametrize("text, admin1, admin2", [
    ("Separatist fighters torched a school in Babessi, Ngo-Ketunjia division, on Tuesday.", "North-West", "Ngo-Ketunjia"),
    ("Soldiers said the raiders crossed into the Mayo-Tsanaga department at night.", "Far North", "Mayo-Tsanaga"),
    ("Gunmen abducted two teachers in Bui division last week.", "North-West", "Bui Division"),
    ("A checkpoint came under fire in the Lebialem division of the country.", "South-West", "Lebialem"),
])
def test_cameroon_departments_say_their_region(gaz, text: str, admin1: str, admin2: str) -> None:
    """Session 16: Cameroon's departments (the open sets have none) put a report in their region."""
    loc, _ = gaz.best_location(gaz.find_places(text))
    assert (loc.country, loc.admin1, loc.admin2) == ("CM", admin1, admin2)


def test_a_bare_word_is_no_cameroon_department(gaz) -> None:
    assert not any(e.country == "CM" and e.kind == "admin2" for word in ("Meme", "Noun", "Bui", "Faro", "Momo")
                   for e in gaz.lookup(word))


def test_a_curated_district_replaces_the_built_rows_under_every_key():
    built = entry("gn:1", "Oldtown")
    other = entry("gn:2", "Otherplace")
    index = {name_key("Oldtown"): (built,), name_key("Old Town"): (other, built), name_key("Otherplace"): (other,)}
    layer_curated(index, parse_curated(HEADER + "place\tOldtown\t\tXX\tAlpha\tGamma\n"), [].append)
    assert [e.admin2 for e in index[name_key("Oldtown")]] == ["Gamma"]
    assert [(e.id, e.admin2) for e in index[name_key("Old Town")]] == [("gn:2", None), ("gn:1", "Gamma")]
    assert index[name_key("Otherplace")] == (other,)


def test_datta_khel_lies_in_north_waziristan(gaz) -> None:
    loc, _ = gaz.best_location(gaz.find_places("A drone struck a house in Datta Khel on Sunday."))
    assert (loc.admin1, loc.admin2, loc.place) == ("Khyber Pakhtunkhwa", "North Waziristan", "Datta Khel")


def test_an_added_place_takes_each_of_its_spellings_from_the_built_row_an_old_source_gave_them():
    south = PlaceEntry(id="gn:9", name="South Vale", kind="admin2", country="XX", admin1="Alpha", admin2="South Vale",
                       lat=None, lon=None, population=0)
    index = {name_key("North Vale"): (south,), name_key("North Vale District"): (south,), name_key("South Vale"): (south,)}
    added = []
    layer_curated(index, parse_curated(HEADER + "admin2\tNorth Vale\tNorth Vale District\tXX\tAlpha\n"), added.append)
    assert [r["name"] for r in added] == ["North Vale"]
    assert name_key("North Vale District") not in index and name_key("North Vale") not in index
    assert index[name_key("South Vale")] == (south,)


def test_north_waziristan_district_is_north_waziristan(gaz) -> None:
    loc, _ = gaz.best_location(gaz.find_places("Two soldiers were killed in North Waziristan district's Esham area."))
    assert (loc.admin1, loc.admin2) == ("Khyber Pakhtunkhwa", "North Waziristan")
