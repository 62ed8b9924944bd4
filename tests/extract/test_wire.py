"""Wire copy: ALL-CAPS truecasing, datelines, bylines, agencies and claims through a group's own media.

Every text here is written for these tests (in the style of 1990s FBIS wire and of today's agency copy).
"""

import datetime as dt

import pytest

from conflictlens.extract.wire.truecase import is_shouted, truecase
from conflictlens.extract.wire.furniture import find_dateline, furniture_spans, is_messenger
from conflictlens.model.ids import document_id
from conflictlens.model.records import Document

SHOUTED = ("SAN SALVADOR, 12 JAN 90 (RADIO VENCEREMOS) -- [TEXT] FMLN URBAN COMMANDOS TODAY ATTACKED A NATIONAL\n"
           "POLICE POST IN SOYAPANGO, KILLING TWO POLICEMEN.  THE COUNTRY'S ARMY SAID THREE\n"
           "SOLDIERS WERE WOUNDED.\n")


def doc(text, published=None):
    return Document(id=document_id(text), text=text, published=published)


# ------------------------------------------------------------------ truecasing
def test_truecasing_keeps_every_offset_and_changes_only_case():
    text = "THE MAYOR OF THE TOWN WAS KIDNAPPED BY TERRORISTS YESTERDAY.  U.S. OFFICIALS DIDN'T COMMENT."
    cased = truecase(text)
    assert len(cased) == len(text) and cased.lower() == text.lower()
    assert cased == "The mayor of the town was kidnapped by terrorists yesterday.  U.S. officials didn't comment."


def test_truecasing_writes_names_as_the_registry_and_gazetteer_do():
    text = "A BOMB WAS PLANTED BY FARABUNDO MARTI NATIONAL LIBERATION FRONT (FMLN) GUERRILLAS IN SAN LUIS DE LA REINA."
    actor = (text.index("FARABUNDO"), text.index(" IN SAN"), "Farabundo Marti National Liberation Front (FMLN)")
    place = (text.index("SAN LUIS"), len(text) - 1, None)
    cased = truecase(text, [actor, place])
    assert "by Farabundo Marti National Liberation Front (FMLN) guerrillas in San Luis de la Reina." in cased


def test_unknown_words_are_names_and_short_rare_ones_acronyms():
    cased = truecase("POLICE SAID RIGOBERTO CASTELLANOS OF THE FPL AND THE XXII FRONT WERE ARRESTED.")
    assert cased == "Police said Rigoberto Castellanos of the FPL and the XXII front were arrested."


def test_a_month_next_to_a_day_is_a_month():
    cased = truecase("THE MAYOR WAS KIDNAPPED ON 5 MAY AND RELEASED ON MAY 9; THE GUERRILLAS MAY KILL HIM.")
    assert cased == "The mayor was kidnapped on 5 May and released on May 9; the guerrillas may kill him."


def test_only_shouted_paragraphs_are_truecased():
    text = "KABUL, Nov 2 (Reuters) - A bomb killed five people, police said.\n\nTALIBAN DENY ROLE IN KABUL BLAST AT MARKET"
    cased = truecase(text)
    assert cased.startswith("KABUL, Nov 2 (Reuters) - A bomb")  # a dateline in a cased report stays as written
    assert cased.endswith("Taliban deny role in Kabul blast at market")
    assert not is_shouted("KABUL, Nov 2 (Reuters) -")


def _shouted_letter_by_letter(text):
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 20 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


@pytest.mark.parametrize("text", [
    "GUNMEN KILLED TWO POLICEMEN AT A CHECKPOINT NEAR THE MARKET ON MONDAY",
    "Gunmen killed two policemen at a checkpoint near the market on Monday",
    "TWO KILLED, 14 HURT IN BLAST (UPDATE 2) -- police say more were hurt",
    "ARMY SAYS 3 REBELS DEAD",  # under 20 letters: too short to tell
    "AAAA AAAA AAAA AAAA bbbbb",  # 16 of 21 letters in capitals: just under four fifths
    "AAAA AAAA AAAA AAAA AAAA bbbbb",  # 20 of 25: four fifths exactly
    "12/01/2021 -- 0930 GMT -- ** ## !!",
    "L'ARMÉE DIT QUE DEUX SOLDATS ONT ÉTÉ TUÉS À GAO",  # not ASCII: counted letter by letter
    "",
])
def test_shouted_counts_as_letter_by_letter(text):
    """An ASCII paragraph's letters and capitals are counted in C; the verdict is the per-letter one."""
    assert is_shouted(text) == _shouted_letter_by_letter(text)


def test_all_caps_report_gives_cased_values_and_original_evidence(extractor):
    [event] = extractor.extract(doc(SHOUTED))
    assert event.perpetrator == "Farabundo Marti National Liberation Front (FMLN)"
    assert event.location.place == "Soyapango"
    assert event.date.start == "1990-01-12"  # the dateline's date: the report has no publication date
    assert event.fatalities.best == 2
    for spans in event.evidence.values():
        for ev in spans:
            assert ev.text == SHOUTED[ev.start: ev.end]  # evidence quotes the report as written
    assert "(Radio Venceremos)" not in str(event.extra.get("actor_candidates"))


def test_all_caps_acronym_spelled_like_a_word_is_no_actor(extractor):
    text = "GUNMEN KILLED THREE FARMERS IN USULUTAN YESTERDAY. THE ATTACK IS UNDER INVESTIGATION."
    [event] = extractor.extract(doc(text, "1990-02-03"))
    assert event.perpetrator is None  # "IS" is the verb, not the Islamic State


@pytest.mark.parametrize("text, canonical", [
    ("THE MAYOR WAS KIDNAPPED ON 5 JANUARY BY ARMY OF NATIONAL LIBERATION (ELN) GUERRILLAS IN ACHI, BOLIVAR.",
     "National Liberation Army of Colombia (ELN)"),
    ("THREE PEASANTS WERE KILLED IN AYACUCHO TODAY IN A SHINING PATH ATTACK ON THEIR VILLAGE.", "Shining Path (SL)"),
    ("SENDERO LUMINOSO GUERRILLAS TODAY MURDERED TWO POLICEMEN IN HUANCAYO.", "Shining Path (SL)"),
    ("MANUEL RODRIGUEZ PATRIOTIC FRONT COMMANDOS ATTACKED A POLICE STATION IN SANTIAGO YESTERDAY.",
     "Manuel Rodriguez Patriotic Front (FPMR)"),
    ("A JUDGE WAS MURDERED IN MEDELLIN YESTERDAY BY MEMBERS OF THE EXTRADITABLES.", "The Extraditables"),
    ("A CAR BOMB EXPLODED IN BOGOTA TODAY, KILLING FOUR PEOPLE.  THE POLICE SAID THE BOMBING WAS "
     "ATTRIBUTED TO THE FARC.", "Revolutionary Armed Forces of Colombia (FARC)"),
    # A name in quotation marks, an article or "self-styled" before it, and verbs of organising.
    ("THE POLICE SAID THE EXPLOSION AT THE PORT YESTERDAY WAS ORGANIZED BY THE \"SENDERO LUMINOSO\", A REBEL "
     "GROUP OF MAOIST PERSUASION.", "Shining Path (SL)"),
    ("TWO MISSIONARIES WERE MURDERED YESTERDAY BY A SELF-STYLED ZARATE WILKA ARMED FORCES OF LIBERATION GROUP IN "
     "LA PAZ.", "Zarate Willka Armed Forces of Liberation"),
    ("AT 0600 THIS MORNING, FMLN URBAN GUERRILLAS SET OFF A BOMB IN THE BASEMENT OF A BANK IN SAN SALVADOR.",
     "Farabundo Marti National Liberation Front (FMLN)"),
    # A political label before the name, a relative clause, and "inflicted".
    ("THE MAYOR WAS KIDNAPPED ON 5 MAY BY MAOIST POPULAR LIBERATION ARMY (EPL) GUERRILLAS NEAR MONTERIA.",
     "Popular Liberation Army (EPL)"),
    ("THE COLOMBIAN NATIONAL LIBERATION ARMY (ELN) GUERRILLA MOVEMENT, WHICH KIDNAPPED A SPANISH BUSINESSMAN IN "
     "QUITO ON 3 MAY, DEMANDED A RANSOM.", "National Liberation Army of Colombia (ELN)"),
    ("THE FMLN REBELS INFLICTED 18 CASUALTIES ON THE ARMY IN THREE AMBUSHES IN SANTA ANA YESTERDAY.",
     "Farabundo Marti National Liberation Front (FMLN)"),
])
def test_all_caps_perpetrator_organisations(extractor, text, canonical):
    events = extractor.extract(doc(text, "1990-03-02"))
    assert canonical in {e.perpetrator for e in events}


# ------------------------------------------------------------------ datelines and furniture
@pytest.mark.parametrize("text, place, date, agency", [
    ("KABUL, Nov 2 (Reuters) - A bomb", "KABUL", None, "Reuters"),
    ("ISLAMABAD (AP) -- Gunmen", "ISLAMABAD", None, "AP"),
    ("SAN SALVADOR, 12 JAN 90 (RADIO VENCEREMOS) -- THE", "SAN SALVADOR", dt.date(1990, 1, 12), "RADIO VENCEREMOS"),
    ("PESHAWAR, Pakistan, March 3, 2021 (AFP) - Police", "PESHAWAR, Pakistan", dt.date(2021, 3, 3), "AFP"),
    ("By Jane Doe\nKABUL, May 9 - A bomb", "KABUL", None, None),
])
def test_datelines(text, place, date, agency):
    line = find_dateline(text)
    assert text[slice(*line.place)] == place
    assert line.date == date
    assert (text[slice(*line.agency)] if line.agency else None) == agency


def test_no_dateline_in_a_plain_sentence():
    assert find_dateline("Afghanistan, Pakistan and Iran - talks resumed.") is None
    assert find_dateline("Police said: nothing more.") is None


def test_furniture_spans_cover_bylines_updates_and_credits():
    text = ("KABUL, Nov 2 (Reuters) - A bomb exploded.\nBy Jane Doe and Ali Khan\nReuters adds: More.\n"
            "(Reporting by Jane Doe; Editing by John Smith)")
    pieces = [text[s:e] for s, e in furniture_spans(text)]
    assert "By Jane Doe and Ali Khan" in pieces
    assert "Reuters adds:" in pieces
    assert "(Reporting by Jane Doe; Editing by John Smith)" in pieces
    assert "Reuters" in pieces  # the dateline's agency


@pytest.mark.parametrize("name, messenger", [
    ("Reuters", True), ("the Amaq news agency", True), ("Radio Venceremos", True), ("Telegram", True),
    ("Shahada News Agency", True), ("Islamic State", False), ("FMLN", False),
])
def test_messengers(name, messenger):
    assert is_messenger(name) is messenger


def test_agency_byline_and_dateline_place_are_no_actors(extractor):
    text = ("KUNDUZ, Nov 2 (Reuters) - A roadside bomb killed five policemen in Imam Sahib district on Monday, "
            "officials said.\nBy Jane Doe\nReuters adds: No group claimed responsibility.\n"
            "(Reporting by Jane Doe; Editing by John Smith)")
    [event] = extractor.extract(doc(text))
    assert event.perpetrator is None
    candidates = {c["name"] for c in event.extra.get("actor_candidates", [])}
    assert not candidates & {"Reuters", "KUNDUZ", "Jane Doe", "John Smith"}
    assert event.location.admin1 == "Kunduz"
    assert event.fatalities.best == 5


# ------------------------------------------------------------------ claims through a group's own media
@pytest.mark.parametrize("text, actor, channel", [
    ("Guerrillas attacked an army post in Usulutan on Tuesday, killing four soldiers. Radio Venceremos said the "
     "FMLN carried out the attack.", "Farabundo Marti National Liberation Front (FMLN)", "Radio Venceremos"),
    ("Gunmen killed five soldiers in Kunar on Monday. The Amaq news agency said Islamic State fighters carried "
     "out the attack.", "Khorasan Chapter of the Islamic State", "Amaq"),
    ("A bomb exploded at a market in Mogadishu, killing eight people. Al-Shabaab claimed the attack through its "
     "Shahada news agency.", "Al-Shabaab", "Shahada"),
])
def test_claims_through_the_groups_own_media(extractor, text, actor, channel):
    [event] = extractor.extract(doc(text, "2021-06-09"))
    assert event.perpetrator == actor and event.claimed is True
    assert [(a.actor, a.stance, a.channel) for a in event.attribution] == [(actor, "claimed", channel)]
    assert event.location.place != "Venceremos"
    assert not event.extra.get("actor_candidates")


def test_police_who_shot_at_the_bomber_are_no_perpetrator(extractor):
    text = ("A suicide bomber detonated an explosives-laden car after being shot at by police officers at a "
            "checkpoint in Lashkar Gah, Helmand, on Monday, killing two officers.")
    [event] = extractor.extract(doc(text, "2021-03-22"))
    assert event.perpetrator is None


@pytest.mark.parametrize("text", [
    "FMLN GUERRILLA UNITS CLASHED WITH ARMY TROOPS IN SAN MIGUEL YESTERDAY, INFLICTING FIVE CASUALTIES.",
    "IN THE CAPITAL, FMLN URBAN COMMANDOES BLEW UP THREE ELECTRICITY POLES AND KILLED A GUARD.",
    "THE FMLN CLAIMS IT ATTACKED THE 3D INFANTRY BRIGADE IN SAN MIGUEL, KILLING FOUR SOLDIERS.",
])
def test_all_caps_fmln_as_agent(extractor, text):
    events = extractor.extract(doc(text, "1989-03-20"))
    assert "Farabundo Marti National Liberation Front (FMLN)" in {e.perpetrator for e in events}


@pytest.mark.parametrize("text", [
    "Venezuelan gunmen attacked a bus near Cucuta on Monday, killing four passengers.",
    "Spaniards attacked a bus near Cucuta on Monday, killing four passengers.",
])
def test_a_nationality_is_no_perpetrator(extractor, text):
    [event] = extractor.extract(doc(text, "1989-04-02"))
    assert event.perpetrator is None


SALVADORAN_REPORT = ("THE ARMED FORCES PRESS COMMITTEE REPORTED THAT FMLN UNITS DYNAMITED TWO\n"
                     "POWER PYLONS IN USULUTAN DEPARTMENT LAST NIGHT.  IN SAN MIGUEL, THE\n"
                     "GUERRILLAS MACHINEGUNNED A BUS THIS MORNING, KILLING THREE PASSENGERS\n"
                     "AND WOUNDING SIX OTHERS, THE REPORT ADDED.\n")


def test_the_guerrillas_of_a_salvadoran_report_that_names_the_fmln_are_the_fmln(extractor):
    events = extractor.extract(doc(SALVADORAN_REPORT, "1989-11-20"))
    bus = next(e for e in events if e.fatalities)
    assert bus.perpetrator == "Farabundo Marti National Liberation Front (FMLN)"


@pytest.mark.parametrize("text, published", [
    # No group named: "the guerrillas" stay unidentified.
    ("IN SAN MIGUEL, THE GUERRILLAS MACHINEGUNNED A BUS THIS MORNING, KILLING THREE PASSENGERS.", "1989-11-20"),
    # The FMLN laid down its arms in 1992: later "rebels" are not the FMLN.
    ("Rebels attacked a bus in San Miguel on Monday, killing three passengers. The FMLN party condemned it.",
     "2019-05-06"),
])
def test_bare_guerrillas_stay_unidentified_without_the_group_or_out_of_its_years(extractor, text, published):
    events = extractor.extract(doc(text, published))
    assert events and all(e.perpetrator is None for e in events)
