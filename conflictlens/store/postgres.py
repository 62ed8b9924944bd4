"""A PostgreSQL store (`--db postgresql://user@host/dbname`): the connection the Store talks to.

`PgConnection` answers the few calls the store makes of a sqlite3 connection (execute, executemany,
in_transaction, close; cursors with fetchone/fetchall/fetchmany, lastrowid and rowcount), and says each
statement in PostgreSQL's words (`dialect.to_postgres`). psycopg is imported here only, when a
PostgreSQL store is opened: the SQLite path never loads it.

Writes take one advisory lock per store (the dialect's BEGIN IMMEDIATE), as SQLite's writer lock does:
several programs ingest, import and edit at once, their writes queue, and readers never wait.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from conflictlens.errors import ConflictLensError
from conflictlens.store.dialect import to_postgres
from conflictlens.store.schema import write_transaction

URL_SCHEMES = ("postgresql://", "postgres://")
_BEGIN_WRITE = "BEGIN IMMEDIATE"  # the store's write transactions (the dialect takes its write lock)
_NEXT_CHANGE = "SELECT nextval(to_regclass('store_changes'))"  # NULL before migration 0009
_CONNECT_TIMEOUT_S = 10
_FETCH = 500


def is_url(target: str) -> bool:
    """Whether a --db value names a PostgreSQL database rather than a SQLite file."""
    return target.startswith(URL_SCHEMES)


def shown(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


def _psycopg() -> Any:
    try:
        import psycopg
    except ImportError:
        raise ConflictLensError(
            "CL-E208", "PostgreSQL stores need psycopg; install it with `pip install 'conflictlens[postgres]'`",
            subject="--db") from None
    return psycopg


class PgCursor:
    """The result of one statement, read the way the store reads a sqlite3 cursor."""

    def __init__(self, cursor: Any, lastrowid: int | None, owner: PgConnection) -> None:
        self._cursor, self.lastrowid, self._owner = cursor, lastrowid, owner

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    def fetchone(self) -> tuple[Any, ...] | None:
        with self._owner.errors():
            return self._cursor.fetchone() if self._cursor.description else None

    def fetchall(self) -> list[tuple[Any, ...]]:
        with self._owner.errors():
            return self._cursor.fetchall() if self._cursor.description else []

    def fetchmany(self, size: int = _FETCH) -> list[tuple[Any, ...]]:
        with self._owner.errors():
            return self._cursor.fetchmany(size) if self._cursor.description else []

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        while batch := self.fetchmany(_FETCH):
            yield from batch

    def close(self) -> None:
        if self._owner.closed:
            return  # a stream abandoned after its store was closed: the server dropped its cursor
        try:
            self._cursor.close()
        except _psycopg().Error:
            # A stream's cursor opened in a transaction that failed is gone with it, and a failed
            # transaction refuses the CLOSE: the error that failed it is the one to report.
            pass


class PgConnection:
    """A psycopg connection in autocommit mode (transactions are the store's explicit BEGIN/COMMIT)."""

    def __init__(self, conn: Any, url: str) -> None:
        self._conn, self.url = conn, url
        self._streams = itertools.count(1)  # names of this connection's server-side cursors
        self._own_write: int | None = None  # the change count this connection's last write took
        self._others = 0  # how many times another program was seen to have written: data_version

    @property
    def in_transaction(self) -> bool:
        return self._conn.info.transaction_status != self._psycopg.pq.TransactionStatus.IDLE

    @property
    def _psycopg(self) -> Any:
        return _psycopg()

    def execute(self, sql: str, params: Sequence[Any] = ()) -> PgCursor:
        text, key = to_postgres(sql)
        cursor = self._conn.cursor()
        with self.errors():
            cursor.execute(text, tuple(params))
            lastrowid = cursor.fetchone()[0] if key and cursor.description else None
            if sql == _BEGIN_WRITE:
                self._count_write()
        return PgCursor(cursor, lastrowid, self)

    def _count_write(self) -> None:
        """Take the next change count, under the write lock just taken (migration 0009): a count other than
        one past this connection's last means another program wrote since."""
        taken = self._conn.execute(_NEXT_CHANGE).fetchone()[0]
        if taken is None or self._own_write is None or taken != self._own_write + 1:
            self._others += 1  # no counter yet (a store before 0009), first write, or someone else's write
        self._own_write = taken

    def data_version(self) -> int:
        """SQLite's PRAGMA data_version: changes when another program has written since this one last did
        (read inside a write transaction, as pipeline/incident_index.py does)."""
        return self._others

    def stream(self, sql: str, params: Sequence[Any] = ()) -> PgCursor:
        """A read whose rows stay on the server until fetched (a named cursor): fetchmany(n) brings n at a
        time, so a read of millions of rows holds one chunk in memory here. WITH HOLD: the cursor outlives
        the transaction it was opened in (the store commits while a stream is read); the server keeps
        the result (on disk past work_mem) until the stream is read or closed."""
        text, _ = to_postgres(sql)
        cursor = self._conn.cursor(name=f"conflictlens_stream_{next(self._streams)}", withhold=True)
        with self.errors():
            cursor.execute(text, tuple(params))
        return PgCursor(cursor, None, self)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        rows = list(rows)
        if not rows:
            return
        text, _ = to_postgres(sql)
        with self.errors(), self._conn.cursor() as cursor:
            cursor.executemany(text, rows)

    def copy_rows(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        """Write rows into `table` through one COPY stream: no round trip per row. A row the table refuses
        fails the whole COPY, and the store's transaction around it (writes.insert_rows) then undoes it."""
        statement = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
        with self.errors(), self._conn.cursor() as cursor, cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)

    def run_script(self, sql: str) -> None:
        """Run a whole file of statements (a migration): without parameters PostgreSQL takes several at once."""
        with self.errors():
            self._conn.execute(sql)

    def close(self) -> None:
        self._conn.close()

    @property
    def closed(self) -> bool:
        return bool(self._conn.closed)

    def errors(self) -> _Translated:
        return _Translated(self.url)


class _Translated:
    """Re-raise a psycopg error as a coded one that names the database (never its password)."""

    def __init__(self, url: str) -> None:
        self.url = url

    def __enter__(self) -> None:
        return None

    def __exit__(self, exc_type: Any, exc: BaseException | None, tb: object) -> bool:
        psycopg = _psycopg()
        if isinstance(exc, psycopg.OperationalError):
            raise ConflictLensError("CL-E207", f"the PostgreSQL server stopped answering ({_first_line(exc)}); "
                                    "check that it runs, then retry (nothing was written)", subject=shown(self.url)) from exc
        if isinstance(exc, (psycopg.errors.InsufficientPrivilege, psycopg.errors.ReadOnlySqlTransaction)):
            raise ConflictLensError("CL-E206", f"this PostgreSQL role or server may not write here "
                                    f"({_first_line(exc)}); ask for write access, or pass another --db",
                                    subject=shown(self.url)) from exc
        if isinstance(exc, (psycopg.IntegrityError, psycopg.errors.RaiseException)):
            # The code SQLite's constraint failures carry (store/failures.py), so callers see one answer.
            raise ConflictLensError("CL-E200", f"the store refused a record ({_first_line(exc)}); nothing was "
                                    "written", subject=shown(self.url)) from exc
        if isinstance(exc, psycopg.Error):
            raise ConflictLensError("CL-E209", f"PostgreSQL refused a statement ({_first_line(exc)}); nothing of "
                                    "this step was written: retry, or report it with the command you ran",
                                    subject=shown(self.url)) from exc
        return False


def open_stream(conn: Any, sql: str, params: Sequence[Any] = ()) -> Any:
    """A cursor to read a long result a chunk at a time (fetchmany): a server-side one on PostgreSQL; a
    sqlite3 cursor already steps through its result as it is fetched."""
    return conn.stream(sql, params) if isinstance(conn, PgConnection) else conn.execute(sql, params)


def data_version(conn: Any) -> int:
    """A count that changes when another connection has written (SQLite's own, or the change counter)."""
    return conn.data_version() if isinstance(conn, PgConnection) else conn.execute("PRAGMA data_version").fetchone()[0]


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def connect(url: str) -> PgConnection:
    """An open connection to the database at `url`, schema migrated; CL-E207 when none answers."""
    psycopg = _psycopg()
    try:
        conn = psycopg.connect(url, autocommit=True, connect_timeout=_CONNECT_TIMEOUT_S)
    except psycopg.Error as exc:
        raise ConflictLensError(
            "CL-E207", f"cannot connect to PostgreSQL ({_first_line(exc)}); check the URL "
            "(postgresql://user@host:port/dbname), that the server runs and that the database exists",
            subject=shown(url)) from exc
    _store_booleans_as_integers(conn, psycopg)
    return PgConnection(conn, url)


def _store_booleans_as_integers(conn: Any, psycopg: Any) -> None:
    """SQLite keeps True as 1: the store's flag columns are integers on both databases."""
    from psycopg.adapt import Dumper

    class BoolAsInt(Dumper):
        oid = psycopg.adapters.types["int4"].oid

        def dump(self, obj: bool) -> bytes:
            return b"1" if obj else b"0"

    conn.adapters.register_dumper(bool, BoolAsInt)




def migrate(conn: PgConnection, create: bool = True) -> int:
    """Apply pending PostgreSQL migrations (store/migrations/postgres/) in one transaction, under the store's
    write lock, and fold accents in search where it can; return the resulting schema version.
    `create=False`: CL-E214 when the database (schema) holds no store yet; reading never creates one."""
    from conflictlens.store.postgis import add_geography
    from conflictlens.store.schema import POSTGRES_MIGRATIONS, latest_version
    from conflictlens.store.schema import migrate as migrate_schema

    found = _current_version(conn, shown(conn.url))
    if found == 0 and not create:
        raise ConflictLensError(
            "CL-E214", "no conflictlens store in this PostgreSQL database (schema) yet; run `conflictlens "
            "ingest` or `conflictlens demo` with this --db first, or check the database name and search_path",
            subject=shown(conn.url))
    version = migrate_schema(conn, shown(conn.url), POSTGRES_MIGRATIONS, _current_version, PgConnection.run_script)
    fold_accents(conn, create=found < latest_version())
    add_geography(conn)
    return version


# Full-text search folds accents as SQLite's FTS5 does (remove_diacritics): "Herat" finds "Hérat". It
# takes PostgreSQL's `unaccent` extension, which only some roles may create: a new store tries to create
# it; where there is none the store searches without folding and says so (CL-E213 on search), and folds
# at the first open after a superuser ran `CREATE EXTENSION unaccent` in the database. The state is the
# catalogue's (does the store's text search configuration map words through unaccent?), never a row:
# `migrate` copies rows between stores whose servers differ.
_FOLDED = ("SELECT EXISTS (SELECT 1 FROM pg_ts_config_map AS m JOIN pg_ts_config AS c ON c.oid = m.mapcfg "
           "JOIN pg_ts_dict AS d ON d.oid = m.mapdict WHERE c.cfgname = 'conflictlens' "
           "AND c.cfgnamespace = current_schema()::regnamespace AND d.dictname = 'unaccent')")
_UNACCENT_SCHEMA = ("SELECT n.nspname::text FROM pg_ts_dict AS d JOIN pg_namespace AS n ON n.oid = d.dictnamespace "
                    "WHERE d.dictname = 'unaccent' ORDER BY n.nspname = 'public' DESC LIMIT 1")
# The extension goes to schema public where there is one: created in a store's own schema, dropping
# that store (DROP SCHEMA ... CASCADE) would take every other store's folding with it.
_CREATE_UNACCENT = ("SELECT 'CREATE EXTENSION IF NOT EXISTS unaccent' || CASE WHEN EXISTS "
                    "(SELECT 1 FROM pg_namespace WHERE nspname = 'public') THEN ' SCHEMA public' ELSE '' END")
_MAPPED_TOKENS = "asciiword, asciihword, hword_asciipart, word, hword, hword_part"


def accents_folded(conn: PgConnection) -> bool:
    """Whether this store's full-text search folds accents."""
    return bool(conn.execute(_FOLDED).fetchone()[0])


def fold_accents(conn: PgConnection, create: bool) -> None:
    """Make search fold accents where the unaccent extension is available (`create`: try to create it first),
    and re-index the stored documents. A role that may not write leaves it for the next writer."""
    if accents_folded(conn) or not (create or conn.execute(_UNACCENT_SCHEMA).fetchone()):
        return
    try:
        with write_transaction(conn):  # the store's write lock: one program folds, the others wait
            _fold_under_lock(conn, create)
    except ConflictLensError as exc:
        if exc.code != "CL-E206":
            raise


def _fold_under_lock(conn: PgConnection, create: bool) -> None:
    if accents_folded(conn):
        return  # another program folded it meanwhile
    if create and not conn.execute(_UNACCENT_SCHEMA).fetchone():
        conn.execute("SAVEPOINT unaccent")
        try:
            conn.execute(conn.execute(_CREATE_UNACCENT).fetchone()[0])
            conn.execute("RELEASE unaccent")
        except ConflictLensError:  # not allowed here, or not installed on the server: search unfolded
            conn.execute("ROLLBACK TO unaccent")
    found = conn.execute(_UNACCENT_SCHEMA).fetchone()
    if found:
        dictionary = '"' + found[0].replace('"', '""') + '".unaccent'
        conn.execute(f"ALTER TEXT SEARCH CONFIGURATION conflictlens ALTER MAPPING FOR {_MAPPED_TOKENS} "
                     f"WITH {dictionary}, english_stem_all")
        conn.execute("DELETE FROM documents_fts")
        conn.execute("INSERT INTO documents_fts (rowid, title, text) SELECT doc_no, title, text FROM documents")


def _current_version(conn: PgConnection, shown_url: str) -> int:
    """Schema version recorded in the database; 0 for a new one. Refuses a schema of other tables."""
    tables = {row[0] for row in conn.execute(
        "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema()")}
    if "schema_migrations" not in tables:
        if tables:
            raise ConflictLensError(
                "CL-E207", "this PostgreSQL database (schema) holds tables conflictlens did not make; pass a new "
                "database, or an existing conflictlens one", subject=shown_url)
        return 0
    return conn.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0]
