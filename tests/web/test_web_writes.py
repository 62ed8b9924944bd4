"""Tokens (`conflictlens tokens`) and the write routes: scopes, audit under the token's name."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest
from typer.testing import CliRunner

from conflictlens.cli import app as cli_app
from tests.web.web_helpers import cli, client_over

pytest.importorskip("fastapi", reason="the web extra (fastapi) is not installed")
pytest.importorskip("httpx", reason="httpx (FastAPI's TestClient) is not installed")

REPORT = ("Gunmen attacked a police checkpoint in Maidan Shar, Wardak province, on Tuesday, killing four "
          "policemen. The Taliban claimed responsibility for the attack.")


@pytest.fixture
def desk(demo_db, tmp_path):
    """A copy of the demo store with a write token and a read token: (db, client, write secret, read secret)."""
    db = tmp_path / "desk.db"
    shutil.copyfile(demo_db, db)
    write = cli("--db", db, "tokens", "create", "alice", "--scope", "write").stdout.strip()
    read = cli("--db", db, "tokens", "create", "reader").stdout.strip()
    return db, client_over(db), write, read


def bearer(secret):
    return {"Authorization": f"Bearer {secret}"}


def test_tokens_are_printed_once_and_stored_hashed(desk):
    db, _client, write, read = desk
    listed = [json.loads(line) for line in cli("--db", db, "tokens", "list").stdout.splitlines()]
    assert [(t["name"], t["scope"]) for t in listed] == [("alice", "write"), ("reader", "read")]
    assert write not in json.dumps(listed)
    with sqlite3.connect(db) as conn:
        stored = conn.execute("SELECT group_concat(token_hash || name || scope) FROM api_tokens").fetchone()[0]
    assert write not in stored and read not in stored and len(write) > 40


def test_token_commands_refuse_bad_names_scopes_and_repeats(desk):
    db = desk[0]
    runner = CliRunner()
    for args, code in ((["tokens", "create", "alice", "--scope", "write"], "CL-E915"),
                       (["tokens", "create", "bob", "--scope", "admin"], "CL-E911"),
                       (["tokens", "create", "no spaces"], "CL-E911"),
                       (["tokens", "revoke", "nobody"], "CL-E910")):
        result = runner.invoke(cli_app, ["--db", str(db), *args])
        assert result.exit_code != 0 and code in result.output, (args, result.output)


def test_writes_need_a_live_write_token(desk):
    db, client, write, read = desk
    body = {"actor": "Taliban", "why": "second source"}
    event = client.get("/api/events", params={"limit": 1}).json()["events"][0]["id"]
    assert client.post(f"/api/attribution/{event}", json=body).json()["error"]["code"] == "CL-E907"
    assert client.post(f"/api/attribution/{event}", json=body, headers=bearer("clt_guess")).status_code == 401
    refused = client.post(f"/api/attribution/{event}", json=body, headers=bearer(read))
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "CL-E908"
    cli("--db", db, "tokens", "revoke", "alice")
    assert client.post(f"/api/attribution/{event}", json=body, headers=bearer(write)).status_code == 401


def test_override_is_audited_under_the_tokens_name(desk):
    _db, client, write, _read = desk
    by_actor = lambda: {g["key"]: g["events"] for g in  # noqa: E731
                        client.get("/api/aggregates", params={"by": "actor"}).json()["groups"]}
    event, before = client.get("/api/events", params={"type": "Suicide bomb"}).json()["events"][0], by_actor()
    old, event = event["perpetrator"], event["id"]
    done = client.post(f"/api/attribution/{event}", headers=bearer(write),
                       json={"actor": "Islamic State Khorasan Province", "why": "claim found", "phrase": "likely"})
    assert done.status_code == 200, done.text
    new, after = client.get(f"/api/events/{event}").json()["perpetrator"], by_actor()
    assert new != old and "Islamic State" in new
    assert (after[new], after.get(old, 0)) == (before.get(new, 0) + 1, before[old] - 1)  # the analyst's answer
    iskp = client.get("/api/aggregates", params={"by": "month", "actor": "ISKP"}).json()["groups"]
    assert sum(g["events"] for g in iskp) == client.get("/api/events", params={"actor": "ISKP"}).json()["count"]
    ledger = client.get(f"/api/attribution/{event}").json()
    assert ledger["answer"]["override"] and ledger["history"][-1]["analyst"] == "alice"
    assert "Islamic State" in client.get(f"/api/events/{event}").json()["perpetrator"]
    cleared = client.post(f"/api/attribution/{event}/clear", headers=bearer(write), json={"why": "retracted"})
    assert cleared.status_code == 200, cleared.text
    trail = client.get("/api/audit", headers=bearer(write)).json()["writes"]
    assert [(w["token"], w["action"], w["subject"]) for w in trail[:2]] == [
        ("alice", "attribution clear", event), ("alice", "attribution set", event)]
    assert client.post(f"/api/attribution/{event}", headers=bearer(write), json={"actor": "X"}).status_code == 400


def test_merge_split_and_alias(desk):
    _db, client, write, _read = desk
    first, second = (e["id"] for e in client.get("/api/events", params={"admin1": "Kabul"}).json()["events"][:2])
    incident = lambda event: client.get(f"/api/incidents/{event}").json()["id"]  # noqa: E731
    assert incident(first) != incident(second)
    merged = client.post("/api/incidents/merge", headers=bearer(write),
                         json={"ids": [first, second], "reason": "one attack"})
    assert merged.status_code == 200, merged.text
    assert incident(first) == incident(second)
    split = client.post("/api/incidents/split", headers=bearer(write),
                        json={"event_ids": [second], "reason": "two attacks after all"})
    assert split.status_code == 200, split.text
    assert incident(first) != incident(second)
    decisions = client.get(f"/api/incidents/{second}/decisions").json()["decisions"]
    assert [(d["action"], d["analyst"]) for d in decisions] == [("merge", "alice"), ("split", "alice")]
    alias = client.post("/api/actors/Taliban/aliases", headers=bearer(write), json={"alias": "Talibs of the test"})
    assert alias.status_code == 200 and alias.json()["recorded"] is True
    assert client.get("/api/events", params={"actor": "Talibs of the test"}).json()["count"] > 0
    actions = [w["action"] for w in client.get("/api/audit", headers=bearer(write)).json()["writes"]]
    assert actions == ["actor alias", "split", "merge"]


def test_post_a_report(desk):
    _db, client, write, _read = desk
    posted = client.post("/api/reports", headers=bearer(write),
                         json={"text": REPORT, "title": "Checkpoint attack", "published": "2021-09-01",
                               "outlet": "Wardak Times"})
    assert posted.status_code == 201, posted.text
    body = posted.json()
    assert body["inserted"] == 1 and body["events"] >= 1
    found = client.get("/api/events", params={"admin1": "Wardak"}).json()["events"]
    assert any(e["document_id"] == body["document_id"] for e in found)
    assert client.post("/api/reports", headers=bearer(write), json={"text": ""}).json()["error"]["code"] == "CL-E912"
