"""Wiring for the actor registry: the user's edits kept in the store (the Session's registry and
extractor apply them) and the listings behind `conflictlens actors` (list, show, candidates)."""

from __future__ import annotations

from typing import Any, Callable, Iterable, Iterator

from conflictlens.actors import ActorRegistry
from conflictlens.actors import review
from conflictlens.actors.candidates import NOT_ACTOR, REJECTED, REVIEW, CandidateMention, review_candidates
from conflictlens.actors.edits import ActorEdit, clean_name
from conflictlens.actors.normalize import name_key
from conflictlens.actors.profile import describe, events_per_year, relations_over_time
from conflictlens.errors import ConflictLensError
from conflictlens.geo import Gazetteer
from conflictlens.model.redaction import MASK
from conflictlens.pipeline import filters
from conflictlens.pipeline.public import Public, confidentiality_policy
from conflictlens.pipeline.session import session_registry
from conflictlens.store import Store
from conflictlens.store import actors as store_actors

__all__ = ["NOT_ACTOR", "REJECTED", "REVIEW", "add_actor", "add_alias", "candidates", "list_actors", "merge",
           "reject", "show_actor"]

# What `show` prints of a relation: coded facts, dates, grades and who said it (masked when
# confidential), never the sentence or anything else of the source's own words.
_RELATION_SHOWN = ("kind", "source", "target", "stance", "dimension", "support", "date_start", "date_end", "start",
                   "end", "precision", "by", "said_by", "said_on", "origin", "reliability", "credibility", "confidence",
                   "document_id", "event_id")


def _record(store: Store, edit: ActorEdit, by: str | None, note: str | None) -> dict[str, Any]:
    row = {**edit.to_dict(), "by": by, "note": note}
    row["id"] = store_actors.record_actor_edit(store, row)
    return row


def add_alias(store: Store, name: str, alias: str, *, acronym: bool = False, by: str | None = None,
              note: str | None = None, actor_files: Iterable[str] = ()) -> dict[str, Any] | None:
    """Record a new alias (or acronym) of an actor; None when the actor already has it."""
    edit = review.alias_edit(session_registry(store, actor_files), name, alias, acronym)
    return _record(store, edit, by, note) if edit else None


def merge(store: Store, name: str, into: str, *, by: str | None = None, note: str | None = None,
          actor_files: Iterable[str] = ()) -> dict[str, Any]:
    """Record that `name` (an actor, or a candidate found in stored reports) is the actor `into`."""
    registry = session_registry(store, actor_files)
    review.named_actor(registry, into, "INTO")
    if review.exact_actor(registry, clean_name(name, "NAME")) is None:
        name = stored_candidate(store, registry, name, merging=True)
    return _record(store, review.merge_edit(registry, name, into), by, note)


def add_actor(store: Store, name: str, actor_type: str, *, parent: str | None = None, country: str | None = None,
              by: str | None = None, note: str | None = None, actor_files: Iterable[str] = ()) -> dict[str, Any]:
    edit = review.add_edit(session_registry(store, actor_files), name, actor_type, parent, country)
    return _record(store, edit, by, note)


def reject(store: Store, name: str, *, by: str | None = None, note: str | None = None,
           actor_files: Iterable[str] = ()) -> dict[str, Any]:
    """Record that a candidate found in stored reports is no actor."""
    registry = session_registry(store, actor_files)
    if review.exact_actor(registry, clean_name(name, "NAME")) is None:
        name = stored_candidate(store, registry, name)
    return _record(store, review.reject_edit(registry, name), by, note)


def stored_candidate(store: Store, registry: ActorRegistry, name: str, merging: bool = False) -> str:
    """The candidate actor `name` denotes (any case), as stored; CL-E704 with the nearest names when
    no stored report mentions it. A perpetrator name stored with an event (an imported row's actor the
    registry does not know) counts as a candidate too. A name from confidential reports only is
    accepted, never suggested."""
    wanted = name_key(clean_name(name, "NAME"))
    rows = list(_stored_names(store))
    found = next((mentioned for mentioned, _doc in rows if name_key(mentioned) == wanted), None)
    if found is not None:
        return found
    public = dict.fromkeys(filters.shown_names(rows, confidentiality_policy(store)))
    near = filters.nearest(name, public) + ([m.canonical for m in registry.suggest(name)] if merging else [])
    near = list(dict.fromkeys(near))[:4]
    hint = f"; did you mean {' or '.join(repr(n) for n in near)}?" if near else ""
    remedy = "; a new name of an actor goes in with `conflictlens actors alias add`" if merging else ""
    raise ConflictLensError("CL-E704", f"no stored report mentions a candidate actor named {name!r}"
                                       f"{', and no registry actor has that name' if merging else ''}{hint} "
                                       f"(see `conflictlens actors candidates`{remedy})", "NAME")


def _stored_names(store: Store) -> Iterator[tuple[str, str]]:
    """(name, document id) of every candidate mention, then of every stored perpetrator."""
    for mentioned, _event, document_id, _label, _date in store_actors.candidate_mentions(store):
        yield mentioned, document_id
    yield from store_actors.perpetrator_documents(store)


def list_actors(registry: ActorRegistry, store: Store | None, actor_type: str | None = None,
                country: str | None = None) -> Iterator[dict[str, Any]]:
    """One row per registry actor (filtered), with its stored events when there is a store.

    `actor_type` in any case; `country` by ISO code or name. Checked before anything is listed."""
    actor_type = filters.actor_type(actor_type) if actor_type is not None else None
    country = filters.country_code(country) if country is not None else None
    return _listed(registry, store, actor_type, country)


def _listed(registry: ActorRegistry, store: Store | None, actor_type: str | None,
            country: str | None) -> Iterator[dict[str, Any]]:
    counts = store_actors.event_counts(store) if store is not None else None
    for e in sorted(registry.all(), key=lambda e: e.name.lower()):
        if (actor_type and e.actor_type != actor_type) or (country and e.country != country):
            continue
        row = {"name": e.name, "acronyms": list(e.acronyms), "actor_type": e.actor_type, "parent": e.parent,
               "country": e.country, "names": 1 + len(e.aliases) + len(e.acronyms) + len(e.dated_names),
               "source": e.source}
        if counts is not None:
            row["events"] = sum(counts.get(n, 0) for n in registry.names_of(e.name))
        yield row


def show_actor(registry: ActorRegistry, store: Store | None, name: str,
               public: Public | None = None) -> dict[str, Any]:
    """Everything known about one actor: names, hierarchy, dataset names, relations, events per year."""
    entry = review.named_actor(registry, name)
    profile = describe(registry, entry)
    names = registry.names_of(entry.name)
    if store is not None:
        public = public or Public(store)
        rows = [public.relation(r, _RELATION_SHOWN) for r in store_actors.relation_rows(store, names)]
        profile["relations"] = relations_over_time(rows, names)
        profile["events_per_year"] = events_per_year(store_actors.stance_rows(store, names))
    return profile


def candidates(registry: ActorRegistry, store: Store, status: str | None = None,
               places_file: str | None = None, public: Public | None = None,
               is_place: Callable[[str], bool] | None = None) -> list[dict[str, Any]]:
    """Unknown organisations found in stored reports, for review; `status` filters (e.g. "review").

    A name found only in confidential reports is text of those reports: it is listed as the
    confidential-source mask, with pseudonymous event ids, so it is counted but never shown.
    """
    public = public or Public(store)
    shown = (_public_mention(CandidateMention(*row), public) for row in store_actors.candidate_mentions(store))
    mentions = (m for m in shown if m is not None)
    found = review_candidates(mentions, registry, is_place or place_test(Gazetteer.load(places_file)))
    for c in found:
        if c.name == MASK:
            c.status, c.reason, c.suggestions = REVIEW, "found only in confidential reports", []
    return [c.to_dict() for c in found if status is None or c.status == status]


def _public_mention(m: CandidateMention, public: Public) -> CandidateMention | None:
    """The mention as it may be listed (`Public.mention`); None for a confidential person's name."""
    shown = public.mention(m.name, m.event_id, m.document_id)
    return CandidateMention(*shown, m.label, m.date) if shown is not None else None


def place_test(gazetteer: Gazetteer) -> Callable[[str], bool]:
    """Is a name a country, province, district or town? (Villages are left out: many share a name
    with a tribe or a commander.)"""

    def is_place(name: str) -> bool:
        return any(e.kind != "place" or e.population > 0 for e in gazetteer.lookup(name))
    return is_place
