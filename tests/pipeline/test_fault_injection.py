"""A bounded run of scripts/fault_injection.py: the real command line, SIGKILLed at random points.

Six kills over `ingest`, `import gtd` and `incidents resolve` on small invented inputs; after each,
the database must pass `PRAGMA integrity_check`, hold no event in no incident unless marked, and
after a re-run equal a clean run's documents, events, incidents and attribution ledgers. The full
run (54 kills on bigger inputs) is `python scripts/fault_injection.py`.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "fault_injection.py"


def load_script():
    spec = importlib.util.spec_from_file_location("fault_injection", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_sigkill_at_random_points_loses_nothing_and_strands_nothing(tmp_path):
    outcomes = []
    totals = load_script().inject(tmp_path, kills=6, seed=5, reports=30, rows=150,
                                  say=lambda line: outcomes.append(line))
    kills = [json.loads(line) for line in outcomes if line.startswith("{")]
    assert totals["kills"] == 6 and [k["problems"] for k in kills] == [[]] * 6, outcomes
    assert totals["stranded_after_kill"] == 0 and totals["mismatches"] == 0
    assert {k["scenario"] for k in kills} == {"ingest", "import", "resolve"}


def test_the_checks_see_an_event_left_in_no_incident_without_a_mark(tmp_path):
    """The harness is not blind: one membership lost, as the old two-transaction ingest lost them."""
    from conflictlens.pipeline.interop import import_dataset
    from conflictlens.store import Store

    script = load_script()
    db = tmp_path / "db.sqlite"
    with Store.open(db) as store:
        import_dataset("gtd", script.write_gtd_csv(tmp_path / "gtd.csv", 20), store, parallel=False)
    clean = script.snapshot(db)
    with Store.open(db) as store, store.transaction():
        store.connection.execute("DELETE FROM incident_members WHERE rowid = (SELECT min(rowid) FROM incident_members)")
    left = script.after_kill(db)
    assert (left["integrity"], left["stranded"], left["marked"]) == ("ok", 1, False)
    assert script.differences(clean, script.snapshot(db)) == ["memberships"]
