"""The store on both backends (SQLite, PostgreSQL): migrations, idempotent atomic saves, queries and error handling."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

import pytest
from store_helpers import make_document, make_event

from conflictlens.errors import ConflictLensError
from conflictlens.model.ids import content_hash
from conflictlens.model.records import DateInfo, Event, Location
from conflictlens.store import Store, sqlite as store_sqlite
from conflictlens.store import schema

TEXT_A = "A suicide bomber attacked the Maiduguri market on Tuesday, killing 12 people."
TEXT_B = "Gunmen from al-Shabaab stormed a hotel in Mogadishu; the attackers were killed."
TEXT_C = "Protesters gathered peacefully in Lagos to demand fuel subsidies."


class Boom(RuntimeError):
    """The failure injected mid-write."""


class ExplodingEvent(Event):
    """An event whose serialisation fails, to interrupt a save half-way."""

    def __getattribute__(self, name: str):
        if name == "claimed":
            raise Boom("injected failure")
        return super().__getattribute__(name)


@contextmanager
def raw(target: Path | str) -> Iterator[Any]:
    """A plain connection to the store's database: sqlite3 for a file, the store's own for a PostgreSQL URL."""
    if isinstance(target, Path):
        with closing(sqlite3.connect(target)) as conn, conn:
            yield conn
    else:
        with Store.open(target) as store:
            yield store.connection


def snapshot(path: Path) -> dict[str, list[tuple]]:
    """Every row of every data table, to prove a failed write changed nothing."""
    tables = ("documents", "events", "evidence", "attributions", "actors", "meta", "schema_migrations")
    with raw(path) as conn:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}


def fts_consistent(target: Path | str) -> None:
    with raw(target) as conn:
        if isinstance(target, Path):
            conn.execute("INSERT INTO documents_fts (documents_fts) VALUES ('integrity-check')")
        else:  # PostgreSQL: one index row per document
            assert conn.execute("SELECT count(*) FROM documents_fts").fetchone() == \
                conn.execute("SELECT count(*) FROM documents").fetchone()


# -- migrations and opening ------------------------------------------------------------------


def test_new_database_gets_every_migration(sqlite_path: Path) -> None:
    Store.open(sqlite_path).close()
    with raw(sqlite_path) as conn:
        rows = conn.execute("SELECT version, name, applied_at FROM schema_migrations").fetchall()
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    assert [(v, n) for v, n, _ in rows] == [(m.version, m.name) for m in schema.migrations()]
    assert rows[0][:2] == (1, "initial")
    assert rows[0][2].startswith("20")
    assert {"documents", "documents_fts", "events", "evidence", "actors", "attributions", "meta"} <= tables
    assert {"events_country_date", "events_perpetrator"} <= indexes
    assert mode == "wal"


def test_reopen_keeps_data_and_applies_nothing_twice(db_path: Path) -> None:
    doc = make_document(TEXT_A)
    with Store.open(db_path) as store:
        store.save_document_with_events(doc, [make_event(doc)], "v1")
    with Store.open(db_path) as store:
        assert store.get_document(doc.id) == doc
    with raw(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == schema.latest_version()
        assert conn.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] == schema.latest_version()


def test_foreign_keys_are_enforced(store: Store) -> None:
    with pytest.raises((sqlite3.IntegrityError, ConflictLensError)):
        store._conn.execute("INSERT INTO events (id, document_id, record) VALUES ('e', 'nope', '{}')")


def test_memory_database() -> None:
    doc = make_document(TEXT_A)
    with Store.open(":memory:") as store:
        assert store.save_document_with_events(doc, [make_event(doc)], "v1").status == "inserted"
        assert store.counts()["events"] == 1


def test_newer_schema_is_refused(db_path: Path) -> None:
    Store.open(db_path).close()
    with raw(db_path) as conn:
        conn.execute("INSERT INTO schema_migrations VALUES (999, 'future', '2099-01-01')")
    with pytest.raises(ConflictLensError) as err:
        Store.open(db_path)
    assert err.value.code == "CL-E201"
    assert "upgrade conflictlens" in err.value.message


def test_non_sqlite_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 10)
    before = path.read_bytes()
    with pytest.raises(ConflictLensError) as err:
        Store.open(path)
    assert err.value.code == "CL-E200"
    assert err.value.subject == str(path)
    assert "not a SQLite database" in err.value.message
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with raw(path) as conn:
        conn.execute("CREATE TABLE budget (item TEXT)")
    with pytest.raises(ConflictLensError) as err:
        Store.open(path)
    assert err.value.code == "CL-E200"
    assert "not created by conflictlens" in err.value.message


def test_directory_and_missing_parent_are_refused(tmp_path: Path) -> None:
    for bad in (tmp_path, tmp_path / "missing" / "x.db"):
        with pytest.raises(ConflictLensError) as err:
            Store.open(bad)
        assert err.value.code == "CL-E200"


def test_failed_migration_leaves_database_as_it_was(sqlite_path: Path, monkeypatch) -> None:
    Store.open(sqlite_path).close()
    bundled = schema.migrations()
    broken = schema.Migration(len(bundled) + 1, "broken", "CREATE TABLE half (x); SELECT * FROM no_such_table;")
    monkeypatch.setattr(schema, "migrations", lambda package=schema.SQLITE_MIGRATIONS: (*bundled, broken))
    with pytest.raises(ConflictLensError) as err:
        Store.open(sqlite_path)
    assert err.value.code == "CL-E200"
    with raw(sqlite_path) as conn:
        assert conn.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] == len(bundled)
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half'").fetchone()[0] == 0


def test_split_statements_keeps_triggers_whole() -> None:
    sql = (
        "-- a comment; with a semicolon\nCREATE TABLE t (x);\n"
        "CREATE TRIGGER g AFTER INSERT ON t BEGIN SELECT 1; SELECT ';'; END;\n-- trailing\n"
    )
    statements = schema.split_statements(sql)
    assert len(statements) == 2
    assert statements[1].strip().endswith("END;")


# -- saving ----------------------------------------------------------------------------------


def test_same_document_and_version_changes_nothing(store: Store, db_path: Path) -> None:
    doc = make_document(TEXT_A, title="Market bombing")
    first = store.save_document_with_events(doc, [make_event(doc), make_event(doc, 20)], "v1")
    assert (first.status, first.events) == ("inserted", 2)
    before = snapshot(db_path)
    again = store.save_document_with_events(doc, [make_event(doc, 40)], "v1")
    assert (again.status, again.events) == ("unchanged", 0)
    assert snapshot(db_path) == before


def test_new_extractor_version_replaces_events(store: Store, db_path: Path) -> None:
    doc = make_document(TEXT_A)
    old = [make_event(doc), make_event(doc, 20)]
    store.save_document_with_events(doc, old, "v1")
    ingested = snapshot(db_path)["documents"][0]
    new = make_event(doc, 40, perpetrator="ISWAP")
    result = store.save_document_with_events(doc, [new], "v2")
    assert (result.status, result.events) == ("updated", 1)
    assert store.get_event(old[0].id) is None and store.get_event(old[1].id) is None
    assert store.get_event(new.id).to_dict() == new.to_dict()
    assert store.meta("extractor_version") == "v2"
    rows = snapshot(db_path)
    assert len(rows["events"]) == 1
    assert len(rows["evidence"]) == 2  # the new event's two spans; the old ones cascaded away
    assert len(rows["attributions"]) == 1
    assert rows["documents"][0][10] == ingested[10]  # ingested_at is kept
    fts_consistent(db_path)


def test_failure_mid_insert_rolls_back(store: Store, db_path: Path) -> None:
    before = snapshot(db_path)
    doc = make_document(TEXT_A)
    bad = ExplodingEvent(id="evt_bad", document_id=doc.id)
    with pytest.raises(Boom):
        store.save_document_with_events(doc, [make_event(doc), bad], "v1")
    assert snapshot(db_path) == before
    assert store.get_document(doc.id) is None


def test_failure_mid_update_keeps_previous_events(store: Store, db_path: Path) -> None:
    doc = make_document(TEXT_A)
    store.save_document_with_events(doc, [make_event(doc)], "v1")
    before = snapshot(db_path)
    bad = ExplodingEvent(id="evt_bad", document_id=doc.id)
    with pytest.raises(Boom):  # fails after the old events were deleted
        store.save_document_with_events(doc, [make_event(doc, 20), bad], "v2")
    assert snapshot(db_path) == before
    assert store.save_document_with_events(doc, [], "v1").status == "unchanged"


def test_bulk_is_all_or_nothing(store: Store, db_path: Path) -> None:
    docs = [make_document(f"{TEXT_A} ({i})") for i in range(3)]
    bad = ExplodingEvent(id="evt_bad", document_id=docs[2].id)
    pairs = [(docs[0], [make_event(docs[0])]), (docs[1], []), (docs[2], [bad])]
    with pytest.raises(Boom):
        store.save_many(pairs, "v1")
    assert store.counts()["documents"] == 0
    with store.bulk():  # a caller that handles one failed save keeps the others
        for doc, events in pairs:
            try:
                store.save_document_with_events(doc, events, "v1")
            except Boom:
                pass
    assert store.counts()["documents"] == 2
    assert store.get_document(docs[2].id) is None


def test_save_many_reports_each_document(store: Store) -> None:
    doc_a, doc_b = make_document(TEXT_A), make_document(TEXT_B)
    store.save_document_with_events(doc_a, [], "v1")
    results = store.save_many([(doc_a, []), (doc_b, [make_event(doc_b)])], "v1")
    assert [r.status for r in results] == ["unchanged", "inserted"]


def test_event_of_another_document_is_refused(store: Store) -> None:
    doc_a, doc_b = make_document(TEXT_A), make_document(TEXT_B)
    with pytest.raises(ConflictLensError) as err:
        store.save_document_with_events(doc_a, [make_event(doc_b)], "v1")
    assert err.value.code == "CL-E400"
    assert store.counts()["documents"] == 0


def test_nan_value_is_refused(store: Store) -> None:
    doc = make_document(TEXT_A)
    with pytest.raises(ConflictLensError) as err:
        store.save_document_with_events(doc, [make_event(doc, confidence=float("nan"))], "v1")
    assert err.value.code == "CL-E400"
    assert store.counts()["documents"] == 0


def test_locked_database_becomes_coded_error(sqlite_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(store_sqlite, "_BUSY_TIMEOUT_S", 0.05)
    store = Store.open(sqlite_path)
    other = sqlite3.connect(sqlite_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        doc = make_document(TEXT_A)
        with pytest.raises(ConflictLensError) as err:
            store.save_document_with_events(doc, [], "v1")
        assert err.value.code == "CL-E200"
        assert "retry" in err.value.message
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert store.save_document_with_events(doc, [], "v1").status == "inserted"
    store.close()


def test_corrupt_database_becomes_coded_error(sqlite_path: Path) -> None:
    with Store.open(sqlite_path) as store:
        for i in range(50):
            doc = make_document(f"report {i} " * 200)
            store.save_document_with_events(doc, [make_event(doc)], "v1")
    with sqlite_path.open("r+b") as handle:  # keep the header, wreck the b-tree pages behind it
        handle.seek(4096 * 3)
        handle.write(b"\xff" * 4096 * 4)
    with pytest.raises(ConflictLensError) as err:
        with Store.open(sqlite_path) as store:
            store.counts()
            list(store.iter_events())
    assert err.value.code == "CL-E200"
    assert "restore it from a backup" in err.value.message


def test_actors_are_recorded_and_upserted(store: Store) -> None:
    doc = make_document(TEXT_A)
    store.save_document_with_events(doc, [make_event(doc)], "v1")
    store.save_actors([("Boko Haram", "rebel group", None), ("ISWAP", "rebel group", "Islamic State")])
    rows = store._conn.execute("SELECT name, actor_type, parent FROM actors ORDER BY name").fetchall()
    assert rows == [("Boko Haram", "rebel group", None), ("ISWAP", "rebel group", "Islamic State")]


# -- reading ---------------------------------------------------------------------------------


def test_event_round_trip(store: Store) -> None:
    doc = make_document(TEXT_A, title="Market bombing", url="https://example.org/a",
                        outlet="Example", published="2024-03-06", source_path="a.txt", external_id="A1")
    full = make_event(doc, summary="Ünïcode — “quotes” and 'apostrophes'", claimed=True)
    bare = Event(id="evt_bare", document_id=doc.id)
    store.save_document_with_events(doc, [full, bare], "v1")
    assert store.get_document(doc.id) == doc
    assert store.get_event(full.id).to_dict() == full.to_dict()
    assert store.get_event(bare.id).to_dict() == bare.to_dict()
    assert store.get_event("evt_missing") is None
    assert store.get_document("doc_missing") is None


def _events_fixture(store: Store) -> dict[str, Event]:
    doc_a, doc_b = make_document(TEXT_A), make_document(TEXT_B)
    events = {
        "ng_march": make_event(doc_a, 0),
        "ng_jan": make_event(doc_a, 20, date=DateInfo("2024-01-10", None, "day")),
        "so_feb": make_event(doc_b, 0, perpetrator="al-Shabaab", event_type="Battles",
                             date=DateInfo("2024-02-01", "2024-02-01", "day"),
                             location=Location("SO", "Banaadir", None, "Mogadishu")),
        "undated": make_event(doc_b, 20, date=DateInfo(), location=Location(), perpetrator=None),
    }
    store.save_document_with_events(doc_a, [events["ng_march"], events["ng_jan"]], "v1")
    store.save_document_with_events(doc_b, [events["so_feb"], events["undated"]], "v1")
    return events


def test_iter_events_filters_and_order(store: Store) -> None:
    ev = _events_fixture(store)

    def ids(**filters: object) -> list[str]:
        return [e.id for e in store.iter_events(**filters)]

    assert ids() == [ev[k].id for k in ("undated", "ng_jan", "so_feb", "ng_march")]
    assert ids(country="ng") == [ev["ng_jan"].id, ev["ng_march"].id]
    assert ids(since="2024-02-01") == [ev["so_feb"].id, ev["ng_march"].id]
    assert ids(until="2024-02-01") == [ev["ng_jan"].id, ev["so_feb"].id]
    assert ids(since="2024-01-11", until="2024-03-04") == [ev["so_feb"].id]
    assert ids(event_type="Battles") == [ev["so_feb"].id]
    assert ids(perpetrator="Boko Haram", limit=1) == [ev["ng_jan"].id]
    assert ids(country="SO", perpetrator="Boko Haram") == []
    assert ids(limit=0) == []
    # Events an analyst reassigned pass the perpetrator filter; the other filters still apply.
    assert ids(perpetrator="Boko Haram", including=[ev["so_feb"].id]) == [ev[k].id for k in ("ng_jan", "so_feb", "ng_march")]
    assert ids(perpetrator="Boko Haram", country="NG", including=[ev["so_feb"].id]) == [ev["ng_jan"].id, ev["ng_march"].id]


def test_iter_events_streams_and_validates(store: Store) -> None:
    _events_fixture(store)
    stream = store.iter_events()
    assert next(stream).id and not isinstance(stream, list)
    with pytest.raises(ConflictLensError) as err:
        store.iter_events(since="last tuesday")
    assert (err.value.code, err.value.subject) == ("CL-E108", "since")
    with pytest.raises(ConflictLensError) as err:
        store.iter_events(limit=-1)
    assert err.value.code == "CL-E400"


def test_counts_and_content_hash(store: Store) -> None:
    _events_fixture(store)
    store.save_document_with_events(make_document(TEXT_C), [], "v1")
    counts = store.counts()
    assert counts["documents"] == 3 and counts["events"] == 4
    assert counts["by_event_type"] == {"Explosions/Remote violence": 3, "Battles": 1}
    assert counts["by_country"] == {"NG": 2, "SO": 1, "unknown": 1}
    stored = {r[0] for r in store.connection.execute("SELECT content_hash FROM documents")}
    assert content_hash(TEXT_C) in stored
    assert content_hash(TEXT_C + "\n  \n") in stored  # same normalised text
    assert content_hash("unseen") not in stored


def test_search_documents(store: Store) -> None:
    doc_a = make_document(TEXT_A, title="Market bombing in Borno")
    doc_b = make_document(TEXT_B, title="Hotel siege")
    doc_c = make_document(TEXT_C)
    for doc in (doc_a, doc_b, doc_c):
        store.save_document_with_events(doc, [], "v1")
    hits = store.search_documents("maiduguri", 10)
    assert [(h[0], h[1]) for h in hits] == [(doc_a.id, "Market bombing in Borno")]
    assert "[Maiduguri]" in hits[0][2]
    assert [h[0] for h in store.search_documents("siege", 10)] == [doc_b.id]  # title
    # Porter stemming: "attack" finds "attacked" and "attackers".
    assert sorted(h[0] for h in store.search_documents("attack", 10)) == sorted([doc_a.id, doc_b.id])
    assert [h[0] for h in store.search_documents("al-Shabaab Mogadishu", 10)] == [doc_b.id]
    assert store.search_documents("maiduguri mogadishu", 10) == []  # every term must match
    assert len(store.search_documents("the", 1)) == 1
    fts_consistent(Path(store.path) if store.dialect.name == "sqlite" else store.path)


@pytest.mark.parametrize(
    "hostile",
    ['"', 'bomb"', 'NEAR(', "NEAR(bomb hotel", "bomb AND", "OR", "NOT", "(((", ")", "*", "^bomb",
     "title:bomb", "nosuchcolumn:bomb", "'; DROP TABLE documents; --", "", "   ", "\x00", "-bomb",
     "bomb*", "{title text}: bomb", "+", "market" * 500, " ".join(["x"] * 1000)],
)
def test_search_survives_hostile_queries(store: Store, hostile: str) -> None:
    doc = make_document(TEXT_A, title="Market bombing")
    store.save_document_with_events(doc, [], "v1")
    hits = store.search_documents(hostile, 5)
    assert isinstance(hits, list)
    assert store.counts()["documents"] == 1
