"""Each export format read back by the tools its users have: csv, json, networkx, stix2-validator."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import pytest
from export_events import SECRET_DOC, extracted_event, no_place_event, sample_context, sample_events

from conflictlens.errors import ConflictLensError
from conflictlens.export import FORMATS, write_export
from conflictlens.model.records import Casualties
from conflictlens.model.redaction import CONFIDENTIAL_SOURCE, MASK, ConfidentialityPolicy


def export(fmt: str, events=None, **kwargs) -> str:
    out = io.StringIO()
    write_export(fmt, sample_events() if events is None else events, out, sample_context(), **kwargs)
    return out.getvalue()


def test_acled_layout_for_an_extracted_event():
    rows = list(csv.DictReader(io.StringIO(export("acled"))))
    first = rows[0]
    assert len(first) == 31 and first["event_id_cnty"] == "evt_extracted"
    assert (first["iso"], first["country"], first["time_precision"], first["geo_precision"]) == \
        ("4", "Afghanistan", "1", "1")
    assert first["actor1"] == "Taliban (Afghanistan)" and first["disorder_type"] == "Political violence"
    assert first["fatalities"] == "3" and first["source"] == "Example News"


def test_gtd_layout_codes_claims_and_partial_dates():
    rows = list(csv.DictReader(io.StringIO(export("gtd"))))
    first, secret = rows[0], rows[1]
    assert len(first) == 135 and first["eventid"].startswith("20210502")
    assert (first["attacktype1"], first["targtype1"], first["weaptype1"]) == ("2", "3", "5")
    assert (first["gname"], first["claimed"], first["claimmode_txt"]) == ("Taliban", "1", "a spokesman")
    assert (first["gname2"], first["guncertain2"]) == ("Islamic State", "1")
    assert first["nkill"] == "3.0" and first["nwound"] == "5.0"
    assert (secret["iyear"], secret["imonth"], secret["iday"]) == ("2021", "6", "0")


def test_gtd_city_is_the_place_or_the_district_as_gtd_writes_it():
    town = extracted_event()
    district = replace(town, id="evt_district", location=replace(town.location, place=None, admin2="Bati Kot"))
    province = replace(town, id="evt_province", location=replace(town.location, place=None, admin2=None))
    rows = list(csv.DictReader(io.StringIO(export("gtd", [town, district, province]))))
    assert [r["city"] for r in rows] == [town.location.place, "Bati Kot district", ""]


def test_geojson_is_rfc7946():
    collection = json.loads(export("geojson"))
    assert collection["type"] == "FeatureCollection" and "crs" not in collection
    located, secret, nowhere = collection["features"]
    assert located["geometry"] == {"type": "Point", "coordinates": [69.1833, 34.5167]}
    assert located["properties"]["geo_precision"] == "place" and located["properties"]["date_precision"] == "day"
    assert secret["geometry"] is None and nowhere["geometry"] is None


def test_areas_count_events_in_province_and_district_polygons():
    collection = json.loads(export("geojson", areas=True))
    features = collection["features"]
    assert {f["properties"]["level"] for f in features} == {"admin1", "admin2"}
    assert all(f["geometry"]["type"] in ("Polygon", "MultiPolygon") for f in features)
    counted = {(f["properties"]["level"], f["properties"]["name"]): f["properties"]["events"]
               for f in features if f["properties"]["events"]}
    assert counted[("admin1", "Kabul")] == 1 and sum(counted.values()) == 2  # the province and its district
    assert len(export("geojson", areas=True).encode()) < 2_000_000


def test_stix_bundle_passes_the_validator():
    validator = pytest.importorskip("stix2validator")
    text = export("stix")
    results = validator.validate_string(text, validator.ValidationOptions())
    assert results.is_valid, results.as_dict()
    bundle = json.loads(text)
    kinds = {}
    for obj in bundle["objects"]:
        kinds.setdefault(obj["type"], []).append(obj)
    assert {"incident", "location", "intrusion-set", "identity", "relationship"} <= set(kinds)
    rels = {(r["relationship_type"], r.get("confidence")) for r in kinds["relationship"]}
    assert ("attributed-to", 85) in rels and ("attributed-to", 50) in rels  # claim; graded credibility 3
    assert not any("Haqqani" in json.dumps(o) for o in bundle["objects"])  # denials are no attribution
    assert any(o.get("x_opencti_location_type") == "City" for o in kinds["location"])
    stix2 = pytest.importorskip("stix2")
    assert stix2.parse(text, allow_custom=True).objects


def test_stix_state_forces_are_threat_actors():
    event = extracted_event()
    event.perpetrator, event.target_actor, event.attribution = "Afghan National Police (ANP)", "Civilians", []
    objects = json.loads(export("stix", [event]))["objects"]
    (actor,) = [o for o in objects if o["type"] == "threat-actor"]
    assert actor["name"] == "Afghan National Police (ANP)" and actor["threat_actor_types"] == ["nation-state"]


def test_stix_ids_are_stable():
    """Public events always; a confidential one under the store's secret (without it, each export has its own)."""
    public = [extracted_event(), no_place_event()]
    assert json.loads(export("stix", public))["id"] == json.loads(export("stix", public))["id"]
    context = replace(sample_context(), policy=ConfidentialityPolicy(frozenset({SECRET_DOC.id}), (), "secret"))
    bundles = []
    for _ in range(2):
        out = io.StringIO()
        write_export("stix", sample_events(), out, context)
        bundles.append(json.loads(out.getvalue())["id"])
    assert bundles[0] == bundles[1]


def test_graphml_reads_back_in_networkx():
    nx = pytest.importorskip("networkx")
    graph = nx.read_graphml(io.StringIO(export("graphml")))
    assert graph.nodes["Taliban"]["actor_type"] == "rebel group"
    kinds = {(u, v, d["kind"], d["date"]) for u, v, d in graph.edges(data=True)}
    assert ("Taliban", "Afghan National Police (ANP)", "fought", "2021-05-02") in kinds
    assert ("Taliban", "Islamic State", "co_attributed", "2021-05-02") in kinds
    assert ("Tehrik-i-Taliban Pakistan (TTP)", "Civilians", "attacked", "2021-06-01") in kinds


def test_graphml_survives_hostile_names():
    nx = pytest.importorskip("networkx")
    event = extracted_event()
    event.perpetrator = 'Bad <actor> & "co"\x07'
    graph = nx.read_graphml(io.StringIO(export("graphml", [event])))
    assert 'Bad <actor> & "co"' in graph.nodes


def test_ndjson_and_csv():
    lines = [json.loads(line) for line in export("ndjson").splitlines()]
    assert [r["id"] for r in lines][::2] == ["evt_extracted", "evt_nowhere"]
    assert lines[1]["id"].startswith("evt_") and lines[1]["id"] != "evt_secret"  # a pseudonym
    rows = list(csv.DictReader(io.StringIO(export("csv"))))
    assert rows[0]["perpetrator"] == "Taliban" and rows[0]["fatalities_best"] == "3"


@pytest.mark.parametrize("fmt", FORMATS)
def test_confidential_material_never_leaves(fmt):
    text = export(fmt)
    for secret in ("Our source inside", "Source K", "phone call", "secret.example", SECRET_DOC.id):
        assert secret not in text, (fmt, secret)


def test_redaction_keeps_the_structured_record():
    """Exports redact with the model's one function: the coded facts and grades of a confidential event stay."""
    from conflictlens.export import public_view, publishable
    view = public_view(sample_context())
    _, record, _ = publishable(sample_events(), view.policy)
    assert record.summary == MASK and record.extra == {} and record.document_id.startswith("doc_")
    assert record.document_id != SECRET_DOC.id and view.policy.pseudonym(SECRET_DOC.id) == record.document_id
    assert all(e.text == MASK and e.start == e.end == 0 for spans in record.evidence.values() for e in spans)
    assert record.perpetrator == "Tehrik-i-Taliban Pakistan (TTP)" and record.fatalities.best == 1
    statement = record.attribution[0]
    assert (statement.by, statement.channel, statement.credibility) == (CONFIDENTIAL_SOURCE, None, 2)


def test_each_export_has_its_own_pseudonyms_unless_the_store_gives_its_secret():
    from conflictlens.export import public_view
    one, two = public_view(sample_context()).policy, public_view(sample_context()).policy
    assert one.pseudonym(SECRET_DOC.id) != two.pseudonym(SECRET_DOC.id)
    stored = ConfidentialityPolicy(frozenset({SECRET_DOC.id}), (), "the store's secret")
    view = public_view(replace(sample_context(), policy=stored))
    assert view.policy is stored and view.document(SECRET_DOC.id) is None


def test_unknown_format_and_areas_misuse():
    with pytest.raises(ConflictLensError) as unknown:
        export("kml")
    assert unknown.value.code == "CL-E510"
    with pytest.raises(ConflictLensError):
        export("stix", areas=True)


def test_a_confidentiality_list_from_the_caller_is_honoured():
    out = io.StringIO()
    context = replace(sample_context(), confidential=lambda doc_id: doc_id == "doc_public")
    write_export("ndjson", [extracted_event()], out, context)
    record = json.loads(out.getvalue())
    assert record["summary"] == MASK and record["document_id"] not in ("doc_public", None)
    assert "https://news.example/a" not in out.getvalue() and "Example News" not in out.getvalue()
    assert all(a["by"] == CONFIDENTIAL_SOURCE and a["channel"] is None for a in record["attribution"])


def test_gtd_ids_made_for_other_events_are_distinct_and_never_gtd_shaped():
    from dataclasses import replace as copy_with
    base = extracted_event()
    events = [copy_with(base, id=f"evt_{i:016x}") for i in range(20_000)]  # one day, twenty thousand events
    out = io.StringIO()
    write_export("gtd", events, out, sample_context())
    ids = [row["eventid"] for row in csv.DictReader(io.StringIO(out.getvalue()))]
    # 15 digits: never a real (12-digit) GTD id, and all kept by a spreadsheet; unique even when hashes meet.
    assert len(set(ids)) == len(ids) and all(len(i) == 15 and i.isdigit() and i.startswith("20210502") for i in ids)
    again = io.StringIO()
    write_export("gtd", events, again, sample_context())
    assert again.getvalue() == out.getvalue()  # the same events get the same ids


def test_a_gtd_rows_own_id_is_never_changed_even_when_a_made_id_equals_it():
    from dataclasses import replace as copy_with
    from conflictlens.export.tables import _gtd_eventid
    made = copy_with(extracted_event(), id="evt_made")
    own = copy_with(extracted_event(), id="evt_own", dataset="GTD", dataset_id=_gtd_eventid(made))
    out = io.StringIO()
    write_export("gtd", [made, own], out, sample_context())
    ids = [row["eventid"] for row in csv.DictReader(io.StringIO(out.getvalue()))]
    assert ids == [_gtd_eventid(made), _gtd_eventid(made)]  # GTD's own id kept; ours stays as made


def test_gtd_nkill_and_acled_fatalities_count_the_assailants_the_record_keeps_apart():
    clash = replace(extracted_event(), fatalities=Casualties.exact(6), perpetrators_killed=Casualties.exact(11))
    gtd = next(csv.DictReader(io.StringIO(export("gtd", [clash]))))
    assert (gtd["nkill"], gtd["nkillter"]) == ("17.0", "11.0")
    acled = next(csv.DictReader(io.StringIO(export("acled", [clash]))))
    assert acled["fatalities"] == "17"
    unknown_victims = replace(clash, fatalities=Casualties())
    assert next(csv.DictReader(io.StringIO(export("gtd", [unknown_victims]))))["nkill"] == ""
