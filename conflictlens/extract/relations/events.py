"""Relations implied by event records: a clash between two actors, and a joint claim.

A clash is an event with a perpetrator and a target actor (as imported from ACLED or UCDP), or a
battle whose trigger sentence names a second armed actor. A joint claim is one event claimed by two
actors. Both are operational ties in Jadoon's coding; their date is the event's date.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache
from itertools import combinations
from typing import Callable, Iterator, Sequence

from conflictlens.extract.relations.lexicon import excluded_actor_types
from conflictlens.model.protocols import ActorMention, ActorResolver
from conflictlens.model.records import Document, Event, Evidence
from conflictlens.model.relations import ActorRelation, ordered_pair, relation_id

BATTLES = "Battles"
STANCE_OF = {"claimed": "asserted", "attributed": "asserted", "suspected": "alleged"}
GROUPS_THEMSELVES = "the groups themselves"


def main_country(events: Sequence[Event]) -> str | None:
    """The country most of a report's events took place in (picks actors' regional branches)."""
    votes = Counter(e.location.country for e in events if e.location.country)
    return votes.most_common(1)[0][0] if votes else None


def derived_relations(doc: Document | None, events: Sequence[Event], sentences: Sequence[tuple[int, int]],
                      mentions: Sequence[ActorMention], is_party: Callable[[str], bool]) -> Iterator[ActorRelation]:
    """Clashes and joint claims of `events`. Without a document (imported events), no evidence span."""
    mentions = sorted(mentions, key=_start)  # found by bisection: a long report has thousands
    for event in events:
        for source, target, stance, by, field in _clashes(event, sentences, mentions, is_party):
            yield _relation("clash", source, target, stance, by, event, doc, _sentence(event, field, doc, sentences))
        claimants = list(dict.fromkeys(a.actor for a in event.attribution
                                       if a.stance == "claimed" and a.actor and is_party(a.actor)))
        for source, target in combinations(claimants, 2):
            yield _relation("joint_claim", source, target, "asserted", GROUPS_THEMSELVES, event, doc,
                            _sentence(event, "claimed", doc, sentences))


def _clashes(event: Event, sentences: Sequence[tuple[int, int]], mentions: Sequence[ActorMention],
             is_party: Callable[[str], bool]) -> list[tuple[str, str, str, str | None, str]]:
    """(source, target, stance, by, evidence field) for each pair of actors the event sets against each other."""
    perpetrator = event.perpetrator if event.perpetrator and is_party(event.perpetrator) else None
    stance, by = _perpetrator_stance(event, perpetrator)
    target = event.target_actor if event.target_actor and is_party(event.target_actor) else None
    pairs = []
    if perpetrator and target and target != perpetrator:
        pairs.append((perpetrator, target, stance, by, "perpetrator"))
    if event.event_type != BATTLES:
        return pairs
    # A battle also sets the perpetrator against every other party its sentence names.
    sides = [a.actor for a in event.attribution if a.actor and a.stance != "denied" and is_party(a.actor)]
    sides += [m.canonical for m in _mentions_in(event, "event_type", sentences, mentions)]
    distinct = list(dict.fromkeys(sides))
    if perpetrator:
        return pairs + [(perpetrator, other, stance, by, "event_type") for other in distinct
                        if other not in (perpetrator, target)]
    return [(a, b, "asserted", None, "event_type") for a, b in combinations(distinct, 2)]


def _perpetrator_stance(event: Event, perpetrator: str | None) -> tuple[str, str | None]:
    ranked = [a for a in event.attribution if a.actor == perpetrator and a.stance in STANCE_OF]
    ranked.sort(key=lambda a: ("claimed", "attributed", "suspected").index(a.stance))
    if not ranked:
        return "asserted", None
    return STANCE_OF[ranked[0].stance], ranked[0].by


def _mentions_in(event: Event, field: str, sentences: Sequence[tuple[int, int]],
                 mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """The mentions (sorted by start) inside the sentences of the event's evidence for `field`."""
    if not mentions:  # imported rows: no text, so nothing to look for (their evidence is not in sentences)
        return []
    spans = [s for s in (_sentence_of(ev.start, sentences) for ev in event.evidence.get(field, [])) if s]
    if not spans:
        return []
    window = mentions[bisect_left(mentions, min(s[0] for s in spans), key=_start):
                      bisect_left(mentions, max(s[1] for s in spans), key=_start)]
    return [m for m in window for s in spans if s[0] <= m.start and m.end <= s[1]]


def _start(m: ActorMention) -> int:
    return m.start


def _sentence_of(position: int, sentences: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """The sentence (of `sentences`, in text order, not overlapping) that holds `position`."""
    i = bisect_right(sentences, position, key=lambda s: s[0]) - 1
    return sentences[i] if i >= 0 and position < sentences[i][1] else None


def _sentence(event: Event, field: str, doc: Document | None, sentences: Sequence[tuple[int, int]]) -> Evidence | None:
    """The sentence that holds the event's evidence for `field` (else its first evidence of any kind)."""
    evidence = (event.evidence.get(field) or event.evidence.get("event_type") or event.evidence.get("summary") or [None])[0]
    if evidence is None:
        return None
    span = _sentence_of(evidence.start, sentences) if doc is not None else None
    if span is None or doc is None:
        return evidence
    return Evidence(doc.id, span[0], span[1], doc.text[span[0]: span[1]])


def _relation(kind: str, source: str, target: str, stance: str, by: str | None, event: Event,
              doc: Document | None, evidence: Evidence | None) -> ActorRelation:
    source, target = ordered_pair(kind, source, target)
    outlet = doc.outlet if doc is not None else event.dataset
    return ActorRelation(
        id=relation_id(kind, source, target, None, event.document_id, event.id, None),
        kind=kind, source=source, target=target, stance=stance, dimension="operational",
        start=event.date.start, end=event.date.end, precision=event.date.precision, date_basis="event",
        by=by or outlet or "the report", said_on=doc.published if doc is not None else None,
        document_id=event.document_id, event_id=event.id, evidence=evidence, origin="event",
        cue=f"event.{kind}", confidence=round(event.confidence or 0.5, 2),
    )


def party_name_test(actors: ActorResolver, cache_size: int = 4096) -> Callable[[str], bool]:
    """Whether a canonical name can be a party to a relation (not unidentified, not an excluded type),
    remembered per name: imported datasets repeat the same few hundred names on every row."""
    excluded = excluded_actor_types()

    @lru_cache(maxsize=cache_size)
    def is_party(name: str) -> bool:
        return is_party_name(actors, excluded, name)

    return is_party


def is_party_name(actors: ActorResolver, excluded: frozenset[str], name: str) -> bool:
    if actors.is_unidentified(name):
        return False
    found = actors.resolve(name)
    return found is None or found.actor_type not in excluded
