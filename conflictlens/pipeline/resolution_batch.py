"""One `resolve_events` call's working set: the memberships, kept-apart pairs and new members of a batch."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Sequence

from conflictlens.model.records import Event
from conflictlens.pipeline.incident_index import IncidentIndex
from conflictlens.resolve.cluster import incident_id_for
from conflictlens.resolve.profile import Profile, Source
from conflictlens.resolve.settings import Settings
from conflictlens.store.incidents import RESOLVER, IncidentStore, MemberRow, NewMember


class Batch:
    """What one resolve_events call reads once and then keeps current itself, inside its transaction.

    Per event, resolution used to run about a dozen queries and parse every candidate member's
    JSON; the memberships and kept-apart pairs of a batch are read once here, the candidates come
    from the index, and the members it adds are added to them, so later events see earlier ones.
    """

    def __init__(self, incidents: IncidentStore, events: Sequence[Event], s: Settings, index: IncidentIndex) -> None:
        self.incidents, self.index = incidents, index
        self.events = {e.id: e for e in events}
        self.settings, self.limit = s, s.max_members_compared
        ids = list(self.events)
        self.members = incidents.memberships(ids)
        self.apart = incidents.apart_pairs(ids)
        self.seq = incidents.next_seq()
        # The incident id each event would found, and which of those are taken already (one query).
        self._founding = {e: incident_id_for(e) for e in ids}
        self._taken = incidents.existing_incidents(list(self._founding.values()))
        self._pending: list[NewMember] = []  # members filed in memory, not yet written (`flush`)
        # The incidents this batch founded, each with its members (event id, source) in the order they
        # joined: all of their members, so recomposing them needs nothing read back (`fresh_members`).
        self._founded: dict[str, list[tuple[str, Source]]] = {}
        self._rewritten = False  # a stored member was moved or updated: read every incident back

    def new_incident_id(self, event_id: str) -> str:
        """The id of an incident this event founds: its own, salted if it founded one before (then split away)."""
        incident = self._founding.get(event_id) or incident_id_for(event_id)
        if incident in self._taken:
            self.flush()  # the store is asked which salted ids are taken
            incident = _new_incident_id(self.incidents, event_id, "+")
        self._taken.add(incident)
        return incident

    def candidates(self, probes: Sequence[str]) -> dict[str, list[Profile]]:
        """The incidents filed under `probes`, each with the sampled members the resolver compares an
        event with (first half and latest half)."""
        return {incident: self.index.sample(self.incidents, incident, self.limit)
                for incident in self.index.incidents_by_keys(self.incidents, probes)}

    def excluded(self, event_id: str) -> set[str]:
        """Incidents holding an event an analyst kept apart from this one."""
        others = self.apart.get(event_id, set())
        if not others:
            return set()
        self.flush()
        members = self.incidents.memberships(list(others))
        return {m.incident_id for m in members.values()}

    def add(self, event: Event, incident_id: str, profile: Profile, data: list[Any], source: Source,
            decision: dict[str, Any], keys: Sequence[str], founded: bool) -> None:
        """File the event in memory at once (later events of the batch see it); in the store at `flush`."""
        source_data = source.to_dict()
        self._pending.append(NewMember(event.id, incident_id, event.document_id, data, source_data, decision, keys,
                                       self.seq))
        self.members[event.id] = MemberRow(event.id, incident_id, event.document_id, data, source_data,
                                           decision, RESOLVER, False, "", self.seq)
        self.seq += 1
        self.index.added(incident_id, profile, keys, self.limit, founded)
        if founded:
            self._founded[incident_id] = [(event.id, source)]
        elif incident_id in self._founded:
            self._founded[incident_id].append((event.id, source))

    def fresh_members(self) -> dict[str, list[tuple[str, Source]]]:
        """The incidents this batch founded -> every member (event id, source), in order: what `recompose`
        would read back from the store (none pinned). Empty once a stored member was moved or updated."""
        return {} if self._rewritten else self._founded

    def flush(self) -> None:
        """Write the members filed since the last flush: before anything reads the store's members again."""
        self.incidents.add_members(self._pending)
        self._pending = []

    def update(self, member: MemberRow, data: list[Any], source: Source, keys: Sequence[str]) -> None:
        self.flush()
        self._rewritten = True
        self.incidents.update_member(member.event_id, data, source.to_dict(), keys)
        self.members[member.event_id] = replace(member, profile=data, source=source.to_dict())
        self.index.forget()  # its keys and its incident's sample changed: read them again

    def remove(self, event_id: str, incident_id: str) -> None:
        self.flush()
        self._rewritten = True
        self.incidents.remove_member(event_id)
        self.members.pop(event_id, None)
        self.index.forget()  # its keys and its incident's sample changed: read them again


def _new_incident_id(incidents: IncidentStore, event_id: str, salt: str = "") -> str:
    incident = incident_id_for(event_id, salt)
    while incidents.incident_exists(incident):  # founded by this event before, then split away
        salt += "+"
        incident = incident_id_for(event_id, salt)
    return incident
