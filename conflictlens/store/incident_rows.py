"""The rows of the incident tables as the store hands them out and takes them in (`store.incidents`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

RESOLVER = "resolver"  # linked_by for automatic links; analysts are named


@dataclass(frozen=True)
class MemberRow:
    event_id: str
    incident_id: str
    document_id: str | None
    profile: list[Any]
    source: dict[str, Any]
    decision: dict[str, Any] | None
    linked_by: str
    pinned: bool
    linked_at: str
    seq: int

    def to_dict(self) -> dict[str, Any]:
        return {"event_id": self.event_id, "incident_id": self.incident_id, "document_id": self.document_id,
                "source": self.source, "decision": self.decision, "linked_by": self.linked_by,
                "pinned": self.pinned, "linked_at": self.linked_at}


class NewMember(NamedTuple):
    """A member to file (`IncidentStore.add_members`): its event, incident, what was decided, and its keys."""

    event_id: str
    incident_id: str
    document_id: str | None
    profile: list[Any]
    source: dict[str, Any]
    decision: dict[str, Any] | None
    keys: Sequence[str]
    seq: int
    linked_by: str = RESOLVER
    pinned: bool = False


@dataclass(frozen=True)
class DecisionRow:
    id: int
    action: str
    analyst: str
    reason: str
    decided_at: str
    detail: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)
