"""Every bad input becomes one coded error naming its file (and line); nothing raises."""

from __future__ import annotations

import json

import pytest
from ingest_helpers import only, read_all

from conflictlens.errors import ConflictLensError
from conflictlens.ingest import MAX_REPORT_CHARS, parse_batch_line


def _error(item) -> ConflictLensError:
    assert isinstance(item, ConflictLensError), item
    return item


def test_missing_file(tmp_path):
    err = _error(only(tmp_path / "nope.txt"))
    assert err.code == "CL-E100" and err.subject == str(tmp_path / "nope.txt")


@pytest.mark.parametrize("content", [b"abc\x00def", bytes(range(1, 32)) * 50])
def test_binary(write, content):
    assert _error(only(write("a.txt", content))).code == "CL-E101"


def test_binary_jsonl(write):
    assert _error(only(write("a.jsonl", b'{"text": "\x00"}'))).code == "CL-E101"


def test_invalid_utf8_names_offset(write):
    err = _error(only(write("a.txt", "Kabul caf\u00e9 ".encode() + b"\xe9 bomb")))
    assert err.code == "CL-E102" and "byte offset 12" in err.message and "UTF-8" in err.message
    err = _error(only(write("b.txt", b"\xef\xbb\xbfab\xff")))
    assert "byte offset 5" in err.message


@pytest.mark.parametrize("content", ["", "  \n\t\n", "Title: T\nPublished: 2021-01-01\n\n  \n"])
def test_empty(write, content):
    assert _error(only(write("a.txt", content))).code == "CL-E103"


@pytest.mark.parametrize("name", ["a.jsonl", "a.json"])
def test_empty_json(write, name):
    assert _error(only(write(name, "\n\n"))).code == "CL-E103"


def test_invalid_json(write):
    err = _error(only(write("a.json", '[{"text": "cut off')))
    assert err.code == "CL-E104" and "line 1" in err.message


def test_jsonl_bad_lines_are_separate(write):
    good = json.dumps({"id": "g", "text": "Good."})
    lines = [good, "{broken", good, '{"text": "trunc', b"\xff\xfe".decode("latin-1"), good]
    path = write("x.jsonl", ("\n".join(lines) + "\n").encode("latin-1"))
    docs, errors = read_all(path)
    assert len(docs) == 3
    assert [(e.code, e.subject) for e in errors] == [
        ("CL-E104", f"{path}:2"), ("CL-E104", f"{path}:4"), ("CL-E102", f"{path}:5")
    ]


@pytest.mark.parametrize(
    "record",
    [{"id": "a"}, {"text": 5}, {"text": None}, ["text"], "text", {"text": "ok", "url": 3}, {"text": "x", "id": [1]}],
)
def test_record_lacks_text(record):
    err = _error(parse_batch_line(json.dumps(record), 17, "reports/x.jsonl"))
    assert err.code == "CL-E105" and err.subject == "reports/x.jsonl:17"


def test_unsupported_extension(write, tmp_path):
    assert _error(only(write("a.pdf", b"%PDF"))).code == "CL-E106"
    assert _error(only(write("noext", "text"))).code == "CL-E106"


def test_too_large(write):
    err = _error(only(write("a.txt", "x" * 101), max_bytes=100))
    assert err.code == "CL-E107"


def test_report_text_over_the_character_limit(write):
    err = _error(only(write("a.txt", "word " * (MAX_REPORT_CHARS // 5) + "more")))
    assert err.code == "CL-E110" and err.subject.endswith("a.txt") and "split it into parts" in err.message
    assert not isinstance(only(write("b.txt", "x" * MAX_REPORT_CHARS)), ConflictLensError)


def test_jsonl_record_over_the_character_limit_spares_its_neighbours(write):
    good = json.dumps({"text": "Good."})
    path = write("a.jsonl", "\n".join([good, json.dumps({"text": "y" * (MAX_REPORT_CHARS + 1)}), good]) + "\n")
    docs, errors = read_all(path)
    assert len(docs) == 2 and [(e.code, e.subject) for e in errors] == [("CL-E110", f"{path}:2")]


def test_jsonl_oversized_line_is_skipped_not_loaded(write):
    good = json.dumps({"text": "Good."})
    path = write("a.jsonl", good + "\n" + json.dumps({"text": "y" * 5000}) + "\n" + good + "\n")
    docs, errors = read_all(path, max_bytes=1000)
    assert len(docs) == 2 and [(e.code, e.subject) for e in errors] == [("CL-E107", f"{path}:2")]


@pytest.mark.parametrize("value", ["2021-02-30", "26/08/2021", "yesterday", 20210826, "2021-8-6"])
def test_invalid_published(value):
    err = _error(parse_batch_line(json.dumps({"text": "t", "published": value}), 1, "b.jsonl"))
    assert err.code == "CL-E108"


def test_invalid_published_front_matter(write):
    assert _error(only(write("a.txt", "Published: last week\n\nBody."))).code == "CL-E108"


def test_datetime_published_cut_to_date():
    doc = parse_batch_line(json.dumps({"text": "t", "published": "2021-08-26T17:50:00Z"}), 1, "b")
    assert doc.published == "2021-08-26"


def test_messages_say_what_to_do(write):
    err = _error(only(write("a.txt", b"ok \xff")))
    assert "re-save the file as UTF-8" in err.message


def test_mixed_folder_yields_all_good_and_one_error_per_bad_file(write, tmp_path):
    write("reports/01.txt", "Title: A\n\nGood one.")
    write("reports/02.md", "# B\n\nGood two.")
    write("reports/03.html", "<p>Good three.</p>")
    write("reports/04.json", json.dumps([{"text": "Good four."}, {"text": "Good five."}]))
    bad = {
        "reports/05.txt": ("", "CL-E103"),
        "reports/06.txt": (b"\x00\x01\x02", "CL-E101"),
        "reports/07.txt": (b"bad \xff", "CL-E102"),
        "reports/08.json": ("{", "CL-E104"),
        "reports/09.json": (json.dumps({"body": "x"}), "CL-E105"),
        "reports/10.docx": (b"PK", "CL-E106"),
        "reports/11.txt": ("x" * 600, "CL-E107"),
        "reports/sub/12.txt": ("Published: 2021-99-01\n\nText.", "CL-E108"),
    }
    for name, (content, _) in bad.items():
        write(name, content)
    docs, errors = read_all(tmp_path / "reports", tmp_path / "missing", max_bytes=500)
    assert sorted(d.text for d in docs) == ["Good five.", "Good four.", "Good one.", "Good three.", "Good two."]
    expected = [(str(tmp_path / n), code) for n, (_, code) in bad.items()] + [(str(tmp_path / "missing"), "CL-E100")]
    assert [(e.subject, e.code) for e in errors] == expected


def test_a_symlink_loop_in_a_folder_is_named_as_a_loop(write, tmp_path):
    good = write("reports/good.txt", "A bomb exploded in Kabul on Monday.")
    folder = good.parent
    (folder / "a.txt").symlink_to(folder / "b.txt")
    (folder / "b.txt").symlink_to(folder / "a.txt")
    (folder / "self.jsonl").symlink_to(folder / "self.jsonl")
    (folder / "noext").symlink_to(folder / "noext")
    docs, errors = read_all(folder)
    assert len(docs) == 1 and len(errors) == 4
    for error in errors:
        assert error.code == "CL-E112" and "symbolic link loop" in error.message, error
    assert {e.subject for e in errors} == {str(folder / n) for n in ("a.txt", "b.txt", "self.jsonl", "noext")}


def test_a_symlink_loop_named_on_the_command_line_is_named_as_a_loop(tmp_path):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    err = _error(only(loop))
    assert err.code == "CL-E112" and err.subject == str(loop)


@pytest.mark.parametrize("name, content", [
    ("a.json", '{"text": "A blast.", "published": ' + "1" * 5000 + "}"),
    ("a.jsonl", '{"text": "A blast.", "id": ' + "9" * 5000 + "}\n"),
], ids=["json", "jsonl"])
def test_a_number_too_long_for_python_is_a_json_error(write, name, content):
    err = _error(only(write(name, content)))
    assert err.code == "CL-E104" and "digits" in err.message


@pytest.mark.parametrize("record", [
    {"text": "A blast\ud800 in Kabul."}, {"text": "A blast.", "title": "\udfff"}, {"text": "A blast.", "id": "\ud83d"},
    {"text": "A blast.", "url": "https://x.org/\udc00"}, {"text": "A blast.", "outlet": "\ud800"},
], ids=["text", "title", "id", "url", "outlet"])
@pytest.mark.parametrize("name", ["a.json", "a.jsonl"])
def test_an_escaped_lone_surrogate_is_a_coded_error(write, name, record):
    """JSON may escape half a UTF-16 pair ("\\ud800"): it is no character, and nothing can store it."""
    err = _error(only(write(name, json.dumps(record) + "\n")))
    assert err.code == "CL-E102" and "surrogate" in err.message
