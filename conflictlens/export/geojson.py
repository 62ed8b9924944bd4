"""GeoJSON (RFC 7946): one Feature per event, streamed as a FeatureCollection.

Coordinates are [longitude, latitude] in WGS 84, with no `crs` member (RFC 7946 section 4). An
event without coordinates keeps its Feature with a null geometry (section 3.2), so counts add up.
The date and place precision travel in the properties: a point may stand for a whole province.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from conflictlens.export.context import PublicView
from conflictlens.model.records import Event


def feature(event: Event) -> dict[str, Any]:
    loc = event.location
    geometry = None
    if loc.lat is not None and loc.lon is not None:
        geometry = {"type": "Point", "coordinates": [loc.lon, loc.lat]}
    return {"type": "Feature", "id": event.id, "geometry": geometry, "properties": _properties(event)}


def _properties(event: Event) -> dict[str, Any]:
    loc, date = event.location, event.date
    return {
        "date_start": date.start, "date_end": date.end, "date_precision": date.precision,
        "geo_precision": loc.precision, "country": loc.country, "admin1": loc.admin1, "admin2": loc.admin2,
        "place": loc.place, "event_type": event.event_type, "sub_event_type": event.sub_event_type,
        "attack_type": event.attack_type, "target_type": event.target_type, "weapon_type": event.weapon_type,
        "perpetrator": event.perpetrator, "target_actor": event.target_actor, "claimed": event.claimed,
        "fatalities_low": event.fatalities.low, "fatalities_best": event.fatalities.best,
        "fatalities_high": event.fatalities.high, "injured_best": event.injured.best,
        "summary": event.summary, "dataset": event.dataset, "dataset_id": event.dataset_id,
        "document_id": event.document_id,
    }


def write_collection(features: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Stream a FeatureCollection: one Feature per line, never the whole collection in memory."""
    out.write('{"type": "FeatureCollection", "features": [')
    n = 0
    for item in features:
        out.write(("," if n else "") + "\n" + json.dumps(item, ensure_ascii=False, allow_nan=False))
        n += 1
    out.write("\n]}\n")
    return n


def write_geojson(events: Iterable[Event], out: IO[str], view: PublicView) -> int:
    return write_collection(_features(events), out)


def _features(events: Iterable[Event]) -> Iterator[dict[str, Any]]:
    for event in events:
        yield feature(event)
