"""Wiring for the attribution ledger and for confidential sources: store <-> analysis <-> output.

`PublicView` is what every output path shows: events with graded statements, the analyst's answer
in place of the extractor's where one was given, and confidential sources redacted by
`conflictlens.model.redaction.redact` (the one redaction function).
"""

from __future__ import annotations

import copy
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from conflictlens.analysis.estimative import load_rule
from conflictlens.analysis.grading import SourceGrades, check_reliability, load_source_grades, normalise_source
from conflictlens.analysis.ledger import Ledger, Override, build_ledger, publishable_attributions
from conflictlens.errors import ConflictLensError
from conflictlens.extract.build import summarise
from conflictlens.model.records import Document, Event
from conflictlens.model.redaction import MIN_NAME_LENGTH, ConfidentialityPolicy, redact
from conflictlens.pipeline.event_ids import resolve_event_id
from conflictlens.pipeline.session import session_registry
from conflictlens.store import Store
from conflictlens.store import ledger as stored
from conflictlens.store.query import positive_limit

NEWSROOM = "newsroom"  # who marked a source confidential when the user does not say


def confidentiality_policy(store: Store) -> ConfidentialityPolicy:
    """What must not leave, read from the store: with the real ids of confidential documents' events,
    so an id printed anywhere (an analyst decision, a resolver's reason) is shown as its pseudonym."""
    documents = stored.confidential_documents(store)
    return ConfidentialityPolicy(documents, stored.confidential_persons(store), stored.redaction_secret(store),
                                 events=frozenset(stored.event_ids_of_documents(store, documents)))


def source_grades(store: Store) -> SourceGrades:
    """The bundled default grades with the user's own grades over them."""
    return load_source_grades().with_overrides({row[0]: row[1] for row in stored.source_grades(store)})


def _override(row: stored.OverrideRow | None) -> Override | None:
    return Override(row.actor, row.analyst, row.why, row.at, row.phrase) if row and row.actor else None


class PublicView:
    """Events and records as they may leave the tool. Build once per command: it reads the store's
    grades, overrides and confidential marks once."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.policy = confidentiality_policy(store)
        self.grades = source_grades(store)
        self.overrides = stored.current_overrides(store)

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

    def record(self, event: Event, record: dict[str, Any]) -> dict[str, Any]:
        """A `show` record (the event with sentences), graded, with its assessment, redacted."""
        graded = self.graded(event)
        record = {**record, "perpetrator": graded.perpetrator, "summary": graded.summary,
                  "attribution": [a.to_dict() for a in graded.attribution]}
        record["assessment"] = self.ledger(event).answer.to_dict()
        return redact(record, self.policy)

    def ledger(self, event: Event) -> Ledger:
        override = self.overrides.get(event.id)
        return build_ledger(event.id, statements_of(event), self.grades, load_rule(),
                            _override(override) if override else None)

    def value(self, value: Any) -> Any:
        """Anything else bound for output (batch records, ledgers as JSON)."""
        return redact(value, self.policy)

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


class PublicStore:
    """A store seen through a PublicView, for printers that read events from a store themselves."""

    def __init__(self, store: Store) -> None:
        self._store, self._view = store, PublicView(store)

    def counts(self) -> dict[str, Any]:
        return self._store.counts()

    def iter_events(self, **filters: Any) -> Iterator[Event]:
        return self._view.select(**filters)


def statements_of(event: Event) -> list[tuple[Any, str | None]]:
    """The event's statements, each with the sentence it rests on (evidence is kept in the same order)."""
    evidence = event.evidence.get("attribution", [])
    aligned = len(evidence) == len(event.attribution)
    return [(a, evidence[i].text if aligned else None) for i, a in enumerate(event.attribution)]


# -- the attribution command ---------------------------------------------------------------------


def find_event(store: Store, given_id: str, policy: ConfidentialityPolicy | None = None) -> Event:
    """The stored event with this id, or with this pseudonym (as confidential events are shown), or
    whose id or pseudonym is the only one starting with `given_id`."""
    event = store.get_event(resolve_event_id(store, given_id, policy or confidentiality_policy(store)))
    if event is None:
        raise ConflictLensError("CL-E202", "no such event; list ids with `conflictlens events`", given_id)
    return event


def event_ledger(store: Store, event_id: str) -> dict[str, Any]:
    """The ledger of one event as publishable JSON (statements, hypotheses, answer, overrides)."""
    view = PublicView(store)
    event = find_event(store, event_id, view.policy)
    data = view.ledger(event).to_dict()
    data["history"] = [_history_item(r) for r in stored.override_history(store, event.id)]
    return view.value({**data, "document_id": event.document_id})


def _history_item(row: stored.OverrideRow) -> dict[str, Any]:
    return {"action": row.action, "actor": row.actor, "phrase": row.phrase, "analyst": row.analyst,
            "why": row.why, "at": row.at}


def set_override(store: Store, event_id: str, actor: str, analyst: str, why: str,
                 phrase: str | None = None) -> dict[str, Any]:
    """Record an analyst's answer for an event; the actor is resolved through the registry."""
    event = find_event(store, event_id)
    if phrase is not None and phrase not in load_rule().phrases:
        raise ConflictLensError("CL-E727", f"{phrase!r} is not an ICD 203 phrase; use one of: "
                                + ", ".join(load_rule().phrases), "--phrase")
    canonical = _canonical_actor(store, actor)
    stored.record_override(store, event.id, canonical, analyst, why, phrase)
    return event_ledger(store, event.id)


def clear_override(store: Store, event_id: str, analyst: str, why: str) -> dict[str, Any]:
    event = find_event(store, event_id)
    stored.clear_override(store, event.id, analyst, why)
    return event_ledger(store, event.id)


def _canonical_actor(store: Store, name: str) -> str:
    """The store's registry name for what the analyst typed ("ISKP" -> its canonical name), else as typed."""
    text = (name or "").strip()
    if not text:
        raise ConflictLensError("CL-E721", "this decision is audited: name the actor with --set ACTOR", "--set")
    found = session_registry(store).resolve(text)
    return found.canonical if found is not None and found.score >= 0.9 else text


# -- source grades and confidential sources ------------------------------------------------------


def set_source_grade(store: Store, source: str, reliability: str, analyst: str, why: str) -> str:
    name = normalise_source(source)
    if not name:
        raise ConflictLensError("CL-E400", "name the source to grade (an outlet, a person, an office)", "SOURCE")
    grade = check_reliability(reliability, name)
    stored.set_source_grade(store, name, grade, analyst, why)
    return grade


def grade_table(store: Store) -> list[dict[str, Any]]:
    """The default rules and the user's grades, as publishable rows."""
    defaults = load_source_grades()
    rows = [{"source": f"rule: {r.label}", "reliability": r.grade, "pattern": r.pattern.pattern}
            for r in defaults.rules]
    rows.append({"source": "rule: the group itself (claims, denials)", "reliability": defaults.group_itself})
    rows.append({"source": "default", "reliability": defaults.default})
    rows += [{"source": s, "reliability": g, "set_by": by, "why": why, "set_at": at}
             for s, g, by, why, at in stored.source_grades(store)]
    return PublicView(store).value(rows)


def mark_person(store: Store, name: str, marked_by: str | None, why: str | None) -> None:
    text = " ".join((name or "").split())
    if len(text) < MIN_NAME_LENGTH:
        raise ConflictLensError("CL-E724", f"give the person's name (at least {MIN_NAME_LENGTH} characters); "
                                "a shorter one would mask ordinary words", "PERSON")
    stored.mark_person_confidential(store, text, marked_by or NEWSROOM, why)


def mark_document(store: Store, document_id: str, marked_by: str | None, why: str | None) -> None:
    if not stored.document_exists(store, document_id):
        raise ConflictLensError("CL-E725", "no stored document has this id; ingest it with "
                                "`conflictlens ingest --confidential FILE` instead", document_id)
    stored.mark_documents_confidential(store, [document_id], marked_by or NEWSROOM, why)


def marking_confidential(store: Store, then: Callable[[object], None],
                         marked_by: str = NEWSROOM) -> Callable[[object], None]:
    """An ingest callback that marks each document confidential before it is extracted and saved."""
    def mark(item: object) -> None:
        if isinstance(item, Document):
            stored.mark_documents_confidential(store, [item.id], marked_by, "ingested with --confidential")
        then(item)
    return mark


def public_view_if_stored(db_path: str) -> PublicView | None:
    """The view of an existing database (for output that needs no database, such as `extract`)."""
    if db_path == ":memory:" or not Path(db_path).is_file():
        return None
    with Store.open(db_path) as store:
        return PublicView(store)
