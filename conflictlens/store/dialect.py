"""What differs between the store's two databases, as data: SQLite (the embedded default) and PostgreSQL.

The store's modules write SQLite's SQL once. On PostgreSQL the connection (store/postgres.py) says each
statement in PostgreSQL's words through `to_postgres`, whose rewrites live in `data/postgres_dialect.json`;
the little that is not a rewrite (the full-text search statement) is a field of `Dialect`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_SQLITE_SEARCH = (
    "SELECT d.id, d.title, snippet(documents_fts, -1, '[', ']', '…', 16) "
    "FROM documents_fts JOIN documents AS d ON d.doc_no = documents_fts.rowid "
    "WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?"
)
_INSERT_INTO = re.compile(r"^\s*INSERT INTO (\w+)", re.IGNORECASE)


@dataclass(frozen=True)
class Dialect:
    name: str  # "sqlite" or "postgresql"
    search_sql: str  # (document id, title, snippet) best first; binds the match expression and a limit
    after_copy: tuple[str, ...] = ()  # run once rows were copied in with their own integer keys


SQLITE = Dialect("sqlite", _SQLITE_SEARCH)  # an INTEGER PRIMARY KEY carries on after the highest by itself


@dataclass(frozen=True)
class Rewrite:
    pattern: re.Pattern[str]
    replace: str


@lru_cache(maxsize=1)
def _postgres_data() -> dict:
    return json.loads(resources.files("conflictlens.store").joinpath("data/postgres_dialect.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def _rewrites() -> tuple[Rewrite, ...]:
    flags = {"s": re.DOTALL, "": 0}
    return tuple(Rewrite(re.compile(r["pattern"], flags[r.get("flags", "")]), r["replace"])
                 for r in _postgres_data()["rewrites"])


@lru_cache(maxsize=1)
def postgresql() -> Dialect:
    return Dialect("postgresql", _postgres_data()["search"], tuple(_postgres_data()["after_copy"]))


@lru_cache(maxsize=2048)  # a pure function of the statement text: the store says few distinct statements
def to_postgres(sql: str) -> tuple[str, str | None]:
    """`sql` in PostgreSQL's words with `%s` placeholders, and the key column an INSERT should hand
    back (None when it hands back nothing)."""
    text = sql.replace("%", "%%")  # a literal % (LIKE '%x%'), since % now marks placeholders
    for rewrite in _rewrites():
        text = rewrite.pattern.sub(rewrite.replace, text)
    text = text.replace("?", "%s")
    into = _INSERT_INTO.match(text)
    key = _postgres_data()["returning"].get(into[1]) if into else None
    if key:
        text = f"{text.rstrip().rstrip(';')} RETURNING {key}"
    return text, key
