"""How the gazetteer chooses among candidates: the countries and provinces a text names, namesakes
abroad, spelling across countries, and when namesakes are too far apart to be one answer."""

from __future__ import annotations

from typing import Sequence

from conflictlens.geo.normalize import TOKEN_RE, spelling_key
from conflictlens.model.area import MATCHING_EARTH_KM, km_between
from conflictlens.model.protocols import PlaceEntry, PlaceMention

STRENGTH = {"c": 3, "g": 2, "v": 1, "w": 0}
# Namesakes closer than this are one answer for a conflict record (see far_apart).
NAMESAKE_KM = 25.0
# A city this big, ten times any namesake abroad, is what a bare name means (see abroad).
DOMINANT_PEOPLE = 100_000


def abroad(scored: list, best: tuple) -> list[PlaceEntry]:
    """Namesakes of the best candidate in other countries that the text supports as well.

    Context, kind and closeness equal, a bigger town or a GeoNames town against a village list is no
    reason to put an event in one country rather than another ("Tripoli" in Libya or Lebanon), so
    they are namesakes; unless the best is curated and they are not, or it is a city of
    DOMINANT_PEOPLE ten times any other ("Paris").
    """
    curated = best[0][4] == STRENGTH["c"]  # a hand-picked place is what its name means ("Jalalabad")
    rivals = [e for score, e, _ in scored if score[:4] == best[0][:4] and e.country != best[1].country
              and not (curated and score[4] < best[0][4])]
    people = best[1].population
    if not rivals or (people >= DOMINANT_PEOPLE and people >= 10 * max(e.population for e in rivals)):
        return []
    top = {}
    for e in rivals:  # within each country, its biggest namesake, as within the best's own
        if e.population >= top.get(e.country, e).population:
            top[e.country] = e
    return [e for e in rivals if e.population == top[e.country].population]


def spelt_countries(mention: PlaceMention) -> frozenset[str]:
    """Countries with a candidate spelt letter for letter as written, when not all have one: across
    countries the spelling says which ("Sanaa" is Yemen's, not Peru's "Sana"); within one country
    spellings vary by source and say nothing, so every candidate there shares its country's mark (as in
    `_among_namesakes`, only between countries with one namesake area each)."""
    countries = {e.country for e in mention.candidates}
    if any(len({area(e) for e in mention.candidates if e.country == c}) > 1 for c in countries):
        return frozenset()  # a country with namesakes of its own: the spelling settles nothing
    written = letters(mention.text)
    spelt = frozenset(e.country for e in mention.candidates if letters(e.name) == written)
    return spelt if spelt != countries else frozenset()


def letters(name: str) -> str:
    return " ".join(spelling_key(t) for t in TOKEN_RE.findall(name))


def area(e: PlaceEntry) -> tuple[str, str | None, str | None]:
    return e.country, e.admin1, e.admin2


def far_apart(tied: Sequence[PlaceEntry]) -> bool:
    """Namesakes in different provinces, or in different districts of one province further apart
    than NAMESAKE_KM.

    Two rows for one place (two sources, a district spelt two ways) or two hamlets a few kilometres
    apart in one province are one answer for a conflict record; a neighbourhood of Karachi and one of
    Peshawar are not, and neither are two villages astride a provincial border (the province is a
    coded field of its own). Within one province, rows without a real point (none, or the 0,0 some
    sources use for none) are taken to be the same place as the others.
    """
    if len({area(e) for e in tied}) < 2:
        return False
    if len({(e.country, e.admin1) for e in tied}) > 1:
        return True
    points = [(e.lat, e.lon) for e in tied if has_point(e)]
    return any(km_between(*a, *b, earth_km=MATCHING_EARTH_KM) > NAMESAKE_KM
               for i, a in enumerate(points) for b in points[i + 1:])


def has_point(e: PlaceEntry) -> bool:
    return e.lat is not None and e.lon is not None and (e.lat, e.lon) != (0.0, 0.0)


def province_positions(mentions: Sequence[PlaceMention]) -> dict[tuple[str, str], list[int]]:
    out: dict[tuple[str, str], list[int]] = {}
    for idx, m in enumerate(mentions):
        for e in m.candidates:
            if e.kind == "admin1":
                out.setdefault((e.country, e.name), []).append(idx)
    return out


def most_named_country(mentions: Sequence[PlaceMention]) -> set[str]:
    """The one country more of the text's names could lie in than any other, if two or more do
    ("from Hyderabad to Jalalabad": each has namesakes, only India has both)."""
    votes: dict[str, int] = {}
    for m in mentions:
        for cc in {e.country for e in m.candidates}:
            votes[cc] = votes.get(cc, 0) + 1
    ranked = sorted(votes.values(), reverse=True)
    if not ranked or ranked[0] < 2 or (len(ranked) > 1 and ranked[1] == ranked[0]):
        return set()
    return {cc for cc, n in votes.items() if n == ranked[0]}


def named_context(mentions: Sequence[PlaceMention]) -> tuple[set[str], set[tuple[str, str]]]:
    """Countries and provinces the text names outright, else those its unambiguous names imply."""
    countries = {e.country for m in mentions for e in m.candidates if e.kind == "country"}
    if not countries:
        # The country of a district named outright, else of every name that lies in one country only.
        sole = [(next(iter(s)), m) for m in mentions if len(s := {e.country for e in m.candidates}) == 1]
        countries = {cc for cc, m in sole if _names_a_district(m)} or {cc for cc, _m in sole}
    if not countries:
        countries = most_named_country(mentions)
    provinces = {(e.country, e.name) for m in mentions for e in m.candidates
                 if e.kind == "admin1" and (not countries or e.country in countries)}
    if not provinces:
        implied = [_implied_province(m) for m in mentions]
        # A district named outright ("West Midnapore District") outweighs a town's name, which an old
        # source may have given a namesake in another state ("Lalgarh" as Punjab's Laungowal).
        by_district = [p for p, m in zip(implied, mentions) if p and _names_a_district(m)]
        provinces = set(by_district) or {p for p in implied if p}
    return countries, provinces


def _implied_province(mention: PlaceMention) -> tuple[str, str] | None:
    """The one (country, province) all of a mention's rows lie in, if they agree and know it."""
    pairs = {(e.country, e.name if e.kind == "admin1" else e.admin1) for e in known_province_rows(mention.candidates)}
    return next(iter(pairs)) if len(pairs) == 1 and None not in next(iter(pairs)) else None


def _names_a_district(mention: PlaceMention) -> bool:
    return any(e.kind == "admin2" for e in mention.candidates) and all(
        e.kind in ("admin2", "place") for e in mention.candidates)


def known_province_rows(candidates: Sequence[PlaceEntry]) -> Sequence[PlaceEntry]:
    """The candidates without a town's second row that names no province: a row that knows its
    province and lies within NAMESAKE_KM of one that does not ("Iligan City", none, beside "Iligan",
    Lanao del Norte) is that town, so the unknown province may not stand for whatever province the
    report names."""
    known = [e for e in candidates if e.kind == "place" and e.admin1 and has_point(e)]
    if not known:
        return candidates
    return [e for e in candidates if not (e.kind == "place" and not e.admin1 and has_point(e) and any(
        k.country == e.country and km_between(e.lat, e.lon, k.lat, k.lon, earth_km=MATCHING_EARTH_KM) <= NAMESAKE_KM
        for k in known))]
