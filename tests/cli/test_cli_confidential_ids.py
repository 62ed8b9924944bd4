"""A confidential report's real ids never leave, analyst decisions included (issue 17, follow-up).

A real event id rebuilds the document id and ties the report to its events, which is what the
pseudonym hides. A public and a confidential report of one attack are merged into one incident;
an analyst splits the confidential event out and merges it back, giving its pseudonym and a
prefix of it. Every command that prints stored material then runs, and every `evt_`/`doc_` id in
every output is checked against the confidential report's real ids, read from the store itself.
"""

import json
import re

import pytest
from typer.testing import CliRunner

from conflictlens.cli import app
from conflictlens.store import Store
from conflictlens.store import ledger
from tests.clinic_reports import PUBLIC, TIP

runner = CliRunner()
ID = re.compile(r"(?:evt|doc)_[0-9a-f]{16}")

MARKET = """Title: Bomb at Kunduz market
Published: 2021-06-12
Outlet: Kunduz Daily

A bomb exploded at a market in Kunduz city on Friday, killing five people. The Taliban denied involvement.
"""


def run(*args, ok=True):
    result = runner.invoke(app, [str(a) for a in args], catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output
    return result


def ndjson(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory):
    """(folder, db, real ids of the confidential report and its events, ids as `events` shows them)."""
    root = tmp_path_factory.mktemp("ids")
    for name, text in (("public.txt", PUBLIC), ("tip.txt", TIP), ("market.txt", MARKET)):
        (root / name).write_text(text, encoding="utf-8")
    db = str(root / "ids.db")
    run("--db", db, "--quiet", "ingest", root / "public.txt", root / "market.txt")
    run("--db", db, "--quiet", "ingest", "--confidential", root / "tip.txt")
    with Store.open(db) as store:
        documents = ledger.confidential_documents(store)
        secret = set(documents) | set(ledger.event_ids_of_documents(store, documents))
    assert len(secret) == 2  # the tip and its one event
    shown = [e["id"] for e in ndjson(run("--db", db, "events", "--format", "ndjson").stdout)]
    return root, db, secret, shown


def decision_outputs(db, shown, secret):
    """Split the confidential event out by its pseudonym, merge it back by a prefix of it, merge in the
    market bombing; then every command printing decisions."""
    hidden, = [i for i in shown if i not in secret and not public_event(db, i)]
    clinic, market = (next(i for i in shown if public_event(db, i) == place) for place in ("Nangarhar", "Kunduz"))
    decide = ("--analyst", "desk", "--reason")
    out = [("split", run("--db", db, "split", hidden, *decide, "a second attack").stdout),
           ("merge", run("--db", db, "merge", hidden[:10], clinic, *decide, "one attack").stdout),
           ("merge market", run("--db", db, "merge", market, hidden, *decide, "complex").stdout),
           ("incidents decisions", run("--db", db, "incidents", "decisions").stdout)]
    for given in (hidden, hidden[:10], clinic):
        out.append((f"incidents decisions {given}", run("--db", db, "incidents", "decisions", given).stdout))
    return hidden, out


def public_event(db, event_id):
    """The province of a public event (shown under its real id); None for a pseudonym."""
    result = run("--db", db, "show", event_id, "--format", "json")
    record = json.loads(result.stdout)
    return None if record["summary"] == "[confidential source]" else record["location"]["admin1"]


def every_output(root, db, shown):
    out = [(f"events {f}", run("--db", db, "events", "--format", f).stdout) for f in ("table", "json", "ndjson", "csv")]
    for event_id in shown:
        for cmd in ("show", "attribution", "why"):
            out += [(f"{cmd} {event_id} {f}", run("--db", db, cmd, event_id, "--format", f).stdout)
                    for f in ("json", "table")]
        out.append((f"incidents show {event_id}", run("--db", db, "incidents", "show", event_id).stdout))
    out.append(("incidents list", run("--db", db, "incidents", "list").stdout))
    out += [(f"search {q}", run("--db", db, "search", q).stdout) for q in ("guard", "clinic", "Jalalabad", "market")]
    out.append(("network", run("--db", db, "network").stdout))
    out += [(f"actors show {f}", run("--db", db, "actors", "show", "ISKP", "--format", f).stdout)
            for f in ("json", "table")]
    out.append(("candidates", run("--db", db, "actors", "candidates", "--status", "all", "--format", "ndjson").stdout))
    out += [(f"export {f}", run("--db", db, "export", "--format", f).stdout)
            for f in ("acled", "gtd", "geojson", "stix", "graphml", "ndjson", "csv")]
    out.append(("extract", run("--db", db, "extract", root / "tip.txt", "--format", "json").stdout))
    return out


def test_no_real_id_of_a_confidential_report_leaves_by_any_path(newsroom):
    root, db, secret, shown = newsroom
    hidden, decided = decision_outputs(db, shown, secret)
    outputs = decided + every_output(root, db, shown)
    for where, output in outputs:
        leaked = set(ID.findall(output)) & secret
        assert not leaked, f"{where} shows {leaked}"
    printed = dict(outputs)
    # The decisions are there, under the pseudonym; a pseudonym and its prefix find them.
    assert hidden in json.loads(printed["split"])["events"]
    assert len(ndjson(printed["incidents decisions"])) == 3
    assert len(ndjson(printed[f"incidents decisions {hidden}"])) == 3
    assert len(ndjson(printed[f"incidents decisions {hidden[:10]}"])) == 3
    assert hidden in printed["incidents decisions"]


def test_a_prefix_of_a_real_id_finds_no_decision(newsroom):
    """The decisions filter matches ids as output shows them: a prefix of a real id is no oracle."""
    _root, db, secret, shown = newsroom
    hidden, = [i for i in shown if i not in secret and not public_event(db, i)]
    run("--db", db, "split", hidden, "--reason", "a second attack", "--analyst", "desk", ok=False)
    assert ndjson(run("--db", db, "incidents", "decisions", hidden).stdout)  # there are decisions to find
    real_event = next(i for i in secret if i.startswith("evt_"))
    for length in (8, 12, 19):  # the whole real id is still taken, as everywhere (pipeline.event_ids)
        prefix = real_event[:length]
        assert not any(i.startswith(prefix) for i in shown)  # it starts no id that output shows
        assert ndjson(run("--db", db, "incidents", "decisions", prefix, ok=False).stdout) == [], prefix
