"""The day a news story tells, not the day its copy was stamped (issue 11). Texts written for these tests."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "Two Soldiers Killed In Roadside Bomb\n\nWed 25th March 2020\n\nTwo soldiers were killed by a roadside bomb on Tuesday, the army said.",
    "Bamako, (APP - Agency News - 25th Mar, 2020 ) :Two soldiers were killed by a roadside bomb on Tuesday, the army said.",
])
def test_a_stamp_line_or_credit_date_is_not_the_event_day(session, text: str) -> None:
    (event,) = session.extract_text(text, published="2020-03-25")
    assert event.to_dict()["date"]["start"] == "2020-03-24"


# The day something was said, claimed or updated is not the day it happened (issue 11, branch hnewsdate).
@pytest.mark.parametrize("text,published,day", [
    # a statement verb right after the day
    ("The rebel front on Monday claimed responsibility for an ambush in which gunmen killed four guards "
     "near Kalo on Sunday.", "2021-06-08", "2021-06-06"),
    # a recipient between the verb and the day
    ("At least five villagers were killed when bandits attacked Daro village. The police spokesman confirmed "
     "this to reporters on Sunday. The bandits stormed the village in the early hours of Saturday.",
     "2021-06-06", "2021-06-05"),
    # a toll updated on one day, the attack told on another
    ("Officials updated on Friday the toll for the bombing in Sangin. The bombing, which occurred on "
     "June 1, killed 12 people at a market.", "2021-06-04", "2021-06-01"),
    # mourning began the day after
    ("The town began mourning on Wednesday for the 20 victims of a suicide bombing. A bomber blew himself "
     "up among mourners at a funeral on Tuesday, police said.", "2021-06-09", "2021-06-08"),
])
def test_a_statement_day_does_not_date_the_incident(session, text: str, published: str, day: str) -> None:
    starts = [e.to_dict()["date"]["start"] for e in session.extract_text(text, published=published)]
    assert starts and starts[0] == day


def test_a_statement_day_opens_no_second_incident(session) -> None:
    # "said on Monday" dated the opening sentence, and "killed yesterday" in the quote split the incident
    text = ("Six soldiers were killed in an attack on two border posts in Kurram, the army said on Monday.\n\n"
            "\"In the exchange of fire six soldiers were killed yesterday,\" the army said in a statement.")
    events = session.extract_text(text, published="2021-06-07")
    assert [e.to_dict()["date"]["start"] for e in events] == ["2021-06-06"]


def test_a_claim_day_alone_yields_to_the_day_a_later_sentence_names() -> None:
    from conflictlens.extract.dates.mentions import find_date_mentions, resolve_event_date
    import datetime as dt
    text = ("The group on Saturday claimed responsibility for an attack on a bus that killed 20 pilgrims. "
            "Eight victims of Friday's attack remained in hospital.")
    end = text.index(" Eight")
    told = resolve_event_date(text, (0, end), dt.date(2021, 6, 5), mentions=find_date_mentions(text))
    assert told is not None and told.start == dt.date(2021, 6, 4)


def test_a_stamp_line_may_end_with_its_dateline(session) -> None:
    text = ("Militants kill four soldiers\n\nJune 07, 2021 04:45 pm | Updated 04:47 pm IST - QUETTA:\n\n"
            "Four soldiers were killed yesterday when militants attacked a checkpoint, the army said.")
    (event,) = session.extract_text(text, published="2021-06-07")
    assert event.to_dict()["date"]["start"] == "2021-06-06"


@pytest.mark.parametrize("text,counted", [
    ("Barely a week after the killing of 26 people in Dansadau, gunmen attacked another village.", False),
    ("The raid came two days after a bomb exploded at a market in Gusau.", False),
    ("Two days after, gunmen returned to the village.", True),
    ("Three days after the attack, police arrested two men.", True),
])
def test_days_after_an_event_of_its_own_count_from_nothing_told(text: str, counted: bool) -> None:
    # "two days after a bomb exploded" counts from that bomb, not from the incident told before
    from conflictlens.extract.dates.mentions import find_date_mentions
    assert bool(find_date_mentions(text)) is counted


def test_a_day_that_names_the_incident_told_before_does_not_date_the_next(session) -> None:
    text = ("A bomb exploded at a market in Jolo on Tuesday, killing six people, police said.\n"
            "Tuesday's bombing came just two days after a bomb exploded outside a church in Cotabato city on Sunday, "
            "killing five people.")
    days = {e.to_dict()["location"]["place"]: e.to_dict()["date"]["start"]
            for e in session.extract_text(text, published="2021-06-08")}
    assert days.get("Jolo") == "2021-06-08" and days.get("Cotabato") == "2021-06-06"


def test_an_act_named_by_another_day_is_another_incident(session) -> None:
    text = ("The group claimed responsibility for twin suicide bombings at a square in Baghdad on Monday morning "
            "that killed 30 people.\n\nIn a statement on Thursday, the group also claimed responsibility for Saturday's "
            "attack, when a suicide bomber hit a police checkpoint in Baghdad, killing 10 people.")
    days = sorted(e.to_dict()["date"]["start"] for e in session.extract_text(text, published="2021-06-10"))
    assert days == ["2021-06-05", "2021-06-07"]
