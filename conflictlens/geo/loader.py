"""Reading the bundled gazetteer and user place files into an immutable index.

The bundled data has two layers: the eager one (countries, every first-level division, Afghanistan
and Pakistan in depth, user places) is parsed at load; the world's second-level divisions and towns
(scripts/build_global_geo.py) sit in one file per country, parsed the first time a text uses one of
that country's names. Only the world layer's key list (name key -> countries) is read at load, so
start-up stays well under a second while every country's towns can be found.
"""

from __future__ import annotations

import csv
import gzip
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Iterator, Mapping, NamedTuple

from conflictlens.errors import ConflictLensError
from conflictlens.geo.curated import CURATED_FILE, layer_curated, parse_curated, province_fixes, with_province
from conflictlens.geo.line_keys import lines_by_key
from conflictlens.geo.normalize import name_key
from conflictlens.model.cache import cached, package_sources, source_key
from conflictlens.model.protocols import PlaceEntry

KINDS = ("country", "admin1", "admin2", "place")
BASE_FILE = "gazetteer.tsv.gz"  # scripts/build_reference_geo.py
WORLD_EAGER = "world_eager.tsv.gz"  # scripts/build_global_geo.py: replaces base rows of the same id
WORLD_KEYS = "world/keys.txt.gz"  # name key -> countries whose world file has it
# Towns under the world layer's minimum population, one file per country, read only for the country a
# report is set in (`Gazetteer.find_local_places`); their ids start so.
LOCAL_FOLDER, LOCAL_PREFIX = "world_local", "gnl:"


@dataclass(frozen=True)
class Meta:
    """What the matcher needs beyond PlaceEntry: how much evidence a bare name needs."""

    strength: str  # c curated, g general, v minor place, w weak (needs a cue word)
    within: str | None


class LayeredIndex(Mapping):
    """Name key -> entries: the eager layer's, then those of each country whose world file has the key."""

    def __init__(self, eager: Mapping[str, tuple[PlaceEntry, ...]], lazy: Mapping[str, str]):
        self.eager, self.lazy = eager, lazy

    def get(self, key, default=None):
        found = self.eager.get(key, ())
        for cc in self.lazy.get(key, "").split():
            found += load_country(cc)[0].get(key, ())
        return found or default

    def __getitem__(self, key: str) -> tuple[PlaceEntry, ...]:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self.eager.keys() | self.lazy.keys())

    def __len__(self) -> int:
        return len(self.eager.keys() | self.lazy.keys())


class LayeredMeta(Mapping):
    """Entry id -> Meta; a world entry's id names its country ("gnw:EG:361546")."""

    def __init__(self, eager: Mapping[str, Meta]):
        self.eager = eager

    def __getitem__(self, entry_id: str) -> Meta:
        found = self.eager.get(entry_id)
        if found is None and entry_id.count(":") >= 2:
            cc = entry_id.split(":", 2)[1]
            found = (load_local(cc) if entry_id.startswith(LOCAL_PREFIX) else load_country(cc))[1].get(entry_id)
        if found is None:
            raise KeyError(entry_id)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self.eager)

    def __len__(self) -> int:
        return len(self.eager)


@dataclass(frozen=True)
class GazetteerData:
    index: LayeredIndex  # name key -> entries
    meta: LayeredMeta  # entry id -> Meta
    first_words: FirstWords  # first folded word of every key (fast reject)
    stoplist: frozenset[str]
    countries: Mapping[str, PlaceEntry]  # country code -> the country's entry
    world: WorldKeys  # the lazy layer's keys (kept for with_user_places)
    # (country, name key) -> (admin1, admin2) of world towns whose rows name none (`curated.province_fixes`)
    province_fixes: Mapping[tuple[str, str], tuple[str, str | None]]


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
    # Tuples from the start: most keys name one place, and a pass turning lists into tuples cost a
    # tenth of a second of every start-up.
    for key in dict.fromkeys(keys.split("|")):  # distinct keys: each entry once under a key
        if key:
            index[key] = index.get(key, ()) + (entry,)


def _frozen(index: dict) -> Mapping[str, tuple[PlaceEntry, ...]]:
    """The index built up by `_add`, read-only."""
    return MappingProxyType(index)


def _freeze(index: dict, meta: dict, stoplist: frozenset[str], world: WorldKeys,
            fixes: Mapping[tuple[str, str], tuple[str, str | None]]) -> GazetteerData:
    lazy = world.countries
    first = FirstWords(frozenset(k.partition(" ")[0] for k in index), lazy)
    countries = {e.country: e for entries in index.values() for e in entries if e.kind == "country"}
    return GazetteerData(LayeredIndex(_frozen(index), lazy), LayeredMeta(MappingProxyType(meta)), first,
                         stoplist, MappingProxyType(countries), world, MappingProxyType(dict(fixes)))


@lru_cache(maxsize=1)
def load_stoplist() -> frozenset[str]:
    text = (_data_dir() / "stoplist.txt").read_text(encoding="utf-8")
    return frozenset(name_key(ln) for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


def _read_lines(name: str) -> list[str]:
    path = _data_dir() / name
    try:
        with path.open("rb") as raw, gzip.open(raw, "rb") as fh:
            lines = fh.read().decode("utf-8").splitlines()
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise ConflictLensError("CL-E300", f"cannot read the bundled gazetteer ({exc}); "
                                "reinstall conflictlens or run scripts/build_reference_geo.py "
                                "and scripts/build_global_geo.py", str(path)) from exc
    return lines


def _read_rows(name: str) -> list[dict[str, str]]:
    # The builders write plain tab-separated cells (no quoting), so a split reads them as csv would.
    lines = _read_lines(name)
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"))) for line in lines[1:] if line]


@lru_cache(maxsize=None)
def load_country(cc: str) -> tuple[Mapping[str, tuple[PlaceEntry, ...]], Mapping[str, Meta]]:
    """One country's world file (second-level divisions and towns), read once per process: its lines
    are indexed by name key at once, and a line becomes an entry the first time its key is looked up.
    A text that names a town in a country uses a handful of its thousands of rows; building them all
    cost about 20 ms a country, a second or more over a varied batch."""
    rows = _CountryRows(_read_lines(f"world/{cc}.tsv.gz"), _province_fixes())
    return _CountryIndex(rows), _CountryMeta(rows)


@lru_cache(maxsize=None)
def load_local(cc: str) -> tuple[Mapping[str, tuple[PlaceEntry, ...]], Mapping[str, Meta]]:
    """One country's small towns (`LOCAL_FOLDER`), read once per process; a country with none (Afghanistan
    and Pakistan, whose villages are in the base layer) has empty mappings."""
    path = _data_dir() / LOCAL_FOLDER / f"{cc}.tsv.gz"
    if not (len(cc) == 2 and cc.isalpha() and cc.isupper()) or not path.is_file():
        return MappingProxyType({}), MappingProxyType({})
    rows = _CountryRows(_read_lines(f"{LOCAL_FOLDER}/{cc}.tsv.gz"), _province_fixes())
    return _CountryIndex(rows), _CountryMeta(rows)


def _province_fixes() -> Mapping[tuple[str, str], tuple[str, str | None]]:
    """The divisions curated_places.tsv gives world towns whose rows name none (`curated.province_fixes`),
    read with the bundled gazetteer through the start-up cache rather than from the file again."""
    return load_bundled().province_fixes


def _curated_text() -> str:
    return (_data_dir() / CURATED_FILE).read_text(encoding="utf-8")


class _CountryRows:
    """The lines of one world file, by key; entries and their Meta built on first use, then kept."""

    def __init__(self, lines: list[str], fixes: Mapping[tuple[str, str], tuple[str, str | None]]) -> None:
        self.header = lines[0].split("\t")
        self.fixes = fixes
        self.lines = lines
        self.by_key = lines_by_key(lines)
        self.entries: dict[int, PlaceEntry] = {}
        self.meta: dict[str, Meta] = {}
        self._line_of_id: dict[str, int] | None = None

    def entry(self, n: int) -> PlaceEntry:
        if n not in self.entries:
            row = dict(zip(self.header, self.lines[n].split("\t")))
            self.entries[n] = with_province(_entry(row), self.fixes)
            self.meta[row["id"]] = Meta(row.get("strength") or "c", row.get("within") or None)
        return self.entries[n]

    def line_of(self, entry_id: str) -> int | None:
        if self._line_of_id is None:
            self._line_of_id = {self.lines[n].partition("\t")[0]: n for n in range(1, len(self.lines))}
        return self._line_of_id.get(entry_id)


class _CountryIndex(Mapping):
    def __init__(self, rows: _CountryRows) -> None:
        self.rows = rows

    def __getitem__(self, key: str) -> tuple[PlaceEntry, ...]:
        lines = self.rows.by_key[key]
        return (self.rows.entry(lines),) if isinstance(lines, int) else tuple(map(self.rows.entry, lines))

    def __iter__(self) -> Iterator[str]:
        return iter(self.rows.by_key)

    def __len__(self) -> int:
        return len(self.rows.by_key)


class _CountryMeta(Mapping):
    def __init__(self, rows: _CountryRows) -> None:
        self.rows = rows

    def __getitem__(self, entry_id: str) -> Meta:
        if entry_id not in self.rows.meta:
            n = self.rows.line_of(entry_id)
            if n is None:
                raise KeyError(entry_id)
            self.rows.entry(n)
        return self.rows.meta[entry_id]

    def __iter__(self) -> Iterator[str]:
        return (line.partition("\t")[0] for line in self.rows.lines[1:])

    def __len__(self) -> int:
        return len(self.rows.lines) - 1


class SortedKeys(Mapping):
    """Name key -> countries, over the builder's sorted key list: a quarter of a million keys looked up
    by bisection, where building a dict of them cost every start-up 45 ms for the few keys a run uses."""

    def __init__(self, keys: list[str], values: list[str]) -> None:
        self.keys_, self.values_ = keys, values

    def __getitem__(self, key: str) -> str:
        i = bisect_left(self.keys_, key)
        if i < len(self.keys_) and self.keys_[i] == key:
            return self.values_[i]
        raise KeyError(key)

    def __contains__(self, key: object) -> bool:
        i = bisect_left(self.keys_, key)
        return i < len(self.keys_) and self.keys_[i] == key

    def starts_a_key(self, word: str) -> bool:
        """Whether some key is `word` or starts with it as its first word. Keys hold no character
        below a space, so "word" and "word ..." sort before any other key that starts with "word"."""
        i = bisect_left(self.keys_, word)
        return i < len(self.keys_) and (self.keys_[i] == word or self.keys_[i].startswith(word + " "))

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys_)

    def __len__(self) -> int:
        return len(self.keys_)


class FirstWords:
    """The first words of every key: a set for the eager layer's; the world layer's found by bisecting
    its sorted keys, where a set of its 166,000 first words cost every start-up 50 ms."""

    __slots__ = ("eager", "world")

    def __init__(self, eager: frozenset[str], world: SortedKeys) -> None:
        self.eager, self.world = eager, world

    def __contains__(self, word: object) -> bool:
        return word in self.eager or (isinstance(word, str) and self.world.starts_a_key(word))


class WorldKeys(NamedTuple):
    countries: SortedKeys  # name key -> space-separated codes of the countries that have it


def _world_blocks() -> tuple[str, str]:
    """The world layer's keys and, line for line, the countries that have each. A quarter of a million
    keys are read at every start-up, most never used, so the file holds them as blocks split by blank
    lines (keys; countries; the keys' first words, which `SortedKeys.starts_a_key` replaces) that
    C-level splits turn into the mapping without a Python loop per key."""
    path = _data_dir() / WORLD_KEYS
    try:
        with path.open("rb") as raw, gzip.open(raw, "rb") as fh:
            keys, countries, _first = fh.read().decode("utf-8").split("\n\n")
    except (OSError, EOFError, UnicodeDecodeError, ValueError) as exc:
        raise ConflictLensError("CL-E300", f"cannot read the bundled gazetteer ({exc}); "
                                "reinstall conflictlens or run scripts/build_global_geo.py", str(path)) from exc
    return keys, countries


@lru_cache(maxsize=1)
def load_bundled() -> GazetteerData:
    """The bundled gazetteer, built once per process and kept in the start-up cache (`model/cache.py`):
    parsing its rows and the world layer's keys cost each cold start about a quarter of a second."""
    index, meta, fixes, keys, countries = cached("gazetteer", bundled_key(), _bundled_parts)
    world = WorldKeys(SortedKeys(keys.split("\n"), countries.split("\n")))
    return _freeze(index, meta, load_stoplist(), world, fixes)


def bundled_key() -> str:
    """What the bundled gazetteer is built from: its files, and the gazetteer's and the model's code."""
    data, here = Path(str(_data_dir())), Path(__file__).resolve().parent
    return source_key([data / BASE_FILE, data / WORLD_EAGER, data / WORLD_KEYS, data / "stoplist.txt", data / CURATED_FILE,
                       *package_sources(here, here.parent / "model")])


def _bundled_parts() -> tuple[dict, dict, dict, str, str]:
    """Afghanistan and Pakistan in depth, then the world layer, whose rows replace the rows of the same
    id (countries given more names, first-level divisions in English), then the curated rows the build
    has not taken in yet (see `curated.py`); the divisions curated rows give world towns; and the world
    layer's keys."""
    world = _read_rows(WORLD_EAGER)
    replaced = {row["id"] for row in world}
    index: dict[str, tuple[PlaceEntry, ...]] = {}
    meta: dict[str, Meta] = {}
    stoplist = load_stoplist()
    for row in _read_rows(BASE_FILE):
        if row["id"] not in replaced:
            _add(index, meta, row, stoplist)
    for row in world:
        _add(index, meta, row, stoplist)
    curated_text = _curated_text()
    layer_curated(index, parse_curated(curated_text), lambda row: _add(index, meta, row, stoplist))
    # 15,000 entries share 18 distinct Metas: one object each, so the start-up cache stores it once and
    # reading it back makes 18 objects, not 15,000 (about 0.04 s of every start).
    shared: dict[Meta, Meta] = {}
    return (index, {key: shared.setdefault(m, m) for key, m in meta.items()}, province_fixes(curated_text),
            *_world_blocks())


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
    index = dict(base.index.eager)
    meta = dict(base.meta.eager)
    for row in rows:
        _add(index, meta, row, base.stoplist)
    return _freeze(index, meta, base.stoplist, base.world, base.province_fixes)

