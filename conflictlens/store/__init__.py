"""The `store` stage: a database of documents, events and their evidence: an embedded SQLite file, or a
shared PostgreSQL database (`Store.open("postgresql://...")`, store/postgres.py).

Outside the store, code uses the names below and the store's repositories (`store.incidents`,
`store.ledger`, `store.relations`, `store.actors`), never `store.rows`, `store.query` or `store.sqlite`.
"""

from conflictlens.store.copy import copy_store
from conflictlens.store.postgres import is_url as is_database_url
from conflictlens.store.postgres import shown as shown_database
from conflictlens.store.query import positive_limit
from conflictlens.store.rows import PreparedDocument, event_from_record, prepare, prepared_document, unchanged
from conflictlens.store.sqlite import INSERTED, MEMORY, STALE, UNCHANGED, UPDATED, SaveResult, Store

__all__ = ["INSERTED", "MEMORY", "STALE", "UNCHANGED", "UPDATED", "PreparedDocument", "SaveResult", "Store",
           "copy_store", "event_from_record", "is_database_url", "positive_limit", "prepare", "prepared_document",
           "shown_database", "unchanged"]
