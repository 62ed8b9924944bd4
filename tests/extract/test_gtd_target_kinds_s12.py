"""GTD target type by kinds of report, session 12 (issue 11, branch htyping): an acronym in brackets inside
the attacked phrase, the phrase's evidence span, weapons fired or launched at a target, attempted attacks
and explosions at a place, NGOs by name, corporations, the Israeli Defense Forces, trucks carrying goods,
and drones sent to target something.

Every sentence here was written for these tests; names and places are made up or set elsewhere than the
reports that prompted them. None is GTD's own text.
"""

import pytest

from conflictlens.extract.gtd.attack_types import classify_gtd
from conflictlens.extract.gtd.targets import type_in
from conflictlens.model.records import Document


@pytest.mark.parametrize("text,target", [
    ("Assailants opened fire on a Norwegian Refugee Council (NRC) vehicle in Bentiu, Unity, South Sudan.", "NGO"),
    ("Assailants fired on Border Security Force (BSF) positions in Samba, Jammu and Kashmir, India.", "Military"),
    ("Assailants attacked Central Reserve Police Force (CRPF) personnel in Sukma, Chhattisgarh, India.", "Police"),
    ("Assailants abducted two Karnaphuli Paper Corporation (KPC) engineers in Rangamati, Bangladesh.", "Business"),
])
def test_an_acronym_in_brackets_does_not_end_the_attacked_phrase(text: str, target: str) -> None:
    assert classify_gtd(text).target_type == target


@pytest.mark.parametrize("text,phrase", [
    ("Assailants attacked the Hasan Khel Welfare Society (HKWS) office in Bannu.",
     "the Hasan Khel Welfare Society (HKWS) office"),
    ("Assailants attacked Gulzar neighborhood, Quetta, Pakistan.", "Gulzar"),
    ("Assailants opened fire on a police station , killing two officers.", "a police station"),
])
def test_the_attacked_phrase_span_is_the_phrase_itself(text: str, phrase: str) -> None:
    """The evidence span is the phrase's own words, not shifted by the blanks a place word or an acronym
    left after it ("Gulzar neighborhood" is read as the place "Gulzar")."""
    typed = classify_gtd(text)
    assert typed.target_span is not None
    start, end = typed.target_span
    assert typed.target_text == phrase and text[start:end] == phrase


@pytest.mark.parametrize("text,target", [
    ("Assailants fired three mortar shells at the district court in Marka, Lower Shabelle, Somalia.",
     "Government (General)"),
    ("Assailants launched two grenades at a police station in Pulwama, Jammu and Kashmir, India.", "Police"),
    ("Assailants fired rockets towards Gao airport, Gao, Mali. There were no casualties.", "Airports & Aircraft"),
    ("Assailants attempted to attack an army base in Mopti, Mali. Security forces repelled them.", "Military"),
    ("An explosion occurred at a municipal office in Mandalay, Myanmar. One soldier was injured.",
     "Government (General)"),
])
def test_what_a_weapon_was_fired_at_or_an_attack_tried_on_is_the_target(text: str, target: str) -> None:
    assert classify_gtd(text).target_type == target


@pytest.mark.parametrize("phrase,target", [
    ("a Save the Children office", "NGO"),
    ("a Doctors Without Borders clinic", "NGO"),
    ("a mining corporation", "Business"),
    ("the Karachi Metropolitan Corporation office", "Government (General)"),
    ("Israeli Defense Forces soldiers", "Military"),
    ("a state broadcasting station", "Journalists & Media"),
    ("a truck carrying flour", "Business"),
    ("two lorries transporting cement for the army", "Business"),
])
def test_names_and_goods(phrase: str, target: str) -> None:
    assert type_in(phrase) == target


def test_a_convoy_carrying_supplies_for_troops_stays_theirs() -> None:
    text = "An explosive device detonated targeting a convoy carrying supplies for coalition troops near Hilla, Iraq."
    assert classify_gtd(text).target_type == "Military"


def test_firecrackers_made_into_a_bomb_stay_an_attack(extractor) -> None:
    """Fireworks that blow up where they are kept are an accident (non_event_kinds); a bomb made of them is not."""
    text = ("A crude bomb packed with firecrackers exploded outside a party office in Kannur, Kerala, India, on "
            "Monday, injuring two workers. Police said assailants on a motorcycle had thrown it.")
    events = extractor.extract(Document(id="s12-fireworks", text=text))
    assert any(e.event_type == "Explosions/Remote violence" for e in events)


def test_a_drone_sent_to_target_soldiers_is_an_attack_on_them(extractor) -> None:
    text = ("Assailants used a drone to target Malian Armed Forces (FAMa) soldiers in Boni, Mopti, Mali. "
            "There were no reported casualties.")
    events = extractor.extract(Document(id="s12-drone", text=text))
    assert events and events[0].target_type == "Military"
    assert events[0].attack_type == "Bombing/Explosion"


def test_the_west_bank_is_a_place_not_a_bank() -> None:
    text = ("Assailants threw an explosive device towards a residence in Beit Safafa, West Bank, West Bank and Gaza "
            "Strip. There were no reported casualties.")
    typed = classify_gtd(text)
    assert typed.target_type == "Private Citizens & Property" and typed.target_text == "a residence"
    assert type_in("a bank in the West Bank") == "Business"


def test_petrol_bombs_thrown_by_assailants_are_an_attack_on_property(extractor) -> None:
    """Petrol bombs or Molotov cocktails that assailants threw at a house are an attack typed for GTD; stones
    thrown by a crowd stay a violent demonstration."""
    text = ("Assailants threw three petrol bombs at a house on Mill Road in Lurgan, Northern Ireland, on Tuesday. "
            "There were no reported casualties.")
    events = extractor.extract(Document(id="s12-petrol", text=text))
    assert events and events[0].event_type != "Riots"
    assert events[0].target_type == "Private Citizens & Property"
    crowd = "Protesters threw stones and bottles at police in the town centre on Friday night, officials said."
    events = extractor.extract(Document(id="s12-stones", text=crowd))
    assert events and events[0].sub_event_type == "Violent demonstration"
