"""The pure data model: records, vocabularies and ids. Imports nothing else of ours."""

from conflictlens.model.ids import document_id, event_id
from conflictlens.model.records import (
    Attribution,
    Casualties,
    DateInfo,
    Document,
    Event,
    Evidence,
    Location,
)

__all__ = [
    "Attribution",
    "Casualties",
    "DateInfo",
    "Document",
    "Event",
    "Evidence",
    "Location",
    "document_id",
    "event_id",
]
