"""ACLED and GTD vocabularies, the actor types of a state's forces, and each dataset's layouts and code tables, loaded from the versioned
data files beside this module."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class Vocabularies:
    acled: dict[str, tuple[str, ...]]
    attack_types: tuple[str, ...]
    target_types: tuple[str, ...]
    weapon_types: tuple[str, ...]
    state_actor_types: frozenset[str]  # actor types of a state's own forces ("state forces", ...)
    speech_verbs: tuple[str, ...] = ()  # "said", "told", ...: a name before one is a speaker

    def event_type_of(self, sub_event_type: str) -> str:
        for event_type, subs in self.acled.items():
            if sub_event_type in subs:
                return event_type
        raise KeyError(sub_event_type)

    @property
    def sub_event_types(self) -> tuple[str, ...]:
        return tuple(s for subs in self.acled.values() for s in subs)


@lru_cache(maxsize=1)
def vocabularies() -> Vocabularies:
    raw = json.loads(resources.files("conflictlens.model").joinpath("data/vocabularies.json").read_text())
    return Vocabularies(
        acled={k: tuple(v) for k, v in raw["acled"].items()},
        attack_types=tuple(raw["gtd_attack_type"]),
        target_types=tuple(raw["gtd_target_type"]),
        weapon_types=tuple(raw["gtd_weapon_type"]),
        state_actor_types=frozenset(raw["state_actor_types"]),
        speech_verbs=tuple(raw["speech_verbs"]),
    )


SPEECH_VERBS = "SPEECH_VERBS"  # where a cue pattern in a data file takes the verbs of saying


def speech_verbs_pattern() -> str:
    """The verbs of saying as one regex alternation, longest first ("says" before "say")."""
    return "|".join(sorted(vocabularies().speech_verbs, key=lambda v: (-len(v), v)))


def with_speech_verbs(pattern: str) -> str:
    """A cue pattern with its SPEECH_VERBS placeholder replaced by the verbs of saying."""
    return pattern.replace(SPEECH_VERBS, speech_verbs_pattern())


DATASET_TABLES = ("acled", "gtd", "ucdp")


@lru_cache(maxsize=len(DATASET_TABLES))
def dataset_table(dataset: str) -> dict[str, Any]:
    """One dataset's file (data/datasets/<dataset>.json): its published `layouts`, and its code tables
    in both directions, `to_ours` (import) and `from_ours` (export). The importer and the exporter read
    the same file, so a code means one thing both ways."""
    if dataset not in DATASET_TABLES:
        raise KeyError(dataset)
    path = resources.files("conflictlens.model").joinpath(f"data/datasets/{dataset}.json")
    return json.loads(path.read_text(encoding="utf-8"))
