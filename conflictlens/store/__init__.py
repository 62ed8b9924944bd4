"""The `store` stage: an embedded SQLite database of documents, events and their evidence."""

from conflictlens.store.sqlite import INSERTED, UNCHANGED, UPDATED, SaveResult, Store

__all__ = ["INSERTED", "UNCHANGED", "UPDATED", "SaveResult", "Store"]
