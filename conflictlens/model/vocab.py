"""ACLED and GTD vocabularies and the datasets' precision codes, loaded from the versioned data files
beside this module."""

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
    )


@lru_cache(maxsize=1)
def precision_codes() -> dict[str, Any]:
    """ACLED, GTD and UCDP precision codes -> our date and geo precision ladders (data/precision_codes.json).

    {"date_precision": {"acled_time_precision": {"1": "day", ...}, ...}, "geo_precision": {...}}. The
    importers and the resolution sets read the same table, so a dataset row means one thing in both.
    """
    return json.loads(resources.files("conflictlens.model").joinpath("data/precision_codes.json").read_text(
        encoding="utf-8"))
