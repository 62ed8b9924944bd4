"""User edits to the registry: replaying aliases, merges, new actors and rejections; checking an edit
before it is recorded (CL-E700..CL-E703)."""

from __future__ import annotations

import pytest

from conflictlens.actors import ActorRegistry
from conflictlens.actors.edits import ActorEdit, apply_edits, clean_name
from conflictlens.actors.review import add_edit, alias_edit, merge_edit, reject_edit
from conflictlens.errors import ConflictLensError

TTP = "Tehrik-i-Taliban Pakistan (TTP)"
JUA = "Jamaat-ul-Ahrar"
ISKP = "Khorasan Chapter of the Islamic State"
ISIL = "Islamic State of Iraq and the Levant (ISIL)"


@pytest.fixture(scope="module")
def reg() -> ActorRegistry:
    return ActorRegistry.load()


def test_alias_edit_is_found_in_text_and_resolved():
    reg = ActorRegistry.load(edits=[ActorEdit("alias", TTP, "Tehrik-e-Taliban Swat chapter")])
    assert [m.canonical for m in reg.find_actors("The Tehrik-e-Taliban Swat chapter said")] == [TTP]
    assert reg.resolve("tehrik e taliban swat chapter").score == 1.0
    bundled = ActorRegistry.load().resolve("Tehrik-e-Taliban Swat chapter")  # the cached bundled registry: untouched
    assert bundled is None or bundled.score < 1.0


def test_acronym_edit_is_case_sensitive():
    reg = ActorRegistry.load(edits=[ActorEdit("acronym", "Hafiz Gul Bahadur Group", "HGBG")])
    assert [m.canonical for m in reg.find_actors("HGBG fighters")] == ["Hafiz Gul Bahadur Group"]
    assert reg.find_actors("hgbg fighters") == []


def test_merge_moves_names_children_and_dataset_names():
    reg = ActorRegistry.load(edits=[ActorEdit("merge", JUA, TTP)])
    assert reg.get(JUA) is None
    ttp = reg.get(TTP)
    assert JUA in ttp.aliases and "JuA" in ttp.acronyms
    assert reg.resolve("Jamaat ul Ahrar").canonical == TTP
    assert reg.by_external_name("gtd", JUA).name == TTP
    assert reg.get("Ahrar-ul-Hind").parent == TTP  # JuA's child follows
    assert reg.current(JUA).name == TTP and reg.names_of(TTP) == (TTP, JUA)
    assert reg.conflicts == []


def test_merge_of_a_branch_into_its_parent_drops_the_branch_route():
    reg = ActorRegistry.load(edits=[ActorEdit("merge", ISKP, ISIL)])
    m = reg.resolve("Islamic State", country="AF")
    assert (m.canonical, m.method) == (ISIL, "alias")
    assert reg.resolve("ISKP").canonical == ISIL


def test_merge_of_a_candidate_name_makes_an_alias_and_chains_follow():
    edits = [ActorEdit("merge", "Jaish-ul-Hind Khorasan", JUA), ActorEdit("merge", JUA, TTP)]
    reg = ActorRegistry.load(edits=edits)
    assert reg.resolve("Jaish-ul-Hind Khorasan").canonical == TTP
    assert reg.merged == {"Jaish-ul-Hind Khorasan": TTP, JUA: TTP}


def test_add_and_reject_and_stale_edits():
    edits = [ActorEdit("add", "Tehreek-e-Jihad Test Front", actor_type="rebel group", parent=TTP, country="PK"),
             ActorEdit("reject", "Tolo News"),
             ActorEdit("alias", "Group Removed Since", "old name")]
    reg = ActorRegistry.load(edits=edits)
    new = reg.get("Tehreek-e-Jihad Test Front")
    assert (new.actor_type, new.parent, new.country) == ("rebel group", TTP, "PK")
    assert "Tolo News" in reg.rejected
    assert len(reg.stale_edits) == 1 and "Group Removed Since" in reg.stale_edits[0]


def test_apply_edits_keeps_order_and_does_not_mutate_input(reg):
    before = reg.get(TTP).aliases
    edited = apply_edits(reg.all(), [ActorEdit("alias", TTP, "x-test-alias")])
    assert reg.get(TTP).aliases == before
    assert "x-test-alias" in {e.name: e for e in edited.entries}[TTP].aliases


def test_review_alias(reg):
    with pytest.raises(ConflictLensError) as info:
        alias_edit(reg, "ttp", "Taliban of Swat test")  # acronyms are case-sensitive: no exact name
    assert info.value.code == "CL-E700"
    edit = alias_edit(reg, "Pakistani Taliban", "Swat Taliban test")
    assert (edit.op, edit.name, edit.value) == ("alias", TTP, "Swat Taliban test")
    assert alias_edit(reg, "TTP", "Pakistani Taliban") is None  # already its alias: nothing to do
    with pytest.raises(ConflictLensError) as info:
        alias_edit(reg, "TTP", "Haqqani Network")
    assert info.value.code == "CL-E701" and "merge" in info.value.message


def test_review_unknown_actor_suggests(reg):
    with pytest.raises(ConflictLensError) as info:
        alias_edit(reg, "Tehreek-e-Talibaan Pakistaan", "x")
    assert info.value.code == "CL-E700" and TTP in info.value.message


def test_review_merge(reg):
    assert merge_edit(reg, "JuA", "TTP") == ActorEdit("merge", JUA, TTP)
    assert merge_edit(reg, "Lashkar-e-Test", "TTP") == ActorEdit("merge", "Lashkar-e-Test", TTP)
    for a, b in (("TTP", "Pakistani Taliban"), ("gunmen", "TTP"), ("TTP", "Unknown"), (ISIL, ISKP)):
        with pytest.raises(ConflictLensError) as info:
            merge_edit(reg, a, b)
        assert info.value.code == "CL-E702", (a, b)


def test_review_add_and_reject(reg):
    assert add_edit(reg, "New Front", "rebel group", "TTP", "pk") == ActorEdit(
        "add", "New Front", actor_type="rebel group", parent=TTP, country="PK")
    for args, code in (((("Taliban", "rebel group")), "CL-E701"), (("New Front", "terrorists"), "CL-E703"),
                       (("New Front", "rebel group", "Nobody Group"), "CL-E700"),
                       (("New Front", "rebel group", None, "Pakistan"), "CL-E703")):
        with pytest.raises(ConflictLensError) as info:
            add_edit(reg, *args)
        assert info.value.code == code, args
    assert reject_edit(reg, "Reuters") == ActorEdit("reject", "Reuters")
    with pytest.raises(ConflictLensError) as info:
        reject_edit(reg, "ISKP")
    assert info.value.code == "CL-E702"


@pytest.mark.parametrize("bad", ["", "   ", "--", "a\x00b", "x\u202eevil", "y" * 201])
def test_hostile_names_are_refused(bad):
    with pytest.raises(ConflictLensError) as info:
        clean_name(bad, "ALIAS")
    assert info.value.code == "CL-E703" and info.value.subject == "ALIAS"


def test_clean_name_collapses_whitespace():
    assert clean_name("  Tehrik \n  Swat ", "NAME") == "Tehrik Swat"
