"""Scoring the product: texts go through exactly the path `conflictlens extract --input` runs, and
the metrics that compare its records with a dataset's gold (used by `evaluate case` and `evaluate muc4`).

A dataset row becomes one JSONL line {"id", "text"}, parsed and extracted by `pipeline.extract_batch`,
so an evaluation sees what a user sees, never a component scored alone.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable

from conflictlens.extract.build import VIOLENT_TYPES
from conflictlens.extract.extractor import Extractor
from conflictlens.extract.lexicon import attribution_cues
from conflictlens.model.text import fold_words

NO_EVENT = "none"  # the prediction for a text that gave no event
# Statements that name who did it; a denial names who did not.
PERPETRATOR_STANCES = ("claimed",)
# ACLED files destruction of property under strategic developments; its actor still did violence.
DESTRUCTION_SUB_TYPES = ("Looting/property destruction",)
# A translator's gloss in brackets or parentheses, and its text.
_GLOSS = re.compile(r"\s*[\[(][^\])]*[\])]")
_GLOSS_TEXT = re.compile(r"[\[(]\s*([^\])]+?)\s*[\])]")
NAME_WORDS = 3  # a name left after its creed labels: "POPULAR LIBERATION ARMY", not "FORCES" or "GROUPS"


def is_political_violence(event: dict) -> bool:
    return event.get("event_type") in VIOLENT_TYPES


def is_act_of_violence(event: dict) -> bool:
    """Political violence, or destruction of property (arson, sabotage): its actor did violence."""
    return is_political_violence(event) or event.get("sub_event_type") in DESTRUCTION_SUB_TYPES


def main_event(events: list[dict]) -> dict | None:
    """The report's main event: its first political-violence event, else its first event."""
    return next((e for e in events if is_political_violence(e)), events[0] if events else None)


def predicted_type(events: list[dict]) -> str:
    event = main_event(events)
    return (event.get("sub_event_type") or NO_EVENT) if event else NO_EVENT


@dataclass(frozen=True)
class Detection:
    """Document-level incident detection: counts and the rates derived from them."""

    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0
    true_neg: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.true_pos, self.true_pos + self.false_pos)

    @property
    def recall(self) -> float:
        return _ratio(self.true_pos, self.true_pos + self.false_neg)

    @property
    def f1(self) -> float:
        return harmonic(self.precision, self.recall)

    @property
    def false_alarm_rate(self) -> float:
        """Share of documents that report no incident for which extraction gave one."""
        return _ratio(self.false_pos, self.false_pos + self.true_neg)


def detection(gold: Iterable[bool], predicted: Iterable[bool]) -> Detection:
    seen = Counter(zip(gold, predicted))
    return Detection(seen[(True, True)], seen[(False, True)], seen[(True, False)], seen[(False, False)])


def harmonic(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def perpetrator_names(events: list[dict], counted: Callable[[dict], bool] | None = None) -> set[str]:
    """The actors a report's events hold responsible: the perpetrators of its acts of violence and the
    groups that claimed. Who arrested, signed or marched (the actor of an event of another kind) did
    no violence. With `counted`, only the events it accepts speak (a dataset's own notion of an incident)."""
    kept = [e for e in events if counted is None or counted(e)]
    names = {e["perpetrator"] for e in kept if e.get("perpetrator") and is_act_of_violence(e)}
    names |= {a["actor"] for e in kept for a in e.get("attribution") or ()
              if a.get("actor") and a.get("stance") in PERPETRATOR_STANCES}
    return names


@dataclass(frozen=True)
class Matches:
    true_pos: int
    false_pos: int
    false_neg: int


def match_perpetrators(gold_clusters: list[list[str]], predicted: Iterable[str],
                       names_of: Callable[[str], Iterable[str]]) -> Matches:
    """Gold entity clusters (each a list of mentions) against predicted actor names.

    A prediction matches a cluster when any of its names (`names_of`: the name and the aliases the
    registry gives it) equals any form of a mention of the cluster (`mention_forms`). Each cluster
    is found at most once; a prediction matching no cluster is a false positive.
    """
    clusters = [{f for m in cluster for f in mention_forms(m)} for cluster in gold_clusters if cluster]
    found: set[int] = set()
    false_pos = 0
    for name in sorted(set(predicted)):
        forms = {_fold(n) for n in (name, *names_of(name))}
        hits = [i for i, cluster in enumerate(clusters) if cluster & forms]
        if hits:
            found.update(hits)
        else:
            false_pos += 1
    return Matches(len(found), false_pos, len(clusters) - len(found))


def mention_forms(mention: str) -> set[str]:
    """The forms a gold mention is compared in: folded; where a translator glossed a name in brackets
    ("FARABUNDO MARTI NATIONAL LIBERATION FRONT [FMLN]", "ELN [ARMY OF NATIONAL LIBERATION]
    GUERRILLAS"), without its gloss and the gloss alone, for both name the same group; and without
    the words that may follow any group's name without changing who is meant ("SENDERO LUMINOSO
    FIGHTERS", "FMLN COLUMN": the extractor's `actor_head_words`)."""
    forms = {_fold(f) for f in (mention, _GLOSS.sub(" ", mention), *_GLOSS_TEXT.findall(mention))}
    forms |= {_without_modifiers(f) for f in forms}
    return (forms | {_without_head_words(f) for f in forms}) - {""}


def _without_modifiers(name: str) -> str:
    """The name without the creed labels that may stand before any group's name ("MAOIST POPULAR
    LIBERATION ARMY", "MARXIST-LENINIST NATIONAL LIBERATION ARMY": the extractor's `actor_modifiers`)."""
    words = name.split()
    while words and _modifier().fullmatch(words[0]):
        words.pop(0)
    # what is left must still be a name of its own ("ARMED FORCES" is not "forces")
    return " ".join(words) if len(words) >= NAME_WORDS else name


def _without_head_words(name: str) -> str:
    words = name.split()
    heads = _head_words()
    while len(words) > 1 and words[-1] in heads:
        words.pop()
    return " ".join(words)


@lru_cache(maxsize=1)
def _modifier() -> re.Pattern[str]:
    """One folded word of `actor_modifiers` (folding turns "marxist-leninist" into two words: each is one)."""
    return re.compile(attribution_cues()["actor_modifiers"], re.IGNORECASE)


@lru_cache(maxsize=1)
def _head_words() -> frozenset[str]:
    return frozenset(_fold(w) for w in attribution_cues()["actor_head_words"].split("|"))


def _fold(name: str) -> str:
    """Case, accents, punctuation and a leading article aside: wire text writes MEDELLIN for the
    registry's Medellín, "THE EXTRADITABLES" in quotes and DRUG-TRAFFICKING with a hyphen."""
    words = fold_words(name)
    return words[4:] if words.startswith("the ") else words


def registry_names(extractor: Extractor) -> Callable[[str], tuple[str, ...]]:
    """The names the extractor's actor registry gives an actor: aliases, acronyms, merged names, and
    the common words the registry reads as this actor in its country (a regional branch: "the army"
    in a Salvadoran report is El Salvador's military)."""
    registry = extractor.actors
    branch_words: dict[str, tuple[str, ...]] = {}
    for entry in registry.all() if registry is not None else ():
        for branches in entry.regional_branches.values():
            for branch in branches:
                branch_words[branch.name] = branch_words.get(branch.name, ()) + tuple(entry.aliases)

    def names_of(canonical: str) -> tuple[str, ...]:
        entry = registry.current(canonical) if registry is not None else None
        if entry is None:
            return ()
        dated = tuple(d.name for d in entry.dated_names)
        return (entry.name, *entry.aliases, *entry.acronyms, *entry.weak_aliases, *dated,
                *registry.names_of(entry.name), *branch_words.get(entry.name, ()))
    return names_of
