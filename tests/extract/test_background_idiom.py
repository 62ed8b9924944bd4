"""An act told as "the latest in a series of attacks" is still an incident (issue 11: a wire lead that
ended so opened none). Texts written for this test."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("tail", ["in the latest in a series of attacks in the region",
                                  "amid a spate of attacks on places of worship"])
def test_the_latest_in_a_series_still_tells_the_act(session, tail: str) -> None:
    text = f"A suicide bomber killed at least 14 people at a funeral in Kunduz on Sunday, police said, {tail}."
    events = session.extract_text(text, published="2021-03-07")
    assert [e.fatalities.best for e in events] == [14]


def test_a_series_summed_up_opens_no_incident(session) -> None:
    text = "Militants have carried out a series of attacks on police posts in the province."
    assert session.extract_text(text, published="2021-03-07") == []
