"""Lexicon phrases as regex text: alternations, whole words and plurals (shared by the casualty
pattern modules)."""

from __future__ import annotations

import re


def alternation(phrases) -> str:
    """Regex alternation of lower-case phrases, longest first, with flexible whitespace. Phrases of one
    length are in alphabetical order, not a set's: the same pattern in every process, so its compiled
    program is found in the start-up cache (either order matches the same text)."""
    items = sorted({p.lower() for p in phrases}, key=_longest_first)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in items)


def _longest_first(text: str) -> tuple[int, str]:
    return -len(text), text


def words(pattern: str) -> str:
    return rf"(?<![\w-])(?:{pattern})(?![\w-])"


def plural(noun: str, irregular: dict[str, str]) -> str:
    *lead, last = noun.split(" ")
    if last in irregular:
        return " ".join([*lead, irregular[last]])
    if last.endswith("y") and last[-2:-1] not in tuple("aeiou"):
        last = last[:-1] + "ies"
    elif last.endswith(("s", "sh", "ch", "x")):
        last += "es"
    else:
        last += "s"
    return " ".join([*lead, last])
