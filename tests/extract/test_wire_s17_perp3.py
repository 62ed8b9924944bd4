"""Wire copy, session 17 (branch hmuc4perp3): a killing condemned by a government or a party with no
protest told is the act the report tells; "fitness exercises" are no military exercise; "dynamited"
names a bombing; a group that "resumed its attacks" or "has been engaged in looting" did it; "a victim of
X bullets"; and creed labels before a gold name ("MAOIST POPULAR LIBERATION ARMY") in the MUC-4 scorer.

Every text here is written for these tests, in the style of 1990s FBIS wire copy (some in today's style).
"""

from conflictlens.evaluation.extract_path import match_perpetrators, mention_forms
from conflictlens.model.ids import document_id
from conflictlens.model.records import Document

FMLN = "Farabundo Marti National Liberation Front (FMLN)"
SHINING_PATH = "Shining Path (SL)"
EPL = "Popular Liberation Army (EPL)"


def events_of(extractor, text, published="1990-01-20"):
    return extractor.extract(Document(id=document_id(text), text=text, published=published))


def typed(extractor, text, published="1990-01-20"):
    return [(e.sub_event_type, e.perpetrator) for e in events_of(extractor, text, published)]


def test_a_killing_condemned_by_a_government_is_the_act_told(extractor):
    text = ("SAN SALVADOR, 20 JAN 90 -- [TEXT] THE GOVERNMENT CONDEMNS THE MURDER OF JUDGE RAUL MENA, COMMITTED "
            "LAST NIGHT BY FMLN URBAN COMMANDOS IN APOPA.")
    assert typed(extractor, text) == [("Attack", FMLN)]
    text = ("SAN SALVADOR, 20 JAN 90 -- [TEXT] THE OPPOSITION PARTY CONDEMNED TODAY THE MURDER OF A PROVINCIAL "
            "GOVERNOR AND HIS DRIVER.  GUNMEN SHOT BOTH MEN AS THEY LEFT A RESTAURANT IN THE CAPITAL.")
    assert [t for t, _p in typed(extractor, text)] == ["Attack"]


def test_a_killing_condemned_at_a_protest_stays_the_protests_topic(extractor):
    text = "Hundreds of students protested in the capital on Monday and condemned the killing of a classmate."
    assert [t for t, _p in typed(extractor, text, "2024-05-06")] == ["Peaceful protest"]


def test_fitness_exercises_are_no_military_exercise(extractor):
    text = ("SAN SALVADOR, 20 JAN 90 -- [TEXT] THE CABINET FIRMLY CONDEMNS THE VILE AND COWARDLY MURDER OF JUDGE "
            "RAUL MENA, COMMITTED LAST NIGHT BY FMLN URBAN COMMANDOS IN APOPA AS HE WALKED HOME FROM HIS FITNESS "
            "EXERCISES.")
    assert typed(extractor, text) == [("Attack", FMLN)]
    drill = "The navy and the air force held joint exercises off the southern coast on Tuesday."
    assert [t for t, _p in typed(extractor, drill, "2024-05-07")] in ([], ["Change to group/activity"])


def test_dynamited_names_a_bombing(extractor):
    text = "LIMA, 3 MAY 90 -- [TEXT] SHINING PATH GUERRILLAS DYNAMITED A POWER PYLON IN HUANCAYO LAST NIGHT."
    assert typed(extractor, text, "1990-05-03") == [("Remote explosive/landmine/IED", SHINING_PATH)]


def test_a_group_that_resumed_its_attacks_or_was_engaged_in_looting_did_it(extractor):
    text = ("USULUTAN, 5 MAR 90 -- [TEXT] THE FMLN ON 4 MARCH RESUMED ITS ATTACKS ON POWER STATIONS IN USULUTAN, "
            "WHERE TWO GUARDS WERE KILLED.")
    assert [p for _t, p in typed(extractor, text, "1990-03-05")] == [FMLN]
    text = ("SANTA ANA, 5 MAR 90 -- [TEXT] POLICE SAID THAT FMLN UNITS HAD BEEN ENGAGED IN LOOTING OF WAREHOUSES ON "
            "THE EDGE OF SANTA ANA.")
    assert typed(extractor, text, "1990-03-05") == [("Looting/property destruction", FMLN)]


def test_creed_labels_before_a_gold_name_are_set_aside_when_a_name_is_left():
    assert "popular liberation army" in mention_forms("MAOIST POPULAR LIBERATION ARMY")
    assert "people s liberation army" in mention_forms("MAOIST PEOPLE'S LIBERATION ARMY")
    # what is left must be a name of its own: "FORCES" or "GUERRILLAS" alone is none
    assert mention_forms("ARMED FORCES") == {"armed forces", "armed"}
    assert "guerrillas" not in mention_forms("LEFTIST GUERRILLAS")
    names = {EPL: ("Popular Liberation Army",)}
    assert match_perpetrators([["MAOIST POPULAR LIBERATION ARMY"]], [EPL], lambda n: names.get(n, ())) == \
        match_perpetrators([["POPULAR LIBERATION ARMY"]], [EPL], lambda n: names.get(n, ()))


def test_verbal_attacks_battles_for_democracy_and_an_end_of_bombings_tell_no_act(extractor):
    speech = [
        "The party leader answered the scathing attacks on his government published by a weekly magazine.",
        "SANTIAGO, 4 JUN 90 -- [TEXT] THE SENATOR SAID THE BATTLE TO DEFEND DEMOCRACY HAS ONLY BEGUN.",
        "SAN SALVADOR, 4 JUN 90 -- [TEXT] THE BISHOP ASKED FOR PEACE IN THE VALLEY AND FOR THE END OF THE BOMBINGS "
        "IN THE MARKETS.",
    ]
    for text in speech:
        assert typed(extractor, text, "1990-06-04") == [], text
    # fierce attacks on army positions are acts; the end of the fighting is a time
    assert [t for t, _p in typed(extractor, "Militants launched fierce attacks on army positions in the valley "
                                             "on Monday, killing six soldiers.", "2024-05-07")] == ["Armed clash"]
    assert [t for t, _p in typed(extractor, "Two soldiers were killed near the end of the fighting in the valley "
                                             "on Monday.", "2024-05-07")] == ["Armed clash"]


def test_a_day_and_month_or_a_year_before_the_group_counts_nobody(extractor):
    text = ("LIMA, 16 APR 90 -- [TEXT] A LOCAL RADIO STATION SAID THAT ON 14 APRIL SHINING PATH COLUMNS KILLED THREE "
            "COMMUNITY LEADERS NEAR JAUJA.")
    assert typed(extractor, text, "1990-04-16") == [("Attack", SHINING_PATH)]
    text = "On 12 March Taliban fighters attacked a checkpoint in Kandahar, killing four policemen."
    assert [p for _t, p in typed(extractor, text, "2024-03-13")] == ["Taliban"]
    # a headline's count still makes the named men its victims
    assert [p for _t, p in typed(extractor, "Two Mali Soldiers Killed In Roadside Bomb", "2024-03-13")] == [None]


def test_infrastructure_blown_up_or_dynamited_types_a_bombing_and_sappers_are_the_groups_men(extractor):
    text = "LIMA, 3 MAY 90 -- [TEXT] SHINING PATH GUERRILLAS DYNAMITED TWO HIGH-VOLTAGE TOWERS IN JUNIN LAST NIGHT."
    assert typed(extractor, text, "1990-05-03") == [("Remote explosive/landmine/IED", SHINING_PATH)]
    # no one's act: floods open no event
    assert typed(extractor, "Floods destroyed power lines across the province on Monday.", "2024-03-13") == []


def test_a_victim_of_a_groups_bullets_names_who_fired_them():
    from conflictlens.extract import attribution as attr
    from conflictlens.model.protocols import ActorMention

    def agents(sentence):
        start = sentence.index("FMLN")
        mention = ActorMention(start, start + 4, "FMLN", FMLN, "rebel", 1.0, "acronym")
        return [(s.actor, s.stance) for s in attr.subject_statements(sentence, (0, len(sentence)), [mention], None)]

    assert agents("A reporter was killed in the capital on Sunday, a victim of FMLN bullets.") == [(FMLN, "attributed")]
    assert agents("The reporter was a victim of FMLN propaganda.") == []
