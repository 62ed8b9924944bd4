"""Build conflictlens/export/data/boundaries.geojson.gz: province and district polygons for `--areas`.

Input (open data, read in place): geoBoundaries AFG ADM1 (GeoJSON) and ADM2 (TopoJSON) in
../shared/data/gazetteer_afghanistan. geoBoundaries: Runfola, D. et al. (2020) PLoS ONE 15(4):
e0231866, www.geoboundaries.org; these AFG boundaries are public domain (see NOTICE).

Rings are simplified (Douglas-Peucker, tolerance --tolerance degrees) and rounded to 4 decimals,
which keeps the file small (a choropleth needs no more) while every ring stays closed. A district's
province is the province holding most of its vertices.

Usage: python scripts/build_boundaries.py [--shared ../shared/data] [--tolerance 0.004]
Deterministic output for given inputs.
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "conflictlens" / "export" / "data" / "boundaries.geojson.gz"
FOLDER = "gazetteer_afghanistan"
ADM1 = "geoBoundaries-AFG-ADM1_simplified.geojson"
ADM2 = "geoBoundaries-AFG-ADM2_simplified.topojson"
Ring = list[list[float]]


def topojson_polygons(topology: dict[str, Any]) -> list[tuple[dict[str, Any], list[list[Ring]]]]:
    """(properties, polygons) per geometry of a quantized TopoJSON topology."""
    scale, shift = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:  # delta-encoded, quantized positions
            x, y = x + dx, y + dy
            points.append([x * scale[0] + shift[0], y * scale[1] + shift[1]])
        arcs.append(points)

    def ring(indexes: list[int]) -> Ring:
        out: Ring = []
        for i in indexes:
            points = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(points if not out else points[1:])
        return out

    result = []
    for obj in topology["objects"].values():
        for geom in obj["geometries"]:
            polys = [geom["arcs"]] if geom["type"] == "Polygon" else geom["arcs"]
            result.append((geom["properties"], [[ring(r) for r in poly] for poly in polys]))
    return result


def geojson_polygons(collection: dict[str, Any]) -> list[tuple[dict[str, Any], list[list[Ring]]]]:
    out = []
    for feature in collection["features"]:
        geom = feature["geometry"]
        polys = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
        out.append((feature["properties"], polys))
    return out


def simplify(ring: Ring, tolerance: float) -> Ring:
    """Douglas-Peucker on a closed ring; keeps at least 4 positions (RFC 7946 linear ring)."""
    if len(ring) <= 5:
        return ring
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    far = max(range(len(ring)), key=lambda i: (ring[i][0] - ring[0][0]) ** 2 + (ring[i][1] - ring[0][1]) ** 2)
    keep[far] = True
    stack = [(0, far), (far, len(ring) - 1)]
    while stack:
        a, b = stack.pop()
        best, index = 0.0, -1
        for i in range(a + 1, b):
            d = _distance(ring[i], ring[a], ring[b])
            if d > best:
                best, index = d, i
        if index >= 0 and best > tolerance:
            keep[index] = True
            stack += [(a, index), (index, b)]
    out = [p for p, k in zip(ring, keep) if k]
    return out if len(out) >= 4 else ring


def _distance(p: list[float], a: list[float], b: list[float]) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    if dx == dy == 0:
        return ((p[0] - a[0]) ** 2 + (p[1] - a[1]) ** 2) ** 0.5
    return abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / (dx * dx + dy * dy) ** 0.5


def compact(polys: list[list[Ring]], tolerance: float) -> dict[str, Any]:
    rounded = []
    for poly in polys:
        rings = []
        for ring in poly:
            small = [[round(x, 4), round(y, 4)] for x, y in simplify(ring, tolerance)]
            small = [p for i, p in enumerate(small) if i == 0 or p != small[i - 1]]
            if small[0] != small[-1]:
                small.append(small[0])
            if len(small) >= 4:
                rings.append(small)
        if rings:
            rounded.append(rings)
    if len(rounded) == 1:
        return {"type": "Polygon", "coordinates": rounded[0]}
    return {"type": "MultiPolygon", "coordinates": rounded}


def inside(x: float, y: float, ring: Ring) -> bool:
    hit = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            hit = not hit
    return hit


def province_of(polys: list[list[Ring]], provinces: list[tuple[str, list[list[Ring]]]]) -> str | None:
    votes: dict[str, int] = {}
    points = [p for poly in polys for p in poly[0][::5]]
    for name, shapes in provinces:
        votes[name] = sum(1 for x, y in points if any(inside(x, y, s[0]) for s in shapes))
    best = max(votes, key=lambda k: votes[k]) if votes else None
    return best if best and votes[best] else None


def build(shared: Path, tolerance: float) -> dict[str, Any]:
    folder = shared / FOLDER
    adm1 = geojson_polygons(json.loads((folder / ADM1).read_text(encoding="utf-8")))
    adm2 = topojson_polygons(json.loads((folder / ADM2).read_text(encoding="utf-8")))
    provinces = [(props["shapeName"], polys) for props, polys in adm1]
    features = []
    for props, polys in sorted(adm1, key=lambda item: item[0]["shapeName"]):
        features.append(_feature("admin1", props, None, compact(polys, tolerance)))
    for props, polys in sorted(adm2, key=lambda item: (item[0]["shapeName"], item[0]["shapeID"])):
        features.append(_feature("admin2", props, province_of(polys, provinces), compact(polys, tolerance)))
    return {"type": "FeatureCollection",
            "attribution": "geoBoundaries AFG ADM1/ADM2 (public domain), www.geoboundaries.org; "
                           "Runfola et al. 2020, PLoS ONE 15(4): e0231866",
            "features": features}


def _feature(level: str, props: dict[str, Any], admin1: str | None, geometry: dict[str, Any]) -> dict[str, Any]:
    return {"type": "Feature", "id": f"AF-{level}-{props['shapeID']}",
            "properties": {"level": level, "country": "AF", "name": props["shapeName"],
                           "admin1": props["shapeName"] if level == "admin1" else admin1},
            "geometry": geometry}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--tolerance", type=float, default=0.004)
    args = parser.parse_args()
    collection = build(args.shared, args.tolerance)
    raw = json.dumps(collection, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
    OUT.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    print(f"wrote {len(collection['features'])} areas, {OUT.stat().st_size} bytes, to {OUT}")


if __name__ == "__main__":
    main()
