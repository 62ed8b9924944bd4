"""Reads that stream (iter_events, iter_incidents) hold one chunk of rows in memory on both databases:
on PostgreSQL through a named (server-side) cursor fetched a chunk at a time."""

from __future__ import annotations

from conflictlens.store import Store
from conflictlens.store.postgres import PgConnection, PgCursor
from store_helpers import make_document, make_event

EVENTS = 1_200


def _fill(store: Store) -> list[str]:
    docs = [make_document(f"report number {i} from the desk") for i in range(EVENTS)]
    store.save_versioned([(d, [make_event(d)], "v1") for d in docs])
    return sorted(make_event(d).id for d in docs)  # one date for all: the order is the ids'


def _server_cursors(store: Store) -> list[tuple[str, bool]]:
    return [tuple(r) for r in store.connection.execute("SELECT name, is_holdable FROM pg_cursors ORDER BY name")]


def test_iter_events_reads_a_named_cursor_a_chunk_at_a_time(postgres_url: str, monkeypatch) -> None:
    fetched: list[int] = []
    original = PgCursor.fetchmany

    def spy(self, size=500):
        rows = original(self, size)
        if getattr(self._cursor, "name", None):  # a server-side cursor's FETCH
            fetched.append(len(rows))
        return rows

    monkeypatch.setattr(PgCursor, "fetchmany", spy)
    with Store.open(postgres_url) as store:
        ids = _fill(store)
        stream = store.iter_events()
        assert next(stream).id == ids[0]
        (name, holdable), = _server_cursors(store)  # the rows wait on the server
        assert name.startswith("conflictlens_stream_") and holdable
        assert fetched == [500]  # one chunk here, not the whole result
        with store.transaction():  # a write while the stream is open: the held cursor outlives the commit
            store.connection.execute("INSERT INTO meta (key, value) VALUES ('streamed', '1')")
        assert [ids[0], *(e.id for e in stream)] == ids
        assert fetched == [500, 500, 200, 0] and _server_cursors(store) == []  # closed when read out


def test_an_abandoned_stream_closes_its_cursor(postgres_url: str) -> None:
    with Store.open(postgres_url) as store:
        _fill(store)
        stream = store.iter_events(limit=700)
        next(stream)
        stream.close()
        assert _server_cursors(store) == []
        stream = store.iter_events()
        next(stream)
    del stream  # finalised after its store was closed: nothing to close, no error


def test_streamed_reads_give_the_same_events_on_both_databases(store: Store) -> None:
    ids = _fill(store)
    assert [e.id for e in store.iter_events()] == ids
    assert [e.id for e in store.iter_events(limit=3)] == ids[:3]


def test_only_postgresql_connections_stream_from_the_server(sqlite_store: Store) -> None:
    assert not isinstance(sqlite_store.connection, PgConnection)


def test_a_stream_opened_in_a_transaction_that_fails_reports_the_failure(postgres_url: str) -> None:
    import pytest

    from conflictlens.errors import ConflictLensError

    with Store.open(postgres_url) as store:
        _fill(store)
        with pytest.raises(ConflictLensError) as raised, store.transaction():
            stream = store.iter_events()
            next(stream)
            store.connection.execute("INSERT INTO meta (key) VALUES ('no value')")  # refused: NOT NULL
        assert raised.value.code == "CL-E200"
        stream.close()  # its cursor went with the transaction: closing it is quiet
        assert len(list(store.iter_events(limit=5))) == 5
