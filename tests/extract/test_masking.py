"""Actor masking keeps each placeholder one token, whatever follows the name in the text."""

import re

from hypothesis import given
from hypothesis import strategies as st

from conflictlens.extract.attribution import subject_statements
from conflictlens.extract.masking import mask_actors
from conflictlens.model.protocols import ActorMention


def _mention(sentence: str, name: str, offset: int = 0) -> ActorMention:
    start = sentence.index(name) + offset
    return ActorMention(start, start + len(name), name, name.strip(), "organization", 0.8, "ner")


def test_a_name_read_with_its_line_break_does_not_join_the_digits_after_it():
    sentence = "Members Area Sign In\n14 killed as gunmen storm a market in the north"
    masked, kept = mask_actors(sentence, 0, [_mention(sentence, "Area Sign In\n")])
    assert len(kept) == 1
    assert re.findall(r"ACTOR\d+", masked) == ["ACTOR0"]
    assert "14 killed" in masked


def test_subject_statements_survive_a_name_followed_by_a_toll():
    # before the fix the placeholder read "ACTOR014" and looking up actor 14 raised IndexError
    sentence = "Members Area Sign In\n14 killed as gunmen storm a market in the north"
    statements = subject_statements(sentence, (0, len(sentence)), [_mention(sentence, "Area Sign In\n")], None)
    assert all(s.actor == "Area Sign In" for s in statements)


@given(st.integers(min_value=0, max_value=999), st.sampled_from(["\n", " ", ""]))
def test_every_placeholder_names_a_kept_mention(number, gap):
    sentence = f"The Northern Front{gap}{number} fighters attacked the post"
    masked, kept = mask_actors(sentence, 0, [_mention(sentence, "Northern Front" + gap)])
    assert all(int(i) < len(kept) for i in re.findall(r"ACTOR(\d+)", masked))
