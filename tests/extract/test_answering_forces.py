"""Forces that killed the attackers answered the attack: they are not its perpetrator ("Security forces
killed six of the attackers", "one of the gunmen was killed by the police"). Forces that killed
militants in an operation of their own, or by a strike, still are. Every text here is written for
these tests."""

from __future__ import annotations

import pytest

from conflictlens.model.ids import document_id
from conflictlens.model.records import Document


def _perpetrators(extractor, text: str, published: str = "2024-04-15"):
    events = extractor.extract(Document(id=document_id(text), text=text, published=published))
    return [e.perpetrator for e in events]


@pytest.mark.parametrize("text", [
    "Militants stormed a border post in Kurram on Sunday, killing four soldiers, officials said. Security "
    "forces killed three of the attackers in the ensuing gunfight.",
    "Gunmen raided a police station in Katsina on Saturday, killing two officers. Police killed the "
    "remaining attackers after a chase, a spokesman said.",
    "Unknown gunmen attacked a checkpoint near Tank on Friday, killing three policemen. One of the gunmen "
    "was also killed by the police, who repelled the attack.",
    "Militants attacked a paramilitary camp in Kech on Monday, killing two soldiers. Eight militants were "
    "killed in the retaliatory fire by the troops, the military said.",
])
def test_forces_that_killed_the_attackers_are_no_perpetrator(extractor, text):
    assert set(_perpetrators(extractor, text)) == {None}


@pytest.mark.parametrize("text", [
    "Soldiers killed nine militants in a raid on a hideout in Khyber district on Wednesday, the army said.",
    "Three militants were killed by an Israeli drone strike on a car in Jenin on Thursday, officials said.",
])
def test_forces_acting_on_their_own_stay_the_perpetrator(extractor, text):
    assert any(_perpetrators(extractor, text))


def test_a_named_group_that_attacked_stays_the_perpetrator(extractor):
    text = ("Al-Shabaab fighters attacked an army base near Jowhar on Tuesday, killing six soldiers. Troops "
            "killed 11 of the attackers, a commander said.")
    assert "Al-Shabaab" in _perpetrators(extractor, text)
