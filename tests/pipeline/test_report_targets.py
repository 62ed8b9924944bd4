"""A report's target actor reaches every output that has a place for it: STIX, GraphML, ACLED actor2."""

from __future__ import annotations

import csv
import io
import json

import networkx as nx

from conflictlens.pipeline.extraction import ingest
from conflictlens.pipeline.interop import export_events
from conflictlens.store import Store

REPORT = """Title: Checkpoint attack in Kandahar
Published: 2021-03-09
Outlet: Example Wire

Taliban fighters attacked a police checkpoint in Kandahar city on Monday, killing three policemen.
"""


def test_the_attacked_police_appear_in_stix_graphml_and_acled(tmp_path, extractor):
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    with Store.open(tmp_path / "t.db") as store:
        ingest([tmp_path / "report.txt"], store, extractor)
        outputs = {}
        for fmt in ("stix", "graphml", "acled"):
            out = io.StringIO()
            assert export_events(fmt, store, out) == 1
            outputs[fmt] = out.getvalue()
    objects = json.loads(outputs["stix"])["objects"]
    by_id = {o["id"]: o for o in objects}
    targets = [o for o in objects if o["type"] == "relationship" and o["relationship_type"] == "targets"]
    assert [by_id[t["target_ref"]]["name"] for t in targets] == ["Afghan National Police (ANP)"]
    graph = nx.read_graphml(io.StringIO(outputs["graphml"]))
    assert graph.has_edge("Taliban", "Afghan National Police (ANP)")
    [row] = csv.DictReader(io.StringIO(outputs["acled"]))
    assert row["actor2"] and "Police" in row["actor2"]
