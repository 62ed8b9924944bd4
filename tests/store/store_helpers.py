"""Hand-built documents and events for the store tests."""

from __future__ import annotations

from conflictlens.model.ids import document_id, event_id
from conflictlens.model.records import (
    Attribution,
    Casualties,
    DateInfo,
    Document,
    Event,
    Evidence,
    Location,
)


def make_document(text: str, title: str | None = None, **kwargs: str) -> Document:
    return Document(id=document_id(text), text=text, title=title, **kwargs)


def make_event(doc: Document, anchor: int = 0, **overrides: object) -> Event:
    """A fully populated event anchored at `anchor` in `doc` (every field set, so round-trips
    exercise the whole to_dict contract)."""
    start, end = anchor, min(anchor + 20, len(doc.text))
    ev = Event(
        id=event_id(doc.id, start, end),
        document_id=doc.id,
        event_type="Explosions/Remote violence",
        sub_event_type="Suicide bomb",
        attack_type="Bombing/Explosion",
        target_type="Private Citizens & Property",
        weapon_type="Explosives",
        date=DateInfo("2024-03-05", "2024-03-05", "day"),
        location=Location("NG", "Borno", "Maiduguri", "Maiduguri market", 11.83, 13.15, "place"),
        perpetrator="Boko Haram",
        attribution=[Attribution("Boko Haram", "suspected", "police", "a spokesman")],
        claimed=False,
        fatalities=Casualties(10, 12, 15),
        injured=Casualties.exact(30),
        perpetrators_killed=Casualties.exact(1),
        targets=["market"],
        summary="A bomb exploded at a market.",
        confidence=0.8,
    )
    ev.add_evidence("fatalities", Evidence(doc.id, start, end, doc.text[start:end]))
    ev.add_evidence("location", Evidence(doc.id, start, end, doc.text[start:end]))
    for name, value in overrides.items():
        setattr(ev, name, value)
    return ev
