"""Province names as English reports write them, and districts that share a province's name
(issue 11, session 19). Texts written for these tests."""

from __future__ import annotations

import pytest


def _locations(session, text: str) -> list[tuple]:
    return [(loc["country"], loc["admin1"], loc["place"])
            for loc in (e.to_dict()["location"] for e in session.extract_text(text, published="2024-03-10"))]


@pytest.mark.parametrize("text, expected", [
    # Cameroon's Far North: the English name, whichever form the report writes.
    ("Boko Haram fighters killed five villagers in Mora, in Cameroon's Far North region, on Saturday.",
     ("CM", "Far North", "Mora")),
    ("Five villagers were killed on Saturday when jihadists raided Mora, Extreme-North, Cameroon.",
     ("CM", "Far North", "Mora")),
    ("Suspected jihadists shot dead five civilians in Mora, in the Extrême-Nord region of Cameroon, on Saturday.",
     ("CM", "Far North", "Mora")),
    # Nigeria's capital territory, Israel's districts named as the city is, Somalia's Hiraan, Albania's Tirana.
    ("Gunmen stormed a prison in Kuje, in the Federal Capital Territory, on Monday, killing two guards.",
     ("NG", "Federal Capital Territory", "Kuje")),
    ("Two guards were killed when gunmen attacked the prison in Kuje, FCT, late on Monday, police said.",
     ("NG", "Federal Capital Territory", "Kuje")),
    ("A stabbing attack in Jerusalem on Friday wounded two police officers, Israeli police said.",
     ("IL", "Jerusalem", "Jerusalem")),
    ("Al-Shabaab fighters killed four soldiers in an attack on a base in Beledweyne, Hiiraan, on Monday.",
     ("SO", "Hiraan", "Beledweyne")),
    ("A man was killed when a parcel bomb exploded outside a cafe in Tirana on Sunday, Albanian police said.",
     ("AL", "Tirana", "Tirana")),
])
def test_provinces_take_the_names_english_reports_use(session, text, expected) -> None:
    assert expected in _locations(session, text)


@pytest.mark.parametrize("text", [
    "Gunmen stormed the village of Tse-Ajaver, Katsina district, Benue, Nigeria, on Tuesday night, killing 12 residents.",
    "Twelve residents were shot dead on Tuesday night when armed men raided Tse-Ajaver in Katsina local government "
    "area of Benue State.",
])
def test_a_district_sharing_a_provinces_name_lies_in_the_province_named(session, text) -> None:
    assert [admin1 for _cc, admin1, _place in _locations(session, text)] == ["Benue"]


def test_a_province_written_with_its_kind_stays_the_province(session) -> None:
    text = "Three people died when a bomb exploded in Segovia, in the Antioquia department, on Sunday, police said."
    assert _locations(session, text) == [("CO", "Antioquia", "Segovia")]
