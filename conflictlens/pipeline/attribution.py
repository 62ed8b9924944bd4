"""Wiring for the attribution ledger and for confidential sources: store <-> analysis <-> output.

What these return leaves through the outbound gate (`pipeline.public.Public`): events with graded
statements, the analyst's answer in place of the extractor's, confidential sources redacted.
"""

from __future__ import annotations

from typing import Any, Callable

from conflictlens.actors import ActorRegistry
from conflictlens.analysis.estimative import load_rule
from conflictlens.analysis.grading import check_reliability, load_source_grades, normalise_source
from conflictlens.errors import ConflictLensError
from conflictlens.model.records import Document, Event
from conflictlens.model.redaction import MIN_NAME_LENGTH, ConfidentialityPolicy
from conflictlens.pipeline.event_ids import resolve_event_id
from conflictlens.pipeline.public import Public, confidentiality_policy
from conflictlens.pipeline.session import session_registry
from conflictlens.store import Store
from conflictlens.store import ledger as stored

NEWSROOM = "newsroom"  # who marked a source confidential when the user does not say


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
    view = Public(store)  # built now: an override just recorded must show
    event = find_event(store, event_id, view.policy)
    data = view.ledger(event).to_dict()
    data["history"] = [_history_item(r) for r in stored.override_history(store, event.id)]
    return view.value({**data, "document_id": event.document_id})


def _history_item(row: stored.OverrideRow) -> dict[str, Any]:
    return {"action": row.action, "actor": row.actor, "phrase": row.phrase, "analyst": row.analyst,
            "why": row.why, "at": row.at}


def set_override(store: Store, event_id: str, actor: str, analyst: str, why: str,
                 phrase: str | None = None, registry: ActorRegistry | None = None) -> dict[str, Any]:
    """Record an analyst's answer for an event; the actor is resolved through the registry (the
    store's, `session_registry`, unless the session hands its own)."""
    event = find_event(store, event_id)
    if phrase is not None and phrase not in load_rule().phrases:
        raise ConflictLensError("CL-E727", f"{phrase!r} is not an ICD 203 phrase; use one of: "
                                + ", ".join(load_rule().phrases), "--phrase")
    canonical = _canonical_actor(registry or session_registry(store), actor)
    stored.record_override(store, event.id, canonical, analyst, why, phrase)
    return event_ledger(store, event.id)


def clear_override(store: Store, event_id: str, analyst: str, why: str) -> dict[str, Any]:
    event = find_event(store, event_id)
    stored.clear_override(store, event.id, analyst, why)
    return event_ledger(store, event.id)


def _canonical_actor(registry: ActorRegistry, name: str) -> str:
    """The store's registry name for what the analyst typed ("ISKP" -> its canonical name), else as typed."""
    text = (name or "").strip()
    if not text:
        raise ConflictLensError("CL-E721", "this decision is audited: name the actor with --set ACTOR", "--set")
    found = registry.resolve(text)
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
    return Public(store).value(rows)


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


def confidential_entries(store: Store) -> list[tuple[str, str, str | None, str | None, str]]:
    """The marks themselves (kind, name, marked by, why, when): for the newsroom's own eyes only,
    the one reading that does not go through the outbound gate."""
    return list(stored.confidential_entries(store))
