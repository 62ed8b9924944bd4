"""Hand-built events and sources for the resolution tests (no extraction, no shared data)."""

from __future__ import annotations

from conflictlens.model.records import Casualties, DateInfo, Event, Evidence, Location
from conflictlens.resolve.profile import ActorKnowledge, Profile, Source, profile_of, source_of
from conflictlens.resolve.settings import settings

ACTORS = ActorKnowledge(
    parents={"Khorasan Chapter of the Islamic State": "Islamic State of Iraq and the Levant (ISIL)",
             "Islamic State of Iraq and the Levant (ISIL)": None, "Tehrik-i-Taliban Pakistan (TTP)": None,
             "Jamaat-ul-Ahrar": "Tehrik-i-Taliban Pakistan (TTP)", "Baloch Liberation Army (BLA)": None,
             "Sindhudesh Revolutionary Army (SRA)": None, "Baloch Raaji Aajoi Sangar (BRAS)": None},
    generic=frozenset({"Unknown"}),
    types={"Government of Pakistan": "state forces", "Civilians": "civilians"},
)


def event(eid: str, day: str = "2023-03-09", *, doc: str | None = None, place: str | None = "Dasht-e-Barchi",
          admin2: str | None = "Kabul", admin1: str | None = "Kabul", country: str = "AF",
          lat: float | None = None, lon: float | None = None, geo: str = "place", sub: str | None = "Suicide bomb",
          target: str | None = "Private Citizens & Property", perp: str | None = None, killed: int | None = 16,
          injured: int | None = None, targets: tuple[str, ...] = (), text: str = "", end: str | None = None,
          precision: str = "day", dataset: str | None = None) -> Event:
    document = doc or f"doc_{eid}"
    return Event(
        id=eid, document_id=document, sub_event_type=sub, target_type=target,
        date=DateInfo(day, end or day, precision),
        location=Location(country, admin1, admin2, place, lat, lon, geo),
        perpetrator=perp,
        fatalities=Casualties() if killed is None else Casualties.exact(killed),
        injured=Casualties() if injured is None else Casualties.exact(injured),
        targets=list(targets),
        summary=text if dataset else "",
        evidence={"summary": [Evidence(document, 0, len(text), text)]} if text and not dataset else {},
        dataset=dataset, dataset_id=eid if dataset else None,
    )


def source(e: Event, outlet: str | None = "Kabul Wire", published: str | None = "2023-03-09") -> Source:
    return source_of(e, settings(), outlet=outlet, published=published)


def profile(e: Event, outlet: str | None = "Kabul Wire", published: str | None = "2023-03-09") -> Profile:
    return profile_of(e, source(e, outlet, published), settings(), ACTORS)
