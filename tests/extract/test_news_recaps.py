"""Recaps of earlier incidents in the background of a news report, and days that do not date the report's
incident (issue 11, session 13, branch hnewsfound2). Texts written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from conflictlens.extract.dates.mentions import find_date_mentions, no_incident_day, resolve_mention

PUBLISHED = "2021-06-09"  # a Wednesday
# The report's own incident, told at length (two sentences): what follows it is its background.
MAIN = ("Gunmen stormed a police post in Gusau on Tuesday, killing six officers, a police spokesman said. "
        "The attackers fled on motorcycles before reinforcements arrived. ")


def _events(session, text: str, published: str = PUBLISHED) -> list[dict]:
    return [e.to_dict() for e in session.extract_text(text, published=published)]


@pytest.mark.parametrize("recap", [
    "In May, two officers were killed in a similar attack in the same district.",
    "Last year, bandits killed 30 people in a nearby village.",
    "Earlier this month, a similar raid on a checkpoint killed four policemen.",
    "A constable had sustained injuries in a bomb blast in the district in April.",
    "The deadliest raid was last January, when 40 villagers were killed at a market.",
])
def test_a_recap_after_the_reports_incident_is_no_incident_and_adds_nothing(session, recap: str) -> None:
    (event,) = _events(session, MAIN + recap)
    assert event["date"]["start"] == "2021-06-08" and event["fatalities"]["best"] == 6


def test_a_recap_told_with_details_of_its_own_is_an_incident_of_its_month(session) -> None:
    # the next sentence speaks of it: told with its own details, it is an incident, dated by its month
    text = (MAIN + "In March, a suicide bomber killed 12 people at a market in the town. "
            "That attack was claimed by the Islamic State West Africa Province.")
    main, recalled = _events(session, text)
    assert main["perpetrator"] is None and main["fatalities"]["best"] == 6
    assert (recalled["date"]["start"], recalled["date"]["precision"]) == ("2021-03-01", "month")
    assert recalled["fatalities"]["best"] == 12 and recalled["perpetrator"] is not None


def test_a_roundup_keeps_each_incident_with_its_own_period(session) -> None:
    # each incident told in a sentence: the one of earlier this month is one of them, dated by its month
    text = ("On Monday, gunmen killed two farmers in Gusau. On Tuesday, a bomb killed three traders in Kano. "
            "Earlier this month, a bomb killed a teacher in Kaduna.")
    dates = [(e["date"]["start"], e["date"]["precision"]) for e in _events(session, text)]
    assert dates == [("2021-06-07", "day"), ("2021-06-08", "day"), ("2021-06-01", "month")]


def test_a_day_weeks_before_does_not_date_an_incident_told_without_a_day(session) -> None:
    text = ("Gunmen stormed a police post in Gusau, killing six officers, a police spokesman said. "
            "The attackers fled on motorcycles before reinforcements arrived. "
            "Also, on 13 March, nine soldiers were killed and two wounded in a bomb blast in the district.")
    main = next(e for e in _events(session, text) if e["fatalities"]["best"] == 6)
    assert main["date"]["start"] == PUBLISHED


@pytest.mark.parametrize("text", [
    "Gunmen stormed a police post in Gusau on Tuesday, killing six officers, a police spokesman said. "
    "Four more officers were wounded in this year's deadliest attack in the state.",
    "Gunmen stormed a police post in Gusau on Tuesday, killing six officers, a police spokesman said. "
    "It was the deadliest attack this year in the state, where four more officers were wounded.",
    "Gunmen stormed a police post in Gusau on Tuesday, killing six officers, the latest in a number of "
    "deadly attacks in the state this month. The attackers fled on motorcycles.",
])
def test_the_frame_of_a_superlative_or_of_a_series_dates_no_incident(session, text: str) -> None:
    (event,) = _events(session, text)
    assert event["date"]["start"] == "2021-06-08" and event["fatalities"]["best"] == 6


def test_a_period_told_since_the_incident_before_does_not_date_the_next(session) -> None:
    text = ("A roadside bomb killed two soldiers near Mopti on Tuesday, the army said. "
            "The blast hit their truck on a road between two villages. "
            "Mali has struggled to contain an insurgency that erupted in the north in 2012, officials said. "
            "Separately, a bomb exploded at a market in Gao, wounding three traders.")
    years = [e["date"]["start"] for e in _events(session, text) if e["date"]["precision"] == "year"]
    assert years == []


@pytest.mark.parametrize("phrase,published,start", [
    ("last January", dt.date(2023, 12, 15), dt.date(2023, 1, 1)),
    ("this past March", dt.date(2023, 12, 15), dt.date(2023, 3, 1)),
])
def test_last_and_a_month_name_the_last_such_month(phrase: str, published: dt.date, start: dt.date) -> None:
    text = f"The deadliest attack was {phrase}, when 40 people were killed."
    (mention,) = find_date_mentions(text)
    told = resolve_mention(mention, published, None)
    assert (told.start, told.precision) == (start, "month") and not no_incident_day(text, mention)


# Killings told by verbs of butchery: an act of the report, and its toll.
@pytest.mark.parametrize("text", [
    "Assailants hacked to death seven villagers in Gusau on Tuesday.",
    "Seven villagers were hacked to death in Gusau on Tuesday.",
    "Herdsmen butchered seven farmers in Gusau on Tuesday.",
    "Bandits slaughtered seven villagers in Gusau on Tuesday.",
    "Militants burned alive seven villagers in Gusau on Tuesday.",
    "Gunmen mowed down seven worshippers in Gusau on Tuesday.",
    "Seven villagers were macheted to death by suspected herders in Gusau on Tuesday.",
    "Terrorists invaded a village in Gusau on Tuesday, leaving seven dead.",
])
def test_a_killing_told_by_a_verb_of_butchery_is_an_attack(session, text: str) -> None:
    (event,) = _events(session, text)
    assert event["sub_event_type"] == "Attack" and event["fatalities"]["best"] == 7
    assert event["date"]["start"] == "2021-06-08"


def test_hackers_still_tell_no_attack(session) -> None:
    text = "Hackers broke into the state election commission's website in Gusau on Tuesday and defaced it."
    assert _events(session, text) == []


# Days counted from the dateline's day and the weekend.
def test_yesterday_counts_from_a_datelines_day_before_the_pages(session) -> None:
    text = "GUSAU, June 6 (Reuters) - Gunmen killed five villagers in a village near Gusau yesterday, police said."
    (event,) = _events(session, text, published="2021-06-08")
    assert event["date"]["start"] == "2021-06-05"


@pytest.mark.parametrize("published,saturday", [("2021-06-07", "2021-06-05"), ("2021-06-06", "2021-06-05")])
def test_over_the_weekend_is_the_last_weekend(session, published: str, saturday: str) -> None:
    text = "Gunmen killed five villagers in Gusau over the weekend, police said."
    (event,) = _events(session, text, published=published)
    assert (event["date"]["start"], event["date"]["precision"]) == (saturday, "week")
