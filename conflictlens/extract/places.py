"""The place as the report writes it: "in Jaje Tapa, Sarkani district, Kunar, Afghanistan".

Reports name villages and neighbourhoods no gazetteer holds. When a comma chain of names leads up
to a known province, its most specific settlement is the place, even if it has no coordinates of
its own: the record then keeps the coordinates of the smallest known unit and says so in precision.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from conflictlens.extract.lexicon import event_cues
from conflictlens.extract.patterns import compile_pattern, may_occur
from conflictlens.model.protocols import Geocoder, PlaceEntry, PlaceMention
from conflictlens.model.text import fold
from conflictlens.model.vocab import speech_verbs_pattern

# A line that ends a sentence (a full stop, perhaps inside a closing quote or bracket).
_ENDS_A_SENTENCE = compile_pattern(r"[.!?…][\"'”’)\]]*\s*$")
# A headline is a line, not a paragraph.
TITLE_CHARS = 160
# An Arabic article joined to the next word is part of the name: "Ras al-Ain", "Tel el-Kebir".
_NAME = r"[A-Z0-9][\w'’.-]*(?:\s+(?:[A-Z0-9][\w'’.-]*|[a-z]{1,3}-[A-Z][\w'’.-]*|e|i|ul|al|de|of))*"
_ELEMENT = compile_pattern(
    rf"^\s*(?:the\s+)?(?P<name>{_NAME})(?:\s+(?P<kind>village|area|neighbou?rhood|locality|bazaar|town|"
    r"district|tehsil|city|sub-?division|sector|road|highway|market|square|camp))?\s*$")
# Parts of a city that GTD and most coders do not report as the place itself.
_CITY_PART = compile_pattern(
    r"police district|\bpd\s*\d|\bdistrict\s+\d+|^\d+(?:st|nd|rd|th)\b|^(?:first|second|third|fourth|"
    r"fifth|sixth|seventh|eighth|ninth|tenth|\w+th)\s+police", re.I)
# Parts of a town: before a city that shares its province's name, the city is the place coders report.
CITY_PART_KINDS = frozenset({"neighborhood", "neighbourhood", "area", "locality", "bazaar", "market", "square", "road"})
_MINOR = ("village", "area", "neighborhood", "neighbourhood", "locality", "bazaar", "road", "highway", "market", "square", "camp")
# What opens a chain: a preposition, or a verb whose object is the place ("Assailants attacked Ugboke, Edo").
# A report is set in a country when names that can only lie there make at least this many votes
# (`country_votes`: its own name once is enough), twice as many as any other country's.
HOME_VOTES = 2
# A city this big, written as its gazetteer entry, is itself where a report says it is, at home or not.
BIG_CITY = 100_000
_CHAIN_START = compile_pattern(r"\b(?:in|near|at|into|outside|of|from|on|around|between|inside|attacked|raided|stormed|"
                               r"ambushed|overran|shelled|bombed|besieged|entered|targeting|targeted)\s+(?=[^,]*$)", re.I)


@dataclass(frozen=True)
class WrittenPlace:
    name: str
    start: int
    end: int
    kind: str | None


def written_place(text: str, admin1_start: int, window: int = 160) -> WrittenPlace | None:
    """The settlement named in the comma chain that ends just before a province name."""
    lo = max(0, admin1_start - window)
    head = text[lo:admin1_start]
    if not head.rstrip().endswith(","):
        return None
    elements = _chain(head.rstrip()[:-1], lo)
    return _pick(elements)


def _chain(head: str, offset: int) -> list[WrittenPlace]:
    """Comma-separated names, back to the preposition that opens the chain."""
    parts: list[WrittenPlace] = []
    end = len(head)
    for piece in reversed(head.split(",")):
        start = end - len(piece)
        lead = _last_lead(piece)
        name_part = piece[lead:] if lead is not None else piece
        m = _ELEMENT.match(name_part)
        if not m:
            break
        s = start + (lead or 0) + m.start("name")
        parts.insert(0, WrittenPlace(m.group("name"), offset + s, offset + s + len(m.group("name")), m.group("kind")))
        if lead is not None:
            break
        end = start - 1
    return parts


def _last_lead(piece: str) -> int | None:
    m = None
    for m in _CHAIN_START.finditer(piece):
        pass
    return m.end() if m else None


def _pick(elements: list[WrittenPlace]) -> WrittenPlace | None:
    # "Sanaa, in 2014, Aden has served ...": a bare number (a year) is no place name
    kept = [e for e in elements if not _CITY_PART.search(e.name + " " + (e.kind or "")) and not e.name.isdigit()]
    for i, e in enumerate(kept):
        following = kept[i + 1] if i + 1 < len(kept) else None
        if e.kind in _MINOR and following is not None and following.kind != "district":
            continue
        return e
    return None


def admin_names(p: PlaceMention, country: str | None = None) -> str:
    """Name a mention by what it denotes below country level, so 'Kabul' and 'Kabul city' agree; '' for a
    country. A name that is a country's ("in central Mexico", "northern Mozambique", "near the border with
    Mali") names that country in a report of it (the report's main `country`), or in one where no entry of
    that name lies in the report's country: not the State of México, nor the island town of Mozambique. A
    country's name that is also a division of the report's country ("Niger" in a Nigerian report) stays the
    division."""
    kinds = {c.kind for c in p.candidates}
    if kinds == {"country"} or _names_a_country(p, country):
        return ""
    # "Borno State" and "Borno" name one province: its entry's name, not the words written
    province = {c.name.lower() for c in p.candidates if c.kind == "admin1"}
    return province.pop() if len(province) == 1 else p.text.lower()


def _names_a_country(p: PlaceMention, country: str | None) -> bool:
    nations = {c.country for c in p.candidates if c.kind == "country"}
    if not nations or country is None:
        return False
    return country in nations or not any(c.country == country for c in p.candidates if c.kind != "country")


def province_of(p: PlaceMention, country: str | None = None) -> str:
    """The province a town or district name lies in, when all its entries agree ('' otherwise): a
    sentence naming a town of the province told before ("a village in Gubio district" after "Borno
    State") tells no new place. With the report's main `country`, only its entries are asked when it
    has any ("Gubio" in a Nigerian report is not Gubbio, Umbria)."""
    candidates = ([c for c in p.candidates if c.country == country] or p.candidates) if country else p.candidates
    provinces = {(c.admin1 or "").lower() for c in candidates if c.kind in ("admin2", "place")}
    return provinces.pop() if len(provinces) == 1 and len(candidates) >= 1 and all(
        c.kind in ("admin2", "place") for c in candidates) else ""


def main_country(places: list[PlaceMention], homes: Iterable[str] = ()) -> str | None:
    """The country most place names in the report and the home countries of the groups it names
    (one vote a mention) belong to (for picking regional branches)."""
    votes = Counter(next(iter({c.country for c in p.candidates})) for p in places
                    if len({c.country for c in p.candidates}) == 1)
    votes.update(homes)
    return votes.most_common(1)[0][0] if votes else None


def seats_an_office(text: str, place: PlaceMention) -> bool:
    """'the Jalalabad police chief', 'Ghazni Gov. X': the place names whose office, not where it happened."""
    pattern = event_cues().office_holder
    return pattern is not None and pattern.match(text, place.end) is not None


def distance_reference(text: str, place: PlaceMention) -> bool:
    """'160 miles from the capital, Ouagadougou': the place names where it did not happen, only near where."""
    pattern = event_cues().distance_reference
    return pattern is not None and pattern.search(text, max(0, place.start - 80), place.start) is not None


def in_a_title(text: str, position: int) -> bool:
    """A headline ("A Timeline of Major Attacks in Kabul Over the Last Year"): a short line that ends
    no sentence, above the first line that does. The place it names is where the whole report is set."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    line = text[start:end if end >= 0 else len(text)]
    if len(line) > TITLE_CHARS or _ENDS_A_SENTENCE.search(line):
        return False
    return not any(_ENDS_A_SENTENCE.search(above) for above in text[:start].splitlines())


def elsewhere_reference(text: str, place: PlaceMention) -> bool:
    """'a native of Herat', 'similar to the attack in Kerman': the place names where it did not happen."""
    pattern = event_cues().elsewhere_reference
    start = max(0, place.start - 80)  # a match lies inside the window: its words are looked for first
    return (pattern is not None and may_occur(pattern, text[start:place.start])
            and pattern.search(text, start, place.start) is not None)


def division_written(text: str, place: PlaceMention) -> bool:
    """'the Jibia local government area', 'Lubero territory', 'the district of Mocimboa da Praia': the
    name is written as a division."""
    cues = event_cues()
    if cues.division_before is not None and cues.division_before.search(text, max(0, place.start - 40), place.start):
        return True
    return cues.division_written is not None and cues.division_written.match(text, place.end) is not None


def settlement_named(text: str, spans: Iterable[tuple[int, int]]) -> tuple[str, int, int] | None:
    """The first settlement the spans name by its kind ("in Lingyado village", "the village of
    Mangazi"), as written, with its span."""
    pattern = event_cues().settlement_named
    for start, end in spans if pattern is not None else ():
        m = pattern.search(text, start, end)
        if m is not None:
            group = next(g for g in ("name", "name_after", "name_near") if m.groupdict().get(g))
            return m.group(group), m.start(group), m.end(group)
    return None


def country_votes(places: Iterable[PlaceMention]) -> Counter:
    """Per country, how many differently written names in the report can only lie there (a country's
    own name counts twice): what the report says about where it is set."""
    seen: dict[str, set[str]] = {}
    for p in places:
        # A country's name is that country's, whatever towns abroad are called like it ("Colombia")
        named = {c.country for c in p.candidates if c.kind == "country"}
        countries = named or {c.country for c in p.candidates}
        if len(countries) == 1:
            weight = 2 if named else 1
            seen.setdefault(next(iter(countries)), set()).update(f"{p.text.casefold()}#{n}" for n in range(weight))
    return Counter({country: len(names) for country, names in seen.items()})


def home_country(votes: Counter) -> str | None:
    """The country a report is set in: the one its names vote for (`country_votes`) at least HOME_VOTES
    times and twice as often as any other; None when no country is that clear."""
    ranked = votes.most_common(2)
    if not ranked or ranked[0][1] < HOME_VOTES or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return ranked[0][0]


def with_local_towns(text: str, places: list[PlaceMention], country: str | None, geocoder: Geocoder,
                     not_here: list[tuple[int, int]], persons: list[tuple[int, int]]) -> list[PlaceMention]:
    """The report's places and the small towns of the country it is set in that it names as places
    (`Geocoder.with_local_places`); none inside a person's name, an actor's name or the messengers
    (`not_here`), as for the other places. The country is the clear home of its names (`home_country`),
    or its main `country` (names and groups) where no name votes for another or where its names vote for it more
    than for any other (a report from a border area names the neighbours: "in the Tillia area, in the Tahoua
    region near Mali ... the Niger-Burkina Faso-Mali border"); else no small town is read."""
    votes = country_votes(places)
    home = home_country(votes) or (country if country and _leads(votes, country) else None)
    if home is None:
        return places
    old = {(p.start, p.end) for p in places}
    merged = geocoder.with_local_places(text, places, home)
    new = not_persons([p for p in merged if (p.start, p.end) not in old], persons, text)
    keep = {(p.start, p.end) for p in new if not any(s <= p.start and p.end <= e for s, e in not_here)} | old
    return [p for p in merged if (p.start, p.end) in keep]


def _leads(votes: Counter, country: str) -> bool:
    """No name votes for another country, or more names vote for this one than for any other."""
    ranked = votes.most_common(2)
    return set(votes) <= {country} or (ranked[0][0] == country and (len(ranked) < 2 or ranked[0][1] > ranked[1][1]))


def at_home(mentions: list[PlaceMention], report: Iterable[PlaceMention]) -> list[PlaceMention]:
    """The mentions as read in the country the report is set in: a name that can lie there loses its
    namesakes in countries nothing else in the report names ("Kerman" is Iran's, not California's), and a
    name only abroad that no other name supports is dropped ("Al Jalaa camp" in a report from Aden is
    not Yala, Thailand; "IRNA reported" is no Salerno), unless it is a country or a big city written as
    its entry is. With no clear home country (HOME_VOTES, twice any other's), the mentions stay as they are."""
    votes = country_votes(report)
    home = home_country(votes)
    if home is None:
        return mentions
    kept = []
    for m in mentions:
        named = [c for c in m.candidates if c.country == home or c.kind == "country" or votes[c.country] > 1]
        if any(c.country == home for c in m.candidates):
            kept.append(m if len(named) == len(m.candidates) else PlaceMention(m.start, m.end, m.text, tuple(named)))
        elif named or any(_unmistakable(m.text, c) for c in m.candidates):
            kept.append(m)
    return _without_foreign_countries(kept, home)


def _without_foreign_countries(mentions: list[PlaceMention], home: str) -> list[PlaceMention]:
    """Beside a place of the report's home country, another country's bare name says whose agents,
    backers or neighbours, not where: "stormed the Tamou police station ... 'five apostate agents of
    France'", "a town held by fighters close to Turkey"."""
    if not any(c.country == home for m in mentions for c in m.candidates):
        return mentions
    return [m for m in mentions if not all(c.kind == "country" and c.country != home for c in m.candidates)]


def _unmistakable(written: str, entry: PlaceEntry) -> bool:
    """A big city written as its entry is: no misread alias ("Kabul" in a report from Peshawar)."""
    return entry.population >= BIG_CITY and fold(written) == fold(entry.name)


def not_persons(places: list[PlaceMention], persons: list[tuple[int, int]], text: str) -> list[PlaceMention]:
    """The place names that are no person's name: none inside one ("spokesman Attaullah Khogyani"), nor a
    surname of a person named in full in the report, as a speaker ("... said Tariq Arian. [...], Arian
    said"); "Gubio" in a report that quotes "Haruna Gubio" is still the town where it is no speaker."""
    surnames = {text[s:e].split()[-1] for s, e in persons if len(text[s:e].split()) > 1}
    return [p for p in places if not (p.text in surnames and _SPEAKS.match(text, p.end))
            and not any(s <= p.start and p.end <= e and e - s > p.end - p.start for s, e in persons)]


_SPEAKS = compile_pattern(rf"\s+(?:{speech_verbs_pattern()}|explained)\b")
