"""STIX 2.1 bundles for threat-intelligence platforms (OpenCTI, MISP).

Per event: an `incident` (name, description, labels, the dataset row and public report URL as
external references, our date/precision/casualty fields as x_conflictlens_* properties declared by
an extension-definition), a `location` (shared by events at the same place; x_opencti_location_type
for OpenCTI), the perpetrators as `intrusion-set` (state forces: `threat-actor`, nation-state), the
attacked actor as an `identity`, and relationships: incident attributed-to actor (confidence from
the statement's Admiralty credibility, else its stance; denials give none), incident located-at
location, incident targets identity. Ids are deterministic (UUIDv4-shaped from a hash of what they
name), so exporting twice gives the same ids and platforms merge rather than duplicate. The bundle
is streamed; only the ids of shared objects already written are remembered.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable
from typing import IO, Any

from conflictlens.export.context import PublicView
from conflictlens.export.reference import data
from conflictlens.model.records import Attribution, Event

_TOOL = "conflictlens"


def stix_id(kind: str, *key: object) -> str:
    digest = hashlib.sha256("\x1f".join((kind, *map(str, key))).encode()).digest()
    return f"{kind}--{uuid.UUID(bytes=digest[:16], version=4)}"


class BundleWriter:
    """Writes one STIX bundle; each shared object (actor, place) goes out once."""

    def __init__(self, out: IO[str], view: PublicView) -> None:
        self.out, self.view, self.now = out, view, view.context.now
        self.settings = data("stix")
        self.seen: set[str] = set()
        self.count = 0  # objects written
        self.events = 0
        self._ids = hashlib.sha256()
        self.author = stix_id("identity", _TOOL)
        self.extension = stix_id("extension-definition", _TOOL, "event-fields", 1)

    # ---------------------------------------------------------------- output
    def open(self) -> None:
        self.out.write('{"type": "bundle", "objects": [')
        self.emit(self._common({"type": "identity", "id": self.author, "name": _TOOL, "identity_class": "system",
                                "description": "Structured, sourced event records of political violence."},
                               extension=False, author=False))
        self.emit(self._common({
            "type": "extension-definition", "id": self.extension, "name": "conflictlens event fields",
            "description": "x_conflictlens_* properties: dates and places with their precision, casualties "
                           "as low/best/high, the conflictlens event id.",
            "schema": "Top-level properties, all optional: x_conflictlens_event_id (string), "
                      "x_conflictlens_date_start/x_conflictlens_date_end (YYYY-MM-DD), "
                      "x_conflictlens_date_precision (day|week|month|season|year), x_conflictlens_geo_precision "
                      "(place|district|province|country), x_conflictlens_fatalities/x_conflictlens_injured "
                      "({low, best, high} integers), x_conflictlens_claimed (boolean), "
                      "x_conflictlens_actor_type (string).",
            "version": "1.0.0", "extension_types": ["toplevel-property-extension"]}, extension=False))

    def close(self) -> int:
        bundle_id = f"bundle--{uuid.UUID(bytes=self._ids.digest()[:16], version=4)}"
        self.out.write(f'\n], "id": "{bundle_id}"}}\n')
        return self.events

    def emit(self, obj: dict[str, Any]) -> str:
        if obj["id"] in self.seen:
            return obj["id"]
        if obj["type"] not in ("incident", "relationship"):
            self.seen.add(obj["id"])  # shared objects: each once per bundle
        self.out.write(("," if self.count else "") + "\n" + json.dumps(obj, ensure_ascii=False, allow_nan=False))
        self._ids.update(obj["id"].encode())
        self.count += 1
        return obj["id"]

    def _common(self, obj: dict[str, Any], extension: bool = True, author: bool = True) -> dict[str, Any]:
        base: dict[str, Any] = {"type": obj["type"], "spec_version": "2.1", "id": obj["id"],
                                "created": self.now, "modified": self.now}
        if author:
            base["created_by_ref"] = self.author
        base.update(obj)
        if extension:
            base["extensions"] = {self.extension: {"extension_type": "toplevel-property-extension"}}
        return base

    # ---------------------------------------------------------------- objects
    def event(self, event: Event) -> None:
        self.events += 1
        incident = self.emit(self._incident(event))
        place = self._location(event)
        if place is not None:
            self._relationship("located-at", incident, self.emit(place), event)
        seen_actors = set()
        for statement in event.attribution:
            confidence = self._confidence(statement)
            if statement.actor and confidence is not None and statement.actor not in seen_actors:
                seen_actors.add(statement.actor)
                self._relationship("attributed-to", incident, self.emit(self._actor(statement.actor)), event,
                                   confidence, _statement_text(statement))
        if event.perpetrator and event.perpetrator not in seen_actors:
            self._relationship("attributed-to", incident, self.emit(self._actor(event.perpetrator)), event,
                               round(event.confidence * 100))
        if event.target_actor:
            self._relationship("targets", incident, self.emit(self._victim(event.target_actor)), event)

    def _incident(self, event: Event) -> dict[str, Any]:
        obj: dict[str, Any] = {"type": "incident", "id": stix_id("incident", event.id), "name": _title(event)}
        if event.summary:
            obj["description"] = event.summary
        labels = [v for v in (event.event_type, event.sub_event_type, event.attack_type) if v]
        if labels:
            obj["labels"] = labels
        references = self._references(event)
        if references:
            obj["external_references"] = references
        obj["confidence"] = max(0, min(100, round(event.confidence * 100)))
        obj.update(_custom_fields(event))
        return self._common(obj)

    def _references(self, event: Event) -> list[dict[str, str]]:
        refs = []
        if event.dataset and event.dataset_id:
            refs.append({"source_name": event.dataset, "external_id": event.dataset_id})
        doc = None if event.dataset else self.view.document(event.document_id)
        if doc is not None and doc.url:
            refs.append({"source_name": doc.outlet or "report", "url": doc.url})
        return refs

    def _location(self, event: Event) -> dict[str, Any] | None:
        loc = event.location
        has_point = loc.lat is not None and loc.lon is not None
        if not (loc.country or has_point):
            return None
        key = (loc.country, loc.admin1, loc.admin2, loc.place, loc.lat, loc.lon, loc.precision)
        obj: dict[str, Any] = {"type": "location", "id": stix_id("location", *key)}
        name = loc.place or loc.admin2 or loc.admin1
        if name:
            obj["name"] = name
        if loc.country:
            obj["country"] = loc.country.upper()
        if loc.admin1:
            obj["administrative_area"] = loc.admin1
        if loc.place:
            obj["city"] = loc.place
        if has_point:
            obj["latitude"], obj["longitude"] = loc.lat, loc.lon
            metres = self.settings["location_precision_m"].get(loc.precision or "")
            if metres:
                obj["precision"] = float(metres)
        kind = self.settings["opencti_location_type"].get(loc.precision or "")
        if kind:
            obj["x_opencti_location_type"] = kind
        return self._common(obj)

    def _actor(self, name: str) -> dict[str, Any]:
        actor_type = self.view.context.actor_type(name)
        if actor_type in self.settings["state_actor_types"]:
            obj = {"type": "threat-actor", "id": stix_id("threat-actor", name), "name": name,
                   "threat_actor_types": ["nation-state"]}
        else:
            obj = {"type": "intrusion-set", "id": stix_id("intrusion-set", name), "name": name}
        if actor_type:
            obj["x_conflictlens_actor_type"] = actor_type
        return self._common(obj)

    def _victim(self, name: str) -> dict[str, Any]:
        actor_type = self.view.context.actor_type(name)
        kind = "group" if actor_type in self.settings["victim_actor_types"] else "organization"
        return self._common({"type": "identity", "id": stix_id("identity", name), "name": name,
                             "identity_class": kind})

    def _confidence(self, statement: Attribution) -> int | None:
        if statement.stance == "denied":
            return None
        graded = self.settings["credibility_confidence"].get(str(statement.credibility))
        return graded if graded is not None else self.settings["stance_confidence"].get(statement.stance)

    def _relationship(self, kind: str, source: str, target: str, event: Event,
                      confidence: int | None = None, description: str | None = None) -> None:
        obj: dict[str, Any] = {"type": "relationship", "id": stix_id("relationship", event.id, kind, target),
                               "relationship_type": kind, "source_ref": source, "target_ref": target}
        if event.date.start:
            obj["start_time"] = f"{event.date.start}T00:00:00Z"
        if confidence is not None:
            obj["confidence"] = max(0, min(100, confidence))
        if description:
            obj["description"] = description
        self.emit(self._common(obj, extension=False))


def _title(event: Event) -> str:
    what = event.sub_event_type or event.event_type or event.attack_type or "Event"
    loc = event.location
    where = ", ".join(v for v in (loc.place, loc.admin1, loc.country) if v)
    return f"{what}{' in ' + where if where else ''}{', ' + event.date.start if event.date.start else ''}"


def _statement_text(statement: Attribution) -> str:
    who = f" by {statement.by}" if statement.by else ""
    via = f" ({statement.channel})" if statement.channel else ""
    return f"{statement.stance}{who}{via}"


def _custom_fields(event: Event) -> dict[str, Any]:
    fields = {
        "x_conflictlens_event_id": event.id,
        "x_conflictlens_date_start": event.date.start, "x_conflictlens_date_end": event.date.end,
        "x_conflictlens_date_precision": event.date.precision,
        "x_conflictlens_geo_precision": event.location.precision,
        "x_conflictlens_fatalities": {k: v for k, v in event.fatalities.to_dict().items() if v is not None},
        "x_conflictlens_injured": {k: v for k, v in event.injured.to_dict().items() if v is not None},
        "x_conflictlens_claimed": event.claimed,
    }
    return {k: v for k, v in fields.items() if v not in (None, {})}


def write_stix(events: Iterable[Event], out: IO[str], view: PublicView) -> int:
    writer = BundleWriter(out, view)
    writer.open()
    for event in events:
        writer.event(event)
    return writer.close()
