"""Sentences that say who did an incident told elsewhere, and which incident they speak of.

"Nobody claimed the attack on the maternity ward. US officials blamed ISKP for the assault on the
hospital. The Islamic State claimed the funeral bombing." In a report of several incidents each of
these belongs to the incident it names, not to the last one told. Cues are data
(`data/reference_cues.json`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from conflictlens.extract.lexicon import load_json
from conflictlens.extract.patterns import compile_pattern, word_regex

_WORD = compile_pattern(r"[^\W\d_]{4,}")


@dataclass(frozen=True)
class ReferenceCues:
    referring: re.Pattern[str]
    stance: re.Pattern[str]
    casualty: re.Pattern[str]
    generic: frozenset[str]
    act_reference: re.Pattern[str]
    act_stance: re.Pattern[str]
    several: re.Pattern[str]


@lru_cache(maxsize=1)
def reference_cues() -> ReferenceCues:
    raw = load_json("reference_cues.json")
    return ReferenceCues(compile_pattern(raw["referring_phrase"], re.I), word_regex(raw["stance"]),
                         word_regex(raw["casualty"]), frozenset(w.lower() for w in raw["generic_words"]),
                         compile_pattern(raw["act_reference"], re.I), word_regex(raw["act_stance"]),
                         compile_pattern(raw["several_phrase"], re.I))


def says_who(sentence: str) -> bool:
    """A statement of who did it that adds no victims ("US officials blamed X for the attack")."""
    cues = reference_cues()
    return bool(cues.stance.search(sentence)) and not cues.casualty.search(sentence)


def names_several(sentence: str) -> bool:
    """Whether a sentence speaks of several incidents at once ("ISWAP claimed both attacks")."""
    return bool(reference_cues().several.search(sentence))


def speaks_of_act(sentence: str) -> bool:
    """A sentence that names an act already told and says who did it ("This crime, committed by the
    ELN in broad daylight, ..."; "Police hold the ELN responsible for the bombing"), wherever it stands."""
    cues = reference_cues()
    return bool(cues.act_reference.search(sentence)) and bool(cues.act_stance.search(sentence))


def telling_words(sentence: str) -> frozenset[str]:
    """The words that can tell one incident from another ("university", "funeral", "Paghman")."""
    generic = reference_cues().generic
    return frozenset(w for w in (m.group().lower() for m in _WORD.finditer(sentence)) if w not in generic)


def named_words(sentence: str) -> frozenset[str]:
    """The telling words of the phrases that name an incident ("the attack on the maternity ward")."""
    found = [m.group("kind", "what") for m in reference_cues().referring.finditer(sentence)]
    return telling_words(" ".join(p for pair in found for p in pair if p))


def best_match(words: frozenset[str], candidates: list[frozenset[str]]) -> int | None:
    """The index of the candidate sharing most words with `words`; None when none or several tie."""
    shared = [len(words & c) for c in candidates]
    top = max(shared, default=0)
    return shared.index(top) if top and shared.count(top) == 1 else None
