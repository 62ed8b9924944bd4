"""Casualty figures: phenomena, number phrases, focus, spans and robustness.

Sentences here are written for the tests; no restricted reference text is copied.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conflictlens.extract.casualties.parse import parse_casualties, parse_number
from conflictlens.model.records import Casualties, Document


def best(text: str, **kw) -> tuple[int | None, int | None, int | None]:
    f = parse_casualties(text, **kw)
    return f.fatalities.best, f.injured.best, f.perpetrators_killed.best


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At least five civilians were killed and nine people, including the district chief, were wounded in the blast.", (5, 9, None)),
        ("Gunmen shot and killed a teacher in the market.", (1, None, None)),
        ("Militants stormed the post, killing two police officers and wounding three others.", (2, 3, None)),
        ("Three police officers were killed in the ambush.", (3, None, None)),
        ("One officer was killed and two other officers were wounded.", (1, 2, None)),
        ("The gunmen killed 12 people, including three infants.", (12, None, None)),
        ("Between 20 and 25 people died in the fire.", (22, None, None)),
        ("Dozens were injured when the device exploded.", (None, 24, None)),
        ("Raiders killed the provincial council member near his home.", (1, None, None)),
        ("The gunman opened fire, killing Rahimi.", (1, None, None)),
        ("A bomb killed a child and wounded his father.", (1, 1, None)),
        ("There were no casualties.", (0, 0, None)),
        ("No one was hurt in the explosion.", (0, 0, None)),
        ("Two assailants were also killed.", (None, None, 2)),
        ("The suicide bomber was killed.", (None, None, 1)),
        ("The attacker died in the blast.", (None, None, 1)),
        ("Five people were killed, among them two children.", (5, None, None)),
        ("The raiders killed three and injured 10.", (3, 10, None)),
        ("The attack left 7 dead and 12 injured.", (7, 12, None)),
        ("The explosion claimed the lives of 8 people.", (8, None, None)),
        ("Three soldiers and two civilians were killed.", (5, None, None)),
        ("Two police officers were killed on the road. A civilian was also killed.", (3, None, None)),
        ("The gunmen killed 12 people. Among the dead were three infants.", (12, None, None)),
        ("Two guards sustained injuries.", (None, 2, None)),
        ("Four people were injured, injuring none of the guards.", (None, 4, None)),
        ("Two university lecturers were killed in the blast.", (2, None, None)),
        ("A judge was injured and later succumbed to his injuries.", (1, None, None)),
        ("Kidnappers seized four boys on Monday. The boys were killed on Tuesday.", (4, None, None)),
        ("Farid, a spokesman for the council, and two colleagues were killed.", (3, None, None)),
    ],
)
def test_phenomena(text, expected):
    assert best(text) == expected


def test_at_least_is_a_floor():
    f = parse_casualties("At least five civilians were killed.")
    assert f.fatalities == Casualties(5, 5, None)


def test_range_and_unknown():
    assert parse_casualties("Between 20 and 25 people died.").fatalities == Casualties(20, 22, 25)
    f = parse_casualties("The convoy came under fire; several vehicles burned.")
    assert f.fatalities == Casualties() and f.injured == Casualties()
    assert parse_casualties("An unknown number of assailants were killed.").perpetrators_killed.best is None


def test_revised_toll_supersedes():
    f = parse_casualties("Eight people were killed. The death toll later rose to 24.")
    assert f.fatalities == Casualties(8, 24, 24)
    assert parse_casualties("Officials revised the toll to 31.").fatalities.best == 31
    assert parse_casualties("The toll later rose to 24.").fatalities.best == 24


def test_forecast_toll_is_a_ceiling_never_the_best():
    # "could rise to N" says what may come, not what is known: at most the high figure.
    f = parse_casualties("A mortar round hit a bus station in Mosul, killing six people. "
                         "Hospital staff said the death toll could rise to 15.")
    assert f.fatalities == Casualties(6, 6, 15)
    f = parse_casualties("At least 11 passengers died when the ferry was shelled; the toll may climb to 30.")
    assert f.fatalities == Casualties(11, 11, 30)
    # A reported revision is still a revision.
    assert parse_casualties("Nine people were killed. The toll later rose to 14.").fatalities == Casualties(9, 14, 14)


def test_attackers_dead_stay_apart_when_victims_are_requested():
    # In a clash the fighters killed are usually the targets, but those named as the attackers are
    # the attackers' dead, whatever the sub-event type.
    text = "Four soldiers and seven Houthi rebels were killed in the clash."
    f = parse_casualties(text, perpetrator_nouns_are_victims=True, perpetrator_names=("Houthi",))
    assert (f.fatalities.best, f.perpetrators_killed.best) == (4, 7)
    f = parse_casualties("Two guards and three assailants were killed in the firefight.",
                         perpetrator_nouns_are_victims=True)
    assert (f.fatalities.best, f.perpetrators_killed.best) == (2, 3)
    # Fighters of another group are the attackers' victims.
    f = parse_casualties(text, perpetrator_nouns_are_victims=True, perpetrator_names=("al-Shabaab",))
    assert (f.fatalities.best, f.perpetrators_killed.best) == (11, None)


def test_fighters_of_another_named_group_are_the_attackers_victims():
    # A bomb on a patrol: "two Houthi fighters" are not the bombers when another group is blamed.
    text = "A roadside bomb hit a patrol vehicle near the port, killing two Houthi fighters and a militant."
    f = parse_casualties(text, perpetrator_names=("AQAP",), other_names=("Houthi",))
    assert (f.fatalities.best, f.perpetrators_killed.best) == (2, 1)
    f = parse_casualties(text, perpetrator_names=("Houthi",), other_names=("AQAP",))
    assert (f.fatalities.best, f.perpetrators_killed.best) == (None, 3)


@pytest.mark.parametrize("text", [
    "Four guests were killed and nine wounded, the district governor said.",
    "Two traders were killed and nine injured, a police spokesman told reporters.",
])
def test_the_speaker_after_a_comma_is_no_casualty(text):
    # "nine wounded, the district governor said": the governor reports the wounded, he is not one.
    assert parse_casualties(text).injured.best == 9


def test_the_same_group_told_again_is_counted_once():
    # "the two guards" is the group of "two guards" already counted, not two more.
    text = ("Three gunmen and two guards were killed in a shootout at the bank. Witnesses said the two guards "
            "were shot first and the three gunmen were killed by police.")
    f = parse_casualties(text)
    assert (f.fatalities.best, f.perpetrators_killed.best) == (2, 3)
    # A group first named without a casualty is counted when its fate is told.
    f = parse_casualties("Gunmen abducted two teachers on the road. The two teachers were later killed.")
    assert f.fatalities.best == 2


def test_perpetrators_become_victims_on_request():
    text = "Security forces killed five militants."
    assert best(text) == (None, None, 5)
    assert best(text, perpetrator_nouns_are_victims=True) == (5, None, None)


def test_ambiguous_killed_or_wounded():
    f = parse_casualties("Fifteen fighters were killed or wounded in the clash.", perpetrator_nouns_are_victims=True)
    assert f.fatalities == Casualties(0, None, 15)
    assert f.injured == Casualties(0, None, 15)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("29", (29, 29, 29)),
        ("twenty-nine", (29, 29, 29)),
        ("at least 29", (29, 29, None)),
        ("more than 20", (21, 21, None)),
        ("dozens", (24, 24, None)),
        ("a dozen", (12, 12, 12)),
        ("two dozen", (24, 24, 24)),
        ("scores", (40, 40, None)),
        ("hundreds", (200, 200, None)),
        ("between 20 and 25", (20, 22, 25)),
        ("20 to 25", (20, 22, 25)),
        ("nearly 30", (27, 30, 30)),
        ("around 15", (13, 15, 17)),
        ("several", (3, 3, None)),
        ("a few", (2, 3, 5)),
        ("two", (2, 2, 2)),
        ("a", (1, 1, 1)),
        ("an", (1, 1, 1)),
        ("one", (1, 1, 1)),
        ("no", (0, 0, 0)),
        ("1,200", (1200, 1200, 1200)),
        ("one hundred and five", (105, 105, 105)),
        ("an unknown number of", None),
        ("soldiers", None),
        ("", None),
    ],
)
def test_parse_number(phrase, expected):
    assert parse_number(phrase) == expected


def test_focus_restricts_and_spans_are_absolute():
    text = "Two soldiers were killed in Herat. In Kabul, four civilians were wounded."
    second = text.index("In Kabul")
    f = parse_casualties(text, focus=[(second, len(text))])
    assert f.fatalities.best is None and f.injured.best == 4
    (start, end), = f.spans["injured"]
    assert text[start:end] == "four civilians were wounded"
    whole = parse_casualties(text)
    assert [text[a:b] for a, b in whole.spans["fatalities"]] == ["Two soldiers were killed"]


def test_spans_for_active_verbs():
    text = "Gunmen stormed a school, killing two teachers."
    f = parse_casualties(text)
    assert [text[a:b] for a, b in f.spans["fatalities"]] == ["killing two teachers"]


@pytest.mark.parametrize(
    "text",
    [
        "killed " * 20000,
        "Two soldiers were killed, " * 5000,
        "\u0634\u0647\u06cc\u062f \U0001f4a5 were killed \u00e9\u00e8 \x00 \ufeff",
        "(((((((( were killed ))))",
        "",
        ". . . ; ; :",
    ],
)
def test_hostile_strings_do_not_crash(text):
    parse_casualties(text)
    parse_casualties(text, focus=[(-5, 10**9), (3, 2)])


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10000))
def test_any_count_round_trips(n):
    assert parse_casualties(f"{n} people were killed").fatalities.best == n


_UNITS = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def _words(n: int) -> str:
    if n < 10:
        return _UNITS[n - 1]
    if n < 20:
        return _TEENS[n - 10]
    tens, unit = divmod(n, 10)
    return _TENS[tens - 2] + (f"-{_UNITS[unit - 1]}" if unit else "")


@given(st.integers(min_value=1, max_value=99))
def test_number_words_round_trip(n):
    assert parse_number(_words(n)) == (n, n, n)
    assert parse_casualties(f"{_words(n).capitalize()} people were killed.").fatalities.best == n


def test_antecedent_in_an_earlier_sentence_of_the_focus():
    # An incident's sentences come as separate focus spans; "The boys" still finds "four boys".
    text = "Kidnappers seized four boys in the village on Monday. The boys were killed on Tuesday."
    second = text.index("The boys")
    assert parse_casualties(text, focus=[(0, second - 1), (second, len(text))]).fatalities.best == 4
    # A focus that leaves the first sentence out has no antecedent to count from.
    assert parse_casualties(text, focus=[(second, len(text))]).fatalities.best is None


def test_antecedent_not_sought_across_a_sentence_outside_the_focus():
    text = "Kidnappers seized four boys on Monday. Police arrested a man in the city. The boys were killed."
    first_end, third = text.index(" Police"), text.index("The boys")
    assert parse_casualties(text, focus=[(0, first_end), (third, len(text))]).fatalities.best is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two men were abducted and later killed.", (2, None, None)),
        ("Three guards were kidnapped and then executed.", (3, None, None)),
        ("Seven workers were tied up before being shot and killed in the attack.", (7, None, None)),
        ("The driver was stopped at a checkpoint before being shot dead.", (1, None, None)),
        ("Four soldiers were captured after being wounded in the clash.", (None, 4, None)),
        # no counted subject: nothing to count
        ("Police said the men were tortured before being killed.", (None, None, None)),
        ("The journalist was beaten before being released.", (None, None, None)),
    ],
)
def test_passive_verbs_sharing_a_subject(text, expected):
    assert best(text) == expected


def test_a_run_of_digits_too_long_for_a_count_is_no_casualty_figure():
    # Python refuses int() of over 4,300 digits; no casualty figure has more than nine.
    assert parse_number("1" * 5000) is None and parse_number("1234567890") is None
    assert parse_number("12") == (12, 12, 12)


def test_a_long_number_in_a_report_is_no_traceback(extractor):
    text = f"Gunmen killed {'9' * 5000} people in Kabul on Monday, police said."
    events = extractor.extract(Document(id="doc_long_number", text=text))
    assert all((e.fatalities.best or 0) < 10 ** 9 for e in events)
