"""Bad requests get a 4xx with a coded JSON error body, never a 500 or a traceback."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from conflictlens.errors import ERROR_CODES

pytest.importorskip("fastapi", reason="the web extra (fastapi) is not installed")
pytest.importorskip("httpx", reason="httpx (FastAPI's TestClient) is not installed")

HOSTILE = ["", " ", "'; DROP TABLE events; --", "\x00", "%00", "../../etc/passwd", "<script>alert(1)</script>",
           "9" * 400, "-1", "0", "1e309", "NaN", "2021-02-30", "evt_", "évènement", "\ud800".encode("utf-8",
           "surrogatepass").decode("utf-8", "replace"), "*", "\"", "OR 1=1", "{}", "[]", "null"]
ROUTES = ["/api/events", "/api/incidents", "/api/actors", "/api/network", "/api/search", "/api/aggregates",
          "/api/export/{fmt}", "/api/acled/read", "/api/gedevents/{version}"]
EXAMPLES = {"fmt": "csv", "version": "24.1"}


def assert_coded(response, where):
    assert response.status_code < 500, (where, response.text)
    if response.status_code >= 400:
        error = response.json()["error"]
        assert error["code"] in ERROR_CODES and error["message"], where
        assert "Traceback" not in response.text


def parameters(client, route):
    """The query parameters the route takes, read from the OpenAPI schema."""
    operation = client.get("/openapi.json").json()["paths"][route]["get"]
    return [p["name"] for p in operation.get("parameters", ()) if p["in"] == "query"]


@pytest.mark.parametrize("route", ROUTES)
def test_hostile_values_of_every_parameter(client, route):
    names = parameters(client, route)
    assert names
    for name in names:
        for value in HOSTILE:
            assert_coded(client.get(route.format(**EXAMPLES), params={name: value}), (route, name, value))


def test_hostile_path_values(client):
    for value in HOSTILE[1:] + ["evt_zzzz", "inc_0000", "a" * 300]:
        for route in ("/api/events/{}", "/api/incidents/{}", "/api/incidents/{}/why", "/api/actors/{}",
                      "/api/attribution/{}", "/api/export/{}", "/api/gedevents/{}"):
            assert_coded(client.get(route.format(quote(value, safe=""))), (route, value))


def test_typical_mistakes_have_their_codes(client):
    cases = {"/api/events?limit=0": "CL-E901", "/api/events?limit=abc": "CL-E901", "/api/events?since=2021-13-01":
             "CL-E901", "/api/events?since=2021-05-01&until=2021-01-01": "CL-E901", "/api/events?cursor=bm9wZQ":
             "CL-E904", "/api/events?format=xml": "CL-E901", "/api/aggregates?by=colour": "CL-E914",
             "/api/export/pdf": "CL-E510", "/api/events/evt_zzzz": "CL-E202", "/api/incidents/inc_nope": "CL-E601",
             "/api/actors/Nobody%20At%20All": "CL-E700", "/api/nothing": "CL-E902", "/api/events?type=colour": "CL-E405",
             "/api/events?country=Narnia": "CL-E406", "/api/events?bbox=60,29,75": "CL-E230",
             "/api/events?bbox=60,39,75,38": "CL-E230", "/api/aggregates?bbox=a,b,c,d": "CL-E230",
             "/api/events?near=34.5,69.2": "CL-E231", "/api/events?near=34.5,200,10": "CL-E231",
             "/api/events?near=34.5,69.2,-3": "CL-E231", "/api/events?near=nan,69.2,5": "CL-E231"}
    for url, code in cases.items():
        response = client.get(url)
        assert 400 <= response.status_code < 500 and response.json()["error"]["code"] == code, (url, response.text)
    assert client.get("/api/events/evt_zzzz").status_code == 404
    assert client.post("/api/events").json()["error"]["code"] == "CL-E903"


def test_an_unexpected_failure_is_coded_without_a_traceback(demo_db):
    from tests.web.web_helpers import client_over

    def broken():
        raise RuntimeError("secret internals")

    app_client = client_over(demo_db)
    app_client.app.state.context.session_factory = broken
    response = app_client.get("/api/events")
    assert response.status_code == 500 and response.json()["error"]["code"] == "CL-E929"
    assert "secret internals" not in response.text
