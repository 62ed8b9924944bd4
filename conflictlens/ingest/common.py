"""Helpers shared by the ingest readers: date checking and building a Document."""

from __future__ import annotations

import re
from datetime import date, datetime

from conflictlens.errors import ConflictLensError
from conflictlens.model.ids import document_id, normalise_text
from conflictlens.model.records import Document

# The longest report text read (characters, after normalising): about 5,000 pages. The extractor reads
# any length a section at a time in bounded memory, but the whole text is held, stored and indexed
# for search at once, and takes minutes to read past this size.
MAX_REPORT_CHARS = 10_000_000
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]")


def check_published(value: object, subject: str) -> str | None | ConflictLensError:
    """Return the ISO date (YYYY-MM-DD) or None; an ISO datetime is cut to its date part.

    Anything else is an error rather than a guess: a wrong publication date silently shifts
    every relative date ("on Tuesday") the extractor resolves against it.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        return _bad_date(repr(value), subject)
    text = value.strip()
    try:
        if _ISO_DATE.match(text):
            return date.fromisoformat(text).isoformat()
        if _ISO_DATETIME.match(text):
            return datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    return _bad_date(repr(text[:40]), subject)


def _bad_date(shown: str, subject: str) -> ConflictLensError:
    return ConflictLensError(
        "CL-E108",
        f"publication date {shown} is not a valid date; write it as YYYY-MM-DD (e.g. 2021-08-26) "
        "or leave it out",
        subject,
    )


def make_document(
    text: str,
    subject: str,
    *,
    published: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    source_path: str | None = None,
    external_id: str | None = None,
) -> Document | ConflictLensError:
    """Normalise the text, refuse it if empty or too long, and derive the content-based id."""
    body = normalise_text(text)
    if not body:
        return empty_error(subject)
    if len(body) > MAX_REPORT_CHARS:
        return too_long(len(body), subject)
    return Document(
        id=document_id(body),
        text=body,
        published=published,
        url=_clean(url),
        outlet=_clean(outlet),
        title=_clean(title),
        source_path=source_path,
        external_id=external_id,
    )


def empty_error(subject: str) -> ConflictLensError:
    return ConflictLensError(
        "CL-E103", "no report text found (empty or whitespace only); add the report text or remove the file",
        subject,
    )


def too_long(chars: int, subject: str) -> ConflictLensError:
    return ConflictLensError(
        "CL-E110",
        f"the report text has {chars:,} characters, over the limit of {MAX_REPORT_CHARS:,} per report; "
        "split it into parts (by chapter, day or page range) and ingest them as separate files",
        subject,
    )


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None
