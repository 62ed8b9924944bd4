"""Countries whose event data name the province where ISO 3166-2 names a region (the Philippines):
the build promotes GeoNames' second level, and towns come out in their province (own sentences)."""

from __future__ import annotations

import pytest

from conflictlens.geo import Gazetteer
from scripts.geobuild.sources import Entry
from scripts.geobuild.world import promote_provinces


def _rows() -> list[Entry]:
    return [
        Entry(id="a1:XX-01", kind="admin1", name="Southland", country="XX", admin1="Southland"),
        Entry(id="a1:XX-00", kind="admin1", name="Capital Area", country="XX", admin1="Capital Area"),
        Entry(id="a2w:XX:1", kind="admin2", name="Reef", country="XX", admin1="Southland", admin2="Reef"),
        Entry(id="a2w:XX:2", kind="admin2", name="Harbour City", country="XX", admin1="Southland", admin2="Harbour City"),
        Entry(id="a2w:XX:3", kind="admin2", name="Old Town", country="XX", admin1="Capital Area", admin2="Old Town"),
        Entry(id="gnw:XX:1", kind="place", name="Port Reef", country="XX", admin1="Southland", admin2="Reef"),
        Entry(id="gnw:XX:2", kind="place", name="Loneville", country="XX", admin1="Southland"),
        Entry(id="gnw:XX:3", kind="place", name="Quay", country="XX", admin1="Capital Area", admin2="Old Town"),
        Entry(id="gnw:YY:1", kind="place", name="Elsewhere", country="YY", admin1="North", admin2="Hill"),
    ]


def test_provinces_become_the_first_level_and_their_region_a_wider_area():
    rows = {e.id: e for e in _rows()}
    promote_provinces(list(rows.values()), {"XX": frozenset({"Capital Area"})})
    assert (rows["a2w:XX:1"].kind, rows["a2w:XX:1"].admin1, rows["a2w:XX:1"].admin2) == ("admin1", "Reef", None)
    assert (rows["gnw:XX:1"].admin1, rows["gnw:XX:1"].admin2) == ("Reef", None)
    # the region the provinces split constrains no town: a wider area of no province
    assert (rows["a1:XX-01"].kind, rows["a1:XX-01"].admin1, rows["a1:XX-01"].admin2) == ("admin2", None, "Southland")
    assert rows["gnw:XX:2"].admin1 is None  # no province known: none guessed
    # a chartered city is no province; a region kept first (its units are cities) stays as it was
    assert rows["a2w:XX:2"].kind == "admin2"
    assert (rows["gnw:XX:3"].admin1, rows["gnw:XX:3"].admin2) == ("Capital Area", "Old Town")
    assert rows["a1:XX-00"].kind == "admin1"
    assert (rows["gnw:YY:1"].admin1, rows["gnw:YY:1"].admin2) == ("North", "Hill")  # other countries untouched


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize("text, admin1, place", [
    ("A bomb went off near a cathedral in Jolo, Sulu, killing five worshippers.", "Sulu", "Jolo"),
    ("Soldiers clashed with gunmen in Jolo, Sulu, in the Bangsamoro region.", "Sulu", "Jolo"),
    ("Rebels ambushed an army patrol outside Iligan, Lanao del Norte.", "Lanao del Norte", "Iligan"),
    ("Gunmen shot dead a village chief in Maguindanao province.", "Maguindanao", None),
    ("A grenade was thrown at a bar in Makati, Metro Manila.", "Metro Manila", "Makati City"),
])
def test_philippine_towns_come_out_in_their_province(gaz, text, admin1, place):
    loc, _ = gaz.best_location(gaz.find_places(text))
    assert (loc.country, loc.admin1, loc.place) == ("PH", admin1, place)
