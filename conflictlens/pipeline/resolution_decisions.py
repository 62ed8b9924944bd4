"""Explaining and correcting incidents: `why`, and the analyst's `split` and `merge`.

Every correction is recorded (who, when, why, what changed) and pinned: the events an analyst
placed keep their incident when their report is re-extracted, and events an analyst split apart
are never put together again by the resolver. What these functions return leaves through the
outbound gate (`pipeline.public.Public`): a confidential report's events appear under their
pseudonyms in every value, lists of ids and the resolver's reasons included.
"""

from __future__ import annotations

from typing import Any, Sequence

from conflictlens.errors import ConflictLensError
from conflictlens.model.redaction import ConfidentialityPolicy
from conflictlens.pipeline.event_ids import resolve_event_id
from conflictlens.pipeline.public import Public, confidentiality_policy, public_value
from conflictlens.pipeline.resolution import ResolutionContext, recompose, store_context
from conflictlens.resolve.cluster import incident_id_for
from conflictlens.resolve.compare import compare
from conflictlens.resolve.profile import profile_from_json
from conflictlens.store import Store
from conflictlens.store.incidents import IncidentStore, MemberRow

SPLIT, MERGE = "split", "merge"


def why(store: Store, event_id: str, ctx: ResolutionContext | None = None) -> dict[str, Any]:
    """Why `event_id` is in its incident: the other reports, what matched on each feature, the decisions.

    Confidential reports appear under a pseudonym and as "confidential source".
    """
    ctx = ctx or store_context(store)
    incidents = store.incidents
    public = Public(store)
    member = _member(store, incidents, event_id, public.policy)
    event_id = member.event_id
    mine = profile_from_json(member.profile)
    others = []
    for other in incidents.members(member.incident_id):
        if other.event_id == event_id:
            continue
        comparison = compare(mine, profile_from_json(other.profile), ctx.settings).to_dict(ctx.settings)
        others.append({"event_id": other.event_id, "source": public.source_label(other.source),
                       "reported_on": other.source.get("reported_on"), "linked_by": other.linked_by,
                       "pinned": other.pinned, "score": comparison["score"], "veto": comparison["veto"],
                       "features": comparison["features"]})
    record = public.incident(incidents.incident(member.incident_id) or {"id": member.incident_id})
    # Redacted whole, as every output is: a source's label may be a title naming a confidential person,
    # and the ids of confidential events (this one, the others, those in decisions) go by their pseudonyms.
    return public.value({
        "event_id": event_id, "incident_id": member.incident_id, "source": public.source_label(member.source),
        "linked_by": member.linked_by, "pinned": member.pinned, "linked_at": member.linked_at,
        "decision": member.decision, "compared_now": others,
        "incident": {k: record.get(k) for k in ("date", "location", "fatalities", "injured", "perpetrator")},
        "analyst_decisions": [d.to_dict() for d in incidents.decisions(event_id=event_id, incident_id=member.incident_id)],
    })


def decisions(store: Store, ident: str | None = None) -> list[dict[str, Any]]:
    """The audit trail of splits and merges as it may leave the tool, oldest first; only the decisions
    naming `ident` when given: an incident id, or an event's id, pseudonym or their start (matched
    against ids as output shows them, so a start of a confidential event's real id finds nothing)."""
    incidents = store.incidents
    public = Public(store)
    policy = public.policy
    if ident is None:
        rows = incidents.decisions()
    elif ident.startswith("inc_"):
        rows = incidents.decisions(incident_id=ident)
    else:
        rows = incidents.decisions(event_id=resolve_event_id(store, ident, policy))
    # Redacted: a reason may name a confidential person, and the detail lists real event ids.
    return [public.value(row.to_dict()) for row in rows]


def split(store: Store, event_ids: Sequence[str], analyst: str, reason: str,
          ctx: ResolutionContext | None = None) -> dict[str, Any]:
    """Move `event_ids` (members of one incident) into a new incident of their own, kept apart from the rest."""
    ctx = ctx or store_context(store)
    _check_decision(event_ids, analyst, reason)
    incidents = store.incidents
    public = Public(store)
    policy = public.policy
    moving = list({m.event_id: m for m in (_member(store, incidents, e, policy) for e in event_ids)}.values())
    source = {m.incident_id for m in moving}
    if len(source) != 1:
        raise ConflictLensError("CL-E603", "the events to split off are in different incidents; split one "
                                "incident at a time (see `conflictlens why EVENT_ID`)", ", ".join(sorted(source)))
    old = source.pop()
    moved = {m.event_id for m in moving}
    staying = [m.event_id for m in incidents.members(old) if m.event_id not in moved]
    if not staying:
        raise ConflictLensError("CL-E603", "these are all the incident's events: nothing would be split off; "
                                "name only the events to move", old)
    with incidents.transaction():
        new = _fresh_id(incidents, sorted(moved)[0])
        detail = {"incident": old, "new_incident": new, "events": sorted(moved), "remaining": staying}
        decision_id = incidents.record_decision(SPLIT, analyst, reason, detail)
        incidents.move_members(sorted(moved), new, analyst, True, _note(decision_id, SPLIT, analyst, reason))
        incidents.keep_apart(((a, b) for a in moved for b in staying), decision_id)
        recompose(incidents, (old, new), ctx)
    return public.value({"decision": decision_id, **detail})


def merge(store: Store, ids: Sequence[str], analyst: str, reason: str,
          ctx: ResolutionContext | None = None) -> dict[str, Any]:
    """Join the incidents named (by incident id or by any member's event id) into the oldest of them."""
    ctx = ctx or store_context(store)
    _check_decision(ids, analyst, reason)
    incidents = store.incidents
    public = Public(store)
    policy = public.policy
    chosen = list(dict.fromkeys(_incident_of(store, incidents, i, policy) for i in ids))
    if len(chosen) < 2:
        raise ConflictLensError("CL-E603", "name at least two different incidents (or events of two incidents) "
                                "to merge", ", ".join(ids))
    groups = {i: incidents.members(i) for i in chosen}
    target = min(chosen, key=lambda i: groups[i][0].seq)  # the incident reported first keeps its id
    everyone = [m.event_id for i in chosen for m in groups[i]]
    with incidents.transaction():
        detail = {"incident": target, "merged": [i for i in chosen if i != target], "events": everyone}
        decision_id = incidents.record_decision(MERGE, analyst, reason, detail)
        note = _note(decision_id, MERGE, analyst, reason)
        for incident in chosen:
            if incident != target:
                incidents.move_members([m.event_id for m in groups[incident]], target, analyst, True, note)
        incidents.pin([m.event_id for m in groups[target]], analyst)
        incidents.forget_apart(everyone)
        recompose(incidents, chosen, ctx)
    return public.value({"decision": decision_id, **detail})


def _member(store: Store, incidents: IncidentStore, given_id: str, policy: ConfidentialityPolicy) -> MemberRow:
    """The incident membership of the event `given_id` names (its id, pseudonym, or their start)."""
    member = incidents.membership(given_id)  # a whole id needs no look-up
    if member is not None:
        return member
    event_id = resolve_event_id(store, given_id, policy)
    member = incidents.membership(event_id)
    if member is not None:
        return member
    raise ConflictLensError("CL-E602", "this event is in no incident yet; run `conflictlens incidents resolve`",
                            public_value(event_id, policy))  # as output shows it: a pseudonym when confidential


def incident_of(store: Store, ident: str) -> str:
    """The incident id `ident` names: an incident id, or an event's id, pseudonym or their start."""
    return _incident_of(store, store.incidents, ident, confidentiality_policy(store))


def _incident_of(store: Store, incidents: IncidentStore, ident: str, policy: ConfidentialityPolicy) -> str:
    if ident.startswith("inc_"):
        if not incidents.members(ident):
            raise ConflictLensError("CL-E601", "no such incident; list them with `conflictlens incidents list`",
                                    ident)
        return ident
    return _member(store, incidents, ident, policy).incident_id


def _fresh_id(incidents: IncidentStore, founder: str) -> str:
    salt = "split:"
    incident = incident_id_for(founder, salt)
    while incidents.incident_exists(incident):
        salt += "+"
        incident = incident_id_for(founder, salt)
    return incident


def _note(decision_id: int, action: str, analyst: str, reason: str) -> dict[str, Any]:
    return {"reason": f"{action} by {analyst}: {reason}", "analyst_decision": decision_id}


def _check_decision(ids: Sequence[str], analyst: str, reason: str) -> None:
    if not ids:
        raise ConflictLensError("CL-E603", "name the events (or incidents) the decision is about", "ids")
    if not analyst.strip():
        raise ConflictLensError("CL-E603", "say who decides: pass --analyst NAME or set CONFLICTLENS_ANALYST",
                                "--analyst")
    if not reason.strip():
        raise ConflictLensError("CL-E603", "say why: pass --reason TEXT (it goes into the audit trail)", "--reason")
