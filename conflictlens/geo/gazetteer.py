"""The offline gazetteer: finds place names in text and picks the location a report rests on.

`Gazetteer` satisfies `conflictlens.model.protocols.Geocoder`. Matching is a dictionary lookup of
normalised 1-5 word n-grams that start with a capitalised word, so it costs a few microseconds per
sentence and needs nothing beyond the standard library.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from functools import cached_property
from typing import Sequence

from conflictlens.geo.choosing import (STRENGTH, abroad, area, far_apart, has_point, known_province_rows, named_context,
                                       province_positions, spelt_countries)
from conflictlens.geo.loader import GazetteerData, load_bundled, read_user_places, with_user_places
from conflictlens.geo.cue_words import (cue_after, cue_words, kind_before, load_allegiance_phrases, load_attributive_words,
                                        starts_a_name)
from conflictlens.geo.local import with_local_places
from conflictlens.geo.normalize import (CONNECTORS, POSSESSIVE_RE, TOKEN_RE, fold_token, key_from_folded, name_key, name_span,
                                        stem_token)
from conflictlens.model.protocols import PlaceEntry, PlaceMention
from conflictlens.model.records import Location
from conflictlens.model.text import fold

# How many comma-separated names may stand between a name and the country that closes its chain.
CHAIN_HOPS = 3
SPECIFICITY = {"country": 0, "admin1": 1, "admin2": 2, "place": 3}
PRECISION = {"country": "country", "admin1": "province", "admin2": "district", "place": "place"}
# A city this big needs no cue word, whatever its name folds like.
MILLION_CITY = 1_000_000
# How alike (difflib ratio of the folded letters) a written name and its entry's must be for the
# written one to be a spelling of it ("Azaz" of Izaz, "Jenin" of Janin) rather than a short form
# ("Mazar" of Mazar-i-Sharif, "DG Khan" of Dera Ghazi Khan).
SPELLING_RATIO = 0.75


class Gazetteer:
    """Bundled countries, first-level divisions, Afghan/Pakistani districts, towns and villages."""

    def __init__(self, data: GazetteerData) -> None:
        self._data = data

    @classmethod
    def load(cls, extra_path: str | None = None) -> Gazetteer:
        data = load_bundled()
        if extra_path:
            data = with_user_places(data, read_user_places(extra_path))
        return cls(data)

    # -- lookups ------------------------------------------------------------------------------
    def lookup(self, name: str, kind: str | None = None, country: str | None = None) -> list[PlaceEntry]:
        """Entries whose name or alias normalises like `name`, optionally of one kind/country."""
        return [e for e in self._data.index.get(name_key(name), ())
                if (kind is None or e.kind == kind) and (country is None or e.country == country)]

    def province_centroid(self, country: str, admin1: str) -> tuple[float, float] | None:
        for e in self.lookup(admin1, kind="admin1", country=country):
            if e.lat is not None and e.lon is not None:
                return e.lat, e.lon
        return None

    def _district(self, country: str, admin1: str | None, admin2: str) -> PlaceEntry | None:
        for e in self.lookup(admin2, kind="admin2", country=country):
            if e.admin1 == admin1 and e.lat is not None:
                return e
        return None

    # -- finding names in text ----------------------------------------------------------------
    def find_places(self, text: str) -> list[PlaceMention]:
        tokens = list(TOKEN_RE.finditer(text))
        first, out, i = self._data.first_words, [], 0
        while i < len(tokens):
            if starts_a_name(text, tokens, i):
                folded = fold_token(tokens[i].group())
                if folded in first or stem_token(folded) in first:
                    found = self._match_at(text, tokens, i)
                    if found is not None:
                        out += [found[0]] if found[0] is not None else []
                        i = found[1]
                        continue
            i += 1
        return out

    def with_local_places(self, text: str, mentions: Sequence[PlaceMention], country: str) -> list[PlaceMention]:
        """The mentions and the small towns of `country` the text names as places (`local.with_local_places`)."""
        return with_local_places(text, mentions, country, self._data.index.eager)

    def _span_end(self, text: str, tokens: list, i: int) -> int:
        return name_span(text, tokens, i)

    def _match_at(self, text: str, tokens: list, i: int) -> tuple[PlaceMention | None, int] | None:
        """The longest name at token i and where the next name may start; a country name that
        places nothing ("the U.S. embassy", "loyal to the United Arab Emirates") is skipped whole,
        so no shorter name inside it ("Emirates") is taken for a place."""
        folded = []
        for tok in tokens[i:i + self._span_end(text, tokens, i)]:
            folded.append(fold_token(tok.group()))
        for n in range(len(folded), 0, -1):
            key = key_from_folded(folded[:n])
            entries = self._data.index.get(key)
            if not entries:
                continue
            kept = self._accept(entries, key, text, tokens, i, i + n)
            if kept:
                start, end = tokens[i].start(), tokens[i + n - 1].end()
                return PlaceMention(start, end, text[start:end], kept), i + n
            if n > 1 and all(e.kind == "country" for e in entries):
                return None, i + n
        return None

    def _accept(self, entries, key, text, tokens, i, j) -> tuple[PlaceEntry, ...]:
        """Drop candidates a bare name is too weak to support; narrow by a following cue word."""
        if all(e.kind == "country" for e in entries) and (
                _qualifies_a_noun(text, tokens, i, j) or _names_a_side(text, tokens[i].start())):
            return ()
        # "the Chhattisgarh Police's District Force": after a possessive the next word is what it owns,
        # no cue that the name is a place
        cue = None if POSSESSIVE_RE.search(tokens[j - 1].group()) else cue_after(text, tokens, j)
        cues = cue_words()
        kind = cues.after.get(cue) if cue else None
        # "the northwestern state of Kaduna", "the town of Jolo": the kind said before the name
        before = None if kind else kind_before(text, tokens, i)
        if kind in ("place", "admin2"):  # "Tunga and Kabaje villages": no country Tonga
            entries = [e for e in entries if e.kind != "country"]
        embedded = _capital_neighbour(text, tokens, i, j)
        # Not for the tail of a longer name ("Orta Buz": not a town called "Buz").
        chained = None if embedded else self._chain_country(text, tokens, j)
        if chained is not None:  # "Mansi, Kachin, Myanmar" is not Muncie, Indiana, whatever it folds like
            entries = [e for e in entries if e.country == chained or e.kind == "country"]
        kept = []
        for e in entries:
            strength = self._data.meta[e.id].strength
            if strength != "c" and key in self._data.stoplist:
                strength = "w"
            if strength == "w" and (kind or before) is None and e.country != chained and not self._needs_no_cue(e, key):
                continue
            if strength == "v" and kind is None and embedded:
                continue
            kept.append(e)
        narrowed = [e for e in kept if (kind or before) and e.kind == (kind or before)]
        if cue in cues.also_district and not narrowed:  # "the Lower Dir region": a district is a region too
            narrowed = [e for e in kept if e.kind == "admin2"]
        if kind == "admin1" and not narrowed and all(self._data.meta[e.id].strength != "c" for e in kept):
            return ()  # "Islamic State Khorasan Province": a province of that name, not a town called so
        return tuple(narrowed or kept)

    def _needs_no_cue(self, e: PlaceEntry, key: str) -> bool:
        """A city of a million is what its name means, even one that folds like a word ("Sanaa")."""
        return e.kind == "place" and e.population >= MILLION_CITY and key not in self._data.stoplist

    def _chain_country(self, text: str, tokens: list, j: int) -> str | None:
        """The country that closes a comma chain after the name ("Emuhu, Delta, Nigeria"): a name
        the chain puts in a country means a place there, even a word that is weak alone ("Delta")."""
        for _hop in range(CHAIN_HOPS):
            if j >= len(tokens) or text[tokens[j - 1].end():tokens[j].start()] != ", ":
                return None
            if not tokens[j].group()[0].isupper():
                return None
            n = self._span_end(text, tokens, j)
            folded = [fold_token(t.group()) for t in tokens[j:j + n]]
            for size in range(n, 0, -1):
                country = self._country_named(key_from_folded(folded[:size]))
                if country and not _capitalised_word_follows(text, tokens, j + size):
                    return country
            j += n
        return None

    def _country_named(self, key: str) -> str | None:
        """The code of the country called `key`. Countries are in the eager layer: asking the whole
        index would read every country file whose towns share the key ("Edo", "Chin")."""
        return next((e.country for e in self._data.index.eager.get(key, ()) if e.kind == "country"), None)

    # -- choosing the location ----------------------------------------------------------------
    def best_location(self, mentions: Sequence[PlaceMention]) -> tuple[Location, PlaceMention | None]:
        if not mentions:
            return Location(), None
        countries, provinces = named_context(mentions)
        named = province_positions(mentions)
        scored = []
        for idx, m in enumerate(mentions):
            is_province = any(e.kind == "admin1" for e in m.candidates)
            spelt = spelt_countries(m)
            scored.extend((self._score(e, idx, countries, provinces, named, is_province, spelt), e, m)
                          for e in known_province_rows(m.candidates))
        best = scored[0]
        for item in scored[1:]:
            if item[0] > best[0]:
                best = item
        tied = [e for score, e, _ in scored if score == best[0]]
        if best[1].kind in ("place", "admin2") and far_apart(tied := tied + abroad(scored, best)):
            return self._among_namesakes(tied, best[2], mentions), best[2]
        # Rows of one place: the name from the first, the point from one that has a real point.
        donor = best[1] if has_point(best[1]) else next((e for e in tied if has_point(e)), None)
        location = self._location(best[1], donor)
        if best[1].kind in ("place", "admin2") and self._data.meta[best[1].id].strength != "c":  # a curated name is chosen
            # a district too: "Deh Rawood" as the report spells Deh Rahwod
            setattr(location, best[1].kind, as_written(best[2].text, best[1].name))
        named_here = {a1 for cc, a1 in provinces if cc == location.country}
        if best[1].kind == "place" and location.admin1 is None and len(named_here) == 1:
            location.admin1 = next(iter(named_here))  # a town no source files lies in the one province named
        return location, best[2]

    def _among_namesakes(self, tied: Sequence[PlaceEntry], mention: PlaceMention,
                         mentions: Sequence[PlaceMention]) -> Location:
        """Where a place or district name equally likely in several far-apart places lies, as far as
        the text says (three districts are called Kohistan).

        Nothing tells the namesakes apart (same context, source and population, often none): a bare
        "Saddar" is a neighbourhood of Karachi, Peshawar and Rawalpindi alike. Picking one by the
        order of the gazetteer's rows would be a confident guess. A district another mention names
        picks one ("Baghak, Nirkh district"), and so does the exact spelling across countries, or
        being the seat of a district of the same name (a bare "Sahiwal"); otherwise the location
        keeps the name as written, in the province, else the country, the namesakes share.
        """
        districts = {(e.country, e.admin1, e.name) for m in mentions if m is not mention
                     for e in m.candidates if e.kind == "admin2"}
        # Between countries with one namesake each, the spelling the text uses, letter for letter: each
        # country transliterates its own way (Pakistan's "Bannu", Baghlan's "Bano"); within one country,
        # spellings vary by source and say nothing. Then a town named like its own district: its seat,
        # the one a bare name means.
        countries = {e.country for e in tied}
        across = len(countries) > 1 and all(len({area(e) for e in tied if e.country == c}) == 1 for c in countries)
        spelt = [e for e in tied if across and e.name.casefold() == mention.text.casefold()]
        # Seats only within one country: abroad, whether a district is known is a matter of sources.
        seats = [e for e in tied if e.kind == "place" and e.admin2 and name_key(e.admin2) == name_key(e.name)
                 and len(countries) == 1]
        for chosen in ([e for e in tied if area(e) in districts], spelt, seats):
            if len({area(e) for e in chosen}) == 1:
                return self._location(chosen[0])
        return self._shared_area(tied, mention.text)

    def _shared_area(self, tied: Sequence[PlaceEntry], written: str) -> Location:
        """The name as written (without a possessive: "Kohistan's"), in the province (else the country) all
        namesakes lie in, at its point."""
        named = {"place" if tied[0].kind == "place" else "admin2": POSSESSIVE_RE.sub("", written).strip() or written}
        countries = {e.country for e in tied}
        if len(countries) > 1:
            return Location(**named)
        country = next(iter(countries))
        provinces = {e.admin1 for e in tied}
        if len(provinces) == 1 and None not in provinces:
            admin1 = next(iter(provinces))
            lat, lon = self.province_centroid(country, admin1) or (None, None)
            return Location(country=country, admin1=admin1, lat=lat, lon=lon, precision="province", **named)
        entry = self._countries.get(country)
        lat, lon = (entry.lat, entry.lon) if entry else (None, None)
        return Location(country=country, lat=lat, lon=lon, precision="country", **named)

    @cached_property
    def _countries(self) -> dict[str, PlaceEntry]:
        """Country code -> the country's entry (for its point), found once."""
        return dict(self._data.countries)

    def _score(self, e: PlaceEntry, idx: int, countries: set, provinces: set, named: dict,
               is_province: bool, spelt: frozenset[str] = frozenset()) -> tuple:
        """Consistency with the named country/provinces, then specificity, then closeness.

        A city that shares its province's name ("Herat, Herat") ranks between province and
        district: "Ghoryan, Herat" means Ghoryan district, a bare "Herat" the city. A province
        named after a name ("X, Ghazni, Afghanistan") is its most likely container.
        """
        country_ok = not countries or e.country in countries
        admin1 = e.name if e.kind == "admin1" else e.admin1
        constrained = any(cc == e.country for cc, _ in provinces)
        # A town whose province the sources do not say may lie in the province the text names: its
        # unknown province is no conflict ("Machava village ... province of Cabo Delgado").
        admin1_ok = (e.kind == "country" or not constrained or (e.country, admin1) in provinces
                     or (admin1 is None and e.kind == "place"))
        spec = SPECIFICITY[e.kind]
        if is_province and e.kind in ("place", "admin2"):
            spec = 1.5
        places = named.get((e.country, admin1), ())
        near = min(((j - idx) if j >= idx else (idx - j) + 10 for j in places), default=99)
        strength = STRENGTH[self._data.meta[e.id].strength]
        # The spelling tells namesakes of one mention apart ("Sanaa" is Yemen's, not Peru's "Sana"); a
        # mention it settles nothing for ("Aden") is no worse spelt than another mention.
        spelt_ok = not spelt or e.country in spelt
        return (int(country_ok) + int(admin1_ok), int(spelt_ok), spec, -near, strength, -idx, e.population)

    def _location(self, e: PlaceEntry, point: PlaceEntry | None = None) -> Location:
        """`e` as a location, at `point`'s coordinates when given (another row of the same place)."""
        where = point if point is not None else e
        lat, lon = (where.lat, where.lon) if has_point(where) else (None, None)
        loc = Location(country=e.country, admin1=e.admin1, admin2=e.admin2, lat=lat, lon=lon,
                       precision=PRECISION[e.kind])
        if e.kind == "admin1":
            loc.admin1 = e.name
        elif e.kind == "admin2":
            loc.admin2 = e.name
            if loc.lat is None and loc.admin1:  # a district no open set locates (Burkina Faso's provinces)
                loc.lat, loc.lon = self.province_centroid(loc.country, loc.admin1) or (None, None)
        elif e.kind == "place":
            loc.place = e.name
            if loc.lat is None:
                self._fallback_point(loc)
        return loc

    def _fallback_point(self, loc: Location) -> None:
        """A place without its own point takes its district's, else its province's, at that precision."""
        district = self._district(loc.country, loc.admin1, loc.admin2) if loc.admin2 else None
        if district is not None:
            loc.lat, loc.lon, loc.precision = district.lat, district.lon, "district"
            return
        point = self.province_centroid(loc.country, loc.admin1) if loc.admin1 else None
        loc.lat, loc.lon = point if point else (None, None)
        loc.precision = "province" if point else ("province" if loc.admin1 else "country")


def _qualifies_a_noun(text: str, tokens: list, i: int, j: int) -> bool:
    """'the U.S. embassy', 'Pakistan army officials': a country name before one of the attributive
    words says whose embassy or army, not where the event happened."""
    if j >= len(tokens):
        return False
    gap = text[tokens[j - 1].end():tokens[j].start()]
    # "U.S. embassy": the full stop ends an abbreviation, not a sentence ("in Pakistan. Officials said").
    abbreviation = gap.strip() == "." and len(tokens[j - 1].group()) == 1 and j - i > 1
    if gap not in (" ", "-") and not abbreviation:  # "Saudi-backed forces" qualifies a noun too
        return False
    return fold_token(tokens[j].group()) in load_attributive_words()


def _names_a_side(text: str, start: int) -> bool:
    """'forces loyal to the United Arab Emirates', 'rebels backed by Iran': whose side, not where."""
    return load_allegiance_phrases().search(text, max(0, start - 30), start) is not None


def _capitalised_word_follows(text: str, tokens: list, k: int) -> bool:
    """True if token k goes on the name before it: capitalised, with only spaces between."""
    return k < len(tokens) and not text[tokens[k - 1].end():tokens[k].start()].strip() and tokens[k].group()[0].isupper()


def _capital_neighbour(text: str, tokens: list, i: int, j: int) -> bool:
    """True if the name sits inside a longer run of capitalised words (likely a person's name)."""
    if i > 0 and not text[tokens[i - 1].end():tokens[i].start()].strip():
        if tokens[i - 1].group()[0].isupper():
            return True
    if j < len(tokens) and not text[tokens[j - 1].end():tokens[j].start()].strip():
        return tokens[j].group()[0].isupper()
    return False


def as_written(written: str, name: str) -> str:
    """The place's name as the report spells it ("Azaz", "Jenin", "Mykolaiv"), where the gazetteer's
    row is spelt another way (Izaz, Janin, Mykolayiv): reports and their coders keep the report's
    spelling. Not a short form, a dateline in capitals, or a name written with its kind ("Kandahar city")."""
    written = POSSESSIVE_RE.sub("", written).strip()
    if not written or written.isupper() or any(t.islower() and t not in cue_words().name_articles | CONNECTORS
                                               for t in TOKEN_RE.findall(written)):
        return name
    ratio = SequenceMatcher(None, fold(written).casefold(), fold(name).casefold()).ratio()
    return written[0].upper() + written[1:] if ratio >= SPELLING_RATIO else name
