"""Not every report is an event (issue 11 item 4), on reports the team wrote itself
(data/own_reports_event_or_not.json): crime, accidents, disasters, diplomacy, court cases,
commemorations, policy, analysis, peaceful protests, sport and figures of speech give no
political-violence event, and real attacks told in the same words still do. Generic words for
attackers never become a perpetrator actor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conflictlens.extract.build import VIOLENT_TYPES
from conflictlens.extract.lexicon import event_cues, load_json
from conflictlens.extract.typing.classify import classify_sub_event
from conflictlens.model.records import Document
from conflictlens.model.vocab import vocabularies

ROWS = json.loads((Path(__file__).parent / "data" / "own_reports_event_or_not.json").read_text())["rows"]


def _events(extractor, row):
    return extractor.extract(Document(id=f"own_{row['id']}", text=row["text"]))


@pytest.mark.parametrize("row", [r for r in ROWS if r["expect"] == "none"], ids=lambda r: r["id"])
def test_a_report_of_other_matters_gives_no_political_violence(extractor, row):
    assert [e.sub_event_type for e in _events(extractor, row) if e.event_type in VIOLENT_TYPES] == []


@pytest.mark.parametrize("row", [r for r in ROWS if r["expect"] == "violence"], ids=lambda r: r["id"])
def test_a_real_attack_told_in_the_same_words_stays_an_event(extractor, row):
    assert any(e.event_type in VIOLENT_TYPES for e in _events(extractor, row))


@pytest.mark.parametrize("row", [r for r in ROWS if r["expect"] == "event"], ids=lambda r: r["id"])
def test_a_named_sub_event_type_is_given(extractor, row):
    assert row["sub_event_type"] in [e.sub_event_type for e in _events(extractor, row)]


def test_the_fixture_covers_each_kind_and_both_answers():
    kinds = {r["kind"] for r in ROWS if r["expect"] == "none"}
    assert {"crime", "accident", "disaster", "diplomacy", "court", "commemoration", "policy", "analysis",
            "protest", "sport", "metaphor", "attribution", "surrender", "seizure", "arrest"} <= kinds
    assert len(ROWS) >= 30 and sum(r["expect"] != "none" for r in ROWS) >= 10


@pytest.mark.parametrize("text", [
    "No group claimed responsibility for the attack.",
    "Assailants threw a grenade at a police post. No group claimed responsibility for the incident.",
])
def test_a_claim_counts_only_where_it_opens_the_report(text):
    # "No group claimed ..." closes a report of the attack; it opens no follow-up.
    claim = next(r for r in event_cues().not_events.rules if "claimed responsibility for Friday" in r.why)
    assert not claim.applies(text, text.lower(), text.split(". ")[0])


def test_a_claim_with_a_dateline_before_it_still_opens_the_report():
    typing = classify_sub_event("Tuesday 4th March, 2025. The group claimed responsibility for last week's attack "
                                "on the embassy in a video posted online.")
    assert typing is None or typing.sub_event_type not in _violent_sub_types()


def test_a_rule_may_name_where_it_counts():
    raw = load_json("event_cues.json")["not_events"]
    assert {r.get("where", "anywhere") for r in raw["rules"]} <= {"anywhere", "opening"}


def _violent_sub_types():
    return {sub for t in VIOLENT_TYPES for sub in vocabularies().acled[t]}


GENERIC = [
    ("Jihadists attacked an army post in the north on Sunday, killing 12 soldiers.", "jihadists"),
    ("A jihadist blew himself up at a checkpoint on Monday, killing four policemen.", "jihadist"),
    ("Heavily armed jihadist fighters ambushed a convoy near the border on Thursday, killing 7 soldiers.", "jihadist"),
    ("Militants stormed a police station on Tuesday and killed three officers.", "militants"),
    ("Unidentified gunmen shot dead a journalist outside his home on Friday.", "gunmen"),
    ("Unknown assailants threw a grenade into a market on Saturday, wounding nine people.", "assailants"),
    ("Insurgents fired mortars at the governor's compound on Monday, wounding two guards.", "insurgents"),
    ("Terrorists attacked a bus carrying pilgrims on Sunday, killing nine.", "terrorists"),
    ("Extremists set fire to a church on Sunday, killing two worshippers.", "extremists"),
]


@pytest.mark.parametrize("text, word", GENERIC)
def test_a_generic_word_is_never_the_perpetrator(extractor, text, word):
    events = extractor.extract(Document(id=f"generic_{word}", text=text))
    assert events and all(e.event_type in VIOLENT_TYPES for e in events)
    assert [e.perpetrator for e in events] == [None] * len(events)
    assert all(not e.attribution for e in events)


def _rule(start: str):
    return next(r for r in event_cues().not_events.rules if r.why.startswith(start))


@pytest.mark.parametrize("start, text", [
    # GTD's foiled attacks: an assailant caught in the act, a single device found.
    ("An arrest", "Security forces arrested an assailant carrying explosives near the parliament on Sunday."),
    ("Weapons found", "Security forces recovered an explosive device near the market in the town."),
    # A town seized is territory, not weapons.
    ("Weapons found", "Rebels recaptured the coastal town hours after it was seized by government forces."),
])
def test_the_seizure_and_arrest_rules_leave_foiled_attacks_and_territory(start, text):
    assert not _rule(start).applies(text, text.lower(), text)


@pytest.mark.parametrize("start, text", [
    ("An arrest", "Two suspected rebels were arrested at a bus stand; they had been planning to plant landmines."),
    ("Weapons found", "Eight landmines, each weighing four kilograms, were recovered from the forest area."),
    ("A surrender", "A rebel who took part in the ambush in which 22 soldiers were killed surrendered to the police."),
])
def test_the_seizure_surrender_and_arrest_rules_apply(start, text):
    assert _rule(start).applies(text, text.lower(), text)
