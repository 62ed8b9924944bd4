"""The `store` stage: a database of documents, events and their evidence: an embedded SQLite file, or a
shared PostgreSQL database (`Store.open("postgresql://...")`, store/postgres.py).

Outside the store, code uses the names below and the store's repositories (`store.incidents`,
`store.ledger`, `store.relations`, `store.actors`), never `store.rows`, `store.query` or `store.sqlite`.
"""

from conflictlens.store.postgres import is_url as is_database_url
from conflictlens.store.postgres import shown as shown_database
from conflictlens.store.query import positive_limit
from conflictlens.store.rows import PreparedDocument, event_from_record, prepare, prepared_document, unchanged
from conflictlens.store.sqlite import INSERTED, MEMORY, STALE, UNCHANGED, UPDATED, SaveResult, Store

__all__ = ["INSERTED", "is_database_url", "shown_database", "MEMORY", "STALE", "UNCHANGED", "UPDATED", "PreparedDocument", "SaveResult", "Store",
           "event_from_record", "positive_limit", "prepare", "prepared_document", "unchanged"]
