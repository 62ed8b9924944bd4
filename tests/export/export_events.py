"""Invented events for the export tests: one extracted from a report, one imported from a dataset."""

from __future__ import annotations

from conflictlens.export import ExportContext
from conflictlens.model.records import (
    Attribution, Casualties, DateInfo, Document, Event, Evidence, Location,
)

PUBLIC_DOC = Document(id="doc_public", text="Gunmen attacked a checkpoint in Kabul.", url="https://news.example/a",
                      outlet="Example News")
SECRET_DOC = Document(id="doc_secret", text="Our source inside the district says the TTP did it.",
                      url="https://secret.example/tip", outlet="Source K", confidential=True)
ACTOR_TYPES = {"Taliban": "rebel group", "Afghan National Police (ANP)": "state forces", "Civilians": "civilians",
               "Tehrik-i-Taliban Pakistan (TTP)": "rebel group", "Islamic State": "rebel group"}


def extracted_event() -> Event:
    return Event(
        id="evt_extracted", document_id=PUBLIC_DOC.id, event_type="Battles", sub_event_type="Armed clash",
        attack_type="Armed Assault", target_type="Police", weapon_type="Firearms",
        date=DateInfo("2021-05-02", "2021-05-02", "day"),
        location=Location("AF", "Kabul", "Kabul", "Kabul", 34.5167, 69.1833, "place"),
        perpetrator="Taliban", target_actor="Afghan National Police (ANP)",
        attribution=[Attribution("Taliban", "claimed", by="Taliban", channel="a spokesman",
                                 document_id=PUBLIC_DOC.id),
                     Attribution("Islamic State", "suspected", by="officials", document_id=PUBLIC_DOC.id,
                                 credibility=3),
                     Attribution("Haqqani Network", "denied", by="Haqqani Network")],
        claimed=True, fatalities=Casualties(2, 3, 4), injured=Casualties.exact(5),
        targets=["a police checkpoint"], summary="Gunmen attacked a checkpoint in Kabul.", confidence=0.8,
        evidence={"perpetrator": [Evidence(PUBLIC_DOC.id, 0, 6, "Gunmen")]},
    )


def secret_event() -> Event:
    return Event(
        id="evt_secret", document_id=SECRET_DOC.id, event_type="Violence against civilians",
        sub_event_type="Attack", date=DateInfo("2021-06-01", "2021-06-30", "month"),
        location=Location("PK", "Khyber Pakhtunkhwa", None, None, None, None, "province"),
        perpetrator="Tehrik-i-Taliban Pakistan (TTP)", target_actor="Civilians",
        attribution=[Attribution("Tehrik-i-Taliban Pakistan (TTP)", "attributed", by="Source K",
                                 channel="phone call", document_id=SECRET_DOC.id, reliability="B", credibility=2)],
        fatalities=Casualties.exact(1), summary="Our source inside the district says the TTP did it.",
        evidence={"perpetrator": [Evidence(SECRET_DOC.id, 41, 44, "TTP")]}, confidence=0.6,
    )


def no_place_event() -> Event:
    return Event(id="evt_nowhere", document_id=PUBLIC_DOC.id, event_type="Strategic developments",
                 sub_event_type="Arrests", date=DateInfo(None, None, None))


def sample_events() -> list[Event]:
    return [extracted_event(), secret_event(), no_place_event()]


def sample_context() -> ExportContext:
    docs = {d.id: d for d in (PUBLIC_DOC, SECRET_DOC)}
    names = {"AF": ("4", "Afghanistan"), "PK": ("586", "Pakistan")}
    return ExportContext(document=docs.get, actor_type=ACTOR_TYPES.get, country=names.get,
                         external_name=lambda dataset, name: {"Taliban": "Taliban (Afghanistan)"}.get(name, name)
                         if dataset == "acled" else name,
                         now="2026-01-01T00:00:00.000Z")
