"""Perpetrators of groups formed or prominent since 2021, named the way news prose names them: a
descriptor between "by the" and the name ("by the paramilitary X", "the ethnic X"), an agent after
"injured by", and a generic "Army" ending a group's own name. Every text here is written for these tests."""

from __future__ import annotations

import pytest

from conflictlens.model.ids import document_id
from conflictlens.model.records import Document

RSF = "Rapid Support Forces (RSF)"


def _perpetrators(extractor, text: str, published: str = "2025-03-10"):
    events = extractor.extract(Document(id=document_id(text), text=text, published=published))
    return [e.perpetrator for e in events]


@pytest.mark.parametrize("text, actor", [
    ("At least 20 villagers were killed by the paramilitary Rapid Support Forces in El Fasher on Saturday.", RSF),
    ("Twelve people were killed and dozens injured by the Rapid Support Forces in Omdurman on Friday.", RSF),
    ("The ethnic Arakan Army attacked a police outpost in Maungdaw on Monday, killing nine officers.", "Arakan Army"),
    ("Suspected Lakurawa fighters killed 11 farmers in a village of Kebbi State on Sunday.", "Lakurawa"),
    ("Fano militiamen killed six soldiers in an ambush near Gondar in Amhara on Tuesday.", "Fano"),
])
def test_recent_groups_come_out_as_perpetrators(extractor, text, actor):
    assert actor in _perpetrators(extractor, text)


def test_a_group_whose_name_ends_in_army_is_not_the_states_army(extractor):
    text = "Fighters of the Arakan Army stormed a junta base in Rakhine State on Sunday, killing 14 soldiers."
    found = _perpetrators(extractor, text, "2024-03-18")
    assert "Arakan Army" in found and "Military Forces of Myanmar" not in found


def test_rsf_in_a_report_of_a_journalist_killed_elsewhere_is_nobody(extractor):
    text = ("Gunmen shot dead a radio reporter in Acapulco on Tuesday, prosecutors said. Reporters Without "
            "Borders (RSF) condemned the killing and called for an investigation.")
    assert RSF not in _perpetrators(extractor, text, "2024-06-01")
