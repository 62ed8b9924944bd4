"""The actor network: actors as nodes, relations aggregated into typed, dated, sourced edges.

Pure: takes relation records, returns a graph or its node-link JSON. One edge per (source, target,
kind); an undirected kind keeps its pair in sorted order. Each edge keeps every relation behind it
(its evidence, who said it and when), counts by stance, Jadoon dimension and kind of support, and the
dates between which the relation is known to hold. An edge that rests only on denials stays in the
graph (the argument is the point) but does not connect an ego network.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from conflictlens.errors import ConflictLensError
from conflictlens.model.relations import RELATION_KINDS, ActorRelation

if TYPE_CHECKING:
    import networkx as nx

FORMAT_VERSION = 1


@dataclass(frozen=True)
class Window:
    """Dates (ISO, inclusive) a relation must be known to hold in; None leaves that side open."""

    since: str | None = None
    until: str | None = None

    def __post_init__(self) -> None:
        if self.since and self.until and self.since > self.until:
            raise ConflictLensError("CL-E751", "--since is after --until; swap them", f"{self.since} > {self.until}")

    def admits(self, rel: ActorRelation) -> bool:
        if self.since is None and self.until is None:
            return True
        low, high = rel.known_span()
        if low is None or high is None:
            return False  # an undated relation cannot be placed in a window
        return (self.until is None or low <= self.until) and (self.since is None or high >= self.since)


def _nx() -> Any:
    # networkx costs a tenth of a second to import: every extraction would pay it at start-up,
    # though only the network commands and exports build a graph.
    return import_module("networkx")


def build_graph(relations: Iterable[ActorRelation], window: Window = Window(),
                actor_types: Mapping[str, str | None] | None = None) -> nx.MultiDiGraph:
    """All relations in the window, aggregated into edges keyed by kind."""
    grouped: dict[tuple[str, str, str], list[ActorRelation]] = {}
    for rel in relations:
        if window.admits(rel):
            grouped.setdefault((rel.source, rel.target, rel.kind), []).append(rel)
    graph = _nx().MultiDiGraph(format_version=FORMAT_VERSION, since=window.since, until=window.until)
    for name in sorted({n for s, t, _k in grouped for n in (s, t)}):
        graph.add_node(name, actor_type=(actor_types or {}).get(name))
    for (source, target, kind), rels in sorted(grouped.items()):
        graph.add_edge(source, target, key=kind, **_edge(kind, rels))
    for name in graph.nodes:
        graph.nodes[name]["relations"] = sum(d["count"] for _s, _t, d in graph.edges(name, data=True)) + \
            sum(d["count"] for _s, _t, d in graph.in_edges(name, data=True))
    return graph


def _edge(kind: str, rels: list[ActorRelation]) -> dict[str, Any]:
    rels = sorted(rels, key=lambda r: (r.said_on or "", r.start or "", r.id))
    spans = [r.known_span() for r in rels]
    stances = Counter(r.stance for r in rels)
    directed, polarity = RELATION_KINDS[kind]
    return {
        "kind": kind, "directed": directed, "polarity": polarity, "count": len(rels),
        "documents": len({r.document_id for r in rels if r.document_id}),
        "events": len({r.event_id for r in rels if r.event_id}),
        "stances": dict(sorted(stances.items())),
        "dimensions": dict(sorted(Counter(r.dimension for r in rels if r.dimension).items())),
        "supports": dict(sorted(Counter(r.support for r in rels if r.support).items())),
        "origins": dict(sorted(Counter(r.origin for r in rels).items())),
        "first": min((low for low, _h in spans if low), default=None),
        "last": max((high for _l, high in spans if high), default=None),
        "denied_only": set(stances) == {"denied"},
        "sources": [_source(r) for r in rels],
    }


def _source(rel: ActorRelation) -> dict[str, Any]:
    """One relation behind an edge, as published: the statement, who made it, when, and its text."""
    return {
        "id": rel.id, "document_id": rel.document_id, "event_id": rel.event_id, "origin": rel.origin,
        "stance": rel.stance, "dimension": rel.dimension, "support": rel.support, "start": rel.start,
        "end": rel.end, "precision": rel.precision, "date_basis": rel.date_basis, "by": rel.by,
        "said_on": rel.said_on, "reliability": rel.reliability, "credibility": rel.credibility,
        "confidence": rel.confidence, "cue": rel.cue,
        "evidence": rel.evidence.to_dict() if rel.evidence else None,
    }


def ego_network(graph: nx.MultiDiGraph, actor: str, depth: int) -> nx.MultiDiGraph:
    """The actors within `depth` hops of `actor` (any direction, not through denial-only edges), and
    every edge among them. Each node gets `hops`, its distance from the actor."""
    if depth < 0:
        raise ConflictLensError("CL-E751", "--depth must be 0 or more", str(depth))
    if actor not in graph:
        raise ConflictLensError("CL-E750", "this actor has no relation in the network (in this date window); "
                                "check the name with `conflictlens actors list` or widen --since/--until", actor)
    links = _nx().Graph()
    links.add_nodes_from(graph.nodes)
    links.add_edges_from((s, t) for s, t, d in graph.edges(data=True) if not d["denied_only"])
    hops = _nx().single_source_shortest_path_length(links, actor, cutoff=depth)
    ego = graph.subgraph(hops).copy()
    ego.graph.update(actor=actor, depth=depth)
    for name, distance in hops.items():
        ego.nodes[name]["hops"] = distance
    return ego


def node_link(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """The graph as node-link JSON (networkx layout: directed, multigraph, graph, nodes, edges),
    with nodes and edges in a stable order and a summary of their numbers."""
    data = _nx().node_link_data(graph, edges="edges")
    data["nodes"] = sorted(data["nodes"], key=lambda n: n["id"])
    data["edges"] = sorted(data["edges"], key=lambda e: (e["source"], e["target"], e["key"]))
    data["graph"] = {**data["graph"], "nodes": len(data["nodes"]), "edges": len(data["edges"]),
                     "relations": sum(e["count"] for e in data["edges"]),
                     "by_kind": dict(sorted(Counter(e["kind"] for e in data["edges"]).items()))}
    return data


def network(relations: Iterable[ActorRelation], since: str | None = None, until: str | None = None,
            actor: str | None = None, depth: int = 2,
            actor_types: Mapping[str, str | None] | None = None) -> dict[str, Any]:
    """Node-link JSON of the relations in [since, until], or of `actor`'s ego network of `depth` hops."""
    graph = build_graph(relations, Window(since, until), actor_types)
    if actor is not None:
        graph = ego_network(graph, actor, depth)
    return node_link(graph)
