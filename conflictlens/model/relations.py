"""Relations between actors: who pledged to, allied with, fought, supported, split from or belongs to whom.

A relation is one statement (from a report's sentence) or one inference (from an event record), never
a merged verdict: the network in `analysis/network.py` aggregates them into edges. Each keeps its
evidence, its date, who said it and, once graded by the attribution ledger, its NATO/Admiralty grade.

Typing follows Amira Jadoon's coding of Islamic State Khorasan's alliances (CTC West Point, "Allied &
Lethal", 2018): ideological ties (pledges, shared doctrine), logistical ties (weapons, funds, training,
safe haven) and operational ties (joint attacks, coordination). The dimension is set only where the
text allows it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from typing import Any

from conflictlens.model.records import Evidence

# kind -> (directed, polarity). Directed kinds read "source -> target": the one who pledges, supports,
# splits off, defects from (members leave source for target), or is part of the other.
RELATION_KINDS: dict[str, tuple[bool, str]] = {
    "allegiance": (True, "cooperative"),
    "alliance": (False, "cooperative"),  # alliance, cooperation, coordination
    "support": (True, "cooperative"),  # supporter -> supported
    "joint_claim": (False, "cooperative"),  # derived: two actors claim one event
    "rivalry": (False, "hostile"),  # rivalry, enmity, fighting
    "clash": (False, "hostile"),  # derived: an event between two actors
    "split": (True, "structural"),  # splinter -> the group it left
    "defection": (True, "structural"),  # the group members left -> the group they joined
    "part_of": (True, "structural"),  # branch, wing or faction -> the whole
}
SUPPORT_KINDS = ("training", "weapons", "funding", "logistics", "safe_haven")
DIMENSIONS = ("ideological", "logistical", "operational")
# asserted: told as fact; alleged: hedged ("reportedly", "accused of"); denied: one side denies it.
RELATION_STANCES = ("asserted", "alleged", "denied")
ORIGINS = ("text", "event")  # a report's sentence, or an event record
DATE_BASES = ("text", "document", "event")  # where the date came from


@dataclass(frozen=True)
class ActorRelation:
    """One sourced statement that two actors are related. Dates are ISO (YYYY-MM-DD)."""

    id: str
    kind: str
    source: str  # canonical actor names; for undirected kinds the pair is in sorted order
    target: str
    stance: str = "asserted"
    dimension: str | None = None  # ideological, logistical, operational (Jadoon)
    support: str | None = None  # training, weapons, funding, logistics, safe_haven (kind "support")
    start: str | None = None
    end: str | None = None
    precision: str | None = None  # of the text date: day, month, season, year
    date_basis: str = "document"
    by: str | None = None  # who says so: an official, a UN report, the outlet, a group itself
    said_on: str | None = None  # the document's date
    document_id: str | None = None
    event_id: str | None = None  # set for relations derived from an event
    evidence: Evidence | None = None  # the sentence (document id + character span)
    origin: str = "text"
    cue: str | None = None  # the lexicon rule that matched, for audit
    confidence: float = 0.0
    reliability: str | None = None  # NATO/Admiralty, "A".."F": set by the attribution ledger's grading
    credibility: int | None = None  # NATO/Admiralty, 1..6

    @property
    def directed(self) -> bool:
        return RELATION_KINDS[self.kind][0]

    @property
    def polarity(self) -> str:
        return RELATION_KINDS[self.kind][1]

    def known_span(self) -> tuple[str | None, str | None]:
        """The dates between which the relation is known to hold.

        A relation said to start in 2015 and reported in 2021 with no end is known to hold at least
        until the report; an undated one only on the report's date.
        """
        low = self.start or self.said_on or self.end
        high = self.end or max((d for d in (self.said_on, low) if d), default=None)
        return low, high

    def to_dict(self) -> dict[str, Any]:
        # By hand rather than dataclasses.asdict, which deep-copies every value: imports write
        # one relation per clash row.
        data = dict(self.__dict__)
        data["evidence"] = self.evidence.to_dict() if self.evidence is not None else None
        data["directed"] = self.directed
        data["polarity"] = self.polarity
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ActorRelation:
        evidence = data.get("evidence")
        credibility = data.get("credibility")
        if data.get("kind") not in RELATION_KINDS:
            raise ValueError(f"unknown relation kind {data.get('kind')!r}")
        return cls(
            id=data["id"], kind=data["kind"], source=data["source"], target=data["target"],
            stance=data.get("stance") or "asserted", dimension=data.get("dimension"),
            support=data.get("support"), start=data.get("start"), end=data.get("end"),
            precision=data.get("precision"), date_basis=data.get("date_basis") or "document",
            by=data.get("by"), said_on=data.get("said_on"), document_id=data.get("document_id"),
            event_id=data.get("event_id"), evidence=Evidence(**evidence) if evidence else None,
            origin=data.get("origin") or "text", cue=data.get("cue"),
            confidence=float(data.get("confidence") or 0.0), reliability=data.get("reliability"),
            credibility=int(credibility) if credibility is not None else None,
        )

    def graded(self, reliability: str | None, credibility: int | None) -> ActorRelation:
        return replace(self, reliability=reliability, credibility=credibility)


def ordered_pair(kind: str, source: str, target: str) -> tuple[str, str]:
    """Undirected kinds keep their pair in sorted order, so "A fought B" and "B fought A" are one key."""
    if RELATION_KINDS[kind][0]:
        return source, target
    return (source, target) if source <= target else (target, source)


def relation_id(kind: str, source: str, target: str, support: str | None, document_id: str | None,
                event_id: str | None, span: tuple[int, int] | None) -> str:
    """Deterministic: the same statement in the same report always gets the same id."""
    source, target = ordered_pair(kind, source, target)
    where = f"{span[0]}:{span[1]}" if span else ""
    key = "\x1f".join((kind, source, target, support or "", document_id or "", event_id or "", where))
    return "rel_" + hashlib.sha256(key.encode()).hexdigest()[:16]
