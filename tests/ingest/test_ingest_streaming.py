"""JSONL is streamed, hostile text does not crash, and batch lines round-trip."""

from __future__ import annotations

import json
import tracemalloc

from hypothesis import given, settings
from hypothesis import strategies as st
from ingest_helpers import only, read_all

from conflictlens.errors import ConflictLensError
from conflictlens.ingest import iter_documents, parse_batch_line
from conflictlens.model.ids import document_id, normalise_text
from conflictlens.model.records import Document

LINES = 200_000


def test_jsonl_streaming_memory_is_bounded(tmp_path):
    path = tmp_path / "big.jsonl"
    pad = "A roadside bomb struck a police vehicle in Nangarhar province on Tuesday. " * 2
    with path.open("w", encoding="utf-8") as out:
        for i in range(LINES):
            out.write(json.dumps({"id": f"r{i}", "text": f"{pad}{i}", "published": "2021-05-08"}) + "\n")
    size = path.stat().st_size
    assert size > 30_000_000
    count = 0
    tracemalloc.start()
    try:
        for item in iter_documents([path]):
            assert isinstance(item, Document)
            count += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == LINES
    assert peak < 2_000_000, f"peak {peak} bytes for a {size}-byte file"


HOSTILE = [
    "x" * 2_000_000,  # one huge line
    "Bomb\u0007 in\u001b[31m Kabul\u0008 \u000b\u000c killed two.",
    "\u0627\u0646\u0641\u062c\u0627\u0631 \u062f\u0631 \u06a9\u0627\u0628\u0644 \u202eevil\u202c text",
    "Zero\u200bwidth\u200d\u2060joiners\ufeff and \u00a0nbsp",
    "Line\u2028separator\u2029and\u0085NEL",
    "\U0001F4A3 emoji and lone surrogate-free astral \U00010000",
]


def test_hostile_strings_do_not_crash(write):
    for index, text in enumerate(HOSTILE):
        for name, content in (
            (f"h{index}.txt", text),
            (f"h{index}.md", "# " + text),
            (f"h{index}.html", f"<p>{text}</p>"),
            (f"h{index}.jsonl", json.dumps({"text": text}, ensure_ascii=False) + "\n"),
        ):
            item = only(write(name, content))
            assert isinstance(item, (Document, ConflictLensError)), item


def test_hostile_jsonl_line_keeps_text():
    text = HOSTILE[4]
    doc = parse_batch_line(json.dumps({"text": text}, ensure_ascii=False), 1, "s")
    assert doc.text == normalise_text(text)


def test_deeply_nested_json_is_an_error_not_a_crash(write):
    depth = 100_000
    err = only(write("deep.json", "[" * depth + "]" * depth))
    assert isinstance(err, ConflictLensError) and err.code in {"CL-E104", "CL-E105"}


_texts = st.text(min_size=1, max_size=300).map(normalise_text).filter(bool)
_dates = st.dates().map(lambda d: d.isoformat()).filter(lambda s: len(s) == 10)
_optional = st.none() | st.text(min_size=1, max_size=60).map(str.strip).filter(bool)


@st.composite
def documents(draw) -> Document:
    text = draw(_texts)
    return Document(
        id=document_id(text),
        text=text,
        published=draw(st.none() | _dates),
        url=draw(_optional),
        outlet=draw(_optional),
        title=draw(_optional),
        external_id=draw(st.none() | st.text(max_size=20)),
    )


@settings(max_examples=300, deadline=None)
@given(doc=documents(), ascii_only=st.booleans())
def test_batch_line_round_trip(doc, ascii_only):
    record = {
        "id": doc.external_id,
        "text": doc.text,
        "published": doc.published,
        "url": doc.url,
        "outlet": doc.outlet,
        "title": doc.title,
    }
    line = json.dumps(record, ensure_ascii=ascii_only)
    parsed = parse_batch_line(line, 3, "batch.jsonl")
    assert isinstance(parsed, Document), parsed
    assert (parsed.text, parsed.published, parsed.url, parsed.outlet, parsed.external_id, parsed.title) == (
        doc.text, doc.published, doc.url, doc.outlet, doc.external_id, doc.title
    )
    assert parsed.id == doc.id and parsed.source_path == "batch.jsonl"


def test_jsonl_file_round_trip(tmp_path):
    docs = [
        Document(id=document_id(t), text=t, published="2021-08-26", external_id=f"e{i}")
        for i, t in enumerate(["First report.", "Second \u200b report \u0627.", "Third."])
    ]
    path = tmp_path / "b.jsonl"
    path.write_text(
        "".join(json.dumps({"id": d.external_id, "text": d.text, "published": d.published}) + "\n" for d in docs),
        encoding="utf-8",
    )
    read, errors = read_all(path)
    assert not errors
    assert [(d.id, d.text, d.external_id) for d in read] == [(d.id, d.text, d.external_id) for d in docs]
