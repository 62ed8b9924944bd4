"""GTD attack types, session 21 (branch hgtdattack): names written with particles, a title before a name,
an appositive told in a later sentence, infrastructure of no stated means, derailments, landmines.

Every sentence here was written for these tests; none is GTD's own text.
"""

import pytest

from conflictlens.extract.gtd.attack_types import classify_gtd


@pytest.mark.parametrize("text", [
    # A name with a particle ('al-', 'de la'), its role told in the next sentence or right after it.
    "Assailants opened fire on Karim al-Hassani in Baqubah, Iraq. Al-Hassani, a district council member, was killed.",
    "Assailants shot Maria de la Vega, a municipal councilor, in Popayan, Colombia. She was wounded.",
    # A name followed by what the person was doing, the role in a later sentence.
    "Assailants opened fire on Tunde Bakare driving along a road in Enugu, Nigeria. Bakare, a local party leader, "
    "died in hospital.",
    # A title written before the name.
    "Assailants armed with knives attacked journalist Amina Farah in Kismayo, Somalia. Farah was injured.",
])
def test_a_named_prominent_victim_is_assassinated(text: str) -> None:
    assert classify_gtd(text).attack_type == "Assassination"


@pytest.mark.parametrize("text", [
    # A named person of no prominent role stays an armed assault ...
    "Assailants opened fire on Karim al-Hassani in Baqubah, Iraq. Al-Hassani, a shopkeeper, was killed.",
    # ... and so does a place named after an article, whatever its appositive says.
    "Assailants opened fire on the Hotel Savanna, the mayor's favourite restaurant, in Tamale, Ghana. Two guards "
    "were hurt.",
])
def test_no_prominent_name_no_assassination(text: str) -> None:
    assert classify_gtd(text).attack_type == "Armed Assault"


@pytest.mark.parametrize("text,attack", [
    # An attack of no stated means on a power line or a pylon is a facility attack, as GTD codes it.
    ("Assailants attacked a power line near Adama, Ethiopia. No casualties were reported.",
     "Facility/Infrastructure Attack"),
    # A train derailed, a bus set on fire after its passengers got off.
    ("Assailants derailed a freight train near Rourkela, India. Nobody was hurt.", "Facility/Infrastructure Attack"),
    ("Assailants stopped a bus in Temuco, Chile, before setting fire to it. Nobody was hurt.",
     "Facility/Infrastructure Attack"),
    # A landmine is an explosive, written as one word or two.
    ("A landmine exploded under a truck near Bamba, Mali. The driver was killed.", "Bombing/Explosion"),
])
def test_infrastructure_arson_and_landmines(text: str, attack: str) -> None:
    assert classify_gtd(text).attack_type == attack


def test_a_prominent_hostage_killed_later_told_in_the_next_sentence() -> None:
    # The role is told only with the killing, after the incident's own text.
    incident = "Assailants abducted Lucas Herrera Pardo from his farm near Tumaco, Colombia."
    later = "Pardo, a community leader, was shot and killed hours later."
    assert classify_gtd(incident, sequel=later).attack_type == "Assassination"
    assert classify_gtd(incident, sequel="Pardo, a farmer, was shot and killed hours later.").attack_type == (
        "Hostage Taking (Kidnapping)")


@pytest.mark.parametrize("text,attack", [
    # A raid of no stated means on a police station is an armed assault; on army positions it stays Unknown.
    ("Assailants attacked the Mabanga police station in Kasese, Uganda. One officer was killed.", "Armed Assault"),
    ("Assailants attacked army positions near Gulu, Uganda. The outcome is unknown.", "Unknown"),
    # Hostages held where the attack took place make a barricade incident (GTD's kidnapping takes them away).
    ("A man broke into a flat in Rennes, France, holding a neighbour hostage for six hours.",
     "Hostage Taking (Barricade Incident)"),
    ("Assailants raided a pumping station near Sukkur, India, and a watchman was held hostage during the raid.",
     "Hostage Taking (Barricade Incident)"),
])
def test_police_stations_and_hostages(text: str, attack: str) -> None:
    assert classify_gtd(text).attack_type == attack


@pytest.mark.parametrize("text,attack", [
    # Arson that injures people is an armed assault, as GTD codes it; arson that hurts no one, or only the
    # assailants, stays a facility attack.
    ("Assailants set fire to a school dormitory in Bamenda, Cameroon. Two pupils were injured in the attack.",
     "Armed Assault"),
    ("Assailants set fire to a school dormitory in Bamenda, Cameroon. No one was injured in the attack.",
     "Facility/Infrastructure Attack"),
    ("Two men threw petrol bombs at a shop in Hebron. One assailant was injured when a bottle burst.",
     "Facility/Infrastructure Attack"),
])
def test_arson_that_harms_people(text: str, attack: str) -> None:
    assert classify_gtd(text).attack_type == attack
