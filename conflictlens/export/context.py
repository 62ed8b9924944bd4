"""What an exporter knows besides the events, and the `publishable` filter every export goes through.

The pipeline builds an `ExportContext` from the store and the actor registry; this stage never
imports them. Confidential material never leaves the tool: `publishable` redacts every event whose
document is confidential (its text, evidence and dataset extras go, and its document id is
masked) and every attribution statement resting on a confidential document (its `by`, channel and
document go, the graded stance stays). `PublicView.document` hides confidential documents, so no
exporter can reach their url, outlet or title.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache, partial

from conflictlens.model.records import Document, Event

REDACTED = "redacted"
# Distinct documents whose confidentiality is remembered during one export: bounded memory.
_DOCUMENT_CACHE = 4096


def _no_document(doc_id: str) -> Document | None:
    return None


def _same_name(dataset: str, canonical: str) -> str:
    return canonical


def _no_value(key: str) -> None:
    return None


def _utc_now() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")


@dataclass(frozen=True)
class ExportContext:
    """Plain look-ups into other stages' knowledge; each defaults to knowing nothing."""

    document: Callable[[str], Document | None] = _no_document
    # (dataset "acled"|"gtd", canonical actor) -> the name that dataset uses
    external_name: Callable[[str, str], str] = _same_name
    actor_type: Callable[[str], str | None] = _no_value
    # ISO alpha-2 -> (ISO numeric, English short name)
    country: Callable[[str], tuple[str, str] | None] = _no_value
    # document id -> confidential? When not given, a document's own `confidential` flag decides.
    confidential: Callable[[str], bool] | None = None
    now: str = field(default_factory=_utc_now)  # STIX created/modified timestamp


@dataclass(frozen=True)
class PublicView:
    """The context as exporters see it: confidential documents are not there."""

    context: ExportContext
    is_confidential: Callable[[str], bool]

    def document(self, doc_id: str) -> Document | None:
        return None if self.is_confidential(doc_id) else self.context.document(doc_id)


def public_view(context: ExportContext) -> PublicView:
    check = context.confidential or partial(_confidential, context.document)
    return PublicView(context, lru_cache(maxsize=_DOCUMENT_CACHE)(check))


def _confidential(lookup: Callable[[str], Document | None], doc_id: str) -> bool:
    doc = lookup(doc_id) if doc_id and doc_id != REDACTED else None
    return bool(doc is not None and doc.confidential)


def publishable(events: Iterable[Event], is_confidential: Callable[[str], bool]) -> Iterator[Event]:
    """The events with every confidential text and source identity taken out."""
    for event in events:
        yield redact(event, is_confidential)


def redact(event: Event, is_confidential: Callable[[str], bool]) -> Event:
    secret_doc = is_confidential(event.document_id)
    secret = [i for i, a in enumerate(event.attribution)
              if (a.document_id and is_confidential(a.document_id))
              or (secret_doc and a.document_id in (None, event.document_id))]
    secret_evidence = secret_doc or any(is_confidential(e.document_id) for spans in event.evidence.values()
                                        for e in spans)
    if not (secret_doc or secret or secret_evidence):
        return event
    clean = copy.deepcopy(event)
    if secret_doc:
        clean.summary, clean.extra, clean.document_id = "", {}, REDACTED
    clean.evidence = {} if secret_doc else {
        name: kept for name, spans in clean.evidence.items()
        if (kept := [e for e in spans if not is_confidential(e.document_id)])}
    for i in secret:
        statement = clean.attribution[i]
        statement.by = statement.channel = statement.document_id = None
    return clean
