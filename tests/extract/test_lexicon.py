"""Cue patterns compiled on first use (extract/lexicon.py: LazyPattern, word_regex).

A cold `conflictlens extract` of one short report needs a third of the cue patterns; the rest are
compiled only when a report first searches them. These tests check that a lazy pattern answers as
the compiled pattern would, and that loading the lexicons compiles nothing the report does not use.
"""

import re

from hypothesis import given, strategies as st

from conflictlens.extract.lexicon import FLAGS, LazyPattern, event_cues, word_regex

PATTERNS = [r"(?P<n>\d+) (?:killed|wounded)", r"suicide (?:bomber|attack)s?", r"\b[A-Z]{2,}\b", r"(a)|(b)"]


@given(st.sampled_from(PATTERNS), st.text(alphabet="ab 0123456789 killed wounded SUICIDE bomber attacks", max_size=60))
def test_a_lazy_pattern_answers_as_the_compiled_pattern(pattern, text):
    lazy, compiled = LazyPattern(pattern, FLAGS), re.compile(pattern, FLAGS)
    assert _spans(lazy.search(text)) == _spans(compiled.search(text))
    assert _spans(lazy.match(text)) == _spans(compiled.match(text))
    assert _spans(lazy.fullmatch(text)) == _spans(compiled.fullmatch(text))
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.findall(text) == compiled.findall(text)
    assert lazy.sub("_", text) == compiled.sub("_", text)
    assert lazy.split(text) == compiled.split(text)
    assert lazy.search(text, 3, 20) is None or lazy.search(text, 3, 20).span() == compiled.search(text, 3, 20).span()
    assert dict(lazy.groupindex) == dict(compiled.groupindex)


def _spans(match):
    return None if match is None else (match.span(), match.groups())


def test_a_pattern_is_compiled_when_first_searched_and_then_kept():
    cue = word_regex("car bombs?")
    assert cue._compiled is None and cue.pattern == r"(?<![\w-])(?:car bombs?)(?![\w])" and cue.flags == FLAGS
    assert cue.search("A car bomb went off.").group() == "car bomb"
    first = cue._compiled
    assert first is not None and cue.search("two car bombs").group() == "car bombs" and cue._compiled is first


def test_a_bad_pattern_names_its_fault_when_first_used():
    broken = LazyPattern("(unbalanced")
    try:
        broken.search("text")
    except re.error as exc:
        assert "missing )" in str(exc)
    else:
        raise AssertionError("an unbalanced pattern must not compile")


def test_loading_the_event_cues_compiles_no_cue():
    """The lexicon is read whole, its cues' anchors included, but a cue waits for its first search
    (a fresh reading: the process-wide one may have been searched by other tests)."""
    cues = event_cues.__wrapped__()
    every = [cue.pattern for entries in cues.sub_event_cues.values() for cue in entries]
    assert len(every) > 100
    assert all(isinstance(p, LazyPattern) and p._compiled is None for p in every)
    assert all(cue.anchors is None or cue.anchors for entries in cues.sub_event_cues.values() for cue in entries)
