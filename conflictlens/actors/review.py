"""Checking a user's edit against the registry before it is recorded: which actor is meant, and
whether the edit makes sense (an alias that already names another actor is refused, not re-pointed)."""

from __future__ import annotations

import re

from conflictlens.actors.edits import ActorEdit, check_actor_type, clean_name
from conflictlens.actors.registry import ActorRegistry
from conflictlens.actors.schema import ActorEntry
from conflictlens.errors import ConflictLensError

# Edits name actors exactly: a typo must not silently edit the nearest actor.
EXACT_METHODS = ("exact", "alias", "acronym")
_COUNTRY = re.compile(r"^[A-Z]{2}$")


def exact_actor(registry: ActorRegistry, name: str) -> ActorEntry | None:
    """The actor `name` denotes exactly: canonical name (also one merged away), alias or acronym."""
    entry = registry.get(name) or registry.current(name)
    if entry is not None:
        return entry
    m = registry.resolve(name)
    if m is not None and m.method in EXACT_METHODS and m.score >= 1.0:
        return registry.get(m.canonical)
    return None


def acronym_owners(registry: ActorRegistry, name: str) -> list[ActorEntry]:
    """Actors with `name` as an acronym in any case ("ttp" -> TTP): a suggestion for an edit, which
    names actors exactly, and a match for a filter (`pipeline.filters`), which only reads. Two
    owners (JuD and JUD) make a name ambiguous."""
    folded = " ".join(name.split()).casefold()
    return [e for e in registry.all() if any(a.casefold() == folded for a in e.acronyms)]


def named_actor(registry: ActorRegistry, name: str, field: str = "NAME") -> ActorEntry:
    """`exact_actor`, or CL-E700 with the nearest names as a hint."""
    entry = exact_actor(registry, clean_name(name, field))
    if entry is not None:
        return entry
    near = list(dict.fromkeys([e.name for e in acronym_owners(registry, name)]
                              + [m.canonical for m in registry.suggest(name)]))
    hint = f"; did you mean {' or '.join(repr(n) for n in near)}?" if near else ""
    raise ConflictLensError("CL-E700", f"no registry actor is named {name!r}{hint} "
                                       "(see `conflictlens actors list`)", field)


def alias_edit(registry: ActorRegistry, name: str, alias: str, acronym: bool = False) -> ActorEdit | None:
    """The edit adding `alias` (or an acronym, matched case-sensitively) to an actor; None if it has it."""
    entry = named_actor(registry, name)
    alias = clean_name(alias, "ALIAS")
    owner = exact_actor(registry, alias)
    if owner is not None and owner.name != entry.name:
        raise ConflictLensError("CL-E701", f"{alias!r} already names {owner.name!r}; if both are one actor, "
                                           f"use `conflictlens actors merge`", "ALIAS")
    if owner is not None and (not acronym or alias in entry.acronyms):
        return None
    return ActorEdit("acronym" if acronym else "alias", entry.name, alias)


def merge_edit(registry: ActorRegistry, name: str, into: str) -> ActorEdit:
    """The edit folding `name` (an actor, or an unknown name such as an NER candidate) into `into`."""
    target = named_actor(registry, into, "INTO")
    source = exact_actor(registry, clean_name(name, "NAME"))
    if target.generic or (source is not None and source.generic):
        raise ConflictLensError("CL-E702", "generic placeholders (Unknown, Police, ...) cannot be merged; "
                                           "add an alias to a specific actor instead", "NAME")
    if source is not None and source.name == target.name:
        raise ConflictLensError("CL-E702", f"{name!r} already denotes {target.name!r}; nothing to merge", "NAME")
    if source is not None and _is_ancestor(registry, source.name, target.name):
        raise ConflictLensError("CL-E702", f"{target.name!r} is part of {source.name!r}; merge the part into "
                                           "the whole, not the whole into its part", "INTO")
    return ActorEdit("merge", source.name if source else clean_name(name, "NAME"), target.name)


def add_edit(registry: ActorRegistry, name: str, actor_type: str, parent: str | None = None,
             country: str | None = None) -> ActorEdit:
    """The edit adding a new actor (typically an NER candidate accepted by a reviewer)."""
    name = clean_name(name, "NAME")
    owner = exact_actor(registry, name)
    if owner is not None:
        raise ConflictLensError("CL-E701", f"{name!r} already names {owner.name!r}", "NAME")
    check_actor_type(actor_type)
    parent_name = named_actor(registry, parent, "--parent").name if parent else None
    code = country.upper() if country else None
    if code is not None and not _COUNTRY.match(code):
        raise ConflictLensError("CL-E703", "country must be an ISO 3166-1 alpha-2 code such as AF or PK", "--country")
    return ActorEdit("add", name, actor_type=actor_type, parent=parent_name, country=code)


def reject_edit(registry: ActorRegistry, name: str) -> ActorEdit:
    """The edit dismissing an unknown name as no actor (a news agency, a ministry, a nationality)."""
    name = clean_name(name, "NAME")
    owner = exact_actor(registry, name)
    if owner is not None:
        raise ConflictLensError("CL-E702", f"{name!r} is the registry actor {owner.name!r}; only unknown "
                                           "candidate names can be rejected", "NAME")
    return ActorEdit("reject", name)


def _is_ancestor(registry: ActorRegistry, ancestor: str, name: str) -> bool:
    seen: set[str] = set()
    entry = registry.get(name)
    while entry is not None and entry.parent and entry.parent not in seen:
        if entry.parent == ancestor:
            return True
        seen.add(entry.parent)
        entry = registry.get(entry.parent)
    return False
