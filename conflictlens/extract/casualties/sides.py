"""Whose dead a report counts as the victims when fighters die on both sides.

In a clash or a strike the fighters killed are usually the targets (`tolls.STRIKES_ON_FIGHTERS`), but a
report that tells one side's dead as martyrs ('four soldiers were martyred and 13 terrorists were
killed') counts that side as the victims and the other side's fighters as the assailants.
"""

from __future__ import annotations

import re
from functools import lru_cache

from conflictlens.extract.casualties.rules import casualty_rules
from conflictlens.extract.casualties.wording import alternation, words
from conflictlens.extract.patterns import compile_pattern


@lru_cache(maxsize=1)
def _martyrdom() -> re.Pattern[str]:
    return compile_pattern(words(alternation(casualty_rules().lex["martyrdom_words"])), re.IGNORECASE)


def martyrs_told(text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether the incident's sentences tell a side's dead as martyrs ('were martyred', 'embraced martyrdom')."""
    pattern = _martyrdom()
    return any(pattern.search(text, a, b) is not None for a, b in spans)
