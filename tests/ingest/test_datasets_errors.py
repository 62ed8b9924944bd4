"""Bad dataset input: every bad row is named with its line and reason, and the rest goes in."""

from __future__ import annotations

import pytest
from dataset_rows import ACLED_ROWS, GTD_ROWS, UCDP_ROWS, csv_text, write_csv

from conflictlens.errors import ConflictLensError
from conflictlens.ingest.datasets import import_rows


def split(items):
    errors = [i for i in items if isinstance(i, ConflictLensError)]
    return [i for i in items if not isinstance(i, ConflictLensError)], errors


def test_bad_rows_are_reported_with_line_and_reason(tmp_path):
    text = csv_text("acled", ACLED_ROWS)
    lines = text.splitlines()
    bad_date = lines[1].replace("2021-03-04", "2021-13-45")
    bad_lat = lines[2].replace("31.5", "north")
    short = "AFG1,2021-01-01,2021"
    unclosed = 'AFG2,2021-01-01,"never closed\n'
    path = tmp_path / "a.csv"
    path.write_text("\n".join([lines[0], bad_date, bad_lat, short, lines[1], lines[2]]) + "\n" + unclosed,
                    encoding="utf-8")
    good, errors = split(list(import_rows("acled", path)))
    assert len(good) == 2
    by_line = {e.subject.rsplit(":", 1)[1]: e for e in errors}
    assert set(by_line) == {"2", "3", "4", "7"}
    assert by_line["2"].code == "CL-E502" and "event_date" in by_line["2"].message
    assert "latitude" in by_line["3"].message and "north" in by_line["3"].message
    assert by_line["4"].code == "CL-E501" and "fields" in by_line["4"].message
    assert all(e.subject.startswith(str(path)) for e in errors)


def test_unknown_precision_code_is_an_error_not_a_guess(tmp_path):
    row = dict(ACLED_ROWS[0], geo_precision="9")
    _, (error,) = split(list(import_rows("acled", write_csv(tmp_path / "a.csv", "acled", [row]))))
    assert "geo_precision" in error.message and error.subject.endswith(":2")


def test_wrong_encoding_row_is_left_out_and_the_rest_goes_in(tmp_path):
    text = csv_text("gtd", GTD_ROWS).encode("utf-8")
    cp1252 = text.replace("invented bombing".encode(), "invented b\xf6mbing".encode("cp1252"))
    path = tmp_path / "g.csv"
    path.write_bytes(cp1252)
    good, errors = split(list(import_rows("gtd", path)))
    assert len(good) == 1 and errors[0].subject.endswith(":2") and "--encoding" in errors[0].message
    good, errors = split(list(import_rows("gtd", path, encoding="cp1252")))
    assert len(good) == 2 and not errors and "böm" in good[0].event.summary


@pytest.mark.parametrize("content, code", [
    (b"", "CL-E103"),
    (b"\x00\x01\x02binary\x00" * 100, "CL-E101"),
    (b"a,b,c\n1,2,3\n", "CL-E500"),
])
def test_unreadable_files_raise_one_coded_error(tmp_path, content, code):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(ConflictLensError) as caught:
        list(import_rows("acled", path))
    assert caught.value.code == code and str(path) in caught.value.render()


def test_wrong_dataset_suggests_the_right_one(tmp_path):
    path = write_csv(tmp_path / "g.csv", "gtd", GTD_ROWS)
    with pytest.raises(ConflictLensError) as caught:
        import_rows("acled", path)
    assert caught.value.code == "CL-E500" and "import gtd" in caught.value.message


def test_missing_file_unknown_dataset_and_broken_xlsx(tmp_path):
    with pytest.raises(ConflictLensError) as missing:
        import_rows("ucdp", tmp_path / "nope.csv")
    assert missing.value.code == "CL-E100"
    with pytest.raises(ConflictLensError) as unknown:
        import_rows("icews", tmp_path / "nope.csv")
    assert unknown.value.code == "CL-E504"
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ConflictLensError) as xlsx:
        import_rows("gtd", broken)
    assert xlsx.value.code == "CL-E505"


def test_hostile_strings_are_data(tmp_path):
    row = dict(ACLED_ROWS[0], notes="<script>alert(1)</script>\x07; DROP TABLE events; --",
               actor1="Robert'); DROP TABLE actors;--")
    good, errors = split(list(import_rows("acled", write_csv(tmp_path / "a.csv", "acled", [row]))))
    assert not errors and good[0].event.perpetrator.startswith("Robert')")


@pytest.mark.parametrize("notes", ["x" * 2_000_000, 'a "quoted", line\n' * 120_000], ids=["one-line", "many-lines"])
def test_a_field_over_the_csv_limit_says_so_and_names_the_limit(tmp_path, notes):
    """A 2 MB notes field is valid CSV: the message must not blame the quoting, and reading goes on
    after the field's last line (not inside it, where every line would look like a broken row)."""
    import csv

    huge = dict(ACLED_ROWS[0], notes=notes)
    path = write_csv(tmp_path / "a.csv", "acled", [huge, ACLED_ROWS[1]])
    good, (error,) = split(list(import_rows("acled", path)))
    assert [g.event.dataset_id for g in good] == ["AFG90002"]
    assert error.code == "CL-E501" and error.subject.endswith(":2")
    assert "quoting" not in error.message and f"{csv.field_size_limit():,}" in error.message
    line_of_the_next_row = 2 + notes.count("\n") + 1
    assert list(import_rows("acled", write_csv(tmp_path / "b.csv", "acled", [huge, ACLED_ROWS[1], huge])))[-1] \
        .subject.endswith(f":{line_of_the_next_row + 1}")


def test_a_symlink_loop_given_as_the_dataset_file_is_named_as_a_loop(tmp_path):
    loop = tmp_path / "loop.csv"
    loop.symlink_to(loop)
    with pytest.raises(ConflictLensError) as caught:
        import_rows("acled", loop)
    assert caught.value.code == "CL-E112" and "symbolic link loop" in caught.value.message


@pytest.mark.parametrize("dataset, rows, column, value", [
    ("acled", ACLED_ROWS, "fatalities", "9" * 30),
    ("acled", ACLED_ROWS, "fatalities", "1e308"),
    ("gtd", GTD_ROWS, "nkill", "1e20"),
    ("ucdp", UCDP_ROWS, "best", "-" + "9" * 25),
], ids=["digits", "float", "gtd", "ucdp-negative"])
def test_a_count_too_big_to_store_leaves_out_its_row_not_the_import(tmp_path, dataset, rows, column, value):
    """Numbers beyond 64 bits cannot be stored: the row is a bad value, the other rows go in."""
    from conflictlens.pipeline.interop import import_dataset
    from conflictlens.store import Store

    path = write_csv(tmp_path / "d.csv", dataset, [dict(rows[0], **{column: value}), *rows[1:]])
    with Store.open(tmp_path / "db.sqlite") as store:
        report = import_dataset(dataset, path, store, resolve=False)
        stored = store.counts()["documents"]
    assert [(e.code, e.subject) for e in report.errors] == [("CL-E502", f"{path}:2")]
    assert column in report.errors[0].message and stored == report.inserted == len(rows) - 1


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_a_csv_whose_byte_order_mark_says_utf16_or_utf32_is_read_in_it(tmp_path, encoding):
    """Spreadsheets save "Unicode" CSV as UTF-16 with a BOM: the BOM says how to read it."""
    path = tmp_path / "a.csv"
    path.write_bytes(csv_text("acled", ACLED_ROWS).encode(encoding))  # Python writes the BOM first
    good, errors = split(list(import_rows("acled", path)))
    assert not errors and [g.event.dataset_id for g in good] == ["AFG90001", "AFG90002"]


def test_a_utf16_csv_cut_mid_character_keeps_the_rows_before_the_cut(tmp_path):
    data = csv_text("acled", ACLED_ROWS).encode("utf-16")
    path = tmp_path / "a.csv"
    path.write_bytes(data[:-3])  # the last row cut inside a two-byte character
    good, (error,) = split(list(import_rows("acled", path)))
    assert [g.event.dataset_id for g in good] == ["AFG90001"]
    assert error.code == "CL-E501" and error.subject.endswith(":3") and "utf-16" in error.message
    path.write_bytes(data[:7])  # cut inside the header
    with pytest.raises(ConflictLensError) as caught:
        list(import_rows("acled", path))
    assert caught.value.code == "CL-E102"


def test_a_utf16_csv_cut_inside_a_field_over_the_limit_is_two_coded_errors(tmp_path):
    huge = dict(ACLED_ROWS[0], notes='a "quoted" line\n' * 20_000)
    data = csv_text("acled", [ACLED_ROWS[1], huge]).encode("utf-16")
    path = tmp_path / "a.csv"
    path.write_bytes(data[:len(data) // 2 * 2 - 101])  # cut inside the long field, mid-character
    good, errors = split(list(import_rows("acled", path)))
    assert [g.event.dataset_id for g in good] == ["AFG90002"]
    assert [e.code for e in errors] == ["CL-E501", "CL-E501"] and "limit" in errors[0].message
    assert "utf-16" in errors[1].message


def test_utf16_asked_of_a_file_without_a_byte_order_mark_is_a_coded_error(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes(csv_text("gtd", GTD_ROWS).encode("utf-8"))  # "utf-16" wants a byte-order mark
    with pytest.raises(ConflictLensError) as caught:
        list(import_rows("gtd", path, encoding="utf-16"))
    assert caught.value.code == "CL-E102" and "--encoding" in caught.value.message
