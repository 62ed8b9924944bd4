"""The words around a name that say what kind of place it is: "Kunar province", "the state of Kaduna",
"Tunga and Kabaje villages", "Wase Local Government Area of Plateau" (used by `gazetteer.Gazetteer`)."""

from __future__ import annotations

import re

from conflictlens.geo.normalize import fold_token

# A word right after a name that says what kind of place it is.
_CUE_WORDS = {
    "district": "admin2", "districts": "admin2", "tehsil": "admin2", "agency": "admin2",
    "province": "admin1", "provinces": "admin1", "state": "admin1", "states": "admin1", "region": "admin1",
    "village": "place", "villages": "place", "towns": "place", "area": "place", "town": "place", "city": "place",
    "bazaar": "place", "neighbourhood": "place", "neighborhood": "place", "locality": "place",
}
CUES = {fold_token(word): kind for word, kind in _CUE_WORDS.items()}
# The cue words that say the kind before a name too ("the state of Kaduna"); not "area" ("the local
# government area of Katsina" names a district of the province), nor "city": "the city of Aden" is the city,
# but its name still says which province the report is about (`Gazetteer.best_location`).
CUES_BEFORE = frozenset(fold_token(w) for w in ("province", "state", "region", "district"))
REGION = fold_token("region")
# Plural cue words that say the kind of every name of a list before them ("Tunga and Kabaje villages").
PLURAL_CUES = frozenset(fold_token(w) for w in ("districts", "provinces", "states", "villages", "towns"))
# How many names such a list may hold.
LIST_NAMES = 5
# A division said of a province: "Wase Local Government Area of Plateau", "Maradun LGA of Zamfara" (a name
# before the division word; "the local government area of Katsina" names the division itself).
_DIVISION_OF = re.compile(r"[A-Z][\w'’-]*\s+(?:[Ll]ocal\s+[Gg]overnment(?:\s+[Aa]rea)?|LGA|L\.G\.A\.?)\s+of\s+(?:the\s+)?$")


def _next_word(text: str, tokens: list, j: int) -> str | None:
    if j >= len(tokens) or text[tokens[j - 1].end():tokens[j].start()].strip():
        return None
    return fold_token(tokens[j].group())


def cue_after(text: str, tokens: list, j: int) -> str | None:
    """The word after a name, or the plural cue word that closes a list of names it opens ("Tunga and
    Kabaje villages", "the Borno, Yobe and Adamawa states")."""
    cue = _next_word(text, tokens, j)
    if cue is None or cue in CUES:
        return cue
    k = j
    for _name in range(LIST_NAMES):
        if k < len(tokens) and tokens[k].group() == "and" and text[tokens[k - 1].end():tokens[k].start()] in (" ", ", "):
            k += 1
        elif k >= len(tokens) or text[tokens[k - 1].end():tokens[k].start()] != ", ":
            return cue
        if k >= len(tokens) or text[tokens[k - 1].end():tokens[k].start()] != " " and tokens[k - 1].group() == "and" \
                or not tokens[k].group()[0].isupper():
            return cue
        k += _name_words(text, tokens, k)
        word = _next_word(text, tokens, k)
        if word in PLURAL_CUES:
            return word
    return cue


def _name_words(text: str, tokens: list, k: int) -> int:
    """How many capitalised words from token k make one name ("Yar Katsina")."""
    n = 1
    while k + n < len(tokens) and text[tokens[k + n - 1].end():tokens[k + n].start()] in (" ", "-") \
            and tokens[k + n].group()[0].isupper():
        n += 1
    return n


def kind_before(text: str, tokens: list, i: int) -> str | None:
    """The kind of place a lowercase cue word and "of" say the name is ("the state of Kaduna"); a
    province, after a named division ("Wase Local Government Area of Plateau")."""
    if _DIVISION_OF.search(text, max(0, tokens[i].start() - 80), tokens[i].start()):
        return "admin1"
    if i < 2 or tokens[i - 1].group() != "of" or not tokens[i - 2].group().islower():
        return None
    if text[tokens[i - 2].end():tokens[i].start()] != f" {tokens[i - 1].group()} ":
        return None
    cue = fold_token(tokens[i - 2].group())
    return CUES[cue] if cue in CUES_BEFORE else None
