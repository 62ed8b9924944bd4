"""The event filters of the API (the CLI's, plus admin1 and text), cursors, and pages of events."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from dataclasses import dataclass
from itertools import islice
from typing import Any, Iterator

from conflictlens.errors import ConflictLensError
from conflictlens.model.records import Event
from conflictlens.model.text import fold
from conflictlens.pipeline.session import Session

TEXT_HITS = 5000  # documents a text filter looks among (full-text search, best first)


@dataclass(frozen=True)
class EventQuery:
    """Filters as users write them: country (code or name), admin1, actor (any registry name), type (ACLED
    or GTD label), since/until (dates) and text (words every source report contains)."""

    country: str | None = None
    admin1: str | None = None
    actor: str | None = None
    event_type: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    text: str | None = None

    def any(self) -> bool:
        return any(v not in (None, "") for v in vars(self).values())


def select_events(session: Session, query: EventQuery, limit: int | None = None) -> Iterator[Event]:
    """Events as they may leave, matching every filter; at most `limit` when given."""
    if query.since and query.until and query.since > query.until:
        raise ConflictLensError("CL-E901", "since is after until; swap them", "since")
    exact = not (query.admin1 or query.text)  # the store can stop at `limit` only when it filters alone
    rows = session.events(country=query.country or None, event_type=query.event_type or None,
                          perpetrator=query.actor or None, since=_iso(query.since), until=_iso(query.until),
                          limit=limit if exact else None)
    if query.admin1:
        wanted = fold(query.admin1)
        rows = (e for e in rows if fold(e.location.admin1 or "") == wanted)
    if query.text:
        documents = _documents_with(session, query.text)
        rows = (e for e in rows if e.document_id in documents)
    return rows if exact or limit is None else islice(rows, limit)


def _documents_with(session: Session, words: str) -> frozenset[str]:
    """Documents whose text has every word (a confidential report's hit carries no id: never matched)."""
    hits = session.public.search(words, TEXT_HITS)
    return frozenset(h["document_id"] for h in hits if h["document_id"])


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"o": offset}).encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int:
    """The offset a cursor stands for (0 without one); CL-E904 for a cursor this server did not give."""
    if not cursor:
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        offset = json.loads(raw)["o"]
    except (binascii.Error, ValueError, TypeError, KeyError, UnicodeDecodeError):
        offset = None
    if not isinstance(offset, int) or isinstance(offset, bool) or offset < 0:
        raise ConflictLensError("CL-E904", "use the next_cursor value of the previous page as it was given",
                                "cursor")
    return offset


def page_of(session: Session, query: EventQuery, size: int, cursor: str | None) -> tuple[list[Event], str | None]:
    """One page of events and the cursor of the next one (None on the last page)."""
    offset = decode_cursor(cursor)
    rows = list(islice(select_events(session, query, offset + size + 1), offset, offset + size + 1))
    more = len(rows) > size
    return rows[:size], encode_cursor(offset + size) if more else None


def event_json(event: Event) -> dict[str, Any]:
    return event.to_dict()
