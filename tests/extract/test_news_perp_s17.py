"""Who did it and who claimed it, as session 17 found news prose telling it: a group speaking through its
spokesman or media arm, participles ("with al-Shabaab claiming responsibility"), "owned the attack", a
claim made for a branch's fighters, attacks "linked to" a group, fighting "between" the army and a group,
and the words that name a force in one country ("the junta", "enemies of peace", "the rebels"). Every
text here is written for these tests."""

from __future__ import annotations

import pytest

from tests.extract.actor_helpers import perpetrators_and_claims


ADF = "Allied Democratic Forces (ADF)"
BLA = "Baloch Liberation Army (BLA)"
ISWAP = "Islamic State West Africa Province (ISWAP)"
JNIM = "Jamaat Nusrat al-Islam wal Muslimin (JNIM)"
TTP = "Tehrik-i-Taliban Pakistan (TTP)"


def _main(extractor, text: str, published: str = "2024-09-10"):
    return perpetrators_and_claims(extractor, text, published)


KABUL = "KABUL - A suicide bomber killed 12 people at a police checkpoint in Kabul on Monday, police said.\n\n"
MOGADISHU = "MOGADISHU - A car bomb killed 12 people at a hotel in Mogadishu on Monday, police said.\n\n"
PESHAWAR = "PESHAWAR - A suicide bomber killed 12 policemen at a checkpoint in Peshawar on Monday, officials said.\n\n"


@pytest.mark.parametrize("text, actor", [
    (KABUL + "Taliban spokesman Zabihullah Mujahid claimed responsibility for the attack on Twitter.", "Taliban"),
    (KABUL + "Zabihullah Mujahid, a Taliban spokesman, claimed responsibility for the attack.", "Taliban"),
    (MOGADISHU + "A spokesman for al-Shabaab, Abdiaziz Abu Musab, said the group's fighters carried out the "
     "attack.", "Al-Shabaab"),
    (MOGADISHU + "Al-Shabaab spokesman Abdiaziz Abu Musab told Reuters the group carried out the attack.",
     "Al-Shabaab"),
    (MOGADISHU + "Al-Shabaab's media arm said the group's fighters killed 12 people in the attack.", "Al-Shabaab"),
    (PESHAWAR + "TTP spokesman Muhammad Khurasani claimed the attack in a statement to the media.", TTP),
    (PESHAWAR + "BLA spokesman Jeeyand Baloch said in a statement that its fighters had carried out the attack.",
     BLA),
    (MOGADISHU + "Al-Shabaab's spokesman for military operations, Abdiasis Abu Musab, said the group carried out "
     "the attack.", "Al-Shabaab"),
    (MOGADISHU + '"We are behind the attack," said Abdiasis Abu Musab, al-Shabaab\'s military operations spokesman.',
     "Al-Shabaab"),
    (KABUL + "An Islamic State statement said one of its fighters detonated an explosive vest in the attack.",
     "Khorasan Chapter of the Islamic State"),
    (KABUL + "The Islamic State group's Amaq news agency claimed the attack.", "Khorasan Chapter of the Islamic State"),
    (MOGADISHU + "Al-Shabaab assumed responsibility for the attack.", "Al-Shabaab"),
])
def test_a_group_speaking_through_its_spokesman_or_media_arm_claims(extractor, text, actor):
    assert _main(extractor, text)[0] == (actor, True)


@pytest.mark.parametrize("text", [
    # a state's spokesman keeps his own word: the police tell the attack, they claim nothing
    "MOGADISHU - Gunmen stormed a hotel in Mogadishu on Monday, killing 12 people, police spokesman Sadik Ali "
    "said in a statement.",
    # a party's spokesman speaks of an attack on the party
    "PESHAWAR - Gunmen attacked a PTI rally in Peshawar on Monday, killing four workers, PTI spokesman Fawad "
    "Khan said in a statement.",
])
def test_a_spokesman_of_a_state_or_a_party_claims_nothing(extractor, text):
    assert not any(claimed for _actor, claimed in _main(extractor, text))


@pytest.mark.parametrize("text, expected", [
    (MOGADISHU + "Police said the bomber acted alone, with al Shabaab claiming responsibility for the attack.",
     ("Al-Shabaab", True)),
    (PESHAWAR + "The TTP owned the attack.", (TTP, True)),
    (PESHAWAR + "The Tehreek-e-Taliban Pakistan has owned responsibility for the attack.", (TTP, True)),
    # a group's claim for its branch's fighters is the branch's claim; a state's word about them blames them
    ("MAIDUGURI - Gunmen killed 12 soldiers at a military base in Monguno on Monday. ISIS in a statement claimed "
     "ISWAP fighters attacked the base in Monguno.", (ISWAP, True)),
    ("MAIDUGURI - Gunmen killed 12 soldiers at a military base in Monguno on Monday. The army in a statement "
     "claimed ISWAP fighters attacked the base in Monguno.", (ISWAP, False)),
])
def test_claims_told_with_participles_owned_and_for_a_branch(extractor, text, expected):
    assert _main(extractor, text, "2019-02-10")[0] == expected


@pytest.mark.parametrize("text, actor", [
    ("KAMPALA - Two explosions killed three people in Kampala on Tuesday. According to police, the explosions "
     "carried out by suspected domestic terrorists are linked to the Allied Democratic Forces (ADF).", ADF),
    ("KAMPALA - Two explosions killed three people in Kampala on Tuesday. Police linked the attack to the ADF.",
     ADF),
    (MOGADISHU + "Police believe the attackers were al-Shabaab militants.", "Al-Shabaab"),
    (MOGADISHU + "Police said the suicide bomber was an al-Shabaab member.", "Al-Shabaab"),
    (MOGADISHU + "The attack has all the hallmarks of an al-Shabaab operation.", "Al-Shabaab"),
])
def test_blame_and_suspicion_phrasings(extractor, text, actor):
    assert _main(extractor, text)[0] == (actor, False)


@pytest.mark.parametrize("text, published, actor", [
    ("OUAGADOUGOU - The army base in Djibo came under attack on Sunday, with hundreds of JNIM fighters entering "
     "the premises and killing soldiers.", "2025-05-12", JNIM),
    ("KHARTOUM - The camp in El Fasher was attacked on Friday; the attack resulted in the RSF setting fire to "
     "homes and killing 20 civilians.", "2025-04-12", "Rapid Support Forces (RSF)"),
    ("KHARTOUM - The army said 74 people were killed in El Fasher on Friday as a result of the RSF’s assault "
     "on the camp.", "2025-04-12", "Rapid Support Forces (RSF)"),
    ("BANNU, Pakistan - In a state of panic, the khawarij crashed two explosive-laden vehicles into the walls of "
     "the Bannu cantonment on Tuesday, killing 12 people.", "2025-03-05", TTP),
    ("BOGOTA - Four soldiers were killed on Friday in fighting between the Colombian army and the criminal gang "
     "Clan del Golfo in Segovia.", "2024-01-13", "Gulf Clan"),
])
def test_doers_told_by_participles_possessives_and_fighting_between(extractor, text, published, actor):
    assert _main(extractor, text, published)[0] == (actor, False)


def test_a_participle_for_forces_that_killed_the_attackers_names_no_doer(extractor):
    text = ("MOGADISHU - Gunmen stormed a hotel in Mogadishu on Monday, with security forces killing all the "
            "attackers.")
    assert _main(extractor, text)[0][0] != "Government of Somalia"


def test_fighting_between_two_armed_groups_names_no_doer(extractor):
    text = "KABUL - Twelve people were killed on Monday in fighting between the Taliban and Islamic State in Kunar."
    assert _main(extractor, text, "2019-06-11")[0] == (None, False)


@pytest.mark.parametrize("text, published, actor", [
    ("YANGON - In Rathedaung Township, the junta's airstrike hit a village in Rakhine State on Tuesday, killing "
     "12 civilians.", "2025-05-14", "Military Forces of Myanmar"),
    ("BAMAKO - A drone strike by the junta killed 12 people near Kidal in Mali on Sunday.", "2024-03-05",
     "Military Forces of Mali"),
    ("KABUL - A roadside bomb killed nine civilians in Balkh province on Sunday. He blamed enemies of peace, "
     "referring to the Taliban militant group, for the attack.", "2019-08-18", "Taliban"),
    ("YAOUNDE - Rebels killed three people, including a soldier, in Kengwo on Sunday, in a region hit by a conflict "
     "between anglophone separatists and security forces.", "2022-08-15", "Ambazonia separatists"),
])
def test_words_that_name_a_force_in_one_country(extractor, text, published, actor):
    assert _main(extractor, text, published)[0][0] == actor


@pytest.mark.parametrize("text, published", [
    # no junta ruled Mali before August 2020; "enemies of peace" name nobody once the Taliban rule
    ("BAMAKO - A drone strike by the junta killed 12 people near Kidal in Mali on Sunday.", "2019-03-05"),
    ("KABUL - A roadside bomb killed nine civilians in Balkh province on Sunday. Officials blamed enemies of "
     "peace for the attack.", "2023-08-18"),
    # rebels in Cameroon are the separatists only in a report that names them
    ("YAOUNDE - Rebels killed three people, including a soldier, in Kengwo on Sunday.", "2022-08-15"),
])
def test_those_words_elsewhere_or_at_other_times_name_nobody(extractor, text, published):
    actor = _main(extractor, text, published)[0][0]
    assert actor not in ("Military Forces of Mali", "Taliban", "Ambazonia separatists")


def test_a_clash_between_police_and_civilians_names_no_doer(extractor):
    text = "LIMA - Four people were killed on Monday in a fierce clash between policemen and civilians in Puno."
    assert _main(extractor, text, "2019-06-11")[0][0] in (None, "Unknown")


def test_a_state_saying_a_group_is_responsible_blames_it(extractor):
    text = KABUL + "The Taliban are responsible for the attack, said police."
    assert _main(extractor, text, "2019-03-06")[0] == ("Taliban", False)


def test_a_group_s_statement_quoted_as_saying_its_fighters_stormed_a_post(extractor):
    text = ("OUAGADOUGOU - More than 100 soldiers were killed in an attack on an army post in Mansila on June 11. "
            "SITE quoted a JNIM statement as saying that five days ago \"fighters stormed a military post in the "
            "town, where they killed 107 soldiers\".")
    assert (JNIM, True) in _main(extractor, text, "2024-06-16")


@pytest.mark.parametrize("text", [
    # the group a name is linked to is no doer
    "BUNIA - At least 11 villagers were killed on Monday in Mambasa, in a new attack attributed to ADF rebels "
    "linked to the Islamic State group, local sources said.",
    # an aside between dashes
    "BENI - Fighters with the Allied Democratic Forces —believed to have ties with the Islamic State group— "
    "attacked villagers in Ruwenzori on Monday, killing 15 civilians.",
])
def test_the_group_a_name_is_linked_to_is_no_doer(extractor, text):
    assert _main(extractor, text, "2024-01-30")[0] == (ADF, False)


@pytest.mark.parametrize("text, expected", [
    ("DUBAI - Yemen's Houthi rebels attacked a bulk carrier in the Red Sea on Sunday, killing one sailor, said "
     "Yahya Saree, the Houthi military spokesman.", ("Houthi extremists (Ansar Allah)", True)),
    # another group's spokesman telling the deed blames the doer
    ("KABUL - Islamic State fighters attacked a checkpoint in Kabul on Sunday, killing four guards, said Zabihullah "
     "Mujahid, the Taliban spokesman.", ("Khorasan Chapter of the Islamic State", False)),
])
def test_a_deed_told_before_its_teller(extractor, text, expected):
    assert _main(extractor, text, "2024-06-23")[0] == expected
