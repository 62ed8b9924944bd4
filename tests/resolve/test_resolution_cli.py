"""The incident commands, end to end through typer's runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conflictlens.cli import app
from conflictlens.model.records import Document
from conflictlens.pipeline.resolution import resolve_after_save
from conflictlens.store import Store
from resolve_helpers import event

runner = CliRunner()
LABELS = Path(__file__).parent / "data"


def run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture
def db(tmp_path) -> str:
    path = tmp_path / "cli.db"
    docs = [(Document(id=f"doc_{n}", text=n, published=day, outlet=outlet),
             [event(f"evt_{n}", doc=f"doc_{n}", killed=k, place=place, sub=sub, targets=(target,))])
            for n, day, outlet, k, place, sub, target in (
                ("a", "2023-03-09", "Kabul Wire", 16, "Dasht-e-Barchi", "Suicide bomb", "funeral"),
                ("b", "2023-03-10", "Pamir Post", 24, "Dashte Barchi", "Suicide bomb", "funeral"),
                ("c", "2023-03-09", "Amu Daily", 4, "Khair Khana", "Attack", "clinic"))]
    with Store.open(path) as store:
        resolve_after_save(store, docs, store.save_many(docs, "v1"))
    return str(path)


def test_list_show_and_why(db):
    lines = run("--db", db, "incidents", "list", "--merged").stdout.splitlines()
    merged, = [json.loads(line) for line in lines]
    assert merged["members"] == ["evt_a", "evt_b"] and merged["fatalities"]["best"] == 24
    assert len(run("--db", db, "incidents", "list", "--country", "af").stdout.splitlines()) == 2
    shown = json.loads(run("--db", db, "incidents", "show", "evt_b").stdout)
    assert shown["id"] == merged["id"]
    explained = json.loads(run("--db", db, "why", "evt_b", "--format", "json").stdout)
    assert explained["compared_now"][0]["features"]["type"]["outcome"] == "same"
    table = run("--db", db, "why", "evt_b").stdout
    assert "evt_a" in table and "Kabul Wire" in table and "16, Kabul Wire, 9 Mar 2023" in table


def test_split_merge_and_the_audit_trail(db, monkeypatch):
    monkeypatch.setenv("CONFLICTLENS_ANALYST", "ana")
    result = run("--db", db, "split", "evt_b", "--reason", "second blast")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["events"] == ["evt_b"]
    result = run("--db", db, "merge", "evt_a", "evt_c", "--reason", "complex attack", "--analyst", "bo")
    assert result.exit_code == 0, result.output
    trail = [json.loads(line) for line in run("--db", db, "incidents", "decisions").stdout.splitlines()]
    assert [(d["action"], d["analyst"], d["reason"]) for d in trail] == [
        ("split", "ana", "second blast"), ("merge", "bo", "complex attack")]
    assert len(run("--db", db, "incidents", "decisions", "evt_b").stdout.splitlines()) == 1


def test_errors_are_coded_lines(db, tmp_path):
    result = run("--db", db, "why", "evt_nope")
    assert result.exit_code == 2 and "CL-E202" in result.output
    result = run("--db", db, "merge", "evt_a", "--reason", "x", "--analyst", "ana")
    assert result.exit_code == 2 and "CL-E603" in result.output
    result = run("--db", db, "incidents", "show", "inc_nope")
    assert result.exit_code == 2 and "CL-E601" in result.output
    result = run("--db", str(tmp_path / "none.db"), "why", "evt_a")
    assert result.exit_code == 2 and "CL-E200" in result.output


def test_resolve_catches_up_and_evaluate_prints_the_table(db):
    assert json.loads(run("--db", db, "incidents", "resolve").stdout)["started"] == 0
    table = run("evaluate", "resolution", "--labels", str(LABELS), "--set", "reports-coded").stdout
    assert table.startswith("| set |") and "| reports-coded | 39 |" in table
