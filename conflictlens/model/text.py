"""How names are compared: the one folding of text, shared by every stage.

Folding decomposes a text (NFKD: "é" -> "e" + accent, "ﬁ" -> "fi", "𝐀" -> "A"), drops the combining
marks (Latin accents, Arabic harakat) and casefolds ("ß" -> "ss"). Every stage's name key starts
here, and adds only what its names need: the actor registry unifies Arabic-script letters
(`actors.normalize`), the gazetteer unifies transliterations (`geo.normalize`), the resolver splits
words (`fold_words`), and dataset columns, country names and filter values keep letters and digits
(`ascii_key`). Spans are never taken from folded text: it may be longer or shorter than the original.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[^\W_]+")
_NOT_ASCII_ALNUM = re.compile(r"[^0-9a-z]+")


def strip_marks(text: str) -> str:
    """`text` decomposed (NFKD) and without combining marks; case is kept (acronyms need it)."""
    if text.isascii():  # NFKD leaves ASCII as it is; most text is ASCII
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def fold(text: str) -> str:
    """`text` without accents and in one case: how names are compared."""
    return strip_marks(text).casefold()


def fold_words(text: str) -> str:
    """The words of the folded `text` (letters and digits) separated by single spaces."""
    return " ".join(_WORD.findall(fold(text)))


def ascii_key(text: str) -> str:
    """Only the ASCII letters and digits of the folded `text`: "Côte d'Ivoire" -> "cotedivoire"."""
    return _NOT_ASCII_ALNUM.sub("", fold(text))
