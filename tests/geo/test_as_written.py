"""A place keeps the report's spelling where the gazetteer's row is spelt another way (own sentences)."""

from __future__ import annotations

import pytest

from conflictlens.geo import Gazetteer
from conflictlens.geo.gazetteer import as_written


@pytest.mark.parametrize("written, name, kept", [
    ("Azaz", "Izaz", "Azaz"), ("Jenin", "Janin", "Jenin"), ("Qala-e-Naw", "Qala-i-Naw", "Qala-e-Naw"),
    ("el-Fasher", "El Fasher", "El-Fasher"),
    ("Mazar", "Mazar-i-Sharif", "Mazar-i-Sharif"),  # a short form is not a spelling
    ("DG Khan", "Dera Ghazi Khan", "Dera Ghazi Khan"),
    ("KABUL", "Kabul", "Kabul"),  # a dateline in capitals
    ("Baghdad’s", "Baghdad", "Baghdad"),
    ("Kandahar city", "Kandahar", "Kandahar"),  # a name written with its kind
])
def test_the_written_spelling_is_kept_only_for_a_spelling(written: str, name: str, kept: str):
    assert as_written(written, name) == kept


def test_a_town_is_reported_as_the_report_spells_it():
    gaz = Gazetteer.load()
    loc, _ = gaz.best_location(gaz.find_places("A car bomb killed 13 people in the Syrian town of Azaz."))
    assert (loc.country, loc.admin1, loc.place) == ("SY", "Aleppo", "Azaz")
