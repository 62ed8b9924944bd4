"""`attribution`, `grades`, `confidential` and `ingest --confidential`, end to end.

The confidential test walks every output path the command line has and checks that no text or
identity of a confidential source appears in any of them.
"""

import json

import pytest
from typer.testing import CliRunner

from conflictlens.cli import app
from conflictlens.extract.extractor import Extractor
from conflictlens.model.ids import document_id, normalise_text
from conflictlens.store import Store

runner = CliRunner()

PUBLIC = """Title: Clinic attack in Jalalabad
Published: 2021-06-09
Outlet: Eastern Herald

Gunmen attacked a health clinic in Jalalabad, Nangarhar province, on Monday, killing six patients and two nurses. \
No group claimed responsibility for the attack. On Wednesday the US Secretary of State blamed the Taliban for the \
attack. The Islamic State Khorasan Province, a rival of the Taliban, denied any part in it. Sources told the Eastern \
Herald that Lashkar-e-Taiba had supplied the weapons for the attack.
"""
QUOTING = """Title: Market bombing in Kunduz
Published: 2021-06-12
Outlet: Reuters

A bomb exploded at a market in Kunduz city on Friday, killing five people. Ahmad Zia, a local elder, said the \
Taliban were behind the bombing. The Taliban denied involvement.
"""
MEMO_BODY = ("Mirwais Durrani, a guard at the Spin Ghar checkpoint, said the Haqqani Network carried out the attack "
             "on the checkpoint in Khost province on Tuesday that killed three guards.")
# Dated before the bundled samples, so that the demo summary (the first 15 events by date) shows it.
MEMO = f"Title: Tip from the Spin Ghar desk\nPublished: 2021-01-20\n\n{MEMO_BODY}\n"
# Strings that must never appear in output: the memo's words and title, its path, and the protected name.
SECRETS = ("Mirwais", "Durrani", "Spin Ghar", "a guard at", "memo_7", "Ahmad Zia", "Zia,")


def run(*args, ok=True):
    result = runner.invoke(app, list(args), catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory):
    root = tmp_path_factory.mktemp("newsroom")
    (root / "clinic.txt").write_text(PUBLIC, encoding="utf-8")
    (root / "kunduz.txt").write_text(QUOTING, encoding="utf-8")
    (root / "memo_7.txt").write_text(MEMO, encoding="utf-8")
    db = str(root / "news.db")
    run("--db", db, "--quiet", "ingest", str(root / "clinic.txt"), str(root / "kunduz.txt"))
    run("--db", db, "--quiet", "ingest", "--confidential", str(root / "memo_7.txt"))
    run("--db", db, "confidential", "add", "Ahmad Zia", "--by", "Desk", "--why", "source protection")
    run("--db", db, "grades", "set", "Ahmad Zia", "B", "--by", "Desk", "--why", "known to the desk for years")
    return root, db


def event_ids(db):
    return [json.loads(line)["id"] for line in run("--db", db, "events", "--format", "ndjson").stdout.splitlines()]


MEMO_ID = document_id(normalise_text(MEMO_BODY))  # the memo's real document id


def assert_clean(output):
    for secret in (*SECRETS, MEMO_ID):
        assert secret not in output, secret


def test_every_output_path_hides_confidential_sources(newsroom):
    root, db = newsroom
    outputs = [run("--db", db, "events", "--format", fmt).stdout for fmt in ("table", "json", "ndjson", "csv")]
    ids = event_ids(db)
    assert len(ids) == 3
    for event_id in ids:
        outputs += [run("--db", db, "show", event_id, "--format", fmt).stdout for fmt in ("json", "table")]
        outputs += [run("--db", db, "attribution", event_id, "--format", fmt).stdout for fmt in ("json", "table")]
    outputs += [run("--db", db, "search", q).stdout for q in ("Mirwais", "Zia", "checkpoint", "Haqqani", "guard")]
    outputs += [run("--db", db, "extract", str(root / name), "--format", fmt).stdout
                for name in ("memo_7.txt", "kunduz.txt") for fmt in ("json", "ndjson")]
    batch = root / "batch.jsonl"
    batch.write_text("\n".join(json.dumps({"id": n, "text": t, "published": "2021-06-16"})
                               for n, t in (("b1", MEMO_BODY), ("b2", QUOTING.split("\n\n", 1)[1]))) + "\n")
    outputs.append(run("--db", db, "extract", "--input", str(batch)).stdout)
    outputs.append(run("--db", db, "grades", "list", "--format", "json").stdout)
    outputs.append(run("--db", db, "grades", "list").stdout)
    outputs += [run("--db", db, "export", "--format", fmt).stdout
                for fmt in ("acled", "gtd", "geojson", "stix", "graphml", "ndjson", "csv")]
    for output in outputs:
        assert output.strip()
        assert_clean(output)


def test_confidential_statements_show_as_confidential_source_with_their_grade(newsroom):
    _root, db = newsroom
    records = [json.loads(line) for line in run("--db", db, "events", "--format", "ndjson").stdout.splitlines()]
    memo_event = next(r for r in records if r["perpetrator"] == "Haqqani Network")
    assert memo_event["document_id"] != MEMO_ID
    assert [(a["by"], a["reliability"], a["credibility"]) for a in memo_event["attribution"]] == [
        ("confidential source", "F", 3)]
    kunduz = next(r for r in records if r["location"]["admin1"] == "Kunduz")
    graded = {(a["by"], a["stance"]): (a["reliability"], a["credibility"]) for a in kunduz["attribution"]}
    assert graded[("confidential source", "attributed")] == ("B", 4)  # the desk's own grade of the person
    ledger = json.loads(run("--db", db, "attribution", memo_event["id"], "--format", "json").stdout)
    assert ledger["event_id"] == memo_event["id"] and ledger["statements"][0]["by"] == "confidential source"
    assert ledger["statements"][0]["evidence"] == "[confidential source]"


def test_demo_summary_hides_confidential_events(tmp_path):
    (tmp_path / "memo_7.txt").write_text(MEMO, encoding="utf-8")
    db = str(tmp_path / "demo.db")
    run("--db", db, "--quiet", "ingest", "--confidential", str(tmp_path / "memo_7.txt"))
    pseudonym = json.loads(run("--db", db, "events", "--format", "ndjson").stdout)["id"]
    output = run("--db", db, "demo").stdout
    assert_clean(output)
    with Store.open(db) as store:
        [real_id] = [e.id for e in store.iter_events() if e.document_id == MEMO_ID]
    assert pseudonym != real_id and pseudonym[:10] in output and real_id[:10] not in output


def test_confidential_list_is_for_the_newsroom(newsroom):
    _root, db = newsroom
    result = run("--db", db, "confidential", "list")
    kinds = [json.loads(line)["kind"] for line in result.stdout.splitlines()]
    assert kinds == ["document", "person"] and "never publish" in result.stderr


def test_ledger_of_the_clinic_and_an_override_that_survives_re_extraction(newsroom, monkeypatch):
    root, db = newsroom
    clinic = next(i for i in event_ids(db) if "US Secretary" in run("--db", db, "show", i, "--format", "json").stdout)
    ledger = json.loads(run("--db", db, "attribution", clinic, "--format", "json").stdout)
    assert (ledger["answer"]["actor"], ledger["answer"]["phrase"]) == ("Taliban", "roughly even chance")
    assert [h["actor"] for h in ledger["matrix"]["hypotheses"]][0] == "Taliban"
    table = run("--db", db, "attribution", clinic).stdout
    assert "Analysis of Competing Hypotheses" in table and "inconsistency (Heuer)" in table

    run("--db", db, "attribution", clinic, "--set", "LeT", "--why", "arms seized match", "--by", "R. Analyst")
    monkeypatch.setattr(Extractor, "version", "99.0-test")  # forces re-extraction of every document
    result = run("--db", db, "ingest", str(root / "clinic.txt"))
    assert "1 updated" in result.stderr
    ledger = json.loads(run("--db", db, "attribution", clinic, "--format", "json").stdout)
    assert ledger["answer"]["actor"] == "Lashkar-e-Taiba (LeT)" and ledger["answer"]["basis"] == "analyst override"
    assert ledger["answer"]["override"]["analyst"] == "R. Analyst"
    assert ledger["rule_answer"]["actor"] == "Taliban"
    shown = json.loads(run("--db", db, "show", clinic, "--format", "json").stdout)
    assert shown["perpetrator"] == "Lashkar-e-Taiba (LeT)" and "attributed to Lashkar-e-Taiba" in shown["summary"]
    assert shown["assessment"]["basis"] == "analyst override"
    # Filters follow the analyst's answer: the clinic is listed and exported under LeT, not the Taliban.
    assert clinic in listed(db, "events", "--perpetrator", "Lashkar-e-Taiba (LeT)")
    assert clinic not in listed(db, "events", "--perpetrator", "Taliban")
    assert clinic in listed(db, "export", "--format", "ndjson", "--perpetrator", "Lashkar-e-Taiba (LeT)", "--limit", "1")
    run("--db", db, "attribution", clinic, "--clear", "--why", "reviewed again", "--by", "Editor")
    assert clinic in listed(db, "events", "--perpetrator", "Taliban")
    ledger = json.loads(run("--db", db, "attribution", clinic, "--format", "json").stdout)
    assert ledger["answer"]["actor"] == "Taliban"
    assert [h["action"] for h in ledger["history"]] == ["set", "clear"]


def listed(db, *args) -> list[str]:
    """Ids of the events a listing command prints as NDJSON."""
    if "--format" not in args:
        args = (*args, "--format", "ndjson")
    return [json.loads(line)["id"] for line in run("--db", db, *args).stdout.splitlines() if line.strip()]


@pytest.mark.parametrize("args, code", [
    (("attribution", "EVENT", "--set", "Taliban", "--by", "A"), "CL-E721"),
    (("attribution", "EVENT", "--set", "Taliban", "--why", "w"), "CL-E721"),
    (("attribution", "EVENT", "--set", "Taliban", "--why", "w", "--by", "A", "--phrase", "maybe"), "CL-E727"),
    (("attribution", "evt_0000000000000000"), "CL-E202"),
    (("attribution", "EVENT", "--format", "xml"), "CL-E400"),
    (("confidential", "add", "Al"), "CL-E724"),
    (("confidential", "add", "--document", "doc_0000000000000000"), "CL-E725"),
    (("grades", "set", "Reuters", "G", "--by", "A", "--why", "w"), "CL-E720"),
])
def test_bad_input_is_a_coded_error(newsroom, args, code):
    _root, db = newsroom
    first = event_ids(db)[0]
    result = run("--db", db, *(first if a == "EVENT" else a for a in args), ok=False)
    assert result.exit_code == 2 and code in result.stderr and "Traceback" not in result.output
