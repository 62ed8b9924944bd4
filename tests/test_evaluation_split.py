"""The fixed tune / held-out split of dev sets (by a hash of the row id)."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from conflictlens.errors import ConflictLensError
from conflictlens.evaluation import HELD_OUT_PERCENT, in_part, split_part


@given(st.text(min_size=1, max_size=30))
def test_a_rows_part_depends_only_on_its_id(row_id):
    assert split_part(row_id) == split_part(row_id) in ("tune", "held-out")
    assert in_part(row_id, "all") and in_part(row_id, split_part(row_id))


def test_about_thirty_percent_are_held_out_and_the_split_never_moves():
    ids = [f"2021{n:08d}" for n in range(4000)]
    held = sum(split_part(i) == "held-out" for i in ids) / len(ids)
    assert abs(held - HELD_OUT_PERCENT / 100) < 0.03
    # Pinned: a change of the hash or its salt would silently move tuned-on rows into the held-out part.
    assert [split_part(i) for i in ("202101010005", "202101010019", "202101010021", "202101010029")] == \
        ["tune", "held-out", "tune", "held-out"]


def test_an_unknown_part_is_a_coded_error():
    with pytest.raises(ConflictLensError) as err:
        in_part("x", "test")
    assert err.value.code == "CL-E400"
