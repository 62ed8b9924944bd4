"""ASCII text searched in its lower case by a case-sensitive twin of a case-ignoring cue
(extract/case_twin.py, `patterns.LazyPattern.twin_for`): the twin finds the spans the cue finds, and a
cue whose twin might not has none. Texts written for this test."""

import re

import pytest

from conflictlens.extract import patterns
from conflictlens.extract.case_twin import folds_to_lower_case
from conflictlens.extract.lexicon import event_cues
from conflictlens.extract.typing.unreal import told_as_fact

TEXTS = [
    "The Front THREATENED to attack the capital if the talks FAIL, a spokesman said.",
    "Gunmen killed five villagers in Tarnak and threatened to kill more?",
    "Will the Army stop the Bombing of the valley? Nobody knows.",
    "The Militia, which was founded in 2006, Seized the town of Dara on Monday.",
    "POLICE ARE INVESTIGATING THE MURDER OF A JUDGE WHO WAS SHOT DEAD OUTSIDE HIS HOME.",
    "No group claimed the attack; the governor vowed to hunt down those responsible.",
]


@pytest.mark.parametrize("pattern, twin", [
    (r"(?<![\w-])(?:car bombs?|suicide bomber)(?![\w])", True),
    (r"[a-z]+ (?:\d+|one)\s*[.,;?!]", True),
    (r"(?>raid)ed|ambush++", True),
    (r"[^,;.()]{0,60}?”", True),     # an uncased character outside ASCII
    (r"Kabul|kandahar", False),      # an upper-case letter
    (r"[A-Z][a-z]+ province", False),
    (r"[^A-Z]attack", False),       # a negated class telling the cases apart
    (r"(?i:shelling)|mortars?", False),  # an inline flag
    (r"(raid)\s+\1", False),        # a back-reference
    (r"(x)?(?(1)y|z)", False),      # a conditional group
    (r"stra\u017fse", False),       # a cased letter outside ASCII ('ſ' matches 's' ignoring case)
    (r"(unclosed", False),
])
def test_which_patterns_have_a_twin(pattern, twin):
    assert folds_to_lower_case(pattern, re.IGNORECASE) is twin


def test_a_pattern_compiled_without_ignorecase_has_no_twin():
    assert patterns.case_sensitive_twin(r"car bomb", 0) is None


def test_twins_find_the_spans_their_cues_find_in_written_text():
    cues = event_cues()
    lazy = [cues.unreal, cues.background, cues.strong_trigger, cues.several_incidents]
    lazy += [cue.pattern for entries in cues.sub_event_cues.values() for cue in entries]
    lazy = [p for p in lazy if isinstance(p, patterns.LazyPattern)]
    assert sum(p.twin_for("ascii") is not None for p in lazy) > 100
    for pattern in lazy:
        for text in TEXTS:
            expected = [m.span() for m in pattern.compiled().finditer(text)]
            assert pattern.spans(text) == expected, pattern.pattern[:80]
            assert patterns.search_span(pattern, text) == (expected[0] if expected else None)
            assert patterns.found_in(pattern, text, 10, 60) == bool(pattern.compiled().search(text, 10, 60))


def test_text_outside_ascii_is_searched_by_the_cue_itself():
    pattern = patterns.word_regex("bombing")
    assert pattern.twin_for("The BOMBING near the café") is None
    assert pattern.spans("The BOMBING near the café") == [(4, 11)]


def test_unreal_phrases_are_blanked_as_a_substitution_blanks_them():
    cues = event_cues()
    for text in TEXTS + ["Les rebelles menacent d'attaquer la capitale? The army threatened to attack."]:
        expected = text
        for pattern in (cues.unreal, cues.background_clause):
            expected = pattern.compiled().sub(lambda m: " " * len(m.group(0)), expected)
        assert told_as_fact(text) == expected
    assert told_as_fact(TEXTS[0]).startswith("The Front") and "attack the capital" not in told_as_fact(TEXTS[0])


def test_a_pattern_of_one_reports_names_is_compiled_when_searched_and_never_cached():
    programs = patterns.compiled_programs()
    before = len(programs.known)
    names = patterns.ReportPattern(r"(?<![\w-])(?:zarghun front|gray wolves)(?![\w])", re.IGNORECASE)
    assert names._compiled is None and names.twin_for("ascii") is None
    assert names.search("Fighters of the Zarghun Front were killed", 0, 40) is not None
    assert len(programs.known) == before
