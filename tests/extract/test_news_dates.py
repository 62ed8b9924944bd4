"""The day a news story tells, not the day its copy was stamped (issue 11). Texts written for these tests."""

from __future__ import annotations

import pytest

import conflictlens


@pytest.fixture(scope="module")
def session():
    with conflictlens.open() as s:
        yield s


@pytest.mark.parametrize("text", [
    "Two Soldiers Killed In Roadside Bomb\n\nWed 25th March 2020\n\nTwo soldiers were killed by a roadside bomb on Tuesday, the army said.",
    "Bamako, (APP - Agency News - 25th Mar, 2020 ) :Two soldiers were killed by a roadside bomb on Tuesday, the army said.",
])
def test_a_stamp_line_or_credit_date_is_not_the_event_day(session, text: str) -> None:
    (event,) = session.extract_text(text, published="2020-03-25")
    assert event.to_dict()["date"]["start"] == "2020-03-24"
