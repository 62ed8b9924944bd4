"""Counting incidents by period and group (analysis.trends), on rows written here."""

import pytest

from conflictlens.analysis.trends import IncidentRow, check_by, count, month_index, month_label, period_of
from conflictlens.errors import ConflictLensError


def test_period_labels():
    assert period_of("2020-05-17", "month") == "2020-05"
    assert period_of("2020-05-17", "quarter") == "2020-Q2"
    assert period_of("2021-01-02", "week") == "2020-W53"  # ISO weeks: 2 Jan 2021 is in 2020's last week
    assert period_of("2020-12-31", "year") == "2020"
    assert month_label(month_index("2019-12-03") + 1) == "2020-01"


def test_claims_kept_apart_and_branches_counted_for_parents():
    rows = [IncidentRow("2020-01-05", 3, "claimed", ("ISKP", "Islamic State"), admin1="Kabul", event_ids=("e1",)),
            IncidentRow("2020-01-20", 1, "attributed", ("Islamic State",), admin1="Nangarhar", event_ids=("e2",)),
            IncidentRow("2020-02-01", 0, "unclaimed", (), admin1="Kabul", event_ids=("e3",))]
    by_actor = {r["group"]["actor"]: r for r in count(rows, ["actor"])}
    assert by_actor["Islamic State"]["events"] == 2 and by_actor["Islamic State"]["claimed"] == 1
    assert by_actor["ISKP"]["events"] == 1 and by_actor["ISKP"]["fatalities"] == 3
    assert by_actor[None]["unclaimed"] == 1
    monthly = count(rows, ["month", "admin1"])
    assert [(r["period"], r["group"]["admin1"], r["events"]) for r in monthly] == [
        ("2020-01", "Kabul", 1), ("2020-01", "Nangarhar", 1), ("2020-02", "Kabul", 1)]
    assert monthly[0]["event_ids"] == ["e1"]


@pytest.mark.parametrize("by", [["fortnight"], ["month", "year"], ["month,decade"]])
def test_bad_grouping_is_coded(by):
    with pytest.raises(ConflictLensError) as caught:
        check_by(by)
    assert caught.value.code == "CL-E930"
