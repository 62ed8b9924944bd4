"""End to end through the pipeline: an unknown organisation is kept as a candidate, reviewed, and the
reviewer's edit holds when the report is extracted again. The reports are written for this test."""

from __future__ import annotations

import pytest

from conflictlens import pipeline
from conflictlens.pipeline import actors as wiring
from conflictlens.pipeline.session import Session, session_registry, stored_edits
from conflictlens.store import Store

BLA = "Baloch Liberation Army (BLA)"
REPORT = ("QUETTA, March 4, 2021 - Gunmen killed two policemen in Quetta on Monday. Officials blamed the "
          "Balochistan Freedom Guard for the attack.\n")


@pytest.fixture
def store(tmp_path):
    report = tmp_path / "quetta.txt"
    report.write_text(REPORT, encoding="utf-8")
    with Store.open(tmp_path / "flow.db") as opened:
        yield opened, str(report)


def _ingest(store: Store, path: str, version: str | None = None) -> None:
    extractor = Session.over(store).extractor
    if version is not None:
        assert extractor is not pipeline.build_extractor()  # never relabel the shared cached extractor
        extractor.version = version
    report = pipeline.ingest([path], store, extractor)
    assert report.errors == [] and report.events >= 1


def _perpetrators(store: Store) -> set[str | None]:
    return {e.perpetrator for e in store.iter_events()}


def test_unknown_group_is_kept_reviewed_and_survives_reextraction(store):
    db, path = store
    _ingest(db, path)
    assert _perpetrators(db) == {"Balochistan Freedom Guard"}  # kept, not dropped
    registry = session_registry(db)
    [candidate] = wiring.candidates(registry, db, status="review")
    assert candidate["name"] == "Balochistan Freedom Guard" and candidate["labels"] == ["ORG"]
    assert candidate["suggestions"]

    edit = wiring.merge(db, "Balochistan Freedom Guard", "BLA", by="analyst-1", note="same group, new name")
    assert (edit["op"], edit["name"], edit["value"], edit["by"]) == ("merge", "Balochistan Freedom Guard", BLA,
                                                                     "analyst-1")
    registry = session_registry(db)
    assert wiring.candidates(registry, db, status="review") == []  # reviewed: off the list
    # Before re-extraction the stored events still say the old name; `show` counts them for BLA.
    shown = wiring.show_actor(registry, db, "BLA")
    assert shown["merged_names"] == ["Balochistan Freedom Guard"]
    assert shown["events_per_year"] == [{"year": "2021", "claimed": 0, "attributed": 1, "suspected": 0,
                                         "denied": 0, "total": 1}]

    _ingest(db, path, version="re-extraction-test")
    assert _perpetrators(db) == {BLA}  # the edit held through re-extraction
    assert wiring.candidates(session_registry(db), db, status="all") == []


def test_alias_and_rejection_hold_for_later_ingests(store, tmp_path):
    db, path = store
    wire = tmp_path / "wire.txt"
    # (A news agency such as Reuters is never a candidate: `extract/wire/furniture.py`.)
    wire.write_text("QUETTA, March 5, 2021 - A roadside bomb wounded a soldier in Quetta on Friday, the Quetta "
                    "Traders Association reported.\n", encoding="utf-8")
    _ingest(db, str(wire))  # only a name a stored report mentions can be rejected
    wiring.reject(db, "Quetta Traders Association", by="analyst-2")
    wiring.add_alias(db, "Baloch Liberation Army", "Balochistan Freedom Guard", by="analyst-2")
    _ingest(db, path)
    assert _perpetrators(db) == {None, BLA}  # the wire report names no perpetrator
    assert [(e.op, e.by) for e in stored_edits(db)] == [("reject", "analyst-2"), ("alias", "analyst-2")]
    assert session_registry(db).rejected == frozenset({"Quetta Traders Association"})
