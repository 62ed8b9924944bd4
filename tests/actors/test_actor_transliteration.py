"""Transliterations of an Arabic name folded (actors/normalize.py `fold_token`, `folded_keys`): the
spellings of JNIM's full name that news uses, found whatever the vowels, endings and articles."""

from __future__ import annotations

import itertools

import pytest

from conflictlens.actors import ActorRegistry
from conflictlens.actors.normalize import fold_token, folded_keys

JNIM = "Jamaat Nusrat al-Islam wal Muslimin (JNIM)"
FIRST = ["Jama'at", "Jamaat", "Jama'a", "Jama'ah", "Jamaah", "Jamat"]
SECOND = ["Nusrat", "Nusrah", "Nasr", "Nosrat"]
MIDDLE = [" al-Islam", " ul-Islam", " el-Islam", " al Islam"]
CONNECT = [" wal-", " wa al-", " wa'l-", " wa-l-", " wal "]
LAST = ["Muslimin", "Muslimeen"]


@pytest.fixture(scope="module")
def reg() -> ActorRegistry:
    return ActorRegistry.load()


def test_every_spelling_of_jnim_s_full_name_is_found(reg):
    missed = []
    for parts in itertools.product(FIRST, SECOND, MIDDLE, CONNECT, LAST):
        name = "{} {}{}{}{}".format(*parts)
        found = reg.find_actors(f"Fighters of {name} attacked the town.", "ML", "2024-06-01")
        if not any(m.canonical == JNIM and m.text.startswith(name) for m in found):
            missed.append(name)
    assert missed == []


def test_a_fused_article_is_the_article():
    assert ("jama", "nusratul", "islam", "wal", "muslimin") in folded_keys("Jama'at Nusrat al-Islam wal-Muslimin")
    assert ("jama", "nusra", "al", "islam", "wa", "al", "muslimin") in folded_keys("Jamaat Nusrat ul-Islam wal Muslimeen")


def test_the_fold_keeps_short_words_and_other_scripts():
    assert fold_token("jamaat") == fold_token("jamaah") == fold_token("jamaa") == "jama"
    assert fold_token("muslimeen") == "muslimin" and fold_token("ul") == "al"
    assert fold_token("at") == "at" and fold_token("that") == "tha"  # only words of four letters or more
    assert fold_token("الإسلام") == "الإسلام"


def test_a_spelling_two_actors_share_names_neither(reg):
    # Pakistan's "Ansar ul-Islam" and Iraq's "Ansar al-Islam" fold alike: a third spelling is neither.
    found = reg.find_actors("Ansar el-Islam fighters attacked the town.", None, "2024-06-01")
    assert [m.canonical for m in found if m.method == "spelling"] == []
    # An exact spelling still names its own actor.
    found = reg.find_actors("Ansar ul-Islam fighters attacked the town.", None, "2024-06-01")
    assert found[0].canonical == "Ansar-ul-Islam (Pakistan)" and found[0].method == "alias"


def test_a_folded_spelling_is_not_an_exact_name_for_edits(reg):
    m = reg.resolve("Jama'ah Nusrah al-Islam wa-l-Muslimeen")
    assert (m.canonical, m.method) == (JNIM, "spelling") and m.score < 1.0
