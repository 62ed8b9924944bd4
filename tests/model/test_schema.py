"""Every extracted record satisfies the published JSON Schema; the model round-trips."""

import json
from importlib import resources

import jsonschema
from hypothesis import given, strategies as st

from conflictlens.model.records import Casualties, DateInfo, Event, Evidence, Location
from conflictlens.model.vocab import vocabularies


def schema():
    return json.loads(resources.files("conflictlens.model").joinpath("data/event.schema.json").read_text())


def test_vocabulary_has_all_acled_and_gtd_types():
    v = vocabularies()
    assert len(v.acled) == 6 and len(v.sub_event_types) == 25
    assert "Hostage Taking (Kidnapping)" in v.attack_types and "Educational Institution" in v.target_types


def test_extracted_events_validate(extractor):
    from conflictlens import pipeline
    from conflictlens.ingest import iter_documents
    validator = jsonschema.Draft202012Validator(schema())
    count = 0
    for doc in iter_documents(pipeline.sample_paths()):
        for event in extractor.extract(doc):
            validator.validate(event.to_dict())
            count += 1
    assert count >= 25


counts = st.one_of(st.none(), st.integers(0, 10_000))


@given(st.builds(
    Event,
    id=st.just("evt_0123456789abcdef"), document_id=st.just("doc_0123456789abcdef"),
    date=st.builds(DateInfo, st.just("2021-01-02"), st.just("2021-01-03"), st.sampled_from(["day", "week"])),
    location=st.builds(Location, st.sampled_from(["AF", "PK"]), st.text(max_size=20), st.none(), st.text(max_size=20),
                       st.floats(-90, 90), st.floats(-180, 180), st.sampled_from(["place", "province"])),
    fatalities=st.builds(Casualties, counts, counts, counts),
    summary=st.text(max_size=50), confidence=st.floats(0, 1),
    evidence=st.dictionaries(st.sampled_from(["date", "location"]),
                             st.lists(st.builds(Evidence, st.just("doc_0123456789abcdef"), st.integers(0, 99),
                                                st.integers(0, 99), st.text(max_size=10)), max_size=2), max_size=2),
))
def test_event_round_trips_through_json(event):
    data = json.loads(json.dumps(event.to_dict()))
    assert Event.from_dict(data).to_dict() == event.to_dict()
