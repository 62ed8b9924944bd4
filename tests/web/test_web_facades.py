"""ACLED- and UCDP-compatible facades: their parameters, response shapes and column names."""

from __future__ import annotations

import csv
import io

import pytest

from tests.web.web_helpers import get_json

pytest.importorskip("fastapi", reason="the web extra (fastapi) is not installed")
pytest.importorskip("httpx", reason="httpx (FastAPI's TestClient) is not installed")

ACLED_COLUMNS = {"event_id_cnty", "event_date", "year", "event_type", "sub_event_type", "actor1", "actor2", "iso",
                 "country", "admin1", "admin2", "location", "latitude", "longitude", "fatalities", "notes"}


def acled(client, **params):
    return get_json(client, "/api/acled/read", **params)


def test_acled_shape_and_columns(client):
    body = acled(client, limit=3)
    assert body["status"] == 200 and body["success"] is True and body["count"] == 3 == len(body["data"])
    assert ACLED_COLUMNS <= set(body["data"][0])


def test_acled_between_dates_and_or_values(client):
    body = acled(client, event_date="2021-04-01|2021-05-31", event_date_where="BETWEEN", limit=1000)
    assert body["count"] and all("2021-04-01" <= r["event_date"] <= "2021-05-31" for r in body["data"])
    both = acled(client, country="Afghanistan|Pakistan", limit=1000)["data"]
    assert {r["country"] for r in both} == {"Afghanistan", "Pakistan"}
    afghan = acled(client, iso="4", limit=1000)["data"]
    assert afghan and {r["country"] for r in afghan} == {"Afghanistan"}
    assert len(afghan) < len(both)
    kinds = acled(client, event_type="Battles|Protests", limit=1000)["data"]
    assert {r["event_type"] for r in kinds} == {"Battles", "Protests"}
    taliban = acled(client, actor1="taliban", admin1="Khost|Paktia", limit=1000)["data"]
    assert taliban and {r["admin1"] for r in taliban} <= {"Khost", "Paktia"}


def test_acled_one_date_and_comparisons(client):
    day = acled(client, limit=1)["data"][0]["event_date"]
    assert {r["event_date"] for r in acled(client, event_date=day, limit=1000)["data"]} == {day}
    later = acled(client, event_date=day, event_date_where=">", limit=1000)["data"]
    assert later and all(r["event_date"] > day for r in later)


def test_acled_pages_and_csv(client):
    every = acled(client, limit=1000)["data"]
    pages = [acled(client, limit=5, page=n)["data"] for n in range(1, len(every) // 5 + 2)]
    assert [r["event_id_cnty"] for page in pages for r in page] == [r["event_id_cnty"] for r in every]
    table = client.get("/api/acled/read", params={"_format": "csv", "limit": 4})
    assert table.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(table.text)))
    assert len(rows) == 4 and ACLED_COLUMNS <= set(rows[0])
    empty = client.get("/api/acled/read", params={"_format": "csv", "country": "Narnia"})
    assert empty.text.startswith("event_id_cnty,")


def test_acled_bad_dates_are_coded(client):
    for params in ({"event_date": "2021-13-01"}, {"event_date": "2021-01-01|2021-02-01|2021-03-01"},
                   {"event_date": "2021-01-01", "event_date_where": "LIKE"}):
        response = client.get("/api/acled/read", params=params)
        assert response.status_code == 400 and response.json()["error"]["code"].startswith("CL-E"), params


def test_ucdp_shape_pages_and_filters(client):
    first = client.get("/api/gedevents/24.1", params={"pagesize": 4}).json()
    assert set(first) == {"TotalCount", "TotalPages", "PreviousPageUrl", "NextPageUrl", "Result"}
    assert len(first["Result"]) == 4 and first["PreviousPageUrl"] == "" and "page=1" in first["NextPageUrl"]
    row = first["Result"][0]
    assert {"id", "side_a", "side_b", "date_start", "best", "latitude", "country"} <= set(row)
    assert isinstance(row["year"], int)
    second = client.get(first["NextPageUrl"].replace("http://testserver", "")).json()
    assert second["PreviousPageUrl"] and second["Result"][0]["id"] != row["id"]
    spring = client.get("/api/gedevents/24.1", params={"StartDate": "2021-04-01", "EndDate": "2021-04-30",
                                                       "pagesize": 1000}).json()
    assert spring["TotalCount"] and all("2021-04" in r["date_start"] for r in spring["Result"])
    pk = client.get("/api/gedevents/24.1", params={"Country": "PK,Pakistan", "pagesize": 1000}).json()
    assert pk["TotalCount"] and {r["country"] for r in pk["Result"]} == {"Pakistan"}
    assert client.get("/api/gedevents/latest").status_code == 400
