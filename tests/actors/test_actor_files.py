"""User registry files: extending actors, adding actors, and CL-E301 for invalid files."""

from __future__ import annotations

from pathlib import Path

import pytest

from conflictlens.actors import ActorRegistry
from conflictlens.errors import ConflictLensError


def write(tmp_path: Path, text: str, name: str = "extra.yaml") -> str:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return str(p)


def test_user_file_extends_and_adds(tmp_path):
    path = write(tmp_path, """
version: 1
actors:
  - name: Taliban
    aliases: [Talib fighters of the north]
    external_names: {acled: [Taliban (Afghanistan)]}
  - name: Lashkar-e-Khorasan Test Group
    aliases: [LKTG fighters]
    acronyms: [LKTG]
    actor_type: rebel group
    parent: Taliban
    country: AF
    valid_from: 2021-09-01
""")
    reg = ActorRegistry.load([path])
    assert reg.resolve("Talib fighters of the north").canonical == "Taliban"
    assert reg.resolve("Taliban militants").canonical == "Taliban"  # bundled aliases kept
    assert reg.by_external_name("acled", "Taliban (Afghanistan)").name == "Taliban"
    assert reg.by_external_name("acled", "Taliban").name == "Taliban"
    new = reg.get("Lashkar-e-Khorasan Test Group")
    assert new.parent == "Taliban" and new.valid_from == "2021-09-01"
    assert [m.canonical for m in reg.find_actors("LKTG claimed it; lktg is lowercase")] == [new.name]
    # the cached bundled registry is not changed by a user file
    assert ActorRegistry.load().get("Lashkar-e-Khorasan Test Group") is None


@pytest.mark.parametrize(("text", "fragment"), [
    ("version: 1\nactors: [\n  - name: x", "YAML"),
    ("- just a list", "mapping"),
    ("version: 2\nactors: []", "version"),
    ("version: 1\nactors: {name: Taliban}", "list of mappings"),
    ("version: 1\nactors:\n  - aliases: [x]", "name"),
    ("version: 1\nactors:\n  - name: New Group\n    aliases: [x]", "actor_type"),
    ("version: 1\nactors:\n  - name: New Group\n    actor_type: terrorists", "actor_type"),
    ("version: 1\nactors:\n  - name: New Group\n    actor_type: rebel group\n    parent: Nobody", "parent"),
    ("version: 1\nactors:\n  - name: New Group\n    actor_type: rebel group\n    country: Afghanistan", "country"),
    ("version: 1\nactors:\n  - name: New Group\n    actor_type: rebel group\n    alias: [x]", "unknown key"),
    ("version: 1\nactors:\n  - name: New Group\n    actor_type: rebel group\n    aliases: x", "list"),
    ("version: 1\nactors:\n  - name: New Group\n    actor_type: rebel group\n    valid_to: soon", "ISO date"),
    ("version: 1\nactors:\n  - name: New Group\n    actor_type: rebel group\n    external_names: {gdelt: [x]}",
     "external_names"),
    ("version: 1\nactors:\n  - name: Taliban\n    regional_branches: {PK: Nobody}", "regional branch"),
    ("version: 1\nactors:\n  - name: Taliban\n    dated_names: [Old Name]", "dated_names"),
    ("version: 1\nactors:\n  - name: Taliban\n    dated_names: [{name: X, since: '2001-01-01'}]", "dated_names"),
    ("version: 1\nactors:\n  - name: Taliban\n    dated_names: [{name: X, valid_to: 2001}]", "ISO date"),
    ("version: 1\nactors:\n  - name: Taliban\n    dated_names: [{name: X, valid_from: '2002-01-01', "
     "valid_to: '2001-01-01'}]", "before"),
])
def test_invalid_files_raise_cl_e301(tmp_path, text, fragment):
    path = write(tmp_path, text)
    with pytest.raises(ConflictLensError) as info:
        ActorRegistry.load([path])
    err = info.value
    assert err.code == "CL-E301"
    assert err.subject == path
    assert fragment.lower() in err.message.lower()


def test_missing_and_non_utf8_files(tmp_path):
    with pytest.raises(ConflictLensError) as info:
        ActorRegistry.load([str(tmp_path / "nope.yaml")])
    assert info.value.code == "CL-E301" and "not found" in info.value.message
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes("version: 1\nactors:\n  - name: Caf\xe9\n".encode("latin-1"))
    with pytest.raises(ConflictLensError) as info:
        ActorRegistry.load([str(bad)])
    assert info.value.code == "CL-E301" and "UTF-8" in info.value.message


def test_user_file_dated_names_pick_the_actor_by_date(tmp_path):
    path = write(tmp_path, """
version: 1
actors:
  - name: Taliban
    dated_names: [{name: Kabul test authorities, valid_from: '2021-08-15'}]
  - name: Government of Afghanistan
    dated_names: [{name: Kabul test authorities, valid_to: '2021-08-14'}]
""")
    reg = ActorRegistry.load([path])
    assert reg.conflicts == []
    assert reg.resolve("Kabul test authorities", date="2020-01-01").canonical == "Government of Afghanistan"
    assert reg.resolve("Kabul test authorities", date="2022-01-01").canonical == "Taliban"
    assert reg.resolve("Kabul test authorities").canonical == "Taliban"  # undated text is taken as current


def test_overlapping_dated_names_of_two_actors_are_a_conflict(tmp_path):
    path = write(tmp_path, """
version: 1
actors:
  - name: Taliban
    dated_names: [{name: Overlap test name, valid_from: '2010-01-01'}]
  - name: Haqqani Network
    dated_names: [{name: Overlap test name, valid_to: '2015-01-01'}]
""")
    assert ("overlap test name", "Taliban", "Haqqani Network") in ActorRegistry.load([path]).conflicts
