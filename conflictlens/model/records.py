"""Records: documents, events and the evidence behind every value.

The JSON produced by ``Event.to_dict`` is a public contract, described in
``conflictlens/model/data/event.schema.json``. Change both together.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, fields
from types import MappingProxyType
from typing import Any

# The ladders, finest first: a coarser rung still holds the event.
DATE_PRECISIONS = ("day", "week", "month", "season", "year")
GEO_PRECISIONS = ("place", "district", "province", "country")
# Stances on who did it, strongest first: a claim beats an attribution beats a suspicion; a denial
# names nobody as perpetrator and ranks last.
STANCES = ("claimed", "attributed", "suspected", "denied")
STANCE_RANK = MappingProxyType({stance: len(STANCES) - 1 - i for i, stance in enumerate(STANCES)})
_PRECISION_RANK = MappingProxyType({p: i for ladder in (DATE_PRECISIONS, GEO_PRECISIONS)
                                    for i, p in enumerate(ladder)})
UNKNOWN_PRECISION_RANK = 9  # no precision (or an unknown word) ranks below every rung


def precision_rank(precision: str | None) -> int:
    """A date or geo precision's rung on its ladder, 0 the finest (day, place)."""
    return _PRECISION_RANK.get(precision or "", UNKNOWN_PRECISION_RANK)


@dataclass(frozen=True)
class Document:
    """One report as received: its text and where it came from."""

    id: str
    text: str
    published: str | None = None  # ISO date YYYY-MM-DD
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    source_path: str | None = None
    external_id: str | None = None  # the id given by the caller (batch input), if any
    # A newsroom's own source: its text and identity never leave the tool in published output.
    confidential: bool = False

    def to_dict(self) -> dict[str, Any]:
        return _flat_dict(self)


@dataclass(frozen=True)
class Evidence:
    """The text a value came from: document id and character span [start, end)."""

    document_id: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return _flat_dict(self)


@dataclass
class DateInfo:
    start: str | None = None
    end: str | None = None
    precision: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _flat_dict(self)


@dataclass
class Location:
    country: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    admin2: str | None = None
    place: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _flat_dict(self)


@dataclass
class Casualties:
    low: int | None = None
    best: int | None = None
    high: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return _flat_dict(self)

    @classmethod
    def exact(cls, n: int) -> Casualties:
        return cls(n, n, n)

    @property
    def known(self) -> bool:
        return self.best is not None


@dataclass
class Attribution:
    actor: str | None
    stance: str
    by: str | None = None
    channel: str | None = None  # e.g. "Amaq", "a spokesman", "social media"
    said_on: str | None = None  # ISO date of the statement (the document's date when not stated)
    document_id: str | None = None  # the report that carries the statement
    reliability: str | None = None  # NATO/Admiralty source reliability, "A".."F"
    credibility: int | None = None  # NATO/Admiralty information credibility, 1..6

    def to_dict(self) -> dict[str, Any]:
        return _flat_dict(self)


@dataclass
class Event:
    """One incident as one report describes it."""

    id: str
    document_id: str
    event_type: str | None = None
    sub_event_type: str | None = None
    attack_type: str | None = None
    target_type: str | None = None
    weapon_type: str | None = None
    date: DateInfo = field(default_factory=DateInfo)
    location: Location = field(default_factory=Location)
    perpetrator: str | None = None
    attribution: list[Attribution] = field(default_factory=list)
    claimed: bool = False
    fatalities: Casualties = field(default_factory=Casualties)
    injured: Casualties = field(default_factory=Casualties)
    perpetrators_killed: Casualties = field(default_factory=Casualties)
    targets: list[str] = field(default_factory=list)
    summary: str = ""
    confidence: float = 0.0
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    # Where the record came from when it was imported from a dataset rather than extracted:
    # the dataset ("ACLED", "GTD", "UCDP") and the row's own id there.
    dataset: str | None = None
    dataset_id: str | None = None
    target_actor: str | None = None  # the attacked actor, canonical name (ACLED actor2, UCDP side_b)
    # Dataset columns with no field of their own, kept so that an export can give them back.
    extra: dict[str, Any] = field(default_factory=dict)

    def add_evidence(self, field_name: str, ev: Evidence | None) -> None:
        if ev is not None:
            self.evidence.setdefault(field_name, []).append(ev)

    def to_dict(self) -> dict[str, Any]:
        # Written out rather than dataclasses.asdict, which deep-copies every value and made
        # saving imported rows (with many dataset columns in `extra`) several times slower.
        data = {f: getattr(self, f) for f in _EVENT_SCALARS}
        data.update(
            date=self.date.to_dict(), location=self.location.to_dict(),
            attribution=[a.to_dict() for a in self.attribution],
            fatalities=self.fatalities.to_dict(), injured=self.injured.to_dict(),
            perpetrators_killed=self.perpetrators_killed.to_dict(), targets=list(self.targets),
            evidence={k: [e.to_dict() for e in v] for k, v in self.evidence.items()},
            extra=copy.deepcopy(self.extra) if _nested(self.extra) else dict(self.extra),
        )
        return {f: data[f] for f in _EVENT_FIELDS}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        return cls(
            id=data["id"],
            document_id=data["document_id"],
            event_type=data.get("event_type"),
            sub_event_type=data.get("sub_event_type"),
            attack_type=data.get("attack_type"),
            target_type=data.get("target_type"),
            weapon_type=data.get("weapon_type"),
            date=DateInfo(**(data.get("date") or {})),
            location=Location(**(data.get("location") or {})),
            perpetrator=data.get("perpetrator"),
            attribution=[Attribution(**a) for a in data.get("attribution") or []],
            claimed=bool(data.get("claimed")),
            fatalities=Casualties(**(data.get("fatalities") or {})),
            injured=Casualties(**(data.get("injured") or {})),
            perpetrators_killed=Casualties(**(data.get("perpetrators_killed") or {})),
            targets=list(data.get("targets") or []),
            summary=data.get("summary") or "",
            confidence=float(data.get("confidence") or 0.0),
            evidence={
                k: [Evidence(**e) for e in v] for k, v in (data.get("evidence") or {}).items()
            },
            dataset=data.get("dataset"),
            dataset_id=data.get("dataset_id"),
            target_actor=data.get("target_actor"),
            extra=dict(data.get("extra") or {}),
        )


def _flat_dict(record: Any) -> dict[str, Any]:
    """The fields of a dataclass whose values are all scalars, as a new dict (its __dict__ holds
    exactly its fields: these classes define no other attributes)."""
    return dict(record.__dict__)


def _nested(values: dict[str, Any]) -> bool:
    return any(isinstance(v, (dict, list)) for v in values.values())


_EVENT_FIELDS = tuple(f.name for f in fields(Event))
_EVENT_SCALARS = ("id", "document_id", "event_type", "sub_event_type", "attack_type", "target_type", "weapon_type",
                  "perpetrator", "claimed", "summary", "confidence", "dataset", "dataset_id", "target_actor")
