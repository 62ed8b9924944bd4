"""A part of a city named by its kind just before the city: the city is the place.

"Waberi District, Mogadishu", "Hlaing Township, Yangon", "the Jihad area of Baghdad", "on MCC Road,
Calabar": coders (GTD, ACLED) report the city, and a user filtering by town expects it; the part is
often missing from every gazetteer, so keeping it as the place also loses the city's point. Only a big
city (`places.BIG_CITY`) has parts of its own: before a small town, "X district" or "X area" is more
often the division or the countryside the town names ("Ohafia district", "Dumdail area, Razmak").
A district written before a city named like its province ("Daquq district, Kirkuk"), or one the
gazetteer knows as a division, lies in the province, not in the city.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from conflictlens.extract.lexicon import event_cues
from conflictlens.extract.places import BIG_CITY, division_written
from conflictlens.model.protocols import PlaceMention
from conflictlens.model.records import Location
from conflictlens.model.text import fold

if TYPE_CHECKING:
    from conflictlens.model.protocols import Geocoder

# How far before the city its part may be written ("Doob-doore area, Kaaraan district, Mogadishu").
_WINDOW = 90


def city_over_its_part(text: str, location: Location, basis: PlaceMention | None, inside: list[PlaceMention],
                       geocoder: Geocoder) -> tuple[Location, PlaceMention | None]:
    """The big city the incident's place is written as a part of, in place of the part; the province
    the incident's names gave stays (a report may name the city's province beside it)."""
    if not location.place:
        return location, basis
    for city in inside:
        entries = _big_city_entries(city, location)
        if not entries or not _part_written_before(text, city, location.place, inside):
            continue
        found, _ = geocoder.best_location([PlaceMention(city.start, city.end, city.text, entries)])
        if found.place is None:
            continue
        return replace(found, admin1=location.admin1 or found.admin1), city
    return location, basis


def _big_city_entries(city: PlaceMention, location: Location) -> tuple:
    """The mention's readings as a big city of the location's country and province, unless it is the
    place already."""
    # in the province the incident's names gave: "Bijapur City, Bastar District, Chhattisgarh" is not
    # Karnataka's big Bijapur
    entries = tuple(c for c in city.candidates if c.kind == "place" and c.population >= BIG_CITY
                    and c.country == location.country and (not location.admin1 or c.admin1 in (None, location.admin1)))
    if any(fold(c.name) == fold(location.place or "") for c in entries) or fold(city.text) == fold(location.place or ""):
        return ()
    return entries


def _part_written_before(text: str, city: PlaceMention, place: str, inside: list[PlaceMention]) -> bool:
    """The place is written, by its kind, as a part of the city said right after it."""
    pattern = event_cues().city_part_written
    lo = max(0, city.start - _WINDOW)
    if pattern is None or division_written(text, city) or fold(place) not in fold(text[lo:city.start]):
        return False
    m = pattern.search(text, lo, city.start)
    if m is None:
        return False
    if m.group("kind").lower() != "district":
        return True
    # "Daquq district, Kirkuk": before a city named like its province, a district is the province's; so is
    # one the gazetteer knows as a division ("Arghandab district")
    return not any(c.kind == "admin1" for c in city.candidates) and not any(
        p.end <= m.start("kind") <= p.end + 1 and any(c.kind == "admin2" for c in p.candidates) for p in inside)
