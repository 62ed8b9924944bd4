"""Wiring for actor relations: extract them at ingest, store them, and build the published network.

extract (text cues + event records) -> store (actor_relations) -> analysis (graph) -> the outbound
gate (`pipeline.public`) -> JSON.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable, Sequence

from conflictlens.actors import ActorRegistry
from conflictlens.analysis.network import network
from conflictlens.errors import ConflictLensError
from conflictlens.extract.relations.events import derived_relations, party_name_test
from conflictlens.model.protocols import ActorResolver
from conflictlens.model.records import Document, Event
from conflictlens.model.redaction import ConfidentialityPolicy
from conflictlens.model.relations import ActorRelation
from conflictlens.pipeline.filters import network_actor
from conflictlens.pipeline.public import public_network
from conflictlens.store import Store
from conflictlens.store import relations as stored


def save_batch_relations(store: Store, found: Iterable[tuple[Document, list[ActorRelation] | None]]) -> int:
    """The ingest hook: replace each report's stored relations with those extracted now, in the same
    pass as its events (`Extractor.extract_many(..., relations=True)`). None: none were looked for
    (no actor resolver), and the stored ones stay.

    Ids are deterministic, so a report ingested again gets the same rows back (nothing changes), and
    a database made before relations existed gets them on the next ingest of its reports.
    """
    written = 0
    with store.transaction():
        for doc, relations in found:
            if relations is not None:
                written += stored.replace_document_relations(store, doc.id, relations)
    return written


def save_event_relations(store: Store, events: Sequence[Event], actors: ActorResolver) -> int:
    """Clashes and joint claims of events that came without report text (imported datasets)."""
    found = derived_relations(None, events, [], [], party_name_test(actors))
    return stored.save_relations(store, found)


def actor_network(store: Store, actors: ActorRegistry, since: str | None = None, until: str | None = None,
                  actor: str | None = None, depth: int = 2, policy: ConfidentialityPolicy | None = None) -> dict[str, Any]:
    """The published network (node-link JSON): every relation in the window, or `actor`'s ego network.

    `actor` may be any name the registry knows ("ISKP", any case) or a node's name; confidential
    sources are redacted.
    """
    relations = list(stored.iter_relations(store, since=since, until=until))
    nodes = {n for r in relations for n in (r.source, r.target)}
    policy = policy or ConfidentialityPolicy()
    canonical = (network_actor(actors, actor, sorted(nodes), secret=policy.names_confidential_person)
                 if actor is not None else None)
    types = _actor_types(actors, nodes)
    data = network(relations, since=since, until=until, actor=canonical, depth=depth, actor_types=types)
    return public_network(data, policy)


def _actor_types(actors: ActorResolver, names: Iterable[str]) -> dict[str, str | None]:
    out = {}
    for name in sorted(names):
        found = actors.resolve(name)
        out[name] = found.actor_type if found is not None and found.canonical == name else None
    return out


def write_network(data: dict[str, Any], path: str | None) -> str:
    """The JSON text, written to `path` when given."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if path is not None:
        try:
            Path(path).write_text(text + "\n", encoding="utf-8")
        except OSError as exc:
            raise ConflictLensError("CL-E754", f"cannot write the network ({exc.strerror}); check the path and "
                                    "its permissions", path) from exc
    return text
