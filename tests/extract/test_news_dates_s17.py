"""Days told in news copy that are not the incident's (issue 11, session 17, branch hnewsfound6): more verbs
of saying ("revealed", "mentioned"), a day that opens the story's first sentence right after the page's own
stamp, and a day something was said that dates an incident before the page's stamp does. Texts written for
these tests."""

from __future__ import annotations

import pytest

from conflictlens.extract.dates.mentions import find_date_mentions, said_on


def _starts(session, text: str, published: str) -> list[str]:
    return [e.to_dict()["date"]["start"] for e in session.extract_text(text, published=published)]


@pytest.mark.parametrize("text,said", [
    ("Four guards were shot dead in an ambush, officials mentioned Thursday.", True),
    ("The army revealed on Monday that six soldiers had died.", True),
    ("The ministry on Friday disclosed that the convoy was hit by a mine.", True),
    ("On Wednesday evening, the army revealed that ten soldiers were killed earlier this week.", True),
    ("date 2025-02-06 On Wednesday evening, the army revealed that ten soldiers were killed.", True),
    ("On Tuesday, officials informed reporters that the post had fallen.", True),
    ("In a preliminary investigation released on Thursday into the massacre, the UN found 131 dead.", True),
    ("The findings were made public on Monday by the commission.", True),
    ("A report published on Friday counted 40 dead in the raid.", True),
    # the act's own day stays the act's
    ("Gunmen killed six farmers on Monday, officials mentioned.", False),
    ("date 2025-02-06 On Wednesday evening, gunmen killed ten soldiers near Dara.", False),
])
def test_more_days_something_was_told_on(text: str, said: bool) -> None:
    (mention,) = [m for m in find_date_mentions(text) if "day" in m.text.lower() and "-" not in m.text]
    assert said_on(text, mention) is said


def test_a_day_revealed_after_the_page_stamp_yields_to_the_day_of_the_ambush(session) -> None:
    text = ("date 2025-02-06 On Wednesday evening, the army revealed that ten soldiers were killed earlier "
            "this week in an ambush in the Tillaberi region.\n\n"
            "According to security sources, the attack targeted an army unit on Monday afternoon, when it "
            "fell into an ambush near Bankilare.")
    assert _starts(session, text, "2025-02-06") == ["2025-02-03"]


def test_a_day_mentioned_by_officials_yields_to_the_night_of_the_shooting(session) -> None:
    text = ("Four police officers were shot dead in an ambush in El Salto, Jalisco, authorities mentioned "
            "Thursday.\n\nThe prosecutor said the officers answered a call late Wednesday at a house in El "
            "Salto, Jalisco, where gunmen opened fire on them.")
    assert _starts(session, text, "2022-06-23") == ["2022-06-22"]


def test_the_day_something_was_said_dates_an_incident_before_the_page_stamp(session) -> None:
    text = ("Blast in Colombia's Arauca Kills One Soldier\n\n"
            "Jane Roe Published February 04, 2022 | 02:10 AM\n\n"
            "An explosion killed one soldier and injured two in the municipality of Fortul, Arauca, the "
            "Colombian army said on Tuesday.")
    assert _starts(session, text, "2022-02-04") == ["2022-02-01"]


@pytest.mark.parametrize("line,caption", [
    ("This photo taken on June 16, 2017 in Dara shows a market burnt in a fire. JANE ROE / AFP", True),
    ("A soldier stands guard at the gate of the ministry in Dara on May 2, 2019 during an attack on the "
     "compound. The group claimed its first attack in the country that day. AFP", True),
    ("A soldier stands guard at the gate of the ministry in Dara on May 2, 2019 during an attack. (AFP)", True),
    ("JOHN ROE/AFP", True),
    # the story's own lines stay
    ("Gunmen killed three guards in Dara on Saturday, a police officer told AFP.", False),
    ("Militants stormed the post on May 2, 2019, the army said. The group denied it, AFP reported.", False),
])
def test_captions_credited_without_parentheses(line: str, caption: bool) -> None:
    from conflictlens.extract.wire.furniture import caption_spans

    assert bool(caption_spans(f"Headline\n{line}\nMore copy.")) is caption


def test_a_caption_the_sentence_splitter_ran_into_opens_no_incident(session) -> None:
    text = ("Rebels Kill Three Gendarmes In Cameroon\n\nUpdated June 21, 2021\n"
            "This photo taken on June 16, 2017 in Bamenda shows a hotel destroyed by a fire blamed on "
            "separatists. JANE ROE / AFP\n\n"
            "Three gendarmes were killed by separatist rebels at a checkpoint in Ndop, in Cameroon's "
            "Northwest Region, on Saturday, an official told AFP.")
    assert _starts(session, text, "2021-06-21") == ["2021-06-19"]


@pytest.mark.parametrize("written,published,day", [
    ("04.03.2022", "2024-06-24", "2022-03-04"),  # dots: day first, though 3 April is nearer the report
    ("21.04.2019", "2024-06-24", "2019-04-21"),
    ("04/03/2022", "2024-06-24", "2022-04-03"),  # slashes keep the month first (US copy)
    ("1/8/2018", "2018-01-08", "2018-01-08"),
])
def test_dotted_numeric_dates_are_day_first(written: str, published: str, day: str) -> None:
    import datetime as dt

    from conflictlens.extract.dates.mentions import resolve_mention

    (mention,) = find_date_mentions(f"The blast of {written} killed 60 worshippers.")
    told = resolve_mention(mention, dt.date.fromisoformat(published), None)
    assert told is not None and told.start.isoformat() == day


def test_an_act_told_days_before_opens_an_incident_of_its_own(session) -> None:
    text = ("A drone struck a crowded market in Dara, North Darfur, on Tuesday afternoon, killing 15 people "
            "and wounding 12. Aid groups confirmed the strike. Days before, the militia reportedly targeted "
            "a mosque in Dara, resulting in at least 70 deaths. Among those killed were worshippers.")
    tolls = sorted(e.to_dict()["fatalities"]["best"] for e in session.extract_text(text, published="2025-09-25"))
    assert tolls == [15, 70]


def test_a_strike_that_caused_no_death_is_not_read_as_one(session) -> None:
    text = "The ministry said the strike on the depot was not causing any deaths among the staff."
    assert all(e.to_dict()["fatalities"]["best"] in (None, 0) for e in session.extract_text(text, published="2025-09-25"))


def test_the_day_a_report_was_released_yields_to_the_days_of_the_massacre(session) -> None:
    text = ("Rebels killed at least 131 civilians in two villages of North Kivu, the UN said. In a preliminary "
            "investigation released on Thursday into the November 29-30 massacres in the villages of Kishishe "
            "and Bambo, the UN mission found the killings were reprisals.")
    assert _starts(session, text, "2022-12-08") == ["2022-11-29"]


def test_an_act_of_the_next_day_told_beside_that_attack_is_another_incident(session) -> None:
    text = ("On Saturday, October 22, eleven truckers were ambushed on a road near Dara. The victims were "
            "slaughtered by armed men, a local official in Dara said. While residents were still mourning that "
            "attack, gunmen targeted a gendarmerie post in Kollo the next day. Two gendarmes were killed.")
    assert _starts(session, text, "2022-10-26") == ["2022-10-22", "2022-10-23"]


def test_an_attack_the_day_after_talks_began_stays_one_incident(session) -> None:
    text = ("A car bomb killed 40 people near the defence ministry in Kabul on July 1. The attack occurred the "
            "day after peace talks had begun in Qatar.")
    assert _starts(session, text, "2019-07-05") == ["2019-07-01"]


def test_a_story_printed_twice_tells_its_incidents_once(session) -> None:
    story = ("OUAGADOUGOU: Nine people have been killed in two attacks in northern Burkina Faso, officials said "
             "on Monday.\n\"Six people were killed by armed men overnight Saturday at Arbinda,\" a security "
             "official said.\nA local official said three people \"were shot dead in the village of Djibo,\" and "
             "their bodies were found later.\n")
    events = session.extract_text(f"Nine killed in Burkina attacks\n{story}{story}", published="2019-09-24")
    assert len(events) == 2  # main: five, the second print telling its two attacks again


def test_short_sentences_alike_stay_in_a_roundup() -> None:
    from conflictlens.extract.wire.furniture import without_repeats

    text = "A bomb hit Dara. Two soldiers were killed. A bomb hit Kollo. Two soldiers were killed."
    spans = [(0, 16), (17, 42), (43, 60), (61, 86)]
    assert without_repeats(text, spans) == spans
    # with a lower bar, the repeat of a short sentence goes too
    assert without_repeats(text, spans, shortest=10) == spans[:3]


@pytest.mark.parametrize("text,said", [
    ("The death toll in the mosque blast has risen to 100 as the rescue operation concluded on Tuesday.", True),
    ("The toll had climbed to 40 by Friday evening, doctors said.", True),
    # a day that names the incident is the incident's
    ("The death toll from Thursday's attack on the convoy has risen to 10.", False),
    ("Gunmen killed ten people on Tuesday as the toll of the week rose.", False),
])
def test_days_in_a_sentence_of_a_toll_risen(text: str, said: bool) -> None:
    (mention,) = [m for m in find_date_mentions(text) if "day" in m.text.lower()]
    assert said_on(text, mention) is said


def test_a_toll_update_day_yields_to_the_day_of_the_blast(session) -> None:
    text = ("Peshawar: The death toll in the police lines mosque blast in Peshawar has risen to 100 as the rescue "
            "operation concluded on Tuesday, local media reported.\n\nThe toll of injured has reached 221.\n\n"
            "A suicide bomber blew himself up in the mosque at about 1 pm on Monday during prayers.")
    assert _starts(session, text, "2023-01-31") == ["2023-01-30"]


def test_a_byline_of_two_names_and_its_dates_stamps_the_copy(session) -> None:
    text = ("Death toll from attack on Dara refugee camp rises to 74\n\n"
            "Jane Roe and John Doe  | 12.04.2025 - Update : 12.04.2025\n\n"
            "The army said the camp near Dara, North Darfur, was attacked twice on Friday, and that 74 people "
            "had been killed.")
    assert _starts(session, text, "2025-04-12") == ["2025-04-11"]


@pytest.mark.parametrize("written,day", [
    ("overnight Thursday and Friday", "2023-02-10"),
    ("on the night from Thursday to Friday", "2023-02-10"),
    ("during the night of Thursday to Friday", "2023-02-10"),
    ("overnight Thursday", "2023-02-09"),  # a night named by one day is that day's
])
def test_a_night_over_two_days_is_dated_by_the_day_it_ended_on(written: str, day: str) -> None:
    import datetime as dt

    from conflictlens.extract.dates.mentions import resolve_mention

    (mention,) = find_date_mentions(f"Gunmen attacked the village {written}, a resident said.")
    told = resolve_mention(mention, dt.date(2023, 2, 14), None)
    assert told is not None and told.start.isoformat() == day


def test_a_deed_in_a_new_place_that_names_only_the_doers_is_another_incident(session) -> None:
    text = ("Nine people have been killed in two attacks in northern Burkina Faso, officials said on Monday. "
            "Six people were killed by armed men overnight Saturday at Arbinda, a security official said. "
            "A local official said three people were shot dead in the village of Djibo, and their bodies were "
            "found after the assailants left.")
    places = sorted((e.to_dict()["location"] or {}).get("place") or "" for e in
                    session.extract_text(text, published="2019-09-24"))
    assert places == ["Arbinda", "Djibo"]


def test_the_gunmen_told_again_in_the_village_stay_one_incident(session) -> None:
    text = ("Several people are feared dead after gunmen raided a village in Cameroon's Southwest region. "
            "The gunmen attacked the village of Egbekaw early Monday, shooting indiscriminately, a resident said.")
    assert len(session.extract_text(text, published="2023-11-06")) == 1


def test_a_syndicators_credit_after_the_page_stamp_leaves_the_dateline_read(session) -> None:
    text = (" date 2024-10-07 (MENAFN- Some News Network) ISLAMABAD, Oct 7 (APP) – Two engineers were killed "
            "in an attack on a convoy near the airport in Karachi last night, the embassy confirmed.")
    assert _starts(session, text, "2024-10-07") == ["2024-10-06"]
