"""Small towns (the gazetteer's local layer) in reports set in their country (issue 11, session 18).
Texts written for these tests; the towns are real GeoNames seats of a few thousand people."""

from __future__ import annotations


def _locations(session, text: str) -> list[dict]:
    return [e.to_dict()["location"] for e in session.extract_text(text, published="2024-01-15")]


def test_a_small_town_of_the_reports_country_is_the_incidents_place(session) -> None:
    text = ("Suspected Abu Sayyaf gunmen ambushed a military patrol in Patikul, Sulu, on Monday, killing three "
            "soldiers, the Philippine army said.")
    (loc,) = _locations(session, text)
    assert (loc["country"], loc["admin1"], loc["place"]) == ("PH", "Sulu", "Patikul")


def test_a_paraphrase_with_the_province_after_the_town_places_it_too(session) -> None:
    text = ("Two police officers were killed on Tuesday when ELN guerrillas attacked a station in Fortul, Arauca "
            "department, Colombian authorities said.")
    (loc,) = _locations(session, text)
    assert (loc["country"], loc["admin1"], loc["place"]) == ("CO", "Arauca", "Fortul")


def test_a_report_set_in_no_clear_country_reads_no_small_town(session) -> None:
    # Colombia and the Philippines both named once: the report's country is not clear.
    text = ("Officials in Colombia and the Philippines said on Monday that a bomb killed four people in Patikul.")
    assert all(loc["place"] != "Patikul" for loc in _locations(session, text))
