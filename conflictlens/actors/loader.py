"""Read the bundled registry and user registry files into one list of entries.

A user file uses the bundled schema. An entry whose `name` already exists extends that actor (aliases,
acronyms and external names are added; scalar fields given replace the old ones); any other entry adds a
new actor.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterable

from conflictlens.actors.schema import ActorEntry, extend_entry, new_entry, parse_document, parse_entry
from conflictlens.errors import ConflictLensError

BUNDLED_PATH = Path(__file__).resolve().parent / "data" / "actors.yaml"

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


def _merge_file(entries: dict[str, ActorEntry], text: str, path: str) -> list[str]:
    raw_actors, heads = parse_document(text, path)
    for i, raw in enumerate(raw_actors):
        lists, scalars = parse_entry(raw, path, i)
        old = entries.get(lists["name"])
        entries[lists["name"]] = extend_entry(old, lists, scalars) if old else new_entry(lists, scalars, path)
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


def merge_documents(base: Registry, docs: Iterable[tuple[str, str]]) -> Registry:
    """`base` extended by each (text, path) registry document in turn."""
    entries = {e.name: e for e in base[0]}
    heads = list(base[1])
    for text, path in docs:
        heads += _merge_file(entries, text, path)
        _check_references(entries, path)
    return tuple(entries.values()), tuple(dict.fromkeys(heads))


@lru_cache(maxsize=1)
def bundled_registry() -> Registry:
    """The parsed bundled registry (parsed once per process)."""
    try:
        text = BUNDLED_PATH.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConflictLensError("CL-E300", "bundled actor registry is missing; reinstall conflictlens",
                                subject=str(BUNDLED_PATH)) from exc
    return merge_documents(((), ()), [(text, str(BUNDLED_PATH))])


def load_registry(extra_paths: Iterable[str | Path] = ()) -> Registry:
    docs = [(read_registry_file(p), str(p)) for p in extra_paths]
    return merge_documents(bundled_registry(), docs) if docs else bundled_registry()
