"""The registry file format: parse and validate YAML documents into `ActorEntry` records.

Every problem is reported as CL-E301 with the file, the entry and what to change, because registry
files are edited by hand (users add their own actors and aliases).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field, replace
from typing import Any

from conflictlens.errors import ConflictLensError

SCHEMA_VERSION = 1
ACTOR_TYPES = (
    "state forces", "rebel group", "political militia", "identity militia",
    "external/other forces", "civilians", "protesters", "rioters",
)
DATASETS = ("gtd", "acled", "ucdp")
_LIST_KEYS = ("aliases", "acronyms", "weak_aliases")
_SCALAR_KEYS = ("actor_type", "parent", "country", "valid_from", "valid_to", "generic", "name_in_text", "ucdp_id",
                "ends_names", "reference")
_ALL_KEYS = frozenset(("name", "external_names", "regional_branches", "dated_names") + _LIST_KEYS + _SCALAR_KEYS)
# The C loader parses the bundled registry ~10x faster; same safe subset of YAML.
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_URL = re.compile(r"https?://\S+$")


@dataclass(frozen=True)
class Branch:
    """The branch a bare parent name denotes in one country, within an optional date range, and,
    when `cues` are given, only in a text that names one of them ("Islamic State" in a Nigerian
    report is ISWAP where the report names Borno or Lake Chad, the Islamic State elsewhere)."""

    name: str
    valid_from: str | None = None
    valid_to: str | None = None
    cues: tuple[str, ...] = ()


@dataclass(frozen=True)
class DatedName:
    """A name that denotes this actor only within a date range ("Afghan forces" before and after
    15 August 2021 are different forces). Matched in text like an alias; the date picks the actor."""

    name: str
    valid_from: str | None = None
    valid_to: str | None = None

    def covers(self, day: str) -> bool:
        return (self.valid_from or "") <= day and (self.valid_to is None or day <= self.valid_to)


@dataclass(frozen=True)
class ActorEntry:
    name: str
    actor_type: str
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    weak_aliases: tuple[str, ...] = ()  # accepted by resolve() only: too ambiguous in running text
    parent: str | None = None
    country: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    external_names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    regional_branches: dict[str, tuple[Branch, ...]] = field(default_factory=dict)
    dated_names: tuple[DatedName, ...] = ()
    generic: bool = False  # names no specific organisation (unknown perpetrators, "police")
    name_in_text: bool = True  # False: the canonical name itself is not matched in text ("Unknown")
    ucdp_id: int | None = None  # UCDP ActorId: links a curated entry to the generated UCDP one
    # A generic name that also ends armed groups' own names ("Army": "the Arakan Army"); see registry._ends_a_name.
    ends_names: bool = False
    reference: str | None = None  # a public page (URL) where the entry's names and facts can be checked
    source: str = "curated"  # the bundled file (or "user") the entry comes from; set by the loader


def _fail(path: str, where: str, what: str) -> ConflictLensError:
    return ConflictLensError("CL-E301", f"{where}: {what}", subject=path)


def _read_yaml(text: str, path: str) -> Any:
    # Imported here: a run whose registry comes from the start-up cache (model/cache.py) reads no YAML.
    import yaml

    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "file"
        raise _fail(path, where, f"not valid YAML ({getattr(exc, 'problem', exc)}); fix the syntax") from exc


def parse_document(text: str, path: str) -> tuple[list[dict[str, Any]], tuple[str, ...], tuple[dict[str, str], ...]]:
    """The raw actor mappings, head words and sources of one registry file; structure checked, entries not yet."""
    if path.endswith(".json"):  # a generated file is JSON (a subset of YAML): read ~50x faster
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as exc:
            raise _fail(path, f"line {exc.lineno}", f"not valid JSON ({exc.msg}); rebuild the file") from exc
    else:
        doc = _read_yaml(text, path)
    if not isinstance(doc, dict):
        raise _fail(path, "file", "must be a mapping with keys 'version: 1' and 'actors: [...]'")
    if doc.get("version") != SCHEMA_VERSION:
        raise _fail(path, "version", f"must be {SCHEMA_VERSION} (found {doc.get('version')!r}); add 'version: 1'")
    actors = doc.get("actors")
    if not isinstance(actors, list) or not all(isinstance(a, dict) for a in actors):
        raise _fail(path, "actors", "must be a list of mappings, each with at least 'name'")
    heads = doc.get("head_words", [])
    if not isinstance(heads, list) or not all(isinstance(h, str) for h in heads):
        raise _fail(path, "head_words", "must be a list of words")
    sources = doc.get("sources", [])
    if not isinstance(sources, list) or not all(isinstance(s, dict) and isinstance(s.get("name"), str)
                                                for s in sources):
        raise _fail(path, "sources", "must be a list of mappings, each with at least 'name' (and version, licence, url)")
    return actors, tuple(heads), tuple({k: str(v) for k, v in s.items()} for s in sources)


def _str_list(raw: dict[str, Any], key: str, path: str, where: str) -> tuple[str, ...]:
    val = raw.get(key) or []
    if not isinstance(val, list) or not all(isinstance(v, str) and v.strip() for v in val):
        raise _fail(path, f"{where}.{key}", "must be a list of non-empty strings (quote names with ':' or ',')")
    return tuple(dict.fromkeys(v.strip() for v in val))


def _date(val: Any, path: str, where: str) -> str | None:
    if val is None:
        return None
    if isinstance(val, dt.date):
        return val.isoformat()
    if isinstance(val, str) and _DATE.match(val):
        return val
    raise _fail(path, where, f"must be an ISO date YYYY-MM-DD (found {val!r})")


def _externals(raw: dict[str, Any], path: str, where: str) -> dict[str, tuple[str, ...]]:
    val = raw.get("external_names") or {}
    if not isinstance(val, dict) or not set(val) <= set(DATASETS):
        raise _fail(path, f"{where}.external_names", f"must be a mapping with keys among {', '.join(DATASETS)}")
    return {k: _str_list(val, k, path, f"{where}.external_names") for k in DATASETS if val.get(k)}


def _branches(raw: dict[str, Any], path: str, where: str) -> dict[str, tuple[Branch, ...]]:
    val = raw.get("regional_branches") or {}
    if not isinstance(val, dict):
        raise _fail(path, f"{where}.regional_branches", "must map a country code to a branch name or a list")
    out: dict[str, tuple[Branch, ...]] = {}
    for cc, spec in val.items():
        w = f"{where}.regional_branches.{cc}"
        if not isinstance(cc, str) or not _COUNTRY.match(cc):
            raise _fail(path, w, "country must be an ISO 3166-1 alpha-2 code such as AF or PK")
        items = [{"name": spec}] if isinstance(spec, str) else [spec] if isinstance(spec, dict) else spec
        if not isinstance(items, list) or not all(isinstance(i, dict) and isinstance(i.get("name"), str)
                                                  and set(i) <= {"name", "valid_from", "valid_to", "cues"}
                                                  for i in items):
            raise _fail(path, w, "must be a branch name, or one or a list of {name, valid_from, valid_to, cues}")
        out[cc] = tuple(Branch(i["name"], _date(i.get("valid_from"), path, w), _date(i.get("valid_to"), path, w),
                               _str_list(i, "cues", path, w)) for i in items)
    return out


def _dated_names(raw: dict[str, Any], path: str, where: str) -> tuple[DatedName, ...]:
    val = raw.get("dated_names") or []
    w = f"{where}.dated_names"
    if not isinstance(val, list) or not all(isinstance(i, dict) and isinstance(i.get("name"), str)
                                            and i["name"].strip() and set(i) <= {"name", "valid_from", "valid_to"}
                                            for i in val):
        raise _fail(path, w, "must be a list of {name, valid_from, valid_to} "
                             "(dates YYYY-MM-DD, either may be left out)")
    out = tuple(DatedName(i["name"].strip(), _date(i.get("valid_from"), path, w), _date(i.get("valid_to"), path, w))
                for i in val)
    for d in out:
        if d.valid_from and d.valid_to and d.valid_to < d.valid_from:
            raise _fail(path, w, f"{d.name!r}: valid_to is before valid_from; swap or correct the dates")
    return out


def _scalars(raw: dict[str, Any], path: str, where: str) -> dict[str, Any]:
    """The scalar fields present in `raw`, validated."""
    out: dict[str, Any] = {}
    if "actor_type" in raw:
        if raw["actor_type"] not in ACTOR_TYPES:
            raise _fail(path, f"{where}.actor_type", f"must be one of: {', '.join(ACTOR_TYPES)}")
        out["actor_type"] = raw["actor_type"]
    for key in ("parent", "country"):
        if raw.get(key) is not None:
            if not isinstance(raw[key], str) or (key == "country" and not _COUNTRY.match(raw[key])):
                raise _fail(path, f"{where}.{key}", "must be a canonical actor name" if key == "parent"
                            else "must be an ISO 3166-1 alpha-2 code such as AF or PK, or null")
            out[key] = raw[key]
    for key in ("valid_from", "valid_to"):
        if raw.get(key) is not None:
            out[key] = _date(raw[key], path, f"{where}.{key}")
    if raw.get("ucdp_id") is not None:
        if not isinstance(raw["ucdp_id"], int) or isinstance(raw["ucdp_id"], bool):
            raise _fail(path, f"{where}.ucdp_id", "must be the UCDP ActorId, a whole number")
        out["ucdp_id"] = raw["ucdp_id"]
    if raw.get("reference") is not None:
        if not isinstance(raw["reference"], str) or not _URL.match(raw["reference"]):
            raise _fail(path, f"{where}.reference", "must be an http(s) URL of a public page that states the facts")
        out["reference"] = raw["reference"]
    for key in ("generic", "name_in_text", "ends_names"):
        if key in raw:
            if not isinstance(raw[key], bool):
                raise _fail(path, f"{where}.{key}", "must be true or false")
            out[key] = raw[key]
    return out


def parse_entry(raw: dict[str, Any], path: str, index: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """One raw mapping -> (list-like fields, scalar fields present). actor_type is checked by the caller."""
    name = raw.get("name")
    where = f"actors[{index}]" + (f" ({name})" if isinstance(name, str) else "")
    if not isinstance(name, str) or not name.strip():
        raise _fail(path, where, "every entry needs a non-empty 'name'")
    unknown = set(raw) - _ALL_KEYS
    if unknown:
        raise _fail(path, where, f"unknown key(s) {', '.join(sorted(map(str, unknown)))}; "
                                 f"allowed: {', '.join(sorted(_ALL_KEYS))}")
    lists = {k: _str_list(raw, k, path, where) for k in _LIST_KEYS}
    lists["name"] = name.strip()
    lists["external_names"] = _externals(raw, path, where)
    lists["regional_branches"] = _branches(raw, path, where)
    lists["dated_names"] = _dated_names(raw, path, where)
    return lists, _scalars(raw, path, where)


def new_entry(lists: dict[str, Any], scalars: dict[str, Any], path: str) -> ActorEntry:
    if "actor_type" not in scalars:
        raise _fail(path, lists["name"], f"new actor needs 'actor_type', one of: {', '.join(ACTOR_TYPES)}")
    return ActorEntry(**lists, **scalars)


def extend_entry(old: ActorEntry, lists: dict[str, Any], scalars: dict[str, Any]) -> ActorEntry:
    """`old` with the aliases, acronyms and external names of `lists` added and given scalars replaced."""
    ext = {k: tuple(dict.fromkeys(old.external_names.get(k, ()) + lists["external_names"].get(k, ())))
           for k in DATASETS if old.external_names.get(k) or lists["external_names"].get(k)}
    return replace(
        old,
        aliases=tuple(dict.fromkeys(old.aliases + lists["aliases"])),
        acronyms=tuple(dict.fromkeys(old.acronyms + lists["acronyms"])),
        weak_aliases=tuple(dict.fromkeys(old.weak_aliases + lists["weak_aliases"])),
        external_names=ext,
        regional_branches={**old.regional_branches, **lists["regional_branches"]},
        dated_names=tuple(dict.fromkeys(old.dated_names + lists["dated_names"])),
        **scalars,
    )
