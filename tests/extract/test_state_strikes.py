"""A state's strikes named by its demonym ("an Israeli airstrike", "a Russian missile strike") and its
forces named "<demonym> forces": the state's forces are the perpetrator, whatever country the strike
hit. A demonym before any other word names nobody. Every text here is written for these tests."""

from __future__ import annotations

import pytest

from conflictlens.model.ids import document_id
from conflictlens.model.records import Document

ISRAEL, RUSSIA, MYANMAR = "Military Forces of Israel", "Government of Russia (Soviet Union)", "Military Forces of Myanmar"


def _perpetrators(extractor, text: str, published: str = "2024-05-20"):
    events = extractor.extract(Document(id=document_id(text), text=text, published=published))
    return [e.perpetrator for e in events]


@pytest.mark.parametrize("text, state", [
    ("An Israeli airstrike on a house in Rafah killed nine people on Saturday, medics said.", ISRAEL),
    ("Nine people were killed in an Israeli air strike on a car near Tyre on Sunday, Lebanese officials said.", ISRAEL),
    ("Israeli warplanes struck a building in Khan Younis on Friday, killing six people, rescuers said.", ISRAEL),
    ("At least four people died in a Russian missile strike on a railway station in Poltava on Monday, "
     "the regional governor said.", RUSSIA),
    ("Russian drones hit an apartment block in Odesa overnight, killing three residents, officials said.", RUSSIA),
    ("Two Myanmar junta airstrikes on a market in Magway killed 14 people on Thursday, residents said.", MYANMAR),
    ("Myanmar military jets bombed a clinic in Chin State on Tuesday, killing five patients, aid workers said.",
     MYANMAR),
])
def test_a_demonym_before_a_strike_names_the_states_forces(extractor, text, state):
    assert state in _perpetrators(extractor, text)


@pytest.mark.parametrize("text, state", [
    ("Israeli forces killed four men in a raid on a refugee camp near Tulkarm on Monday.", ISRAEL),
    ("Malian forces killed 20 villagers in Segou region on Sunday, local leaders said.", "Military Forces of Mali"),
    ("Chadian forces killed 30 rebels near the border on Friday, the army said.", "Military Forces of Chad"),
])
def test_demonym_forces_are_the_states_forces(extractor, text, state):
    assert _perpetrators(extractor, text) == [state]


@pytest.mark.parametrize("text", [
    "Overnight strikes killed seven people in a village near Idlib, rescuers said.",
    "Unidentified drones struck a fuel depot near Kassala on Monday, killing two guards.",
    "Heavy shelling killed five civilians in a town of South Kordofan on Friday, medics said.",
])
def test_a_capitalised_word_that_names_no_state_is_nobody(extractor, text):
    assert _perpetrators(extractor, text) == [None] * len(_perpetrators(extractor, text))


def test_a_demonym_before_other_words_names_nobody(extractor):
    text = ("Gunmen killed three Israeli tourists and their Egyptian guide near a beach resort in Sinai on "
            "Tuesday, officials said.")
    found = _perpetrators(extractor, text)
    assert ISRAEL not in found and "Military Forces of Egypt" not in found


def test_the_states_strike_beside_a_groups_attack(extractor):
    text = ("Hamas fighters fired rockets at Ashkelon on Monday, wounding two people. Hours later an Israeli "
            "airstrike killed six people in Jabalia, health officials said.")
    found = _perpetrators(extractor, text)
    assert ISRAEL in found
