"""ACLED sub-event typing (extract/typing/classify.py, extract/typing/territory.py, data/event_cues.json).

The example sentences are written for these tests in the way wire reports phrase each ACLED
sub-event type; none comes from a reference dataset.
"""

import pytest

from conflictlens.evaluation import CASE_LABELS
from conflictlens.extract.typing.classify import classify_sub_event, score_sub_event_types
from conflictlens.extract.lexicon import event_cues
from conflictlens.model.vocab import vocabularies

EXAMPLES = [
    # Explosions/Remote violence
    ("Suicide bomb", "A suicide bomber detonated his vest outside a police academy, killing nine recruits."),
    ("Remote explosive/landmine/IED", "A roadside bomb struck a minibus on the highway, killing four passengers."),
    ("Remote explosive/landmine/IED", "Two farmers were wounded when their tractor hit a landmine near the border."),
    ("Grenade", "Unidentified men lobbed a hand grenade into a crowded market, wounding eleven people."),
    ("Air/drone strike", "Warplanes bombed a fuel depot on the outskirts of the town overnight, residents said."),
    ("Air/drone strike", "A drone strike hit a vehicle carrying three commanders of the group."),
    ("Shelling/artillery/missile attack", "Artillery shells landed in a residential quarter of the city, damaging homes."),
    ("Chemical weapon", "Doctors said dozens of patients showed symptoms consistent with a chlorine gas attack."),
    # Battles
    ("Armed clash", "Heavy fighting broke out between the army and rebel fighters near the airport."),
    ("Armed clash", "Militants attacked an army checkpoint overnight, killing two soldiers before withdrawing."),
    ("Armed clash", "Three insurgents were killed in an encounter with security forces in the forest."),
    ("Government regains territory", "Government troops recaptured the town of Harbel from the rebels on Sunday."),
    ("Government regains territory", "The army drove the insurgents out of three villages in the eastern district."),
    ("Government regains territory", "The district centre was retaken by government forces after a week-long siege."),
    ("Non-state actor overtakes territory", "Rebel fighters seized control of the provincial capital after days of fighting."),
    ("Non-state actor overtakes territory", "Insurgents recaptured the village from the army on Tuesday, residents said."),
    ("Non-state actor overtakes territory", "The border town fell to the militants late on Friday."),
    ("Non-violent transfer of territory", "Militants entered the town unopposed after the garrison withdrew overnight."),
    # Violence against civilians
    ("Attack", "Gunmen shot dead a shopkeeper and his son in their store on Monday evening."),
    ("Attack", "Attackers stormed a village and killed twelve civilians, including women and children."),
    ("Abduction/forced disappearance", "Armed men kidnapped three aid workers on the road to the camp."),
    ("Sexual violence", "Soldiers were accused of raping two women at a checkpoint."),
    # Protests and riots
    ("Peaceful protest", "Hundreds of teachers marched to parliament to protest against unpaid salaries."),
    ("Peaceful protest", "Students rallied outside the university to protest over the killing of a classmate."),
    ("Protest with intervention", "Police fired tear gas to disperse hundreds of demonstrators outside the ministry."),
    ("Protest with intervention", "Police detained dozens of activists during an unauthorised protest in the capital."),
    ("Excessive force against protesters", "Troops opened fire on protesters in the main square, killing five people."),
    ("Violent demonstration", "Protesters hurled stones at police and set fire to tyres during a demonstration."),
    ("Violent demonstration", "Clashes erupted between protesters and riot police in the city centre."),
    ("Mob violence", "A man accused of theft was lynched by an angry mob in the market."),
    # Strategic developments
    ("Disrupted weapons use", "Police seized four rifles and 300 rounds of ammunition from a house in the suburb."),
    ("Disrupted weapons use", "A bomb disposal team defused an explosive device found near the school gate."),
    ("Arrests", "Police arrested three men suspected of planning attacks in the capital."),
    ("Agreement", "The two sides agreed to a ceasefire and a prisoner exchange after talks in the capital."),
    ("Agreement", "Forty fighters of the group surrendered to the authorities with their weapons."),
    ("Change to group/activity", "The army deployed additional troops and armoured vehicles to the border region."),
    ("Headquarters or base established", "The military has set up a new observation post on the hill overlooking the valley."),
    ("Looting/property destruction", "Shops were looted and several cars torched overnight in the northern suburb."),
    ("Other", "Investigators exhumed bodies from a mass grave discovered near the former front line."),
]


@pytest.mark.parametrize("expected,text", EXAMPLES)
def test_example_sentences_get_their_acled_sub_event_type(expected, text):
    typing = classify_sub_event(text)
    assert typing is not None, text
    assert typing.sub_event_type == expected, (text, score_sub_event_types(text))


def test_text_without_an_event_is_not_typed():
    assert classify_sub_event("The minister opened a new school and praised the teachers.") is None


def test_the_span_points_at_the_strongest_cue_and_is_shifted_by_the_offset():
    text = "Overnight, a roadside bomb killed two people."
    typing = classify_sub_event(text, offset=100)
    start, end = typing.span
    assert text[start - 100: end - 100] == "roadside bomb"


@pytest.mark.parametrize("text", [
    "Rebels captured two soldiers during the ambush near the base.",  # people are not territory
    "Militants launched an offensive in a bid to capture the town.",  # an attempt is not a capture
])
def test_capture_verbs_without_a_taken_place_are_not_territory_changes(text):
    typing = classify_sub_event(text)
    assert typing is None or "territory" not in typing.sub_event_type


def test_a_past_chemical_attack_mentioned_as_background_does_not_type_the_event():
    text = ("Government forces captured two villages near the town that was the scene of a 2017 chemical "
            "weapons attack, state media said.")
    assert classify_sub_event(text).sub_event_type == "Government regains territory"


def test_a_detonation_that_hurt_people_is_not_a_disrupted_weapon():
    text = "A grenade exploded in a bus station, wounding six people; police recovered fragments of a second one."
    assert classify_sub_event(text).sub_event_type == "Grenade"


def test_an_arrest_after_an_attack_reports_the_attack():
    text = "A car bomb exploded outside the court, killing three people. Police later arrested the driver."
    assert classify_sub_event(text).sub_event_type == "Remote explosive/landmine/IED"


def test_no_arrests_does_not_make_an_arrest():
    text = "Shops were looted and a warehouse set ablaze overnight; no arrests have been made."
    assert classify_sub_event(text).sub_event_type == "Looting/property destruction"


def test_a_protest_announced_for_later_is_not_a_protest_event():
    text = "Police deployed hundreds of officers across the capital in anticipation of mass protests on Friday."
    assert classify_sub_event(text).sub_event_type == "Change to group/activity"


def test_the_cue_lexicon_is_consistent():
    cues = event_cues()
    types = set(cues.priority)
    assert set(cues.sub_event_cues) == types
    assert types == set(vocabularies().sub_event_types)
    for family in cues.families:
        assert family.requires in cues.contexts
        assert all(ctx in cues.contexts and sub in types for sub, ctx in family.order)
    for rule in cues.rules:
        assert rule.why
        named = [*rule.if_any, *rule.scale, *rule.add, *rule.add_scores, *rule.move, *rule.move.values()]
        assert all(name in types for name in named), rule.why
        assert all(ctx in cues.contexts for ctx in (*rule.if_context, *rule.unless_context)), rule.why
    for entries in cues.sub_event_cues.values():
        assert all(c.context is None or c.context in cues.contexts for c in entries)


def test_every_case_label_maps_to_a_sub_event_type_the_classifier_knows():
    assert set(CASE_LABELS.values()) == set(event_cues().priority)


def test_the_month_of_march_is_no_protest_march():
    assert classify_sub_event("Gunmen shot dead a shopkeeper in the bazaar on March 14.").sub_event_type == "Attack"
    assert classify_sub_event("The council was reviewing the March 2019 agreement on water.") is None
    assert classify_sub_event("Hundreds of students marched through the city.").sub_event_type == "Peaceful protest"


def test_a_cue_is_searched_only_where_its_literal_start_occurs():
    """Anchors skip a cue none of whose required literals occurs; a cue with none of three letters or
    more is always searched."""
    from conflictlens.extract.patterns import anchors_of

    assert anchors_of("svbieds?|sveds?") == ("svbied", "sved")
    # of the required parts, the most selective: every match holds " himself" or " herself"
    assert anchors_of("(?:blew|blown) (?:himself|herself) up") == (" himself", " herself")
    assert anchors_of("anti-?tank mines?") == ("tank mine",)
    assert anchors_of("(?:the )?(?:group )?claimed responsibility") == ("claimed responsibility",)
    assert anchors_of("[a-z]+ bombing") == (" bombing",)
    assert anchors_of("(?:a|an)? (?:x|y)") is None  # nothing required of three letters or more
    assert anchors_of("(unbalanced") is None  # not a pattern: searched, and the compile names the fault


def test_a_statement_cue_is_tried_only_where_its_anchor_occurs():
    from conflictlens.extract.attribution import _compiled
    from conflictlens.extract.patterns import may_match, may_match_in_order

    claimed = [chain for stance, _p, chain in _compiled().stances if stance == "claimed"]
    assert any(any("responsibility" in literals for literals in chain) for chain in claimed)
    assert may_match(None, "anything") and not may_match(("claimed ",), "police said on monday")
    assert may_match_in_order((), "anything") and not may_match_in_order((("claimed ",),), "police said on monday")


@pytest.mark.parametrize("text", [t for _sub, t in EXAMPLES[:12]] + ["Police fired tear gas at protesters."])
def test_a_context_is_searched_when_asked_for_and_answers_as_a_full_search(text):
    from conflictlens.extract.typing.classify import _Contexts

    cues = event_cues()
    present = _Contexts(text, cues)
    assert present.seen == {} and present.get("no such context") is False
    for name, pattern in cues.contexts.items():
        assert present.get(name) == bool(pattern.search(text))
    assert set(present.seen) == set(cues.contexts)
