"""Truecasing ALL-CAPS text (wire copy, shouted headlines) before the NLP.

spaCy's NER and our own capitalisation cues are blind on text written all in capitals. A paragraph
that is mostly upper case is rewritten letter by letter in its likely case, never changing its length,
so every character offset (evidence spans) still points into the original text. A word's case comes,
in order, from the names found in the text (registry actors keep their written form, so FMLN stays
upper and Shining Path is capitalised; gazetteer places take their entry's case), then from the
bundled word table (`data/truecase_words.tsv.gz`, built by `scripts/build_truecase_words.py`), and
an unknown word is read as a name (capitalised), or as an acronym when it is short.
"""

from __future__ import annotations

import gzip
import re
import string
from functools import lru_cache
from importlib import resources
from typing import Iterable

from conflictlens.extract.patterns import compile_pattern
from conflictlens.extract.lexicon import load_json
from conflictlens.model.text import strip_marks

# A paragraph is shouted when at least this share of its letters are capitals (and it has enough
# letters for the share to mean something: "KABUL, Nov 2 (Reuters) -" is not a shouted paragraph).
UPPER_SHARE = 0.8
MIN_LETTERS = 20
_ASCII_UPPER = string.ascii_uppercase.encode("ascii")  # what `isupper` and `isalpha` accept in ASCII
_ASCII_LETTERS = string.ascii_letters.encode("ascii")
# An unknown word this short is read as an acronym (ELN, FPL, MRTA), a longer one as a name.
ACRONYM_MAX = 3
_ROMAN = compile_pattern(r"^[IVXLC]+$")
_PARAGRAPH = compile_pattern(r"\n[ \t]*\n")
# A word with its clitic ("COUNTRY'S", "DIDN'T"): looked up whole, then without the clitic.
_WORD = compile_pattern(r"[A-Za-z]+(?:'[A-Za-z]{1,2}\b)?")
# Words kept in lower case inside a place name ("San Luis de la Reina"), unless they open it.
_NAME_PARTICLES = frozenset({"de", "del", "la", "las", "los", "el", "y", "of", "the", "da", "do", "dos", "e"})


@lru_cache(maxsize=1)
def _dated_month() -> re.Pattern[str]:
    """A month name next to a day number ("5 MAY", "MAY 5"): a month, whatever the table says of "may"."""
    months = sorted((m for m in load_json("date_phrases.json")["months"] if not m.startswith("_")), key=len,
                    reverse=True)
    names = "|".join(re.escape(m) for m in months)
    return compile_pattern(rf"(?<=\d )(?:{names})\b|\b(?:{names})(?= \d)", re.I)


@lru_cache(maxsize=1)
def word_table() -> dict[str, str]:
    """Word (lower case) -> 'l' (written in lower case) or 't' (a name, capitalised)."""
    raw = resources.files("conflictlens.extract").joinpath("data/truecase_words.tsv.gz").read_bytes()
    lines = gzip.decompress(raw).decode("utf-8").splitlines()
    return dict(line.split("\t", 1) for line in lines if line and not line.startswith("#"))


def is_shouted(text: str) -> bool:
    if text.isascii():  # counted in C: every report is tested, and most are ASCII and not shouted
        raw = text.encode("ascii")
        letters = len(raw) - len(raw.translate(None, _ASCII_LETTERS))
        upper = len(raw) - len(raw.translate(None, _ASCII_UPPER))
        return letters >= MIN_LETTERS and upper >= UPPER_SHARE * letters
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= MIN_LETTERS and sum(c.isupper() for c in letters) >= UPPER_SHARE * len(letters)


def shouted_spans(text: str) -> list[tuple[int, int]]:
    """The paragraphs of `text` written mostly in capitals."""
    spans, start = [], 0
    for m in _PARAGRAPH.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if is_shouted(text[a:b])]


def is_common_word(word: str) -> bool:
    """A word the table writes in lower case: an acronym spelled like it ("IS", "ARENA") is no name in
    shouted text, where every word is in capitals."""
    return word_table().get(word.lower()) == "l"


def needs_truecasing(text: str) -> bool:
    return bool(shouted_spans(text))


def truecase(text: str, names: Iterable[tuple[int, int, str | None]] = ()) -> str:
    """`text` with its shouted paragraphs in their likely case; same length, same characters but for case.

    `names` are (start, end, written form) of names found in the text: an actor's canonical name or a
    place's gazetteer name (None: capitalise each word)."""
    spans = shouted_spans(text)
    if not spans:
        return text
    chars = list(text)
    for lo, hi in spans:
        _case_words(text, lo, hi, chars)
    for start, end, form in names:
        if any(lo <= start and end <= hi for lo, hi in spans):
            _case_name(text, start, end, form, chars)
    for lo, hi in spans:
        _capitalise_sentences(chars, lo, hi)
    return "".join(chars)


def _case_words(text: str, lo: int, hi: int, chars: list[str]) -> None:
    table = word_table()
    for m in _WORD.finditer(text, lo, hi):
        word = m.group(0)
        if not word.isupper():
            continue  # written in mixed case already: the writer chose it
        cased = _word_case(word, table)
        chars[m.start(): m.end()] = cased
    for m in _dated_month().finditer(text, lo, hi):
        chars[m.start()] = chars[m.start()].upper()


def _word_case(word: str, table: dict[str, str]) -> str:
    base, clitic = word.split("'", 1) if "'" in word else (word, None)
    if clitic is not None:
        whole = table.get((base + clitic).lower())
        if whole == "l":
            return word.lower()
        return f"{_word_case(base, table)}'{clitic.lower()}"
    lower = word.lower()
    kind = table.get(lower)
    if kind == "l":
        return "I" if lower == "i" else lower
    if kind == "t":
        return word.capitalize()
    # Unknown: a single letter (U.S., B-52), a short rare word or a Roman numeral ("XXII front") is an
    # acronym; anything else a name.
    return word if len(word) <= ACRONYM_MAX or _ROMAN.match(word) else word.capitalize()


def _case_name(text: str, start: int, end: int, form: str | None, chars: list[str]) -> None:
    """Case the words of one name: as in `form` when it spells the word, else capitalised."""
    # Accents dropped (Usulután -> Usulutan), so a gazetteer name spells the written word.
    spellings = {w.lower(): w for w in _WORD.findall(strip_marks(form or ""))}
    table = word_table()
    for i, m in enumerate(_WORD.finditer(text, start, end)):
        word = m.group(0)
        key = word.lower()
        if key in spellings and len(spellings[key]) == len(word):
            cased = spellings[key]
        elif i and (key in _NAME_PARTICLES or (form is not None and table.get(key) == "l")):
            cased = key  # "San Luis de la Reina"; a word the name's own form lacks: "ELN guerrillas"
        else:
            cased = word.capitalize()
        chars[m.start(): m.end()] = cased


def _capitalise_sentences(chars: list[str], lo: int, hi: int) -> None:
    """The first letter of each sentence (and of the paragraph) in capitals."""
    opening = True
    for i in range(lo, hi):
        c = chars[i]
        if c.isalpha():
            if opening:
                chars[i] = c.upper()
            opening = False
        elif c in ".!?":
            # "U.S. troops": a period after a lone letter marks an initial, not a sentence end.
            initial = c == "." and i > lo and chars[i - 1].isalpha() and (i - 1 == lo or not chars[i - 2].isalpha())
            opening = not initial and (i + 1 >= hi or chars[i + 1].isspace() or chars[i + 1] in "\"'”’)")
