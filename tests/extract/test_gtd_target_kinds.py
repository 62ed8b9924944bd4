"""GTD target type by kinds of report, session 10 (issue 11): violent political parties, candidates and
party offices, militias by name, telecommunication masts, people attacked at a venue, possessives of
kind, a whole country aimed at, defused devices by the place they lay in, and truck convoys.

Every sentence here was written for these tests; names and places are made up or set elsewhere than
the reports that prompted them. None is GTD's own text.
"""

import pytest

from conflictlens.extract.gtd.attack_types import classify_gtd
from conflictlens.extract.gtd.targets import type_in

PRIVATE = "Private Citizens & Property"
MILITIA = "Terrorists/Non-State Militia"
PARTY = "Violent Political Party"


@pytest.mark.parametrize("text", [
    "Assailants threw a crude bomb at the car of BJP candidate Ravi Sen in Howrah, West Bengal, India.",
    "Assailants attacked a Trinamool Congress worker in Nadia, West Bengal, India. He was injured.",
    "Assailants shot and killed Ojo Adamu, a Peoples Democratic Party (PDP) ward chairman, in Kogi, Nigeria.",
    "Assailants opened fire on a Shiv Sena leader outside his office in Thane, India.",
])
def test_a_party_gtd_codes_as_violent_is_a_violent_political_party(text: str) -> None:
    assert classify_gtd(text).target_type == PARTY


@pytest.mark.parametrize("text", [
    "An assailant shot and killed Rosa Lema, a mayoral candidate, in Puebla, Mexico.",
    "An explosive device detonated targeting a Liberal Union party office in Sagaing, Myanmar.",
    "Assailants shot and killed trade union leader Ben Cruz in Laguna, Philippines.",
    "Assailants shot and killed Anton Ruiz, a farmer and former National Liberation Army (ELN) member, in Arauca, "
    "Colombia.",
])
def test_candidates_party_members_unions_and_former_fighters_are_private_citizens(text: str) -> None:
    assert classify_gtd(text).target_type == PRIVATE


@pytest.mark.parametrize("phrase,target", [
    ("a former member of parliament", "Government (General)"),
    ("a former police commander", "Police"),
    ("the Community Action Board president", "Government (General)"),
    ("a Kenya Wildlife Service vehicle", "Government (General)"),
])
def test_what_stays_official(phrase: str, target: str) -> None:
    assert type_in(phrase) == target


@pytest.mark.parametrize("phrase", [
    "a Hadrami Elite Forces soldier",
    "an Awakening checkpoint",
    "a Houthi-allied tribal leader",
    "a Transitional Council-affiliated militia convoy",
    "a National Resistance Forces unit",
])
def test_militias_by_name(phrase: str) -> None:
    assert type_in(phrase) == MILITIA


@pytest.mark.parametrize("text,target", [
    ("Assailants set fire to a 5G mast in Leeds, England. There were no casualties.", "Telecommunication"),
    ("Assailants set fire to a telephone pole near Yala, Thailand.", "Telecommunication"),
    ("Assailants robbed and set fire to a toll booth in Santander, Colombia.", "Transportation"),
])
def test_masts_poles_and_toll_booths(text: str, target: str) -> None:
    assert classify_gtd(text).target_type == target


@pytest.mark.parametrize("text,target", [
    ("Assailants attacked and killed civilians at a bar in Ayacucho, Peru.", "Business"),
    ("Assailants attacked guests in a hotel in Ondo, Nigeria. Three people were wounded.", "Business"),
    ("An assailant stabbed individuals inside of the Old Bridge mosque in Shkoder, Albania. Two people were hurt.",
     "Religious Figures/Institutions"),
    # No venue of a type: the people stay private citizens.
    ("Assailants attacked civilians in Gorom, Sahel, Burkina Faso. Five people were killed.", PRIVATE),
])
def test_people_attacked_at_a_venue_take_its_type(text: str, target: str) -> None:
    assert classify_gtd(text).target_type == target


@pytest.mark.parametrize("text,target", [
    ("Assailants attacked a women's prison in Taizz, Yemen. Four people were killed.", "Police"),
    ("An incendiary device ignited targeting a children's toy store in Patras, Greece.", "Business"),
    # A person's possessive names the owner, who stays the target.
    ("Assailants attacked the governor's office in Kandi, Benin. Two guards were injured.", "Government (General)"),
])
def test_a_possessive_of_kind_does_not_type_a_place(text: str, target: str) -> None:
    assert classify_gtd(text).target_type == target


@pytest.mark.parametrize("text", [
    "Assailants launched explosives-laden drones targeting southern Saudi Arabia. No casualties were reported.",
    "A drone meant to target Israel was shot down over the Golan Heights. There were no casualties.",
    "Security forces shot down an explosives-laden drone near Erbil, Iraq. No casualties were reported.",
])
def test_a_whole_country_aimed_at_names_no_target(text: str) -> None:
    assert classify_gtd(text).target_type == "Unknown"


@pytest.mark.parametrize("text,target", [
    ("Security forces defused two explosive devices planted in an olive grove orchard in Baqubah, Iraq.", PRIVATE),
    ("Security forces discovered and defused an explosive device outside the district education office in "
     "Sittwe, Myanmar.", "Educational Institution"),
    ("Police defused an explosive device found near a newspaper kiosk in Buea, Cameroon.", "Journalists & Media"),
    # A checkpoint or a town says nothing of whom a defused device was for.
    ("Security forces defused an explosive device near a checkpoint in Tikrit, Iraq.", "Unknown"),
    ("Security forces defused an explosive device in Kirkuk city, Iraq.", "Unknown"),
])
def test_a_defused_device_is_for_the_typed_place_it_lay_in(text: str, target: str) -> None:
    assert classify_gtd(text, foiled=True).target_type == target


@pytest.mark.parametrize("text,target", [
    ("Assailants attacked a truck convoy travelling between Bouar and Baboua, Central African Republic.", PRIVATE),
    ("Assailants ambushed a 12-vehicle convoy leaving Macomia, Mozambique. Four people were killed.", PRIVATE),
    ("Assailants ambushed a convoy near Macomia, Mozambique.", "Military"),
])
def test_a_truck_convoy_is_civilian_property(text: str, target: str) -> None:
    assert classify_gtd(text).target_type == target


def test_a_road_named_after_a_place_is_no_typed_place() -> None:
    text = "Security forces defused a roadside bomb on the old mosque road in Baiji, Iraq. Nobody was hurt."
    assert classify_gtd(text, foiled=True).target_type == "Unknown"
