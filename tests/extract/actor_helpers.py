"""Who did it and whether it was claimed, per extracted event: shared by the news perpetrator tests of each session."""

from __future__ import annotations

from conflictlens.model.ids import document_id
from conflictlens.model.records import Document


def perpetrators_and_claims(extractor, text: str, published: str) -> list[tuple]:
    """(perpetrator, claimed) for each event the extractor gives for `text` published on `published`."""
    events = extractor.extract(Document(id=document_id(text), text=text, published=published))
    return [(e.perpetrator, e.claimed) for e in events]
