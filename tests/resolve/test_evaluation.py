"""Resolution accuracy on the labelled sets (targets: pairwise precision >= 0.97, recall >= 0.9).

The reports set is ours and always runs; the ACLED and GTD-UCDP sets read ../shared/data in place
and are skipped when it is absent. docs/accuracy.md gives the measured numbers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conflictlens.errors import ConflictLensError
from conflictlens.ingest.datasets.values import row_ids
from conflictlens.model.records import Event
from conflictlens.evaluation import resolution as resolution_eval
from conflictlens.evaluation import labelled_sets as evalsets

LABELS = Path(__file__).parent / "data"


def _check_targets(result: resolution_eval.SetResult) -> None:
    assert result.skipped is None, result.skipped
    s = result.scores
    assert s.pair_precision >= 0.97, s
    assert s.pair_recall >= 0.9, s
    assert s.bcubed_f1 >= 0.95, s


def test_our_reports_with_coded_fields():
    result, = resolution_eval.evaluate(LABELS, None, ("reports-coded",))
    assert result.scores.items == 39 and result.scores.gold_pairs == 28
    _check_targets(result)


def test_acled_near_duplicates(shared_data):
    result, = resolution_eval.evaluate(LABELS, shared_data, ("acled",))
    assert result.scores.items == 11
    _check_targets(result)
    # AFG4, AFG47 and AFG77 are one incident; nothing else merges.
    groups = {}
    for item, incident in result.clusters.items():
        groups.setdefault(incident, set()).add(item)
    # read by the importer: the events carry the ids `conflictlens import acled` gives the rows
    assert {row_ids("ACLED", rid)[1] for rid in ("AFG4", "AFG47", "AFG77")} in groups.values()
    assert sum(len(g) > 1 for g in groups.values()) == 1


def test_gtd_against_ucdp(shared_data):
    result, = resolution_eval.evaluate(LABELS, shared_data, ("gtd-ucdp",))
    assert result.scores.items == 119 and result.scores.gold_pairs == 18
    _check_targets(result)


def test_sets_without_their_data_are_skipped_not_failed(tmp_path):
    results = resolution_eval.evaluate(LABELS, tmp_path, ("acled", "gtd-ucdp", "reports-extracted"))
    assert all(r.skipped for r in results)
    assert "skipped" in resolution_eval.render(results)


def test_label_files_hold_ids_and_reasons_only():
    for row in evalsets.read_labels(LABELS / "gtd_ucdp_pk_2021q1_links.tsv"):
        assert row["gtd"].isdigit() and row["ucdp"].isdigit() and len(row["how"]) < 200
    for row in evalsets.read_labels(LABELS / "acled_afg_2017_labels.tsv"):
        assert row["item"].startswith("AFG") and len(row["note"]) < 100


def test_a_broken_label_file_is_a_coded_error(tmp_path):
    bad = tmp_path / "labels.tsv"
    bad.write_text("just one column\n", encoding="utf-8")
    with pytest.raises(ConflictLensError) as err:
        evalsets.read_labels(bad)
    assert err.value.code == "CL-E604"
    with pytest.raises(ConflictLensError):
        evalsets.read_labels(tmp_path / "missing.tsv")


def test_labelled_rows_keep_the_named_rows_in_order_and_need_all_of_them(tmp_path):
    events = [Event(id=f"evt_{i}", document_id=f"doc_{i}", dataset="ACLED", dataset_id=f"XYZ{i}") for i in range(4)]
    items = [(e, None) for e in events]
    found = evalsets.labelled_rows("invented", items, {"XYZ3": "a", "XYZ1": "a"}, tmp_path / "labels.tsv")
    assert [e.id for e, _ in found.events] == ["evt_1", "evt_3"] and found.gold == {"evt_1": "a", "evt_3": "a"}
    with pytest.raises(ConflictLensError) as err:
        evalsets.labelled_rows("invented", items, {"XYZ9": "b"}, tmp_path / "labels.tsv")
    assert err.value.code == "CL-E604"


def test_linked_rows_are_one_incident_and_must_all_be_read(tmp_path):
    events = [Event(id=f"evt_{ds}{i}", document_id=f"doc_{ds}{i}", dataset=ds, dataset_id=str(i))
              for ds in ("GTD", "UCDP") for i in range(3)]
    found = evalsets.linked_rows("invented", [(e, None) for e in events], {"GTD:1": "UCDP:2"}, tmp_path / "l.tsv")
    assert [e.id for e, _ in found.events] == [e.id for e in events]
    assert found.gold["evt_GTD1"] == found.gold["evt_UCDP2"] != found.gold["evt_UCDP1"]
    assert len(set(found.gold.values())) == 5
    with pytest.raises(ConflictLensError) as err:
        evalsets.linked_rows("invented", [(e, None) for e in events], {"GTD:9": "UCDP:2"}, tmp_path / "l.tsv")
    assert err.value.code == "CL-E604" and "GTD:9" in err.value.message
