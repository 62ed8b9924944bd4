"""Actors stage: a bundled, user-extensible registry of armed actors and a resolver over it."""

from conflictlens.actors.edits import ActorEdit
from conflictlens.actors.registry import ActorRegistry
from conflictlens.actors.schema import ACTOR_TYPES, ActorEntry, Branch, DatedName

__all__ = ["ACTOR_TYPES", "ActorEdit", "ActorEntry", "ActorRegistry", "Branch", "DatedName"]
