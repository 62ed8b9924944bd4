"""Incremental clustering: each new event joins one existing incident or starts a new one.

No chaining: an event joins an incident only if it is compatible with the incident as a whole.
Every member compared must accept it (no veto, no score below `member_floor`), the best member
must vouch for it (score >= `threshold`), and no other incident may be nearly as good (an event
that fits two incidents equally is left apart rather than guessed). Incidents are never merged
automatically; only an analyst merges them (`conflictlens merge`).
"""

from __future__ import annotations

import hashlib
import heapq
from collections import deque
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

from conflictlens.resolve.blocking import block_keys, time_end, time_of_key
from conflictlens.resolve.compare import Comparison, compare
from conflictlens.resolve.profile import Profile
from conflictlens.resolve.settings import Settings


@dataclass(frozen=True)
class Decision:
    event_id: str
    incident_id: str | None  # the incident joined; None when the event starts a new one
    score: float | None
    reason: str
    comparisons: tuple[Comparison, ...] = ()  # with the members of the incident joined (or the best refused)
    refused: tuple[tuple[str, str], ...] = ()  # (incident id, why not) for the other candidates

    @property
    def joined(self) -> bool:
        return self.incident_id is not None

    def to_dict(self, settings: Settings | None = None) -> dict[str, Any]:
        return {
            "event_id": self.event_id, "incident_id": self.incident_id,
            "score": None if self.score is None else round(self.score, 2), "reason": self.reason,
            "comparisons": [c.to_dict(settings) for c in self.comparisons],
            "refused": [{"incident_id": i, "why": w} for i, w in self.refused],
        }


def incident_id_for(first_event_id: str, salt: str = "") -> str:
    """Deterministic incident id: from the event that founded it (and a salt for analyst splits)."""
    return "inc_" + hashlib.sha256(f"{salt}{first_event_id}".encode()).hexdigest()[:16]


def decide(p: Profile, candidates: Mapping[str, Sequence[Profile]], s: Settings,
           excluded: Iterable[str] = ()) -> Decision:
    """Which candidate incident `p` joins, if any. `excluded`: incidents an analyst kept `p` out of."""
    barred = set(excluded)
    accepted: list[tuple[float, str, tuple[Comparison, ...]]] = []
    refused: list[tuple[str, str]] = []
    for incident_id, members in candidates.items():
        if incident_id in barred:
            refused.append((incident_id, "an analyst kept this event apart from it"))
            continue
        comparisons = _compare_all(p, members, s)
        why_not = _refusal(comparisons, s)
        if why_not:
            refused.append((incident_id, why_not))
        else:
            accepted.append((max(c.score for c in comparisons), incident_id, comparisons))
    if not accepted:
        return Decision(p.id, None, None, "no compatible incident" if refused else "no candidate",
                        refused=tuple(refused))
    accepted.sort(key=lambda a: (-a[0], a[1]))
    best_score, best_id, comparisons = accepted[0]
    if len(accepted) > 1 and best_score - accepted[1][0] < s.ambiguity_margin:
        refused.extend((i, f"ambiguous: scores {best_score:.1f} and {sc:.1f}") for sc, i, _ in accepted)
        return Decision(p.id, None, best_score, f"ambiguous between {best_id} and {accepted[1][1]}",
                        comparisons, tuple(refused))
    refused.extend((i, f"a better incident scored {best_score:.1f} against {sc:.1f}") for sc, i, _ in accepted[1:])
    return Decision(p.id, best_id, best_score, "matched", comparisons, tuple(refused))


def _compare_all(p: Profile, members: Sequence[Profile], s: Settings) -> tuple[Comparison, ...]:
    """`p` against each member, stopping at the first veto (one is enough to refuse the incident; a vetoed
    comparison's score is not summed: `_refusal` reads the veto, and `decide` keeps no vetoed comparison)."""
    out = []
    for member in members:
        if member.id != p.id:
            comparison = compare(p, member, s, False)
            out.append(comparison)
            if comparison.veto:
                break
    return tuple(out)


def _refusal(comparisons: tuple[Comparison, ...], s: Settings) -> str | None:
    if not comparisons:
        return "no member to compare with"
    for c in comparisons:
        if c.veto:
            return f"{c.other}: {c.veto}"
    worst = min(comparisons, key=lambda c: c.score)
    if worst.score < s.member_floor:
        return f"{worst.other} disagrees (score {worst.score:.1f})"
    best = max(c.score for c in comparisons)
    if best < s.threshold:
        return f"best score {best:.1f} is below {s.threshold:.1f}"
    return None


def sample_members(members: Sequence[Profile], limit: int) -> list[Profile]:
    """At most `limit` members to compare with: the first ones and the latest ones."""
    if len(members) <= limit:
        return list(members)
    head = limit // 2
    return list(members[:head]) + list(members[len(members) - (limit - head):])


class MemoryResolver:
    """The resolver over an in-memory index: for evaluation, tests and the scale benchmark.

    With `horizon_days`, events whose dates ended that long before the newest event are dropped
    from the index, so memory stays bounded on a date-ordered stream of any length.
    """

    def __init__(self, settings: Settings, horizon_days: int | None = None) -> None:
        self._s = settings
        self._horizon = horizon_days
        self._keys: dict[str, list[int]] = {}
        self._profiles: dict[int, Profile] = {}
        self._slot_of: dict[str, int] = {}
        self._incident_of: dict[int, str] = {}
        self._members: dict[str, list[int]] = {}
        self._times: list[tuple[int, str]] = []  # heap of (ordinal, time key) for eviction
        self._time_keys: dict[str, list[str]] = {}
        self._arrivals: deque[tuple[int, int]] = deque()  # (end ordinal, slot), arrival order
        self._next_slot = 0
        self.incidents_started = 0

    def add(self, p: Profile) -> tuple[str, Decision]:
        """Resolve `p` against everything added before; return its incident id and the decision."""
        if p.id in self._slot_of:  # the same event again (a republished copy): nothing changes
            slot = self._slot_of[p.id]
            return self._incident_of[slot], Decision(p.id, self._incident_of[slot], None, "already resolved")
        if self._horizon is not None and p.start is not None:
            self._evict(p.start - self._horizon)
        own_keys, near_keys = block_keys(p, self._s)
        decision = decide(p, self._candidates(p, near_keys), self._s)
        incident = decision.incident_id or self._new_incident(p.id)
        slot = self._next_slot
        self._next_slot += 1
        self._profiles[slot] = p
        self._slot_of[p.id] = slot
        self._incident_of[slot] = incident
        self._members.setdefault(incident, []).append(slot)
        for key in own_keys:
            bucket = self._keys.get(key)
            if bucket is None:
                self._keys[key] = bucket = []
                self._remember_time(key)
            bucket.append(slot)
        if p.end is not None:
            self._arrivals.append((p.end, slot))
        return incident, decision

    def _new_incident(self, event_id: str) -> str:
        self.incidents_started += 1
        incident = incident_id_for(event_id)
        while incident in self._members:  # the same event id twice: keep incidents apart
            incident = incident_id_for(event_id, salt=incident)
        return incident

    def _candidates(self, p: Profile, keys: list[str]) -> dict[str, list[Profile]]:
        incidents: dict[str, None] = {}
        profiles, incident_of = self._profiles, self._incident_of
        reach = max(p.tolerance, self._s.widest_tolerance)
        first, last = p.start - reach, p.end + reach  # keys need a date: both are set
        for key in keys:
            for slot in self._keys.get(key, ()):
                other = profiles.get(slot)
                # A key spans a few days and a grid cell: skip at once what date or province rules out.
                if other is not None and other.start <= last and other.end >= first \
                        and (other.admin1 == p.admin1 or not other.admin1 or not p.admin1):
                    incidents[incident_of[slot]] = None
        limit = self._s.max_members_compared
        return {i: sample_members([profiles[m] for m in self._members[i]], limit) for i in incidents}

    def _remember_time(self, key: str) -> None:
        time = time_of_key(key)
        keys = self._time_keys.get(time)
        if keys is None:
            self._time_keys[time] = keys = []
            heapq.heappush(self._times, (time_end(time, self._s), time))
        keys.append(key)

    def _evict(self, before: int) -> None:
        while self._arrivals and self._arrivals[0][0] < before:
            _, slot = self._arrivals.popleft()
            incident = self._incident_of.pop(slot)
            del self._slot_of[self._profiles.pop(slot).id]
            members = self._members[incident]
            members.remove(slot)
            if not members:
                del self._members[incident]
        while self._times and self._times[0][0] < before:
            _, time = heapq.heappop(self._times)
            for key in self._time_keys.pop(time, ()):
                self._keys.pop(key, None)

    @property
    def indexed_events(self) -> int:
        return len(self._profiles)
