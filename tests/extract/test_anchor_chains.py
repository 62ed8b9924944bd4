"""Anchor chains (extract/patterns.py): the literals every match of a pattern holds, in order. A
pattern is searched only where the chain is found, so a chain that misses a match would change what is
extracted: these tests check on texts written for them (and random word strings) that a search never
finds a match where the chain says none can be, and that the chains skip the searches they are for."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from conflictlens.extract import patterns
from conflictlens.extract.attribution import _compiled, mask_actors
from conflictlens.extract.gtd import kinds, targets
from conflictlens.extract.lexicon import gtd_cues
from conflictlens.model.protocols import ActorMention

# Sentences as statements_in_sentence sees them: names masked as ACTOR<i>.
MASKED = [
    "ACTOR0 claimed responsibility for the attack in a statement on Telegram.",
    "No group claimed the attack, but police blamed ACTOR0 for it.",
    "The radical Islamist sect ACTOR0 has claimed the bombing of the market.",
    "A spokesman for ACTOR0 said its fighters had carried out the raid.",
    "ACTOR0's spokesman said the group had attacked the convoy.",
    "Officials said ACTOR0 killed the two teachers on Monday.",
    "The army accused ACTOR0 of the ambush, which ACTOR1 denied.",
    "The attack bore the hallmarks of ACTOR0, analysts said.",
    "Security sources pinned the blast on ACTOR0 militants.",
    "Police said the gunmen were members of ACTOR0.",
    "ACTOR0 fighters attacked a checkpoint and killed three soldiers.",
    "The convoy was ambushed by suspected ACTOR0 rebels near the border.",
    "ACTOR0 troops arrested four men after the blast.",
    "Suspicion fell on ACTOR0, which has carried out similar attacks.",
    "ACTOR0 denied any involvement in the killing.",
]
WORDS = ["ACTOR0", "ACTOR1", "claimed", "responsibility", "for", "the", "attack", "said", "its", "fighters",
         "had", "carried", "out", "blamed", "on", "pinned", "by", "suspected", "of", "militants", "group",
         "killed", "attacked", "spokesman", "'s", ",", "accused", "denied", "hallmarks", "which", "arrested"]


def _cues():
    cc = _compiled()
    return [(p, chain) for _stance, p, chain in cc.stances] + [cc.subject, *cc.agents, cc.arrest_subject]


def _never_misses(text: str) -> None:
    lowered = text.lower()
    for pattern, chain in _cues():
        if pattern.search(text):
            assert patterns.may_match_in_order(chain, lowered), (pattern.pattern[:80], text)


def test_a_chain_is_found_wherever_its_cue_matches_written_sentences():
    for text in MASKED:
        _never_misses(text)
    matched = sum(1 for text in MASKED for p, _c in _cues() if p.search(text))
    assert matched >= 10  # the sentences do exercise the cues


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=2, max_size=14))
def test_a_chain_is_found_wherever_its_cue_matches_random_words(words):
    _never_misses(" ".join(words).replace(" 's", "'s").replace(" ,", ","))


def test_a_chain_skips_a_cue_whose_parts_are_out_of_order():
    """"ACTOR0 ... claimed the attack" is a cue; a sentence with "claimed" before the name is not searched
    for it, nor for a cue that wants a verb of saying the sentence lacks."""
    chain = patterns.anchor_chain_of(r"(?P<actor>ACTOR\d+) (?:has |had )?claimed (?:the )?(?:attacks?|bombings?)")
    assert chain == (("actor",), ("claimed ",), ("attack", "bombing"))
    assert not patterns.may_match_in_order(chain, "no group claimed the attack, but police blamed actor0.")
    assert patterns.may_match_in_order(chain, "actor0 has claimed the attack.")
    skipped = [p for p, chain in _cues()
               if not patterns.may_match_in_order(chain, MASKED[1].lower())]
    assert len(skipped) > len(_cues()) // 2


def test_look_arounds_join_literals_and_an_alternation_gives_each_branch_best():
    assert patterns._anchor_chain(r"claimed\b responsibility", re.I) == (("claimed responsibility",),)
    assert patterns._anchors(r"(?<![\w-])(?:(?:afghan )?soldiers?|ana)(?![\w])") == ("soldier", "ana")
    assert patterns._anchors(r"(?<!latest in )a (?:string|series) of", re.I) == ("a string", "a series")
    assert patterns._anchors(r"(?:\d+|a few)\?", re.I) is None  # a branch without a literal: no anchor


def test_a_chain_is_cached_with_the_programs():
    programs = patterns.CompiledPrograms("k", {})
    chain = (("actor",), (" said", " says"), (" that",))  # a group's starts, then a new run after it
    assert programs.chain(r"ACTOR\d+ (?:said|says) that", re.I) == chain
    assert programs.known[(r"ACTOR\d+ (?:said|says) that", re.I, "chain")] == chain


def test_masking_then_statements_are_those_of_a_full_search():
    sentence = "Police blamed the Pakistani Taliban for the bombing."
    start = sentence.index("Pakistani")
    mention = ActorMention(text="Pakistani Taliban", canonical="Tehrik-i-Taliban Pakistan", start=start,
                           end=start + len("Pakistani Taliban"), actor_type="Rebel group", score=1.0, method="exact")
    masked, _kept = mask_actors(sentence, 0, [mention])
    assert "ACTOR0" in masked
    _never_misses(masked)


TARGET_TEXTS = [
    "Gunmen attacked a school in Kunduz, killing a teacher.",
    "A bomb exploded near a police checkpoint and two policemen were killed.",
    "Militants blew up a power pylon outside the city.",
    "The assailants stormed the embassy compound.",
    "An Afghan soldier and two civilians were wounded.",
    "Assailants shot dead a shopkeeper at his shop in the bazaar.",
]


def test_target_types_with_anchors_are_those_of_a_full_search():
    rules = gtd_cues().target_rules
    for text in TARGET_TEXTS:
        first = [(m.start(), order, name) for order, (name, p, _a) in enumerate(rules) if (m := p.search(text))]
        assert targets.type_in(text) == (min(first)[2] if first else None)
        found = [(m.start(), m.end(), order, name) for order, (name, p, _a) in enumerate(rules) for m in p.finditer(text)]
        expected = [(s, o, n) for s, e, o, n in found if not any(o2 < o and s2 <= s and e <= e2 for s2, e2, o2, _ in found)]
        assert kinds.typed_words(text) == expected
    assert sum(anchors is not None for _n, _p, anchors in rules) >= 15
    assert len(kinds.typed_words(TARGET_TEXTS[0])) >= 2
