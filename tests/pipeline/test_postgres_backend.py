"""The core commands answer the same on a PostgreSQL store as on a SQLite file, and several programs
writing to one PostgreSQL store at once lose nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from conflictlens.cli import app
from conflictlens.store import Store
from tests.ingest.dataset_rows import ACLED_ROWS, GTD_ROWS, UCDP_ROWS, write_csv

REPORTS = [
    {"id": "pg-1", "title": "Market bombing in Maiduguri", "published": "2024-03-05",
     "text": "MAIDUGURI, Nigeria, March 5, 2024 - A suicide bomber killed 12 people at a crowded market in "
             "Maiduguri on Tuesday, police said. Boko Haram was suspected."},
    {"id": "pg-2", "title": "Hotel siege in Mogadishu", "published": "2023-06-02",
     "text": "MOGADISHU, Somalia, June 2, 2023 - Al-Shabaab gunmen stormed a hotel in Mogadishu on Friday, "
             "killing at least 9 people, officials said. The group claimed the attack."},
]
# The read commands whose output must not depend on the backend.
READS = [("events", "--format", "json"), ("export", "--format", "acled"), ("export", "--format", "ucdp"), ("export", "--format", "gtd"),
         ("export", "--format", "geojson"), ("incidents", "list"), ("network", "--format", "json")]


def run(db: str, *args: object) -> str:
    result = CliRunner().invoke(app, ["--db", db, "--quiet", *[str(a) for a in args]], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def write_reports(path: Path, reports: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in reports), encoding="utf-8")
    return path


def fill(db: str, tmp_path: Path) -> None:
    run(db, "ingest", write_reports(tmp_path / "reports.jsonl", REPORTS))
    run(db, "import", "acled", write_csv(tmp_path / "acled.csv", "acled", ACLED_ROWS))
    run(db, "import", "gtd", write_csv(tmp_path / "gtd.csv", "gtd", GTD_ROWS))
    run(db, "import", "ucdp", write_csv(tmp_path / "ucdp.csv", "ucdp", UCDP_ROWS))


def test_core_commands_answer_alike_on_sqlite_and_postgresql(postgres_url: str, tmp_path: Path) -> None:
    sqlite_db = str(tmp_path / "store.db")
    for db in (sqlite_db, postgres_url):
        fill(db, tmp_path)
    for read in READS:
        assert run(postgres_url, *read) == run(sqlite_db, *read), read
    assert json.loads(run(postgres_url, "events", "--format", "json"))  # something was compared
    for words in ("market", "al-Shabaab hotel", "killed"):  # the same documents; rank and snippet are each engine's
        hits = {db: [json.loads(line) for line in run(db, "search", words).splitlines()] for db in (sqlite_db, postgres_url)}
        assert sorted((h["document_id"], str(h["title"])) for h in hits[postgres_url]) == \
            sorted((h["document_id"], str(h["title"])) for h in hits[sqlite_db]), words
        assert hits[postgres_url] and all("[" in h["snippet"] for h in hits[postgres_url])
    first, second = (e["id"] for e in json.loads(run(postgres_url, "events", "--format", "json"))[:2])
    for db in (sqlite_db, postgres_url):  # an analyst's corrections, then what they change
        run(db, "merge", first, second, "--analyst", "ana", "--reason", "one attack")
        run(db, "split", second, "--analyst", "ana", "--reason", "two attacks after all")
    assert [json.loads(line)["action"] for line in run(postgres_url, "incidents", "decisions").splitlines()] == \
        ["merge", "split"]
    assert run(postgres_url, "incidents", "list") == run(sqlite_db, "incidents", "list")


def test_two_ingests_and_an_analyst_in_parallel_lose_nothing(postgres_url: str, tmp_path: Path) -> None:
    """Three programs at once on one PostgreSQL store: two ingest their own reports, one grades sources."""
    Store.open(postgres_url).close()  # the schema exists before the three start
    north = [dict(r, id=f"n{i}-{r['id']}", text=f"{r['text']} (north desk copy {i})") for i in range(4) for r in REPORTS]
    south = [dict(r, id=f"s{i}-{r['id']}", text=f"{r['text']} (south desk copy {i})") for i in range(4) for r in REPORTS]
    cli = "import sys; from conflictlens.cli import main; sys.argv[0] = 'conflictlens'; sys.exit(main())"
    root = str(Path(__file__).resolve().parents[2])

    def start(*args: object) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-c", cli, "--db", postgres_url, "--quiet", *map(str, args)],
                                cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env={**os.environ, "PYTHONPATH": root})

    grading = " && ".join(f"{sys.executable} -c \"{cli}\" --db '{postgres_url}' --quiet grades set 'Desk {i}' B "
                          f"--by ana --why checked" for i in range(6))
    programs = [start("ingest", write_reports(tmp_path / "north.jsonl", north)),
                start("ingest", write_reports(tmp_path / "south.jsonl", south)),
                subprocess.Popen(grading, shell=True, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True, env={**os.environ, "PYTHONPATH": root})]
    for program in programs:
        out, err = program.communicate(timeout=600)
        assert program.returncode == 0, err
    events = json.loads(run(postgres_url, "events", "--format", "json"))
    assert {e["document_id"] for e in events} and len({e["document_id"] for e in events}) == len(north) + len(south)
    assert run(postgres_url, "grades", "list", "--format", "json").count("\"set_by\": \"ana\"") == 6
    assert len(run(postgres_url, "search", "desk", "--limit", "100").splitlines()) == len(north) + len(south)
    incidents = [json.loads(line) for line in run(postgres_url, "incidents", "list").splitlines()]
    assert sorted(m for i in incidents for m in i["members"]) == sorted(e["id"] for e in events)  # all resolved


def test_migrate_copies_a_store_both_ways_and_refuses_a_full_target(postgres_url: str, tmp_path: Path) -> None:
    sqlite_db, back = str(tmp_path / "store.db"), str(tmp_path / "back.db")
    fill(sqlite_db, tmp_path)
    first = json.loads(run(sqlite_db, "events", "--format", "json"))[0]
    run(sqlite_db, "grades", "set", "Invented Wire", "C", "--by", "ana", "--why", "checked")
    run(sqlite_db, "confidential", "add", "--document", first["document_id"], "--by", "ana", "--why", "a source")
    counts = json.loads(run("unused.db", "migrate", "--from", sqlite_db, "--to", postgres_url))
    assert counts["documents"] > len(REPORTS) and counts["events"] == len(json.loads(run(sqlite_db, "events", "--format", "json")))
    for read in (*READS, ("grades", "list")):  # pseudonyms too: the secret came along
        assert run(postgres_url, *read) == run(sqlite_db, *read), read
    assert json.loads(run("unused.db", "migrate", "--from", postgres_url, "--to", back)) == counts
    for read in READS:
        assert run(back, *read) == run(sqlite_db, *read), read
    again = CliRunner().invoke(app, ["migrate", "--from", sqlite_db, "--to", postgres_url])
    assert again.exit_code != 0 and "CL-E212" in again.output
