"""Against whom: the actor an event's attacked phrase names, else the one its target type stands for.

The attacked phrase is the one the GTD target typing chose ("a police checkpoint in Kabul", "a
convoy of soldiers of the Frontier Corps"). Registry actors are looked for in its sentence, at the
event's own country and date (so "police" is the Afghan National Police before 15 August 2021 and
the Islamic Emirate's forces after), and the first one that starts inside the phrase is the
target, unless an actor named right after it says whose the generic word is ("soldiers of the
Frontier Corps"). When the phrase names nobody, the target type stands for a generic actor
(`data/target_actors.json`: Police, Military forces, Civilians), in the country's branch, as
ACLED's actor2 does. Never the perpetrator's own side (the actor, its parents or its branches),
and never a generic actor no country makes specific.
"""

from __future__ import annotations

import re
from functools import lru_cache

from conflictlens.extract.patterns import compile_pattern
from conflictlens.extract.lexicon import load_json
from conflictlens.model.protocols import ActorMention, ActorResolver
from conflictlens.model.records import Event

Span = tuple[int, int]
# Between a generic word and the actor that says whose it is: at most two words, then "of" or "from".
_OF_THE = compile_pattern(r"\s+(?:[\w-]+\s+){0,2}(?:of|from|belonging to)\s+(?:the\s+)?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def generic_targets() -> dict[str, str]:
    """GTD target type -> the registry name of the actor such victims are coded as."""
    return {k: v for k, v in load_json("target_actors.json").items() if not k.startswith("_")}


def find_target_actor(event: Event, text: str, span: Span | None, sentence: Span, resolver: ActorResolver | None,
                      as_of: str | None) -> tuple[str, Span] | None:
    """(canonical target actor, the text span it rests on), or None when the report does not say.

    `span`: the attacked phrase; `sentence`: the sentence it is in; `as_of`: the date that picks
    a branch when the event has none of its own.
    """
    if span is None or resolver is None:
        return None
    country, date = event.location.country, event.date.start or as_of
    named = _named_in_phrase(event, text, span, sentence, resolver, country, date)
    if named is not None:
        return named.canonical, (named.start, named.end)
    generic = generic_targets().get(event.target_type or "")
    found = resolver.resolve(generic, country, date) if generic and country else None
    if found is None or not _acceptable(found.canonical, event, resolver):
        return None
    return found.canonical, span


def _named_in_phrase(event: Event, text: str, span: Span, sentence: Span, resolver: ActorResolver,
                     country: str | None, date: str | None) -> ActorMention | None:
    start, words = sentence[0], text[sentence[0]:sentence[1]]
    # Starting inside the phrase is enough: "a National Directorate of Security (NDS) member" is cut
    # before its acronym by the target typing, while the mention runs on to the parenthesis.
    inside = [m for m in resolver.find_actors(words, country, date)
              if span[0] <= m.start + start < span[1] and _acceptable(m.canonical, event, resolver)]
    if not inside:
        return None
    chosen = _named_after_generic(inside, words) or inside[0]
    return ActorMention(chosen.start + start, chosen.end + start, chosen.text, chosen.canonical,
                        chosen.actor_type, chosen.score, chosen.method)


def _named_after_generic(inside: list[ActorMention], sentence: str) -> ActorMention | None:
    """An actor named right after the generic word the phrase starts with: "soldiers of the Frontier
    Corps", "a police checkpoint of the Afghan Local Police". Not one further on ("a police officer
    who had fought the Taliban"): that one is not the victim."""
    first = inside[0]
    if first.method != "context" or len(inside) < 2 or inside[1].method == "context":
        return None
    return inside[1] if _OF_THE.match(sentence, first.end, inside[1].start) else None


def _acceptable(canonical: str, event: Event, resolver: ActorResolver) -> bool:
    if resolver.is_unidentified(canonical) or resolver.is_generic(canonical):
        return False
    if event.perpetrator is None:
        return True
    return canonical not in resolver.lineage(event.perpetrator) and event.perpetrator not in resolver.lineage(canonical)
