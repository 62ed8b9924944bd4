"""The `store` stage: an embedded SQLite database of documents, events and their evidence."""

from conflictlens.store.sqlite import INSERTED, STALE, UNCHANGED, UPDATED, SaveResult, Store

__all__ = ["INSERTED", "STALE", "UNCHANGED", "UPDATED", "SaveResult", "Store"]
