"""A fingerprint of a store's resolution, to check that two checkouts' re-resolves stored the same thing.

    python benchmarks/incident_dump.py STORE.db [OTHER.db]

Prints, per table, the row count and a SHA-256 of every row in rowid order (the incident tables without
their timestamp columns, the events and the meta table), and one of every schema entry (tables and
indexes, with their SQL). With two stores, says whether they are identical. Run both re-resolves with
PYTHONHASHSEED=0 (e.g. `resolve_scale.py --stores N --against CHECKOUT --keep DIR --keep-copies`).
"""

from __future__ import annotations

import hashlib
import sqlite3
import sys
from contextlib import closing

TABLES = (("incidents", "id, record, size, date_start, country"), ("incident_blocks", "key, event_id"),
          ("incident_members", "event_id, incident_id, document_id, profile, source, decision, linked_by, "
                               "pinned, seq"),
          ("events", "id, record"), ("meta", "key, value"))


def fingerprint(path: str) -> dict[str, tuple[int, str]]:
    out: dict[str, tuple[int, str]] = {}
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        for table, columns in TABLES:
            digest, count = hashlib.sha256(), 0
            for row in conn.execute(f"SELECT {columns} FROM {table} ORDER BY rowid"):
                digest.update(repr(row).encode())
                count += 1
            out[table] = (count, digest.hexdigest()[:20])
        schema = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name").fetchall()
        out["schema"] = (len(schema), hashlib.sha256(repr(schema).encode()).hexdigest()[:20])
    return out


def main() -> None:
    prints = [fingerprint(path) for path in sys.argv[1:3]]
    for table, (count, digest) in prints[0].items():
        print(f"{table:<18} {count:>10,} rows  {digest}")
    if len(prints) == 2:
        print("identical" if prints[0] == prints[1] else
              f"DIFFERENT: {[t for t in prints[0] if prints[0][t] != prints[1][t]]}")


if __name__ == "__main__":
    main()
