"""Name normalisation shared by the gazetteer builder and the text scanner.

Transliterations of Dari, Pashto and Urdu names vary in predictable ways: connectors written
"-e-", "-i-", " e " or glued onto the word ("Sari Pul", "Sar-e Pol"), o/u and doubled letters,
hyphens, apostrophes and diacritics. Both sides (gazetteer names and text n-grams) are folded by
the same functions so that one key covers the variants without listing each one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from conflictlens.model.text import fold

# Words: letters/digits, allowing inner apostrophes ("Qal'eh", "Kabul's").
TOKEN_RE = re.compile(r"[^\W_]+(?:['’ʼ`][^\W_]+)*")
_APOSTROPHES = re.compile(r"['’ʼ`]")
POSSESSIVE_RE = re.compile(r"['’ʼ`]s$", re.IGNORECASE)
_REPEATS = re.compile(r"(.)\1+")
# Latin letters Unicode gives no base letter to, as English writes them: Turkish and Azerbaijani
# dotless i ("Aydın", written "Aydin"), Polish l, Nordic o, South Slavic d.
_BARE_LETTERS = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d"})
# The most words one name may have, and what may sit between them: only whitespace, hyphens, apostrophes and dots.
MAX_WORDS = 5
_JOIN_GAP = re.compile(r"[ \t\-‐–'’.]{1,3}")
# Izafe connectors written as separate words: "Dasht-e-Barchi", "Mazar i Sharif".
CONNECTORS = frozenset({"e", "i", "ye", "yi", "y"})


@lru_cache(maxsize=200_000)
def fold_token(token: str) -> str:
    """Fold one word: strip a possessive, diacritics and apostrophes; unify o/u, ee/i; squeeze repeats."""
    token = POSSESSIVE_RE.sub("", token)
    plain = _APOSTROPHES.sub("", fold(token)).translate(_BARE_LETTERS)
    if plain.isdigit():
        return plain.lstrip("0") or "0"
    plain = plain.replace("o", "u").replace("ee", "i")
    return _REPEATS.sub(r"\1", plain)


@lru_cache(maxsize=200_000)
def spelling_key(token: str) -> str:
    """One word as spelt: only case, diacritics and apostrophes set aside ("Sanaa" is not "Sana")."""
    return _APOSTROPHES.sub("", fold(POSSESSIVE_RE.sub("", token)))


@lru_cache(maxsize=200_000)
def stem_token(folded: str) -> str:
    """Drop a glued izafe vowel from a non-final word: "sari" -> "sar", "puli" -> "pul"."""
    if len(folded) >= 4 and folded[-1] in "ie" and not folded.isdigit():
        return folded[:-1]
    return folded


def key_from_folded(folded: list[str]) -> str:
    """The lookup key of a sequence of folded words (connectors dropped, non-final words stemmed)."""
    words = [w for i, w in enumerate(folded) if i == 0 or w not in CONNECTORS]
    if not words:
        return ""
    return " ".join([stem_token(w) for w in words[:-1]] + [words[-1]])


def name_key(name: str) -> str:
    """The lookup key of a gazetteer name."""
    return key_from_folded([fold_token(t) for t in TOKEN_RE.findall(name)])



def name_span(text: str, tokens: list, i: int) -> int:
    """How many words from token i can belong to one name (stop at commas, full stops + space...)."""
    n = 1
    while n < MAX_WORDS and i + n < len(tokens):
        gap = text[tokens[i + n - 1].end():tokens[i + n].start()]
        if not _JOIN_GAP.fullmatch(gap) or gap.endswith(". "):
            break
        n += 1
    return n
