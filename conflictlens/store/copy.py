"""Copying one store into another, whatever their databases (`conflictlens migrate`): every row of every
table, with its own keys, in one transaction of the target, and a count check before it commits."""

from __future__ import annotations

from conflictlens.errors import ConflictLensError
from conflictlens.store.failures import translated
from conflictlens.store.sqlite import Store
from conflictlens.store.writes import insert_rows

# Parents before the rows that refer to them. The full-text index is rebuilt from documents, and
# schema_migrations is the target's own.
TABLES = ("documents", "events", "event_rollup", "event_rollup_day", "event_rollup_totals", "evidence", "attributions",
          "actor_candidates", "actor_relations", "actors", "meta", "incidents", "incident_members", "incident_blocks", "incident_decisions", "incident_apart",
          "attribution_overrides", "source_grades", "confidential_documents", "confidential_persons",
          "ledger_secrets", "actor_edits", "api_tokens", "api_writes")
# The target's own secret is replaced by the source's: pseudonyms of confidential ids stay the same.
_REPLACED = ("ledger_secrets",)
_BATCH = 5_000
_INDEX_ALL = "INSERT INTO documents_fts (rowid, title, text) SELECT doc_no, title, text FROM documents"


def copy_store(source: Store, target: Store) -> dict[str, int]:
    """Copy every row of `source` into the empty store `target`; the rows per table. All or nothing:
    CL-E212 when the target holds data, CL-E211 (and nothing written) when a count differs after."""
    _check_empty(target)
    with target.transaction():
        for table in _REPLACED:
            target.connection.execute(f"DELETE FROM {table}")
        for table in TABLES:
            _copy_table(source, target, table)
        target.connection.execute(_INDEX_ALL)
        for statement in target.dialect.after_copy:
            target.connection.execute(statement)
        counts = {table: _count(source, table) for table in (*TABLES, "documents_fts")}
        copied = {table: _count(target, table) for table in counts}
        if copied != counts:
            wrong = ", ".join(f"{t}: {counts[t]} read, {copied[t]} written" for t in counts if copied[t] != counts[t])
            raise ConflictLensError("CL-E211", f"the copy does not hold every row ({wrong}); nothing was written: "
                                    "retry, and report it if it happens again", subject=target.path)
    return counts


def _check_empty(target: Store) -> None:
    holding = [t for t in TABLES if t not in _REPLACED and _count(target, t)]
    if holding:
        raise ConflictLensError("CL-E212", f"the target store already holds rows ({', '.join(holding)}); copy into "
                                "a new database (or an empty PostgreSQL schema)", subject=target.path)


def _copy_table(source: Store, target: Store, table: str) -> None:
    columns = [f'"{c}"' for c in _columns(source, table) if c in set(_columns(target, table))]
    with translated(source.path):
        cursor = source.connection.execute(f"SELECT {', '.join(columns)} FROM {table}")
        while rows := cursor.fetchmany(_BATCH):
            insert_rows(target.connection, table, columns, rows)  # COPY into PostgreSQL


def _columns(store: Store, table: str) -> list[str]:
    with translated(store.path):
        return [row[1] for row in store.connection.execute(f'PRAGMA table_info("{table}")')]


def _count(store: Store, table: str) -> int:
    with translated(store.path):
        return store.connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
