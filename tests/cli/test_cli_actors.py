"""`conflictlens actors ...` through typer's runner: list, show, merge, alias add, add, reject, candidates."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from conflictlens.cli import app

runner = CliRunner()
TTP = "Tehrik-i-Taliban Pakistan (TTP)"
REPORT = ("QUETTA, March 4, 2021 - Gunmen killed two policemen in Quetta on Monday. Officials blamed the "
          "Balochistan Freedom Guard for the attack.\n")


def run(*args):
    return runner.invoke(app, list(args), catch_exceptions=False)


def ndjson(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


@pytest.fixture
def db(tmp_path):
    report = tmp_path / "quetta.txt"
    report.write_text(REPORT, encoding="utf-8")
    path = tmp_path / "actors.db"
    assert run("--db", str(path), "--quiet", "ingest", str(report)).exit_code == 0
    return str(path)


def test_list_without_a_database_shows_the_registry(tmp_path):
    result = run("--db", str(tmp_path / "none.db"), "actors", "list", "--country", "PK", "--format", "ndjson")
    assert result.exit_code == 0, result.output
    rows = ndjson(result.output)
    assert TTP in {r["name"] for r in rows} and all(r["country"] == "PK" for r in rows)
    assert "events" not in rows[0]
    assert not (tmp_path / "none.db").exists()  # reading never creates a database


def test_list_nigeria_shows_boko_haram_and_iswap_with_their_names(tmp_path):
    result = run("--db", str(tmp_path / "none.db"), "actors", "list", "--country", "NG", "--format", "ndjson")
    assert result.exit_code == 0, result.output
    rows = {r["name"]: r for r in ndjson(result.output)}
    assert rows["Boko Haram"]["acronyms"] == ["JAS"] and rows["Boko Haram"]["source"] == "curated"
    iswap = rows["Islamic State West Africa Province (ISWAP)"]
    assert "ISWAP" in iswap["acronyms"] and iswap["parent"] == "Islamic State of Iraq and the Levant (ISIL)"
    assert rows["Government of Nigeria"]["source"] == "ucdp"
    table = run("--db", str(tmp_path / "none.db"), "actors", "list", "--country", "NG").output
    assert "Boko Haram" in table and "JAS" in table


def test_show_by_alias_as_json_and_table(db):
    result = run("--db", db, "actors", "show", "Pakistani Taliban", "--format", "json")
    assert result.exit_code == 0, result.output
    profile = json.loads(result.output)
    assert profile["name"] == TTP and "تحریک طالبان پاکستان" in profile["aliases"]["arabic"]
    assert profile["events_per_year"] == [] and profile["relations"] == []
    table = run("--db", db, "actors", "show", "ISKP")
    assert table.exit_code == 0 and "Islamic State of Iraq and the Levant (ISIL)" in table.output


def test_show_unknown_name_is_a_coded_error_with_a_suggestion(db):
    result = runner.invoke(app, ["--db", db, "actors", "show", "Tehreek-e-Talibaan Pakistaan"])
    assert result.exit_code == 2
    assert "CL-E700" in result.output and TTP in result.output


def test_candidate_review_merge_and_show(db):
    result = run("--db", db, "actors", "candidates", "--format", "ndjson")
    assert [c["name"] for c in ndjson(result.output)] == ["Balochistan Freedom Guard"]
    merged = run("--db", db, "--quiet", "actors", "merge", "Balochistan Freedom Guard", "BLA",
                 "--by", "analyst", "--note", "renamed")
    assert merged.exit_code == 0, merged.output
    edit = ndjson(merged.output)[0]
    assert (edit["op"], edit["value"], edit["by"], edit["note"]) == ("merge", "Baloch Liberation Army (BLA)",
                                                                     "analyst", "renamed")
    assert ndjson(run("--db", db, "actors", "candidates", "--format", "ndjson").output) == []
    shown = json.loads(run("--db", db, "actors", "show", "BLA", "--format", "json").output)
    assert shown["merged_names"] == ["Balochistan Freedom Guard"]
    assert shown["events_per_year"][0]["attributed"] == 1


def test_alias_add_then_ingest_uses_it(db, tmp_path):
    added = run("--db", db, "--quiet", "actors", "alias", "add", "TTP", "Tehrik-e-Taliban Swat Test Wing")
    assert added.exit_code == 0 and ndjson(added.output)[0]["name"] == TTP
    again = run("--db", db, "actors", "alias", "add", "TTP", "Tehrik-e-Taliban Swat Test Wing")
    assert again.exit_code == 0 and "nothing to do" in again.output
    clash = runner.invoke(app, ["--db", db, "actors", "alias", "add", "TTP", "Haqqani Network"])
    assert clash.exit_code == 2 and "CL-E701" in clash.output
    report = tmp_path / "swat.txt"
    report.write_text("PESHAWAR, May 2, 2021 - A bomb killed three soldiers in Swat on Saturday. The Tehrik-e-Taliban "
                      "Swat Test Wing claimed responsibility.\n", encoding="utf-8")
    assert run("--db", db, "--quiet", "ingest", str(report)).exit_code == 0
    events = ndjson(run("--db", db, "events", "--format", "ndjson").output)
    assert TTP in {e["perpetrator"] for e in events}


def test_add_and_reject(db):
    added = run("--db", db, "--quiet", "actors", "add", "Balochistan Freedom Guard", "--type", "rebel group",
                "--country", "pk")
    assert added.exit_code == 0 and ndjson(added.output)[0]["country"] == "PK"
    listed = ndjson(run("--db", db, "actors", "list", "--type", "rebel group", "--format", "ndjson").output)
    assert {"name": "Balochistan Freedom Guard", "events": 1}.items() <= next(
        r for r in listed if r["name"] == "Balochistan Freedom Guard").items()
    unseen = runner.invoke(app, ["--db", db, "actors", "reject", "Khyber Courier"])
    assert unseen.exit_code == 2 and "CL-E704" in unseen.output  # no stored report mentions it
    assert ndjson(run("--db", db, "actors", "candidates", "--status", "all", "--format", "ndjson").output) == []
    bad = runner.invoke(app, ["--db", db, "actors", "add", "X Front", "--type", "terrorists"])
    assert bad.exit_code == 2 and "CL-E703" in bad.output


def test_bad_options_and_missing_database(tmp_path):
    bad = runner.invoke(app, ["--db", str(tmp_path / "x.db"), "actors", "list", "--format", "xml"])
    assert bad.exit_code == 2 and "CL-E400" in bad.output
    missing = runner.invoke(app, ["--db", str(tmp_path / "x.db"), "actors", "candidates"])
    assert missing.exit_code == 2 and "CL-E200" in missing.output
    hostile = runner.invoke(app, ["--db", str(tmp_path / "y.db"), "actors", "alias", "add", "TTP", "a\x1bb"])
    assert hostile.exit_code == 2 and "CL-E703" in hostile.output


def test_names_with_markup_print_as_written(db):
    run("--db", db, "--quiet", "actors", "add", "[bold]Front[/bold]", "--type", "rebel group")
    result = run("--db", db, "actors", "show", "[bold]Front[/bold]")
    assert result.exit_code == 0 and "[bold]Front[/bold]" in result.output
