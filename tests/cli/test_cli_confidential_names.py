"""A confidential person is never named in any output, in any form (issue 17).

The person is marked before anything is stored (on a brand-new database), then reports name them
in the text, the title, the URL slug (hyphens, `%20`, `_`, `+`), by surname alone, and inside an
organisation's name; one report is also marked confidential by its id. Every command that prints
stored material runs, and every output is searched, case-insensitively, for every form of the name.
"""

import json

import pytest
from typer.testing import CliRunner

from conflictlens.cli import app
from conflictlens.model.ids import document_id, normalise_text

runner = CliRunner()

PERSON = "Zebratitle Noorzai"
# Every form of the name, searched for in lower-cased output: the full name, the slug, each part.
FORMS = ("zebratitle noorzai", "zebratitle-noorzai", "zebratitle", "noorzai")

CLINIC = """Title: Zebratitle Noorzai says Islamic State behind Jalalabad clinic attack
Published: 2021-06-09
URL: https://news.example.org/2021/06/zebratitle-noorzai-jalalabad-clinic
Outlet: Eastern Herald

Gunmen attacked a health clinic in Jalalabad, Nangarhar province, on Monday, killing six patients. \
Zebratitle Noorzai, a member of the provincial council, said the Islamic State Khorasan Province carried out \
the attack. Noorzai added that the Taliban had warned the clinic in May. Staff of the Noorzai Foundation, which \
runs the clinic, said two nurses were wounded.
"""
# No outlet: the title is the report's label wherever its source is shown (incidents, `why`).
MARKET = """Title: Noorzai on the market bombing in Kunduz
Published: 2021-06-12
URL: https://kunduz.example.org/news/Zebratitle%20Noorzai_interview?who=zebratitle+noorzai

A bomb exploded at a market in Kunduz city on Friday, killing five people. NOORZAI said the Taliban and the \
Haqqani Network had carried out joint attacks in Kunduz since 2019. The Taliban denied involvement.
"""
MEMO_BODY = ("Zebratitle Noorzai, a guard at the Spin Ghar checkpoint, said the Haqqani Network carried out the "
             "attack on the checkpoint in Khost province on Tuesday that killed three guards.")
MEMO = f"Title: Tip from Noorzai\nPublished: 2021-01-20\n\n{MEMO_BODY}\n"
MEMO_ID = document_id(normalise_text(MEMO_BODY))


def run(*args, ok=True):
    result = runner.invoke(app, list(args), catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory):
    root = tmp_path_factory.mktemp("names")
    for name, text in (("clinic.txt", CLINIC), ("market.txt", MARKET), ("memo.txt", MEMO)):
        (root / name).write_text(text, encoding="utf-8")
    db = str(root / "names.db")
    run("--db", db, "confidential", "add", PERSON, "--by", "Desk")  # before any ingest: the store is new
    run("--db", db, "--quiet", "ingest", *(str(root / n) for n in ("clinic.txt", "market.txt", "memo.txt")))
    run("--db", db, "confidential", "add", "--document", MEMO_ID, "--by", "Desk")
    return root, db


def ndjson(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def assert_unnamed(output, where):
    lowered = output.lower()
    for form in FORMS:
        assert form not in lowered, f"{form!r} in {where}"
    assert MEMO_ID not in output, where


def every_output(root, db):
    """(where, stdout) of every command that prints stored material."""
    out = [(f"events {f}", run("--db", db, "events", "--format", f).stdout) for f in ("table", "json", "ndjson", "csv")]
    ids = [e["id"] for e in ndjson(out[2][1])]
    for event_id in ids:
        for cmd in ("show", "attribution", "why"):
            out += [(f"{cmd} {f}", run("--db", db, cmd, event_id, "--format", f).stdout) for f in ("json", "table")]
        out.append(("incidents show", run("--db", db, "incidents", "show", event_id).stdout))
    out.append(("incidents list", run("--db", db, "incidents", "list").stdout))
    out += [(f"search {q}", run("--db", db, "search", q).stdout)
            for q in (PERSON, "Noorzai", "zebratitle-noorzai", "clinic", "Foundation", "Kunduz", "checkpoint")]
    out.append(("network", run("--db", db, "network").stdout))
    out.append(("network Taliban", run("--db", db, "network", "--actor", "Taliban").stdout))
    out += [(f"candidates {f}", run("--db", db, "actors", "candidates", "--status", "all", "--format", f).stdout)
            for f in ("table", "ndjson")]
    out += [(f"actors show {a} {f}", run("--db", db, "actors", "show", a, "--format", f).stdout)
            for a in ("Taliban", "Haqqani Network") for f in ("json", "table")]
    out += [(f"export {f}", run("--db", db, "export", "--format", f).stdout)
            for f in ("acled", "gtd", "geojson", "stix", "graphml", "ndjson", "csv")]
    out += [(f"extract {f}", run("--db", db, "extract", str(root / "clinic.txt"), "--format", f).stdout)
            for f in ("json", "ndjson")]
    batch = root / "batch.jsonl"
    batch.write_text(json.dumps({"id": "b1", "text": CLINIC.split("\n\n", 1)[1], "published": "2021-06-10",
                                 "url": "https://x.example/zebratitle_noorzai"}) + "\n", encoding="utf-8")
    out.append(("extract --input", run("--db", db, "extract", "--input", str(batch)).stdout))
    out += analyst_outputs(db, ndjson(out[2][1]))
    return ids, out


def analyst_outputs(db, events):
    """An analyst's merge whose reason names the person, then the commands that print decisions."""
    public = [e["id"] for e in events if (e["location"] or {}).get("admin1") in ("Nangarhar", "Kunduz")]
    out = [("merge", run("--db", db, "merge", *public[:2], "--reason", "Noorzai says one attack",
                         "--analyst", "desk").stdout)]
    out.append(("incidents decisions", run("--db", db, "incidents", "decisions").stdout))
    out += [(f"why {f} after merge", run("--db", db, "why", public[0], "--format", f).stdout) for f in ("json", "table")]
    assert "one attack" in out[1][1]  # the reason is shown, masked
    return out


def test_no_form_of_a_confidential_name_leaves_by_any_path(newsroom):
    root, db = newsroom
    ids, outputs = every_output(root, db)
    assert len(ids) >= 3  # one report or more each
    for where, output in outputs:
        assert_unnamed(output, where)
    shown = dict(outputs)
    assert "Taliban" in shown["events ndjson"] and "Eastern Herald" in shown["export acled"]  # facts stay


def test_search_is_no_oracle_for_a_confidential_name(newsroom):
    _root, db = newsroom
    for query in (PERSON, "Noorzai", "noorzai's", "zebratitle-noorzai", "Zebratitle+Noorzai"):
        assert ndjson(run("--db", db, "search", query).stdout) == [], query
    # The name's words are left out of a query; the rest is searched, and snippets are masked.
    hits = ndjson(run("--db", db, "search", "Noorzai Foundation").stdout)
    assert len(hits) == 1 and "[confidential source]" in hits[0]["snippet"]
    assert ndjson(run("--db", db, "search", "clinic").stdout)
    # A hit on the confidential report shows no words and no id: its pseudonym would tie the searched
    # word to the report's events.
    assert ndjson(run("--db", db, "search", "checkpoint").stdout) == [
        {"document_id": None, "title": "[confidential source]", "snippet": "[confidential source]"}]


def test_candidates_show_no_organisation_named_after_the_person(newsroom):
    _root, db = newsroom
    names = [r["name"] for r in ndjson(run("--db", db, "actors", "candidates", "--status", "all",
                                          "--format", "ndjson").stdout)]
    assert not any("noorzai" in n.lower() for n in names)


def test_a_person_can_be_marked_before_the_first_ingest(tmp_path):
    db = str(tmp_path / "new.db")
    run("--db", db, "confidential", "add", PERSON)
    assert [r["name"] for r in ndjson(run("--db", db, "confidential", "list").stdout)] == [PERSON]
    # A document cannot be marked before it is stored: that is still a coded error, and no store is left behind.
    other = str(tmp_path / "other.db")
    result = run("--db", other, "confidential", "add", "--document", "doc_0000000000000000", ok=False)
    assert result.exit_code == 2 and "CL-E200" in result.stderr
