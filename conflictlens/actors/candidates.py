"""Candidate actors: organisations that named-entity recognition found in reports but the registry
does not know. They are kept (never dropped) and listed for review, most mentioned first, each with
the registry actors a reviewer might mean and, where the name looks like an outlet, an office or a
nationality, the reason it is probably no actor at all.

A reviewer then merges a candidate into an actor, adds it as a new actor, or rejects it
(`conflictlens actors merge | add | reject`); the next listing reflects the decision.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

import yaml

from conflictlens.actors.normalize import key_text, name_key, norm_token
from conflictlens.actors.registry import ActorRegistry
from conflictlens.errors import ConflictLensError

NOT_ACTORS_PATH = Path(__file__).resolve().parent / "data" / "not_actors.yaml"
MAX_EXAMPLES = 3
REVIEW, NOT_ACTOR, REJECTED = "review", "likely not an actor", "rejected"
_STATUS_ORDER = {REVIEW: 0, NOT_ACTOR: 1, REJECTED: 2}


@dataclass(frozen=True)
class CandidateMention:
    """One stored mention of an unknown organisation in one event."""

    name: str
    event_id: str
    document_id: str
    label: str | None = None  # the NER label: ORG or NORP
    date: str | None = None  # the event's date


@dataclass
class Candidate:
    name: str  # the most frequent spelling
    status: str  # review, likely not an actor, rejected
    reason: str | None = None
    mentions: int = 0
    documents: int = 0
    first_seen: str | None = None
    last_seen: str | None = None
    spellings: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    example_events: list[str] = field(default_factory=list)
    suggestions: list[dict[str, object]] = field(default_factory=list)  # {actor, score}

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class NotActorLists:
    names: dict[tuple[str, ...], str]  # name key -> reason
    words: dict[str, str]  # token -> reason


@lru_cache(maxsize=1)
def not_actor_lists() -> NotActorLists:
    try:
        text = NOT_ACTORS_PATH.read_text(encoding="utf-8")
        doc = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as exc:
        raise ConflictLensError("CL-E300", f"bundled list of non-actor names is unreadable ({exc}); reinstall "
                                           "conflictlens", str(NOT_ACTORS_PATH)) from exc
    names = {name_key(n): reason for reason, ns in (doc.get("names") or {}).items() for n in ns}
    words = {norm_token(w): reason for reason, ws in (doc.get("words") or {}).items() for w in ws}
    return NotActorLists(names, words)


def not_actor_reason(name: str, label: str | None = None,
                     is_place: Callable[[str], bool] | None = None) -> str | None:
    """Why `name` is probably no armed actor, or None. `is_place` tells gazetteer names (the NER often
    reads a dateline's "KABUL" as an organisation)."""
    lists = not_actor_lists()
    key = name_key(name)
    if key in lists.names:
        return lists.names[key]
    if name.isascii() and name == name.lower():
        return "not a proper name"
    if is_place is not None and is_place(name):
        return "place name"
    for tok in key:
        if tok in lists.words:
            return lists.words[tok]
    if label == "NORP" and len(key) == 1:
        return "nationality, religion or community"
    return None


def review_candidates(mentions: Iterable[CandidateMention], registry: ActorRegistry,
                      is_place: Callable[[str], bool] | None = None) -> list[Candidate]:
    """Stored candidate mentions grouped by name; names the registry now knows are left out."""
    groups: dict[str, list[CandidateMention]] = {}
    for m in mentions:
        key = key_text(name_key(m.name))
        if key:
            groups.setdefault(key, []).append(m)
    rejected = {key_text(name_key(n)) for n in registry.rejected}
    out = []
    for key, group in groups.items():
        candidate = _candidate(group, registry, key in rejected, is_place)
        if candidate is not None:
            out.append(candidate)
    out.sort(key=lambda c: (_STATUS_ORDER[c.status], -c.mentions, c.name.lower()))
    return out


def _candidate(group: list[CandidateMention], registry: ActorRegistry, rejected: bool,
               is_place: Callable[[str], bool] | None) -> Candidate | None:
    spellings = Counter(m.name for m in group)
    name = spellings.most_common(1)[0][0]
    known = registry.resolve(name)
    if known is not None and known.method != "fuzzy":
        return None  # the registry knows it now (an alias was added, or it was merged or added)
    labels = Counter(m.label for m in group if m.label)
    label = labels.most_common(1)[0][0] if labels else None
    reason = None if rejected else not_actor_reason(name, label, is_place)
    dates = sorted(m.date for m in group if m.date)
    suggestions = [{"actor": s.canonical, "score": s.score} for s in registry.suggest(name)]
    if known is not None:  # a near spelling of a registry name: the strongest suggestion
        suggestions = [{"actor": known.canonical, "score": known.score}] + [
            s for s in suggestions if s["actor"] != known.canonical]
    return Candidate(
        name=name,
        status=REJECTED if rejected else (NOT_ACTOR if reason else REVIEW),
        reason=reason,
        mentions=len(group),
        documents=len({m.document_id for m in group}),
        first_seen=dates[0] if dates else None,
        last_seen=dates[-1] if dates else None,
        spellings=[s for s, _ in spellings.most_common()],
        labels=sorted(labels),
        example_events=list(dict.fromkeys(m.event_id for m in group))[:MAX_EXAMPLES],
        suggestions=suggestions,
    )

