"""Deterministic ids: the same report always yields the same document and event ids."""

from __future__ import annotations

import hashlib
import unicodedata


def normalise_text(text: str) -> str:
    """Canonical form used for hashing: NFC, unified newlines, trimmed trailing space."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def content_hash(text: str) -> str:
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def document_id(text: str) -> str:
    """A document is identified by its content, so re-ingesting it from another path changes nothing."""
    return "doc_" + content_hash(text)[:16]


def event_id(doc_id: str, anchor_start: int, anchor_end: int) -> str:
    """An event is identified by its document and the span of the sentence that anchors it."""
    key = f"{doc_id}:{anchor_start}:{anchor_end}".encode()
    return "evt_" + hashlib.sha256(key).hexdigest()[:16]
