"""Where a report says it happened, as wire copy and coders write it: "in Village, Province, Country".
Texts are our own; the names are real places."""

from __future__ import annotations

import pytest

from conflictlens.model.ids import document_id
from conflictlens.model.records import Document


def location_of(extractor, text: str):
    events = extractor.extract(Document(id=document_id(text), text=text, published="2021-05-01"))
    assert events, text
    loc = events[0].location
    return loc.country, loc.admin1, loc.place


@pytest.mark.parametrize("text, expected", [
    # A province name that is an everyday word alone ("Delta", "Est", "Chin") is a province when the
    # chain closes with its country; the village before it keeps its written name.
    ("Gunmen abducted two farmers in Emuhu, Delta, Nigeria, on Tuesday.", ("NG", "Delta", "Emuhu")),
    ("A bomb exploded in Tialbonga, Est, Burkina Faso, injuring five civilians.", ("BF", "Est", "Tialbonga")),
    ("Gunmen opened fire at a police station in Mindat, Chin, Myanmar, killing two.", ("MM", "Chin", "Mindat")),
    # The country narrows a name with namesakes abroad (Dara in Afghanistan) to its own province.
    ("Gunmen shot dead three soldiers in Saidah, Daraa, Syria.", ("SY", "Daraa", "Saidah")),
    # A verb can open the chain as a preposition does.
    ("Assailants attacked Ugboke, Edo, Nigeria, killing seven farmers.", ("NG", "Edo", "Ugboke")),
])
def test_a_chain_that_ends_in_a_country_places_its_names_there(extractor, text, expected):
    assert location_of(extractor, text) == expected


def test_a_city_of_millions_needs_no_cue_and_its_spelling_picks_its_country(extractor):
    # "Sanaa" folds like "Sana" (Peru) and an alias of Sano (Japan); Yemen's capital is meant.
    assert location_of(extractor, "A car bomb exploded in Sanaa on Monday, killing four people.") == ("YE", "Sanaa", "Sanaa")


def test_the_tail_of_a_longer_name_is_not_a_town_of_its_own(extractor):
    # Not "Boz", a village whose name is the last word of "Orta Buz".
    assert location_of(extractor, "Militants attacked a security post in Orta Buz, Kunduz, Afghanistan, killing 12.")[2] == "Orta Buz"


def test_a_neighbourhood_before_a_city_named_like_its_province_is_reported_as_the_city(extractor):
    text = "Assailants attacked Afshar neighborhood, Kabul, Afghanistan, killing two guards."
    assert location_of(extractor, text) == ("AF", "Kabul", "Kabul")
