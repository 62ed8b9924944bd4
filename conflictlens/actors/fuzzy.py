"""Approximate matching of whole names (typos, unusual transliterations) with rapidfuzz.

Used only by `resolve`, never by `find_actors`: running text is matched exactly, because a fuzzy scan
of every sentence would be slow and would turn ordinary words into actors.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from conflictlens.actors.normalize import acronym_key, key_text, name_key
from conflictlens.actors.schema import ActorEntry

# Why these numbers: transliteration variants of one name score 90+ ("Tehrik" / "Tehreek" forms), while
# different organisations with shared words ("Jamaat-e-Islami" / "Jamaat-ud-Dawa", "Tehreek-e-Insaf" /
# "Tehreek-e-Taliban") score below 86. Short names need a stricter cut: one letter is a larger share.
MIN_LENGTH = 5
CUTOFF_SHORT = 90.0  # names under 12 characters
CUTOFF_LONG = 86.0
AMBIGUITY_MARGIN = 2.0  # two different actors this close: refuse to guess
ACRONYM_MIN_LENGTH = 4  # "BLA" vs "BRA" are both real: no fuzzy acronyms under 4 letters
ACRONYM_SCORE = 0.8
# Suggestions only advise a reviewer, so the cut is looser than for resolution. Token-sort similarity,
# because a partial-match scorer rates any name containing "Taliban" as close to "Taliban".
SUGGEST_CUTOFF = 60.0
# A name is a variant spelling only word by word: each word one name has and the other lacks must be
# near one of the other's words ("Tehrik" / "Tehreek" 77), not another word ("Communist Party of Chile"
# scores 86 against "Communist Party of Thailand", but "Chile" / "Thailand" scores 46). Short words
# ("of", "in", "al", "e") may come and go.
WORD_CUTOFF = 60.0
SHORT_WORD = 3
# Answers one matcher keeps: the tagger's names recur from report to report (677 unknown names in
# 1,200 GTD summaries, 416 distinct), and each answer scans every name the registry knows. A bound, so
# that a long batch holds no more than this.
REMEMBERED = 4_096


@dataclass(frozen=True)
class FuzzyHit:
    canonical: str
    score: float  # 0..1


class FuzzyMatcher:
    def __init__(self, entries: Iterable[ActorEntry]) -> None:
        choices: dict[str, str] = {}
        acronyms: dict[str, str] = {}
        for e in entries:
            if e.generic:
                continue  # a typo of "gunmen" is not worth resolving to an unknown actor
            for name in (e.name, *e.aliases, *e.weak_aliases):
                choices.setdefault(key_text(name_key(name)), e.name)
            for acr in e.acronyms:
                key = acronym_key(acr)
                if len(key) == 1 and len(key[0]) >= ACRONYM_MIN_LENGTH:
                    acronyms.setdefault(key[0], e.name)
        self._texts = list(choices)
        self._owners = [choices[t] for t in self._texts]
        self._acronyms = acronyms
        self._answers: dict[str, FuzzyHit | None] = {}  # name -> best(name): a pure function of the name

    def best(self, name: str) -> FuzzyHit | None:
        answers = self._answers
        if name in answers:
            return answers[name]
        hit = self._best_name(name)
        hit = hit if hit is not None else self._best_acronym(name)
        if len(answers) >= REMEMBERED:
            answers.clear()  # whole, never in part: what is kept is always a true answer
        answers[name] = hit
        return hit

    def suggest(self, name: str, limit: int = 3) -> list[FuzzyHit]:
        """The actors a reviewer might mean by an unknown name, best first ("Tehrik-e-Taliban Swat" -> TTP)."""
        query = key_text(name_key(name))
        if len(query) < MIN_LENGTH:
            return []
        found = process.extract(query, self._texts, scorer=fuzz.token_sort_ratio, score_cutoff=SUGGEST_CUTOFF,
                                limit=limit * 8)
        best: dict[str, float] = {}
        for _, score, i in found:
            best.setdefault(self._owners[i], round(score / 100.0, 3))
        return [FuzzyHit(c, s) for c, s in list(best.items())[:limit]]

    def _best_name(self, name: str) -> FuzzyHit | None:
        query = key_text(name_key(name))
        if len(query) < MIN_LENGTH:
            return None
        cutoff = CUTOFF_SHORT if len(query) < 12 else CUTOFF_LONG
        found = process.extract(query, self._texts, scorer=fuzz.ratio, score_cutoff=cutoff - AMBIGUITY_MARGIN, limit=8)
        if not found or found[0][1] < cutoff:
            return None
        found = [f for f in found if _same_words(query, f[0])]
        if not found or found[0][1] < cutoff:
            return None
        top_owner = self._owners[found[0][2]]
        rivals = [s for _, s, i in found[1:] if self._owners[i] != top_owner]
        if rivals and found[0][1] - rivals[0] < AMBIGUITY_MARGIN:
            return None
        return FuzzyHit(top_owner, round(found[0][1] / 100.0, 3))

    def _best_acronym(self, name: str) -> FuzzyHit | None:
        """One transposed, dropped or wrong letter in an acronym of 4+ capitals ("IKSP" -> "ISKP")."""
        key = acronym_key(name)
        if len(key) != 1 or len(key[0]) < ACRONYM_MIN_LENGTH or not key[0].isupper():
            return None
        near = {owner for acr, owner in self._acronyms.items()
                if abs(len(acr) - len(key[0])) <= 1 and OSA.distance(acr, key[0]) <= 1}
        return FuzzyHit(near.pop(), ACRONYM_SCORE) if len(near) == 1 else None


def _same_words(query: str, text: str) -> bool:
    """Whether every word one name has and the other lacks is a near spelling of one of the other's words."""
    ours, theirs = query.split(), text.split()
    return all(max((fuzz.ratio(w, o) for o in others), default=0.0) >= WORD_CUTOFF
               for words, others in ((ours, theirs), (theirs, ours)) for w in set(words) - set(others)
               if len(w) > SHORT_WORD)
