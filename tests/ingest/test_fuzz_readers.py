"""Fuzzing the report readers (.txt .md .html .json .jsonl): whatever the bytes, no traceback.

Every item read is a Document or a ConflictLensError whose code is in ERROR_CODES; nothing else
escapes. Inputs: random bytes, good reports cut short or re-encoded, and hostile strings.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conflictlens.errors import ERROR_CODES, ConflictLensError
from conflictlens.ingest import iter_documents
from conflictlens.model.records import Document

SUFFIXES = (".txt", ".md", ".html", ".json", ".jsonl")
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

HOSTILE = st.sampled_from([
    "\x00", "\ufeff", "\u202e", "\u2028", "\u0000\u0001\u007f", "\ud800", "\U0010ffff", "\r", "\r\n", "\x1b[31m",
    "<script>alert(1)</script>", "<![CDATA[", "&#0;&#xD800;&bogus;", "<" * 50, "]]>", "<html><body>",
    "Title:", "Published: 2021-02-30", "Published: 99999-01-01", "---\n", "```", "\\", '"', "{", "[" * 200,
    "1e999999", "NaN", "-Infinity", "9" * 400, "null", "true", "\u0635\u0628\u0627\u062d", "ﷺ" * 30,
])
REPORT = ("Title: Blast in Kabul\nPublished: 2021-05-08\n\nA bomb exploded near a school in Dasht-e-Barchi, "
          "Kabul, on Saturday, killing 55 people. No group claimed it.\n")
GOOD = {
    ".txt": REPORT,
    ".md": "# Blast in Kabul\n\n" + REPORT,
    ".html": f"<html><head><title>Blast</title></head><body><h1>Blast</h1><p>{REPORT}</p></body></html>",
    ".json": json.dumps({"text": REPORT, "published": "2021-05-08", "url": "https://example.org/a"}),
    ".jsonl": "\n".join(json.dumps({"id": i, "text": REPORT}) for i in range(3)) + "\n",
}
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "cp1252", "latin-1", "shift_jis")


@st.composite
def mangled(draw, suffix: str) -> bytes:
    """A good report of this kind with hostile text put in, then perhaps re-encoded and cut short."""
    text = GOOD[suffix]
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.one_of(HOSTILE, st.text(max_size=30))) + text[at:]
    data = text.encode(draw(st.sampled_from(ENCODINGS)), errors="replace") if draw(st.booleans()) \
        else text.encode("utf-8", errors="surrogatepass")
    return data[:draw(st.integers(0, len(data)))] if draw(st.booleans()) else data


# JSON values that parse but are hostile: escaped lone surrogates, numbers too long for Python, NaN.
JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), HOSTILE, st.text(max_size=20),
              st.sampled_from(["\ud800", "A blast\udfff.", "2021-05-08", "2021-05-08T10:00:00Z"])),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6)
FIELDS = st.sampled_from(["text", "id", "published", "url", "outlet", "title", "extra"])


@st.composite
def json_records(draw, suffix: str) -> bytes:
    """Records whose fields hold any JSON value; a number may be far too long for Python to read."""
    records = draw(st.lists(st.dictionaries(FIELDS, JSON_VALUES, max_size=6), min_size=1, max_size=3))
    ascii_only = draw(st.booleans())
    texts = [json.dumps(r, ensure_ascii=ascii_only) for r in records]
    if draw(st.booleans()):
        texts[0] = texts[0].replace("{", '{"id": ' + "9" * draw(st.integers(4000, 4400)) + ", ", 1)
    joined = "\n".join(texts) if suffix == ".jsonl" else f"[{', '.join(texts)}]"
    return joined.encode("utf-8", errors="surrogatepass")


def contents(suffix: str):
    return st.one_of(st.binary(max_size=600), mangled(suffix))


def read_back(data: bytes, suffix: str) -> list:
    with tempfile.TemporaryDirectory(prefix="fuzz-") as folder:
        path = Path(folder) / f"report{suffix}"
        path.write_bytes(data)
        items = list(iter_documents([path], max_bytes=100_000))
    for item in items:
        assert isinstance(item, (Document, ConflictLensError)), item
        if isinstance(item, ConflictLensError):
            assert item.code in ERROR_CODES and item.message
    return items


@FUZZ
@given(data=st.data(), suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_in_any_report_format_give_documents_or_coded_errors(data, suffix):
    read_back(data.draw(contents(suffix)), suffix)


@FUZZ
@given(data=st.data(), suffix=st.sampled_from([".json", ".jsonl"]))
def test_json_records_holding_any_value_give_documents_or_coded_errors(data, suffix):
    read_back(data.draw(json_records(suffix)), suffix)


def test_the_good_reports_the_fuzzer_starts_from_are_read():
    for suffix, text in GOOD.items():
        items = read_back(text.encode(), suffix)
        assert items and all(isinstance(i, Document) for i in items), (suffix, items)
