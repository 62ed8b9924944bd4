"""A user's edits to the registry (aliases, merges, new actors, dismissed candidates), applied on load.

Edits are kept apart from the bundled file, in order and with who made them and when, so that they
survive both a new release of the registry and the re-extraction of stored reports: every load of
the registry replays them on top of the bundled and user files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Iterable

from conflictlens.actors.schema import ACTOR_TYPES, ActorEntry
from conflictlens.errors import ConflictLensError

EDIT_OPS = ("alias", "acronym", "merge", "add", "reject")
MAX_NAME_LENGTH = 200
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_WORD = re.compile(r"\w")


@dataclass(frozen=True)
class ActorEdit:
    """One edit. `name` is the actor edited (alias, acronym), merged away (merge), added (add) or
    dismissed as no actor (reject); `value` is the new alias or acronym, or the actor merged into."""

    op: str
    name: str
    value: str | None = None
    actor_type: str | None = None
    parent: str | None = None
    country: str | None = None
    by: str | None = None
    note: str | None = None
    created_at: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


@dataclass(frozen=True)
class EditedEntries:
    entries: tuple[ActorEntry, ...]
    merged: dict[str, str]  # canonical name merged away -> the actor it lives on in
    rejected: frozenset[str]  # names dismissed as no actor
    stale: tuple[str, ...]  # edits that no longer apply (e.g. the actor left the bundled registry)


def clean_name(value: str | None, field: str) -> str:
    """A name typed by a user: trimmed, one line, no control or direction characters, not too long."""
    text = " ".join((value or "").split())
    if not text or not _WORD.search(text):
        raise ConflictLensError("CL-E703", "name is empty; give the actor's name or alias in quotes", field)
    if _CONTROL.search(text):
        raise ConflictLensError("CL-E703", "name contains control or text-direction characters; retype it", field)
    if len(text) > MAX_NAME_LENGTH:
        raise ConflictLensError("CL-E703", f"name is longer than {MAX_NAME_LENGTH} characters; shorten it", field)
    return text


def check_actor_type(actor_type: str | None) -> str:
    if actor_type not in ACTOR_TYPES:
        raise ConflictLensError("CL-E703", f"actor type must be one of: {', '.join(ACTOR_TYPES)}", "--type")
    return actor_type


def apply_edits(entries: Iterable[ActorEntry], edits: Iterable[ActorEdit]) -> EditedEntries:
    """`entries` with every edit replayed in order. An edit that no longer applies is reported, not fatal:
    a stale edit must never stop reports from being ingested."""
    table = {e.name: e for e in entries}
    merged: dict[str, str] = {}
    rejected: set[str] = set()
    stale: list[str] = []
    for edit in edits:
        problem = _apply(table, merged, rejected, edit)
        if problem:
            stale.append(f"{edit.op} {edit.name!r}" + (f" -> {edit.value!r}" if edit.value else "") + f": {problem}")
    return EditedEntries(tuple(table.values()), merged, frozenset(rejected), tuple(stale))


def _apply(table: dict[str, ActorEntry], merged: dict[str, str], rejected: set[str], edit: ActorEdit) -> str | None:
    if edit.op == "reject":
        rejected.add(edit.name)
        return None
    if edit.op == "add":
        if edit.name in table:
            return "an actor of that name exists"
        if edit.actor_type not in ACTOR_TYPES or (edit.parent and edit.parent not in table):
            return "actor type or parent is not valid"
        table[edit.name] = ActorEntry(edit.name, edit.actor_type, parent=edit.parent, country=edit.country)
        return None
    target = merged.get(edit.value or "", edit.value) if edit.op == "merge" else merged.get(edit.name, edit.name)
    if target not in table:
        return f"{target!r} is not a registry actor"
    if edit.op in ("alias", "acronym"):
        field = "aliases" if edit.op == "alias" else "acronyms"
        old = table[target]
        table[target] = replace(old, **{field: tuple(dict.fromkeys(getattr(old, field) + (edit.value or "",)))})
        return None
    if edit.op == "merge":
        return _merge(table, merged, edit.name, target)
    return f"unknown edit {edit.op!r}"


def _merge(table: dict[str, ActorEntry], merged: dict[str, str], name: str, into: str) -> str | None:
    """`name` becomes part of `into`: its names, acronyms and dataset names move over; children follow."""
    source = table.get(merged.get(name, name))
    keep = table[into]
    if source is None:  # a name no actor has yet (an NER candidate): it becomes an alias
        table[into] = replace(keep, aliases=tuple(dict.fromkeys(keep.aliases + (name,))))
        merged[name] = into
        return None
    if source.name == into:
        return "already the same actor"
    table[into] = _absorb(keep, source)
    del table[source.name]
    for old, new in list(merged.items()):
        if new == source.name:
            merged[old] = into
    merged[source.name] = into
    for key, e in list(table.items()):
        table[key] = _repoint(e, source.name, into)
    return None


def _absorb(keep: ActorEntry, source: ActorEntry) -> ActorEntry:
    names = ((source.name,) if source.name_in_text else ()) + source.aliases
    external = {k: tuple(dict.fromkeys(keep.external_names.get(k, ()) + source.external_names.get(k, ())))
                for k in set(keep.external_names) | set(source.external_names)}
    return replace(
        keep,
        aliases=tuple(dict.fromkeys(keep.aliases + names)),
        acronyms=tuple(dict.fromkeys(keep.acronyms + source.acronyms)),
        weak_aliases=tuple(dict.fromkeys(keep.weak_aliases + source.weak_aliases)),
        dated_names=tuple(dict.fromkeys(keep.dated_names + source.dated_names)),
        external_names=external,
    )


def _repoint(e: ActorEntry, old: str, new: str) -> ActorEntry:
    """Parent and regional-branch references to a merged-away actor now name the actor it joined."""
    parent = new if e.parent == old and e.name != new else (None if e.parent == old else e.parent)
    branches = {cc: tuple(replace(b, name=new) if b.name == old else b for b in bs)
                for cc, bs in e.regional_branches.items()}
    branches = {cc: tuple(b for b in bs if b.name != e.name) for cc, bs in branches.items()}
    if parent == e.parent and branches == e.regional_branches:
        return e
    return replace(e, parent=parent, regional_branches={cc: bs for cc, bs in branches.items() if bs})
