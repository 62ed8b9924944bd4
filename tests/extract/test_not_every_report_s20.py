"""Not every report is an event (issue 11, session 20, branch hgtdcase3): killings between people who know
each other ('was killed by her estranged husband', 'beaten to death by his classmates'), fights over a
thing of daily life ('a squabble over the fare', 'over unpaid rent') and claims or denials that open a
report ('took responsibility for', 'claimed the kidnapping of', 'on Tuesday denied carrying out') give
no political-violence event; attacks told in like words stay events. Reports the team wrote:
data/own_reports_s20_crime_and_claims.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conflictlens.extract.build import VIOLENT_TYPES
from conflictlens.extract.lexicon import event_cues
from conflictlens.model.records import Document

# Violence that ACLED files outside the three political-violence types (a lynching is mob violence).
OTHER_VIOLENCE = {"Violent demonstration", "Mob violence"}
ROWS = json.loads((Path(__file__).parent / "data" / "own_reports_s20_crime_and_claims.json").read_text())["rows"]


def _events(extractor, row):
    return extractor.extract(Document(id=f"s20_{row['id']}", text=row["text"]))


def _violent(extractor, row):
    return [e.sub_event_type for e in _events(extractor, row) if e.event_type in VIOLENT_TYPES]


@pytest.mark.parametrize("row", [r for r in ROWS if r["expect"] == "none"], ids=lambda r: r["id"])
def test_crime_between_acquaintances_and_opening_claims_give_no_political_violence(extractor, row):
    assert _violent(extractor, row) == []


@pytest.mark.parametrize("row", [r for r in ROWS if r["expect"] == "violence"], ids=lambda r: r["id"])
def test_attacks_told_in_like_words_stay_events(extractor, row):
    assert any(e.event_type in VIOLENT_TYPES or e.sub_event_type in OTHER_VIOLENCE for e in _events(extractor, row))


def test_the_fixture_has_both_batches_and_both_kinds():
    assert {r["batch"] for r in ROWS} == {"first", "check"}
    assert {"crime", "attribution"} <= {r["kind"] for r in ROWS if r["expect"] == "none"}
    assert sum(r["expect"] == "violence" for r in ROWS) >= 9


@pytest.mark.parametrize("text, act_day", [
    ("claimed responsibility for a car bomb on Friday that killed eight", True),
    ("the rockets that hit the airport on Monday night", True),
    ("The army on Thursday denied launching the raids", False),
    ("The rebels said on Sunday they were behind the ambush", False),
    ("The group claimed responsibility on Monday for the blast", False),
    ("The rebels said yesterday they were behind it", False),
])
def test_the_day_of_a_claim_or_a_denial_is_not_the_day_of_the_act(text, act_day):
    assert bool(event_cues().not_events.guards["act_day"].search(text)) is act_day
