"""The words around a name that say what kind of place it is: "Kunar province", "the state of Kaduna",
"Tunga and Kabaje villages", "Wase Local Government Area of Plateau" (used by `gazetteer.Gazetteer`);
the words themselves are listed in data/cue_words.json, one versioned file."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Mapping

from conflictlens.errors import ConflictLensError
from conflictlens.geo.normalize import fold_token

CUE_FILE = "cue_words.json"  # in the geo stage's data folder; its _comment says what each entry is
# How many names a list closed by a plural cue word may hold ("Tunga and Kabaje villages").
LIST_NAMES = 5


@dataclass(frozen=True)
class CueWords:
    """The cue words of data/cue_words.json, folded like gazetteer names."""

    after: Mapping[str, str]  # a word right after a name -> the kind of place it says
    before: frozenset[str]  # also say the kind before a name: "the state of Kaduna"
    plural: frozenset[str]  # say the kind of every name of a list before them
    also_district: frozenset[str]  # "the Lower Dir region": a district is a region too
    division_of: re.Pattern[str]  # "Wase Local Government Area of Plateau": a province follows
    name_articles: frozenset[str]  # "el-Fasher": a lowercase article that starts a name
    local_lead: re.Pattern[str]  # "in Patikul", "the town of Sumisip": a small town's name read as a place
    local_kinds: frozenset[str]  # "Banmauk Township", "Fortul municipality": a kind said after a small town's name


@lru_cache(maxsize=1)
def cue_words() -> CueWords:
    """The cue words, read once per process."""
    try:
        raw = json.loads((resources.files("conflictlens.geo") / "data" / CUE_FILE).read_text(encoding="utf-8"))
        folded = {key: frozenset(fold_token(w) for w in raw[key]) for key in ("before", "plural", "also_district")}
        return CueWords(after={fold_token(w): kind for w, kind in raw["after"].items()}, **folded,
                        division_of=_division_of(raw["division_of"]), name_articles=frozenset(raw["name_articles"]),
                        local_lead=_local_lead(raw["local_lead"], raw["local_kinds"]),
                        local_kinds=frozenset(fold_token(w) for w in raw["local_kinds"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ConflictLensError("CL-E960", f"cannot read the geo cue words ({exc}); fix the file or reinstall "
                                "conflictlens", CUE_FILE) from exc


def _division_of(phrases: list[str]) -> re.Pattern[str]:
    """A capitalised name, a division word and "of" (the text before a province). A lowercase phrase
    may be written with capitals ("Local Government Area"); one with capitals ("LGA") only as it is."""
    forms = []
    for phrase in sorted(phrases, key=len, reverse=True):
        words = [re.escape(w) if not phrase.islower() else f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}"
                 for w in phrase.split()]
        forms.append(r"\s+".join(words))
    return re.compile(rf"[A-Z][\w'’-]*\s+(?:{'|'.join(forms)})\s+of\s+(?:the\s+)?$")


def _local_lead(leads: list[str], kinds: list[str]) -> re.Pattern[str]:
    """Right before a name: a lead word, perhaps "the" and a kind said with "of" ("in the remote village
    of"); or "the", up to two words and a kind with "of" ("the Basilan town of"). Group `kind` holds the kind."""
    lead = "|".join(sorted(map(re.escape, leads), key=len, reverse=True))
    kind = "|".join(sorted(map(re.escape, kinds), key=len, reverse=True))
    def of_kind(group: str) -> str:
        return rf"(?:[\w-]+\s+){{0,2}}(?P<{group}>{kind})\s+of\s+(?:the\s+)?"
    return re.compile(rf"(?:\b(?:{lead})\s+(?:the\s+)?(?:{of_kind('kind1')})?|\bthe\s+{of_kind('kind2')})$", re.IGNORECASE)


def starts_a_name(text: str, tokens: list, i: int) -> bool:
    """A capitalised (or caseless, as Arabic script) word, or a lowercase article joined by a hyphen to
    a capitalised word ("el-Fasher", "al-Arish"): news copy writes the article lowercase. Not after a
    capitalised word: "Hayat Tahrir al-Sham", "Jaish al-Adl" name groups, not Damascus or a town."""
    word = tokens[i].group()
    if word[0].isupper() or (word[0].isalpha() and not word[0].islower()):
        return True
    if word not in cue_words().name_articles or i + 1 >= len(tokens) or not tokens[i + 1].group()[0].isupper():
        return False
    after_a_name = i > 0 and tokens[i - 1].group()[0].isupper() and text[tokens[i - 1].end():tokens[i].start()] == " "
    return text[tokens[i].end():tokens[i + 1].start()] == "-" and not after_a_name


def _next_word(text: str, tokens: list, j: int) -> str | None:
    if j >= len(tokens) or text[tokens[j - 1].end():tokens[j].start()].strip():
        return None
    return fold_token(tokens[j].group())


def cue_after(text: str, tokens: list, j: int) -> str | None:
    """The word after a name, or the plural cue word that closes a list of names it opens ("Tunga and
    Kabaje villages", "the Borno, Yobe and Adamawa states")."""
    cue = _next_word(text, tokens, j)
    if cue is None or cue in cue_words().after:
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
        if word in cue_words().plural:
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
    cues = cue_words()
    if cues.division_of.search(text, max(0, tokens[i].start() - 80), tokens[i].start()):
        return "admin1"
    if i < 2 or tokens[i - 1].group() != "of" or not tokens[i - 2].group().islower():
        return None
    if text[tokens[i - 2].end():tokens[i].start()] != f" {tokens[i - 1].group()} ":
        return None
    cue = fold_token(tokens[i - 2].group())
    return cues.after[cue] if cue in cues.before else None


@lru_cache(maxsize=1)
def load_attributive_words() -> frozenset[str]:
    """Folded words a country name qualifies rather than locates ("the U.S. embassy")."""
    text = (resources.files("conflictlens.geo") / "data" / "attributive_words.txt").read_text(encoding="utf-8")
    return frozenset(fold_token(ln.strip()) for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


@lru_cache(maxsize=1)
def load_allegiance_phrases() -> re.Pattern[str]:
    """Phrases after which a country name says whose side, not where ("forces loyal to the UAE")."""
    text = (resources.files("conflictlens.geo") / "data" / "allegiance_phrases.txt").read_text(encoding="utf-8")
    phrases = [re.escape(ln.strip()) for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return re.compile(rf"\b(?:{'|'.join(phrases)})\s+(?:the\s+)?$", re.IGNORECASE)
