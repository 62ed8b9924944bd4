"""`conflictlens network` end to end: the demo's relations, ego networks, files, errors, idempotent
ingest and confidential sources."""

from __future__ import annotations

import json
import sqlite3

import pytest
from typer.testing import CliRunner

from conflictlens.cli import app
from conflictlens.model.ids import document_id

runner = CliRunner()


def run(*args):
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("network") / "demo.db"
    result = run("--db", str(db), "--quiet", "demo")
    assert result.exit_code == 0, result.output
    return db


def network(db, *args):
    result = run("--db", str(db), "network", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _edge(data, kind, *names):
    return next((e for e in data["edges"] if e["kind"] == kind and {e["source"], e["target"]} == set(names)), None)


def test_the_demo_network_holds_the_sample_relations(demo_db):
    data = network(demo_db)
    assert data["directed"] and data["multigraph"] and data["graph"]["nodes"] >= 12 and data["graph"]["edges"] >= 15
    alliance = _edge(data, "alliance", "Khorasan Chapter of the Islamic State", "Lashkar-e-Jhangvi Al-Alami")
    assert alliance["first"] == "2017-01-01" and alliance["sources"][0]["by"] == "the monitoring team"
    haven = _edge(data, "support", "Taliban", "Tehrik-i-Taliban Pakistan (TTP)")
    assert haven["supports"] == {"safe_haven": 1} and haven["stances"] == {"denied": 1} and haven["denied_only"]
    clash = _edge(data, "clash", "Khorasan Chapter of the Islamic State", "Taliban")
    # The Kunar ambush (claimed) and the Nangarhar roadside bomb on a Taliban patrol (ISKP suspected).
    assert clash["events"] == 2 and clash["first"] == "2021-08-18" and clash["last"] == "2021-10-22"
    assert {"clash", "alliance", "allegiance", "rivalry", "support", "defection", "part_of"} <= set(data["graph"]["by_kind"])


def test_ego_network_and_date_window(demo_db, tmp_path):
    ego = network(demo_db, "--actor", "ISKP", "--depth", "1")
    names = {n["id"] for n in ego["nodes"]}
    assert "Khorasan Chapter of the Islamic State" in names and "Lashkar-e-Jhangvi Al-Alami" in names
    assert "Frontier Corps (FC)" not in names
    assert ego["graph"]["actor"] == "Khorasan Chapter of the Islamic State" and ego["graph"]["depth"] == 1
    wider = network(demo_db, "--actor", "ISKP", "--depth", "2")
    assert names < {n["id"] for n in wider["nodes"]}
    early = network(demo_db, "--until", "2016-12-31")
    assert early["graph"]["edges"] >= 1 and all(e["first"] <= "2016-12-31" for e in early["edges"])
    out = tmp_path / "net.json"
    result = run("--db", str(demo_db), "network", "--since", "2021-10-01", "-o", str(out))
    assert result.exit_code == 0 and "written to" in result.stderr and result.stdout == ""
    assert json.loads(out.read_text())["graph"]["since"] == "2021-10-01"


@pytest.mark.parametrize("args, code", [
    (("--actor", "Sons of Nobody"), "CL-E750"),
    (("--format", "graphml"), "CL-E751"),
    (("--depth", "-1", "--actor", "TTP"), "CL-E751"),
    (("--since", "2021-02-01", "--until", "2021-01-01"), "CL-E751"),
    (("--since", "last week"), "CL-E108"),
    (("-o", "/nonexistent/dir/net.json"), "CL-E754"),
])
def test_bad_options_are_coded_errors(demo_db, args, code):
    result = run("--db", str(demo_db), "network", *args)
    assert result.exit_code == 2 and code in result.stderr and "Traceback" not in result.output


def test_no_database_is_a_coded_error(tmp_path):
    result = run("--db", str(tmp_path / "none.db"), "network")
    assert result.exit_code == 2 and "CL-E200" in result.stderr


def test_ingesting_the_demo_again_changes_no_relation(demo_db):
    query = "SELECT * FROM actor_relations ORDER BY id"
    with sqlite3.connect(demo_db) as conn:
        before = conn.execute(query).fetchall()
    assert run("--db", str(demo_db), "--quiet", "demo").exit_code == 0
    with sqlite3.connect(demo_db) as conn:
        assert conn.execute(query).fetchall() == before and len(before) >= 25


def test_a_confidential_report_leaves_no_text_or_source_in_the_network(tmp_path):
    from conflictlens import pipeline

    sample = next(p for p in pipeline.sample_paths() if p.name.startswith("12_"))
    db = tmp_path / "conf.db"
    assert run("--db", str(db), "--quiet", "ingest", "--confidential", str(sample)).exit_code == 0
    text = json.dumps(network(db))
    body = sample.read_text(encoding="utf-8").split("\n\n", 1)[1]
    assert "Pakistan's foreign office" not in text and "Indus Monitor" not in text
    assert "safe haven in Kunar" not in text and "confidential source" in text
    with sqlite3.connect(db) as conn:
        real_ids = [r[0] for r in conn.execute("SELECT id FROM actor_relations")] + \
                   [r[0] for r in conn.execute("SELECT id FROM documents")]
    assert real_ids and not any(i in text for i in real_ids)
    assert document_id(body) not in text
    assert '"Tehrik-i-Taliban Pakistan (TTP)"' in text  # coded facts stay
