"""Metrics of the product evaluations (evaluate case, evaluate muc4), on small records written here."""

from __future__ import annotations

import pytest

from conflictlens.evaluation import weighted_f1
from conflictlens.evaluation.extract_path import (
    NO_EVENT, Matches, detection, main_event, match_perpetrators, mention_forms, perpetrator_names, predicted_type,
    registry_names,
)
from conflictlens.evaluation.muc4 import is_muc4_incident, summed

BOMBING = {"event_type": "Explosions/Remote violence", "sub_event_type": "Remote explosive/landmine/IED",
           "perpetrator": "Shining Path (SL)", "attribution": []}
PROTEST = {"event_type": "Protests", "sub_event_type": "Peaceful protest", "attribution": []}
ARREST = {"event_type": "Strategic developments", "sub_event_type": "Arrests", "attribution": []}
ELN = "National Liberation Army of Colombia (ELN)"


def test_detection_counts_and_rates():
    gold = [True, True, True, False, False, False, False]
    pred = [True, True, False, True, False, False, False]
    found = detection(gold, pred)
    assert (found.true_pos, found.false_pos, found.false_neg, found.true_neg) == (2, 1, 1, 3)
    assert found.precision == pytest.approx(2 / 3) and found.recall == pytest.approx(2 / 3)
    assert found.f1 == pytest.approx(2 / 3)
    assert found.false_alarm_rate == pytest.approx(1 / 4)


def test_detection_of_nothing_is_zero_not_a_division_error():
    found = detection([], [])
    assert found.precision == found.recall == found.f1 == found.false_alarm_rate == 0.0


def test_the_main_event_is_the_first_political_violence_event():
    assert main_event([PROTEST, BOMBING]) is BOMBING
    assert main_event([ARREST, PROTEST]) is ARREST  # no violence: the first event
    assert main_event([]) is None
    assert predicted_type([PROTEST, BOMBING]) == "Remote explosive/landmine/IED"
    assert predicted_type([]) == NO_EVENT


def test_a_report_without_an_event_is_scored_as_none_in_weighted_f1():
    gold = ["Attack", "Attack", "Arrests"]
    f1, per_label = weighted_f1(gold, [predicted_type([]), "Attack", "Arrests"])
    assert per_label["Attack"][0] == pytest.approx(2 / 3) and per_label["Arrests"][0] == 1.0
    assert f1 == pytest.approx((2 * 2 / 3 + 1) / 3)


def test_perpetrators_are_perpetrators_and_claimants_never_deniers():
    claim = {"actor": "Medellín Cartel", "stance": "claimed"}
    denial = {"actor": "19 April Movement (M-19)", "stance": "denied"}
    event = {**ARREST, "attribution": [claim, denial]}
    assert perpetrator_names([BOMBING, event, PROTEST]) == {"Shining Path (SL)", "Medellín Cartel"}


ALIASES = {"Shining Path (SL)": ("Shining Path", "Sendero Luminoso"), "Medellín Cartel": ("Cartel de Medellín",)}


def names_of(name: str) -> tuple[str, ...]:
    return ALIASES.get(name, ())


def test_a_cluster_is_matched_by_any_mention_against_any_alias_ignoring_case_and_accents():
    gold = [["SENDERO LUMINOSO", "SHINING PATH TERRORISTS"], ["MEDELLIN CARTEL"], ["MRTA"]]
    found = match_perpetrators(gold, ["Shining Path (SL)", "Medellín Cartel", "Tupac Amaru Revolutionary Movement"],
                               names_of)
    assert found == Matches(true_pos=2, false_pos=1, false_neg=1)


def test_a_cluster_counts_once_and_empty_clusters_are_no_gold():
    gold = [["SHINING PATH", "SENDERO LUMINOSO"], []]
    assert match_perpetrators(gold, ["Shining Path (SL)", "Sendero Luminoso"], names_of) == Matches(1, 0, 0)
    assert match_perpetrators([], [], names_of) == Matches(0, 0, 0)
    assert match_perpetrators([["FMLN"]], [], names_of) == Matches(0, 0, 1)


def test_document_matches_sum_over_documents():
    assert summed([Matches(1, 0, 1), Matches(0, 2, 0), Matches(3, 1, 0)]) == Matches(4, 3, 1)


CLASH = {"event_type": "Battles", "sub_event_type": "Armed clash", "target_type": "Military", "attribution": []}


def test_muc4_sense_counts_no_battle_between_armed_forces():
    assert not is_muc4_incident(CLASH)
    assert not is_muc4_incident({**CLASH, "target_type": None})  # nothing says a civilian was targeted
    assert not is_muc4_incident({**CLASH, "target_type": "Terrorists/Non-State Militia"})
    assert not is_muc4_incident(ARREST) and not is_muc4_incident(PROTEST)


def test_muc4_sense_counts_bombings_violence_against_civilians_and_battles_over_civilian_targets():
    assert is_muc4_incident(BOMBING)
    assert is_muc4_incident({"event_type": "Violence against civilians", "sub_event_type": "Attack"})
    assert is_muc4_incident({**CLASH, "target_type": "Private Citizens & Property"})
    assert is_muc4_incident({**CLASH, "target_type": "Utilities"})


def test_only_acts_of_violence_have_perpetrators_but_claims_count_anywhere():
    arrest = {**ARREST, "perpetrator": "Police"}
    burning = {"event_type": "Strategic developments", "sub_event_type": "Looting/property destruction",
               "perpetrator": "Shining Path (SL)", "attribution": []}
    agreement = {"event_type": "Strategic developments", "sub_event_type": "Agreement",
                 "perpetrator": "19 April Movement (M-19)", "attribution": []}
    assert perpetrator_names([arrest, agreement]) == set()
    assert perpetrator_names([burning, arrest]) == {"Shining Path (SL)"}


@pytest.mark.parametrize("mention, form", [
    ('"THE EXTRADITABLES"', "extraditables"),  # quotes and a leading article
    ("DRUG-TRAFFICKING MAFIAS", "drug trafficking mafias"),  # hyphens
    ("FARABUNDO MARTI NATIONAL LIBERATION FRONT [FMLN]", "farabundo marti national liberation front"),
    ("FARABUNDO MARTI NATIONAL LIBERATION FRONT ( FMLN)", "fmln"),  # the gloss alone
    ("ELN [ARMY OF NATIONAL LIBERATION] GUERRILLAS", "eln guerrillas"),
    ("SENDERO LUMINOSO FIGHTERS", "sendero luminoso"),  # words that may follow any group's name
    ("M-19 GUERRILLA GROUP", "m 19"),
])
def test_gold_mentions_are_compared_without_quotes_articles_or_glosses(mention, form):
    assert form in mention_forms(mention)


def test_a_gloss_matches_the_group_it_glosses_and_nothing_else():
    gold = [["ELN [ARMY OF NATIONAL LIBERATION] GUERRILLAS"]]
    names = {"ELN group": ("ELN guerrillas",), "Army of National Liberation group": ("Army of National Liberation",)}
    assert match_perpetrators(gold, ["ELN group"], lambda n: names.get(n, ())) == Matches(1, 0, 0)
    assert match_perpetrators(gold, ["Army of National Liberation group"],
                              lambda n: names.get(n, ())) == Matches(1, 0, 0)
    assert match_perpetrators([["THE ARMY"]], ["Army of National Liberation group"],
                              lambda n: names.get(n, ())) == Matches(0, 1, 1)


def test_a_regional_branch_answers_to_the_common_words_its_country_uses_for_it(extractor):
    names_of = registry_names(extractor)
    salvadoran_army = names_of("Military Forces of El Salvador")
    assert {"Salvadoran army", "army", "armed forces"} <= set(salvadoran_army)
    assert match_perpetrators([["ARMED FORCES"], ["FMLN"]], ["Military Forces of El Salvador"], names_of) == \
        Matches(1, 0, 1)
    # The Colombian ELN is "the National Liberation Army" in Colombia; another country's is not the FMLN.
    assert match_perpetrators([["NATIONAL LIBERATION ARMY"]], [ELN], names_of) == Matches(1, 0, 0)
    assert match_perpetrators([["NATIONAL LIBERATION ARMY"]], ["Farabundo Marti National Liberation Front (FMLN)"],
                              names_of) == Matches(0, 1, 1)


def test_muc4_acts_are_muc4_incidents_and_destruction_of_property():
    from conflictlens.evaluation.muc4 import is_muc4_act
    battle = {"event_type": "Battles", "sub_event_type": "Armed clash", "target_type": "Military",
              "perpetrator": "Farabundo Marti National Liberation Front (FMLN)", "attribution": []}
    burning = {"event_type": "Strategic developments", "sub_event_type": "Looting/property destruction",
               "perpetrator": "Shining Path (SL)", "attribution": []}
    assert is_muc4_act(BOMBING) and is_muc4_act(burning) and not is_muc4_act(battle)
    assert perpetrator_names([battle, burning], is_muc4_act) == {"Shining Path (SL)"}
    assert perpetrator_names([battle, burning]) == {"Shining Path (SL)", "Farabundo Marti National Liberation Front (FMLN)"}


def test_a_head_word_alone_or_a_unit_number_stays_as_written():
    assert mention_forms("GROUP") == {"group"}
    assert mention_forms("FARC 12TH FRONT") == {"farc 12th front"}
