"""The rewritten programs of cue patterns (extract/fast_program.py): they find exactly what `re.compile`
finds (texts and patterns written for this test, with the characters that match another ignoring case),
and the rewrites happen: literals matched ignoring case become classes, branches are grouped by their
first character, and the info block names where a match can open."""

import re
from re import _constants as C
from re import _parser as P

from hypothesis import given, settings, strategies as st

from conflictlens.extract import fast_program, patterns

EVERY_CHARACTER = "".join(map(chr, range(0x110000)))
# Written for this test: IGNORECASE and not, groups, back-references, look-arounds, scoped flags,
# classes with and without cased letters, branches sharing first letters, empty alternatives.
WRITTEN = [
    (r"(?<![\w-])(?:suicide bomb(?:er|ing)s?|car bombs?|soldiers?|army|sk|k)(?![\w])", re.I),
    (r"(?<!latest in )(?<!amid )(?:a (?:string|series|spate) of|killed in|kills?)", re.I),
    (r"\b(?:the|this|that|these|this one|)\s+(?P<what>attacks?|[A-Z]\w+)", re.I),
    (r"(?P<w>k\w)\s+(?P=w)", re.I),
    (r"(?i:kabul|kill)ed|(?-i:KILLED)|ſhot|İs|\u212a", re.I),
    (r"[a-z]+ (?:ia|ib|i)(?=s)|[^ks]+", re.I),
    (r"(?:threaten|plan|pledge|plot|p)(?:s|ed)?|(?:\d+|a few) (?:km|miles)", 0),
    (r"(?<![\w-])(?:(?:first|second) )?(?:kill|kidnap|k)(?:ed|ing)?|(?i:Kabul)", 0),
    (r"^(?:two|three) (?:separate )?attacks|(?:attack|att)(?:s)?$", re.I | re.M),
]
ALPHABET = "aAbBkKsSiIıİſ\u212a lmno tTheEprdgRX-_\n'0123,"


def rebuilt(pattern: str, flags: int) -> re.Pattern:
    return patterns._from_program(pattern, patterns._program(pattern, flags))


def answers(compiled: re.Pattern, text: str) -> list:
    found = [(m.span(), m.groups(), m.lastindex) for m in compiled.finditer(text)]
    bounded = [compiled.search(text, start, len(text) - 1) for start in range(len(text))]
    matched = [compiled.match(text, start) for start in range(len(text))]
    return [found, *[None if m is None else (m.span(), m.groups()) for m in bounded + matched],
            compiled.sub("_", text), compiled.split(text)]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(WRITTEN), st.text(alphabet=ALPHABET, max_size=40))
def test_a_rewritten_program_finds_what_re_compile_finds(written, text):
    pattern, flags = written
    assert answers(rebuilt(pattern, flags), text) == answers(re.compile(pattern, flags), text)


def test_the_written_patterns_answer_alike_on_written_sentences():
    sentences = ["The KILLED soldier; Kabul kidnappers killed two. ſhot İs \u212aILLED kk KK",
                 "threatens to plot, pledged 12 km and a few miles. the Attack, this one attacks",
                 "two separate attacks\natt\nA series of kills amid a spate of bombings"]
    for pattern, flags in WRITTEN:
        for sentence in sentences:
            assert answers(rebuilt(pattern, flags), sentence) == answers(re.compile(pattern, flags), sentence)


def test_a_literal_ignoring_case_matches_what_the_engine_matches():
    for letter in "kKsSiIaz":
        engine = {m.start() for m in re.finditer(re.escape(letter), EVERY_CHARACTER, re.I)}
        assert set(fast_program.matched_by(ord(letter))) == engine
    assert set(fast_program.matched_by(ord("k"))) == {ord("k"), ord("K"), 0x212A}


def test_ignoring_case_is_compiled_away_but_what_it_changes_is_kept():
    parsed = fast_program.optimised(P.parse(r"(?:kill|shot)(?P<x>[A-Z])\1", re.I), re.I)
    assert not parsed.state.flags & re.IGNORECASE
    branch, group, backref = list(parsed)
    kill, shot = (list(a) for a in branch[1][1])
    # each alternative opens on the class of what its first letter matches, so the engine can skip it
    assert kill[0] == (C.IN, [(C.LITERAL, c) for c in (ord("K"), ord("k"), 0x212A)])
    assert shot[0] == (C.IN, [(C.LITERAL, c) for c in (ord("S"), ord("s"), 0x17F)])
    # the other letters keep IGNORECASE, each in a group of its own (a class of "i" would be large)
    assert all(op is C.SUBPATTERN and av[1] == re.IGNORECASE for op, av in kill[1:])
    assert group[0] is C.SUBPATTERN and group[1][0] == 1  # the named group, still group 1
    (inner_op, inner), = list(group[1][3])
    assert inner_op is C.SUBPATTERN and inner[1] == re.IGNORECASE  # its cased class keeps IGNORECASE
    assert backref[0] is C.SUBPATTERN and backref[1][1] == re.IGNORECASE  # so does the back-reference


def test_a_branch_is_grouped_by_first_character_in_order():
    parsed = fast_program.optimised(P.parse("threaten|plan|pledge|promise|vow", 0), 0)
    (op, (_none, alternatives)), = list(parsed)
    assert op is C.BRANCH and len(alternatives) == 3  # threaten | p(?:lan|l...|romise) | vow
    p_group = list(alternatives[1])
    assert p_group[0] == (C.LITERAL, ord("p")) and p_group[1][0] is C.BRANCH
    # alternatives that may open on the same character are left as they are
    untouched = fast_program.optimised(P.parse(r"plan|\w+|pledge", 0), 0)
    assert len(list(untouched)[0][1][1]) == 3


def test_the_characters_a_match_opens_on():
    def first(pattern: str, flags: int = 0):
        parsed = fast_program.optimised(P.parse(pattern, flags), flags)
        return fast_program.first_characters(list(parsed), parsed.state.flags)

    assert first(r"(?<![\w-])(?:soldiers?|army)(?![\w])") == frozenset(map(ord, "sa"))
    assert first(r"\b(?:(?:the )?police|army)") == frozenset(map(ord, "tpa"))
    assert first(r"(?:a )?kill", re.I) == frozenset(map(ord, "aAkK\u212a"))
    assert first(r"\w+ killed") is None  # a category: not a small known set
    assert first(r"(?:attack)?") is None  # can match empty


def test_a_cue_opening_on_a_look_behind_names_its_first_characters_to_the_search():
    pattern = r"(?<![\w-])(?:soldiers?|army|troops)(?![\w])"
    code = patterns._program(pattern, re.I)[1]
    assert code[0] == C.INFO and code[2] == C.SRE_INFO_CHARSET
    assert re.compile(pattern, re.I).pattern == rebuilt(pattern, re.I).pattern
    text = "Troops and an ARMY of soldiers, not paramilitary soldiery"
    assert answers(rebuilt(pattern, re.I), text) == answers(re.compile(pattern, re.I), text)


def test_alternatives_opening_on_groups_are_put_behind_a_look_ahead_in_place():
    pattern = r"(?:threat|plan)s to|(?:vow|pledge)d to|\w+ will|(?:attack|raid) on|(?:attack|bomb)ed"
    (op, (_none, alternatives)), = list(fast_program.optimised(P.parse(pattern, 0), 0))
    assert op is C.BRANCH and len(alternatives) == 3  # [two behind a look-ahead], \w+ will, [two behind one]
    guard, group = list(alternatives[0])
    assert guard[0] is C.ASSERT and guard[1][0] == 1  # a look-ahead for the characters they open on
    assert {c for _literal, c in list(guard[1][1])[0][1]} == set(map(ord, "tpv"))
    assert group[0] is C.SUBPATTERN and list(alternatives[1])[0][0] is C.MAX_REPEAT  # the \w+ one keeps its place
    text = "they vowed to attack on Monday and bombed it; plans to raid on; Xs will attacked"
    assert answers(rebuilt(pattern, 0), text) == answers(re.compile(pattern, 0), text)
