"""Lists say what they leave out and say when they are empty; notes go to stderr so machine formats
on stdout stay parseable (issue 17)."""

from __future__ import annotations

import json
import re
import sqlite3

import pytest

from tests.cli.conftest import run

NOTHING = ("--country", "FR")  # a real country no demo event is in


def stored_events(db) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM events").fetchone()[0]


def test_the_demo_says_how_many_events_its_table_leaves_out(demo_copy):
    result = run("--db", demo_copy, "--quiet", "demo")
    total = stored_events(demo_copy)
    assert total > 15
    assert f"showing 15 of {total} events; `conflictlens events` lists all" in result.stdout
    assert len(re.findall(r"^ ?evt_[0-9a-f]{16}", result.stdout, re.M)) == 15


@pytest.mark.parametrize("fmt,stdout", [("ndjson", ""), ("json", "[\n]\n"), ("csv", None), ("table", "")])
def test_an_empty_event_list_says_so_on_stderr_and_keeps_stdout_parseable(pristine_demo, fmt, stdout):
    result = run("--db", pristine_demo, "events", *NOTHING, "--format", fmt)
    assert result.exit_code == 0, result.output
    assert "no events match" in result.stderr
    if stdout is not None:
        assert result.stdout == stdout
    else:
        assert result.stdout.splitlines()[0].startswith("id,date_start") and len(result.stdout.splitlines()) == 1


def test_quiet_keeps_stderr_silent(pristine_demo):
    result = run("--db", pristine_demo, "--quiet", "events", *NOTHING, "--format", "ndjson")
    assert result.exit_code == 0 and result.stderr == "" and result.stdout == ""


def test_a_list_with_rows_adds_no_note(pristine_demo):
    result = run("--db", pristine_demo, "events", "--format", "ndjson")
    assert result.stderr == "" and result.stdout


@pytest.mark.parametrize("command,note", [
    (("incidents", "list", "--merged"), "no incidents of two or more events"),
    (("incidents", "list", *NOTHING), "no incidents match"),
    (("incidents", "decisions"), "no analyst decisions"),
    (("search", "Zanzibar"), "no stored report contains"),
    (("confidential", "list"), "no confidential sources"),
])
def test_every_empty_list_says_so(pristine_demo, command, note):
    result = run("--db", pristine_demo, *command)
    assert result.exit_code == 0, result.output
    assert note in result.stderr and result.stdout == ""


def test_search_hits_stay_json_lines(pristine_demo):
    result = run("--db", pristine_demo, "search", "Kabul")
    assert [json.loads(line)["document_id"] for line in result.stdout.splitlines()]
