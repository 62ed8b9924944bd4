"""What the extractor reports as political violence for one text, shared by the gate's tests."""

from __future__ import annotations

from conflictlens.extract.build import VIOLENT_TYPES
from conflictlens.model.records import Document


def political_violence(extractor, doc_id: str, text: str) -> list:
    """The events of one document whose type is political violence (battles, violence against
    civilians, explosions/remote violence)."""
    events = extractor.extract(Document(id=doc_id, text=text))
    return [e for e in events if e.event_type in VIOLENT_TYPES]
