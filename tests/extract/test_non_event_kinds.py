"""Kinds of non-event recognised by general cues (issue 11: 'Not every report is an event';
'non_event_kinds' in extract/data/event_cues.json): accidents, disasters, crime without a political
motive, diplomacy, attributions, commemorations, policy, analysis and peaceful protests give no
political-violence event, on reports the team wrote (data/own_reports_non_event_kinds.json), and
attacks told in the same words still do."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conflictlens.errors import ConflictLensError
from conflictlens.extract.build import VIOLENT_TYPES
from conflictlens.extract.lexicon import _not_events, event_cues, load_json
from conflictlens.model.records import Document

ROWS = json.loads((Path(__file__).parent / "data" / "own_reports_non_event_kinds.json").read_text())["rows"]
KINDS = {"accident", "disaster", "crime", "diplomacy", "attribution", "commemoration", "policy", "analysis",
         "protest", "record"}


def _violent(extractor, row) -> list[str]:
    events = extractor.extract(Document(id=f"kind_{row['id']}", text=row["text"]))
    return [e.sub_event_type for e in events if e.event_type in VIOLENT_TYPES]


@pytest.mark.parametrize("row", [r for r in ROWS if r["expect"] == "none"], ids=lambda r: r["id"])
def test_a_report_of_another_kind_gives_no_political_violence(extractor, row):
    assert _violent(extractor, row) == []


@pytest.mark.parametrize("row", [r for r in ROWS if r["expect"] == "violence"], ids=lambda r: r["id"])
def test_an_attack_told_in_the_same_words_stays_an_event(extractor, row):
    assert _violent(extractor, row)


def test_every_kind_is_named_and_covered_by_the_fixture():
    raw = load_json("event_cues.json")["non_event_kinds"]
    assert {k["kind"] for k in raw["kinds"]} == KINDS
    assert KINDS | {"court"} <= {r["kind"] for r in ROWS if r["expect"] == "none"}
    assert sum(r["expect"] == "violence" for r in ROWS) >= 15


def test_the_kinds_join_the_gate_after_its_own_rules():
    rules = event_cues().not_events.rules
    kinds = [r.kind for r in rules if r.kind]
    assert set(kinds) == KINDS | {"court"}  # 'more_non_event_kinds' (session 16) adds verdicts
    assert all(r.kind for r in rules[len(rules) - len(kinds):])  # read after 'not_events'


def _load(gate: dict, kinds: dict):
    return _not_events(gate, lambda p: re.compile(p, re.I), {}, kinds)


GATE = {"types": ["Battles"], "guards": {"agents": "gunmen"}, "rules": [{"why": "w", "if": "flood"}]}


def test_a_kind_may_use_the_gate_guards_and_its_own():
    kinds = {"guards": {"signs": "detonated"}, "kinds": [{"kind": "accident", "why": "w", "if": "blast at a mill",
                                                          "unless": ["agents", "signs"]}]}
    rule = _load(GATE, kinds).rules[-1]
    assert rule.kind == "accident"
    assert rule.applies("A blast at a mill killed two.", "a blast at a mill killed two.")
    assert not rule.applies("A bomb detonated: a blast at a mill.", "a bomb detonated: a blast at a mill.")


@pytest.mark.parametrize("kinds", [
    {"guards": {"agents": "troops"}, "kinds": []},  # a guard name taken twice
    {"kinds": [{"why": "w", "if": "crash"}]},  # no kind
    {"kinds": [{"kind": "accident", "why": "w"}]},  # no pattern
])
def test_damaged_kinds_are_a_coded_error(kinds):
    with pytest.raises(ConflictLensError) as caught:
        _load(GATE, kinds)
    assert caught.value.code == "CL-E948"
