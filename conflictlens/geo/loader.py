"""Reading the bundled gazetteer and user place files into an immutable index."""

from __future__ import annotations

import csv
import gzip
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from conflictlens.errors import ConflictLensError
from conflictlens.geo.normalize import TOKEN_RE, fold_token, name_key
from conflictlens.model.protocols import PlaceEntry

KINDS = ("country", "admin1", "admin2", "place")


@dataclass(frozen=True)
class Meta:
    """What the matcher needs beyond PlaceEntry: how much evidence a bare name needs."""

    strength: str  # c curated, g general, v minor place, w weak (needs a cue word)
    within: str | None


@dataclass(frozen=True)
class GazetteerData:
    index: Mapping[str, tuple[PlaceEntry, ...]]  # name key -> entries
    meta: Mapping[str, Meta]  # entry id -> Meta
    first_words: frozenset[str]  # first folded word of every key (fast reject)
    stoplist: frozenset[str]


def _data_dir():
    return resources.files("conflictlens.geo") / "data"


def _float(value: str) -> float | None:
    return float(value) if value else None


def _entry(row: dict[str, str]) -> PlaceEntry:
    return PlaceEntry(
        id=row["id"], name=row["name"], kind=row["kind"], country=row["country"],
        admin1=row.get("admin1") or None, admin2=row.get("admin2") or None,
        lat=_float(row.get("lat", "")), lon=_float(row.get("lon", "")),
        population=int(row.get("population") or 0),
    )


def _add(index: dict, meta: dict, row: dict[str, str], stoplist: frozenset[str]) -> None:
    entry = _entry(row)
    meta[entry.id] = Meta(row.get("strength") or "c", row.get("within") or None)
    keys = row.get("keys")
    if keys is None:  # user files carry names only
        names = [row["name"], *filter(None, (row.get("aliases") or "").split("|"))]
        keys = "|".join(name_key(n) for n in names)
    for key in keys.split("|"):
        if key and entry not in index.get(key, ()):
            index[key] = index.get(key, ()) + (entry,)


def _freeze(index: dict, meta: dict, stoplist: frozenset[str]) -> GazetteerData:
    first = frozenset(k.split(" ", 1)[0] for k in index)
    return GazetteerData(MappingProxyType(index), MappingProxyType(meta), first, stoplist)


@lru_cache(maxsize=1)
def load_stoplist() -> frozenset[str]:
    text = (_data_dir() / "stoplist.txt").read_text(encoding="utf-8")
    return frozenset(name_key(ln) for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


@lru_cache(maxsize=1)
def load_attributive_words() -> frozenset[str]:
    """Folded words a country name qualifies rather than locates ("the U.S. embassy")."""
    text = (_data_dir() / "attributive_words.txt").read_text(encoding="utf-8")
    return frozenset(fold_token(ln.strip()) for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


@lru_cache(maxsize=1)
def load_bundled() -> GazetteerData:
    """The bundled gazetteer, parsed once per process."""
    path = _data_dir() / "gazetteer.tsv.gz"
    try:
        with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    except (OSError, EOFError, csv.Error) as exc:
        raise ConflictLensError("CL-E300", f"cannot read the bundled gazetteer ({exc}); "
                                "reinstall conflictlens or run scripts/build_reference_geo.py",
                                str(path)) from exc
    index: dict[str, tuple[PlaceEntry, ...]] = {}
    meta: dict[str, Meta] = {}
    stoplist = load_stoplist()
    for row in rows:
        _add(index, meta, row, stoplist)
    return _freeze(index, meta, stoplist)


def read_user_places(path: str) -> list[dict[str, str]]:
    """A user TSV of extra places: header with name, kind, country, and optionally admin1, admin2,
    lat, lon, aliases ('|'-separated), population."""
    p = Path(path)
    if not p.is_file():
        raise ConflictLensError("CL-E100", "extra places file not found; check the path", path)
    with open(p, encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh, delimiter="\t") if r.get("name")]
    for i, r in enumerate(rows, start=2):
        if r.get("kind") not in KINDS or not r.get("country"):
            raise ConflictLensError("CL-E300", f"line {i}: kind must be one of {', '.join(KINDS)} "
                                    "and country an ISO alpha-2 code", path)
        try:
            _float(r.get("lat") or ""), _float(r.get("lon") or "")
        except ValueError as exc:
            raise ConflictLensError("CL-E300", f"line {i}: lat/lon must be decimal degrees", path) from exc
        r.setdefault("id", f"user:{i}")
        r["id"] = r.get("id") or f"user:{i}"
        r["strength"] = "c"
    return rows


def with_user_places(base: GazetteerData, rows: list[dict[str, str]]) -> GazetteerData:
    index, meta = dict(base.index), dict(base.meta)
    for row in rows:
        _add(index, meta, row, base.stoplist)
    return _freeze(index, meta, base.stoplist)


def word_count(name: str) -> int:
    return len(TOKEN_RE.findall(name))
