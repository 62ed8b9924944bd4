"""The stored record: what Event.to_dict holds, less its empty values, read back equal to the event."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given, strategies as st

from conflictlens.errors import ConflictLensError
from conflictlens.model.records import Attribution, Casualties, DateInfo, Event, Evidence, Location
from conflictlens.store.rows import event_from_record, event_rows, record_json

DOC = "doc_0123456789abcdef"
counts = st.one_of(st.none(), st.integers(0, 10_000))
texts = st.text(max_size=30)
optional_texts = st.one_of(st.none(), texts)
extra_values = st.one_of(st.text(max_size=10), st.integers(-(2 ** 63), 2 ** 64 - 1), st.booleans(), st.none(),
                         st.floats(allow_nan=False, allow_infinity=False),
                         st.lists(st.dictionaries(st.text(max_size=5), st.integers(0, 9), max_size=2), max_size=2))

events = st.builds(
    Event,
    id=st.just("evt_0123456789abcdef"), document_id=st.just(DOC),
    event_type=optional_texts, perpetrator=optional_texts, target_actor=optional_texts,
    date=st.builds(DateInfo, optional_texts, optional_texts, st.sampled_from([None, "day", "month"])),
    location=st.builds(Location, st.sampled_from([None, "AF", "PK"]), optional_texts, optional_texts, optional_texts,
                       st.one_of(st.none(), st.floats(-90, 90)), st.one_of(st.none(), st.floats(-180, 180)),
                       st.sampled_from([None, "place", "province"])),
    attribution=st.lists(st.builds(Attribution, optional_texts, st.sampled_from(["claimed", "denied"]),
                                   optional_texts, optional_texts), max_size=2),
    claimed=st.booleans(),
    fatalities=st.builds(Casualties, counts, counts, counts), injured=st.builds(Casualties, counts, counts, counts),
    targets=st.lists(texts, max_size=2), summary=texts, confidence=st.floats(0, 1),
    evidence=st.dictionaries(st.sampled_from(["date", "location"]),
                             st.lists(st.builds(Evidence, st.just(DOC), st.integers(0, 99), st.integers(0, 99), texts),
                                      max_size=2), max_size=2),
    dataset=optional_texts, dataset_id=optional_texts,
    extra=st.dictionaries(st.text(max_size=8), extra_values, max_size=4),
)


@given(events)
def test_record_reads_back_equal_and_holds_no_empty_values(event: Event) -> None:
    record = record_json(event)
    assert event_from_record(record) == event
    data = json.loads(record)
    assert all(value not in (None, [], {}) for value in data.values())
    assert data.get("summary") != "" and data.get("claimed") is not False
    # Every value it keeps is the one to_dict gives.
    full = event.to_dict()
    for key, value in data.items():
        expected = full[key]
        if isinstance(expected, dict) and key != "extra" and key != "evidence":
            expected = {k: v for k, v in expected.items() if v is not None}
        elif key == "attribution":  # None left out where the default restores it (actor has none)
            expected = [{k: v for k, v in a.items() if v is not None or k == "actor"} for a in expected]
        assert value == expected


@pytest.mark.parametrize("where", ["lat", "confidence", "extra", "fatalities", "attribution", "big"])
def test_nan_anywhere_is_refused_with_a_coded_error(where: str) -> None:
    event = Event(id="evt_nan", document_id=DOC)
    if where == "lat":
        event.location.lat = math.nan
    elif where == "confidence":
        event.confidence = math.inf
    elif where == "extra":
        event.extra = {"score": [math.nan]}
    elif where == "fatalities":
        event.fatalities = Casualties(1, math.nan, 3)
    elif where == "attribution":
        event.attribution = [Attribution("Taliban", "claimed", credibility=math.inf)]
    else:
        event.extra = {"count": 2 ** 70}  # orjson would read it back as a float
    with pytest.raises(ConflictLensError) as caught:
        event_rows(event, DOC)
    assert caught.value.code == "CL-E400" and caught.value.subject == "evt_nan"


def test_a_record_with_nulls_of_its_own_is_still_checked() -> None:
    """The walk is skipped only for records without a null: an actor-less claim keeps its null actor."""
    event = Event(id="evt_null", document_id=DOC, attribution=[Attribution(None, "claimed")],
                  extra={"gap": None, "score": math.nan})
    with pytest.raises(ConflictLensError):
        record_json(event)
    event.extra = {"gap": None}
    assert event_from_record(record_json(event)) == event


def test_keys_orjson_cannot_write_fall_back_to_the_standard_encoder() -> None:
    event = Event(id="evt_keys", document_id=DOC, extra={"counts": {1: "one"}})
    assert json.loads(record_json(event))["extra"] == {"counts": {"1": "one"}}
