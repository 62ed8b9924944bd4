"""Incident resolution wired to the store: each saved event joins an incident or starts one.

The resolver (`conflictlens.resolve`) decides; the store (`conflictlens.store.incidents`) keeps the
members, their blocking keys and the merged records. Resolution is incremental: a new event is
compared only with the members of the incidents its blocking keys reach, and only the incidents
it touches are recomputed. Analyst decisions (`conflictlens.pipeline.resolution_decisions`) pin
members, and later ingests respect the pins.

Crash safety: a batch's events are saved and resolved in one transaction (`resolved_together`),
so no kill leaves a committed event in no incident. Events stored without resolution all the
same (`import --no-resolve`, a database written by an older version) are marked in the store,
and `finish_pending` resolves them before any command reads or writes incidents.
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable, Iterator, Mapping, Sequence

from conflictlens.actors import ActorRegistry
from conflictlens.geo import Gazetteer
from conflictlens.model.records import Document, Event
from conflictlens.pipeline.dataset_rows import quiet_collector
from conflictlens.pipeline.incident_index import IncidentIndex
from conflictlens.pipeline.resolution_batch import Batch
from conflictlens.pipeline.session import session_registry
from conflictlens.resolve.blocking import block_keys
from conflictlens.resolve.cluster import decide
from conflictlens.resolve.compose import compose
from conflictlens.resolve.names import fold, skeleton
from conflictlens.resolve.profile import ActorKnowledge, Profile, Source, profile_of, source_of
from conflictlens.resolve.settings import Settings, settings
from conflictlens.store import INSERTED, UPDATED, SaveResult, Store, event_from_record
from conflictlens.store.incidents import IncidentStore, MemberRow

PENDING_BATCH = 2000  # unresolved events read and resolved at a time by `resolve_pending` ...
# ... and committed every so many events or seconds, as an import commits: a commit writes every page
# its batches touched (indexes in hash order); the time bound keeps the write lock short.
PENDING_COMMIT_EVENTS, PENDING_COMMIT_SECONDS = 50_000, 4.0
# The collector runs once this many more containers live than at its last run. A batch keeps about
# 100,000 alive until it ends: at the CLI's 100,000 the collector walked each batch once or twice.
RESOLVE_GC_THRESHOLD = 1_000_000


@dataclass(frozen=True)
class ResolutionContext:
    """What the resolver needs from other stages, as plain data: actor lineage and place hierarchy."""

    settings: Settings
    actors: ActorKnowledge
    gazetteer: Gazetteer | None = None

    def profile(self, event: Event, source: Source) -> Profile:
        return profile_of(event, source, self.settings, self.actors, district_of(event, self.gazetteer))


@dataclass
class ResolutionReport:
    joined: int = 0  # events that joined an existing incident
    started: int = 0  # events that started a new incident
    kept: int = 0  # events already resolved and unchanged, or pinned by an analyst
    removed: int = 0  # members whose event no longer exists
    incidents: set[str] = field(default_factory=set)  # incidents created or changed
    left_waiting: bool = False  # a read-only store holds events in no incident that could not be resolved

    @property
    def placed(self) -> int:
        """Events that joined or started an incident."""
        return self.joined + self.started

    def add(self, other: ResolutionReport) -> None:
        """Count a batch's report into this one."""
        self.joined, self.started = self.joined + other.joined, self.started + other.started
        self.kept, self.removed = self.kept + other.kept, self.removed + other.removed
        self.incidents |= other.incidents
        self.left_waiting = self.left_waiting or other.left_waiting

    def to_dict(self) -> dict[str, int]:
        return {"joined": self.joined, "started": self.started, "kept": self.kept, "removed": self.removed,
                "incidents_changed": len(self.incidents)}


def build_context(registry: ActorRegistry | None = None, gazetteer: Gazetteer | None = None) -> ResolutionContext:
    """The context over the given registry and gazetteer (the bundled ones when not given)."""
    if registry is None and gazetteer is None:
        return _bundled_context()
    registry = registry or ActorRegistry.load()
    return ResolutionContext(settings(), actor_knowledge(registry), gazetteer or Gazetteer.load())


@lru_cache(maxsize=1)
def _bundled_context() -> ResolutionContext:
    return ResolutionContext(settings(), actor_knowledge(ActorRegistry.load()), Gazetteer.load())


def store_context(store: Store, actor_files: Iterable[str] = ()) -> ResolutionContext:
    """The context over `store`'s registry (`session_registry`: with the analyst's recorded edits)."""
    return _context_over(session_registry(store, actor_files))


@lru_cache(maxsize=4)
def _context_over(registry: ActorRegistry) -> ResolutionContext:
    # Keyed by the registry object, which `session_registry` caches per store state.
    return ResolutionContext(settings(), actor_knowledge(registry), Gazetteer.load())


def actor_knowledge(registry: ActorRegistry) -> ActorKnowledge:
    entries = registry.all()
    return ActorKnowledge({e.name: e.parent for e in entries}, frozenset(e.name for e in entries if e.generic),
                          {e.name: e.actor_type for e in entries})


def district_of(event: Event, gazetteer: Gazetteer | None) -> str | None:
    """The district the gazetteer puts the event's place in, when the event names a place but no district.

    Only when the gazetteer knows exactly one district for that name in that province. A name it
    knows there as a district and not as a place is the district's seat, which carries its name
    (GTD's "Panjwai", the town of Panjwaye district). It is a hint: the resolver lets it agree with
    another event's district, never disagree, except between two rows of one source.
    """
    loc = event.location
    if gazetteer is None or not loc.place or loc.admin2 or not loc.country:
        return None
    province = skeleton(fold(loc.admin1)) if loc.admin1 else None
    entries = [e for e in gazetteer.lookup(loc.place, country=loc.country)
               if e.admin2 and (province is None or skeleton(fold(e.admin1 or "")) == province)]
    districts = {e.admin2 for e in entries if e.kind == "place"} or {e.admin2 for e in entries if e.kind == "admin2"}
    return districts.pop() if len(districts) == 1 else None


def source_for(event: Event, ctx: ResolutionContext, meta: dict[str, Any] | None = None) -> Source:
    meta = meta or {}
    return source_of(event, ctx.settings, outlet=meta.get("outlet"), published=meta.get("published"),
                     title=meta.get("title"))


# -- resolving -------------------------------------------------------------------------------


def resolve_events(store: Store, items: Iterable[tuple[Event, Source]], ctx: ResolutionContext | None = None,
                   report: ResolutionReport | None = None, index: IncidentIndex | None = None,
                   incidents: IncidentStore | None = None) -> ResolutionReport:
    """Resolve each (event, source) in order, in one transaction, then recompute touched incidents.

    `index`: the stored incidents as a caller that resolves batch after batch keeps them in memory
    (an import); without one, they are read for this batch alone. `incidents`: the tables to file
    them in (default the store's; a bulk re-resolve passes its new ones).
    """
    ctx = ctx or store_context(store)
    report = report or ResolutionReport()
    items = list(items)
    index = index or IncidentIndex()
    incidents = incidents or store.incidents
    with store.transaction():
        index.begin(incidents)
        batch = Batch(incidents, [event for event, _ in items], ctx.settings, index)
        profiles = [ctx.profile(event, source) for event, source in items]
        keys = [block_keys(profile, ctx.settings) for profile in profiles]
        index.load_keys(incidents, [key for _, probes in keys for key in probes])  # one query per 500
        for (event, source), profile, (own, probes) in zip(items, profiles, keys):
            _resolve_one(batch, event, source, profile, own, probes, report)
        batch.flush()
        recompose(batch.incidents, report.incidents, ctx, batch.events, batch.fresh_members())
    return report


def resolve_after_save(store: Store, batch: Sequence[tuple[Document, list[Event]]], results: Sequence[SaveResult],
                       ctx: ResolutionContext | None = None, index: IncidentIndex | None = None) -> ResolutionReport:
    """The ingest hook: resolve the events of documents just inserted or re-extracted (`index`: see resolve_events)."""
    ctx = ctx or store_context(store)
    report = ResolutionReport()
    changed = [(doc, events) for (doc, events), result in zip(batch, results) if result.status in (INSERTED, UPDATED)]
    if not changed:
        return report
    incidents = store.incidents
    with store.transaction():
        stored = incidents.members_of_documents([doc.id for doc, _ in changed])  # one query per 500
        for doc, events in changed:
            if doc.id in stored:
                _drop_vanished(incidents, stored[doc.id], {e.id for e in events}, report)
    if report.removed and index is not None:
        index.forget()  # members left the incidents it holds
    meta = {doc.id: {"outlet": doc.outlet, "published": doc.published, "title": doc.title} for doc, _ in changed}
    items = [(e, source_for(e, ctx, meta.get(e.document_id))) for _, events in changed for e in events]
    return resolve_events(store, items, ctx, report, index)


@contextmanager
def resolved_together(store: Store) -> Iterator[None]:
    """One transaction for saving a batch and resolving its events: a crash leaves both or neither.

    The store marks every write of events as unresolved; the mark is cleared here unless it was
    set before the batch (then events of earlier runs are still waiting: `finish_pending`).
    """
    incidents = store.incidents
    with store.transaction():
        waiting = incidents.unresolved_marked()
        yield
        if not waiting:
            incidents.clear_unresolved_mark()


def finish_pending(store: Store, ctx: ResolutionContext | None = None) -> ResolutionReport:
    """Resolve the events left in no incident, if the store says there may be any.

    Cheap when there are none (one look-up): every command that reads or writes incidents calls it first.
    A read-only store (an archive) is read as it is: nothing can be resolved into it.
    """
    if not store.incidents.unresolved_marked():
        return ResolutionReport()
    if store.read_only:
        return ResolutionReport(left_waiting=True)
    return resolve_pending(store, ctx)


def resolve_pending(store: Store, ctx: ResolutionContext | None = None, limit: int | None = None) -> ResolutionReport:
    """Resolve every stored event that is in no incident yet (e.g. stored before resolution existed).

    Events are read PENDING_BATCH at a time, and committed every PENDING_COMMIT_EVENTS events or
    PENDING_COMMIT_SECONDS seconds, whichever comes first: a kill loses at most the work since the
    last commit, and the next call reads on from the first event still unresolved."""
    from conflictlens.pipeline.bulk_resolution import resolve_in_bulk  # it reads on with this module's batches

    ctx = ctx or store_context(store)
    report = resolve_in_bulk(store, ctx) if limit is None else None
    if report is not None:
        return report
    report, index = ResolutionReport(), IncidentIndex()
    position: tuple[int, str] | None = (0, "")
    with quiet_collector(RESOLVE_GC_THRESHOLD):
        while position is not None and (limit is None or limit > 0):
            with store.transaction():
                position, read = resolve_pending_batches(store, ctx, report, index, position, limit)
            limit = None if limit is None else limit - read
    if position is None:
        clear_mark_if_done(store.incidents)
    return report


def resolve_pending_batches(store: Store, ctx: ResolutionContext, report: ResolutionReport, index: IncidentIndex,
                             position: tuple[int, str], limit: int | None, into: IncidentStore | None = None,
                             commit: tuple[int, float] = (PENDING_COMMIT_EVENTS, PENDING_COMMIT_SECONDS),
                             ) -> tuple[tuple[int, str] | None, int]:
    """Resolve batches of at most `limit` unresolved events after `position`, until it is time to `commit`
    (events, seconds), filing them `into` those tables (default the store's). Returns the position to
    read on from (None when no event is left) and the number of events read."""
    incidents, started, read = store.incidents, time.monotonic(), 0
    while limit is None or read < limit:
        rows = incidents.unresolved_with_documents(
            PENDING_BATCH if limit is None else min(PENDING_BATCH, limit - read), position)
        if not rows:
            return None, read
        # A report of its own per batch: resolve_events recomposes the incidents its report names (one
        # report for all batches made each batch recompose every incident since the first: quadratic).
        items = [(e, source_for(e, ctx, meta)) for e, meta in ((event_from_record(r), m) for _, r, _, m in rows)]
        report.add(resolve_events(store, items, ctx, ResolutionReport(), index, into))
        read, position = read + len(rows), rows[-1][2]
        if read >= commit[0] or time.monotonic() - started >= commit[1]:
            break
    return position, read


def clear_mark_if_done(incidents: IncidentStore) -> None:
    # Checked again from the start, under the write lock: another program may have stored events
    # meanwhile (a re-extracted document keeps its place in the order), and its mark must stay.
    with incidents.transaction():
        if not incidents.unresolved_events(1):
            incidents.clear_unresolved_mark()


def _drop_vanished(incidents: IncidentStore, members: Sequence[MemberRow], current: set[str],
                   report: ResolutionReport) -> None:
    """Re-extraction may drop events: the memberships of a document's `members` not `current` go
    (analyst decisions stay in the trail)."""
    for member in members:
        if member.event_id not in current:
            incidents.remove_member(member.event_id)
            report.incidents.add(member.incident_id)
            report.removed += 1


def _resolve_one(batch: Batch, event: Event, source: Source, profile: Profile, keys: Sequence[str],
                 probes: Sequence[str], report: ResolutionReport) -> None:
    """File `event` (its `profile`, filed under `keys`) in the incident it joins among those `probes` reach, or a new one."""
    s = batch.settings
    data = profile.to_json()
    existing = batch.members.get(event.id)
    if existing is not None:
        if existing.pinned or existing.profile == data:
            if existing.profile != data:  # pinned: it stays, but later events compare with its new facts
                batch.update(existing, data, source, keys)
                report.incidents.add(existing.incident_id)
            report.kept += 1
            return
        batch.remove(event.id, existing.incident_id)  # its facts changed: decide again
        report.incidents.add(existing.incident_id)
    decision = decide(profile, batch.candidates(probes), s, excluded=batch.excluded(event.id))
    incident = decision.incident_id or batch.new_incident_id(event.id)
    batch.add(event, incident, profile, data, source, decision.to_dict(s), keys, founded=not decision.joined)
    report.incidents.add(incident)
    if decision.joined:
        report.joined += 1
    else:
        report.started += 1


def recompose(incidents: IncidentStore, incident_ids: Iterable[str], ctx: ResolutionContext,
              known: dict[str, Event] | None = None,
              fresh: Mapping[str, list[tuple[str, Source]]] | None = None) -> None:
    """Recompute the merged record of each incident from its members (delete it when it has none).

    `known`: events already in memory (the batch just resolved), which need not be read back; `fresh`:
    incidents whose members are all known in memory, with their (event id, source) in order and none
    pinned (those the batch founded: most of an import's), whose members need not be read back either.
    """
    known, fresh = known or {}, fresh or {}
    chosen = sorted(set(incident_ids))
    # Members, events and saves of the others: a few statements per batch.
    sources = incidents.member_sources([incident_id for incident_id in chosen if incident_id not in fresh])
    unknown = [event_id for members in sources.values() for event_id, _, _ in members if event_id not in known]
    records = incidents.event_records(unknown) if unknown else {}
    events = {**{event_id: event_from_record(record) for event_id, record in records.items()}, **known}
    saved = []
    for incident_id in chosen:
        if incident_id in fresh:
            pairs, pinned = [(events[event_id], source) for event_id, source in fresh[incident_id]], []
        else:
            members = sources.get(incident_id, [])
            pairs = [(events[event_id], Source.from_dict(source)) for event_id, source, _ in members
                     if event_id in events]
            pinned = [event_id for event_id, _, is_pinned in members if is_pinned]
        if not pairs:
            incidents.delete_incident(incident_id)
            continue
        record = compose(incident_id, pairs)
        record["pinned"] = pinned
        saved.append((incident_id, record, len(pairs), record["date"]["start"], record["location"]["country"]))
    incidents.save_incidents(saved)
