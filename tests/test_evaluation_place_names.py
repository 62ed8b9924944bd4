"""evaluation.place_names.same_place: a dataset's own spelling of a place and the gazetteer's standard
name are one place when the gazetteer knows both names for one unit; names alone decide otherwise."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from conflictlens.evaluation import score_gtd_row, same_place
from conflictlens.evaluation.place_names import bundled_lookup, gazetteer_lookup
from conflictlens.model.records import DateInfo, Event, Location


def _fake_lookup(table: dict[tuple[str, str], list[tuple]]):
    """A lookup over a small table (name, country) -> [(id, kind[, admin1])]."""
    def lookup(name, _kind, country):
        return [SimpleNamespace(id=e[0], kind=e[1], admin1=e[2] if len(e) > 2 else None)
                for e in table.get((name, country), [])]
    return lookup


FAKE = _fake_lookup({
    ("Upper Plains", "ZZ"): [("a1:ZZ-1", "admin1")],
    ("Hautes-Plaines", "ZZ"): [("a1:ZZ-1", "admin1")],
    ("Lower Plains", "ZZ"): [("a1:ZZ-2", "admin1")],
    ("Portville", "ZZ"): [("p:1", "place", "Upper Plains")],
    ("Port Ville-sur-Mer", "ZZ"): [("p:1", "place", "Upper Plains")],
    ("Riverside", "ZZ"): [("p:2", "place"), ("a1:ZZ-3", "admin1")],
})


def test_two_names_of_one_unit_are_the_same_place():
    assert same_place("Hautes-Plaines", "Upper Plains", field="admin1", country="ZZ", lookup=FAKE)
    assert same_place("Port Ville-sur-Mer", "Portville", None, field="city", country="ZZ", lookup=FAKE)


def test_a_town_matched_through_the_gazetteer_lies_in_the_gold_province():
    # the gold province by another of its names still holds the town
    assert same_place("Port Ville-sur-Mer", "Portville", field="city", country="ZZ", lookup=FAKE, within="Hautes-Plaines")
    # a namesake's alias: the entry lies in another province than the gold town
    assert not same_place("Port Ville-sur-Mer", "Portville", field="city", country="ZZ", lookup=FAKE,
                          within="Lower Plains")


def test_names_of_two_units_stay_apart():
    assert not same_place("Hautes-Plaines", "Lower Plains", field="admin1", country="ZZ", lookup=FAKE)


def test_a_unit_of_another_kind_does_not_make_a_match():
    # "Riverside" is a town and a province: a province named so is no match for the town's alias
    assert not same_place("Riverside", "Portville", field="admin1", country="ZZ", lookup=FAKE)


def test_names_alone_decide_without_a_country_or_a_gazetteer():
    assert same_place("Qala-i-Naw", "Qala-e-Naw", field="city", country=None, lookup=None)
    assert same_place("Borno State", "Borno", field="admin1", country=None, lookup=None)
    assert not same_place("Hautes-Plaines", "Upper Plains", field="admin1", country=None, lookup=FAKE)
    assert not same_place("Hautes-Plaines", "Upper Plains", field="admin1", country="ZZ", lookup=None)


def test_nothing_is_the_same_place_as_a_missing_name():
    assert not same_place(None, "Upper Plains", field="admin1", country="ZZ", lookup=FAKE)
    assert not same_place("Upper Plains", None, field="admin1", country="ZZ", lookup=FAKE)


@pytest.mark.parametrize("gold, ours, country", [
    ("Extreme-North", "Far North", "CM"),
    ("Arbil", "Erbil", "IQ"),
    ("Nord-Kivu", "North Kivu", "CD"),
])
def test_the_bundled_gazetteer_knows_dataset_spellings_of_divisions(gold, ours, country):
    assert same_place(gold, ours, field="admin1", country=country, lookup=bundled_lookup())


def test_the_bundled_gazetteer_keeps_neighbouring_divisions_apart():
    assert not same_place("North Kivu", "South Kivu", field="admin1", country="CD", lookup=bundled_lookup())
    assert not same_place("Far North", "North", field="admin1", country="CM", lookup=bundled_lookup())


def test_the_gtd_scorer_compares_provinces_through_the_gazetteer():
    row = {"iyear": "2021", "imonth": "3", "iday": "2", "country_txt": "Cameroon", "provstate": "Extreme-North",
           "city": "Unknown", "attacktype1_txt": "", "targtype1_txt": "", "gname": "Unknown", "claimed": "0",
           "nkill": "", "nwound": ""}
    event = Event(id="e1", document_id="d1", date=DateInfo(start="2021-03-02"),
                  location=Location(country="CM", admin1="Far North"))
    geo = SimpleNamespace(lookup=lambda name, kind=None, country=None: bundled_lookup()(name, kind, country))
    verdict = score_gtd_row(row, event, lambda _name: "CM", gazetteer_lookup(geo))
    assert verdict["admin1"] is True and verdict["city"] is None
    assert score_gtd_row(row, event, lambda _name: "CM")["admin1"] is False  # names alone differ
