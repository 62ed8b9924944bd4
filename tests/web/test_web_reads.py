"""The read endpoints over the demo store: shapes, filters, pagination, formats."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from tests.web.web_helpers import cli, get_json

pytest.importorskip("fastapi", reason="the web extra (fastapi) is not installed")
pytest.importorskip("httpx", reason="httpx (FastAPI's TestClient) is not installed")


def events(client, **params):
    return get_json(client, "/api/events", **params)


def test_events_page_and_cursor_walk_every_event_once(client):
    everything = events(client, limit=1000)
    assert everything["next_cursor"] is None and everything["count"] > 10
    seen, cursor = [], None
    while True:
        page = events(client, limit=7, **({"cursor": cursor} if cursor else {}))
        assert page["count"] <= 7
        seen += [e["id"] for e in page["events"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [e["id"] for e in everything["events"]]


def test_an_events_page_is_the_json_the_standard_library_writes(client):
    """The page is written by orjson for speed: byte for byte what json.dumps gives (non-ASCII text kept,
    floats such as coordinates in the same digits), so clients see no change."""
    response = client.get("/api/events", params={"limit": 1000})
    page = response.json()
    assert any(isinstance(e["location"].get("lat"), float) for e in page["events"])
    assert response.content == json.dumps(page, ensure_ascii=False, allow_nan=False,
                                          separators=(",", ":")).encode("utf-8")


def test_area_filters_keep_the_events_in_the_area(client):
    """near and bbox on the events and the aggregates, checked against the coordinates of every event."""
    from conflictlens.model.area import km_between

    everything = events(client, limit=1000)["events"]
    placed = [e for e in everything if e["location"].get("lat") is not None]
    lat, lon = placed[0]["location"]["lat"], placed[0]["location"]["lon"]
    near = [e["id"] for e in placed if km_between(lat, lon, e["location"]["lat"], e["location"]["lon"]) <= 50]
    assert [e["id"] for e in events(client, limit=1000, near=f"{lat},{lon},50")["events"]] == near
    box = f"{lon - 1},{lat - 1},{lon + 1},{lat + 1}"
    inside = [e["id"] for e in placed if abs(e["location"]["lat"] - lat) <= 1 and abs(e["location"]["lon"] - lon) <= 1]
    assert [e["id"] for e in events(client, limit=1000, bbox=box)["events"]] == inside and inside
    groups = get_json(client, "/api/aggregates", by="country", bbox=box)["groups"]
    assert sum(g["events"] for g in groups) == len(inside)


def cli_ids(db, *args):
    out = cli("--db", db, "events", "--format", "ndjson", *args).stdout
    return [json.loads(line)["id"] for line in out.splitlines() if line.strip()]


def test_event_filters_narrow_as_the_cli_does(client, demo_db):
    every = events(client, limit=1000)["events"]
    taliban = events(client, actor="Taliban", limit=1000)["events"]
    assert taliban and len(taliban) < len(every)
    assert [e["id"] for e in taliban] == cli_ids(demo_db, "--perpetrator", "Taliban")
    assert [e["id"] for e in events(client, type="explosions/remote violence", country="AF", limit=1000)["events"]] == cli_ids(
        demo_db, "--type", "explosions/remote violence", "--country", "AF")
    assert events(client, perpetrator="Taliban", limit=1000)["events"] == taliban
    pk = events(client, country="Pakistan", limit=1000)["events"]
    assert pk and {e["location"]["country"] for e in pk} == {"PK"}
    kabul = events(client, admin1="kabul", limit=1000)["events"]
    assert kabul and {e["location"]["admin1"] for e in kabul} == {"Kabul"}
    spring = events(client, since="2021-04-01", until="2021-04-30", limit=1000)["events"]
    assert spring and all("2021-04-01" <= e["date"]["start"] <= "2021-04-30" for e in spring)
    battles = events(client, type="battles", limit=1000)["events"]
    assert battles and {e["event_type"] for e in battles} == {"Battles"}


def test_text_filter_keeps_events_of_reports_with_every_word(client):
    hits = client.get("/api/search", params={"q": "school"}).json()["hits"]
    documents = {h["document_id"] for h in hits}
    found = events(client, text="school", limit=1000)["events"]
    assert found and {e["document_id"] for e in found} <= documents
    assert events(client, text="zzzunheardofword")["events"] == []


def test_events_as_ndjson_csv_and_geojson(client):
    ndjson = client.get("/api/events", params={"format": "ndjson", "limit": 3})
    assert ndjson.headers["content-type"].startswith("application/x-ndjson")
    assert len([json.loads(line) for line in ndjson.text.splitlines()]) == 3
    assert ndjson.headers["x-next-cursor"]
    table = client.get("/api/events", params={"format": "csv", "limit": 3})
    rows = list(csv.DictReader(io.StringIO(table.text)))
    assert len(rows) == 3 and "fatalities_best" in rows[0]
    geo = client.get("/api/events", params={"format": "geojson", "limit": 3}).json()
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 3


def test_one_event_has_its_evidence_and_sentences(client):
    first = events(client, type="Suicide bomb")["events"][0]
    record = client.get(f"/api/events/{first['id'][:12]}").json()
    assert record["id"] == first["id"]
    assert "assessment" in record and record["evidence"]
    spans = [ev for values in record["evidence"].values() for ev in values]
    assert any(ev.get("sentence") for ev in spans)


def test_incidents_one_incident_and_why(client):
    listed = client.get("/api/incidents", params={"limit": 5}).json()
    assert 0 < listed["count"] <= 5
    incident = listed["incidents"][0]
    assert client.get(f"/api/incidents/{incident['id']}").json()["id"] == incident["id"]
    why = client.get(f"/api/incidents/{incident['id']}/why").json()
    assert why["incident_id"] == incident["id"] and why["event_id"] in incident["members"]


def test_actors_network_attribution_search(client):
    actors = client.get("/api/actors", params={"country": "AF"}).json()
    assert actors["count"] > 0 and all(a["country"] == "AF" for a in actors["actors"])
    assert "Islamic State" in client.get("/api/actors/ISKP").json()["name"]
    network = client.get("/api/network").json()
    assert network["nodes"] and network["edges"]
    claimed = events(client, type="Suicide bomb")["events"][0]
    ledger = client.get(f"/api/attribution/{claimed['id']}").json()
    assert ledger["event_id"] == claimed["id"] and "matrix" in ledger and "answer" in ledger
    hits = client.get("/api/search", params={"q": "Kabul", "limit": 2}).json()
    assert hits["count"] == 2 and hits["words_dropped"] is False


def test_aggregates_count_every_event_once(client):
    every = events(client, limit=1000)["events"]
    for by in ("admin1", "admin2", "country", "week", "month", "type", "actor"):
        groups = client.get("/api/aggregates", params={"by": by}).json()["groups"]
        assert sum(g["events"] for g in groups) == len(every), by
    fatalities = sum(e["fatalities"].get("best") or 0 for e in every)
    months = client.get("/api/aggregates", params={"by": "month"}).json()["groups"]
    assert sum(g["fatalities"] for g in months) == fatalities
    assert [g["key"] for g in months if g["key"]] == sorted(g["key"] for g in months if g["key"])
    pk = client.get("/api/aggregates", params={"by": "country", "country": "PK"}).json()["groups"]
    assert [g["key"] for g in pk] == ["PK"]


def test_export_every_format(client):
    for fmt, start in (("acled", "event_id_cnty,"), ("gtd", "eventid,"), ("ucdp", "id,relid,"),
                       ("csv", "id,dataset,"), ("ndjson", "{"), ("geojson", "{"), ("stix", "{"), ("graphml", "<")):
        response = client.get(f"/api/export/{fmt}", params={"country": "AF"})
        assert response.status_code == 200, (fmt, response.text)
        assert response.text.lstrip().startswith(start), fmt


def test_openapi_and_docs_are_local(client):
    schema = client.get("/openapi.json").json()
    assert schema["openapi"].startswith("3.1") and "/api/events" in schema["paths"]
    docs = client.get("/docs").text
    assert "/assets/swagger/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
    assert client.get("/assets/swagger/swagger-ui-bundle.js").status_code == 200


def test_store_counts_equal_counting_the_events_through_the_gate(demo_db):
    from conflictlens.pipeline.session import EXISTING, Session
    from conflictlens.web.aggregates import DIMENSIONS, counted, grouped

    with Session(demo_db, store=EXISTING) as session:
        for by, dimension in DIMENSIONS.items():
            for filters in ({}, {"country": "AF"}, {"perpetrator": "Taliban", "since": "2021-04-01"}):
                dated = {k: dt.date.fromisoformat(v) if k == "since" else v for k, v in filters.items()}
                rows = session.aggregate_counts(dimension.column, **dated)
                assert grouped(rows, by) == counted(session.events(**filters), by), (by, filters)


def test_an_actor_whose_name_holds_a_slash_has_a_profile(client):
    """The network panel asks for `actors/<encodeURIComponent(name)>`; the server decodes %2F before
    routing, so 'Sipah-e-Sahaba/Pakistan (SSP)' (a registry actor) was 'no such route'."""
    from urllib.parse import quote
    name = "Sipah-e-Sahaba/Pakistan (SSP)"
    shown = client.get("/api/actors/" + quote(name, safe=""))
    assert shown.status_code == 200 and shown.json()["name"] == name
    assert client.get("/api/actors/" + quote("No/Such Group", safe="")).json()["error"]["code"] != "CL-E902"
