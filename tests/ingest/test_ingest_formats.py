"""Every supported format yields the right Document."""

from __future__ import annotations

import json

import pytest
from ingest_helpers import only, read_all

from conflictlens.errors import ConflictLensError
from conflictlens.ingest import read_text_argument, split_front_matter
from conflictlens.model.ids import document_id
from conflictlens.model.records import Document

BODY = "KABUL (Kabul Wire) - A roadside bomb killed two people on Tuesday, police said."
FRONT = (
    "Title: Bomb kills two in Kabul\n"
    "Published: 2021-06-01\n"
    "URL: https://example.org/kabul-bomb\n"
    "Outlet: Kabul Wire\n"
    "\n"
)


def test_txt_with_front_matter(write):
    doc = only(write("a.txt", FRONT + BODY + "\n"))
    assert isinstance(doc, Document)
    assert doc.text == BODY
    assert (doc.title, doc.published, doc.url, doc.outlet) == (
        "Bomb kills two in Kabul", "2021-06-01", "https://example.org/kabul-bomb", "Kabul Wire"
    )
    assert doc.id == document_id(BODY)
    assert doc.source_path.endswith("a.txt")


def test_txt_plain_first_line_title(write):
    doc = only(write("a.txt", "Bomb kills two in Kabul\n\n" + BODY))
    assert doc.title == "Bomb kills two in Kabul" and doc.text == BODY


def test_txt_first_paragraph_is_not_a_title(write):
    text = "A bomb killed two people in Kabul.\n\nPolice said so."
    doc = only(write("a.txt", text))
    assert doc.title is None and doc.text == text


def test_txt_single_line_is_the_report(write):
    doc = only(write("a.txt", "Bomb kills two in Kabul"))
    assert doc.text == "Bomb kills two in Kabul" and doc.title is None


def test_md_hash_title_and_front_matter(write):
    doc = only(write("a.md", "# Bomb kills two\n\n" + BODY))
    assert (doc.title, doc.text) == ("Bomb kills two", BODY)
    doc = only(write("b.md", "---\nTitle: T\nPublished: 2021-06-01\n---\n# Other heading\n\n" + BODY))
    assert doc.title == "T" and doc.published == "2021-06-01"
    assert doc.text == BODY


def test_front_matter_ignores_unknown_keys_and_prose():
    fields, body = split_front_matter("Title: T\nAuthor: someone\n\nBody")
    assert fields == {"title": "T"} and body == "Body"
    text = "Note: this is prose.\n\nMore."
    assert split_front_matter(text) == ({}, text)


def test_html_trafilatura_metadata(write):
    html = (
        "<html><head><title>Bomb kills two | Kabul Wire</title>"
        '<meta property="og:site_name" content="Kabul Wire">'
        '<meta property="article:published_time" content="2021-06-01T08:00:00+04:30">'
        '<link rel="canonical" href="https://example.org/kabul-bomb"></head>'
        "<body><nav>Home | World</nav><article><h1>Bomb kills two</h1>"
        f"<p>{BODY} The blast struck a minibus carrying government employees.</p>"
        "<p>No group immediately claimed responsibility for the attack, officials said.</p>"
        "</article><script>var x = 1;</script></body></html>"
    )
    doc = only(write("a.html", html))
    assert isinstance(doc, Document)
    assert BODY in doc.text and "var x" not in doc.text
    assert doc.outlet == "Kabul Wire" and doc.url == "https://example.org/kabul-bomb"
    assert doc.published == "2021-06-01"
    assert not doc.text.startswith("Bomb kills two")


def test_html_fallback_parser(write, monkeypatch):
    import conflictlens.ingest.htmldocs as htmldocs

    monkeypatch.setattr(htmldocs, "trafilatura_extract", lambda html: None)
    html = "<html><head><title>T</title><style>p{}</style></head><body><p>One.</p><div>Two &amp; three</div>"
    doc = only(write("a.htm", html))
    assert doc.title == "T" and doc.text == "One.\n\nTwo & three"


def test_json_object_and_list(write):
    record = {"id": "r1", "text": BODY, "published": "2021-06-01", "url": "u", "outlet": "o", "title": "t"}
    doc = only(write("a.json", json.dumps(record)))
    assert (doc.external_id, doc.published, doc.url, doc.outlet, doc.title) == ("r1", "2021-06-01", "u", "o", "t")
    docs, errors = read_all(write("b.json", json.dumps([record, {"id": 7, "text": "Second."}])))
    assert [d.external_id for d in docs] == ["r1", "7"] and not errors


@pytest.mark.parametrize("suffix", [".jsonl", ".ndjson"])
def test_jsonl(write, suffix):
    lines = [json.dumps({"id": f"r{i}", "text": f"Report {i}."}) for i in range(3)]
    docs, errors = read_all(write("a" + suffix, "\n".join(lines[:2]) + "\n\n" + lines[2] + "\n"))
    assert [d.external_id for d in docs] == ["r0", "r1", "r2"] and not errors


def test_utf8_bom_and_utf16_accepted(write):
    assert only(write("a.txt", b"\xef\xbb\xbf" + BODY.encode())).text == BODY
    assert only(write("b.txt", BODY.encode("utf-16"))).text == BODY
    line = json.dumps({"id": "x", "text": BODY}) + "\n"
    assert only(write("c.jsonl", line.encode("utf-16"))).external_id == "x"
    assert only(write("d.jsonl", b"\xef\xbb\xbf" + line.encode())).external_id == "x"


def test_ids_are_content_based(write):
    a = only(write("one/a.txt", BODY))
    b = only(write("two/b.txt", BODY + "\r\n"))
    c = only(write("c.json", json.dumps({"text": BODY})))
    assert a.id == b.id == c.id
    assert a.source_path != b.source_path


def test_read_text_argument(write):
    path = write("a.txt", FRONT + BODY)
    assert read_text_argument(path).published == "2021-06-01"
    assert read_text_argument(str(path), published="2021-07-04").published == "2021-07-04"
    with pytest.raises(ConflictLensError) as exc:
        read_text_argument(path, published="4 July")
    assert exc.value.code == "CL-E108"
    with pytest.raises(ConflictLensError) as exc:
        read_text_argument(path.parent / "missing.txt")
    assert exc.value.code == "CL-E100"
    with pytest.raises(ConflictLensError) as exc:
        read_text_argument(write("b.jsonl", '{"text": "a"}\n{"text": "b"}\n'))
    assert exc.value.code == "CL-E400"


def test_hidden_files_skipped_and_order_sorted(write, tmp_path):
    write("b.txt", "B report.")
    write("a/z.txt", "Z report.")
    write("a/c.txt", "C report.")
    write(".hidden.txt", "hidden")
    write(".git/x.txt", "hidden too")
    docs, errors = read_all(tmp_path)
    assert [d.text for d in docs] == ["C report.", "Z report.", "B report."] and not errors
