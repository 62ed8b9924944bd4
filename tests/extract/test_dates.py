"""Tests for conflictlens.extract.dates.mentions: finding, resolving and choosing event dates."""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conflictlens.errors import ConflictLensError
from conflictlens.extract.dates.tables import tables
from conflictlens.extract.dates.mentions import (
    DateMention,
    ResolvedDate,
    find_date_mentions,
    next_anchor,
    resolve_event_date,
    resolve_mention,
    stated_date,
)
from conflictlens.model.ids import document_id
from conflictlens.model.records import Document

D = dt.date
PUB = D(2021, 3, 10)  # a Wednesday
ANCHOR = ResolvedDate(D(2021, 3, 3), D(2021, 3, 3), "day", None)
GTD = Path(__file__).resolve().parents[3] / "shared" / "data" / "gtd" / "gtd_2021q1_afpak_dev.csv"


def one(text: str, phrase: str) -> DateMention:
    """The single mention found in `text`, which must read `phrase`."""
    found = find_date_mentions(text)
    assert [m.text for m in found] == [phrase], found
    m = found[0]
    assert text[m.start:m.end] == m.text
    return m


def res(text: str, phrase: str, published=PUB, anchor=None, order="MDY"):
    r = resolve_mention(one(text, phrase), published, anchor, date_order=order)
    return None if r is None else (r.start, r.end, r.precision)


# (sentence, mention text, kind, expected start, end, precision); published PUB, anchor ANCHOR.
CASES = [
    ("Gunmen struck on January 3, 2021 in Ghazni.", "January 3, 2021", "absolute", D(2021, 1, 3), D(2021, 1, 3), "day"),
    ("The blast on 3 January 2021 killed four.", "3 January 2021", "absolute", D(2021, 1, 3), D(2021, 1, 3), "day"),
    ("KABUL, Jan. 3 (Reuters) - A bomb went off.", "Jan. 3", "partial", D(2021, 1, 3), D(2021, 1, 3), "day"),
    ("It happened on the 3rd of January near Herat.", "the 3rd of January", "partial", D(2021, 1, 3), D(2021, 1, 3), "day"),
    ("Clashes flared in January 2021 across the valley.", "January 2021", "absolute", D(2021, 1, 1), D(2021, 1, 31), "month"),
    ("Attacks rose sharply in 2021, officials said.", "in 2021", "absolute", D(2021, 1, 1), D(2021, 12, 31), "year"),
    ("Report dated 2021-01-03: a convoy was hit.", "2021-01-03", "absolute", D(2021, 1, 3), D(2021, 1, 3), "day"),
    ("Police said on Tuesday that two died.", "on Tuesday", "partial", D(2021, 3, 9), D(2021, 3, 9), "day"),
    ("Rockets landed Tuesday night in the city.", "Tuesday night", "partial", D(2021, 3, 9), D(2021, 3, 9), "day"),
    ("A mine exploded last Tuesday near the road.", "last Tuesday", "relative", D(2021, 3, 9), D(2021, 3, 9), "day"),
    ("Militants attacked a post yesterday.", "yesterday", "relative", D(2021, 3, 9), D(2021, 3, 9), "day"),
    ("Protesters gathered today outside the office.", "today", "relative", D(2021, 3, 10), D(2021, 3, 10), "day"),
    ("A school was torched last night in the north.", "last night", "relative", D(2021, 3, 9), D(2021, 3, 9), "day"),
    ("Shelling resumed this morning, residents said.", "this morning", "relative", D(2021, 3, 10), D(2021, 3, 10), "day"),
    ("Troops will patrol the market tonight.", "tonight", "relative", D(2021, 3, 10), D(2021, 3, 10), "day"),
    ("The ambush came on Sunday evening on the highway.", "on Sunday evening", "partial", D(2021, 3, 7), D(2021, 3, 7), "day"),
    ("Looting was reported earlier this month.", "earlier this month", "relative", D(2021, 3, 1), D(2021, 3, 10), "month"),
    ("Two officials were abducted last month.", "last month", "relative", D(2021, 2, 1), D(2021, 2, 28), "month"),
    ("The group has staged raids earlier this year.", "earlier this year", "relative", D(2021, 1, 1), D(2021, 3, 10), "year"),
    ("Eleven people were detained last week.", "last week", "relative", D(2021, 3, 1), D(2021, 3, 7), "week"),
    ("Curfews were imposed this week in the town.", "this week", "relative", D(2021, 3, 8), D(2021, 3, 10), "week"),
    ("Fighting peaked in mid-January along the border.", "mid-January", "partial", D(2021, 1, 11), D(2021, 1, 20), "month"),
    ("Strikes continued until late January.", "late January", "partial", D(2021, 1, 21), D(2021, 1, 31), "month"),
    ("The town fell in early February.", "early February", "partial", D(2021, 2, 1), D(2021, 2, 10), "month"),
    ("Mass arrests followed in the spring of 2020.", "the spring of 2020", "absolute", D(2020, 3, 1), D(2020, 5, 31), "season"),
    ("The dam was damaged last summer.", "last summer", "relative", D(2020, 6, 1), D(2020, 8, 31), "season"),
    ("A market was bombed on New Year's Eve.", "on New Year's Eve", "partial", D(2020, 12, 31), D(2020, 12, 31), "day"),
    ("Attacks increased during Ramadan in Kandahar.", "during Ramadan", "partial", D(2020, 4, 24), D(2020, 5, 23), "month"),
    ("A guard was shot three days ago.", "three days ago", "relative", D(2021, 3, 7), D(2021, 3, 7), "day"),
]

# Anchor-relative phrases: the anchor is the previous event, 2021-03-03.
ANCHORED = [
    ("The night before, a checkpoint was overrun.", "The night before", D(2021, 3, 2)),
    ("On the previous day, a bus was hijacked.", "the previous day", D(2021, 3, 2)),
    ("The day before, two men were killed.", "The day before", D(2021, 3, 2)),
    ("The next day, the army shelled the village.", "The next day", D(2021, 3, 4)),
    ("Police arrested five men the following day.", "the following day", D(2021, 3, 4)),
    ("Two days later, a second bomb exploded.", "Two days later", D(2021, 3, 5)),
    ("A week later, militants returned.", "A week later", D(2021, 3, 10)),
    ("A week earlier, the same post had been hit.", "A week earlier", D(2021, 2, 24)),
    ("Just over an hour later, a second blast hit.", "Just over an hour later", D(2021, 3, 3)),
    ("Hours later, gunmen opened fire on mourners.", "Hours later", D(2021, 3, 3)),
    ("Minutes later, a car bomb went off.", "Minutes later", D(2021, 3, 3)),
    ("Shortly after, a rocket struck the base.", "Shortly after", D(2021, 3, 3)),
]


@pytest.mark.parametrize(("text", "phrase", "kind", "start", "end", "precision"), CASES)
def test_phrases(text, phrase, kind, start, end, precision):
    m = one(text, phrase)
    assert m.kind == kind
    r = resolve_mention(m, PUB, ANCHOR)
    assert (r.start, r.end, r.precision) == (start, end, precision)
    assert r.mention == m


@pytest.mark.parametrize(("text", "phrase", "day"), ANCHORED)
def test_anchor_relative(text, phrase, day):
    m = one(text, phrase)
    assert m.kind == "relative"
    assert res(text, phrase, anchor=ANCHOR) == (day, day, "day")


def test_anchor_relative_without_anchor():
    assert res("The night before, shots rang out.", "The night before") == (D(2021, 3, 9), D(2021, 3, 9), "day")
    assert res("Two days later, shots rang out.", "Two days later") is None
    assert res("Two days later, shots rang out.", "Two days later", published=None) is None
    assert res("Shots rang out yesterday.", "yesterday", published=None) is None


def test_weekday_relative_to_anchor_without_published():
    # 2021-03-03 is a Wednesday: the Monday on or before it.
    assert res("It began on Monday.", "on Monday", published=None, anchor=ANCHOR) == (D(2021, 3, 1), D(2021, 3, 1), "day")


def test_weekday_on_publication_day_is_that_day():
    assert res("The raid began on Wednesday.", "on Wednesday") == (PUB, PUB, "day")
    assert res("The raid began last Wednesday.", "last Wednesday") == (D(2021, 3, 3), D(2021, 3, 3), "day")


@pytest.mark.parametrize(
    ("text", "order", "published", "expected"),
    [
        ("On 01/03/2021 a bomb exploded.", "MDY", None, D(2021, 1, 3)),
        ("On 01/03/2021 a bomb exploded.", "DMY", None, D(2021, 3, 1)),
        ("On 3.1.2021 a bomb exploded.", "DMY", None, D(2021, 1, 3)),
        ("On 25/01/2021 a bomb exploded.", "MDY", None, D(2021, 1, 25)),  # only one valid reading
        ("On 01/25/2021 a bomb exploded.", "DMY", None, D(2021, 1, 25)),
        # Ambiguous: the reading not after publication and closest to it wins over the preferred order.
        ("On 03/02/2021 a bomb exploded.", "MDY", D(2021, 2, 10), D(2021, 2, 3)),
        ("On 02/03/2021 a bomb exploded.", "MDY", D(2021, 3, 5), D(2021, 3, 2)),
        ("On 02/03/2021 a bomb exploded.", "MDY", D(2021, 2, 4), D(2021, 2, 3)),
        ("On 2021-02-03 a bomb exploded.", "DMY", D(2021, 3, 5), D(2021, 2, 3)),  # ISO is always Y-M-D
    ],
)
def test_numeric_order(text, order, published, expected):
    r = resolve_event_date(text, (0, len(text)), published, date_order=order)
    assert (r.start, r.end, r.precision) == (expected, expected, "day")


def test_bad_date_order_is_a_coded_error():
    with pytest.raises(ConflictLensError) as err:
        resolve_mention(DateMention(0, 5, "today", "relative"), PUB, None, date_order="YMD")
    assert err.value.code == "CL-E400"


def test_year_rollover():
    text = "The attack on December 30 killed six."
    r = resolve_event_date(text, (0, len(text)), D(2021, 1, 2))
    assert (r.start, r.precision) == (D(2020, 12, 30), "day")
    # A date on the day of publication stays in that year.
    assert res("It was on January 2.", "January 2", published=D(2021, 1, 2))[0] == D(2021, 1, 2)


def test_partial_date_takes_year_from_anchor_without_published():
    assert res("It was on January 5.", "January 5", published=None, anchor=ANCHOR)[0] == D(2021, 1, 5)
    assert res("It was on January 5.", "January 5", published=None) is None


def test_anchor_chaining():
    text = ("A bomb exploded on March 3 in Kabul. The night before, gunmen attacked a checkpoint. "
            "A week later, a second bomb hit the same market.")
    s1, s2 = text.index("The night"), text.index("A week")
    first = resolve_event_date(text, (0, s1), PUB)
    assert (first.start, first.precision) == (D(2021, 3, 3), "day")
    second = resolve_event_date(text, (s1, s2), PUB, anchor=first)
    assert second.start == D(2021, 3, 2)
    third = resolve_event_date(text, (s2, len(text)), PUB, anchor=first)
    assert third.start == D(2021, 3, 10)
    # Without an explicit anchor, relative phrases chain on the previous date in the text.
    assert resolve_event_date(text, (s1, s2), PUB).start == D(2021, 3, 2)


def test_gtd_style_leading_date():
    text = "01/03/2021: Assailants fired on a checkpoint in the district. Two days later the post was shelled."
    r = resolve_event_date(text, (0, len(text)), None, date_order="MDY")
    assert (r.start, r.end, r.precision) == (D(2021, 1, 3), D(2021, 1, 3), "day")
    later = text.index("Two days")
    assert resolve_event_date(text, (later, len(text)), None).start == D(2021, 1, 5)


def test_focus_prefers_inside_then_nearest_before():
    text = "KABUL, Jan 3 (Reuters) - Officials spoke. In May, troops withdrew. On Tuesday, gunmen struck a bus."
    bus = text.index("On Tuesday")
    assert resolve_event_date(text, (bus, len(text)), PUB).start == D(2021, 3, 9)
    spoke = text.index("Officials")
    assert resolve_event_date(text, (spoke, spoke + 16), PUB).start == D(2021, 1, 3)  # the dateline counts
    troops = text.index("In May")
    r = resolve_event_date(text, (troops, bus), PUB)
    assert (r.start, r.precision) == (D(2020, 5, 1), "month")


def test_first_day_precise_inside_focus_wins():
    text = "Earlier this month, and again on March 5, militants attacked the base."
    r = resolve_event_date(text, (0, len(text)), PUB)
    assert (r.start, r.precision) == (D(2021, 3, 5), "day")


def test_fallbacks():
    text = "Gunmen killed two policemen in the district."
    r = resolve_event_date(text, (0, len(text)), PUB)
    assert (r.start, r.end, r.precision, r.mention) == (PUB, PUB, "week", None)  # the day it was reported
    assert resolve_event_date(text, (0, len(text)), PUB, anchor=ANCHOR) == ANCHOR
    assert resolve_event_date(text, (0, len(text)), None) is None


@pytest.mark.parametrize(
    "text",
    [
        "The commander, born in 1975, was killed.",
        "The group has fought the army since 2001.",
        "Violence peaked in the 1990s.",
        "The siege went on for two days.",
        "The 45-year-old driver, aged 45, died.",
        "Within 24 hours the road was closed.",
        "The explosion happened at 10:30 am.",
    ],
)
def test_non_event_dates_are_ignored(text):
    r = resolve_event_date(text, (0, len(text)), PUB)
    assert r.mention is None and r.precision == "week"


def test_time_before_weekday_still_gives_the_weekday():
    text = "The explosion happened at 10:30 am on Tuesday."
    r = resolve_event_date(text, (0, len(text)), PUB)
    assert (r.start, r.precision, r.mention.text) == (D(2021, 3, 9), "day", "on Tuesday")


@pytest.mark.parametrize(
    "text",
    [
        "may attack", "the march on the capital", "a 3.5 magnitude quake", "version 1.2.3",
        "February 30, 2021", "31/31/2021", "call 555-1234", "",
    ],
)
def test_not_dates_or_impossible(text):
    for m in find_date_mentions(text):
        assert resolve_mention(m, PUB, ANCHOR) is None


def test_hostile_input_does_not_crash():
    rng = random.Random(7)
    alphabet = "aZ09 ./-,:'’\u200b\u202e\U0001f4a3\u0663\ufb01\x00\n\tJanuaryTuesday"
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(300)))
        for m in find_date_mentions(text):
            resolve_mention(m, PUB, ANCHOR)
        resolve_event_date(text, (0, len(text)), PUB)
    big = "On Tuesday, January 3, 2021, gunmen attacked. " * 20000 + "9" * 100000 + "the " * 50000
    assert len(find_date_mentions(big)) == 20000
    assert resolve_event_date(big, (len(big) - 10, len(big)), PUB).start == D(2021, 1, 3)
    assert find_date_mentions("\u0663/\u0661/\u0662\u0660\u0662\u0661") == []  # Arabic-Indic digits


def test_windowed_scan_matches_full_scan():
    rng = random.Random(3)
    words = ("the gunmen attacked police in district on after two days later night May fall "
             "January Tuesday 3 2021 hours mid-March spring since born 01/03/2021 last week of").split()
    full = tables().finder
    for _ in range(300):
        text = " ".join(rng.choice(words) for _ in range(rng.randrange(80)))
        expected = [(m.start(), m.end()) for m in full.finditer(text)]
        assert [(m.start, m.end) for m in find_date_mentions(text)] == expected


MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]


@settings(max_examples=300, deadline=None)
@given(day=st.dates(min_value=D(1990, 1, 1), max_value=D(2030, 12, 31)), style=st.sampled_from(["mdy", "iso", "dmy"]))
def test_formatted_dates_round_trip(day, style):
    month = MONTH_NAMES[day.month - 1]
    phrase = {"mdy": f"{month} {day.day}, {day.year}", "iso": day.isoformat(),
              "dmy": f"{day.day} {month} {day.year}"}[style]
    text = f"Security forces said the attack took place {phrase} near the border."
    r = resolve_event_date(text, (0, len(text)), None)
    assert (r.start, r.end, r.precision) == (day, day, "day")
    assert r.mention.text == phrase


@pytest.mark.skipif(not GTD.exists(), reason="restricted GTD sample not available")
def test_gtd_summary_dates():
    with GTD.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["iday"] != "0" and r["summary"]]
    hits = 0
    for row in rows:
        r = resolve_event_date(row["summary"], (0, len(row["summary"])), None)
        hits += r is not None and r.start == D(int(row["iyear"]), int(row["imonth"]), int(row["iday"]))
    assert hits / len(rows) >= 0.95


# ---------------------------------------------------------------- reports that chain incidents

FRIDAY = D(2021, 3, 12)
TUESDAY = ResolvedDate(D(2021, 3, 9), D(2021, 3, 9), "day", None)


@pytest.mark.parametrize(
    ("text", "phrase", "looks_back"),
    [
        ("The night before, a checkpoint was overrun.", "The night before", True),
        ("A week earlier, the same post had been hit.", "A week earlier", True),
        ("Two days before, a bus was hijacked.", "Two days before", True),
        ("Two days later, a second bomb exploded.", "Two days later", False),
        ("Just over an hour later, a second blast hit.", "Just over an hour later", False),
        ("Militants attacked a post yesterday.", "yesterday", False),
        ("Police said on Tuesday that two died.", "on Tuesday", False),
    ],
)
def test_flashbacks_are_marked(text, phrase, looks_back):
    assert resolve_mention(one(text, phrase), PUB, ANCHOR).looks_back is looks_back


def test_next_anchor_skips_flashbacks_and_undated_incidents():
    story = "A bomb exploded on March 3. The night before, gunmen attacked a checkpoint."
    first = resolve_event_date(story, (0, 27), PUB)
    flashback = resolve_event_date(story, (28, len(story)), PUB, anchor=first)
    assert flashback.start == D(2021, 3, 2) and flashback.looks_back
    assert next_anchor(first, None) == first
    assert next_anchor(flashback, first) == first  # the report resumes from March 3
    undated = resolve_event_date("Gunmen killed two men.", (0, 22), PUB)
    assert undated.mention is None and next_anchor(undated, first) == first
    assert next_anchor(None, first) == first


def test_weekdays_count_from_publication_not_from_the_previous_incident():
    text = "On Tuesday, gunmen attacked a checkpoint. On Wednesday, a bomb exploded in the market."
    wed = text.index("On Wednesday")
    first = resolve_event_date(text, (0, wed), FRIDAY)
    assert first.start == D(2021, 3, 9)
    assert resolve_event_date(text, (wed, len(text)), FRIDAY, anchor=first).start == D(2021, 3, 10)


def test_weekday_without_publication_is_the_one_nearest_the_anchor():
    # Reports narrate forwards ("On Tuesday ... On Wednesday") and backwards ("On Tuesday ... On Sunday").
    assert res("On Wednesday, a bomb exploded.", "On Wednesday", published=None, anchor=TUESDAY)[0] == D(2021, 3, 10)
    assert res("On Sunday, a bomb exploded.", "On Sunday", published=None, anchor=TUESDAY)[0] == D(2021, 3, 7)
    assert res("On Tuesday, a bomb exploded.", "On Tuesday", published=None, anchor=TUESDAY)[0] == D(2021, 3, 9)
    # "last Wednesday" stays in the past of the anchor.
    assert res("A bomb exploded last Wednesday.", "last Wednesday", published=None, anchor=TUESDAY)[0] == D(2021, 3, 3)


def test_chain_without_anchor_skips_flashbacks():
    text = ("A bomb exploded on March 3 in Kabul. The night before, gunmen attacked a checkpoint. "
            "Just over an hour later, a second bomb hit the same market. A week later, militants returned.")
    hour, week = text.index("Just over"), text.index("A week")
    assert resolve_event_date(text, (hour, week), PUB).start == D(2021, 3, 3)
    assert resolve_event_date(text, (week, len(text)), PUB).start == D(2021, 3, 10)


def test_background_years_do_not_move_the_chain():
    text = ("On March 3, gunmen attacked a post. The Taliban first took the district in 2015. "
            "The next day, a bomb exploded.")
    nxt = text.index("The next day")
    assert resolve_event_date(text, (nxt, len(text)), PUB).start == D(2021, 3, 4)


def test_relative_phrases_after_an_undated_incident_fall_back_to_the_report_day():
    text = "Gunmen killed two police officers. The next day, a bomb wounded four soldiers."
    nxt = text.index("The next day")
    first = resolve_event_date(text, (0, nxt), FRIDAY)
    r = resolve_event_date(text, (nxt, len(text)), FRIDAY, anchor=next_anchor(first, None))
    assert (r.start, r.end, r.precision) == (FRIDAY, FRIDAY, "week")  # never past publication


@pytest.mark.parametrize(
    ("dateline", "order", "expected"),
    [
        ("KABUL, Friday, March 12, 2021 (Reuters) - ", "MDY", FRIDAY),
        ("KABUL, 12 March 2021 - ", "MDY", FRIDAY),
        ("KABUL, 12/03/2021 - ", "DMY", FRIDAY),
        ("KABUL, March 12 (Reuters) - ", "MDY", None),  # no year: nothing to count from
        ("KABUL (Reuters) - ", "MDY", None),
        ("", "MDY", None),
    ],
)
def test_stated_date(dateline, order, expected):
    assert stated_date(dateline, order) == expected


# A report written for this test: five incidents, told out of order, published on a Friday.
MULTI_BODY = (
    "On Tuesday, gunmen killed two police officers at a checkpoint in Kunduz province. "
    "On Wednesday, a roadside bomb killed three civilians in Herat province. "
    "The night before, militants attacked an army post in Baghlan province, wounding four soldiers. "
    "Just over an hour later, a second bomb exploded in Herat province, injuring two people. "
    "Earlier this month, a bomb killed a teacher in Kandahar province."
)
MULTI_GOLDEN = [  # (start, end, precision, evidence of the date)
    ("2021-03-09", "2021-03-09", "day", "On Tuesday"),
    ("2021-03-10", "2021-03-10", "day", "On Wednesday"),
    ("2021-03-09", "2021-03-09", "day", "The night before"),  # the night before Wednesday
    ("2021-03-10", "2021-03-10", "day", "Just over an hour later"),  # after the Herat bomb, not the flashback
    ("2021-03-01", "2021-03-12", "month", "Earlier this month"),  # counted from publication
]


def _dated(events):
    return [(e.date.start, e.date.end, e.date.precision, e.evidence["date"][0].text) for e in events]


@pytest.mark.parametrize(
    ("dateline", "published"),
    [
        ("KABUL, March 12 (Kabul Wire) - ", "2021-03-12"),
        # No publication date: the dateline's date takes its place.
        ("KABUL, Friday, March 12, 2021 (Kabul Wire) - ", None),
    ],
)
def test_multi_incident_report_golden(extractor, dateline, published):
    text = dateline + MULTI_BODY
    events = extractor.extract(Document(id=document_id(text), text=text, published=published))
    assert _dated(events) == MULTI_GOLDEN


def test_multi_incident_report_without_publication_chains_on_the_first_date(extractor):
    text = ("03/09/2021: Gunmen killed two police officers in Kunduz province. "
            "On Wednesday, a roadside bomb killed three civilians in Herat province.")
    events = extractor.extract(Document(id=document_id(text), text=text))
    assert _dated(events) == [("2021-03-09", "2021-03-09", "day", "03/09/2021"),
                              ("2021-03-10", "2021-03-10", "day", "On Wednesday")]



def test_a_burial_day_is_not_the_attack_day(extractor):
    from conflictlens.model.ids import document_id
    from conflictlens.model.records import Document
    text = ("Families in western Kabul buried their dead on Saturday after a suicide attack on a funeral "
            "gathering on Thursday killed 26 people.")
    (event,) = extractor.extract(Document(document_id(text), text, published="2023-03-11"))
    assert event.date.start == "2023-03-09"


def test_the_day_something_was_said_yields_to_the_day_it_happened() -> None:
    """Issue 11: the report's "said Thursday" dated an attack told as "Wednesday night's attack"."""
    text = ("A bomb at a mosque killed at least 12 worshippers, police said Thursday. No one claimed "
            "Wednesday night's attack on the mosque.")
    resolved = resolve_event_date(text, (0, len(text)), dt.date(2022, 3, 17))
    assert resolved is not None and resolved.start == dt.date(2022, 3, 16)


def test_a_statement_day_is_the_date_when_no_other_day_is_told() -> None:
    text = "A bomb at a mosque killed at least 12 worshippers, police said Thursday."
    resolved = resolve_event_date(text, (0, len(text)), dt.date(2022, 3, 17))
    assert resolved is not None and resolved.start == dt.date(2022, 3, 17)


def test_saturdays_attack_in_a_report_of_that_saturday_is_that_saturday() -> None:
    text = "The army said Saturday's attack on a checkpoint killed five soldiers."
    resolved = resolve_event_date(text, (0, len(text)), dt.date(2021, 5, 8))
    assert resolved is not None and resolved.start == dt.date(2021, 5, 8)
