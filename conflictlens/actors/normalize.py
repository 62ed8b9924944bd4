"""Tokens and lookup keys for actor names.

Text and registry names go through the same normalisation, so that a dictionary lookup of token
n-grams replaces per-actor regexes: lowercase, diacritics stripped, hyphens and punctuation as token
breaks, apostrophes dropped inside words ("Da'esh" = "Daesh"), a possessive "'s" ignored, and Arabic-script
letter variants (Arabic vs Persian/Urdu yeh, kaf, heh) unified.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from conflictlens.model.text import fold, strip_marks

# Combining marks (Latin diacritics, Arabic harakat) and zero-width joiners belong to the word they sit in.
# One character class keeps the regex fast; "_" counts as a word character (it does not occur in news text).
_WORD = "\\w\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u200c\u200d"
_APOS = "'\u2019\u2018`\u02bc"
TOKEN_RE = re.compile(rf"[{_WORD}]+(?:[{_APOS}][{_WORD}]+)*")

# Arabic-script spelling variants that mean the same letter across Arabic, Dari, Pashto and Urdu.
_LETTERS = str.maketrans({
    "\u064a": "\u06cc", "\u0649": "\u06cc", "\u06d2": "\u06cc", "\u0626": "\u06cc",  # yeh forms
    "\u0643": "\u06a9",  # Arabic kaf -> keheh
    "\u0629": "\u0647", "\u06c1": "\u0647", "\u06be": "\u0647", "\u06c0": "\u0647",  # teh marbuta, heh forms
    "\u0640": None, "\u200c": None, "\u200d": None,  # tatweel, zero-width (non-)joiner
    "'": None, "\u2019": None, "\u2018": None, "`": None, "\u02bc": None,
})

LEADING_ARTICLES = frozenset({"the"})

# The Arabic article as transliterations write it on its own ("Nusrat ul-Islam", "wa-l-Muslimin").
_ARABIC_ARTICLES = frozenset({"al", "ul", "el", "il", "l"})
_DOUBLED_VOWEL = re.compile(r"aa|ee|ii|oo|uu")
_ONE_VOWEL = {"aa": "a", "ee": "i", "ii": "i", "oo": "u", "uu": "u"}
_MAX_KEYS = 32  # spellings indexed per name: 2 articles and a conjunction make at most 27


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """Word tokens of `text` as (start, end, surface); a possessive "'s" is left out of the token."""
    out = []
    for m in TOKEN_RE.finditer(text):
        tok = m.group()
        if len(tok) > 2 and tok[-1] in "sS" and tok[-2] in _APOS:
            out.append((m.start(), m.end() - 2, tok[:-2]))
        else:
            out.append((m.start(), m.end(), tok))
    return out


def token_texts(text: str) -> tuple[list[str], list[str]]:
    """The tokens of `text` without positions, as matched and as looked up (possessive "'s" removed).

    The fast first pass of a scan; `token_starts` adds positions only when something was found.
    """
    matched = TOKEN_RE.findall(text)
    return matched, [t[:-2] if len(t) > 2 and t[-1] in "sS" and t[-2] in _APOS else t for t in matched]


def token_starts(text: str, matched: list[str], upto: int) -> list[int]:
    """Start offsets of the first `upto` tokens. Between tokens there are no word characters, so the
    next occurrence of a token's text after the previous token is that token."""
    starts, pos = [], 0
    for tok in matched[:upto]:
        pos = text.find(tok, pos)
        starts.append(pos)
        pos += len(tok)
    return starts


@lru_cache(maxsize=200_000)
def norm_token(tok: str) -> str:
    """The case-insensitive form of one token."""
    if tok.isascii():
        return tok.lower().replace("'", "").replace("`", "")
    return unicodedata.normalize("NFC", fold(tok)).translate(_LETTERS)


@lru_cache(maxsize=200_000)
def fold_token(tok: str) -> str:
    """A Latin token as transliterations of one Arabic word meet: "jamaat", "jamaah" and "jamaa" ->
    "jama"; "muslimeen" -> "muslimin". Short words keep their ending ("at" is not "a")."""
    if tok in _ARABIC_ARTICLES:
        return "al"
    if not tok.isascii():
        return tok
    tok = _DOUBLED_VOWEL.sub(lambda m: _ONE_VOWEL[m.group()], tok)
    if len(tok) >= 4 and tok[-2:] in ("ah", "at"):
        return tok[:-1]
    return tok


@lru_cache(maxsize=200_000)
def raw_token(tok: str) -> str:
    """The case-sensitive form of one token (for acronyms): only apostrophes and diacritics removed."""
    if tok.isascii():
        return tok.replace("'", "").replace("`", "")
    return unicodedata.normalize("NFC", strip_marks(tok)).translate(_LETTERS)


@lru_cache(maxsize=50_000)
def name_key(name: str) -> tuple[str, ...]:
    """Case-insensitive lookup key of a name: its normalised tokens without a leading article."""
    toks = [norm_token(t) for _, _, t in tokenize(name)]
    if len(toks) > 1 and toks[0] in LEADING_ARTICLES:
        toks = toks[1:]
    return tuple(toks)


def folded_keys(name: str) -> tuple[tuple[str, ...], ...]:
    """The folded keys of a name: of its tokens (`fold_token`), and of the same name with its article
    written as another number of words ("wal" / "wa al", "Nusratul Islam" / "Nusrat ul-Islam")."""
    spellings = {name_key(name)}
    for _ in range(3):  # each pass rewrites one more article; names hold at most three
        spellings |= {v for s in spellings for v in _article_spellings(s)}
        if len(spellings) >= _MAX_KEYS:
            break
    return tuple(sorted({tuple(map(fold_token, s)) for s in spellings})[:_MAX_KEYS])


def _article_spellings(toks: tuple[str, ...]) -> list[tuple[str, ...]]:
    """`toks` with one article written as another number of words."""
    out = []
    for i, tok in enumerate(toks):
        before, after = toks[:i], toks[i + 1:]
        if tok == "wal" and after:
            out.append((*before, "wa", "al", *after))  # "wal-Muslimin" -> "wa al-Muslimin"
        elif tok == "wa" and after[:1] and after[0] in _ARABIC_ARTICLES:
            out.append((*before, "wal", *after[1:]))  # and back
        elif tok in _ARABIC_ARTICLES and before and after and before[-1] not in ("wa", "wal"):
            out.append((*before[:-1], before[-1] + "ul", *after))  # "Nusrat ul-Islam" -> "Nusratul Islam"
        elif len(tok) > 4 and tok.endswith("ul") and after:
            out.append((*before, tok[:-2], "al", *after))  # and back
    return out


def acronym_key(name: str) -> tuple[str, ...]:
    """Case-sensitive lookup key of an acronym ("IS-K" -> ("IS", "K"))."""
    return tuple(raw_token(t) for _, _, t in tokenize(name))


def key_text(key: tuple[str, ...]) -> str:
    """A key as one string, for fuzzy comparison."""
    return " ".join(key)
