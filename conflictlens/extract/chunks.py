"""Long reports in parts: cut a text at paragraph or sentence breaks, and move events back to the whole.

Transcripts, PDF dumps and bulletins run to millions of characters. spaCy refuses a text over its
`max_length` (E088) and needs memory in proportion to the characters it tags at once, and some of our
own rules compare every sentence with every place or date of the text. A long report is therefore
read a section at a time (`Extractor`), each section like a report of its own, and the events found
in it are moved back to offsets in the whole report (`shift_event`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Iterator

from conflictlens.extract.patterns import compile_pattern
from conflictlens.extract.dates.mentions import ResolvedDate
from conflictlens.model.ids import event_id
from conflictlens.model.records import Document, Event, Evidence

# Breaks in order of preference; a section never ends inside a word unless the text has no space at all.
# A line break comes after a sentence end: PDF dumps wrap lines in the middle of sentences.
_PARAGRAPH = compile_pattern(r"\n[ \t]*\n\s*")
_SENTENCE = compile_pattern(r"[.!?][\"'”’)]*\s+")
_LINE = compile_pattern(r"\n\s*")
_SPACE = compile_pattern(r"\s+")
_BREAKS = (_PARAGRAPH, _SENTENCE, _LINE, _SPACE)
# A part cut shorter than this share of the limit is a sign the preferred break is too far back.
_MIN_SHARE = 0.5


def chunk_spans(text: str, limit: int) -> list[tuple[int, int]]:
    """Spans [start, end) of at most `limit` characters that cover `text` end to end, each ending
    after a paragraph break if there is one in the second half of its window, else after a sentence
    end, a line break or a space, else at the limit itself."""
    if limit < 1:
        raise ValueError("limit must be positive")
    spans, start = [], 0
    while len(text) - start > limit:
        end = _cut(text, start, start + limit)
        spans.append((start, end))
        start = end
    if start < len(text) or not spans:
        spans.append((start, len(text)))
    return spans


def _cut(text: str, start: int, hard_end: int) -> int:
    """Where the part that starts at `start` ends: after the last break of the best kind found
    in the second half of its window."""
    floor = start + max(1, int((hard_end - start) * _MIN_SHARE))
    for pattern in _BREAKS:
        last = None
        for last in pattern.finditer(text, floor, hard_end):
            pass
        if last is not None:
            return last.end()
    return hard_end


def shift_event(event: Event, offset: int, anchor: tuple[int, int], text: str) -> Event:
    """The event of a section of `text` starting at `offset`, with every span counted in the whole report.

    `anchor` is the span (in the section) of the sentence the event's id is made from; ids stay
    deterministic and say where in the whole report the event was told. Evidence texts are read
    again from the whole report: a date taken from an earlier section's event lies outside this one."""
    if offset == 0:
        return event
    event.id = event_id(event.document_id, anchor[0] + offset, anchor[1] + offset)
    event.evidence = {name: [_shift(ev, offset, text) for ev in spans] for name, spans in event.evidence.items()}
    candidates = event.extra.get("actor_candidates")
    if candidates:
        event.extra["actor_candidates"] = [{**c, "start": c["start"] + offset, "end": c["end"] + offset}
                                           for c in candidates]
    return event


def _shift(ev: Evidence, offset: int, text: str) -> Evidence:
    start, end = ev.start + offset, ev.end + offset
    return replace(ev, start=start, end=end, text=text[start:end])


def shift_date(resolved: ResolvedDate | None, offset: int) -> ResolvedDate | None:
    """A resolved date with its mention's span moved by `offset` (from a section to the whole report
    or back), so the next section's events can point at it."""
    if resolved is None or resolved.mention is None or offset == 0:
        return resolved
    m = resolved.mention
    return replace(resolved, mention=replace(m, start=m.start + offset, end=m.end + offset))


def document_batches(docs: Iterable[Document], size: int, chars: int) -> Iterator[list[Document]]:
    """Consecutive documents, until `size` of them or `chars` characters of text."""
    batch: list[Document] = []
    total = 0
    for doc in docs:
        batch.append(doc)
        total += len(doc.text)
        if len(batch) >= size or total >= chars:
            yield batch
            batch, total = [], 0
    if batch:
        yield batch


def char_batches(pieces: list[tuple[int, int, str]], budget: int) -> Iterator[list[tuple[int, int, str]]]:
    """Consecutive pieces, at most `budget` characters a batch (a longer piece goes alone)."""
    group: list[tuple[int, int, str]] = []
    size = 0
    for piece in pieces:
        if group and size + len(piece[2]) > budget:
            yield group
            group, size = [], 0
        group.append(piece)
        size += len(piece[2])
    if group:
        yield group
