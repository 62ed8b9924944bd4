"""Cue lexicons for event detection, typing and attribution, compiled once from the data files."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

FLAGS = re.IGNORECASE


def _load(name: str) -> dict:
    return json.loads(resources.files("conflictlens.extract").joinpath(f"data/{name}").read_text("utf-8"))


def word_regex(pattern: str, flags: int = FLAGS) -> re.Pattern[str]:
    """Compile a cue so that it only matches whole words."""
    return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w])", flags)


@dataclass(frozen=True)
class EventCues:
    priority: tuple[str, ...]
    sub_event_cues: dict[str, tuple[tuple[re.Pattern[str], float], ...]]
    any_trigger: re.Pattern[str]
    strong_trigger: re.Pattern[str]


@dataclass(frozen=True)
class GtdCues:
    attack_rules: tuple[tuple[str, re.Pattern[str]], ...]
    weapon_rules: tuple[tuple[str, re.Pattern[str]], ...]
    target_rules: tuple[tuple[str, re.Pattern[str]], ...]
    prominent: re.Pattern[str]
    assassination_action: re.Pattern[str]
    possessive_target: re.Pattern[str]
    target_lead: re.Pattern[str]
    target_explicit: re.Pattern[str]
    light_explosives: re.Pattern[str]
    foiled_cues: re.Pattern[str]
    generic_security: re.Pattern[str]
    security_branches: tuple[str, ...]
    security_default: str
    not_victims: re.Pattern[str]
    responders: re.Pattern[str]
    vague_target: re.Pattern[str]
    foiled_default: str
    weak_phrase_types: tuple[str, ...]
    notable_victims: tuple[str, ...]
    no_target_default: str


@lru_cache(maxsize=1)
def event_cues() -> EventCues:
    raw = _load("event_cues.json")
    cues = {
        sub: tuple((word_regex(p), float(w)) for p, w in patterns)
        for sub, patterns in raw["sub_event_cues"].items()
    }
    return EventCues(
        priority=tuple(raw["priority"]),
        sub_event_cues=cues,
        any_trigger=re.compile(r"(?<![\w])" + raw["event_triggers"], FLAGS),
        strong_trigger=word_regex(raw["strong_triggers"]),
    )


@lru_cache(maxsize=1)
def gtd_cues() -> GtdCues:
    raw = _load("gtd_cues.json")
    assassination = raw["assassination"]
    prominent = assassination["prominent"]
    possessive = assassination["vehicle_of"].replace("PROMINENT", f"(?i:{prominent})")
    return GtdCues(
        attack_rules=tuple((name, word_regex(p)) for name, p in raw["attack_type_rules"]),
        weapon_rules=tuple((name, word_regex(p)) for name, p in raw["weapon_rules"]),
        target_rules=tuple((name, word_regex(p)) for name, p in raw["target_rules"]),
        prominent=word_regex(prominent),
        assassination_action=word_regex(assassination["action"]),
        # Case matters here: a capitalised word after "vehicle of" is a name.
        possessive_target=re.compile(rf"(?<![\w-])(?:{possessive})", 0),
        target_lead=word_regex(raw["target_phrase_lead"]),
        target_explicit=word_regex(raw["target_phrase_explicit"]),
        light_explosives=word_regex(raw["light_explosives"]["pattern"]),
        **_target_refinement(raw["target_refinement"]),
    )


def _target_refinement(raw: dict) -> dict:
    return {
        "generic_security": word_regex(raw["generic_security"]),
        "security_branches": tuple(raw["security_branches"]),
        "security_default": raw["security_default"],
        "not_victims": word_regex(raw["not_victims"]),
        "responders": word_regex(raw["responders"]),
        "vague_target": re.compile(raw["vague_target"], FLAGS),
        "foiled_default": raw["foiled_default"],
        "weak_phrase_types": tuple(raw["weak_phrase_types"]),
        "notable_victims": tuple(raw["notable_victims"]),
        "foiled_cues": word_regex(raw["foiled_cues"]),
        "no_target_default": raw["no_target_default"],
    }


@lru_cache(maxsize=1)
def attribution_cues() -> dict:
    return _load("attribution_cues.json")
