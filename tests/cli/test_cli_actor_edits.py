"""Issue 17: `actors merge`, `alias add` and `reject` name actors and candidates that exist, or say
which ones the user may mean; nothing is recorded for a name the store has never seen. Demo store."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest
from typer.testing import CliRunner

from conflictlens.cli import app

runner = CliRunner()
TTP = "Tehrik-i-Taliban Pakistan (TTP)"


def run(*args):
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("edits")
    db = folder / "demo.db"
    result = run("--db", str(db), "--quiet", "demo")
    assert result.exit_code == 0, result.output
    # The demo's outlets stand in datelines ("QUETTA, April 22 (Balochistan Ledger) -"), where an
    # agency is never a candidate actor; a report that names one in its text gives the candidate.
    report = folder / "outlets.txt"
    report.write_text("QUETTA, April 23, 2021 - Gunmen wounded two policemen in Quetta on Friday, the Balochistan "
                      "Ledger reported.\n\nKABUL, April 24, 2021 - A bomb killed three soldiers in Kabul on Saturday, "
                      "the Khorasan Times reported.\n", encoding="utf-8")
    result = run("--db", str(db), "--quiet", "ingest", str(report))
    assert result.exit_code == 0, result.output
    return str(db)


@pytest.fixture
def db(demo_db, tmp_path):
    copy = tmp_path / "demo.db"
    shutil.copy(demo_db, copy)
    return str(copy)


def edits(db) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM actor_edits").fetchone()[0]


def refused(db, *args, code: str, hint: str, near: bool = True) -> None:
    result = runner.invoke(app, ["--db", db, "actors", *args])
    assert result.exit_code == 2 and "Traceback" not in result.output, result.output
    assert code in result.stderr and hint in result.stderr and ("did you mean" in result.stderr) == near
    assert edits(db) == 0  # nothing recorded


def test_merge_of_a_name_neither_actor_nor_candidate_is_refused(db):
    refused(db, "merge", "Balochistan Ledgr", "BLA", code="CL-E704", hint="'Balochistan Ledger'")
    refused(db, "merge", "Sons of Nobody", "ISKP", code="CL-E704", hint="conflictlens actors candidates",
            near=False)


def test_merge_into_an_unknown_actor_is_refused_with_suggestions(db):
    refused(db, "merge", "Balochistan Ledger", "Baloch Liberation Armee", code="CL-E700",
            hint="Baloch Liberation Army (BLA)")
    refused(db, "merge", "Balochistan Ledger", "ttp", code="CL-E700", hint=TTP)  # edits take acronyms as written


def test_merge_of_a_candidate_in_another_case_records_its_stored_spelling(db):
    result = run("--db", db, "--quiet", "actors", "merge", "balochistan ledger", "BLA")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["name"] == "Balochistan Ledger"


def test_reject_of_a_name_no_report_mentions_is_refused(db):
    refused(db, "reject", "Khorasan Tims", code="CL-E704", hint="'Khorasan Times'")
    assert run("--db", db, "--quiet", "actors", "reject", "Khorasan Times").exit_code == 0


def test_alias_add_to_an_unknown_actor_is_refused_with_suggestions(db):
    refused(db, "alias", "add", "ttp", "Swat Taliban Test", code="CL-E700", hint=TTP)
    refused(db, "alias", "add", "Tehreek-e-Talibaan Pakistaan", "Swat Taliban Test", code="CL-E700", hint=TTP)


def test_a_candidate_only_confidential_reports_mention_is_taken_but_never_suggested(tmp_path):
    tip = tmp_path / "tip.txt"
    tip.write_text("QUETTA, March 5, 2021 - A roadside bomb wounded a soldier in Quetta on Friday, the Khyber "
                   "Courier reported.\n", encoding="utf-8")
    db = str(tmp_path / "tips.db")
    assert run("--db", db, "--quiet", "ingest", "--confidential", str(tip)).exit_code == 0
    refused(db, "reject", "Khyber Couriers", code="CL-E704", hint="conflictlens actors candidates", near=False)
    taken = run("--db", db, "--quiet", "actors", "reject", "khyber courier")
    assert taken.exit_code == 0 and json.loads(taken.stdout)["name"] == "Khyber Courier"
