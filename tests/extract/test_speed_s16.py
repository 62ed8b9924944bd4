"""Session 16's speed work (branch hspeed5): each shortcut must answer as the full search does. The
literals a text holds found in one pass (`AnchorFinder`), a cue not searched in an ASCII text without
its anchors (`may_occur`), the fuzzy matcher's remembered answers, the date-stamp line's quick test and
the distance cue's look-ahead. Texts written for these tests."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from conflictlens.actors import fuzzy
from conflictlens.actors.registry import ActorRegistry
from conflictlens.extract.anchor_finder import AnchorFinder
from conflictlens.extract.attribution import _compiled, own_channel_spans, statements_in_sentence
from conflictlens.extract.dates import mentions
from conflictlens.extract.lexicon import event_cues
from conflictlens.extract.patterns import LazyPattern, anchors_of, may_occur
from conflictlens.extract.typing import classify
from conflictlens.extract.typing.territory import _capture_mentions

TEXTS = [
    "Gunmen killed three soldiers at a checkpoint in Ghazni province on Monday; the Taliban claimed it.",
    "The army retook the town of Bama from the insurgents after heavy fighting, officials said.",
    "A suicide bomber blew himself up near a mosque, killing 12 worshippers and wounding 30 others.",
    "Islamic State said through its Amaq news agency that its fighters had attacked the convoy.",
    "Protesters marched peacefully to the governor's office and demanded the release of a journalist.",
    "Rebels seized control of the district headquarters; Ṭhe résumé of the attack is unclear.",
    "There were 12 fatalities and 30 injuries in the blast, which no group has claimed.",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="abc ", min_size=1, max_size=4), max_size=12), st.text(alphabet="abc ", max_size=40))
def test_anchor_finder_finds_what_in_finds(literals, text):
    assert AnchorFinder(literals).present(text) == {lit for lit in literals if lit and lit in text}


def test_anchor_finder_on_the_typing_anchors():
    cues = event_cues()
    known = {a for entries in cues.sub_event_cues.values() for cue in entries for a in cue.anchors or ()}
    for text in TEXTS:
        lowered = text.lower()
        assert classify._cue_anchors().present(lowered) == {a for a in known if a in lowered}
    assert AnchorFinder(()).present("anything") == set()


def test_may_occur_is_false_only_where_no_match_can_be():
    pattern = LazyPattern(r"(?<![\w-])(?:retook|recaptured)(?![\w])", re.IGNORECASE)
    assert anchors_of(pattern.pattern, pattern.flags)
    assert not may_occur(pattern, "Gunmen killed three soldiers.")
    assert may_occur(pattern, "The army RETOOK the town.") and pattern.search("The army RETOOK the town.")
    # ignoring case, "ſ" matches "s" though its lower case is not "s": text that is not ASCII is searched
    long_s = LazyPattern(r"suicide", re.IGNORECASE)
    assert long_s.search("a ſuicide bomber") and may_occur(long_s, "a ſuicide bomber")
    assert may_occur(LazyPattern(r"\w+ed"), "no anchor in the pattern, so it is always searched")


def test_guarded_searches_answer_as_the_full_searches():
    cues = event_cues()
    own = _compiled().own_channel
    for text in TEXTS:
        assert own_channel_spans(text) == [m.span() for m in own.finditer(text)]
        full = sorted([(m.start(), m.end(), kind) for pattern, kind in ((cues.territory.capture, "active"),
                       (cues.territory.capture_lite, "lite"), (cues.territory.passive, "passive"))
                       for m in pattern.finditer(text)])
        expected = []  # overlapping matches are one capture, as `_capture_mentions` keeps them
        for mention in full:
            if not expected or mention[0] >= expected[-1][1]:
                expected.append(mention)
        assert _capture_mentions(text, cues.territory) == expected
    assert own_channel_spans(TEXTS[3]) and _capture_mentions(TEXTS[1], cues.territory)


def test_stances_found_with_their_literals_looked_for_first():
    sentence = "ACTOR0 claimed responsibility for the attack, police said."
    actors = ActorRegistry.load().find_actors("The Taliban claimed responsibility for the attack, police said.")
    found = statements_in_sentence("The Taliban claimed responsibility for the attack, police said.", (0, 63), actors)
    assert [(s.actor, s.stance) for s in found] == [("Taliban", "claimed")]
    assert _compiled().stance_literals.present(sentence.lower())


def test_fuzzy_answers_are_remembered_and_true(monkeypatch):
    entries = list(ActorRegistry.load()._entries.values())
    matcher, fresh = fuzzy.FuzzyMatcher(entries), fuzzy.FuzzyMatcher(entries)
    names = ["Tehreek-e-Taliban Pakistaan", "Herat", "IKSP"]
    answers = [fresh.best(name) for name in names]
    assert answers[0] is not None and [matcher.best(name) for name in names] == answers
    calls = []
    monkeypatch.setattr(fuzzy.FuzzyMatcher, "_best_name", lambda self, n: calls.append(n))
    assert [matcher.best(name) for name in names] == answers
    assert calls == []  # answered from memory, no scan of the registry's names
    monkeypatch.setattr(fuzzy, "REMEMBERED", 0)
    matcher.best("Another Unknown Name")
    assert len(matcher._answers) == 1  # bounded: emptied whole before a new answer is kept


def test_stamp_line_tells_a_stamp_from_a_story_and_a_byline():
    # hspeed5's quick reject (ten lower-case letters in a row) was dropped at the merge: hnewsfound5's
    # byline names beside a stamp ("Our Correspondents March 05, 2025") hold such runs.
    byline = "Our Correspondents March 05, 2025\nGunmen killed three soldiers on Monday."
    dated = [mentions.resolve_mention(m, None, None) for m in mentions.find_date_mentions(byline)]
    assert any(d is not None and mentions._stamp_line(byline, d) for d in dated)
    stamp = "Published: 20 July 2021 | 04:54 PM\nGunmen killed three soldiers on Monday."
    story = "Gunmen killed three soldiers in an ambush on 20 July 2021, responsibility unclaimed."
    dated = [mentions.resolve_mention(m, None, None) for m in mentions.find_date_mentions(stamp)]
    assert any(d is not None and mentions._stamp_line(stamp, d) for d in dated)
    dated = [mentions.resolve_mention(m, None, None) for m in mentions.find_date_mentions(story)]
    assert not any(d is not None and mentions._stamp_line(story, d) for d in dated)


def test_distance_cue_look_ahead_changes_no_answer():
    ahead = event_cues().distance_reference
    plain = re.compile(ahead.pattern.replace("(?-i:(?=[A-Z]))", ""), re.IGNORECASE)
    assert plain.pattern != ahead.pattern
    windows = ["was killed 15 km north of ", "the attack at Pissele, near ", "on Monday, near ", "in March, near ",
               "at pissele, near ", "160 miles from the capital, ", "in the village, close to the town of "]
    for window in windows:
        assert (ahead.search(window) is None) == (plain.search(window) is None), window
    assert ahead.search("the attack at Pissele, near ") and not ahead.search("on Monday, near ")
