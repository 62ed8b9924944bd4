"""Incidents as they may leave the tool: confidential sources redacted.

A merged record names its sources, so an incident with a confidential member would show the
outlet and ids of that report. Such an incident is recomposed from its members with each
confidential report redacted (`conflictlens.model.redaction.redact`: pseudonymous ids, no text,
no identity) and labelled "confidential source"; its grades and coded facts stay. Incidents with
no confidential member are returned as stored.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from conflictlens.model.redaction import CONFIDENTIAL_SOURCE, ConfidentialityPolicy, redact
from conflictlens.pipeline.attribution import confidentiality_policy
from conflictlens.resolve.compose import compose
from conflictlens.resolve.profile import Source
from conflictlens.store import Store
from conflictlens.store.incidents import IncidentStore
from conflictlens.store.rows import event_from_record


class PublicIncidents:
    """Build once per command: it reads the confidential marks once."""

    def __init__(self, store: Store) -> None:
        self.incidents = IncidentStore(store)
        self.policy: ConfidentialityPolicy = confidentiality_policy(store)

    def record(self, record: dict[str, Any]) -> dict[str, Any]:
        """The merged record, recomposed without its confidential sources' identity when it has any."""
        if self.policy.empty:
            return redact(record, self.policy)
        # Decided by the members' own documents, not by what the record happens to list as sources.
        members = self.incidents.members(record["id"])
        if not any(self.policy.is_confidential_document(m.document_id) for m in members):
            return redact(record, self.policy)
        stored = self.incidents.event_records([m.event_id for m in members])
        pairs = [self._public_member(event_from_record(stored[m.event_id]), Source.from_dict(m.source))
                 for m in members if m.event_id in stored]
        public = compose(record["id"], pairs)
        public["pinned"] = list(record.get("pinned", ()))  # real ids: redact shows their pseudonyms
        return redact(public, self.policy)

    def label(self, source: dict[str, Any]) -> str | None:
        if self.policy.is_confidential_document(source.get("document_id")):
            return CONFIDENTIAL_SOURCE
        return source.get("label")

    def _public_member(self, event, source: Source):
        if not self.policy.is_confidential_document(event.document_id):
            return event, source
        hidden = redact(event, self.policy)
        return hidden, replace(source, key=f"doc:{hidden.document_id}", label=CONFIDENTIAL_SOURCE,
                               document_id=hidden.document_id)
