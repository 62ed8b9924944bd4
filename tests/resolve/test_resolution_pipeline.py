"""Resolution wired to the store: incremental ingest, re-extraction, pins, split and merge, `why`."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from conflictlens.errors import ConflictLensError
from conflictlens.model.records import Casualties, Document
from conflictlens.evaluation import resolution as resolution_eval
from conflictlens.pipeline.resolution import (
    build_context, district_of, recompose, resolve_after_save, resolve_pending,
)
from conflictlens.pipeline.resolution_decisions import merge, split, why
from conflictlens.store import Store
from conflictlens.store.incidents import IncidentStore
from resolve_helpers import event

LABELS = Path(__file__).parent / "data"


def doc(name: str, published: str = "2023-03-09", outlet: str = "Kabul Wire") -> Document:
    return Document(id=f"doc_{name}", text=f"report {name}", published=published, outlet=outlet)


def save(store: Store, pairs, version: str = "v1"):
    batch = [(d, evs) for d, evs in pairs]
    results = store.save_many(batch, version)
    return resolve_after_save(store, batch, results)


def incident_of(store: Store, event_id: str) -> str:
    return IncidentStore(store).membership(event_id).incident_id


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "incidents.db") as opened:
        yield opened


def funeral(name: str, killed: int, place: str = "Dasht-e-Barchi", **kw):
    return event(f"evt_{name}", doc=f"doc_{name}", place=place, killed=killed, targets=("funeral",),
                 text=f"A suicide bomber struck a funeral in {place}, killing {killed}", **kw)


def clinic(name: str):
    return event(f"evt_{name}", doc=f"doc_{name}", place="Khair Khana", sub="Attack", killed=4,
                 targets=("private clinic",), text="Gunmen stormed a private clinic in Khair Khana")


def test_ingest_merges_reports_incrementally_and_keeps_same_day_attacks_apart(store):
    report = save(store, [(doc("a"), [funeral("a", 16)]), (doc("c"), [clinic("c")])])
    assert report.started == 2 and report.joined == 0
    report = save(store, [(doc("b", "2023-03-10", "Pamir Post"), [funeral("b", 24, place="Dashte Barchi")])])
    assert report.joined == 1 and report.started == 0
    assert incident_of(store, "evt_a") == incident_of(store, "evt_b") != incident_of(store, "evt_c")
    record = IncidentStore(store).incident(incident_of(store, "evt_b"))
    assert record["members"] == ["evt_a", "evt_b"]
    assert record["fatalities"]["best"] == 24
    assert record["fatalities"]["timeline"] == "16, Kabul Wire, 9 Mar 2023; 24, Pamir Post, 10 Mar 2023"
    assert record["location"]["sources"]


def test_the_stored_resolver_agrees_with_the_in_memory_one(store):
    coded = resolution_eval._coded_reports(LABELS, build_context())
    by_doc: dict[str, list] = {}
    for ev, _ in coded.events:
        by_doc.setdefault(ev.document_id, []).append(ev)
    docs, _ = resolution_eval._reports(LABELS)
    save(store, [(d, by_doc[d.id]) for _, d in docs])
    in_memory = resolution_eval.resolve_in_memory(coded.events, build_context())
    stored = {e: incident_of(store, e) for e in in_memory}
    assert _partition(stored) == _partition(in_memory)


def _partition(labels: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for item, label in labels.items():
        groups.setdefault(label, set()).add(item)
    return {frozenset(g) for g in groups.values()}


def test_re_extraction_re_resolves_unpinned_and_keeps_pinned(store):
    save(store, [(doc("a"), [funeral("a", 16)]), (doc("b"), [funeral("b", 24)])])
    assert incident_of(store, "evt_a") == incident_of(store, "evt_b")
    # A new extractor reads report b as a different attack: it leaves the incident.
    moved = dataclasses.replace(funeral("b", 24), sub_event_type="Peaceful protest")
    save(store, [(doc("b"), [moved])], version="v2")
    assert incident_of(store, "evt_a") != incident_of(store, "evt_b")
    # Once an analyst merges them, re-extraction no longer moves b.
    merge(store, ["evt_a", "evt_b"], "ana", "the same funeral")
    save(store, [(doc("b"), [moved])], version="v3")
    assert incident_of(store, "evt_a") == incident_of(store, "evt_b")
    assert IncidentStore(store).membership("evt_b").pinned


def test_split_is_audited_and_later_ingests_respect_it(store):
    save(store, [(doc("a"), [funeral("a", 16)]), (doc("b"), [funeral("b", 16)])])
    old = incident_of(store, "evt_b")
    assert incident_of(store, "evt_a") == old
    result = split(store, ["evt_b"], "ana", "b is the second blast")
    assert result["incident"] == old and result["remaining"] == ["evt_a"]
    assert incident_of(store, "evt_b") == result["new_incident"] != incident_of(store, "evt_a")
    # Report a is re-extracted with a revised toll, so it is resolved again: it must not go back with b.
    save(store, [(doc("a"), [funeral("a", 17)])], version="v2")
    assert IncidentStore(store).membership("evt_a").decision["refused"][0]["why"].startswith("an analyst")
    assert incident_of(store, "evt_a") != incident_of(store, "evt_b")
    trail = IncidentStore(store).decisions(event_id="evt_b")
    assert [(d.action, d.analyst, d.reason) for d in trail] == [("split", "ana", "b is the second blast")]
    explained = why(store, "evt_b")
    assert explained["pinned"] and explained["analyst_decisions"][0]["action"] == "split"


def test_merge_joins_incidents_into_the_first_reported(store):
    save(store, [(doc("a"), [funeral("a", 16)]), (doc("c"), [clinic("c")])])
    first = incident_of(store, "evt_a")
    result = merge(store, [incident_of(store, "evt_c"), "evt_a"], "ana", "one complex attack")
    assert result["incident"] == first and incident_of(store, "evt_c") == first
    incidents = IncidentStore(store)
    assert incidents.incident(result["merged"][0]) is None
    assert incidents.incident(first)["pinned"] == ["evt_a", "evt_c"]


def test_decisions_refuse_nonsense(store):
    save(store, [(doc("a"), [funeral("a", 16)]), (doc("c"), [clinic("c")])])
    with pytest.raises(ConflictLensError) as err:
        split(store, ["evt_a"], "ana", "alone already")
    assert err.value.code == "CL-E603"
    with pytest.raises(ConflictLensError):
        merge(store, ["evt_a"], "ana", "only one")
    with pytest.raises(ConflictLensError):
        merge(store, ["evt_a", "evt_c"], "ana", " ")
    with pytest.raises(ConflictLensError) as err:
        why(store, "evt_missing")
    assert err.value.code == "CL-E202"
    with pytest.raises(ConflictLensError) as err:
        merge(store, ["inc_0000000000000000", "evt_a"], "ana", "x")
    assert err.value.code == "CL-E601"


def test_vanished_events_leave_their_incident(store):
    save(store, [(doc("a"), [funeral("a", 16)]), (doc("b"), [funeral("b", 16)])])
    incident = incident_of(store, "evt_a")
    report = save(store, [(doc("b"), [])], version="v2")
    assert report.removed == 1
    assert IncidentStore(store).incident(incident)["members"] == ["evt_a"]


def test_why_shows_each_feature(store):
    save(store, [(doc("a"), [funeral("a", 16)]), (doc("b", "2023-03-10", "Pamir Post"), [funeral("b", 24)])])
    explained = why(store, "evt_b")
    other, = explained["compared_now"]
    assert other["event_id"] == "evt_a" and other["source"] == "Kabul Wire"
    assert other["features"]["date"] == {"outcome": "same_day", "weight": 2.0}
    assert explained["decision"]["reason"] == "matched"
    assert explained["incident"]["fatalities"]["best"] == 24


def test_pending_events_are_resolved_later(store):
    store.save_many([(doc("a"), [funeral("a", 16)]), (doc("b"), [funeral("b", 16)])], "v1")
    assert IncidentStore(store).membership("evt_a") is None
    report = resolve_pending(store)
    assert report.started == 1 and report.joined == 1
    assert resolve_pending(store).to_dict()["joined"] == 0


def test_pending_batches_recompose_only_their_own_incidents(store, monkeypatch):
    """Each batch recomposes the incidents it touched, not every one touched since the first batch
    (which made re-resolving a large store quadratic)."""
    from conflictlens.pipeline import resolution

    days = [f"2023-0{month}-09" for month in range(1, 7)]  # months apart: six incidents
    store.save_many([(doc(day), [funeral(day, 3, day=day)]) for day in days], "v1")
    composed: list[str] = []
    real = resolution.compose
    monkeypatch.setattr(resolution, "PENDING_BATCH", 2)
    monkeypatch.setattr(resolution, "compose", lambda incident_id, pairs: composed.append(incident_id) or real(
        incident_id, pairs))
    report = resolve_pending(store)
    assert report.started == 6 and len(report.incidents) == 6
    assert sorted(composed) == sorted(report.incidents)  # three batches, each incident composed once


def test_casualty_ranges_from_datasets_are_kept(store):
    ucdp = dataclasses.replace(funeral("u", 16), dataset="UCDP", dataset_id="1", fatalities=Casualties(14, 16, 20))
    save(store, [(doc("u", outlet="UCDP"), [ucdp])])
    record = IncidentStore(store).incident(incident_of(store, "evt_u"))
    assert (record["fatalities"]["low"], record["fatalities"]["high"]) == (14, 20)
    assert record["sources"][0]["label"] == "UCDP 1"


def test_confidential_reports_are_redacted_in_incident_output(store):
    from conflictlens.pipeline.attribution import mark_document
    from conflictlens.pipeline.public import Public

    save(store, [(doc("a"), [funeral("a", 16)]), (doc("b", "2023-03-10", "Secret Source"), [funeral("b", 24)])])
    mark_document(store, "doc_b", "editor", "our own source")
    incidents = IncidentStore(store)
    shown = Public(store).incident(incidents.incident(incident_of(store, "evt_a")))
    text = str(shown)
    # Word boundaries: a random pseudonym may itself begin "doc_b..." or "evt_b...".
    assert "Secret Source" not in text and not re.search(r"\b(?:evt_b|doc_b)\b", text)
    assert [s["label"] for s in shown["sources"]] == ["Kabul Wire", "confidential source"]
    assert shown["fatalities"]["best"] == 24  # coded facts stay
    explained = why(store, "evt_a")
    assert "Secret Source" not in str(explained) and not re.search(r"\bevt_b\b", str(explained))
    assert explained["compared_now"][0]["source"] == "confidential source"


def test_one_batch_decides_as_one_report_at_a_time_would(tmp_path):
    """Within a batch, memberships and candidate samples are kept in memory: the decisions must be
    those of saving the reports one by one, also once an incident outgrows the sample."""
    base = build_context()
    ctx = dataclasses.replace(base, settings=dataclasses.replace(base.settings, max_members_compared=2))
    reports = [(doc(f"r{i}", f"2023-03-{9 + i % 3:02d}"), [funeral(f"r{i}", 16 + i)]) for i in range(6)]
    decisions = []
    for name, batches in (("together", [reports]), ("apart", [[r] for r in reports])):
        with Store.open(tmp_path / f"{name}.db") as store:
            for batch in batches:
                resolve_after_save(store, batch, store.save_many(batch, "v1"), ctx)
            members = IncidentStore(store).memberships([e.id for _, evs in reports for e in evs])
            decisions.append({e: (m.incident_id, m.decision, m.seq) for e, m in members.items()})
    together, apart = decisions
    assert together == apart
    assert len({incident for incident, _, _ in together.values()}) == 1


def test_a_pinned_member_re_extracted_in_a_batch_is_compared_with_its_new_facts(tmp_path):
    """A pinned member stays in its incident when re-extracted, and later events of the same batch
    compare with its new profile, as they would one report at a time."""
    placement = {}
    for mode in ("together", "apart"):
        with Store.open(tmp_path / f"{mode}.db") as store:
            first = [(doc("x"), [funeral("x", 16)]), (doc("p"), [clinic("p")])]
            resolve_after_save(store, first, store.save_many(first, "v1"))
            merge(store, ["evt_x", "evt_p"], "ana", "analyst merge")  # pins both
            batch = [(doc("a", outlet="Other"), [clinic("a")]),
                     (doc("p"), [funeral("p", 16)]),  # the pinned clinic report now tells the funeral
                     (doc("b", outlet="Pamir Post"), [funeral("b", 16)])]
            for part in ([batch] if mode == "together" else [[item] for item in batch]):
                resolve_after_save(store, part, store.save_many(part, "v2"))
            placement[mode] = {e: incident_of(store, e) for e in ("evt_x", "evt_p", "evt_a", "evt_b")}
    assert placement["together"] == placement["apart"]
    assert placement["together"]["evt_b"] == placement["together"]["evt_x"]


def test_re_extraction_with_the_same_facts_keeps_the_event_where_it_was(store):
    batch = [(doc("k"), [funeral("k", 16)])]
    assert resolve_after_save(store, batch, store.save_many(batch, "v1")).started == 1
    before = incident_of(store, "evt_k")
    report = resolve_after_save(store, batch, store.save_many(batch, "v2"))  # a new extractor, same facts
    assert (report.kept, report.started, report.joined) == (1, 0, 0)
    assert incident_of(store, "evt_k") == before


def test_a_town_named_as_its_district_is_hinted_into_that_district():
    """Afghan district seats carry the district's name: the bundled gazetteer knows Panjwai only as a district."""
    gazetteer = build_context().gazetteer
    panjwai = event("p", place="Panjwai", admin2=None, admin1="Kandahar", dataset="GTD")
    assert district_of(panjwai, gazetteer) == "Panjwaye"
    assert district_of(event("k", place="Kabul", admin2=None, admin1="Kabul"), gazetteer) == "Kabul"
    assert district_of(event("n", place="Panjwai", admin2=None, admin1="Kabul"), gazetteer) is None


def test_same_day_gtd_rows_of_a_district_and_a_town_in_another_district_stay_apart():
    """The import path's context gives the hint: Arghandab district and Panjwai town are two incidents."""
    ctx = build_context()
    rows = [event("a", place=None, admin2="Arghandab", admin1="Kandahar", geo="district", sub=None,
                  perp="Taliban", killed=0, dataset="GTD"),
            event("b", place="Panjwai", admin2=None, admin1="Kandahar", sub=None, perp="Taliban", killed=0,
                  dataset="GTD")]
    rows = [dataclasses.replace(e, attack_type="Bombing/Explosion") for e in rows]
    incidents = resolution_eval.resolve_in_memory([(e, resolution_eval.source_for(e, ctx)) for e in rows], ctx)
    assert incidents["a"] != incidents["b"]


def test_incidents_a_batch_founded_are_recomposed_from_memory_as_from_the_store(store):
    """A batch recomposes the incidents it founded from the members it holds: after each batch the records
    must be those read back from the store, for founded, joined and older incidents alike, and after a revision."""
    revised = dataclasses.replace(clinic("c"), fatalities=Casualties(best=6))  # its facts changed: decided again
    batches = [([(doc("old"), [funeral("old", 16)])], "v1"),
               ([(doc("a", "2023-03-10", "Pamir Post"), [funeral("a", 24, place="Dashte Barchi")]),
                 (doc("c"), [clinic("c")]), (doc("d", outlet="Pamir Post"), [clinic("d")])], "v1"),
               ([(doc("c"), [revised]), (doc("e"), [funeral("e", 5, place="Kart-e-Sakhi")])], "v2")]
    incidents, sizes = IncidentStore(store), []
    for batch, version in batches:
        save(store, batch, version)
        ids = sorted({incident_of(store, e.id) for d, evs in batch for e in evs})
        from_memory = {i: incidents.incident(i) for i in ids}
        with store.transaction():
            recompose(incidents, ids, build_context())  # every member and event read back from the store
        assert {i: incidents.incident(i) for i in ids} == from_memory
        sizes.append(sorted(len(record["members"]) for record in from_memory.values()))
    assert sizes == [[1], [2, 2], [1, 2]]  # the clinic reports c and d founded one incident in one batch
