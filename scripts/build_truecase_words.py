"""Build the truecasing table `conflictlens/extract/data/truecase_words.tsv.gz` (run at build time only).

ALL-CAPS wire text is truecased before the NLP (`extract/wire/truecase.py`); the table says, for the
commonest English words, whether a word is written in lower case ("l") or capitalised ("t", a name
such as Ricardo or Lima). Frequencies come from `wordfreq` (which folds case), casing from the
`english-words` Webster's list (`web2`, which writes proper nouns capitalised). Neither package is
needed at run time:

    pip install wordfreq english-words
    python scripts/build_truecase_words.py

Rules: the words of `truecase_lower_extra.txt` are lower; a word the Webster's list has only in lower case is lower; only capitalised, a name; in both
forms ("may", "china"), lower (the commoner reading in news). Inflected forms the list lacks
("guerrillas", "kidnapped") take the casing of their stem. Words it lacks entirely are left out: at run
time an unknown word is read as a name.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

from english_words import get_english_words_set
from wordfreq import top_n_list

OUT = Path(__file__).resolve().parents[1] / "conflictlens" / "extract" / "data" / "truecase_words.tsv.gz"
TOP_WORDS = 60_000
_WORD = re.compile(r"^[a-z]+$")
# Inflection endings tried, longest first, with what the stem may have lost ("kidnapped" -> "kidnap").
_ENDINGS = ("ing", "ed", "es", "s", "ies", "ied", "er", "ers", "est", "ly", "'s")
# British spellings the (American) Webster's list writes otherwise ("organisation", "colour").
_BRITISH = (("isation", "ization"), ("ise", "ize"), ("ised", "ized"), ("our", "or"), ("tre", "ter"))
EXTRA = Path(__file__).resolve().with_name("truecase_lower_extra.txt")


def _stems(word: str) -> list[str]:
    stems = [word.replace(b, a) for b, a in _BRITISH if b in word]
    for ending in sorted(_ENDINGS, key=len, reverse=True):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: -len(ending)]
            stems += [stem, stem + "e", stem + "y"]
            if len(stem) > 3 and stem[-1] == stem[-2]:
                stems.append(stem[:-1])
    return stems


def _names(extra: str) -> list[str]:
    """Words of the extra list's "# names:" lines, capitalised in wire text (months: "19 MARCH")."""
    return [w for line in extra.splitlines() if line.startswith("# names:") for w in line[8:].split()]


def casing(word: str, lower: set[str], capital: set[str]) -> str | None:
    """'l' (lower case), 't' (a name) or None (unknown to the list)."""
    forms = [word] + _stems(word)
    if word in lower or (word.capitalize() not in capital and any(f in lower for f in forms[1:])):
        return "l"
    if any(f.capitalize() in capital for f in forms):
        return "t"
    return None


def build() -> dict[str, str]:
    web2 = get_english_words_set(["web2"], lower=False)
    lower = {w for w in web2 if w.islower()}
    capital = {w for w in web2 if w[:1].isupper()}
    extra = {w for line in EXTRA.read_text("utf-8").splitlines() if not line.startswith("#") for w in line.split()}
    table: dict[str, str] = {w.replace("'", ""): "l" for w in extra}
    table.update({w: "t" for w in _names(EXTRA.read_text("utf-8"))})
    for word in top_n_list("en", TOP_WORDS):
        # One-letter words other than "a" and "I" are initials (U.S.): left to the acronym rule.
        if _WORD.match(word) and word not in table and (len(word) > 1 or word in "ai"):
            found = casing(word, lower, capital)
            if found:
                table[word] = found
    return table


def main() -> None:
    table = build()
    lines = ["# word<TAB>l (lower case) or t (a name); built by scripts/build_truecase_words.py from wordfreq and web2"]
    lines += [f"{w}\t{c}" for w, c in sorted(table.items())]
    OUT.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), mtime=0))
    counts = {c: sum(1 for v in table.values() if v == c) for c in "lt"}
    print(f"{OUT.name}: {len(table)} words ({counts['l']} lower, {counts['t']} names)")


if __name__ == "__main__":
    main()
