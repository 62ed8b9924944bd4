"""The estimative rule: graded statements -> best answer + ICD 203 phrase (docs/attribution.md)."""

import pytest

from conflictlens.analysis.estimative import best_answer, estimate, load_rule
from conflictlens.analysis.grading import load_source_grades
from conflictlens.analysis.ledger import grade
from conflictlens.errors import ConflictLensError
from conflictlens.model.records import Attribution as A


def answer(*statements):
    graded = [g for g, _ in grade(list(statements), load_source_grades())]
    estimates, _other = estimate(graded, load_rule())
    best = best_answer(estimates)
    return (best.actor, best.phrase, round(best.probability, 2)) if best else None


# The worked examples of docs/attribution.md; change both together.
@pytest.mark.parametrize("statements, expected", [
    ([A("ISKP", "claimed", "the group itself", "Amaq")], ("ISKP", "very likely", 0.87)),
    ([A("Taliban", "attributed", "Interior Ministry spokesman")], ("Taliban", "likely", 0.75)),
    ([A("Taliban", "attributed", "sources")], ("Taliban", "likely", 0.69)),
    ([A("Taliban", "suspected", "police")], ("Taliban", "likely", 0.59)),
    ([A("ISKP", "claimed", "the group itself"), A("ISKP", "attributed", "police")], ("ISKP", "almost certain", 0.97)),
    ([A("Taliban", "attributed", "officials"), A("Taliban", "denied", "the group itself")], ("Taliban", "likely", 0.57)),
    ([A("TTP", "claimed", "the group itself"), A("JuA", "claimed", "the group itself")], ("JuA", "unlikely", 0.44)),
    ([A("Taliban", "attributed", "US Secretary of State"), A("ISKP", "denied", "the group itself"),
      A("LeT", "suspected", "sources")], ("Taliban", "roughly even chance", 0.5)),
])
def test_worked_examples(statements, expected):
    assert answer(*statements) == expected


def test_denial_alone_gives_no_answer():
    assert answer(A("Taliban", "denied", "the group itself")) is None
    assert answer() is None


def test_repetition_by_one_source_is_not_evidence():
    once = answer(A("Taliban", "attributed", "police"))
    assert answer(A("Taliban", "attributed", "police"), A("Taliban", "attributed", "Police")) == once


def test_better_graded_sources_move_the_odds_more():
    weak = answer(A("Taliban", "attributed", "sources"))[2]
    strong = answer(A("Taliban", "attributed", "Reuters"))[2]
    assert strong > weak


def test_probabilities_sum_to_one_with_someone_else():
    graded = [g for g, _ in grade([A("Taliban", "attributed", "police"), A("ISKP", "suspected", "sources")],
                                  load_source_grades())]
    estimates, other = estimate(graded, load_rule())
    assert sum(e.probability for e in estimates) + other == pytest.approx(1.0)


@pytest.mark.parametrize("p, phrase", [
    (0.01, "almost no chance"), (0.05, "very unlikely"), (0.2, "unlikely"), (0.5, "roughly even chance"),
    (0.55, "likely"), (0.8, "very likely"), (0.95, "almost certain"), (1.0, "almost certain"),
])
def test_icd_203_bands(p, phrase):
    assert load_rule().phrase(p) == phrase


def test_seven_icd_phrases_in_order():
    assert load_rule().phrases == ("almost no chance", "very unlikely", "unlikely", "roughly even chance",
                                   "likely", "very likely", "almost certain")


def test_bad_rule_file_is_a_coded_error(tmp_path):
    bad = tmp_path / "rule.yaml"
    bad.write_text("likelihood_ratio: {claimed: 0}\n")
    with pytest.raises(ConflictLensError) as err:
        load_rule(str(bad))
    assert err.value.code == "CL-E723"
