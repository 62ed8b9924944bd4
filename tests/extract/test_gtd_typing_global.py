"""GTD typing of reports from outside Afghanistan and Pakistan (issue 12).

Every sentence here was written for these tests, set in a country other than the report that
prompted it; none is GTD's own text.
"""

import pytest

from conflictlens.extract.gtd.attack_types import classify_gtd


@pytest.mark.parametrize("text,attack", [
    # No stated means: a raid on a village or on civilians is an armed assault ...
    ("Assailants attacked Nkowa village, Kasai, Angola. Nine villagers were killed in the attack.", "Armed Assault"),
    ("Assailants attacked civilians near Sinkasse, Togo. Four people were killed.", "Armed Assault"),
    ("Assailants attacked a grocery store in Tema, Ghana. The owner was injured.", "Armed Assault"),
    # ... while an attack on a security position of no stated means stays Unknown, as GTD codes it.
    ("Assailants attacked army positions near Kidal, Mali. Three soldiers were killed in the ensuing clash.",
     "Unknown"),
])
def test_attack_of_no_stated_means_follows_the_target(text: str, attack: str) -> None:
    assert classify_gtd(text).attack_type == attack


@pytest.mark.parametrize("text,attack", [
    # A petrol bomb or a Molotov cocktail is an incendiary, not a bombing.
    ("Two men threw Molotov cocktails at a tax office in Lyon, France. Nobody was hurt.",
     "Facility/Infrastructure Attack"),
    ("Assailants hurled petrol bombs at a bank branch in Valparaiso, Chile. The front was damaged.",
     "Facility/Infrastructure Attack"),
    # Shooting comes before the burning: gunmen who fire on a station and then torch it carry out an armed assault.
    ("Gunmen set fire to a police station and opened fire on the officers in Owando, Congo. Two officers were hurt.",
     "Armed Assault"),
    # A raid that kills people and burns houses is an armed assault; burning alone stays a facility attack.
    ("Assailants raided Mbala, Zambia, and set fire to houses. Seven villagers were killed.", "Armed Assault"),
    ("Assailants set fire to a customs post near Kasumbalesa, Zambia. No one was hurt.",
     "Facility/Infrastructure Attack"),
])
def test_arson_incendiaries_and_gunfire(text: str, attack: str) -> None:
    assert classify_gtd(text).attack_type == attack


@pytest.mark.parametrize("text,target", [
    # Security forces outside Afghanistan and Pakistan, by the words other countries' reports use.
    ("Assailants attacked army positions along the northern front near Gao, Chad.", "Military"),
    ("An explosive device struck a coalition supply convoy near Tikrit, Jordan.", "Military"),
    ("Gunmen opened fire on a gendarmerie post in Kara, Benin. One gendarme was hurt.", "Police"),
    ("Assailants shot at a Popular Mobilization Forces checkpoint near Karbala, Kuwait.", "Military"),
    ("Assailants ambushed a vigilante patrol near Kano, Niger. Three vigilantes were killed.",
     "Terrorists/Non-State Militia"),
    ("A bomb exploded targeting a UN peacekeepers' camp near Gao, Senegal.", "Government (Diplomatic)"),
    # Local officials, shops and bars, and informants.
    ("Gunmen shot and killed a village head in Bauchi, Ghana.", "Government (General)"),
    ("Assailants opened fire on a municipal councilor in Cebu, Indonesia.", "Government (General)"),
    ("A grenade was thrown into a bar in Kisumu, Tanzania. Four drinkers were hurt.", "Business"),
    ("An explosive device detonated at a bank ATM in Temuco, Peru.", "Business"),
    ("Gunmen shot and killed a suspected military informant in Mandalay, Laos.", "Private Citizens & Property"),
])
def test_targets_named_the_way_other_countries_name_them(text: str, target: str) -> None:
    assert classify_gtd(text).target_type == target


def test_property_attack_of_no_stated_means_is_a_facility_attack() -> None:
    text = "Assailants wrecked the offices of a cooperative in Ségou, Guinea. There were no casualties."
    assert classify_gtd(text).attack_type != "Facility/Infrastructure Attack"
    assert classify_gtd(text, on_property=True).attack_type == "Facility/Infrastructure Attack"


@pytest.mark.parametrize("text", [
    # Local office-holders other countries' reports name: their shooting is an assassination to GTD.
    "Assailants shot and killed Ramon Dizon, a barangay councilor, in Tarlac, Vietnam.",
    "Gunmen opened fire on a village chair in Bohol, Malaysia. He was wounded.",
    "Assailants shot and killed Thabo Nkosi, an induna, at his home in Manzini, Lesotho.",
    "Assailants shot and killed a junta-appointed ward administrator in Mawlamyine, Thailand.",
    "Gunmen opened fire on Karim Haddad in Tripoli, Tunisia. Haddad, a representative of a party bloc, was unharmed.",
])
def test_local_office_holders_are_assassination_targets(text: str) -> None:
    assert classify_gtd(text).attack_type == "Assassination"


@pytest.mark.parametrize("text", [
    "Assailants launched two armed drones at an oil depot near Dammam, Oman. Both were shot down.",
    "Assailants fired artillery into a market town near Hodeidah, Eritrea. The outcome is unknown.",
])
def test_drones_and_artillery_are_bombings(text: str) -> None:
    typing = classify_gtd(text)
    assert (typing.attack_type, typing.weapon_type) == ("Bombing/Explosion", "Explosives")


@pytest.mark.parametrize("text,target", [
    ("Assailants set fire to an electoral commission office in Kumasi, Liberia. Nobody was hurt.",
     "Government (General)"),
    ("Gunmen shot and killed Ravi Kumar, a gram panchayat secretary, near Gaya, Nepal.", "Government (General)"),
    ("An explosion occurred at a casino in Tachileik, Cambodia. There were no casualties.", "Business"),
    # A former member of an armed group is a private citizen, not a soldier of that group.
    ("Assailants shot and killed Pedro Salas, a former member of the Popular Liberation Army, in Cusco, Bolivia.",
     "Private Citizens & Property"),
    # An intercepted missile aimed at a named town was aimed at its people; a defused one aimed nowhere stays Unknown.
    ("Air defences intercepted a ballistic missile targeting Dhahran, Bahrain. No casualties were reported.",
     "Private Citizens & Property"),
    ("Police discovered and defused a roadside bomb in Basra, Kuwait. No casualties were reported.", "Unknown"),
])
def test_offices_venues_former_fighters_and_intercepted_strikes(text: str, target: str) -> None:
    assert classify_gtd(text).target_type == target


def test_an_attack_on_a_patrol_or_convoy_is_an_armed_assault() -> None:
    assert classify_gtd("Assailants attacked a gendarmerie patrol near Dori, Togo. Two gendarmes were killed."
                        ).attack_type == "Armed Assault"
    assert classify_gtd("Assailants attacked an army convoy near Palma, Malawi. The outcome is unknown."
                        ).attack_type == "Armed Assault"


@pytest.mark.parametrize("text", [
    "An assailant drove his car towards police officers at a roundabout in Lille, Belgium. Two were hurt.",
    "Assailants physically assaulted a pastor outside a chapel in Leeds, Ireland.",
    "Youths dropped a stone from an overpass onto a bus near Hebron, Jordan, injuring the driver.",
])
def test_ramming_beating_and_stoning_are_unarmed_assaults(text: str) -> None:
    assert classify_gtd(text).attack_type == "Unarmed Assault"


@pytest.mark.parametrize("text,target", [
    ("Assailants set fire to a wooden chapel near Temuco, Argentina. Nobody was hurt.", "Religious Figures/Institutions"),
    ("Gunmen shot and killed a parish priest in Enugu, Cameroon.", "Religious Figures/Institutions"),
    ("Assailants attacked a prison in Kismayo, Djibouti, and freed 300 inmates.", "Police"),
    ("A grenade was thrown at a Central Reserve Police Force camp in Sopore, Bhutan.", "Police"),
    # Appointed by the army, but a civil official: not the military.
    ("Assailants shot and killed a junta-appointed ward administrator in Bago, Laos.", "Government (General)"),
])
def test_clergy_prisons_paramilitary_police_and_appointed_officials(text: str, target: str) -> None:
    assert classify_gtd(text).target_type == target


@pytest.mark.parametrize("text", [
    "An explosive device detonated targeting the vehicle of a district commissioner in Beledweyne, Kenya.",
    "A roadside bomb targeting a senior army officer exploded near Taiz, Oman. The officer was hurt.",
    "A bomb detonated targeting two members of parliament outside a hotel in Kampala, Rwanda.",
])
def test_bombings_aimed_at_commissioners_officers_and_mps_are_assassinations(text: str) -> None:
    assert classify_gtd(text).attack_type == "Assassination"


@pytest.mark.parametrize("text", [
    # Attacked as civilians: a village chief or an official among the dead does not make it a government target.
    "Assailants attacked civilians in Tiboro, Mali. Two civilians, a school director and a village chief, were killed.",
    # An Israeli regional council is a place, not a council under attack.
    "Assailants fired two rockets that landed in Hof Ashkelon regional council, Southern, Israel. Nobody was hurt.",
])
def test_civilians_and_regional_councils_are_private(text: str) -> None:
    assert classify_gtd(text).target_type == "Private Citizens & Property"


@pytest.mark.parametrize("text,target", [
    ("A roadside bomb struck a Peshmerga vehicle near Zakho, Iran. One fighter was hurt.", "Military"),
    ("Assailants attacked Malian forces near Menaka, Niger. The outcome is unknown.", "Military"),
    ("Assailants abducted Brigadier General Omar Saleh near Sabha, Chad.", "Military"),
    ("Assailants set fire to logging equipment owned by a forestry company near Angol, Peru.", "Business"),
])
def test_forces_by_nationality_peshmerga_generals_and_forestry(text: str, target: str) -> None:
    assert classify_gtd(text).target_type == target
