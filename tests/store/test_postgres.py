"""What is PostgreSQL's own: the dialect's rewrites, the schema twin, coded errors, and several writers at once."""

from __future__ import annotations

import threading

import pytest
from store_helpers import make_document, make_event

from conflictlens.errors import ConflictLensError
from conflictlens.store import Store, is_database_url, ledger
from conflictlens.store import schema
from conflictlens.store.dialect import to_postgres
from conflictlens.store.postgres import shown


def test_statements_are_said_in_postgresql_words() -> None:
    assert to_postgres("INSERT OR IGNORE INTO meta (key, value) VALUES (?, '1')") == (
        "INSERT INTO meta (key, value) VALUES (%s, '1') ON CONFLICT DO NOTHING", None)
    assert to_postgres("SELECT id FROM events WHERE perpetrator IN (SELECT value FROM json_each(?))")[0] == (
        "SELECT id FROM events WHERE perpetrator IN (SELECT value FROM json_array_elements_text(%s::json))")
    assert to_postgres("SELECT name FROM t WHERE name LIKE '%x%' ORDER BY date_start, id")[0] == (
        "SELECT name FROM t WHERE name LIKE '%%x%%' ORDER BY date_start NULLS FIRST, id")
    assert to_postgres("SELECT seq FROM m ORDER BY date_start DESC")[0].endswith("ORDER BY date_start DESC")
    sql, key = to_postgres("INSERT INTO actor_edits (op, name) VALUES (?, ?)")
    assert (sql, key) == ("INSERT INTO actor_edits (op, name) VALUES (%s, %s) RETURNING id", "id")
    assert to_postgres("BEGIN IMMEDIATE")[0].startswith("BEGIN; SELECT pg_advisory_xact_lock(")


def test_urls_are_told_from_files_and_shown_without_password() -> None:
    assert is_database_url("postgresql://ana@db/news") and is_database_url("postgres://db/news")
    assert not is_database_url("conflictlens.db") and not is_database_url("/data/postgresql.db")
    assert shown("postgresql://ana:s3cret@db:5432/news") == "postgresql://ana:***@db:5432/news"
    assert shown("postgresql://ana@db/news") == "postgresql://ana@db/news"


def test_both_schemas_have_the_same_migrations() -> None:
    sqlite = [(m.version, m.name) for m in schema.migrations()]
    assert [(m.version, m.name) for m in schema.migrations(schema.POSTGRES_MIGRATIONS)] == sqlite


def test_a_new_database_gets_every_migration_once(postgres_url: str) -> None:
    Store.open(postgres_url).close()
    with Store.open(postgres_url) as store:
        rows = store.connection.execute("SELECT version, name FROM schema_migrations ORDER BY version").fetchall()
    assert rows == [(m.version, m.name) for m in schema.migrations()]


def test_a_foreign_or_newer_database_is_refused(postgres_url: str) -> None:
    with Store.open(postgres_url) as store:
        store.connection.execute("INSERT INTO schema_migrations VALUES (999, 'future', '2099-01-01')")
    with pytest.raises(ConflictLensError) as err:
        Store.open(postgres_url)
    assert err.value.code == "CL-E201"


def test_a_database_of_other_tables_is_refused_and_left_alone(postgres_url: str) -> None:
    import psycopg
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE budget (item TEXT)")
    with pytest.raises(ConflictLensError) as err:
        Store.open(postgres_url)
    assert err.value.code == "CL-E207" and "did not make" in err.value.message
    with psycopg.connect(postgres_url) as conn:
        tables = conn.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                              "current_schema()").fetchall()
    assert tables == [("budget",)]


def test_no_server_is_a_coded_error_naming_no_password() -> None:
    with pytest.raises(ConflictLensError) as err:
        Store.open("postgresql://ana:s3cret@127.0.0.1:1/news")
    assert err.value.code == "CL-E207"
    assert "s3cret" not in str(err.value) and "check the URL" in err.value.message


def test_two_writers_and_an_analyst_at_once_lose_nothing(postgres_url: str) -> None:
    """Two importers and an analyst, each with its own connection, write at the same time."""
    Store.open(postgres_url).close()
    failures: list[BaseException] = []

    def importer(name: str) -> None:
        with Store.open(postgres_url) as store:
            for batch in range(5):
                docs = [make_document(f"{name} report {batch}-{i}: a clash near the border") for i in range(20)]
                store.save_versioned([(d, [make_event(d)], "v1") for d in docs])

    def analyst() -> None:
        with Store.open(postgres_url) as store:
            for i in range(40):
                ledger.set_source_grade(store, f"Outlet {i}", "B", "ana", "checked by hand")
                ledger.mark_person_confidential(store, f"Witness {i}", "ana", "asked")

    def run(work, *args) -> None:
        try:
            work(*args)
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread, which fails on it
            failures.append(exc)

    threads = [threading.Thread(target=run, args=(importer, "north")), threading.Thread(target=run, args=(importer, "south")),
               threading.Thread(target=run, args=(analyst,))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    with Store.open(postgres_url) as store:
        assert store.counts()["documents"] == 200 and store.counts()["events"] == 200
        assert len(ledger.source_grades(store)) == 40 and len(ledger.confidential_persons(store)) == 40
        indexed = store.connection.execute("SELECT count(*) FROM documents_fts").fetchone()[0]
        assert indexed == 200 and len(store.search_documents("border", 500)) == 200


def test_a_role_that_may_not_write_gets_the_read_only_error(postgres_url: str) -> None:
    Store.open(postgres_url).close()
    with Store.open(postgres_url) as store:
        store.connection.execute("SET default_transaction_read_only = on")
        doc = make_document("A report that cannot be written.")
        with pytest.raises(ConflictLensError) as err:
            store.save_document_with_events(doc, [make_event(doc)], "v1")
    assert err.value.code == "CL-E206"


def test_reading_an_empty_database_says_there_is_no_store_and_creates_nothing(postgres_url: str) -> None:
    from typer.testing import CliRunner

    from conflictlens.cli import app
    from conflictlens.pipeline.session import OPTIONAL, Session

    def tables() -> list[str]:
        import psycopg
        with psycopg.connect(postgres_url) as conn:
            return [r[0] for r in conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")]

    with pytest.raises(ConflictLensError) as raised:
        Store.open(postgres_url, create=False)
    assert raised.value.code == "CL-E214" and "conflictlens ingest" in raised.value.message
    for command in (["events"], ["search", "Kabul"], ["incidents", "list"]):
        result = CliRunner().invoke(app, ["--db", postgres_url, *command])
        assert result.exit_code != 0 and "CL-E214" in result.output, command
    assert Session(postgres_url, store=OPTIONAL).store is None
    assert tables() == []
    CliRunner().invoke(app, ["--db", postgres_url, "--quiet", "demo"], catch_exceptions=False)
    result = CliRunner().invoke(app, ["--db", postgres_url, "events"], catch_exceptions=False)
    assert result.exit_code == 0 and "schema_migrations" in tables()


def test_the_change_count_moves_only_when_another_program_wrote(postgres_url: str) -> None:
    """SQLite's PRAGMA data_version, on PostgreSQL (migration 0009): what lets an import keep its incident
    index across batches and still see another program's writes."""
    def version(store: Store) -> int:
        with store.transaction():  # read inside a write transaction, as the import's index does
            return store.incidents.data_version()

    with Store.open(postgres_url) as mine, Store.open(postgres_url) as other:
        seen = [version(mine), version(mine)]
        with other.transaction():
            other.connection.execute("INSERT INTO meta (key, value) VALUES ('desk', 'north')")
        seen += [version(mine), version(mine)]
    assert seen[0] == seen[1] != seen[2] == seen[3]
