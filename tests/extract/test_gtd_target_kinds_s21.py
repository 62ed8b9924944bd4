"""GTD target type, session 21 (issue 11, branch hgtdtarget): crowds of several kinds, the first of several
targets, a title in a name against a post in a body, a vehicle carrying a named person, and what an attack
answered.

Every sentence here was written for these tests; names and places are made up or set elsewhere.
"""

import pytest

from conflictlens.extract.gtd.attack_types import classify_gtd

PRIVATE = "Private Citizens & Property"
GOVERNMENT = "Government (General)"
TAIL = " No group claimed responsibility for the incident."


@pytest.mark.parametrize("text", [
    "Gunmen shot dead three people, including a teacher and a militia member, in Qarabagh, Ghazni, Afghanistan.",
    "A bomb planted on a motorcycle went off near a roundabout in Tarin Kot, Uruzgan, Afghanistan. One person was killed "
    "and six people, including a reporter and two police officers, were hurt.",
])
def test_a_crowd_of_several_kinds_is_private_citizens(text: str) -> None:
    assert classify_gtd(text + TAIL).target_type == PRIVATE


@pytest.mark.parametrize("text,target", [
    ("Gunmen shot dead two people, including a police officer, in Qarabagh, Ghazni, Afghanistan.", "Police"),
    # A phrase with a kind of its own keeps it: the victims of several kinds do not make it a crowd.
    ("A bomb targeting a ministry of health vehicle went off in Kabul, Afghanistan. One person was killed and two "
     "others, including a teacher and a soldier, were hurt.", GOVERNMENT),
])
def test_one_kind_among_the_people_or_a_typed_phrase_still_decides(text: str, target: str) -> None:
    assert classify_gtd(text + TAIL).target_type == target


@pytest.mark.parametrize("text,target", [
    ("Assailants attacked civilians and security forces in Dara, Panjshir, Afghanistan. Four civilians were killed.",
     PRIVATE),
    ("Assailants fired on security personnel and the district compound in Almar, Faryab, Afghanistan. One soldier "
     "was wounded.", "Military"),
    ("Assailants fired on security personnel and the district compound in Almar, Faryab, Afghanistan. Two police "
     "officers were wounded.", "Police"),
])
def test_the_first_of_several_targets_decides(text: str, target: str) -> None:
    assert classify_gtd(text + TAIL).target_type == target


@pytest.mark.parametrize("text,target", [
    # A post in a body outweighs a title in the name ...
    ("A bomb went off targeting Maulana Rahim Gul Shah in Bajaur, Khyber Pakhtunkhwa, Pakistan. Shah, the district "
     "deputy head of the Jamiat Ulema-e-Islam party, was wounded.", PRIVATE),
    ("A bomb went off targeting the vehicle of General Nasir Bazzaz in Aden, Yemen. Bazzaz, commander of the Third "
     "Giants Brigade, was unhurt.", "Terrorists/Non-State Militia"),
    # ... a plain description does not.
    ("Gunmen shot and killed Maulvi Abdul Qadir, a religious scholar, in Charikar, Parwan, Afghanistan.",
     "Religious Figures/Institutions"),
])
def test_a_post_in_a_body_outweighs_a_title_in_the_name(text: str, target: str) -> None:
    assert classify_gtd(text + TAIL).target_type == target


def test_a_vehicle_carrying_a_named_person_is_that_person_in_their_role() -> None:
    text = ("A bomb targeting a convoy carrying Abdi Nur Warsame, the district commissioner, went off in Afgoye, "
            "Lower Shabelle, Somalia. Two bodyguards were killed.")
    assert classify_gtd(text + TAIL).target_type == GOVERNMENT


@pytest.mark.parametrize("text", [
    "Assailants fired a rocket that hit a residence in Sderot, Southern, Israel. There were no casualties. A group "
    "said the attack was in response to a raid that killed four fighters and police violence in the city.",
    "Assailants shot and killed a farmer, Jon Eze, in Okigwe, Imo, Nigeria. Sources said he was killed in "
    "retaliation for a police raid on the group's camp.",
])
def test_what_an_attack_answered_is_not_its_target(text: str) -> None:
    assert classify_gtd(text).target_type == PRIVATE


@pytest.mark.parametrize("attackers", ["Assailants", "Militants", "Insurgents"])
def test_who_attacked_is_no_target_whatever_they_are_called(attackers: str) -> None:
    text = (f"{attackers} fired a rocket that landed in Kalat, Zabul, Afghanistan. There were no reported casualties "
            "in the attack.")
    assert classify_gtd(text + TAIL).target_type == PRIVATE
