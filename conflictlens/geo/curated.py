"""The hand-curated gazetteer rows (data/curated_places.tsv) taken in at load, over the built layers.

scripts/build_reference_geo.py folds curated_places.tsv into gazetteer.tsv.gz, giving its rows points
from the open sets; that build needs build-time packages and the reference datasets. So that a name
added to curated_places.tsv counts from the next start without a rebuild, the loader lays the file
over the built rows: a spelling the built row of that name lacks joins it ("Taliqan" for Taloqan), and
a place the build has no row for yet joins as a curated row of its own (id `cp:CC:key`, the id the
build gives it, so a later build replaces it rather than doubling it). First-level divisions and
countries are only given spellings here (a bare "Congo" is the DRC's too): the build merges their
rows with the open sets' and ids them by those. A second-level division the open sets lack (Burkina
Faso's provinces) joins as a row of its own, without a point: it geocodes to its province.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Mapping

from conflictlens.geo.normalize import name_key
from conflictlens.model.protocols import PlaceEntry

CURATED_FILE = "curated_places.tsv"
LAYERED_KINDS = ("country", "admin1", "admin2", "place")
# Kinds a curated row may add when the build has no row of that name (divisions above are named by the open sets).
ADDED_KINDS = ("admin2", "place")  # police_districts rows are expanded by the build only


# A town of the world layer whose row names no first-level division, and the division (and district)
# it lies in: laid over its row when the world file is read (`loader.load_country`).
PROVINCE_OF = "province_of"


def _all_rows(text: str) -> list[dict[str, str]]:
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    header = lines[0].split("\t") if lines else []
    rows = []
    for ln in lines[1:]:
        cells = ln.split("\t") + [""] * len(header)
        rows.append({h: cells[i].strip() for i, h in enumerate(header)})
    return [r for r in rows if r.get("name") and r.get("country")]


def parse_curated(text: str) -> list[dict[str, str]]:
    """The rows of curated_places.tsv ('#' lines are comments; short rows are padded)."""
    return [r for r in _all_rows(text) if r.get("kind") in LAYERED_KINDS]


def province_fixes(text: str) -> dict[tuple[str, str], tuple[str, str | None]]:
    """(country, name key) -> (admin1, admin2) of the `province_of` rows of curated_places.tsv: the
    division of a world town whose open-set row names none (Bunia, Kyaukpyu, El Wak), so that its name
    places a report in that division rather than in whichever division the report names."""
    fixes = {}
    for r in _all_rows(text):
        if r.get("kind") == PROVINCE_OF and r.get("admin1"):
            for name in (r["name"], *filter(None, r.get("aliases", "").split("|"))):
                fixes[(r["country"], name_key(name))] = (r["admin1"], r.get("admin2") or None)
    return fixes


def with_province(entry: PlaceEntry, fixes: Mapping[tuple[str, str], tuple[str, str | None]]) -> PlaceEntry:
    """A world town's entry with the division a `province_of` row gives it, when its row names none."""
    if entry.kind != "place" or entry.admin1 or not fixes:
        return entry
    fix = fixes.get((entry.country, name_key(entry.name)))
    return entry if fix is None else replace(entry, admin1=fix[0], admin2=entry.admin2 or fix[1])


def _same_place(e: PlaceEntry, row: dict[str, str]) -> bool:
    # villages across the country share names ("Aybak" in Samangan and in Helmand): the province too
    return ((e.kind, e.country, name_key(e.name), e.admin1 or "")
            == (row["kind"], row["country"], name_key(row["name"]), row.get("admin1") or (e.admin1 or "")))


def _built_row(index: dict, key: str, row: dict[str, str]) -> PlaceEntry | None:
    """The built row a curated row became: of its kind, country, name and province, a curated id first."""
    same = sorted((e for e in index.get(key, ()) if _same_place(e, row)), key=lambda e: not e.id.startswith("cp:"))
    return same[0] if same else None


def layer_curated(index: dict, rows: list[dict[str, str]], add_row: Callable[[dict[str, str]], None]) -> None:
    """Lay curated rows over `index` (name key -> entries): missing spellings join the built row of the
    same kind, country and name, and the district a curated row names replaces the built row's; a
    place with no built namesake is added through `add_row`."""
    districts: dict[PlaceEntry, PlaceEntry] = {}
    for row in rows:
        keys = [name_key(n) for n in (row["name"], *filter(None, row.get("aliases", "").split("|")))]
        built = _built_row(index, keys[0], row)
        if built is None:
            if row["kind"] in ADDED_KINDS:
                for key in dict.fromkeys(keys):  # "North Waziristan District" too, not only its name
                    _unclaim(index, key, row)
                add_row({**row, "id": f"cp:{row['country']}:{keys[0]}", "strength": "c", "keys": "|".join(keys)})
            continue
        for key in dict.fromkeys(keys):
            if key and built not in index.get(key, ()):
                index[key] = index.get(key, ()) + (built,)
        if row["kind"] == "place" and row.get("admin2") and row["admin2"] != built.admin2:
            districts[built] = replace(built, admin2=row["admin2"])
    _redistrict(index, districts)


def _redistrict(index: dict, districts: dict[PlaceEntry, PlaceEntry]) -> None:
    """Built rows replaced by their corrected copies under every key: an open set's GeoNames district
    code can be wrong (Datta Khel lies in North Waziristan, not South Waziristan)."""
    if not districts:
        return
    for key, entries in index.items():
        if any(e in districts for e in entries):
            index[key] = tuple(districts.get(e, e) for e in entries)


def _unclaim(index: dict, key: str, row: dict[str, str]) -> None:
    """A place added under its own name takes that name (and each of its spellings) from a built row of its
    kind, country and province that an old source gave it as a spelling: "North Waziristan" and "North
    Waziristan District" are no longer South Waziristan."""
    kept = tuple(e for e in index.get(key, ()) if not (
        (e.kind, e.country, e.admin1 or "") == (row["kind"], row["country"], row.get("admin1") or "")
        and name_key(e.name) != key))
    if kept:
        index[key] = kept
    else:
        index.pop(key, None)

