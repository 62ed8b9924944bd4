"""Name and text keys for comparing events: folded names, consonant skeletons, content words.

Transliterated place names vary in vowels, doubled letters and "h" (Makin/Makeen, Ipi/Eppi,
Pakhtunkhwa/Pakhtunkwa, Baloch/Baluch). Comparing consonant skeletons absorbs those variants
without a list of spellings; the resolver treats an equal skeleton as "similar", not as proof.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from conflictlens.model.text import fold_words

_VOWELS = frozenset("aeiouy")
# Letters that transliterations swap freely: q/k, c/k, w/v, z/s are not swapped (they separate names).
_CONSONANT_CLASS = str.maketrans({"q": "k", "c": "k", "w": "v", "j": "g"})
_STOPWORDS = frozenset(
    "a an and are as at be been by for from had has have he her his in into is it its of on or "
    "said says that the their there they this to was were which who with after before over under "
    "while when where than then also other others another some least more most about according "
    "reported report reports told near not no yet".split()
)
# Tolls are written both ways ("five killed", "5 killed"): words become digits.
_NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}


@lru_cache(maxsize=100_000)
def fold(text: str) -> str:
    """`model.text.fold_words`, cached: names repeat (running text goes to `fold_words` itself)."""
    return fold_words(text)


@lru_cache(maxsize=100_000)
def name_key(name: str, generic_words: frozenset[str]) -> str:
    """A place or division name without generic words ("Sibi district" -> "sibi")."""
    words = [w for w in fold(name).split() if w not in generic_words]
    return " ".join(words)


@lru_cache(maxsize=100_000)
def skeleton(key: str) -> str:
    """Consonant skeleton of a name key: vowels and "h" dropped, repeats squeezed, spaces ignored.

    The first letter is kept (a leading vowel becomes "a") so that "Ipi" and "Eppi" meet but a
    name never collapses to nothing.
    """
    letters = key.replace(" ", "").replace("-", "")
    if not letters:
        return ""
    first = "a" if letters[0] in _VOWELS else letters[0]
    rest = [ch for ch in letters[1:].translate(_CONSONANT_CLASS) if ch not in _VOWELS and ch != "h"]
    out = [first.translate(_CONSONANT_CLASS)]
    for ch in rest:
        if ch != out[-1]:
            out.append(ch)
    return "".join(out)


def content_words(texts: Iterable[str], limit: int, common: frozenset[str] = frozenset()) -> frozenset[str]:
    """The distinct content words of `texts`, at most `limit`, stemmed.

    Stopwords, one-letter words and `common` words are dropped. Numbers are kept ("16 killed" and
    "sixteen dead" share "16").
    """
    seen: dict[str, None] = {}
    for text in texts:
        for word in fold_words(text).split():
            word = _NUMBER_WORDS.get(word, word)
            if (len(word) > 1 or word.isdigit()) and word not in _STOPWORDS and word not in common:
                seen.setdefault(_stem(word), None)
                if len(seen) >= limit:
                    return frozenset(seen)
    return frozenset(seen)


@lru_cache(maxsize=100_000)
def _stem(word: str) -> str:
    """A light plural/tense fold so that "bombs"/"bomb", "killed"/"kills" meet."""
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def similar_skeletons(a: str, b: str) -> bool:
    """Equal skeletons, or one edit apart when both are long enough for one edit to be noise."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1:
        return False
    return _one_edit(a, b)


def _one_edit(a: str, b: str) -> bool:
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:]
    return a[i:] == b[i + 1:]
