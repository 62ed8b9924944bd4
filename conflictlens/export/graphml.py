"""GraphML: the actor network, for networkx, Gephi and yEd.

Nodes are actors (canonical names) with their type, and how many events they took part in.
Edges are directed and dated, one per event and pair of actors, typed by what happened:
"attacked" (perpetrator -> attacked actor), "fought" (a battle: one side -> the other), and
"co_attributed" (two actors named for the same event: first -> other, e.g. one claimed it and
another was blamed). Parallel edges are kept (each has its own id), so the file reads back as a
multigraph. Written with xml.etree element by element: edges stream, nodes (few) are kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import IO, Any
from xml.etree import ElementTree as ET

from conflictlens.export.context import PublicView
from conflictlens.model.records import Event

NS = "http://graphml.graphdrawing.org/xmlns"
# (key id, applies to, attribute name, GraphML type)
KEYS = (
    ("n_label", "node", "label", "string"),
    ("n_type", "node", "actor_type", "string"),
    ("n_events", "node", "events", "int"),
    ("e_kind", "edge", "kind", "string"),
    ("e_event", "edge", "event_id", "string"),
    ("e_date", "edge", "date", "string"),
    ("e_date_end", "edge", "date_end", "string"),
    ("e_precision", "edge", "date_precision", "string"),
    ("e_event_type", "edge", "event_type", "string"),
    ("e_sub_event_type", "edge", "sub_event_type", "string"),
    ("e_fatalities", "edge", "fatalities", "int"),
    ("e_country", "edge", "country", "string"),
    ("e_dataset", "edge", "dataset", "string"),
    ("e_stance", "edge", "stance", "string"),
)
_BATTLES = "Battles"
# Characters XML 1.0 cannot hold at all, not even escaped: dropped from names and values.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(value: object) -> str:
    return _NOT_XML.sub("", str(value))


def edges_of(event: Event) -> list[tuple[str, str, str, str | None]]:
    """(source, target, kind, stance) for every actor pair the event links."""
    out: list[tuple[str, str, str, str | None]] = []
    if event.perpetrator and event.target_actor and event.perpetrator != event.target_actor:
        kind = "fought" if event.event_type == _BATTLES else "attacked"
        out.append((event.perpetrator, event.target_actor, kind, None))
    named = [a for a in event.attribution if a.actor and a.stance != "denied"]
    first = event.perpetrator or (named[0].actor if named else None)
    for statement in named:
        if first and statement.actor != first and all(statement.actor != e[1] for e in out):
            out.append((first, statement.actor or "", "co_attributed", statement.stance))
    return out


def _data(parent: ET.Element, key: str, value: Any) -> None:
    if value is not None and value != "":
        ET.SubElement(parent, "data", key=key).text = xml_safe(value)


def _edge(n: int, source: str, target: str, kind: str, stance: str | None, event: Event) -> ET.Element:
    edge = ET.Element("edge", id=f"e{n}", source=xml_safe(source), target=xml_safe(target))
    values = (("e_kind", kind), ("e_event", event.id), ("e_date", event.date.start),
              ("e_date_end", event.date.end), ("e_precision", event.date.precision),
              ("e_event_type", event.event_type), ("e_sub_event_type", event.sub_event_type),
              ("e_fatalities", event.fatalities.best), ("e_country", event.location.country),
              ("e_dataset", event.dataset), ("e_stance", stance))
    for key, value in values:
        _data(edge, key, value)
    return edge


def write_graphml(events: Iterable[Event], out: IO[str], view: PublicView) -> int:
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(f'<graphml xmlns="{NS}">\n')
    for key, domain, name, kind in KEYS:
        out.write("  " + ET.tostring(ET.Element("key", {"id": key, "for": domain, "attr.name": name,
                                                          "attr.type": kind}), encoding="unicode") + "\n")
    out.write('  <graph id="actors" edgedefault="directed">\n')
    involvement: dict[str, int] = {}
    n_events = n_edges = 0
    for event in events:
        n_events += 1
        actors = {a for a in (event.perpetrator, event.target_actor) if a}
        actors.update(a.actor for a in event.attribution if a.actor and a.stance != "denied")
        for actor in actors:
            involvement[actor] = involvement.get(actor, 0) + 1
        for source, target, kind, stance in edges_of(event):
            out.write("    " + ET.tostring(_edge(n_edges, source, target, kind, stance, event),
                                           encoding="unicode") + "\n")
            n_edges += 1
    for actor in sorted(involvement):
        node = ET.Element("node", id=xml_safe(actor))
        _data(node, "n_label", actor)
        _data(node, "n_type", view.context.actor_type(actor))
        _data(node, "n_events", involvement[actor])
        out.write("    " + ET.tostring(node, encoding="unicode") + "\n")
    out.write("  </graph>\n</graphml>\n")
    return n_events
