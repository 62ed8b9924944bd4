"""GTD attack and target typing on sentences written for these tests (never GTD's own text)."""

import pytest

from conflictlens.extract.gtd.attack_types import classify_gtd

CASES = [
    # (text, attack_type, target_type)
    ("Assailants attacked a security checkpoint in Khan Abad. Four police officers were killed in the attack.",
     "Unknown", "Police"),
    ("Militants stormed an outpost in the district. Two soldiers died and one was hurt.", "Armed Assault", "Military"),
    ("Fighters attacked a security post near the river. Three militia members were wounded.",
     "Unknown", "Terrorists/Non-State Militia"),
    ("Insurgents attacked a security outpost near the highway. The outcome is unknown.", "Unknown", "Military"),
    ("Security forces discovered and defused a roadside bomb near the bazaar road. Nobody was hurt.",
     "Bombing/Explosion", "Unknown"),
    ("A bomb exploded in the Fifth Police District of the city. No casualties were reported.",
     "Bombing/Explosion", "Private Citizens & Property"),
    ("Gunmen opened fire on two people near the market. A National Directorate of Security member was killed.",
     "Armed Assault", "Government (General)"),
    ("Gunmen opened fire on a taxi on the ring road. Three people, including a police officer, were killed.",
     "Armed Assault", "Police"),
    ("A magnetic bomb attached to a motorcycle detonated targeting a Frontier Corps vehicle on the bypass.",
     "Bombing/Explosion", "Military"),
    ("Assailants with rifles and hand grenades attacked a police van at the crossing. Two constables were hurt.",
     "Armed Assault", "Police"),
    ("Assailants shot and killed Gul Agha, a provincial court judge, outside his home.", "Assassination",
     "Government (General)"),
    ("A bomb hidden in a cart went off in the village square. A tribal elder was killed and two boys were hurt.",
     "Assassination", "Private Citizens & Property"),
    ("Gunmen shot and killed a prosecutor near the court.", "Armed Assault", "Government (General)"),
    # The GTD codebook's subtypes: a marketplace is Private Citizens & Property, a gas station a Business,
    # a rickshaw and a bridge Transportation.
    ("A bomb exploded in the main bazaar of the town. Six shoppers were hurt.", "Bombing/Explosion",
     "Private Citizens & Property"),
    ("Gunmen threw a grenade at a gas station on the ring road. Two people were hurt.", "Bombing/Explosion",
     "Business"),
    ("A sticky bomb attached to a rickshaw exploded near the bus stand.", "Bombing/Explosion", "Transportation"),
    ("Assailants set a school building on fire overnight. Nobody was hurt.", "Facility/Infrastructure Attack",
     "Educational Institution"),
]


@pytest.mark.parametrize("text,attack,target", CASES)
def test_attack_and_target_types(text: str, attack: str, target: str) -> None:
    typing = classify_gtd(text)
    assert (typing.attack_type, typing.target_type) == (attack, target)


def test_foiled_attack_without_target_is_unknown_target() -> None:
    typing = classify_gtd("An explosive device was found on a culvert and made safe.", foiled=True)
    assert typing.target_type == "Unknown"


def test_a_foiled_attack_is_never_an_assassination() -> None:
    text = "A grenade was discovered and defused outside the office of Nazir Khan, a provincial assembly member."
    assert classify_gtd(text, foiled=True).attack_type == "Bombing/Explosion"


def test_target_phrase_keeps_its_span() -> None:
    text = "Gunmen opened fire on a police patrol in the old city. One officer was killed."
    typing = classify_gtd(text)
    assert typing.target_type == "Police"
    start, end = typing.target_span
    assert text[start:end] == typing.target_text == "a police patrol"


@pytest.mark.parametrize("text", [
    # Who told of the harm is no victim: "the district governor said" names a speaker.
    "Gunmen opened fire on a funeral procession in the village. Three mourners were killed and five wounded, "
    "the district governor said.",
    "Gunmen opened fire on a wedding celebration near the river. Police said four guests were killed.",
    "A bomb went off at a wedding hall in the town. Six guests were killed, according to provincial officials.",
    "A grenade was thrown into a wedding party at the hotel lawn. Two guests died, said a government spokesman.",
])
def test_the_speaker_of_a_casualty_report_is_no_victim(text: str) -> None:
    typing = classify_gtd(text)
    assert typing.target_type in ("Private Citizens & Property", "Business"), typing
