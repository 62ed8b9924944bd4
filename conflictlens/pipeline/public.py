"""The one outbound gate: everything that leaves the tool is made public here, once.

Events (`events`, `show`, exports, `extract` of stored reports), search hits, incidents (`incidents`,
`why`, split and merge results, the audit trail), the attribution ledger, the actor network, an
actor's relations and the candidate actors all pass through `Public`: graded statements, the
analyst's answer in place of the extractor's where one was given, and confidential sources redacted
by `conflictlens.model.redaction.redact` (the one redaction function) under the store's policy.
Nothing else in the pipeline calls `redact`; the CLI (and later the web app) reads only through here.

A `Public` is built once per session (`Session.public`): it reads the store's confidential marks
once, and its grades and overrides when first needed.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import replace
from functools import cached_property
from typing import Any, Iterable, Iterator

from conflictlens.analysis.estimative import load_rule
from conflictlens.analysis.grading import SourceGrades, load_source_grades
from conflictlens.analysis.ledger import Ledger, Override, build_ledger, publishable_attributions
from conflictlens.extract.build import summarise
from conflictlens.model.periods import split_range
from conflictlens.model.records import Event
from conflictlens.model.redaction import CONFIDENTIAL_SOURCE, MASK, ConfidentialityPolicy, redact
from conflictlens.model.text import fold
from conflictlens.resolve.compose import compose
from conflictlens.resolve.profile import Source
from conflictlens.store import Store, event_from_record, positive_limit
from conflictlens.store import ledger as stored


def confidentiality_policy(store: Store) -> ConfidentialityPolicy:
    """What must not leave, read from the store: with the real ids of confidential documents' events,
    so an id printed anywhere (an analyst decision, a resolver's reason) is shown as its pseudonym."""
    documents = stored.confidential_documents(store)
    return ConfidentialityPolicy(documents, stored.confidential_persons(store), stored.redaction_secret(store),
                                 events=frozenset(stored.event_ids_of_documents(store, documents)))


def source_grades(store: Store) -> SourceGrades:
    """The bundled default grades with the user's own grades over them."""
    return load_source_grades().with_overrides({row[0]: row[1] for row in stored.source_grades(store)})


def statements_of(event: Event) -> list[tuple[Any, str | None]]:
    """The event's statements, each with the sentence it rests on (evidence is kept in the same order)."""
    evidence = event.evidence.get("attribution", [])
    aligned = len(evidence) == len(event.attribution)
    return [(a, evidence[i].text if aligned else None) for i, a in enumerate(event.attribution)]


def _override(row: stored.OverrideRow | None) -> Override | None:
    return Override(row.actor, row.analyst, row.why, row.at, row.phrase) if row and row.actor else None


class Public:
    """The store as it may be seen from outside: every reader of output goes through one of these."""

    def __init__(self, store: Store, policy: ConfidentialityPolicy | None = None) -> None:
        self.store = store
        self.policy = policy if policy is not None else confidentiality_policy(store)

    @cached_property
    def grades(self) -> SourceGrades:
        return source_grades(self.store)

    @cached_property
    def overrides(self) -> dict[str, stored.OverrideRow]:
        return stored.current_overrides(self.store)

    def value(self, value: Any) -> Any:
        """Anything bound for output (batch records, ledgers, decisions, rows) with confidential sources redacted."""
        return redact(value, self.policy)

    # -- events ----------------------------------------------------------------------------------

    def event(self, event: Event) -> Event:
        return redact(self.graded(event), self.policy)

    def events(self, events: Iterable[Event]) -> Iterator[Event]:
        return (self.event(e) for e in events)

    def graded(self, event: Event) -> Event:
        """Grades filled in and the analyst's answer applied; not yet redacted."""
        # A shallow copy (dataclasses.replace re-runs __init__ and was a seventh of an export's time);
        # only whole fields are reassigned on it below, never changed in place.
        shown = copy.copy(event)
        shown.attribution = publishable_attributions(event.attribution, self.grades)
        override = self.overrides.get(event.id)
        if override is None:
            return shown
        shown.perpetrator = override.actor
        # The summary is rebuilt from the coded fields, so it names the analyst's answer; it says
        # "claimed by" only when that actor did claim the attack.
        claimed_by_it = any(a.stance == "claimed" and a.actor == override.actor for a in event.attribution)
        shown.summary = summarise(replace(shown, claimed=claimed_by_it))
        return shown

    def select(self, *, perpetrator: str | Iterable[str] | None = None, dataset: str | None = None,
               limit: int | None = None, **filters: Any) -> Iterator[Event]:
        """Stored events as they may leave the tool, filtered on what they show.

        `perpetrator` (one stored name, or several: `pipeline.filters.perpetrator_names`) matches
        the analyst's answer where one overrides the stored perpetrator: an event reassigned to it
        is listed, one reassigned away from it is not. `dataset` keeps imported rows of one
        dataset. `filters` are Store.iter_events's (country, since, ...).
        """
        names = None if perpetrator is None else (
            (perpetrator,) if isinstance(perpetrator, str) else tuple(dict.fromkeys(perpetrator)))
        reassigned = [e for e, o in self.overrides.items() if o.actor in names] if names else []
        # The store applies the limit itself only when no row it returns may be dropped here.
        exact = dataset is None and not (names and self.overrides)
        limit = positive_limit(limit)
        rows = self.store.iter_events(perpetrator=names, including=reassigned, limit=limit if exact else None,
                                      **filters)
        shown = 0
        for event in rows:
            if dataset and (event.dataset or "").upper() != dataset.upper():
                continue
            graded = self.graded(event)
            if names and graded.perpetrator not in names:
                continue
            if limit is not None and shown >= limit:
                return
            shown += 1
            yield redact(graded, self.policy)

    def aggregate_counts(self, column: str, *, since: dt.date | None = None, until: dt.date | None = None,
                         admin1: str | None = None, perpetrator: Iterable[str] | None = None,
                         **filters: Any) -> list[tuple[Any, int, int]]:
        """(value of `column`, events, summed fatalities) rows as `select` would show the events: the
        perpetrator in force, `admin1` compared as shown (any case and accents), values redacted. Read
        on the store's roll-up for whole periods and on its rows by day for the days at the ends of
        [since, until] that split a period (model/periods.py). `column`: a roll-up column (date_start
        is its period); several rows may share a value (the caller adds them up by group)."""
        column = "period" if column == "date_start" else column
        chosen = dict(filters, perpetrator=None if perpetrator is None else tuple(perpetrator),
                      admin1_in=self._stored_admin1(admin1) if admin1 else None)
        whole, edges = split_range(since, until)
        rows = self.store.rollup_counts(column, whole, **chosen) if whole else []
        for span in edges:
            rows += self.store.rollup_counts(column, span, by_day=True, **chosen)
        # Counts name nothing of a source; values are shown as on the events (a name masked).
        return [(self.value(value) if isinstance(value, str) else value, n, f) for value, n, f in rows]

    def _stored_admin1(self, admin1: str) -> list[str | None]:
        """The stored admin1 values an event shows as `admin1` (folded: any case and accents)."""
        wanted = fold(admin1)
        return [v for v in self.store.rollup_values("admin1") if fold(self.value(v) or "") == wanted]

    def iter_events(self, **filters: Any) -> Iterator[Event]:
        """`select`, under the store's name, for printers that read events from a store themselves."""
        return self.select(**filters)

    def counts(self) -> dict[str, Any]:
        """How many documents and events (by type) are stored: numbers only, nothing of a source."""
        return self.store.counts()

    def record(self, event: Event, record: dict[str, Any]) -> dict[str, Any]:
        """A `show` record (the event with sentences), graded, with its assessment, redacted."""
        graded = self.graded(event)
        record = {**record, "perpetrator": graded.perpetrator, "summary": graded.summary,
                  "attribution": [a.to_dict() for a in graded.attribution]}
        record["assessment"] = self.ledger(event).answer.to_dict()
        return redact(record, self.policy)

    def ledger(self, event: Event) -> Ledger:
        """The event's attribution ledger (not yet redacted: its JSON leaves through `value`)."""
        override = self.overrides.get(event.id)
        return build_ledger(event.id, statements_of(event), self.grades, load_rule(),
                            _override(override) if override else None)

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Full-text hits as they may leave the tool. The query's words that name a confidential person
        are not searched, so no hit shows that a report names them; titles and snippets are redacted.
        A hit on a confidential report shows neither its words nor its id (its pseudonym would tie the
        searched word to the report's events)."""
        hits = []
        for doc_id, title, snippet in self.store.search_documents(self.policy.without_names(query), limit):
            hit = redact({"document_id": doc_id, "title": title, "snippet": snippet}, self.policy)
            if self.policy.is_confidential_document(doc_id):
                hit["document_id"] = None
            hits.append(hit)
        return hits

    def search_folds_accents(self) -> bool:
        """Whether `search` finds "Hérat" for "Herat" and back (not on a PostgreSQL store without unaccent)."""
        return self.store.search_folds_accents()

    def searched_words_dropped(self, query: str) -> bool:
        """Whether `search` leaves out words of `query` (they name a confidential person)."""
        return self.policy.without_names(query) != " ".join(query.split())

    # -- incidents -------------------------------------------------------------------------------

    def incident(self, record: dict[str, Any]) -> dict[str, Any]:
        """A merged incident record. One with a confidential member names that report's outlet and ids, so
        it is recomposed from its members with each confidential report redacted and labelled
        "confidential source" (grades and coded facts stay); others are returned as stored, redacted."""
        if self.policy.empty:
            return redact(record, self.policy)
        incidents = self.store.incidents
        # Decided by the members' own documents, not by what the record happens to list as sources.
        members = incidents.members(record["id"])
        if not any(self.policy.is_confidential_document(m.document_id) for m in members):
            return redact(record, self.policy)
        records = incidents.event_records([m.event_id for m in members])
        pairs = [self._public_member(event_from_record(records[m.event_id]), Source.from_dict(m.source))
                 for m in members if m.event_id in records]
        public = compose(record["id"], pairs)
        public["pinned"] = list(record.get("pinned", ()))  # real ids: redact shows their pseudonyms
        return redact(public, self.policy)

    def source_label(self, source: dict[str, Any]) -> str | None:
        """An incident member's source label, "confidential source" for a confidential report."""
        if self.policy.is_confidential_document(source.get("document_id")):
            return CONFIDENTIAL_SOURCE
        return source.get("label")

    def _public_member(self, event: Event, source: Source) -> tuple[Event, Source]:
        if not self.policy.is_confidential_document(event.document_id):
            return event, source
        hidden = redact(event, self.policy)
        return hidden, replace(source, key=f"doc:{hidden.document_id}", label=CONFIDENTIAL_SOURCE,
                               document_id=hidden.document_id)

    # -- actors ----------------------------------------------------------------------------------

    def network(self, data: dict[str, Any]) -> dict[str, Any]:
        """The network (node-link JSON) as it may leave: a relation resting on a confidential report keeps
        its grade and dates but loses its text, its sayer and its ids (relation ids are pseudonymised
        too, since they are computed from the report's id)."""
        return public_network(data, self.policy)

    def relation(self, row: dict[str, Any], shown: Iterable[str]) -> dict[str, Any]:
        """A stored relation as it may be printed: only the `shown` fields, redacted."""
        return redact({k: row[k] for k in shown if k in row}, self.policy)

    def mention(self, name: str, event_id: str, document_id: str) -> tuple[str, str, str] | None:
        """A candidate actor's (name, event id, document id) as it may be listed. A name found in a
        confidential report is text of that report: it is the mask, with pseudonymous ids. None for a
        confidential person's name taken for an organisation (a person to protect, not an actor)."""
        if self.policy.empty:
            return name, event_id, document_id
        if self.policy.is_confidential_document(document_id):
            return MASK, self.policy.pseudonym(event_id), self.policy.pseudonym(document_id)
        masked = self.policy.mask_names(name)
        if not masked.replace(MASK, "").strip(" .,;:'\"-"):
            return None
        return masked, event_id, document_id


def public_value(value: Any, policy: ConfidentialityPolicy) -> Any:
    """`Public.value` for a caller holding only a policy."""
    return redact(value, policy)


def public_network(data: dict[str, Any], policy: ConfidentialityPolicy) -> dict[str, Any]:
    """`Public.network` for a caller holding only a policy (`pipeline.network.actor_network`)."""
    if policy.empty:
        return data
    for edge in data["edges"]:
        for source in edge["sources"]:
            if policy.is_confidential_document(source.get("document_id")):
                source["id"] = policy.pseudonym(source["id"])
    return redact(data, policy)
