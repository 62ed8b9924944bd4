"""Where an incident happened: the places its own sentences name, read in the report's country.

A report names more places than the incident's: where it was filed, a victim's home town, an earlier
attack it compares with, the seat of an official who spoke. The incident's own sentences place it;
a name there that can only lie in a country the rest of the report never names is a misread alias
(`places.at_home`); a settlement no gazetteer holds is kept as written; and an incident whose
sentences name only the country keeps the province of the places told before it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from conflictlens.extract.city_parts import city_over_its_part
from conflictlens.extract.lexicon import event_cues
from conflictlens.extract.places import (CITY_PART_KINDS, at_home, distance_reference, division_written,
                                         elsewhere_reference, in_a_title, seats_an_office, settlement_named,
                                         written_place)
from conflictlens.extract.patterns import compile_pattern
from conflictlens.model.protocols import Geocoder, PlaceMention
from conflictlens.model.records import Event, Location

# How far after a settlement named by its kind the town it lies near may be said, and the words that say
# it lies near, not in, that town (`_lies_by`).
_BY_CHARS = 90
_NEAR = compile_pattern(r"\b(?:near|close to|outside|km|kms|kilomet(?:er|re)s?|miles?)\b", re.I)
_SENTENCE_END = compile_pattern(r"\.\s|;")
# What a country is named after when the scene only lies near it ("in the Tahoua region near Mali").
_NEAR_COUNTRY = compile_pattern(r"\b(?:near|close to|bordering|along)\s+(?:the\s+)?(?:borders?\s+(?:with\s+|of\s+)?)?$", re.I)
# A camp of the displaced said to lie in a town ("shelled Abu Shouk displacement camp in El-Fasher"): the camp
# is the scene and the town only where it lies. Not a village of a town ("Upper Cabengbeng village in
# Sumisip": the town, as GTD codes it) nor a town's area ("the Sangani Ser area of Turbat" is Turbat).
_CAMP_AFTER = compile_pattern(r"\s+(?:(?:displacement|displaced persons|displaced people|IDPs?|refugee)\s+)?camp\b", re.I)
_IN_TOWN = compile_pattern(r",?\s+(?:in|outside|on\s+the\s+outskirts\s+of)\s+(?:the\s+)?(?:(?:town|city)\s+of\s+)?", re.I)
# What joins a town to the division it lies in: "Dansadau in Maru LGA", "Aden's Khor Maksar district".
_TOWN_IN_DIVISION = compile_pattern(r"['’]s\s+|,?\s+(?:in|of)\s+(?:the\s+)?")

if TYPE_CHECKING:
    from conflictlens.extract.extractor import DocContext
    from conflictlens.extract.segment import Incident


def location_fields(event: Event, ctx: DocContext, incident: Incident, geocoder: Geocoder | None, ev) -> None:
    if geocoder is None:
        return
    start = incident.span[0]
    inside = _own_places(ctx, incident)
    # "160 miles from the capital, Ouagadougou" names where it did not happen, only near where.
    off = [p for p in inside if distance_reference(ctx.doc.text, p)]
    inside = [p for p in inside if p not in off] or inside
    # An incident that names no place takes the places said before it (a dateline, an earlier sentence).
    mentions = inside or at_home([p for p in ctx.places if p.start < start], ctx.places)
    if not mentions:
        event.location = _with_settlement(event.location, ctx, incident)
        return
    location, basis = geocoder.best_location(_in_report_province(mentions, ctx) if inside else mentions)
    if inside and all(p in off for p in inside) and location.precision == "place":
        location, basis = _province_only(location, basis, geocoder)  # "20 km north of Kabul": Kabul province
    elif inside:
        location, basis = _prefer_written_place(ctx.doc.text, location, basis, inside, geocoder)
        location = _settlement_of_division(ctx.doc.text, location, basis, ctx)
        location, basis = _province_of_reference(location, basis, off, geocoder)
        location, basis = _province_told_before(location, basis, ctx, start, geocoder)
        location, basis = city_over_its_part(ctx.doc.text, location, basis, inside, geocoder)
    elif location.precision == "place" and not (basis is not None and in_a_title(ctx.doc.text, basis.start)) \
            and _act_told_before(ctx, start):
        # A place named for an earlier incident is not this incident's place: keep its province only
        # (unless the headline names it: "Attacks in Kabul Over the Last Year" sets the whole report, or
        # no act is told before: "Gunmen threw stones at a house in X. Two were hurt" sets the scene).
        location, basis = _province_only(location, basis, geocoder)
    event.location = _with_settlement(location, ctx, incident, basis)
    if basis is not None:
        event.add_evidence("location", ev((basis.start, basis.end)))


def _act_told_before(ctx: DocContext, start: int) -> bool:
    """A sentence of the body before the incident tells an act (a strong trigger, as the segmenter's
    incidents open with), which the places there may belong to."""
    trigger = event_cues().strong_trigger
    return any(trigger.search(ctx.doc.text, max(a, ctx.body_start), min(b, start)) is not None
               for a, b in ctx.sentences if a < start and b > ctx.body_start)


def _in_report_province(mentions: list[PlaceMention], ctx: DocContext) -> list[PlaceMention]:
    """Sentences that name no province read a name of towns in several provinces in the one province of
    those that the report names ("Grenade injures women, children in Nasirabad" in a report on Balochistan:
    the Nasirabad of Balochistan, not the town of Sindh)."""
    if any(c.kind == "admin1" for m in mentions for c in m.candidates):
        return mentions
    named = {(c.country, c.name) for p in at_home(ctx.places, ctx.places) if len(p.candidates) == 1
             for c in p.candidates if c.kind == "admin1"}
    out = []
    for m in mentions:
        kept = tuple(c for c in m.candidates if (c.country, c.admin1) in named)
        several = len({(c.country, c.admin1) for c in m.candidates}) > 1
        out.append(PlaceMention(m.start, m.end, m.text, kept) if several and len({c.admin1 for c in kept}) == 1 else m)
    return out


def _own_places(ctx: DocContext, incident: Incident) -> list[PlaceMention]:
    """The places the incident's own sentences name as where it happened."""
    text = ctx.doc.text
    # Only the incident's own sentences place it: a background sentence between them ("They include a
    # series of bombings in Jalalabad two weeks ago") tells other places.
    # A sentence after them that says only where it took place ("The confrontation took place in Segovia") too.
    inside = [p for p in ctx.places if any(a <= p.start < b for a, b in (*incident.sentences, *incident.scenes))]
    # The dateline says where the report was filed; the body, when it names a place, says where it happened.
    inside = [p for p in inside if p.start >= ctx.body_start] or inside
    # "killing ... the Jalalabad police chief": the seat of a victim's or a speaker's office is no place of the act
    offices = [p for p in inside if seats_an_office(text, p)]
    # "the commander was from Nangarhar", "similar to the attack in Kerman": a home or a comparison; when
    # nothing else is left, an office's seat ("Kandahar's governor") over where someone else was
    # ("a spokeswoman in Kabul")
    told = [p for p in inside if not elsewhere_reference(text, p)]
    inside = [p for p in told if p not in offices] or told or [p for p in inside if p not in offices] or inside
    # "in the Tahoua region near Mali": a country said as what the scene lies near is a neighbour, not the scene
    inside = [p for p in inside if not _neighbour_country(text, p)] or inside
    return at_home(_districts_not_provinces(text, _towns_before_divisions(text, inside)), ctx.places)


def _neighbour_country(text: str, place: PlaceMention) -> bool:
    return any(c.kind == "country" for c in place.candidates) and _NEAR_COUNTRY.search(
        text, max(0, place.start - 40), place.start) is not None


def _districts_not_provinces(text: str, inside: list[PlaceMention]) -> list[PlaceMention]:
    """"Shikaan, Katsina district, Benue": a name written as a division below the province that another
    name of the incident places in a province of its own ("Benue") is that division, not the province it
    shares a name with (Katsina State): its province readings are dropped. A province written with its
    kind ("Antioquia department"), which the gazetteer knows only as a province, keeps them."""
    outright = {(c.country, c.name) for p in inside if all(c.kind == "admin1" for c in p.candidates)
                for c in p.candidates}
    out = []
    for p in inside:
        lower = tuple(c for c in p.candidates if c.kind != "admin1")
        other = {cc for cc, name in outright if not any(c.kind == "admin1" and c.name == name for c in p.candidates)}
        if lower and len(lower) < len(p.candidates) and other & {c.country for c in lower} \
                and division_written(text, p):
            p = PlaceMention(p.start, p.end, p.text, lower)
        out.append(p)
    return out


def _towns_before_divisions(text: str, inside: list[PlaceMention]) -> list[PlaceMention]:
    """"near Dansadau in Maru local government area", "Aden's Khor Maksar district": a name written as a
    division is no finer than the division, so the town said just before it, in it, is the place. Not a
    town after it ("Sirwah district, Marib": the province) nor one further off ("Taze subdistrict,
    Shwebo district": GTD names the district)."""
    divisions = [p for p in inside if division_written(text, p)]
    beside = [p for p in inside if p not in divisions and any(c.kind == "place" for c in p.candidates)
              and any(p.end <= d.start and _in_division(text, p, d) for d in divisions)]
    # A first-level division written with its kind ("Segovia, in the Antioquia department") still says which
    # province the town lies in.
    return [p for p in inside if p not in divisions or any(c.kind == "admin1" for c in p.candidates)] if beside else inside


def _in_division(text: str, town: PlaceMention, division: PlaceMention) -> bool:
    """The town is said just before the division, in it ("Dansadau in Maru LGA", "Aden's Khor Maksar")."""
    if town.text.endswith(("'s", "’s")):  # the possessive is part of the name found
        return not text[town.end:division.start].strip()
    return _TOWN_IN_DIVISION.fullmatch(text, town.end, division.start) is not None


def _province_of_reference(location: Location, basis: PlaceMention | None, off: list[PlaceMention],
                           geocoder: Geocoder) -> tuple[Location, PlaceMention | None]:
    """"at Pissele, near Bourzanga, in Burkina Faso": an incident that names only its country besides a
    distance reference lies in the reference's province."""
    if location.precision != "country" or not off:
        return location, basis
    near, near_basis = geocoder.best_location(off)
    if near.country != location.country or not near.admin1:
        return location, basis
    return _province_only(near, near_basis, geocoder)


def _province_told_before(location: Location, basis: PlaceMention | None, ctx: DocContext, start: int,
                          geocoder: Geocoder) -> tuple[Location, PlaceMention | None]:
    """An incident whose sentences name only its country ("rebels active in eastern DRC") lies in the
    province of the places told before it in that country, as an incident that names no place does;
    failing those, in the one province of that country the report names ("Zamfara state police said")."""
    if location.precision != "country":
        return location, basis
    before = at_home([p for p in ctx.places if p.start < start], ctx.places)
    prior, prior_basis = geocoder.best_location(before) if before else (Location(), None)
    if prior.country == location.country and prior.admin1:
        return _province_only(prior, prior_basis, geocoder)
    named = [p for p in at_home(ctx.places, ctx.places) if p.start >= ctx.body_start
             and not elsewhere_reference(ctx.doc.text, p)  # "a military spokeswoman in Kabul"
             and not distance_reference(ctx.doc.text, p)  # "474 km east of the capital, Bangui"
             and any(c.kind == "admin1" and c.country == location.country for c in p.candidates)]
    provinces = {c.admin1 for p in named for c in p.candidates if c.kind == "admin1" and c.country == location.country}
    if len(provinces) != 1:
        return location, basis
    return _province_only(*geocoder.best_location(named[:1]), geocoder)


def _with_settlement(location: Location, ctx: DocContext, incident: Incident,
                     basis: PlaceMention | None = None) -> Location:
    """A location with no place takes the settlement the incident names by its kind ("in Lingyado
    village"), which the gazetteer lacks, unless that name is a province or country it knows; so does
    one whose place is a town written as its division ("Gakurdi village in the Jibia local government
    area": the village, in the division the town names)."""
    as_division = bool(location.place) and basis is not None and division_written(ctx.doc.text, basis)
    spans = [(max(a, ctx.body_start), b) for a, b in (*incident.sentences, *incident.scenes) if b > ctx.body_start]
    found = settlement_named(ctx.doc.text, spans)
    near = location.place and not as_division and _lies_by(found, basis, ctx)
    if (location.place and not as_division and not near) or found is None or any(
            p.start <= found[1] < p.end and any(c.kind in ("country", "admin1") for c in p.candidates) for p in ctx.places):
        return location
    if as_division:  # the town's point stands for its division's
        return replace(location, place=found[0], admin2=location.admin2 or basis.text, precision="district")
    if near:  # the town's point is only near the settlement's
        return replace(location, place=found[0], precision="district" if location.admin2 else "province")
    # The coordinates stay those of the smallest known unit, which precision names.
    return replace(location, place=found[0])


def _lies_by(found: tuple[str, int, int] | None, basis: PlaceMention | None, ctx: DocContext) -> bool:
    """"the village of Kfarjouz near Nabatieh", "at Pissele, near Bourzanga": a settlement the gazetteer lacks,
    named by its kind, and a town said just after it, in the same sentence, as what it is near is a distance
    reference, not the place (the town may be named first elsewhere: "attack on Ngwom base near Maiduguri"
    above "in Ngwom village, 14 km north of ... Maiduguri"). So is a camp of the displaced said to lie in the
    town ("shelled Abu Shouk displacement camp in El-Fasher"). A part of a town is not near it: "the Sangani Ser
    area of Turbat" is Turbat, as GTD codes it."""
    if found is None or basis is None or any(p.start <= found[1] < p.end for p in ctx.places):
        return False
    text = ctx.doc.text
    if any(p.text == basis.text and found[2] <= p.start and p.start - found[2] <= _BY_CHARS
           and _NEAR.search(text, found[2], p.start) and not _SENTENCE_END.search(text, found[2], p.start)
           for p in ctx.places):
        return True
    camp = _CAMP_AFTER.match(text, found[2])
    return camp is not None and any(p.text == basis.text and _IN_TOWN.fullmatch(text, camp.end(), p.start) is not None
                                    for p in ctx.places if p.start >= camp.end())


def _prefer_written_place(text: str, location: Location, basis: PlaceMention | None, inside: list[PlaceMention],
                          geocoder: Geocoder) -> tuple[Location, PlaceMention | None]:
    """Keep the settlement the report names before the province, even when no gazetteer has it."""
    # The province a comma chain leads up to ("in Al-Balaq, Marib, Yemen"), not a later bare mention of
    # it ("one of three attacks around Marib")
    provinces = [m for m in reversed(inside) if _is_admin1(m, location)]
    province = next((m for m in provinces if written_place(text, m.start) is not None), provinces[0] if provinces else None)
    if province is None:
        return location, basis
    written = written_place(text, province.start)
    if written is None or (basis is not None and written.start <= basis.start < written.end):
        return location, basis
    if written.kind in CITY_PART_KINDS and location.place and basis is not None and basis.start == province.start:
        return location, basis  # "Afshar neighborhood, Kabul": a part of the city named like its province
    in_chain = basis is not None and written.end <= basis.start < province.start
    if not in_chain:
        location, basis = _province_only(location, province, geocoder)
    if written.kind == "district":
        return replace(location, admin2=location.admin2 or written.name), basis
    return replace(location, place=written.name), basis


def _settlement_of_division(text: str, location: Location, basis: PlaceMention | None, ctx: DocContext) -> Location:
    """"in Takhta Beg, Khyber district", "the village head of Mazoji, Matazu local government area": the
    name the comma chain gives before a district (or a town written as its division) is the place."""
    if basis is None or not (division_written(text, basis) or (location.precision == "district" and not location.place)):
        return location
    written = written_place(text, basis.start)
    if written is None or written.kind == "district" or any(
            p.start <= written.start < p.end and any(c.kind in ("country", "admin1") for c in p.candidates)
            for p in ctx.places):
        return location
    return replace(location, place=written.name, admin2=location.admin2 or basis.text,
                   precision="district" if location.place else location.precision)


def _is_admin1(mention: PlaceMention, location: Location) -> bool:
    return any(c.kind == "admin1" and c.admin1 == location.admin1 for c in mention.candidates)


def _province_only(location: Location, basis: PlaceMention | None, geocoder: Geocoder) -> tuple[Location, PlaceMention | None]:
    if basis is None:
        return location, basis
    admin1 = tuple(c for c in basis.candidates if c.kind == "admin1" and c.admin1 == location.admin1)
    if not admin1:
        return replace(location, place=None, admin2=None, lat=None, lon=None, precision=None), basis
    narrowed = PlaceMention(basis.start, basis.end, basis.text, admin1)
    return geocoder.best_location([narrowed])[0], basis
