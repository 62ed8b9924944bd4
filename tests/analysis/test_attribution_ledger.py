"""The ledger of one event: the clinic case from issue 3 as a golden file, and analyst overrides."""

import json
from pathlib import Path

from conflictlens.analysis.estimative import load_rule
from conflictlens.analysis.grading import load_source_grades
from conflictlens.analysis.ledger import OVERRIDE, RULE, Override, build_ledger
from conflictlens.model.records import Attribution as A

GOLDEN = Path(__file__).parent / "golden" / "clinic_ledger.json"

# Three reports of one clinic attack (Monday 2021-06-07): nobody claims; two days later the US
# government blames the Taliban and ISKP, its rival, denies any part; a researcher's sources say
# Lashkar-e-Taiba supplied the weapons.
CLINIC = [
    (A("Taliban", "attributed", "US Secretary of State", None, "2021-06-09", "doc_aaaaaaaaaaaaaaaa"),
     "The US Secretary of State blamed the Taliban for the attack on the clinic."),
    (A("Khorasan Chapter of the Islamic State", "denied", "the group itself", "a statement", "2021-06-09",
       "doc_aaaaaaaaaaaaaaaa"), "ISKP, the Taliban's rival, denied any part in it in a statement."),
    (A("Lashkar-e-Taiba (LeT)", "suspected", "sources", None, "2021-06-11", "doc_bbbbbbbbbbbbbbbb"),
     "Sources told the researcher that Lashkar-e-Taiba had supplied the weapons for the attack."),
]


def clinic_ledger(override=None):
    return build_ledger("evt_0123456789abcdef", CLINIC, load_source_grades(), load_rule(), override)


def test_clinic_ledger_matches_golden_file():
    assert clinic_ledger().to_dict() == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_clinic_best_answer_and_grades():
    ledger = clinic_ledger()
    assert (ledger.answer.actor, ledger.answer.phrase, ledger.answer.basis) == ("Taliban", "roughly even chance", RULE)
    assert [s.attribution.reliability + str(s.attribution.credibility) for s in ledger.statements] == ["C3", "C2", "F3"]
    assert ledger.matrix.hypotheses[0] == "Taliban"


def test_override_replaces_the_answer_and_keeps_the_rule_s():
    override = Override("Lashkar-e-Taiba (LeT)", "R. Analyst", "field interviews name LeT fighters", "2021-06-20T10:00:00+00:00")
    ledger = clinic_ledger(override)
    assert ledger.answer.actor == "Lashkar-e-Taiba (LeT)" and ledger.answer.basis == OVERRIDE
    assert ledger.answer.phrase == "unlikely"  # the rule's phrase for that actor, since the analyst gave none
    assert ledger.answer.override.analyst == "R. Analyst"
    assert ledger.rule_answer.actor == "Taliban"
    data = ledger.to_dict()
    assert data["answer"]["override"]["why"] == "field interviews name LeT fighters"


def test_override_with_own_phrase_and_unnamed_actor():
    override = Override("Haqqani Network", "R. Analyst", "HUMINT", "2021-06-20T10:00:00+00:00", "likely")
    ledger = clinic_ledger(override)
    assert (ledger.answer.actor, ledger.answer.phrase, ledger.answer.probability) == ("Haqqani Network", "likely", None)


def test_recorded_grade_is_kept_unless_the_user_graded_the_source():
    graded_before = A("Taliban", "attributed", "sources", reliability="B")
    rows = build_ledger("evt_x", [(graded_before, None)], load_source_grades(), load_rule()).statements
    assert (rows[0].attribution.reliability, rows[0].reliability_basis) == ("B", "recorded")
    user = load_source_grades().with_overrides({"sources": "E"})
    rows = build_ledger("evt_x", [(graded_before, None)], user, load_rule()).statements
    assert (rows[0].attribution.reliability, rows[0].reliability_basis) == ("E", "set by user")
