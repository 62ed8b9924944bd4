"""`evaluate satp`: the scorer on a small coded CSV written here (invented texts in SATP's layout)."""

from __future__ import annotations

import csv
import json

import pytest
from typer.testing import CliRunner

from conflictlens.cli import app
from conflictlens.errors import ConflictLensError
from conflictlens.evaluation.extract_path import is_political_violence
from conflictlens.evaluation.satp import SATP_FIELDS, chosen_rows, read_satp, row_kind, score_satp_row
from conflictlens.pipeline.extraction import extracted_events

runner = CliRunner()
COLUMNS = ("incident_number", "date", "incident_summary", "armed_assault", "arrest", "bombing", "infrastructure",
           "surrender", "seizure", "abduction", "state", "district", "total_fatalities", "total_injuries")


def coded_row(number, text, state="Jharkhand", district="Latehar", killed="0.0", hurt="0.0", date="2011-03-04",
              **actions):
    row = dict.fromkeys(COLUMNS, "0")
    row.update(incident_number=number, date=f"{date}T00:00:00Z", incident_summary=text, state=state,
               district=district, total_fatalities=killed, total_injuries=hurt)
    row.update({k: "1" for k in actions})
    return row


ROWS = [
    coded_row("11.0", "Three policemen were shot dead by Maoist rebels at a weekly market in Latehar District of "
                      "Jharkhand yesterday.", killed="3.0", armed_assault=1),
    coded_row("12.0", "Police arrested two rebels with pistols in Latehar District of Jharkhand.", arrest=1, seizure=1),
    coded_row("13.0", "A villager was wounded when rebels set off a landmine near a school in Gaya District of Bihar.",
              state="Bihar", district="Gaya", hurt="1.0", bombing=1),
    coded_row("14.0", "Officials held a meeting on roads in Ranchi."),
]

CLASH = {"event_type": "Battles", "sub_event_type": "Armed clash", "date": {"start": "2011-03-04"},
         "location": {"country": "IN", "admin1": "Jharkhand", "admin2": None, "place": "Latehar"},
         "fatalities": {"best": 2}, "perpetrators_killed": {"best": 1}, "injured": {"best": None}}
ARREST = {"event_type": "Strategic developments", "sub_event_type": "Arrests", "date": {"start": "2011-03-04"},
          "location": {"admin1": "Jharkhand", "place": "Latehar"}}


def write_csv(tmp_path, rows=ROWS):
    path = tmp_path / "satp.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_rows_are_violent_quiet_or_neither():
    assert [row_kind(r) for r in ROWS] == ["violent", "quiet", "violent", None]
    assert row_kind(coded_row("1", "x", hurt="2.0", arrest=1)) == "violent"  # someone hurt: violent whatever the code


def test_tolls_count_attackers_killed_and_places_match_district_or_place():
    verdict = score_satp_row(ROWS[0], [ARREST, CLASH])  # the act of violence is scored, not the first event
    assert verdict == dict.fromkeys(SATP_FIELDS, True)
    moved = {**CLASH, "location": {"admin1": "Bihar", "admin2": "Latehar", "place": "Garu"}, "fatalities": {"best": 1}}
    assert score_satp_row(ROWS[0], [moved]) == {**dict.fromkeys(SATP_FIELDS, True), "admin1": False,
                                                "fatalities": False}


def test_no_act_of_violence_is_not_detected_and_no_event_is_wrong_everywhere():
    assert score_satp_row(ROWS[0], [ARREST])["detected"] is False
    assert score_satp_row(ROWS[0], [ARREST])["district"] is True  # the record a user sees still names the place
    assert score_satp_row(ROWS[0], []) == dict.fromkeys(SATP_FIELDS, False)
    no_toll = {**ROWS[0], "total_injuries": ""}
    assert score_satp_row(no_toll, [])["injured"] is None  # an empty coded figure is not scored


def test_limit_takes_a_fixed_hash_order_whatever_the_file_order():
    first = [r["incident_number"] for r in chosen_rows(ROWS, "all", 2)]
    again = [r["incident_number"] for r in chosen_rows(list(reversed(ROWS)), "all", 2)]
    assert first == again and len(first) == 2
    assert [r["incident_number"] for r in chosen_rows(ROWS, "all", None)][:2] == first


def test_a_file_without_the_satp_columns_is_a_coded_error(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("id,text\n1,A bomb went off.\n")
    with pytest.raises(ConflictLensError) as err:
        read_satp(str(path))
    assert err.value.code == "CL-E983"
    result = runner.invoke(app, ["--quiet", "evaluate", "satp", str(path)])
    assert result.exit_code == 2 and "CL-E983" in result.stderr


def test_the_row_date_is_the_publication_date_of_the_extract_path(extractor):
    text = "Maoist rebels shot dead a village headman in Latehar District yesterday."
    [(_id, events)] = extracted_events([("r1", text)], extractor, "test", {"r1": "2011-03-04"}.get)
    assert events and events[0]["date"]["start"] == "2011-03-03"


def test_evaluate_satp_scores_exactly_what_extract_outputs(tmp_path, extractor):
    rows = [ROWS[i] for i in (0, 1, 2, 3)]
    pairs = [(r["incident_number"], r["incident_summary"]) for r in rows]
    dates = {r["incident_number"]: r["date"][:10] for r in rows}
    events = dict(extracted_events(pairs, extractor, "test", dates.get))
    want = [score_satp_row(r, events[r["incident_number"]]) for r in rows if row_kind(r) == "violent"]
    alarm = any(is_political_violence(e) for e in events["12.0"])

    out = runner.invoke(app, ["--quiet", "evaluate", "satp", str(write_csv(tmp_path)), "--part", "all",
                              "--format", "json", "--errors", str(tmp_path / "err.jsonl")])
    assert out.exit_code == 0, out.output
    result = json.loads(out.stdout)
    scores = {f["name"]: f for f in result["fields"]}
    assert scores["detected"]["total"] == 2 and "4 rows, 2 violent" in result["title"]
    assert scores["date"]["correct"] == sum(bool(v["date"]) for v in want)
    assert scores["fatalities"]["correct"] == sum(bool(v["fatalities"]) for v in want)
    assert result["false_alarms"].startswith(f"{int(alarm)} of 1 ") and result["rows_coded_as_neither"] == 1
    assert "extract_seconds" in result


def test_a_telangana_district_was_in_andhra_pradesh_before_the_split():
    telangana = {**CLASH, "location": {"admin1": "Telangana", "admin2": "Khammam", "place": None}}
    before = coded_row("21", "x", state="Andhra Pradesh", district="Khammam", killed="3.0", date="2009-05-01")
    after = coded_row("22", "x", state="Andhra Pradesh", district="Khammam", killed="3.0", date="2015-05-01")
    assert score_satp_row(before, [telangana])["admin1"] is True
    assert score_satp_row(after, [telangana])["admin1"] is False
