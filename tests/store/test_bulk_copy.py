"""Bulk writes: COPY on PostgreSQL, executemany on SQLite; either way a batch is written whole or not at all."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from conflictlens.errors import ConflictLensError
from conflictlens.store import Store
from conflictlens.store import rows as R
from conflictlens.store.postgres import PgConnection
from conflictlens.store.writes import insert_rows
from store_helpers import make_document, make_event


def _triples(texts: list[str], version: str = "v1") -> list:
    docs = [make_document(t) for t in texts]
    return [(d, [make_event(d)], version) for d in docs]


def _totals(store: Store) -> dict[str, int]:
    tables = ("documents", "documents_fts", "events", "evidence", "attributions", "actor_candidates")
    return {t: store.connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def test_a_batch_goes_to_postgresql_through_copy_and_stays_searchable(postgres_url: str, monkeypatch) -> None:
    copied: list[str] = []
    original = PgConnection.copy_rows

    def spy(self, table, columns, rows):
        copied.append(table)
        return original(self, table, columns, rows)

    monkeypatch.setattr(PgConnection, "copy_rows", spy)
    rows = _triples(["a grenade attack in Quetta market", "a rocket strike near Khost"])
    with Store.open(postgres_url) as store:
        store.save_versioned(rows)
        assert set(copied) >= {"documents", "events", "evidence", "attributions"}
        assert [hit[0] for hit in store.search_documents("grenade")] == [rows[0][0].id]
        assert store.get_event(rows[1][1][0].id) == rows[1][1][0]
        assert _totals(store)["documents_fts"] == 2
        assert store.counts()["events"] == 2


def test_a_row_the_database_refuses_leaves_the_store_as_before_the_batch(store: Store) -> None:
    store.save_versioned(_triples(["an earlier batch about Kunduz"]))
    before = _totals(store)
    first, second = make_document("a raid in Jalalabad"), make_document("a raid in Kandahar")
    taken = make_event(first)
    clash = make_event(second, id=taken.id)  # one event id twice: the events table's key refuses it
    with pytest.raises(ConflictLensError) as raised:
        store.save_versioned([(first, [taken], "v1"), (second, [clash], "v1")])
    assert raised.value.code == "CL-E200"
    assert _totals(store) == before
    assert store.search_documents("Jalalabad") == []
    assert [hit[0] for hit in store.search_documents("Kunduz")]


def test_a_stream_cut_off_midway_leaves_the_store_as_before(store: Store) -> None:
    """What a killed import does to a COPY: the rows already sent are undone with the transaction."""
    store.save_versioned(_triples(["an earlier batch about Herat"]))
    before = _totals(store)
    doc = make_document("a batch that is cut off in Ghazni")
    flat = R.event_rows(make_event(doc), doc.id)

    def cut_off() -> Iterator[tuple]:
        yield flat.event
        raise KeyboardInterrupt  # the signal arrives while rows are on their way

    with pytest.raises(KeyboardInterrupt), store.transaction():
        store.save_prepared([R.prepare(doc, [], "v1")])  # the document of the events cut off
        insert_rows(store.connection, "events", R.EVENT_COLUMNS, cut_off())  # type: ignore[arg-type]
    assert _totals(store) == before
    store.save_versioned(_triples(["the next batch goes in"]))  # the connection is usable after
    assert _totals(store)["documents"] == before["documents"] + 1


def test_text_that_looks_like_copy_syntax_comes_back_as_written(store: Store) -> None:
    text = "tab\there, a newline\nthere, a backslash \\ and \\N, \\. alone, quotes \"'\" and Hérat"
    doc = make_document(text, title="\\N")
    store.save_versioned([(doc, [make_event(doc)], "v1")])
    assert store.get_document(doc.id) == doc
    assert store.get_event(make_event(doc).id) == make_event(doc)
