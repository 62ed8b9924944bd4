"""Filter values as users write them -> the values events are stored with (issue 17).

Events store canonical actor names, exact vocabulary labels and ISO alpha-2 codes, so a filter
compared as typed ("ISKP", "battles", "Afghanistan") matched nothing and said nothing. Here:

- an actor is any name the registry knows (canonical, alias, acronym, dated or merged name; any
  case; the store's actor edits included), else a perpetrator name stored as is (imported rows the
  registry lacks). A perpetrator filter takes the actor's branches and factions too (its children
  in the registry, at any depth): ISKP's attacks are Islamic State attacks.
- an event type is an ACLED event type, an ACLED sub-event type or a GTD attack type, any case,
  punctuation aside ("air drone strike" is "Air/drone strike").
- a country is an ISO 3166-1 alpha-2 or alpha-3 code or a name (the importers' country table).

Anything else is a coded error naming the nearest values. Near spellings are only suggested,
never taken: a typo must not silently filter on another actor.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from conflictlens.actors import ActorRegistry
from conflictlens.actors.review import acronym_owners, exact_actor
from conflictlens.actors.schema import ACTOR_TYPES, ActorEntry
from conflictlens.errors import ConflictLensError
from conflictlens.ingest.datasets.reference import countries
from conflictlens.model.redaction import ConfidentialityPolicy
from conflictlens.model.text import ascii_key
from conflictlens.model.vocab import vocabularies
from conflictlens.pipeline.public import confidentiality_policy
from conflictlens.store import Store
from conflictlens.store import actors as store_actors
from conflictlens.store import ledger as stored_ledger

_NEAREST = 3


@dataclass(frozen=True)
class EventType:
    """A `--type` value as stored: the events column it is a label of, and the label."""

    column: str  # event_type (ACLED), sub_event_type (ACLED) or attack_type (GTD)
    value: str

    def as_filter(self) -> dict[str, str]:
        return {self.column: self.value}


@lru_cache(maxsize=1)
def _event_types() -> dict[str, EventType]:
    vocab = vocabularies()
    levels = (("event_type", tuple(vocab.acled)), ("sub_event_type", vocab.sub_event_types),
              ("attack_type", vocab.attack_types))
    table: dict[str, EventType] = {}
    for column, labels in levels:
        for label in labels:
            table.setdefault(ascii_key(label), EventType(column, label))  # a label on two levels: the broader
    return table


def event_type(value: str, option: str = "--type") -> EventType:
    found = _event_types().get(ascii_key(value))
    if found is not None:
        return found
    shown = {key: t.value for key, t in _event_types().items()}
    raise ConflictLensError("CL-E405", f"no ACLED event or sub-event type and no GTD attack type is called {value!r}"
                                       f"{_did_you_mean(value, shown)}", option)


def country_code(value: str, option: str = "--country") -> str:
    """The ISO alpha-2 code of a country given by alpha-2 or alpha-3 code or by name (any case)."""
    table = countries()
    code = value.strip().upper()
    found = code if code in table.by_alpha2 else table.by_alpha3.get(code) or table.from_name(value)
    if found:
        return found
    shown = {key: f"{table.by_alpha2[cc].name} ({cc})" for key, cc in table.by_name.items()}
    raise ConflictLensError("CL-E406", f"no country is called {value!r} (give an ISO 3166-1 code such as AF or "
                                       f"AFG, or the country's name){_did_you_mean(value, shown)}", option)


def actor_type(value: str, option: str = "--type") -> str:
    """One of the registry's actor types (`actors list --type`), in any case."""
    shown = {ascii_key(t): t for t in ACTOR_TYPES}
    found = shown.get(ascii_key(value))
    if found is not None:
        return found
    raise ConflictLensError("CL-E703", f"no actor type is called {value!r} (actor types: {', '.join(ACTOR_TYPES)})"
                                       f"{_did_you_mean(value, shown)}", option)


def perpetrator_names(registry: ActorRegistry, value: str, stored: Iterable[str] = (),
                      shown: Iterable[str] | None = None, option: str = "--perpetrator") -> tuple[str, ...]:
    """Every stored perpetrator name the filter `value` means: the registry actor's names (merged
    ones included), then its branches' and theirs; else a name in `stored`, in any case.

    `shown`: the stored names that may be suggested (default `stored`); a name found only in
    confidential reports is text of those reports and is never suggested.
    """
    text = _given(value, "CL-E700", option)
    entry = _registry_actor(registry, text)
    if entry is not None:
        return _with_branches(registry, entry.name)
    stored = tuple(stored)
    kept = _same_name(text, stored)
    if kept is not None:
        return (kept,)
    hint = _actor_hint(registry, text, stored if shown is None else shown)
    raise ConflictLensError("CL-E700", f"no registry actor or stored perpetrator is named {value!r}{hint} "
                                       "(see `conflictlens actors list`)", option)


def network_actor(registry: ActorRegistry, value: str, nodes: Iterable[str], option: str = "--actor",
                  secret: Callable[[str], bool] = lambda name: False) -> str:
    """The node `value` means: a registry actor's canonical name, else a node of that name (any case).
    Names `secret` holds (naming a confidential person) are matched but never suggested."""
    text = _given(value, "CL-E750", option)
    entry = _registry_actor(registry, text)
    if entry is not None:
        return entry.name
    nodes = tuple(nodes)
    kept = _same_name(text, nodes)
    if kept is not None:
        return kept
    raise ConflictLensError("CL-E750", f"no actor in the registry or the relation network is named {value!r}"
                                       f"{_actor_hint(registry, text, [n for n in nodes if not secret(n)])}",
                            option)


def event_filters(store: Store, registry: ActorRegistry, *, country: str | None = None,
                  event_type_name: str | None = None, perpetrator: str | None = None) -> dict[str, Any]:
    """The given filters resolved, as keyword arguments of `Public.select` (and Store.iter_events)."""
    chosen: dict[str, Any] = {}
    if country is not None:
        chosen["country"] = country_code(country)
    if event_type_name is not None:
        chosen.update(event_type(event_type_name).as_filter())
    if perpetrator is not None:
        chosen["perpetrator"] = stored_perpetrator_names(store, registry, perpetrator)
    return chosen


def stored_perpetrator_names(store: Store, registry: ActorRegistry, value: str) -> tuple[str, ...]:
    """`perpetrator_names` for `store`: the store's own perpetrator names are read only when the
    registry does not know `value` (a full scan of the events)."""
    text = _given(value, "CL-E700", "--perpetrator")
    if _registry_actor(registry, text) is not None:
        return perpetrator_names(registry, text)
    policy = confidentiality_policy(store)
    rows = list(store_actors.perpetrator_documents(store))
    overridden = [o.actor for o in stored_ledger.current_overrides(store).values() if o.actor]
    return perpetrator_names(registry, text, [name for name, _ in rows] + overridden, shown_names(rows, policy))


def shown_names(rows: Iterable[tuple[str, str]], policy: ConfidentialityPolicy) -> list[str]:
    """The names of (name, document id) rows that may be suggested: found in a report that is not
    confidential, and naming no confidential person."""
    return [name for name, document_id in rows
            if not policy.is_confidential_document(document_id) and not policy.names_confidential_person(name)]


def _registry_actor(registry: ActorRegistry, text: str) -> ActorEntry | None:
    """The actor `text` names exactly (as an edit would take it), else the one actor with that
    acronym in another case: a filter only reads, and "iskp" can only mean ISKP."""
    entry = exact_actor(registry, text)
    if entry is not None:
        return entry
    owners = acronym_owners(registry, text)
    return owners[0] if len(owners) == 1 else None


def _with_branches(registry: ActorRegistry, canonical: str) -> tuple[str, ...]:
    names: list[str] = []
    queue, seen = [canonical], set()
    while queue:  # breadth first: the actor, its branches, theirs; a cycle in user data stops
        name = queue.pop(0)
        if name in seen:
            continue
        seen.add(name)
        names.extend(registry.names_of(name))
        queue.extend(sorted(e.name for e in registry.children(name)))
    return tuple(dict.fromkeys(names))


def _given(value: str | None, code: str, option: str) -> str:
    text = " ".join((value or "").split())
    if not text:
        raise ConflictLensError(code, "give a name (or an alias or acronym the registry knows)", option)
    return text


def _same_name(text: str, names: Iterable[str]) -> str | None:
    key = ascii_key(text)
    return next((n for n in names if n == text), None) or next((n for n in names if ascii_key(n) == key), None)


def _actor_hint(registry: ActorRegistry, text: str, names: Iterable[str]) -> str:
    owners = [e.name for e in acronym_owners(registry, text)]  # "jud": two actors' acronyms
    suggested = [m.canonical for m in registry.suggest(text, _NEAREST)]
    return _did_you_mean(text, {ascii_key(n): n for n in names}, owners + suggested)


def nearest(given: str, names: Iterable[str]) -> list[str]:
    """The names closest to `given` in spelling (case and punctuation aside), closest first."""
    return _nearest(given, {ascii_key(n): n for n in names})


def _nearest(given: str, shown: Mapping[str, str]) -> list[str]:
    return [shown[k] for k in difflib.get_close_matches(ascii_key(given), list(shown), n=_NEAREST, cutoff=0.6)]


def _did_you_mean(given: str, shown: Mapping[str, str], first: Iterable[str] = ()) -> str:
    """"; did you mean 'A' or 'B'?" from `shown` (key -> what to print) and `first`; "" if none is near."""
    near = list(dict.fromkeys([*first, *_nearest(given, shown)]))[:_NEAREST + 1]
    return f"; did you mean {' or '.join(repr(n) for n in near)}?" if near else ""

