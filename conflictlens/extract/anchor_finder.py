"""Which literals of a set a lower-cased text holds, found in one pass: the anchors (`anchors_of`) of a
lexicon's cues, each of which says that a cue may match."""

from __future__ import annotations

import re
from typing import Iterable

from conflictlens.extract.patterns import compile_pattern


class AnchorFinder:
    """The literals of a set that occur in a lower-cased text, from one regex pass instead of one `in`
    test per literal: the 261 typing cues have 836 distinct anchors, and testing each cue's in turn was
    a third of the typing's own time.

    A look-ahead at every position names the longest literal that starts there (the alternatives are
    grouped by their first character and tried longest first). Any other literal that starts there is a
    prefix of that one, so the literals the text holds are the prefixes (in the set) of those found."""

    __slots__ = ("_finder", "_prefixes")

    def __init__(self, literals: Iterable[str]) -> None:
        known = {literal for literal in literals if literal}
        longest_first = sorted(known, key=lambda literal: (-len(literal), literal))
        by_first: dict[str, list[str]] = {}
        for literal in longest_first:
            by_first.setdefault(literal[0], []).append(re.escape(literal[1:]))
        branches = "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in by_first.items())
        self._finder = compile_pattern(f"(?=({branches}))") if known else None
        self._prefixes = {literal: frozenset(literal[:n] for n in range(1, len(literal) + 1) if literal[:n] in known)
                          for literal in known}

    def present(self, lowered: str) -> set[str]:
        """The literals `lowered` holds."""
        found: set[str] = set()
        if self._finder is not None:
            for m in self._finder.finditer(lowered):
                found |= self._prefixes[m.group(1)]
        return found
