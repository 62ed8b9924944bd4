"""Long reports (transcripts, PDF dumps, bulletins) through the command line: issue 17, defect 2.

A report over spaCy's 1,000,000-character limit used to end `ingest` and `extract` with a traceback
(spaCy's E088), losing the pending batch of good files and never reading the rest of the folder.
"""

import json
import sqlite3

import pytest
from typer.testing import CliRunner

from conflictlens.cli import app
from conflictlens.ingest import MAX_REPORT_CHARS, read_text_argument

runner = CliRunner()

# Repeated paragraphs without any event: a council session read out at length.
FILLER = ("The provincial council in Kabul met again to discuss the budget for schools, roads and clinics. "
          "Members of the Taliban delegation and elders from Nangarhar asked for more teachers and for the "
          "wheat harvest to be bought at a fair price. The session was adjourned at noon.")
# A few attacks, far apart: (paragraph, date, dead).
ATTACKS = (
    ("A roadside bomb exploded in Ghazni on March 2, 2021, killing 3 civilians and wounding four others.",
     "2021-03-02", 3),
    ("Gunmen opened fire on a police checkpoint in Kunduz on March 5, 2021. 6 police officers were killed.",
     "2021-03-05", 6),
    ("A roadside bomb exploded in Herat on March 9, 2021, killing 7 civilians and wounding four others.",
     "2021-03-09", 7),
)
LONG_CHARS = 1_200_000
GOOD = ("Published: 2021-03-20\n\nA suicide bomber blew himself up outside a mosque in Jalalabad, Nangarhar "
        "province, on March 18, 2021, killing 5 worshippers, police said.")


def long_report(chars: int = LONG_CHARS) -> str:
    """About `chars` characters of filler paragraphs, with the attacks spread over it (the last near the end)."""
    count = chars // (len(FILLER) + 2) + 2 * len(ATTACKS)  # attacks are shorter than the filler
    paragraphs = [FILLER] * count
    for i, (attack, _day, _dead) in enumerate(ATTACKS):
        paragraphs[(i + 1) * count // len(ATTACKS) - 2] = attack
    return "Published: 2021-03-20\n\n" + "\n\n".join(paragraphs)


def run(*args):
    return runner.invoke(app, list(args))


@pytest.fixture(scope="module")
def long_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("long") / "transcript.txt"
    path.write_text(long_report(), encoding="utf-8")
    assert len(path.read_text(encoding="utf-8")) > LONG_CHARS
    return path


def assert_attacks_found(events: list[dict], text: str) -> None:
    found = {(e["date"]["start"], (e.get("fatalities") or {}).get("best")) for e in events}
    assert {(day, dead) for _a, day, dead in ATTACKS} <= found
    spans = [ev for e in events for evs in e["evidence"].values() for ev in evs]
    assert spans and all(text[ev["start"]: ev["end"]] == ev["text"] for ev in spans)
    for attack, day, _dead in ATTACKS:  # each event points into its own paragraph
        [event] = [e for e in events if e["date"]["start"] == day]
        at = text.index(attack)
        assert all(at <= ev["start"] < ev["end"] <= at + len(attack) for evs in event["evidence"].values() for ev in evs)


def test_extract_long_report_finds_its_attacks_with_whole_document_spans(long_file):
    result = run("--db", str(long_file.parent / "none.db"), "extract", str(long_file))
    assert result.exit_code == 0, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    events = json.loads(result.stdout)
    assert_attacks_found(events, read_text_argument(long_file).text)
    assert len({e["id"] for e in events}) == len(events)


def test_ingest_folder_with_long_report_stores_it_and_its_neighbours(long_file, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a_before.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b_transcript.txt").write_text(long_file.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "c_after.txt").write_text(GOOD.replace("Jalalabad", "Kandahar"), encoding="utf-8")
    db = tmp_path / "long.db"
    result = run("--db", str(db), "ingest", str(folder))
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    with sqlite3.connect(db) as conn:
        paths = {p for (p,) in conn.execute("SELECT source_path FROM documents")}
        text = conn.execute("SELECT text FROM documents WHERE source_path LIKE '%transcript.txt'").fetchone()[0]
        records = [json.loads(r) for (r,) in conn.execute(
            "SELECT e.record FROM events e JOIN documents d ON d.id = e.document_id "
            "WHERE d.source_path LIKE '%transcript.txt'")]
    assert {p.rsplit("/", 1)[-1] for p in paths} == {"a_before.txt", "b_transcript.txt", "c_after.txt"}
    assert_attacks_found(records, text)


def test_ingest_names_a_report_over_the_hard_limit_and_stores_the_rest(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a_before.txt").write_text(GOOD, encoding="utf-8")
    too_long = folder / "b_too_long.txt"
    too_long.write_text("x" * (MAX_REPORT_CHARS + 1), encoding="utf-8")
    (folder / "c_after.txt").write_text(GOOD.replace("Jalalabad", "Kandahar"), encoding="utf-8")
    db = tmp_path / "limit.db"
    result = run("--db", str(db), "ingest", str(folder))
    assert result.exit_code == 1
    assert f"CL-E110 {too_long}:" in result.stderr and "Traceback" not in result.output
    with sqlite3.connect(db) as conn:
        stored = {p.rsplit("/", 1)[-1] for (p,) in conn.execute("SELECT source_path FROM documents")}
    assert stored == {"a_before.txt", "c_after.txt"}


def test_extract_names_a_report_over_the_hard_limit(tmp_path):
    too_long = tmp_path / "too_long.txt"
    too_long.write_text("x" * (MAX_REPORT_CHARS + 1), encoding="utf-8")
    result = run("--db", str(tmp_path / "none.db"), "extract", str(too_long))
    assert result.exit_code == 2
    assert f"CL-E110 {too_long}:" in result.stderr and "Traceback" not in result.output
