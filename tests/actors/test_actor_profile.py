"""What `actors show` reports: names by script, hierarchy, events per year by stance, relations."""

from __future__ import annotations

from conflictlens.actors import ActorRegistry
from conflictlens.actors.edits import ActorEdit
from conflictlens.actors.profile import describe, events_per_year, relations_over_time, script_of

ISKP = "Khorasan Chapter of the Islamic State"
ISIL = "Islamic State of Iraq and the Levant (ISIL)"


def test_script_of():
    assert script_of("Taliban") == "latin"
    assert script_of("ولایت خراسان") == "arabic"
    assert script_of("(ISKP)") == "latin"
    assert script_of("Талибан") == "other"
    assert script_of("123") == "other"


def test_describe_iskp():
    reg = ActorRegistry.load()
    p = describe(reg, reg.get(ISKP))
    assert p["parent"] == ISIL and p["lineage"] == [ISIL]
    assert "ولایت خراسان" in p["aliases"]["arabic"] and "Islamic State Khorasan" in p["aliases"]["latin"]
    assert "ISKP" in p["acronyms"] and "Khorasan" in p["resolve_only_names"]
    assert p["external_names"]["gtd"] == [ISKP]
    assert ISKP in describe(reg, reg.get(ISIL))["children"]
    anp = describe(reg, reg.get("Afghan National Police (ANP)"))
    assert {"name": "Afghan police", "valid_from": None, "valid_to": "2021-08-14"} in anp["dated_names"]


def test_describe_after_merge_lists_merged_names():
    reg = ActorRegistry.load(edits=[ActorEdit("merge", "Jamaat-ul-Ahrar", "Tehrik-i-Taliban Pakistan (TTP)")])
    assert describe(reg, reg.get("Tehrik-i-Taliban Pakistan (TTP)"))["merged_names"] == ["Jamaat-ul-Ahrar"]


def test_events_per_year_counts_each_event_once_under_its_strongest_stance():
    rows = [
        ("e1", "2020-05-01", "attributed"), ("e1", "2020-05-01", "claimed"),  # claimed wins
        ("e2", "2020-07-01", "suspected"),
        ("e3", "2021-01-02", "denied"),
        ("e4", "2021-03-03", "denied"), ("e4", "2021-03-03", "suspected"),  # suspected beats denied
        ("e5", None, "attributed"),
        ("e6", "2021-04-04", "rumoured"),  # not a stance: ignored
    ]
    assert events_per_year(rows) == [
        {"year": "2020", "claimed": 1, "attributed": 0, "suspected": 1, "denied": 0, "total": 2},
        {"year": "2021", "claimed": 0, "attributed": 0, "suspected": 1, "denied": 1, "total": 2},
        {"year": "undated", "claimed": 0, "attributed": 1, "suspected": 0, "denied": 0, "total": 1},
    ]
    assert events_per_year([]) == []


def test_relations_over_time_orders_and_names_the_other_end():
    rows = [
        {"kind": "rivalry", "source": "Taliban", "target": ISKP, "start": "2015-06-01"},
        {"kind": "allegiance", "source": ISKP, "target": ISIL, "start": "2015-01-26"},
        {"kind": "alliance", "source": "Lashkar-e-Islam (Pakistan)", "target": "Taliban", "start": None},
    ]
    out = relations_over_time(rows, [ISKP])
    assert [(r["kind"], r["other"]) for r in out] == [("allegiance", ISIL), ("rivalry", "Taliban")]
