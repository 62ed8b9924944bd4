"""The event filters of the API (the CLI's, plus admin1 and text), cursors, and pages of events."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import hmac
import json
from dataclasses import dataclass
from itertools import islice
from typing import Any, Iterator, Optional

from conflictlens.errors import ConflictLensError
from conflictlens.model.records import Event
from conflictlens.model.text import fold
from conflictlens.pipeline.areas import areas_of
from conflictlens.pipeline.session import Session

TEXT_HITS = 5000  # documents a text filter looks among (full-text search, best first)


@dataclass(frozen=True)
class EventQuery:
    """Filters as users write them: country (code or name), admin1, actor (any registry name), type (ACLED
    or GTD label), since/until (dates), text (words every source report contains), and the areas
    bbox (WEST,SOUTH,EAST,NORTH) and near (LAT,LON,KM): pipeline/areas.py."""

    country: str | None = None
    admin1: str | None = None
    actor: str | None = None
    event_type: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    text: str | None = None
    bbox: str | None = None
    near: str | None = None

    def any(self) -> bool:
        return any(v not in (None, "") for v in vars(self).values())


def select_events(session: Session, query: EventQuery, limit: int | None = None,
                  after: tuple[str | None, str] | None = None) -> Iterator[Event]:
    """Events as they may leave, matching every filter; at most `limit` when given; only those after the
    position `after` (date_start, stored id) in the date order when given."""
    if query.since and query.until and query.since > query.until:
        raise ConflictLensError("CL-E901", "since is after until; swap them", "since")
    exact = not (query.admin1 or query.text)  # the store can stop at `limit` only when it filters alone
    rows = session.events(country=query.country or None, event_type=query.event_type or None,
                          perpetrator=query.actor or None, since=_iso(query.since), until=_iso(query.until),
                          limit=limit if exact else None, after=after,
                          areas=areas_of(query.bbox or None, query.near or None))
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


Position = tuple[Optional[str], str]  # (date_start, real event id): where a page ends in the date order


def encode_cursor(session: Session, last: Event) -> str:
    """An opaque cursor for the page after `last`: its date and id as shown (a confidential event's
    pseudonym, never its real id), signed with the store's secret so that no other server's cursor,
    nor an edited one, is taken."""
    payload = base64.urlsafe_b64encode(json.dumps({"d": last.date.start, "i": last.id}).encode()).decode()
    payload = payload.rstrip("=")
    return f"{payload}.{_signature(session, payload)}"


def decode_cursor(session: Session, cursor: str | None) -> Position | None:
    """The position a cursor stands for (None without one); CL-E904 for a cursor this server did not give."""
    if not cursor:
        return None
    payload, _, signature = cursor.partition(".")
    try:
        fields = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        day, shown_id = fields["d"], fields["i"]
    except (binascii.Error, ValueError, TypeError, KeyError, UnicodeDecodeError):
        day = shown_id = None
    signed = hmac.compare_digest(signature.encode(), _signature(session, payload).encode())  # bytes: any text
    if not (signed and isinstance(shown_id, str) and (day is None or isinstance(day, str))):
        raise ConflictLensError("CL-E904", "use the next_cursor value of the previous page as it was given",
                                "cursor")
    return day, _real_id(session, shown_id)


def _signature(session: Session, payload: str) -> str:
    key = session.policy.secret.encode()
    return hmac.new(key, b"events-cursor:" + payload.encode(), hashlib.sha256).hexdigest()[:32]


def _real_id(session: Session, shown_id: str) -> str:
    """The stored id of an event shown under `shown_id` (its pseudonym when confidential)."""
    policy = session.policy
    if shown_id in policy.events:  # a real id never reaches a cursor for these; still, keep the order
        return shown_id
    return next((real for real in policy.events if policy.pseudonym(real) == shown_id), shown_id)


def page_of(session: Session, query: EventQuery, size: int, cursor: str | None) -> tuple[list[Event], str | None]:
    """One page of events and the cursor of the next one (None on the last page). The cursor is a place
    in the (date, id) order, not an offset: events stored meanwhile never repeat or hide others."""
    after = decode_cursor(session, cursor)
    rows = list(select_events(session, query, size + 1, after=after))
    more = len(rows) > size
    return rows[:size], encode_cursor(session, rows[size - 1]) if more else None


def event_json(event: Event) -> dict[str, Any]:
    return event.to_dict()
