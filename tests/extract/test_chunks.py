"""Cutting long reports into parts at paragraph or sentence breaks, and moving events back (extract/chunks.py)."""

import pytest

from conflictlens.extract.chunks import chunk_spans, shift_event
from conflictlens.model.ids import event_id
from conflictlens.model.records import Event, Evidence


def covers(text, spans):
    return spans[0][0] == 0 and spans[-1][1] == len(text) and all(a[1] == b[0] for a, b in zip(spans, spans[1:]))


def test_short_text_is_one_part():
    assert chunk_spans("One sentence.", 100) == [(0, 13)]
    assert chunk_spans("", 100) == [(0, 0)]


def test_parts_end_after_paragraph_breaks():
    paragraph = "The council met. It discussed roads and schools at length."
    text = "\n\n".join([paragraph] * 50)
    spans = chunk_spans(text, 500)
    assert covers(text, spans) and all(e - s <= 500 for s, e in spans)
    assert all(text[s:e].startswith("The council met.") for s, e in spans)
    assert all(text[:e].endswith("\n\n") for _s, e in spans[:-1])


def test_without_paragraphs_parts_end_after_sentences():
    text = " ".join(["The council met on Monday."] * 100)
    spans = chunk_spans(text, 300)
    assert covers(text, spans) and all(e - s <= 300 for s, e in spans)
    assert all(text[s:e].startswith("The council") for s, e in spans)


def test_a_paragraph_break_far_back_gives_way_to_a_sentence_end():
    text = "Heading.\n\n" + " ".join(["A long sentence about the harvest."] * 40)
    [first, *_rest] = chunk_spans(text, 400)
    assert first[1] > 200 and text[: first[1]].endswith(". ")


def test_text_without_spaces_is_cut_at_the_limit():
    text = "x" * 1050
    assert chunk_spans(text, 500) == [(0, 500), (500, 1000), (1000, 1050)]


def test_limit_must_be_positive():
    with pytest.raises(ValueError):
        chunk_spans("text", 0)


def test_shift_event_moves_spans_and_id_to_the_whole_report():
    text = "Filler paragraph.\n\nA bomb exploded in Ghazni."
    offset = text.index("A bomb")
    section = text[offset:]
    event = Event(id=event_id("doc_1", 0, len(section)), document_id="doc_1")
    event.add_evidence("event_type", Evidence("doc_1", 2, 6, section[2:6]))
    event.extra["actor_candidates"] = [{"name": "X", "start": 19, "end": 25, "label": "ORG"}]
    moved = shift_event(event, offset, (0, len(section)), text)
    [ev] = moved.evidence["event_type"]
    assert text[ev.start: ev.end] == ev.text == "bomb"
    assert moved.id == event_id("doc_1", offset, len(text))
    assert moved.extra["actor_candidates"][0]["start"] == offset + 19
