"""Source grading, NATO/Admiralty system: source reliability A-F and information credibility 1-6.

Reliability belongs to a source (an outlet, a person, an office, the group itself) and comes from
user overrides first, then from the bundled default rules (data/source_grades.yaml).
Credibility belongs to one statement and comes from the other statements about the same event:
corroborated by independent sources gives 1 or 2, contradicted gives 4 or 5 (docs/attribution.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Mapping, Sequence


from conflictlens.analysis.data_files import load_data_file
from conflictlens.errors import ConflictLensError
from conflictlens.model.records import Attribution

RELIABILITY = ("A", "B", "C", "D", "E", "F")
RELIABILITY_LABELS = {
    "A": "completely reliable", "B": "usually reliable", "C": "fairly reliable",
    "D": "not usually reliable", "E": "unreliable", "F": "reliability cannot be judged",
}
CREDIBILITY_LABELS = {
    1: "confirmed by other sources", 2: "probably true", 3: "possibly true",
    4: "doubtful", 5: "improbable", 6: "truth cannot be judged",
}
POSITIVE = ("claimed", "attributed", "suspected")
# Stances that name the one actor who did it, so they contradict every other actor's candidacy.
EXCLUSIVE = ("claimed", "attributed")
SELF_STANCES = ("claimed", "denied")
GROUP_ITSELF = "the group itself"
USER_GRADE = "set by user"  # the basis of a reliability a user set for this source


@dataclass(frozen=True)
class SourceRule:
    label: str
    grade: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class SourceGrades:
    """Reliability of sources: user overrides (normalised name -> grade), then rules, then default."""

    rules: tuple[SourceRule, ...]
    default: str
    group_itself: str
    overrides: Mapping[str, str] = field(default_factory=dict)

    def with_overrides(self, overrides: Mapping[str, str]) -> SourceGrades:
        checked = {normalise_source(k): check_reliability(v, k) for k, v in overrides.items()}
        return SourceGrades(self.rules, self.default, self.group_itself, checked)

    def reliability(self, statement: Attribution) -> tuple[str, str]:
        """(grade, basis) for whoever made the statement; basis says which rule or override gave it."""
        speaker = speaker_of(statement)
        override = self.overrides.get(normalise_source(speaker))
        if override:
            return override, USER_GRADE
        if speaker_is_group(statement):
            return self.group_itself, GROUP_ITSELF
        return self.grade_of(speaker)

    def grade_of(self, source: str | None) -> tuple[str, str]:
        name = normalise_source(source)
        if name in self.overrides:
            return self.overrides[name], USER_GRADE
        for rule in self.rules:
            if rule.pattern.search(name):
                return rule.grade, rule.label
        return self.default, "default"


@lru_cache(maxsize=4096)  # exports grade every statement of every event; sources repeat
def normalise_source(name: str | None) -> str:
    """Case, spacing and a leading article do not make a different source."""
    text = re.sub(r"\s+", " ", (name or "").strip().lower())
    return re.sub(r"^(?:the|a|an) ", "", text)


def speaker_is_group(statement: Attribution) -> bool:
    """A claim or denial with no other speaker named is the group speaking for itself."""
    return statement.stance in SELF_STANCES and normalise_source(statement.by) in ("", normalise_source(GROUP_ITSELF))


def speaker_of(statement: Attribution) -> str:
    """Who made the statement: the actor itself for its own claims and denials."""
    if speaker_is_group(statement):
        return statement.actor or GROUP_ITSELF
    return statement.by or ""


def source_key(statement: Attribution) -> str:
    """Statements with the same key come from one source and never corroborate each other."""
    if speaker_is_group(statement):
        return "self:" + normalise_source(statement.actor)
    return "by:" + normalise_source(statement.by)


def check_reliability(grade: object, subject: str) -> str:
    text = str(grade).strip().upper() if grade is not None else ""
    if text not in RELIABILITY:
        raise ConflictLensError(
            "CL-E720", f"{grade!r} is not a source reliability grade; use one of A B C D E F "
            "(A completely reliable ... E unreliable, F cannot be judged)", subject)
    return text


@lru_cache(maxsize=4)
def load_source_grades(path: str | None = None) -> SourceGrades:
    """The default grades: the bundled file, or `path` (same format)."""
    return load_data_file("source_grades.yaml", path, _parse_grades, "CL-E722", "source grades")


def _parse_grades(raw: Any, where: str) -> SourceGrades:
    rules = tuple(
        SourceRule(str(r["label"]), check_reliability(r["grade"], f"{where}: {r['label']}"),
                   re.compile(str(r["pattern"]), re.IGNORECASE))
        for r in raw["rules"]
    )
    return SourceGrades(rules, check_reliability(raw["default"], where), check_reliability(raw["group_itself"], where))


# -- credibility -------------------------------------------------------------------------------


def credibility(statement: Attribution, others: Sequence[Attribution]) -> int:
    """NATO/Admiralty information credibility of `statement`, judged against the other statements.

    Only other sources count (see `source_key`): a source repeating itself corroborates nothing.
    """
    if statement.actor is None:
        return 6
    mine = source_key(statement)
    support: set[str] = set()
    against: set[str] = set()
    for other in others:
        key = source_key(other)
        if key == mine or other.actor is None:
            continue
        verdict = _bearing(statement, other)
        if verdict > 0:
            support.add(key)
        elif verdict < 0:
            against.add(key)
    return credibility_from_counts(len(support), len(against))


def credibility_from_counts(corroborating: int, contradicting: int) -> int:
    """The documented table: 1 confirmed by 2+ sources ... 5 contradicted by 2+ more than confirm it."""
    if contradicting == 0:
        return 1 if corroborating >= 2 else 2 if corroborating == 1 else 3
    if corroborating > contradicting:
        return 3
    return 4 if contradicting - corroborating <= 1 else 5


def _bearing(statement: Attribution, other: Attribution) -> int:
    """+1 if `other` corroborates `statement`, -1 if it contradicts it, 0 if it says nothing of it."""
    same_actor = other.actor == statement.actor
    if statement.stance == "denied":
        if same_actor:
            return -1 if other.stance in POSITIVE else 1
        return 1 if other.stance in EXCLUSIVE else 0
    if same_actor:
        return 1 if other.stance in POSITIVE else -1
    return -1 if other.stance in EXCLUSIVE and statement.stance in EXCLUSIVE else 0

