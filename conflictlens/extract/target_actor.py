"""Against whom: the actor an event's attacked phrase names, else the one its target type stands for.

The attacked phrase is the one the GTD target typing chose ("a police checkpoint in Kabul", "a
convoy of Pakistani soldiers"). A registry actor named inside it is the target ("an Afghan Local
Police outpost"), unless it is the perpetrator. When the phrase names nobody, the target type
stands for a generic actor (`data/target_actors.json`: Police, Military forces, Civilians), and the
registry picks the country's branch at the event's date, as ACLED's actor2 does.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from conflictlens.extract.lexicon import load_json
from conflictlens.model.protocols import ActorMention, ActorResolver
from conflictlens.model.records import Event

Span = tuple[int, int]


@lru_cache(maxsize=1)
def generic_targets() -> dict[str, str]:
    """GTD target type -> the registry name of the actor such victims are coded as."""
    return {k: v for k, v in load_json("target_actors.json").items() if not k.startswith("_")}


def find_target_actor(event: Event, span: Span | None, mentions: Sequence[ActorMention],
                      resolver: ActorResolver | None, as_of: str | None) -> tuple[str, Span] | None:
    """(canonical target actor, the text span it rests on), or None when the report does not say.

    `span`: the attacked phrase; `mentions`: the registry actors found in the document;
    `as_of`: the date that picks a branch when the event has none of its own.
    """
    if span is None:
        return None
    for mention in mentions:
        # Starting inside it is enough: "a National Directorate of Security (NDS) member" is cut
        # before its acronym by the target typing, while the mention runs on to the parenthesis.
        if (span[0] <= mention.start < span[1] and mention.method != "ner"
                and mention.canonical != event.perpetrator):
            return mention.canonical, (mention.start, mention.end)
    generic = generic_targets().get(event.target_type or "")
    if generic is None or resolver is None:
        return None
    found = resolver.resolve(generic, event.location.country, event.date.start or as_of)
    if found is None or found.canonical == event.perpetrator:
        return None
    return found.canonical, span
