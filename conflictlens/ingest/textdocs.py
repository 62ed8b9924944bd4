"""Plain-text and Markdown reports, with an optional front-matter header.

Front matter is a block of ``Key: value`` lines at the very top of the file, ended by a blank
line. Recognised keys (case-insensitive): ``Title``, ``Published`` (YYYY-MM-DD), ``URL``,
``Outlet``. The block may also be fenced by ``---`` lines, as in Markdown front matter.
Unknown keys inside the block are ignored. Example::

    Title: Blast kills five in Kabul
    Published: 2021-05-08
    URL: https://example.org/kabul-blast
    Outlet: Kabul Wire

    KABUL, May 8 (Kabul Wire) - A bomb exploded ...

The title may also come from the body: in Markdown the first line if it starts with ``# ``
(removed even when the header has a ``Title``, which wins); without a ``Title`` key, in plain text the first line if it is short, does not end like a sentence
and is followed by a blank line. A title taken from the body is removed from the text, so the
headline is not read twice as a second account of the same incident.
"""

from __future__ import annotations

import re

from conflictlens.errors import ConflictLensError
from conflictlens.ingest.common import check_published, make_document
from conflictlens.model.records import Document

FRONT_MATTER_KEYS = ("title", "published", "url", "outlet")
_KEY_LINE = re.compile(r"^([A-Za-z][A-Za-z _-]{0,30}):[ \t]*(.*)$")
_TITLE_MAX = 150
_SENTENCE_END = (".", "!", "?", ";", ",", ":", '"', "\u201d")


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Return (header fields, body). Text without a recognised header comes back unchanged."""
    lines = text.split("\n")
    fenced = bool(lines) and lines[0].strip() == "---"
    start = 1 if fenced else 0
    fields: dict[str, str] = {}
    for index in range(start, len(lines)):
        line = lines[index].strip()
        if (fenced and line == "---") or (not fenced and not line):
            if not fields:
                return {}, text
            return fields, "\n".join(lines[index + 1 :])
        match = _KEY_LINE.match(line)
        if match is None:
            return {}, text
        key = match.group(1).strip().lower()
        if index == start and key not in FRONT_MATTER_KEYS:
            return {}, text  # prose that merely starts with "Word:" is not a header
        if key in FRONT_MATTER_KEYS:
            fields[key] = match.group(2).strip()
    # a header with no body after it leaves nothing to read
    return (fields, "") if fields and not fenced else ({}, text)


def title_from_body(body: str, markdown: bool) -> tuple[str | None, str]:
    """Take a headline off the top of the body, if there is one."""
    stripped = body.lstrip("\n")
    first, _, rest = stripped.partition("\n")
    line = first.strip()
    if not rest.strip():
        return None, body  # a lone line is the report itself, not a headline over nothing
    if markdown and line.startswith("# "):
        return line[2:].strip() or None, rest
    if markdown or not line or len(line) > _TITLE_MAX or line.endswith(_SENTENCE_END):
        return None, body
    if not rest.startswith("\n"):
        return None, body  # not followed by a blank line: it is the first paragraph
    return line, rest


def parse_text_document(
    text: str, subject: str, *, markdown: bool, source_path: str | None
) -> Document | ConflictLensError:
    fields, body = split_front_matter(text)
    published = check_published(fields.get("published"), subject)
    if isinstance(published, ConflictLensError):
        return published
    title = fields.get("title") or None
    if title is None or markdown:
        # a Markdown "# " heading is always the headline, even under a front-matter title
        heading, body = title_from_body(body, markdown)
        title = title or heading
    return make_document(
        body,
        subject,
        published=published,
        url=fields.get("url"),
        outlet=fields.get("outlet"),
        title=title,
        source_path=source_path,
    )
