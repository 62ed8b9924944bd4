"""Precision ladders and stance ranks: one definition in model/records.py, read by every stage."""

from conflictlens.analysis import estimative
from conflictlens.extract import attribution
from conflictlens.extract.attribution import Statement, best_perpetrator
from conflictlens.model.records import (
    DATE_PRECISIONS, GEO_PRECISIONS, STANCE_RANK, STANCES, UNKNOWN_PRECISION_RANK, precision_rank,
)


def test_stances_rank_strongest_first_and_denial_last():
    assert [s for s, _ in sorted(STANCE_RANK.items(), key=lambda kv: -kv[1])] == list(STANCES)
    assert STANCE_RANK["claimed"] > STANCE_RANK["attributed"] > STANCE_RANK["suspected"] > STANCE_RANK["denied"]


def test_extraction_and_estimates_share_the_ranks():
    assert attribution.STANCE_RANK is estimative.STANCE_RANK is STANCE_RANK


def test_claim_beats_attribution_and_denial_names_nobody():
    said = [Statement("Group B", "attributed", "police", None, (0, 1)),
            Statement("Group A", "claimed", "Group A", None, (0, 1)),
            Statement("Group C", "denied", "Group C", None, (0, 1))]
    assert best_perpetrator(said) == "Group A"
    assert best_perpetrator(said[2:]) is None


def test_precision_ranks_follow_the_ladders():
    assert [precision_rank(p) for p in DATE_PRECISIONS] == list(range(len(DATE_PRECISIONS)))
    assert [precision_rank(p) for p in GEO_PRECISIONS] == list(range(len(GEO_PRECISIONS)))
    assert precision_rank(None) == precision_rank("fortnight") == UNKNOWN_PRECISION_RANK > len(DATE_PRECISIONS)
