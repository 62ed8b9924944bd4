"""GTD target type by kinds of report, session 13 (issue 11, branch hafpk): religious scholars and pilgrims,
the titles of clerics, kin of officials, party members and officials, students and the venue they were
attacked at.

GTD's codebook: religious leaders (imams, priests) and places of worship are Religious Figures/Institutions,
but pilgrims are Private Citizens & Property, and so are people identified by their religion (a religious
scholar is coded "Religion Identified"), party members (sub-type "Political Party Member/Rally") and students
(sub-type "Student") unless the attack was on their school.

Every sentence here was written for these tests; names and places are made up or set elsewhere than the
reports that prompted them. None is GTD's own text.
"""

import pytest

from conflictlens.extract.gtd.attack_types import classify_gtd

PRIVATE = "Private Citizens & Property"


@pytest.mark.parametrize("text,target", [
    ("Gunmen shot and killed Qari Tahir, a religious scholar, in Sargodha, Punjab, Pakistan.", PRIVATE),
    ("Assailants opened fire on the car of Hafiz Bashir in Hyderabad, Sindh, Pakistan. Bashir, an Islamic "
     "scholar, was injured in the attack.", PRIVATE),
    ("A grenade detonated targeting Shia pilgrims on a bridge in Samarra, Iraq. Two people were killed.", PRIVATE),
    ("Assailants shot and killed Maulvi Karim Dad in Charikar, Parwan, Afghanistan.",
     "Religious Figures/Institutions"),
    ("Assailants shot and killed the imam of a mosque in Herat, Afghanistan.", "Religious Figures/Institutions"),
])
def test_scholars_and_pilgrims_are_private_citizens_clerics_are_religious_figures(text: str, target: str) -> None:
    assert classify_gtd(text).target_type == target


@pytest.mark.parametrize("text,target", [
    ("Assailants opened fire on a man walking home in Gwadar, Balochistan, Pakistan. The victim, who was the "
     "cousin of two senior police officers, was killed.", PRIVATE),
    ("Assailants shot and killed the nephew of a provincial council member in Sasaram, Bihar, India.", PRIVATE),
    # The officers themselves are still the target when they are among the victims.
    ("Assailants opened fire on a police station in Enugu, Nigeria. Four police officers and the wife of an "
     "officer were killed.", "Police"),
])
def test_kin_of_officials_are_private_citizens(text: str, target: str) -> None:
    assert classify_gtd(text).target_type == target


@pytest.mark.parametrize("text", [
    "Assailants attacked Green Dawn Party (GDP) Deputy Chairman Amir Ross with sticks in Izmir, Turkey.",
    "Assailants shot and killed a former chairman of the Farmers Unity Party in Gaya, Bihar, India.",
    "An explosive device detonated targeting Hafiz Noor in Dir, Pakistan. Noor, the deputy district head of "
    "the Jamiat Ulema-e-Islam Fazl (JUI-F) party, was killed.",
    "Assailants threw a petrol bomb at the Blue Horizon Party headquarters in Valencia, Spain.",
])
def test_party_members_and_officials_are_private_citizens(text: str) -> None:
    assert classify_gtd(text).target_type == PRIVATE


@pytest.mark.parametrize("text,target", [
    ("Assailants attacked a student with a knife in Howrah, West Bengal, India. The student was injured.",
     PRIVATE),
    ("Gunmen abducted two students accused of being informants in Bijapur, Chhattisgarh, India.", PRIVATE),
    ("An assailant attacked students at Hillcrest Grammar School in Malmo, Sweden. One student was injured.",
     "Educational Institution"),
    ("Gunmen attacked worshippers at Jamia Noor Mosque in Peshawar, Pakistan. Three people were killed.",
     "Religious Figures/Institutions"),
    # A named place after the people is no venue of a type: they stay private citizens.
    ("Assailants opened fire on villagers in Kasanga, Ituri. Two people were killed.", PRIVATE),
])
def test_students_are_private_citizens_unless_attacked_at_their_school(text: str, target: str) -> None:
    assert classify_gtd(text).target_type == target


@pytest.mark.parametrize("text,target", [
    # The centre of a district is its town, as a named town is, whoever defended it ...
    ("Assailants attacked the center of Dara district, Faryab, Afghanistan. One police officer was killed.",
     PRIVATE),
    ("Assailants attacked the centre of Dara district, Faryab, Afghanistan. The outcome is unknown.", PRIVATE),
    # ... but the district centre is the government's compound.
    ("Assailants attacked the district center in Dara district, Faryab, Afghanistan. One police officer was "
     "killed.", "Government (General)"),
])
def test_the_centre_of_a_district_is_its_town(text: str, target: str) -> None:
    assert classify_gtd(text).target_type == target


@pytest.mark.parametrize("text,attack", [
    # GTD's hierarchy of attack types puts an armed assault above an unarmed one: poison, then guns.
    ("Assailants poisoned and then shot and killed four guards in Spin Boldak, Kandahar, Afghanistan.",
     "Armed Assault"),
    ("Assailants tried to run over and shoot at soldiers at a checkpoint near Jenin.", "Armed Assault"),
    ("Assailants beat two farmers in Kombolcha, Amhara, Ethiopia. Both farmers were injured.", "Unarmed Assault"),
])
def test_an_armed_assault_outranks_an_unarmed_one(text: str, attack: str) -> None:
    assert classify_gtd(text).attack_type == attack
