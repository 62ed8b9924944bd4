"""The resolver's knowledge and weights, loaded from the versioned data files beside this module.

Everything tunable (feature weights, thresholds, date tolerances, type modes, admin aliases, actor
coalitions, source grades) is data, so that a calibration changes a JSON file, not the code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Mapping

from conflictlens.errors import ConflictLensError
from conflictlens.model.vocab import vocabularies
from conflictlens.resolve.names import fold

_FILES = ("resolution", "types", "places", "actors", "credibility")
_GRADES = "ABCDEF"


@dataclass(frozen=True)
class Settings:
    threshold: float
    member_floor: float
    ambiguity_margin: float
    max_members_compared: int
    date_tolerance: Mapping[str, int]
    widest_tolerance: int  # the largest of date_tolerance: how far any probe must reach
    short_range_days: int
    bucket_days: int
    fine_window_max_days: int
    grid_degrees: float
    cell_radius_km: float  # events further apart are compared only within one province
    radius_km: Mapping[str, float]
    close_km: float
    far_factor: float
    max_text_words: int
    min_text_words: int
    dataset_text_columns: Mapping[str, tuple[str, ...]]  # DATASET -> columns of Event.extra read as text
    weights: Mapping[str, Mapping[str, float]]
    flat_weights: Mapping[tuple[str, str], float]  # {(feature, outcome): weight}, for the scoring loop
    casualty_close_difference: int
    casualty_close_ratio: float
    casualty_revised_ratio: float
    text_bands: tuple[tuple[str, float], ...]  # (outcome, minimum Jaccard), highest first
    modes: Mapping[str, str]
    mode_class: Mapping[str, str]
    mode_parents: Mapping[str, str]
    related: frozenset[frozenset[str]]
    incompatible: frozenset[frozenset[str]]
    victim_classes: Mapping[str, str]  # GTD target type -> class of victims
    actor_type_victims: Mapping[str, str]  # registry actor type -> class of victims
    victims_compatible: frozenset[frozenset[str]]
    two_sided_types: frozenset[str]  # event types fought between two sides, neither named the attacker
    state_actor_types: frozenset[str]  # registry actor types of a state's side
    admin1_aliases: Mapping[tuple[str, str], str]  # (country, folded name) -> canonical name
    generic_words: frozenset[str]
    common_words: frozenset[str]
    vague_actors: frozenset[str]
    coalitions: Mapping[str, frozenset[str]]  # member -> coalitions it belongs to
    dataset_grades: Mapping[str, str]
    outlet_grades: Mapping[str, str]
    default_outlet_grade: str
    default_dataset_grade: str

    def weight(self, feature: str, outcome: str) -> float:
        return self.weights.get(feature, {}).get(outcome, 0.0)


@lru_cache(maxsize=1)
def settings() -> Settings:
    """The bundled settings (validated once)."""
    raw = {name: _read(name) for name in _FILES}
    try:
        return _build(raw)
    except (KeyError, TypeError, ValueError) as exc:
        raise ConflictLensError(
            "CL-E600", f"resolution data is damaged ({exc!r}); reinstall conflictlens",
            subject="conflictlens/resolve/data",
        ) from None


def _read(name: str) -> dict[str, Any]:
    path = resources.files("conflictlens.resolve").joinpath(f"data/{name}.json")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConflictLensError(
            "CL-E600", f"cannot read resolution data ({exc}); reinstall conflictlens", subject=str(path)
        ) from None


def _common_words() -> frozenset[str]:
    path = resources.files("conflictlens.resolve").joinpath("data/common_words.txt")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConflictLensError("CL-E600", f"cannot read resolution data ({exc}); reinstall conflictlens",
                                subject=str(path)) from None
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def _build(raw: dict[str, dict[str, Any]]) -> Settings:
    return Settings(**_scoring(raw["resolution"]), **_knowledge(raw["types"], raw["places"], raw["actors"]),
                    **_grades(raw["credibility"]), common_words=_common_words())


def _scoring(res: dict[str, Any]) -> dict[str, Any]:
    tolerance = {k: int(v) for k, v in res["date_tolerance_days"].items()}
    return dict(
        threshold=float(res["threshold"]), member_floor=float(res["member_floor"]),
        ambiguity_margin=float(res["ambiguity_margin"]), max_members_compared=int(res["max_members_compared"]),
        date_tolerance=tolerance, widest_tolerance=max(tolerance.values()),
        short_range_days=int(res["short_range_days"]),
        bucket_days=int(res["bucket_days"]), fine_window_max_days=int(res["fine_window_max_days"]),
        grid_degrees=float(res["grid_degrees"]), cell_radius_km=float(res["cell_radius_km"]),
        radius_km={k: float(v) for k, v in res["radius_km"].items()},
        close_km=float(res["close_km"]), far_factor=float(res["far_factor"]),
        max_text_words=int(res["max_text_words"]), min_text_words=int(res["min_text_words"]),
        dataset_text_columns={k.upper(): tuple(v) for k, v in res["dataset_text_columns"].items()
                              if not k.startswith("_")},
        weights={f: {o: float(w) for o, w in table.items()} for f, table in res["weights"].items()},
        flat_weights={(f, o): float(w) for f, table in res["weights"].items() for o, w in table.items()},
        casualty_close_difference=int(res["casualty_close"]["max_difference"]),
        casualty_close_ratio=float(res["casualty_close"]["max_ratio"]),
        casualty_revised_ratio=float(res["casualty_revised_max_ratio"]),
        text_bands=tuple(sorted(((k, float(v)) for k, v in res["text_bands"].items()), key=lambda kv: -kv[1])),
    )


def _knowledge(types: dict[str, Any], places: dict[str, Any], actors: dict[str, Any]) -> dict[str, Any]:
    coalitions: dict[str, set[str]] = {}
    for coalition, members in actors["coalitions"].items():
        for member in members:
            coalitions.setdefault(member, set()).add(coalition)
    return dict(
        modes=dict(types["modes"]), mode_class=dict(types["class"]), mode_parents=dict(types["parents"]),
        related=frozenset(frozenset(p) for p in types["related"]),
        incompatible=frozenset(frozenset(p) for p in types["incompatible"]),
        victim_classes=dict(types["victims"]["target_types"]),
        actor_type_victims=dict(types["victims"]["actor_types"]),
        victims_compatible=frozenset(frozenset(p) for p in types["victims_compatible"]),
        two_sided_types=frozenset(types["two_sided"]["event_types"]),
        state_actor_types=vocabularies().state_actor_types,
        admin1_aliases={(country, fold(name)): canonical for country, table in places["admin1_aliases"].items()
                        for name, canonical in table.items()},
        generic_words=frozenset(places["generic_words"]),
        vague_actors=frozenset(actors["vague"]),
        coalitions={m: frozenset(c) for m, c in coalitions.items()},
    )


def _grades(cred: dict[str, Any]) -> dict[str, Any]:
    grades = {**cred["datasets"], **cred["outlets"]}
    if any(g not in _GRADES for g in grades.values()):
        raise ValueError("source grades must be letters A to F")
    return dict(
        dataset_grades={k.upper(): v for k, v in cred["datasets"].items()},
        outlet_grades={fold(k): v for k, v in cred["outlets"].items()},
        default_outlet_grade=cred["default_outlet"], default_dataset_grade=cred["default_dataset"],
    )
