"""GTD target type by general mechanisms, session 17 (issue 11, branch hgtdtarget): whose people the victims
are, who a vehicle carried, verbs in a row, the attack verbs that lead the attacked phrase, and kinds of the
codebook the cue lists lacked.

GTD's codebook codes the victims' kind: staff of an aid organisation are an NGO's, employees of a company a
business's, people carried by a bus the kind of those people. A summary may say "gunned down", "assassinated"
or "shelled" where most say "shot and killed" or "attacked"; the target must not depend on which.

Every sentence here was written for these tests; names and places are made up or set elsewhere. None is GTD's
own text.
"""

import pytest

from conflictlens.extract.gtd.attack_types import classify_gtd

PRIVATE = "Private Citizens & Property"
GOVERNMENT = "Government (General)"
TAIL = " No group claimed responsibility for the incident."


@pytest.mark.parametrize("text,target", [
    ("Assailants shot and killed a staff member of an aid organization in Kunar, Afghanistan.", "NGO"),
    ("Assailants shot and killed two de-miners working for a mine clearance charity in Herat, Afghanistan.", "NGO"),
    ("Assailants abducted three employees of the Blue River Cement Company in Zabul, Afghanistan.", "Business"),
    ("Assailants shot and killed two employees of the United Nations in Faryab, Afghanistan.",
     "Government (Diplomatic)"),
    ("Assailants shot and killed a health worker of an NGO in Nimroz, Afghanistan.", "NGO"),
    # People of a kind of their own keep it; people of no stated employer stay as they were.
    ("Assailants shot and killed a member of the Tajik community in Balkh, Afghanistan.", PRIVATE),
])
def test_people_are_typed_by_whom_they_work_for(text: str, target: str) -> None:
    assert classify_gtd(text + TAIL).target_type == target


@pytest.mark.parametrize("text,target", [
    ("An explosive device detonated targeting a minibus carrying employees of the Ministry of Mines in Kabul, "
     "Afghanistan. Three employees were injured.", GOVERNMENT),
    ("Assailants opened fire on a bus transporting soldiers in Paktika, Afghanistan. Two soldiers were killed.",
     "Military"),
    # A vehicle typed by its own words stays its owner's; a bus carrying civilians stays a bus.
    ("An explosive device targeting a police vehicle carrying soldiers detonated in Tarin Kot, Afghanistan.",
     "Police"),
    ("An explosive device detonated targeting a bus carrying civilians in Ghor, Afghanistan. Four passengers "
     "were killed.", "Transportation"),
])
def test_people_carried_by_a_vehicle_are_the_target(text: str, target: str) -> None:
    assert classify_gtd(text + TAIL).target_type == target


def test_only_the_first_things_carried_count() -> None:
    """Goods carried name no people, and the escort named after them is not what the vehicles carried."""
    text = "Assailants attacked trucks transporting timber and their police escort in Kunar, Afghanistan."
    assert classify_gtd(text + TAIL).target_type != "Police"


@pytest.mark.parametrize("text,phrase", [
    ("Assailants attacked and killed a trader in Bamyan, Afghanistan.", "a trader"),
    ("Assailants shot and beheaded a farmer, Gul Ahmad, in Uruzgan, Afghanistan.", "a farmer"),
    ("Assailants opened fire on and threw grenades at a police checkpoint in Kunduz, Afghanistan.",
     "a police checkpoint"),
])
def test_verbs_in_a_row_share_one_object(text: str, phrase: str) -> None:
    assert classify_gtd(text + TAIL).target_text == phrase


@pytest.mark.parametrize("plain,other", [
    ("shot and killed", "gunned down"),
    ("shot and killed", "assassinated"),
    ("shot and killed", "murdered"),
    ("shot and killed", "stabbed to death"),
    ("shot and killed", "fatally shot"),
])
@pytest.mark.parametrize("victim,target", [
    ("a National Directorate of Security (NDS) officer", GOVERNMENT),
    ("Abdul Samad, the head of the provincial council,", GOVERNMENT),
    ("an Afghan National Army (ANA) pilot", "Military"),
    ("two people, including a district court judge and a civilian,", GOVERNMENT),
])
def test_the_attack_verb_does_not_change_the_target(plain: str, other: str, victim: str, target: str) -> None:
    sentence = "Assailants {} {} in Police District 2, Mazar city, Balkh, Afghanistan." + TAIL
    assert classify_gtd(sentence.format(plain, victim)).target_type == target
    assert classify_gtd(sentence.format(other, victim)).target_type == target


@pytest.mark.parametrize("victim,target", [
    ("the vehicle of Abdul Samad, the head of the provincial council,", GOVERNMENT),
    ("an Afghan National Army (ANA) patrol", "Military"),
    ("a civilian vehicle", PRIVATE),
])
def test_shot_at_is_opened_fire_on(victim: str, target: str) -> None:
    sentence = "Assailants {} {} in Sayed Karam, Paktia, Afghanistan." + TAIL
    assert classify_gtd(sentence.format("opened fire on", victim)).target_type == target
    assert classify_gtd(sentence.format("shot at", victim)).target_type == target


@pytest.mark.parametrize("text,target", [
    ("Assailants shelled Dara Kalay, Paktia, Afghanistan. One soldier was killed in the attack.", PRIVATE),
    ("An explosive device detonated directed at the convoy of the district governor in Dand, Afghanistan.",
     GOVERNMENT),
    ("Assailants assaulted a police post in Qarabagh, Ghazni, Afghanistan. Two police officers were killed.",
     "Police"),
])
def test_more_attack_verbs_lead_the_attacked_phrase(text: str, target: str) -> None:
    assert classify_gtd(text + TAIL).target_type == target


@pytest.mark.parametrize("text,target", [
    ("Assailants shot and killed two de-miners in Chahar Bolak, Balkh, Afghanistan.", "NGO"),
    ("Assailants shot and killed a Khasadar official in Bara, Khyber Pakhtunkhwa, Pakistan.", "Police"),
    ("Assailants attacked a Frontier Constabulary post in Tank, Khyber Pakhtunkhwa, Pakistan.", "Police"),
    ("Assailants shot and killed Hamid Noori in Kabul, Afghanistan. Noori, the deputy director of military "
     "intelligence, was on his way home.", GOVERNMENT),
    ("Assailants shot and killed a university student in Herat, Afghanistan.", PRIVATE),
    ("Assailants shot and killed a prayer leader's son in Faryab, Afghanistan.", PRIVATE),
    ("Assailants shot and killed a district governor's brother in Logar, Afghanistan.", PRIVATE),
    ("Assailants shot and killed two shepherds in Badghis, Afghanistan.", PRIVATE),
    ("Assailants shot and killed two employees of the Green Valley Foundation in Bamyan, Afghanistan.", "NGO"),
    ("Assailants shot and killed a Taliban commander in Kunar, Afghanistan.", "Terrorists/Non-State Militia"),
])
def test_kinds_of_the_codebook(text: str, target: str) -> None:
    assert classify_gtd(text + TAIL).target_type == target


@pytest.mark.parametrize("text,target", [
    # The first victim named, a civilian, is GTD's target...
    ("Assailants shot and killed a civilian and a police officer in Kalakan, Kabul, Afghanistan.", PRIVATE),
    # ...but a civilian vehicle names no civilian: the notable victim decides.
    ("An explosive device detonated targeting a civilian vehicle in Nawa, Helmand, Afghanistan. Three people, "
     "including the district governor, were injured.", GOVERNMENT),
])
def test_a_named_civilian_keeps_the_phrase(text: str, target: str) -> None:
    assert classify_gtd(text + TAIL).target_type == target


@pytest.mark.parametrize("verb", ["shot and killed", "stabbed to death", "fatally shot", "hacked to death"])
def test_killing_a_tribal_elder_is_an_assassination_whatever_the_verb(verb: str) -> None:
    text = f"Assailants {verb} a tribal elder in Jaghori, Ghazni, Afghanistan." + TAIL
    assert classify_gtd(text).attack_type == "Assassination"


@pytest.mark.parametrize("text,target", [
    ("Assailants abducted 40 students from a secondary school in Zuru, Kebbi, Nigeria.", "Educational Institution"),
    ("Assailants abducted worshippers from a church in Kafanchan, Kaduna, Nigeria.",
     "Religious Figures/Institutions"),
    # A place of no other type than theirs leaves them private citizens.
    ("Assailants abducted ten villagers from a hamlet in Zurmi, Zamfara, Nigeria.", PRIVATE),
])
def test_people_taken_from_a_venue_are_the_venues(text: str, target: str) -> None:
    assert classify_gtd(text + TAIL).target_type == target


def test_a_united_nations_agency_is_an_international_organisation() -> None:
    text = "Assailants attacked a convoy of the World Food Programme in Mekele, Tigray, Ethiopia."
    assert classify_gtd(text + TAIL).target_type == "Government (Diplomatic)"
