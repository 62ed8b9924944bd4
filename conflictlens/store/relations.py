"""Actor relations in the store (table `actor_relations`, migration 0004).

Relations are keyed by their deterministic ids. A report's relations are replaced as a whole when it
is extracted again, so nothing stale survives and re-ingesting the same report changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import fields
from datetime import date

import orjson

from conflictlens.errors import ConflictLensError
from conflictlens.model.relations import ActorRelation
from conflictlens.store.dialect import SQLITE
from conflictlens.store.failures import translated
from conflictlens.store.sqlite import Store
from conflictlens.store.writes import insert_rows

COLUMNS = ("id", "document_id", "event_id", "origin", "kind", "source", "target", "stance", "dimension",
           "support", "date_start", "date_end", "said_on", "reliability", "credibility", "record")
_INSERT = f"INSERT INTO actor_relations ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
_UPSERT = _INSERT + " ON CONFLICT (id) DO UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in COLUMNS[1:])
_ID_CHUNK = 500  # ids per look-up: SQLite caps the number of bound parameters
# The dates between which a relation is known to hold (ActorRelation.known_span, in SQL).
_LOW = "coalesce(date_start, said_on, date_end)"
_HIGH = "coalesce(date_end, max(coalesce(said_on, date_start), coalesce(date_start, said_on)))"


# The relation's fields its row's own columns hold (column -> field). The record keeps only the rest, and
# a reader puts the columns back (`_parse`): a store's relations are mostly an import's clashes, whose
# full record (its columns again, and the kind's `directed` and `polarity`) was 0.6 KB a row.
_IN_COLUMNS = {column: column for column in COLUMNS[:-1]} | {"date_start": "start", "date_end": "end"}
# (The kind's `directed` and `polarity` are properties, in to_dict's output only.)
_RECORDED = tuple(sorted(f.name for f in fields(ActorRelation) if f.name not in _IN_COLUMNS.values()))
_READ_COLUMNS = ", ".join(_IN_COLUMNS)


def relation_row(rel: ActorRelation) -> tuple:
    """The actor_relations row of a relation (pure: a worker process may build it)."""
    rest = {name: value for name in _RECORDED if (value := getattr(rel, name)) is not None}
    if rel.evidence is not None:
        rest["evidence"] = rel.evidence.to_dict()
    return (rel.id, rel.document_id, rel.event_id, rel.origin, rel.kind, rel.source, rel.target, rel.stance,
            rel.dimension, rel.support, rel.start, rel.end, rel.said_on, rel.reliability, rel.credibility,
            _json(rest))


def _json(data: dict) -> str:
    # orjson, keys sorted as before: the record of every clash an import derives goes through here.
    try:
        return orjson.dumps(data, option=orjson.OPT_SORT_KEYS).decode()
    except (orjson.JSONEncodeError, TypeError):
        return json.dumps(data, ensure_ascii=False, sort_keys=True)


def replace_document_relations(store: Store, document_id: str, relations: Iterable[ActorRelation]) -> int:
    """Make `relations` the stored relations of one document (text and event-derived); returns how many."""
    rows = [relation_row(r) for r in relations]
    with store.transaction():
        store.connection.execute("DELETE FROM actor_relations WHERE document_id = ?", (document_id,))
        store.connection.executemany(_UPSERT, rows)
    return len(rows)


def save_relations(store: Store, relations: Iterable[ActorRelation]) -> int:
    """Insert or update relations by id (for relations of imported events, which no report replaces)."""
    return save_relation_rows(store, [relation_row(r) for r in relations])


def save_relation_rows(store: Store, rows: Iterable[tuple]) -> int:
    """save_relations for relations already made rows by `relation_row`; a relation repeated in `rows`: the last wins.

    New ids are inserted plainly and only stored ones upserted: an upsert cost SQLite about 60%
    more per row, and the relations of an import are nearly all new (a revised row's old ones
    went with its event).
    """
    latest = list({row[0]: row for row in rows}.values())
    with store.transaction():
        stored = _stored_ids(store, [row[0] for row in latest])
        insert_rows(store.connection, "actor_relations", COLUMNS, [row for row in latest if row[0] not in stored])
        store.connection.executemany(_UPSERT, [row for row in latest if row[0] in stored])
    return len(latest)


def _stored_ids(store: Store, ids: list[str]) -> set[str]:
    if store.dialect is not SQLITE:  # one array: PostgreSQL plans 500 bound IN values slower than it looks them up
        rows = store.connection.execute("SELECT id FROM actor_relations WHERE id = ANY(?)", (ids,))
        return {r[0] for r in rows}
    found: set[str] = set()
    for i in range(0, len(ids), _ID_CHUNK):
        chunk = ids[i:i + _ID_CHUNK]
        sql = f"SELECT id FROM actor_relations WHERE id IN ({', '.join('?' * len(chunk))})"
        found.update(r[0] for r in store.connection.execute(sql, chunk))
    return found


def get_relation(store: Store, relation_id: str) -> ActorRelation | None:
    with translated(store.path):
        row = store.connection.execute(f"SELECT {_READ_COLUMNS}, record FROM actor_relations WHERE id = ?",
                                       (relation_id,)).fetchone()
    return _parse(row) if row else None


def iter_relations(store: Store, since: str | date | None = None, until: str | date | None = None,
                   actor: str | None = None, kinds: Iterable[str] = (),
                   document_id: str | None = None) -> Iterator[ActorRelation]:
    """Relations known to hold at some time in [since, until], involving `actor` when given, by id order."""
    where, params = [], []
    if since is not None:
        where.append(f"{_HIGH} >= ?")
        params.append(str(since))
    if until is not None:
        where.append(f"{_LOW} <= ?")
        params.append(str(until))
    if actor is not None:
        where.append("(source = ? OR target = ?)")
        params += [actor, actor]
    kinds = tuple(kinds)
    if kinds:
        where.append(f"kind IN ({', '.join('?' * len(kinds))})")
        params += list(kinds)
    if document_id is not None:
        where.append("document_id = ?")
        params.append(document_id)
    sql = (f"SELECT {_READ_COLUMNS}, record FROM actor_relations" + (f" WHERE {' AND '.join(where)}" if where else "")
           + " ORDER BY id")
    with translated(store.path):
        rows = store.connection.execute(sql, params).fetchall()
    return (_parse(row) for row in rows)


def _parse(row: tuple) -> ActorRelation:
    """The relation of a row (its columns, then its record: `_IN_COLUMNS`). A record written before the
    columns were left out of it holds them as well, with the same values: the columns win either way."""
    try:
        data = json.loads(row[-1])
        if not isinstance(data, dict):
            raise TypeError(f"the record is a JSON {type(data).__name__}, not an object")
        data.update(zip(_IN_COLUMNS.values(), row))
        return ActorRelation.from_dict(data)
    except (ValueError, KeyError, TypeError) as exc:
        raise ConflictLensError("CL-E753", f"the stored relation cannot be read ({exc}); re-ingest its report "
                                "to rebuild it", row[0]) from exc
