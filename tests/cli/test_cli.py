"""The command line, end to end, through typer's runner."""

import csv
import io
import json
import sqlite3

import pytest
from typer.testing import CliRunner

from conflictlens.cli import app

runner = CliRunner()


def run(*args):
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    result = run("--db", str(db), "--quiet", "demo")
    assert result.exit_code == 0, result.output
    return db


def test_demo_stores_sample_events(demo_db):
    with sqlite3.connect(demo_db) as conn:
        docs = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    assert docs >= 13 and events >= 25


def test_demo_twice_changes_nothing(demo_db):
    with sqlite3.connect(demo_db) as conn:
        before = conn.execute("SELECT id, record FROM events ORDER BY id").fetchall()
    assert run("--db", str(demo_db), "--quiet", "demo").exit_code == 0
    with sqlite3.connect(demo_db) as conn:
        after = conn.execute("SELECT id, record FROM events ORDER BY id").fetchall()
    assert before == after


def test_events_filters_and_formats(demo_db):
    result = run("--db", str(demo_db), "events", "--country", "PK", "--format", "ndjson")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and all(r["location"]["country"] == "PK" for r in records)
    as_csv = run("--db", str(demo_db), "events", "--since", "2021-06-01", "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(as_csv)))
    assert rows and all(r["date_start"] >= "2021-06-01" for r in rows)
    array = json.loads(run("--db", str(demo_db), "events", "--format", "json").stdout)
    assert len(array) >= 25


def test_show_gives_sentences(demo_db):
    first = json.loads(run("--db", str(demo_db), "events", "--format", "ndjson", "--limit", "1").stdout)
    result = run("--db", str(demo_db), "show", first["id"], "--format", "json")
    record = json.loads(result.stdout)
    assert record["id"] == first["id"]
    for spans in record["evidence"].values():
        for span in spans:
            assert span["text"] in span["sentence"]


def test_show_unknown_event_is_a_coded_error(demo_db):
    result = run("--db", str(demo_db), "show", "evt_0000000000000000")
    assert result.exit_code == 2 and "CL-E202" in result.stderr


def test_bad_option_values_are_coded_errors(demo_db):
    assert "CL-E108" in run("--db", str(demo_db), "events", "--since", "yesterday").stderr
    assert "CL-E400" in run("--db", str(demo_db), "events", "--format", "xml").stderr


def test_ingest_folder_with_bad_files_keeps_good_ones_and_db_intact(tmp_path, demo_db):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "good.txt").write_text("Published: 2021-02-01\n\nGunmen killed two police officers in Herat on Sunday.\n")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "empty.txt").write_text("")
    (folder / "latin1.txt").write_bytes("Attaque à Kaboul, café".encode("latin-1"))
    (folder / "cut.jsonl").write_text('{"id": "a", "text": "A bomb exploded in Kabul on Monday, killing 3."}\n{"id": "b", "text": "A bo')
    db = tmp_path / "x.db"
    result = run("--db", str(db), "ingest", str(folder))
    assert result.exit_code == 1
    for code, name in (("CL-E101", "binary.txt"), ("CL-E103", "empty.txt"), ("CL-E102", "latin1.txt"), ("CL-E104", "cut.jsonl:2")):
        assert code in result.stderr and name in result.stderr
    assert "Traceback" not in result.output
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 2
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_extract_single_file_as_json_array(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("A roadside bomb killed two soldiers in Kandahar on Tuesday.")
    result = run("extract", str(report), "--published", "2021-04-30", "--format", "json")
    events = json.loads(result.stdout)
    assert len(events) == 1 and events[0]["date"]["start"] == "2021-04-27"


def test_extract_batch_streams_one_line_per_input(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join([
        json.dumps({"id": "1", "text": "Gunmen killed a tribal elder in Khost on Monday.", "published": "2021-03-03"}),
        json.dumps({"id": "2", "text": "Wheat prices rose in Kabul."}),
        "{broken",
        json.dumps({"id": "4", "text": "Police arrested five suspects in Quetta."}),
    ]) + "\n")
    out = tmp_path / "out.jsonl"
    result = run("extract", "--input", str(src), "--output", str(out))
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert [x["id"] for x in lines] == ["1", "2", None, "4"]
    assert len(lines[0]["events"]) == 1 and lines[1]["events"] == [] and lines[3]["events"]
    assert result.exit_code == 1 and "CL-E104" in result.stderr and "in.jsonl:3" in result.stderr


def test_evaluate_gtd_on_a_small_fixture(tmp_path):
    header = ["eventid", "iyear", "imonth", "iday", "country_txt", "provstate", "city", "summary", "attacktype1_txt",
              "targtype1_txt", "gname", "claimed", "nkill", "nwound"]
    row = ["1", "2021", "2", "3", "Afghanistan", "Herat", "Herat",
           "02/03/2021: Assailants opened fire on a police checkpoint in Herat, Herat, Afghanistan. Two police officers "
           "were killed. The Taliban claimed responsibility for the incident.",
           "Armed Assault", "Police", "Taliban", "1", "2.0", "0.0"]
    path = tmp_path / "gtd.csv"
    with open(path, "w", newline="") as fh:
        csv.writer(fh).writerows([header, row])
    result = run("--quiet", "evaluate", "gtd", str(path), "--format", "json")
    scores = {f["name"]: f["score"] for f in json.loads(result.stdout)["fields"]}
    assert scores["detected"] == 1.0 and scores["perpetrator"] == 1.0 and scores["claimed"] == 1.0
    assert scores["date"] == 1.0 and scores["nkill"] == 1.0
