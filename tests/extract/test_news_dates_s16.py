"""Days told in news copy that are not the incident's (issue 11, session 16, branch hnewsfound5): the day a
toll rose or a quote was given, a day that opens a sentence of who confirmed what, a moment counted from the
day before ("shortly after midnight"), a day that names the incident inside a background sentence, and photo
captions. Texts written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from conflictlens.extract.dates.mentions import find_date_mentions, names_an_incident_by_day, said_on
from conflictlens.extract.wire.furniture import caption_spans, without_captions


def _starts(session, text: str, published: str) -> list[str]:
    return [e.to_dict()["date"]["start"] for e in session.extract_text(text, published=published)]


@pytest.mark.parametrize("text,said", [
    ("The death toll from the market bombing rose to 31 on Sunday, doctors said.", True),
    ("The number of people killed in the bombing raised to 64 on Friday.", True),
    ("Forty people were killed, the governor said as quoted by Reuters on Tuesday.", True),
    ("The previous figure announced by the health ministry on Monday morning was 50.", True),
    ("On Friday, provincial authorities confirmed that 12 people had died.", True),
    ("On Monday, the UN said it was alarmed by the attack.", True),
    # a comma after the act keeps the day the act's; so does a day that opens a sentence of the act
    ("Gunmen killed 10 villagers on Monday, police said.", False),
    ("On Monday, gunmen killed 10 villagers in Dara.", False),
    ("The blast killed 12 people on Sunday.", False),
])
def test_days_something_was_told_on(text: str, said: bool) -> None:
    (mention,) = [m for m in find_date_mentions(text) if "day" in m.text.lower()]
    assert said_on(text, mention) is said


def test_a_toll_rise_day_yields_to_the_day_of_the_bombing(session) -> None:
    text = ("Toll from market bombing in Dara rises to 80\n"
            "DARA - The number of people killed in the suicide bombing at the Dara market raised to 80 on "
            "Thursday, the health ministry announced.\n"
            "The previous figure announced by the ministry on Thursday morning was 72.\n"
            "A suicide bomber blew up a truck outside the crowded market shortly after midnight on Sunday.")
    assert _starts(session, text, "2021-06-10") == ["2021-06-06"]


def test_a_day_opening_a_confirmation_does_not_date_the_attack(session) -> None:
    text = ("A suicide bomber killed 21 people outside a bank in Kandahar on Thursday. "
            "On Friday, provincial authorities confirmed that the bomber had waited in the queue.")
    assert _starts(session, text, "2021-06-11") == ["2021-06-10"]


def test_a_moment_counted_from_the_day_before_gives_way_to_a_named_day() -> None:
    from conflictlens.extract.dates.mentions import ResolvedDate, resolve_event_date
    text = ("A bomb killed 12 people in Dara on Thursday. "
            "A second bomber struck the Sobi checkpoint shortly after midnight on Sunday, killing three.")
    focus = (text.index("A second"), len(text))
    thursday = ResolvedDate(dt.date(2021, 6, 10), dt.date(2021, 6, 10), "day", None)
    told = resolve_event_date(text, focus, dt.date(2021, 6, 14), thursday, mentions=find_date_mentions(text))
    assert told is not None and told.start == dt.date(2021, 6, 13)


def test_a_day_naming_the_incident_survives_a_background_sentence(session) -> None:
    text = ("Suspected jihadists killed 22 people in an attack on a village, local sources told reporters on "
            "Monday.\n\nThe Sunday attack targeted the village of Dogon in a region where armed groups have "
            "been active for years.")
    assert _starts(session, text, "2024-01-30") == ["2024-01-28"]
    mention = next(m for m in find_date_mentions(text) if m.text == "Sunday")
    assert names_an_incident_by_day(text, mention)
    plain = "He came on Sunday to the village."
    assert not names_an_incident_by_day(plain, find_date_mentions(plain)[0])


@pytest.mark.parametrize("line,caption", [
    ("Police inspect the scene of a bombing in the city centre, 14 July 2015.", True),
    ("Soldiers stand guard at the gate of the parliament in the capital on June 7, 2017 during an attack.", True),
    ("This picture taken on March 2 shows a burnt truck on the highway. — Photo by Ali Khan", True),
    # the story's own lines: past tense, or a present tense without a full date
    ("A bomb exploded in the city centre on 14 July 2015, killing two rangers.", False),
    ("The group, which holds territory in the north, attacked the town on June 7, 2017. Police said five died.", False),
    ("Residents say gunmen stormed the village on Sunday.", False),
])
def test_scene_captions(line: str, caption: bool) -> None:
    text = f"Headline of the story\n{line}\nMore copy follows here."
    assert bool(caption_spans(text)) is caption


def test_a_caption_above_the_dateline_is_not_the_filing_day(session) -> None:
    text = ("Roadside bomb kills ranger\n\n"
            "Security officers investigate the site of a roadside bomb in Yala on 3 May 2015 that hurt nobody.\n\n"
            "YALA — A roadside bomb killed one ranger and wounded four others in Yala province today.")
    assert without_captions(text).startswith("Roadside bomb kills ranger\n\n    ")
    assert _starts(session, text, "2015-05-04") == ["2015-05-04"]


# Background and what followed (event_cues.json `background`, `follow_up`): no incident of their own.
_ACT = "Gunmen killed five villagers in Konduga on Monday. "


@pytest.mark.parametrize("after", [
    "The two armies have been engaged in daily cross-border strikes over the past six months.",
    "The rebels have been trading near-daily fire with the army since October 7.",
    "On Wednesday, the state launched a vaccination campaign amid a spike in militant attacks.",
    "The government will strengthen the country's protection against terrorist attacks.",
    "The insurgents have since spread south, seizing territory and killing thousands.",
    "At least 500 people have been killed by armed groups in the region since the war broke out.",
    "Since the start of the month, the army has conducted numerous operations in the state.",
    "On Wednesday, the president condoled the loss of lives in Konduga.",
    "The governor said on Wednesday that a manhunt had been launched for the gunmen behind the killing.",
])
def test_background_and_what_followed_open_no_incident(session, after: str) -> None:
    events = [e.to_dict() for e in session.extract_text(_ACT + after, published="2021-06-10")]
    assert [(e["date"]["start"], e["fatalities"]["best"]) for e in events] == [("2021-06-07", 5)]


def test_an_attack_that_displaced_thousands_is_still_told(session) -> None:
    text = "Gunmen attacked three villages in Konduga on Monday, killing 30 people and displacing thousands."
    events = [e.to_dict() for e in session.extract_text(text, published="2021-06-10")]
    assert [(e["date"]["start"], e["fatalities"]["best"]) for e in events] == [("2021-06-07", 30)]


def test_a_clash_that_erupted_is_no_volcano(session) -> None:
    text = ("Twelve policemen killed in attack on checkpost\n\n"
            "Twelve policemen were killed in an attack on a checkpost in Dara, an official said on Sunday. "
            "A clash erupted between policemen before the insurgents stormed the checkpost on Saturday night.")
    events = [e.to_dict() for e in session.extract_text(text, published="2021-06-13")]
    assert [(e["date"]["start"], e["fatalities"]["best"]) for e in events] == [("2021-06-12", 12)]


def test_a_volcano_that_erupted_is_still_no_event(session) -> None:
    text = "The volcano erupted on Saturday, killing 12 villagers on its slopes."
    assert session.extract_text(text, published="2021-06-13") == []


def test_a_blast_during_a_memorial_service_is_an_event(session) -> None:
    text = ("At least 11 people were killed in an explosion near a mosque in the north during a memorial "
            "service for the deputy governor, officials said. More than 30 others were injured in the explosion "
            "on Thursday.")
    events = [e.to_dict() for e in session.extract_text(text, published="2021-06-11")]
    assert [(e["date"]["start"], e["fatalities"]["best"]) for e in events] == [("2021-06-10", 11)]


def test_a_memorial_for_those_killed_in_an_old_attack_is_still_no_event(session) -> None:
    text = ("Families gathered on Sunday for the memorial service of the 140 children killed in the attack, "
            "at the school in Peshawar.")
    assert session.extract_text(text, published="2021-06-13") == []


def test_a_day_and_another_victim_open_another_incident(session) -> None:
    text = ("Five rangers were killed when rebels detonated a bomb buried in a road in Saiburi, police said. "
            "On Thursday another ranger was killed in a late-night shootout in Narathiwat.")
    events = [e.to_dict() for e in session.extract_text(text, published="2021-06-12")]
    assert len(events) == 2 and events[1]["date"]["start"] == "2021-06-10"


@pytest.mark.parametrize("line", [
    "Soldiers gather near the ambushed convoy in Kurram on January 17. — AFP",
    "his photo taken on June 16, 2017 in Bamenda shows soldiers on patrol.",
])
def test_more_captions(line: str) -> None:
    assert caption_spans(f"Headline of the story\n{line}\nMore copy follows here.")


def test_a_toll_since_a_date_is_background(session) -> None:
    text = _ACT + "At least 12 soldiers have also been killed in attacks in the state since October 7, officials say."
    events = [e.to_dict() for e in session.extract_text(text, published="2021-06-10")]
    assert [(e["date"]["start"], e["fatalities"]["best"]) for e in events] == [("2021-06-07", 5)]


def test_a_number_of_armed_men_is_no_series_of_attacks(session) -> None:
    text = ("Five police officers were killed in an attack in the south-east. The governor said a number of "
            "armed men attacked police patrols in Sib county on Tuesday.")
    events = [e.to_dict() for e in session.extract_text(text, published="2024-04-10")]
    assert [e["date"]["start"] for e in events] == ["2024-04-09"]


def test_the_largest_in_a_spate_of_attacks_is_the_reports_own(session) -> None:
    text = ("Fighters killed at least 124 people in a village in the state on Friday, activists said, the "
            "largest in a spate of attacks in the state.")
    events = [e.to_dict() for e in session.extract_text(text, published="2024-10-26")]
    assert [(e["date"]["start"], e["fatalities"]["best"]) for e in events] == [("2024-10-25", 124)]


def test_a_byline_and_its_date_stamp_the_copy(session) -> None:
    text = ("Attack on garrison foiled\n\n Our Correspondents March 05, 2025\n\n"
            "At least six attackers were killed as troops staved off a suicide attack on a garrison in Bannu "
            "on Tuesday evening, security sources said.")
    events = [e.to_dict() for e in session.extract_text(text, published="2025-03-05")]
    assert [e["date"]["start"] for e in events] == ["2025-03-04"]


def test_a_toll_in_a_series_of_explosions_is_told_not_summed(session) -> None:
    text = ("A blast targeted a police vehicle in Jalalabad on September 19, a day after at least three people "
            "were killed in a series of explosions in the area. At least five people were killed in the "
            "latest attack.\n\nOn September 18, three explosions killed at least three people and wounded 19 "
            "others in Jalalabad.")
    events = [e.to_dict() for e in session.extract_text(text, published="2021-09-19")]
    assert [e["date"]["start"] for e in events] == ["2021-09-19", "2021-09-18"]
    assert events[1]["fatalities"]["best"] == 3


def test_news_websites_are_sources_not_a_cyber_crime(session) -> None:
    text = ("A blast targeted a police vehicle in Jalalabad on Sunday, killing five people. A powerline was "
            "damaged by the blast, local news websites said.")
    events = [e.to_dict() for e in session.extract_text(text, published="2021-09-19")]
    assert [e["fatalities"]["best"] for e in events] == [5]


def test_a_number_of_acts_held_against_a_group_tells_no_act(session) -> None:
    text = "The minister accused the rebels of a number of acts in the province, including the burning of a school."
    assert session.extract_text(text, published="2021-03-10") == []
