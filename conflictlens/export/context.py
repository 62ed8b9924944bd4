"""What an exporter knows besides the events, and the `publishable` filter every export goes through.

The pipeline builds an `ExportContext` from the store and the actor registry; this stage never
imports them. Confidential material never leaves the tool: `publishable` passes every event through
the one redaction function, `conflictlens.model.redaction.redact`, under the context's policy (the
store's, from the pipeline) or, for a caller without one, a policy made of the caller's
`confidential` test or the documents' own flags. `PublicView.document` hides confidential
documents, so no exporter can reach their url, outlet or title, and gives the others redacted.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache, partial

from conflictlens.model.records import Document, Event
from conflictlens.model.redaction import ConfidentialityPolicy, redact
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
    # What must not leave, with the secret its pseudonyms are keyed by (the store's, from the pipeline).
    # When given it decides alone: `confidential` below is then not consulted.
    policy: ConfidentialityPolicy | None = None
    # Without a policy: document id -> confidential? When not given either, a document's own flag decides.
    confidential: Callable[[str], bool] | None = None
    # The events come already redacted under `policy` (the pipeline's outbound gate did it): they are
    # not redacted a second time. Only with a policy; without one this stage redacts them itself.
    redacted: bool = False
    now: str = field(default_factory=_utc_now)  # STIX created/modified timestamp


@dataclass(frozen=True)
class PublicView:
    """The context as exporters see it: confidential documents are not there."""

    context: ExportContext
    policy: ConfidentialityPolicy

    def is_confidential(self, doc_id: str) -> bool:
        return self.policy.is_confidential_document(doc_id)

    def document(self, doc_id: str) -> Document | None:
        """A public document as it may be published (model.redaction: confidential names masked, a URL
        naming a confidential person dropped); a confidential one is not there."""
        if self.is_confidential(doc_id):
            return None
        doc = self.context.document(doc_id)
        return redact(doc, self.policy) if doc is not None else None


def public_view(context: ExportContext) -> PublicView:
    if context.policy is not None:
        return PublicView(context, context.policy)
    check = context.confidential or partial(_confidential, context.document)
    # A secret of this export's own: its pseudonyms are stable within the file and cannot be recomputed.
    policy = ConfidentialityPolicy(secret=secrets.token_hex(16), document_test=lru_cache(maxsize=_DOCUMENT_CACHE)(check))
    return PublicView(context, policy)


def _confidential(lookup: Callable[[str], Document | None], doc_id: str) -> bool:
    doc = lookup(doc_id) if doc_id else None
    return bool(doc is not None and doc.confidential)


def publishable(events: Iterable[Event], policy: ConfidentialityPolicy) -> Iterator[Event]:
    """The events with every confidential text and source identity taken out (model.redaction.redact)."""
    for event in events:
        yield redact(event, policy)
