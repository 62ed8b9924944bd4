"""Pages of /api/events follow a keyset cursor: events stored between two page reads never make a page
repeat or skip an event that was there at the first read; the cursor names no confidential id, and an
edited cursor or another server's is refused (CL-E904)."""

from __future__ import annotations

import pytest

from conflictlens.model.records import DateInfo
from conflictlens.store import Store
from tests.store.store_helpers import make_document, make_event
from tests.web.web_helpers import client_over, get_json

pytest.importorskip("fastapi", reason="the web extra is not installed")


def save_report(store: Store, number: int, days: list[str | None]) -> list[str]:
    """A report (text written for the test) with one event on each day; their ids."""
    doc = make_document(f"Report {number}: clashes were reported in several districts over the week. " * 3)
    events = [make_event(doc, anchor=i * 7, date=DateInfo(day, day, "day")) for i, day in enumerate(days)]
    store.save_document_with_events(doc, events, "v1")
    return [e.id for e in events]


def walk(client, size: int, between=None) -> list[str]:
    seen, cursor, pages = [], None, 0
    while True:
        page = get_json(client, "/api/events", limit=size, **({"cursor": cursor} if cursor else {}))
        seen += [e["id"] for e in page["events"]]
        cursor, pages = page["next_cursor"], pages + 1
        if cursor is None:
            return seen
        if between:
            between(pages)


def test_events_stored_between_pages_neither_repeat_nor_hide_others(tmp_path):
    db = tmp_path / "store.db"
    days = [None, "2021-03-01", "2021-03-01", "2021-03-02", "2021-03-05", "2021-03-09", "2021-04-01"]
    with Store.open(db) as store:
        first = [i for n in range(3) for i in save_report(store, n, days)]
    client = client_over(db)

    def store_more(pages: int) -> None:  # after each page: earlier, equal and later dates than the cursor's
        with Store.open(db) as store:
            save_report(store, 100 + pages, [None, "2021-02-01", "2021-03-01", "2021-03-05", "2021-05-01"])

    seen = walk(client, 4, store_more)
    assert len(seen) == len(set(seen)), "an event was listed twice"
    assert set(first) <= set(seen), "an event stored before the first page was skipped"


def test_a_cursor_ending_on_a_confidential_event_hides_its_id(tmp_path):
    db = tmp_path / "store.db"
    with Store.open(db) as store:
        ids = save_report(store, 1, ["2021-03-01", "2021-03-02", "2021-03-03"])
        store.ledger.mark_documents_confidential([make_document(
            "Report 1: clashes were reported in several districts over the week. " * 3).id], "desk", "a tip")
    client = client_over(db)
    page = get_json(client, "/api/events", limit=1)
    import base64
    payload = page["next_cursor"].partition(".")[0]
    shown = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)).decode()
    assert not any(i in shown for i in ids) and not any(i in page["next_cursor"] for i in ids)
    assert len(walk(client, 1)) == 3


def test_an_edited_or_foreign_cursor_is_refused(tmp_path):
    stores = []
    for name in ("one.db", "two.db"):
        with Store.open(tmp_path / name) as store:
            save_report(store, 1, ["2021-03-01", "2021-03-02", "2021-03-03"])
        stores.append(client_over(tmp_path / name))
    cursor = get_json(stores[0], "/api/events", limit=1)["next_cursor"]
    assert get_json(stores[0], "/api/events", limit=1, cursor=cursor)["count"] == 1
    payload, _, signature = cursor.partition(".")
    for wrong in (payload, payload + "." + "0" * len(signature), "x" + cursor, "." + signature, cursor + "é",
                  "é" + cursor, "W10." + signature):
        answer = stores[0].get("/api/events", params={"cursor": wrong})
        assert answer.status_code == 400 and answer.json()["error"]["code"] == "CL-E904", wrong
    foreign = stores[1].get("/api/events", params={"cursor": cursor})  # same events, another store's secret
    assert foreign.status_code == 400 and foreign.json()["error"]["code"] == "CL-E904"
