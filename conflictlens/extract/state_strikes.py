"""A state's strikes named by its demonym: "an Israeli airstrike", "a Russian missile strike", "U.S. drone
strikes". A demonym alone names no actor ("Israeli hostages", "Russian civilians"); right before a strike
noun it names the state whose forces struck. The actor resolver knows those forces by the demonym and a
word for them ("Israeli military", "Russian forces"): the demonym is a mention of the actor that resolves
to, when it is a state's forces (the cue words: `strike_nouns`, `state_force_nouns` of
attribution_cues.json; the actor types of a state's forces: `vocabularies().state_actor_types`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from conflictlens.extract.lexicon import attribution_cues
from conflictlens.model.protocols import ActorMention, ActorResolver
from conflictlens.model.vocab import vocabularies

# A resolved name counts only when matched whole (not fuzzily: "Chadian forces" is not "Canadian forces").
_WHOLE_NAME = frozenset({"exact", "alias", "acronym", "spelling"})


@dataclass(frozen=True)
class _StrikeCues:
    demonym_before_strike: re.Pattern[str]  # a capitalised word right before a strike noun
    force_nouns: tuple[str, ...]
    state_types: frozenset[str]


@lru_cache(maxsize=1)
def _cues() -> _StrikeCues:
    raw = attribution_cues()
    # The demonym keeps its case (a common word before "airstrike" is no state); the noun may be in any.
    pattern = re.compile(rf"\b(?P<demonym>[A-Z][\w'’.-]*[\w.])(?= (?i:{raw['strike_nouns']})\b)")
    return _StrikeCues(pattern, tuple(raw["state_force_nouns"]), vocabularies().state_actor_types)


def _state_of(demonym: str, resolver: ActorResolver, date: str | None) -> ActorMention | None:
    cues = _cues()
    for noun in cues.force_nouns:
        found = resolver.resolve(f"{demonym} {noun}", None, date)
        if found is not None and found.method in _WHOLE_NAME:
            # the word must name the state: "The strikes" is no demonym ("the forces" names no one more than "forces")
            alone = resolver.resolve(noun, None, date)
            named = alone is None or alone.canonical != found.canonical
            return found if found.actor_type in cues.state_types and named else None
    return None


def with_strike_mentions(text: str, known: Sequence[ActorMention], resolver: ActorResolver | None,
                         date: str | None) -> list[ActorMention]:
    """`known` and, where no known mention stands, each demonym before a strike noun that names a
    state's forces, as a mention of those forces (method "demonym"), left to right."""
    if resolver is None:
        return list(known)
    added, states = [], {}  # each demonym asked of the resolver once ("Israeli airstrikes" told ten times)
    for m in _cues().demonym_before_strike.finditer(text):
        start, end = m.span("demonym")
        if any(k.start < end and start < k.end for k in known):
            continue
        demonym = m.group("demonym")
        if demonym not in states:
            states[demonym] = _state_of(demonym, resolver, date)
        state = states[demonym]
        if state is not None:
            added.append(ActorMention(start, end, demonym, state.canonical, state.actor_type,
                                      state.score, "demonym"))
    return sorted([*known, *added], key=lambda k: k.start) if added else list(known)
