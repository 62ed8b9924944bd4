"""--public: confidential material never leaves (through the gate), page-size cap, per-client rate limit."""

from __future__ import annotations

import re

import pytest

from conflictlens.store import Store, ledger
from conflictlens.web.context import PUBLIC_PAGE_CAP, RateLimiter
from tests.web.web_helpers import PERSON, client_over

pytest.importorskip("fastapi", reason="the web extra (fastapi) is not installed")
pytest.importorskip("httpx", reason="httpx (FastAPI's TestClient) is not installed")

ID = re.compile(r"(?:evt|doc)_[0-9a-f]{16}")


@pytest.fixture(scope="module")
def secret(newsroom):
    """Real ids of the confidential tip and its events."""
    with Store.open(newsroom) as store:
        documents = ledger.confidential_documents(store)
        return set(documents) | set(ledger.event_ids_of_documents(store, documents))


def every_answer(client):
    """(url, body) of every read route over every stored event and incident."""
    urls = [f"/api/events?format={f}" for f in ("json", "ndjson", "csv", "geojson")]
    events = client.get("/api/events").json()["events"]
    incidents = client.get("/api/incidents").json()["incidents"]
    for event in events:
        urls += [f"/api/events/{event['id']}", f"/api/attribution/{event['id']}",
                 f"/api/incidents/{event['id']}", f"/api/incidents/{event['id']}/why"]
    urls += [f"/api/incidents/{i['id']}/why" for i in incidents]
    urls += ["/api/incidents", "/api/network", "/api/actors/ISKP", "/api/actors?country=AF",
             "/api/aggregates?by=actor", "/api/acled/read", "/api/acled/read?_format=csv", "/api/gedevents/24.1"]
    urls += [f"/api/search?q={q}" for q in ("guard", "clinic", "Jalalabad", "market", "Barakzai", "Wahidullah")]
    urls += [f"/api/export/{f}" for f in ("acled", "gtd", "ucdp", "geojson", "stix", "graphml", "ndjson", "csv")]
    answers = []
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, (url, response.text)
        answers.append((url, response.text))
    return answers


def test_public_server_shows_no_confidential_id_name_or_text(newsroom, secret):
    assert len(secret) == 2  # the tip and its one event
    answers = every_answer(client_over(newsroom, public=True, rate_per_minute=10_000))
    for url, body in answers:
        assert not set(ID.findall(body)) & secret, url
        assert "Barakzai" not in body and "Wahidullah" not in body, url
        assert "guard" not in body.lower(), url  # the tip's own words
    events = dict(answers)["/api/events?format=json"]
    assert "[confidential source]" in events  # the tip's event is there, under its pseudonym


def test_search_says_when_words_naming_a_person_were_dropped(newsroom):
    hits = client_over(newsroom, public=True).get("/api/search", params={"q": PERSON}).json()
    assert hits["words_dropped"] is True and hits["count"] == 0


def test_public_server_caps_page_size(newsroom):
    client = client_over(newsroom, public=True)
    assert client.get("/api/events", params={"limit": PUBLIC_PAGE_CAP}).status_code == 200
    over = client.get("/api/events", params={"limit": PUBLIC_PAGE_CAP + 1})
    assert over.status_code == 400 and over.json()["error"]["code"] == "CL-E905"
    assert client.get("/api/acled/read", params={"limit": 5000}).json()["error"]["code"] == "CL-E905"
    assert client_over(newsroom).get("/api/events", params={"limit": PUBLIC_PAGE_CAP + 1}).status_code == 200


def test_public_server_limits_requests_per_client(newsroom):
    client = client_over(newsroom, public=True, rate_per_minute=3)
    assert [client.get("/api/incidents").status_code for _ in range(3)] == [200] * 3
    refused = client.get("/api/events")
    assert refused.status_code == 429 and refused.json()["error"]["code"] == "CL-E906"
    assert refused.headers["retry-after"] == "60"
    assert client.get("/").status_code == 200  # the page and its assets are not counted


def test_rate_limiter_window_slides_per_client():
    limiter = RateLimiter(2)
    limiter.check("a", now=0.0)
    limiter.check("a", now=1.0)
    limiter.check("b", now=1.0)
    with pytest.raises(Exception) as refused:
        limiter.check("a", now=59.0)
    assert refused.value.code == "CL-E906"
    limiter.check("a", now=60.5)  # the first request left the window


def test_rate_limiter_forgets_idle_clients_past_its_size():
    limiter = RateLimiter(1, max_clients=3)
    for n in range(4):
        limiter.check(f"client{n}", now=0.0)
    limiter.check("late", now=120.0)  # the four idle ones are forgotten: they may come back
    limiter.check("client0", now=120.5)
    with pytest.raises(Exception):
        limiter.check("late", now=121.0)


def test_public_openapi_has_no_write_routes(newsroom):
    schema = client_over(newsroom, public=True).get("/openapi.json").json()
    methods = {m for path in schema["paths"].values() for m in path}
    assert methods == {"get"}
