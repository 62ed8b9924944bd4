"""State forces and a shared rebel name in the Central and South American wire of 1989-91: what "the
army", "the Salvadoran air force" and "the National Liberation Army" denote in each country.

Sentences here are written for the tests.
"""

from __future__ import annotations

import pytest

from conflictlens.actors import ActorRegistry


@pytest.fixture(scope="module")
def reg() -> ActorRegistry:
    return ActorRegistry.load()


def canon(reg: ActorRegistry, text: str, country: str | None = None) -> list[str]:
    return [m.canonical for m in reg.find_actors(text, country)]


@pytest.mark.parametrize("text, country, canonical", [
    ("The Salvadoran Air Force bombed the hamlet.", None, "Military Forces of El Salvador"),
    ("The army shelled the hamlet.", "SV", "Military Forces of El Salvador"),
    ("The air force strafed the hamlet.", "GT", "Military Forces of Guatemala"),
    ("Honduran army troops crossed the border.", "SV", "Military Forces of Honduras"),
    ("Peruvian soldiers raided the village.", None, "Military Forces of Peru"),
    ("The Sandinista People's Army shelled the camp.", None, "Military Forces of Nicaragua"),
])
def test_state_forces_of_the_region(reg, text, country, canonical):
    assert canon(reg, text, country) == [canonical]


@pytest.mark.parametrize("country, canonical", [
    ("CO", "National Liberation Army of Colombia (ELN)"),
    ("BO", "National Liberation Army (ELN) (Bolivia)"),
    ("PE", "National Liberation Army (ELN) (Peru)"),
    (None, "National Liberation Army"),  # no country: the name stays the name, of no one group
])
def test_the_national_liberation_army_is_the_group_of_the_reports_country(reg, country, canonical):
    assert canon(reg, "The National Liberation Army attacked a pipeline.", country) == [canonical]


def test_longer_names_with_the_words_stay_their_own_groups(reg):
    assert canon(reg, "The Zapatista National Liberation Army marched.", "MX") == [
        "Zapatista National Liberation Army (EZLN)"]
    assert canon(reg, "The Colombian National Liberation Army attacked.", "PE") == [
        "National Liberation Army of Colombia (ELN)"]


def test_new_entries_raise_no_alias_conflicts(reg):
    countries = ("El Salvador", "Guatemala", "Honduras", "Peru", "Bolivia", "Nicaragua")
    mine = {"National Liberation Army", "Police Forces of Honduras", "Basque Nation and Liberty (ETA)"} | {
        f"Military Forces of {c}" for c in countries}
    assert not [c for c in reg.conflicts if set(c) & mine]


@pytest.mark.parametrize("text, country, canonical", [
    ("The Atlacatl Battalion searched the campus.", None, "Military Forces of El Salvador"),
    ("FUSEP agents detained the students.", None, "Police Forces of Honduras"),
    ("The police dispersed the march.", "HN", "Police Forces of Honduras"),
    ("A car bomb of the Basque Fatherland and Liberty exploded.", None, "Basque Nation and Liberty (ETA)"),
])
def test_army_units_police_and_eta(reg, text, country, canonical):
    assert canon(reg, text, country) == [canonical]

