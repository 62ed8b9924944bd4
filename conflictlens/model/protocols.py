"""Interfaces through which the pipeline hands one stage's knowledge to another.

The extractor needs to find places and actors in text, but must not import the `geo` or `actors`
stages. The pipeline passes it objects that satisfy these protocols.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, Sequence

from conflictlens.model.records import Location


@dataclass(frozen=True)
class PlaceMention:
    """A gazetteer name found in text, with every entry it could denote (ambiguity kept)."""

    start: int
    end: int
    text: str
    candidates: tuple[PlaceEntry, ...]


@dataclass(frozen=True)
class PlaceEntry:
    """One gazetteer entry. `kind` is country, admin1, admin2, place (city, village, neighbourhood)."""

    id: str
    name: str
    kind: str
    country: str  # ISO 3166-1 alpha-2
    admin1: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    population: int = 0


@dataclass(frozen=True)
class ActorMention:
    """An actor name found in text, resolved to the registry's canonical name."""

    start: int
    end: int
    text: str
    canonical: str
    actor_type: str | None
    score: float  # 0..1, 1 = exact name or alias
    method: str  # exact, alias, acronym, fuzzy, context


class Geocoder(Protocol):
    def find_places(self, text: str) -> list[PlaceMention]:
        """Every gazetteer name in `text`, left to right, longest match first, no overlaps."""

    def best_location(self, mentions: Sequence[PlaceMention]) -> tuple[Location, PlaceMention | None]:
        """The most specific location the mentions consistently support, and the mention it rests on."""

    def with_local_places(self, text: str, mentions: Sequence[PlaceMention], country: str) -> list[PlaceMention]:
        """`mentions` with the small towns of `country` (the report's) that `text` writes as places."""


class ActorResolver(Protocol):
    def find_actors(self, text: str, country: str | None = None, date: str | None = None) -> list[ActorMention]:
        """Every registry actor named in `text`, left to right, no overlaps; country and date pick branches."""

    def resolve(self, name: str, country: str | None = None, date: str | None = None) -> ActorMention | None:
        """Resolve one free-text name (e.g. an NER ORG span) to a registry actor, or None."""

    def is_unidentified(self, canonical: str) -> bool:
        """True for the placeholder of an unidentified actor ("gunmen", "assailants")."""

    def is_generic(self, canonical: str) -> bool:
        """True for an entry that names no specific organisation ("Police" with no country to pick a branch)."""

    def lineage(self, canonical: str) -> tuple[str, ...]:
        """The actor and its parents, nearest first (a branch, then the organisation it belongs to)."""

    def home_country(self, canonical: str) -> str | None:
        """The country (ISO alpha-2) a named group fights in, or None (generic words, foreign forces)."""
