"""Source reliability (A-F) from defaults and user grades; information credibility (1-6) per statement."""

import pytest

from conflictlens.analysis.grading import (
    check_reliability, credibility, credibility_from_counts, load_source_grades, normalise_source, source_key,
)
from conflictlens.errors import ConflictLensError
from conflictlens.model.records import Attribution as A


@pytest.mark.parametrize("by, grade, basis", [
    ("Reuters", "B", "wire agency"),
    ("the Associated Press", "B", "wire agency"),
    ("UNAMA", "B", "international organisation"),
    ("Interior Ministry spokesman Tariq Arian", "C", "government or security official"),
    ("US Secretary of State", "C", "government or security official"),
    ("Police", "C", "government or security official"),
    ("officials", "D", "unnamed official"),
    ("two security officials", "D", "unnamed official"),
    ("an official who spoke on condition of anonymity", "D", "unnamed official"),
    ("residents", "D", "local witnesses"),
    ("sources", "F", "unnamed sources"),
    ("Security sources", "F", "unnamed sources"),
    ("the report", "F", "the report itself"),
    ("Eastern Herald", "F", "default"),
])
def test_default_reliability(by, grade, basis):
    assert load_source_grades().reliability(A("Taliban", "attributed", by)) == (grade, basis)


def test_group_speaking_for_itself():
    grades = load_source_grades()
    assert grades.reliability(A("Taliban", "claimed", "the group itself")) == ("C", "the group itself")
    assert grades.reliability(A("Taliban", "denied", None)) == ("C", "the group itself")


def test_user_grades_beat_defaults_for_sources_and_groups():
    grades = load_source_grades().with_overrides({"The Eastern Herald": "b", "Taliban": "D"})
    assert grades.reliability(A("TTP", "attributed", "eastern herald")) == ("B", "set by user")
    assert grades.reliability(A("Taliban", "claimed", "the group itself")) == ("D", "set by user")
    assert grades.reliability(A("ISKP", "claimed", "the group itself")) == ("C", "the group itself")


def test_bad_grade_is_a_coded_error():
    with pytest.raises(ConflictLensError) as err:
        check_reliability("G", "Reuters")
    assert err.value.code == "CL-E720" and "A B C D E F" in err.value.message
    with pytest.raises(ConflictLensError):
        load_source_grades().with_overrides({"Reuters": "1"})


def test_bad_grades_file_is_a_coded_error(tmp_path):
    bad = tmp_path / "grades.yaml"
    bad.write_text("version: 1\ndefault: F\ngroup_itself: C\nrules:\n  - {label: x, grade: B, pattern: '('}\n")
    with pytest.raises(ConflictLensError) as err:
        load_source_grades(str(bad))
    assert err.value.code == "CL-E722" and err.value.subject == str(bad)


def test_source_names_normalise():
    assert normalise_source("  The   Interior Ministry ") == "interior ministry"
    assert source_key(A("Taliban", "claimed", "the group itself")) == "self:taliban"
    assert source_key(A("Taliban", "attributed", "Police")) == source_key(A("TTP", "suspected", "the police"))


@pytest.mark.parametrize("corroborating, contradicting, expected", [
    (2, 0, 1), (3, 0, 1), (1, 0, 2), (0, 0, 3),
    (2, 1, 3), (1, 1, 4), (0, 1, 4), (1, 2, 4), (0, 2, 5), (1, 3, 5),
])
def test_credibility_table(corroborating, contradicting, expected):
    assert credibility_from_counts(corroborating, contradicting) == expected


def test_corroboration_needs_independent_sources():
    claim = A("ISKP", "claimed", "the group itself", "Amaq")
    same_source = A("ISKP", "claimed", "the group itself", "a video")
    police = A("ISKP", "attributed", "police")
    officials = A("ISKP", "suspected", "officials")
    assert credibility(claim, [claim, same_source]) == 3
    assert credibility(claim, [claim, police]) == 2
    assert credibility(claim, [claim, police, officials]) == 1


def test_denial_and_rival_blame_contradict():
    blame = A("Taliban", "attributed", "officials")
    denial = A("Taliban", "denied", "the group itself")
    rival_claim = A("ISKP", "claimed", "the group itself")
    assert credibility(blame, [blame, denial]) == 4
    assert credibility(blame, [blame, denial, rival_claim]) == 5
    # The denial is borne out by another group's claim and contradicted by the officials' blame.
    assert credibility(denial, [blame, denial, rival_claim]) == 4


def test_suspicion_of_a_supplier_does_not_contradict_a_blame():
    blame = A("Taliban", "attributed", "US Secretary of State")
    supplier = A("Lashkar-e-Taiba (LeT)", "suspected", "sources")
    assert credibility(blame, [blame, supplier]) == 3
    assert credibility(supplier, [blame, supplier]) == 3


def test_statement_without_actor_cannot_be_judged():
    assert credibility(A(None, "claimed", "sources"), []) == 6
