"""The Analysis of Competing Hypotheses matrix and Heuer's inconsistency score."""

from conflictlens.analysis.ach import build_matrix, cell
from conflictlens.model.records import Attribution as A


def test_cells_follow_the_stance():
    assert cell(A("ISKP", "claimed", "the group itself"), "ISKP") == "C"
    assert cell(A("ISKP", "claimed", "the group itself"), "Taliban") == "I"
    assert cell(A("Taliban", "attributed", "police"), "ISKP") == "I"
    assert cell(A("LeT", "suspected", "sources"), "LeT") == "C"
    assert cell(A("LeT", "suspected", "sources"), "Taliban") == "N"
    assert cell(A("Taliban", "denied", "the group itself"), "Taliban") == "I"
    assert cell(A("Taliban", "denied", "the group itself"), "ISKP") == "N"


def test_least_inconsistent_hypothesis_first_with_weighted_scores():
    statements = [
        A("Taliban", "attributed", "US Secretary of State"),
        A("ISKP", "denied", "the group itself"),
        A("LeT", "suspected", "sources"),
    ]
    weights = {"US Secretary of State": 0.5, "the group itself": 0.25, "sources": 1.0}
    matrix = build_matrix(statements, lambda s: weights[s.by])
    assert matrix.hypotheses == ("Taliban", "LeT", "ISKP")
    assert matrix.scores == {"Taliban": 0.0, "LeT": -0.5, "ISKP": -0.75}
    assert matrix.inconsistent_counts == {"Taliban": 0, "LeT": 1, "ISKP": 2}
    assert [r.cells for r in matrix.rows] == [("C", "I", "I"), ("N", "N", "I"), ("N", "C", "N")]


def test_json_names_every_cell():
    matrix = build_matrix([A("TTP", "claimed", "the group itself"), A("JuA", "claimed", "the group itself")],
                          lambda s: 1.0)
    data = matrix.to_dict()
    assert [h["actor"] for h in data["hypotheses"]] == ["TTP", "JuA"]
    assert data["rows"][0]["cells"] == {"TTP": "consistent", "JuA": "inconsistent"}


def test_statements_without_actor_are_no_rows():
    assert build_matrix([A(None, "claimed", "sources")], lambda s: 1.0).rows == ()
