"""Read the bundled registry files and user registry files into one list of entries.

The bundled registry is two files: the curated `actors.yaml` and the generated `ucdp_actors.json`
(every UCDP actor, built by scripts/build_ucdp_actors.py). The curated file wins: a UCDP actor it
already has (same UCDP id, UCDP name, or a name of the curated actor) only adds its UCDP name, and a
UCDP name that a curated actor uses is left out of the UCDP actor.

A user file uses the bundled schema. An entry whose `name` already exists extends that actor (aliases,
acronyms and external names are added; scalar fields given replace the old ones); any other entry adds a
new actor.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from conflictlens.actors.normalize import acronym_key, name_key
from conflictlens.actors.schema import ActorEntry, extend_entry, new_entry, parse_document, parse_entry
from conflictlens.errors import ConflictLensError

DATA_DIR = Path(__file__).resolve().parent / "data"
BUNDLED_PATH = DATA_DIR / "actors.yaml"
UCDP_PATH = DATA_DIR / "ucdp_actors.json"
CURATED_SOURCE = {"name": "conflictlens curated registry", "file": "actors.yaml"}

Registry = tuple[tuple[ActorEntry, ...], tuple[str, ...]]  # entries, head words


def read_registry_file(path: str | Path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ConflictLensError("CL-E301", "registry file not found; check the path", subject=str(path)) from exc
    except UnicodeDecodeError as exc:
        raise ConflictLensError("CL-E301", "registry file is not UTF-8 text; save it as UTF-8",
                                subject=str(path)) from exc
    except OSError as exc:
        raise ConflictLensError("CL-E301", f"cannot read registry file ({exc.strerror}); check permissions",
                                subject=str(path)) from exc


def _merge_file(entries: dict[str, ActorEntry], text: str, path: str, source: str) -> list[str]:
    raw_actors, heads, _sources = parse_document(text, path)
    for i, raw in enumerate(raw_actors):
        lists, scalars = parse_entry(raw, path, i)
        old = entries.get(lists["name"])
        entries[lists["name"]] = (extend_entry(old, lists, scalars) if old
                                  else replace(new_entry(lists, scalars, path), source=source))
    return list(heads)


def _check_references(entries: dict[str, ActorEntry], path: str) -> None:
    """Parents and regional branches must name registry actors."""
    for e in entries.values():
        if e.parent is not None and e.parent not in entries:
            raise ConflictLensError("CL-E301", f"{e.name}: parent {e.parent!r} is not a registry actor; "
                                               "add that actor or correct the name", subject=path)
        for cc, branches in e.regional_branches.items():
            for b in branches:
                if b.name not in entries:
                    raise ConflictLensError("CL-E301", f"{e.name}: regional branch {cc} -> {b.name!r} is not a "
                                                       "registry actor; add it or correct the name", subject=path)


def merge_documents(base: Registry, docs: Iterable[tuple[str, str]], source: str = "user",
                    check: bool = True) -> Registry:
    """`base` extended by each (text, path) registry document in turn. `check=False` leaves the
    parents and branches unchecked, for the curated file, whose parents may be UCDP actors."""
    entries = {e.name: e for e in base[0]}
    heads = list(base[1])
    for text, path in docs:
        heads += _merge_file(entries, text, path, source)
        if check:
            _check_references(entries, path)
    return tuple(entries.values()), tuple(dict.fromkeys(heads))


def _curated_names(entries: Iterable[ActorEntry]) -> tuple[dict[object, str], dict[tuple[str, ...], str]]:
    """(UCDP ids, UCDP names and name keys -> curated actor; acronym keys -> curated actor)."""
    names: dict[object, str] = {}
    acronyms: dict[tuple[str, ...], str] = {}
    for e in entries:
        if e.ucdp_id is not None:
            names.setdefault(e.ucdp_id, e.name)
        for n in (e.name, *e.aliases, *e.weak_aliases, *(d.name for d in e.dated_names),
                  *e.external_names.get("ucdp", ())):
            names.setdefault(name_key(n), e.name)
        for a in e.acronyms:
            acronyms.setdefault(acronym_key(a), e.name)
    return names, acronyms


def _curated_owner(entry: ActorEntry, curated: dict[str, ActorEntry], names: dict[object, str],
                   acronyms: dict[tuple[str, ...], str]) -> str | None:
    """The curated actor a generated entry is: by UCDP id, else by UCDP name or canonical name, but
    a name only links to a curated actor without a UCDP id (UCDP has three "ELN"s; the curated one
    names its id, so Peru's stays apart)."""
    if entry.ucdp_id in names:
        return names[entry.ucdp_id]
    keys = (*(name_key(n) for n in entry.external_names.get("ucdp", ())), name_key(entry.name))
    owner = next((names[k] for k in keys if k in names), None) or acronyms.get(acronym_key(entry.name))
    return owner if owner is not None and curated[owner].ucdp_id is None else None


def _linked(curated: ActorEntry, generated: ActorEntry) -> ActorEntry:
    ucdp = tuple(dict.fromkeys(curated.external_names.get("ucdp", ()) + generated.external_names.get("ucdp", ())))
    return replace(curated, ucdp_id=curated.ucdp_id if curated.ucdp_id is not None else generated.ucdp_id,
                   external_names={**curated.external_names, "ucdp": ucdp})


def add_generated(base: Registry, text: str, path: str, source: str) -> Registry:
    """`base` (the curated registry) with the entries of a generated file under it (see module doc)."""
    raw_actors, _heads, _sources = parse_document(text, path)
    entries = {e.name: e for e in base[0]}
    names, acronyms = _curated_names(base[0])
    for i, raw in enumerate(raw_actors):
        lists, scalars = parse_entry(raw, path, i)
        entry = new_entry(lists, scalars, path)
        owner = entry.name if entry.name in entries else _curated_owner(entry, entries, names, acronyms)
        if owner is not None:
            entries[owner] = _linked(entries[owner], entry)
            continue
        entries[entry.name] = replace(
            entry, source=source,
            aliases=tuple(a for a in entry.aliases if name_key(a) not in names),
            weak_aliases=tuple(a for a in entry.weak_aliases if name_key(a) not in names),
            acronyms=tuple(a for a in entry.acronyms if acronym_key(a) not in acronyms))
    return tuple(entries.values()), base[1]


def _bundled_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConflictLensError("CL-E300", "bundled actor registry is missing; reinstall conflictlens",
                                subject=str(path)) from exc


@lru_cache(maxsize=1)
def bundled_registry() -> Registry:
    """The parsed bundled registry, curated entries first (parsed once per process)."""
    curated = merge_documents(((), ()), [(_bundled_text(BUNDLED_PATH), str(BUNDLED_PATH))], "curated", check=False)
    entries, heads = add_generated(curated, _bundled_text(UCDP_PATH), str(UCDP_PATH), "ucdp")
    _check_references({e.name: e for e in entries}, str(BUNDLED_PATH))
    return entries, heads


@lru_cache(maxsize=1)
def bundled_sources() -> tuple[dict[str, str], ...]:
    """Where the bundled registry's names come from: the curated file, then each generated file's sources."""
    _actors, _heads, sources = parse_document(_bundled_text(UCDP_PATH), str(UCDP_PATH))
    return (CURATED_SOURCE, *({**s, "file": UCDP_PATH.name} for s in sources))


def load_registry(extra_paths: Iterable[str | Path] = ()) -> Registry:
    docs = [(read_registry_file(p), str(p)) for p in extra_paths]
    return merge_documents(bundled_registry(), docs) if docs else bundled_registry()
