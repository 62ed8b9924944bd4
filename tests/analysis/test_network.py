"""The actor network: aggregation into typed, dated, sourced edges, date windows, ego networks."""

from __future__ import annotations

import json

import pytest

from conflictlens.analysis.network import Window, build_graph, ego_network, network, node_link
from conflictlens.errors import ConflictLensError
from conflictlens.model.records import Evidence
from conflictlens.model.relations import ActorRelation, ordered_pair, relation_id


def rel(kind, source, target, *, doc="doc_a", start=None, end=None, said_on="2021-06-01", stance="asserted",
        support=None, dimension=None, span=(0, 10), by="officials") -> ActorRelation:
    source, target = ordered_pair(kind, source, target)
    return ActorRelation(
        id=relation_id(kind, source, target, support, doc, None, span), kind=kind, source=source, target=target,
        stance=stance, support=support, dimension=dimension, start=start, end=end, said_on=said_on,
        date_basis="text" if start or end else "document", by=by, document_id=doc,
        evidence=Evidence(doc, span[0], span[1], "a sentence"), confidence=0.8,
    )


# A chain ISKP - LeJ - SSP - TLP, a side branch ISKP -> ISIL, and a denial-only edge Taliban - al-Qaeda.
CHAIN = [
    rel("alliance", "ISKP", "LeJ", start="2017-01-01", end="2019-12-31", dimension="operational"),
    rel("alliance", "LeJ", "ISKP", doc="doc_b", stance="alleged", dimension="operational", said_on="2020-02-01"),
    rel("alliance", "LeJ", "SSP", dimension="ideological", said_on="2020-01-01"),
    rel("rivalry", "SSP", "TLP", said_on="2021-03-01"),
    rel("allegiance", "ISKP", "ISIL", start="2015-01-01", said_on="2021-06-01"),
    rel("support", "ISIL", "ISKP", support="weapons", dimension="logistical", said_on="2021-06-01"),
    rel("support", "ISIL", "ISKP", support="funding", dimension="logistical", said_on="2021-06-01", span=(11, 20)),
    rel("alliance", "Taliban", "al-Qaeda", stance="denied", said_on="2021-08-26"),
    rel("rivalry", "Taliban", "ISKP", said_on="2021-08-27"),
]


def test_relations_aggregate_into_one_edge_per_pair_and_kind():
    graph = build_graph(CHAIN)
    assert graph.number_of_nodes() == 7 and graph.number_of_edges() == 7
    edge = graph.edges["ISKP", "LeJ", "alliance"]
    assert (edge["count"], edge["documents"], edge["directed"], edge["polarity"]) == (2, 2, False, "cooperative")
    assert edge["stances"] == {"alleged": 1, "asserted": 1} and edge["dimensions"] == {"operational": 2}
    assert (edge["first"], edge["last"]) == ("2017-01-01", "2020-02-01")
    assert [s["document_id"] for s in edge["sources"]] == ["doc_b", "doc_a"]  # oldest report first
    support = graph.edges["ISIL", "ISKP", "support"]
    assert support["supports"] == {"funding": 1, "weapons": 1} and support["directed"]
    assert graph.edges["Taliban", "al-Qaeda", "alliance"]["denied_only"]
    assert graph.nodes["ISKP"]["relations"] == 6


def test_a_date_window_keeps_relations_known_to_hold_in_it():
    in_2018 = build_graph(CHAIN, Window("2018-01-01", "2018-12-31"))
    # The 2017-2019 alliance, and the pledge of 2015 reported in 2021 (known to hold 2015..2021).
    assert sorted(in_2018.edges(keys=True)) == [("ISKP", "ISIL", "allegiance"), ("ISKP", "LeJ", "alliance")]
    assert in_2018.edges["ISKP", "LeJ", "alliance"]["count"] == 1
    since = build_graph(CHAIN, Window(since="2021-08-01"))
    assert sorted(since.edges(keys=True)) == [("ISKP", "Taliban", "rivalry"), ("Taliban", "al-Qaeda", "alliance")]
    undated = rel("rivalry", "A", "B", said_on=None)
    assert build_graph([undated]).number_of_edges() == 1
    assert build_graph([undated], Window(until="2030-01-01")).number_of_edges() == 0
    with pytest.raises(ConflictLensError) as err:
        Window("2021-01-02", "2021-01-01")
    assert err.value.code == "CL-E751"


@pytest.mark.parametrize("depth, nodes", [
    (0, {"LeJ"}),
    (1, {"LeJ", "ISKP", "SSP"}),
    (2, {"LeJ", "ISKP", "SSP", "TLP", "ISIL", "Taliban"}),
    (3, {"LeJ", "ISKP", "SSP", "TLP", "ISIL", "Taliban"}),  # al-Qaeda only by a denied alliance
])
def test_ego_network_depth(depth, nodes):
    ego = ego_network(build_graph(CHAIN), "LeJ", depth)
    assert set(ego.nodes) == nodes
    assert ego.nodes["LeJ"]["hops"] == 0
    if depth >= 2:
        assert ego.nodes["TLP"]["hops"] == 2 and ego.nodes["Taliban"]["hops"] == 2
        assert ("ISIL", "ISKP", "support") in set(ego.edges(keys=True))  # every edge among the actors reached


def test_a_denial_is_shown_but_connects_nobody():
    ego = ego_network(build_graph(CHAIN), "Taliban", 1)
    assert set(ego.nodes) == {"Taliban", "ISKP"}
    both = ego_network(build_graph(CHAIN), "al-Qaeda", 5)
    assert set(both.nodes) == {"al-Qaeda"}


def test_ego_network_errors():
    graph = build_graph(CHAIN)
    with pytest.raises(ConflictLensError) as unknown:
        ego_network(graph, "Hizb-ul-Ahrar", 2)
    assert unknown.value.code == "CL-E750" and unknown.value.subject == "Hizb-ul-Ahrar"
    with pytest.raises(ConflictLensError) as negative:
        ego_network(graph, "LeJ", -1)
    assert negative.value.code == "CL-E751"


def test_node_link_json_is_stable_and_complete():
    data = network(CHAIN, actor="ISKP", depth=1, actor_types={"ISKP": "rebel group"})
    again = network(list(reversed(CHAIN)), actor="ISKP", depth=1, actor_types={"ISKP": "rebel group"})
    assert json.dumps(data, sort_keys=False) == json.dumps(again, sort_keys=False)
    assert data["directed"] and data["multigraph"]
    assert [n["id"] for n in data["nodes"]] == ["ISIL", "ISKP", "LeJ", "Taliban"]
    assert next(n for n in data["nodes"] if n["id"] == "ISKP")["actor_type"] == "rebel group"
    assert data["graph"]["actor"] == "ISKP" and data["graph"]["depth"] == 1
    assert data["graph"]["nodes"] == 4 and data["graph"]["edges"] == 4 and data["graph"]["relations"] == 6
    assert data["graph"]["by_kind"] == {"allegiance": 1, "alliance": 1, "rivalry": 1, "support": 1}
    edge = next(e for e in data["edges"] if e["key"] == "allegiance")
    assert (edge["source"], edge["target"], edge["kind"]) == ("ISKP", "ISIL", "allegiance")
    source = edge["sources"][0]
    assert set(source) >= {"id", "document_id", "evidence", "by", "said_on", "stance", "start", "end", "reliability",
                           "credibility", "date_basis"}
    assert node_link(build_graph([]))["graph"]["nodes"] == 0
