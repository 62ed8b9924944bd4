"""Incidents told in passing: "The attack came a day after gunmen killed five in X" tells an earlier act.

The cue lives in data/date_phrases.json (`came_after_cues`): a sentence whose subject is the incident told
("The quarry attack", "It", "Thursday's ambush") and that says it came after another act. The segmenter
makes that act an incident of its own while the report goes on with the one told, and dates it back from
the incident told by the span the cue names ("hours", "the day", "two days").
"""

from __future__ import annotations

import re
from functools import lru_cache

from conflictlens.extract.dates.tables import lookup, tables
from conflictlens.extract.patterns import compile_pattern
from conflictlens.model.vocab import with_speech_verbs

# "hours after" keeps the day; "the day after", "the night after" one day back
_SAME_DAY, _ONE_DAY = frozenset({"hour", "hours"}), frozenset({"day", "night", "morning"})
# a sentence that goes on with the act told in passing opens on a pronoun ("He was killed Saturday")
_PRONOUN_OPENING = compile_pattern(r"^(?:He|She|They)\b")
MAX_DAYS_BACK = 3  # news tells an act of the days before in passing; one of weeks before is background


@lru_cache(maxsize=1)
def _cue() -> re.Pattern[str]:
    return compile_pattern(with_speech_verbs(tables().lex["came_after_cues"]), re.IGNORECASE)


def came_after(sentence: str) -> tuple[bool, int | None]:
    """Whether the sentence tells an act the incident told came after, within `MAX_DAYS_BACK` days, and how
    many days before it that act was when the sentence says ("hours after": 0, "the day after": 1, "two days
    after": 2; "days after": None). An act weeks before ("came a week after a bombing in Kunduz") is
    background the report recalls, no incident of its news."""
    found = _cue().search(sentence)
    if found is None:
        return False, None
    back = _days_back(found.group("span"))
    return back is None or back <= MAX_DAYS_BACK, back


def act_starts(sentence: str) -> int:
    """Where the act told in passing begins in the sentence (after "came hours after"), else 0: the toll that
    follows is that act's, which the toll rules otherwise leave out as another act's (`earlier_act_link`)."""
    found = _cue().search(sentence)
    return found.end() if found is not None else 0


def _days_back(span: str | None) -> int | None:
    words = (span or "").lower().split()
    if not words or words == ["days"]:
        return None
    unit = words[-1]
    if unit in _SAME_DAY:
        return 0
    count = 1 if words[0] in ("the", "a", "an", "one") else _number(words[0]) if len(words) > 1 else None
    if unit in ("week", "weeks"):
        return 7 * (count or 2)
    return count if unit in _ONE_DAY or unit in ("day", "days") else None


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    try:
        return int(lookup("numbers", word))
    except (KeyError, ValueError, TypeError):
        return None


def goes_on_with_it(sentence: str) -> bool:
    """Whether a sentence right after an act told in passing goes on with it ("He was killed Saturday.")."""
    return _PRONOUN_OPENING.match(sentence) is not None
