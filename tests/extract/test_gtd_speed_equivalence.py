"""The GTD target helpers made faster give what their plain forms gave: `role_of` reads the role after a name
without a regex compiled per name; `type_in` is the first of `typed_spans`, whose rules are searched only
where one of their anchors occurs (texts written for these tests)."""

import re

import pytest

from conflictlens.extract.gtd.kinds import type_in, typed_spans
from conflictlens.extract.gtd.phrase import THEIRS
from conflictlens.extract.gtd.targets import role_of
from conflictlens.extract.lexicon import gtd_cues


def _role_by_one_regex(text: str, name: str) -> str | None:
    parts = [re.escape(p) for p in name.split() if len(p) > 2]
    if not parts:
        return None
    m = re.search(rf"\b(?:{'|'.join(parts)})(?:['’]s {THEIRS})?,\s+(?:(?:a|an|the)\s+)?([^,.;]+)", text)
    return m.group(1) if m else None


ROLE_TEXTS = [
    ("Gunmen shot Haroon Zaki, the principal of a girls' school, near his home.", "Haroon Zaki"),
    ("A bomb hit the car of Zaki. Later Zaki's vehicle, the only one on the road, burned.", "Zaki"),
    ("Assailants killed Mr Rafiq Ahmadzai in Herat; Ahmadzai, a district council member, died.", "Rafiq Ahmadzai"),
    ("Police said Bibi Gul, 40, and Gul Ahmad, a shopkeeper, were wounded.", "Gul Ahmad"),
    ("Abdulrahmanzai, the elder, was unhurt while Rahman, a teacher, was shot.", "Rahman"),
    ("Unknown men attacked Ali Bo. Nobody was hurt.", "Ali Bo"),
    ("The house of Nadia Karim, a judge, was struck.", "(Nadia Karim"),
]


@pytest.mark.parametrize("text,name", ROLE_TEXTS)
def test_role_of_reads_what_one_regex_of_the_name_read(text: str, name: str) -> None:
    assert role_of(text, name) == _role_by_one_regex(text, name)


def _typed_by_every_rule(sentence: str) -> list[tuple[int, int, int, str]]:
    matches = [(m.start(), m.end(), order, name) for order, (name, pattern, _anchors)
               in enumerate(gtd_cues().target_rules) for m in pattern.finditer(sentence)]
    return [(s, e, o, n) for s, e, o, n in matches if not any(o2 < o and s2 <= s and e <= e2 for s2, e2, o2, _ in matches)]


PHRASES = ["a military informant near the police station", "the village mosque and a girls' school",
           "staff members of an aid organisation", "a bus carrying employees of the ministry",
           "two off-duty soldiers at a market", "the convoy of a provincial governor", "nothing typed here"]


@pytest.mark.parametrize("phrase", PHRASES)
def test_typed_spans_and_type_in_match_every_rule_searched(phrase: str) -> None:
    expected = _typed_by_every_rule(phrase)
    assert list(typed_spans(phrase)) == expected
    first = min(((s, o, n) for s, _e, o, n in expected), default=None)
    assert type_in(phrase) == (first[2] if first else None)
