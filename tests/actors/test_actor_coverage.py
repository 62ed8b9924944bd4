"""Every actor named by UCDP GED (Pakistan), the UCDP actor list (AF/PK), GTD and ACLED resolves.

Reads the reference data in place from ../shared/data (restricted sets are never copied) and skips
cleanly when it is absent, as on a user's machine.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from conflictlens.actors import ActorRegistry

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
GTD = DATA / "gtd" / "gtd_2021q1_afpak_dev.csv"
UCDP_GED = DATA / "ucdp" / "ucdp_ged_pakistan.csv"
UCDP_ACTORS = DATA / "ucdp" / "ucdp-actor-221.csv"
ACLED_DIR = DATA / "acled"
AF_PK_GWNO = {"700", "770"}


def _rows(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        pytest.skip(f"reference data not available: {path}")
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def reg() -> ActorRegistry:
    return ActorRegistry.load()


def _unresolved(reg: ActorRegistry, dataset: str, names: set[str]) -> list[str]:
    return sorted(n for n in names if reg.by_external_name(dataset, n) is None and reg.resolve(n) is None)


def test_every_ucdp_ged_pakistan_side_resolves(reg):
    rows = _rows(UCDP_GED)[1:]  # row 2 of the file is an HXL tag row
    names = {r[k].strip() for r in rows for k in ("side_a", "side_b") if r[k].strip()}
    assert len(names) > 50
    assert _unresolved(reg, "ucdp", names) == []
    # exact external names, not just a lucky fuzzy match
    assert all(reg.by_external_name("ucdp", n) is not None for n in names)


def test_every_gtd_group_resolves(reg):
    rows = _rows(GTD)
    names = {r[k].strip() for r in rows for k in ("gname", "gname2", "gname3") if r.get(k, "").strip()}
    assert "Taliban" in names
    assert _unresolved(reg, "gtd", names) == []
    for n in names - {"Unknown"}:
        assert reg.get(n) is not None, f"GTD gname {n!r} should be a canonical name"


def test_every_acled_actor_resolves(reg):
    if not ACLED_DIR.exists():
        pytest.skip("ACLED reference data not available")
    names: set[str] = set()
    for path in sorted(ACLED_DIR.glob("*.csv")):
        for r in _rows(path):
            for k in ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2"):
                names.update(p.strip() for p in (r.get(k) or "").split(";") if p.strip())
    assert names
    assert _unresolved(reg, "acled", names) == []
    assert [n for n in names if reg.by_external_name("acled", n) is None] == []  # linked exactly, not fuzzily


def test_ucdp_actor_list_for_afghanistan_and_pakistan_resolves(reg):
    rows = _rows(UCDP_ACTORS)
    names = {r["NameData"].strip() for r in rows
             if AF_PK_GWNO & {g.strip() for g in r["GWNOLoc"].split(",")}}
    assert len(names) > 100
    assert _unresolved(reg, "ucdp", names) == []
    assert [n for n in names if reg.by_external_name("ucdp", n) is None] == []  # linked exactly, not fuzzily


def test_gtd_summaries_name_the_coded_group(reg):
    """Most GTD summaries with a known group name that group in words find_actors knows."""
    rows = [r for r in _rows(GTD) if r["gname"] not in ("", "Unknown")]
    country = {"Afghanistan": "AF", "Pakistan": "PK"}
    hits = 0
    for r in rows:
        want = reg.by_external_name("gtd", r["gname"]).name
        date = f"{int(r['iyear']):04d}-{max(int(r['imonth']), 1):02d}-{max(int(r['iday']), 1):02d}"
        found = {m.canonical for m in reg.find_actors(r["summary"], country.get(r["country_txt"]), date)}
        hits += want in found
    assert hits / len(rows) >= 0.95
