"""benchmarks/resolve_scale.py --stores: it times the command users type on a copy, and leaves the store as it was."""

from __future__ import annotations

import importlib.util
import sqlite3
import sys
from pathlib import Path

from conflictlens.model.records import Casualties, DateInfo, Document, Event, Location
from conflictlens.store import Store

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def _module():
    sys.path.insert(0, str(BENCHMARKS))
    try:
        spec = importlib.util.spec_from_file_location("stored_resolve", BENCHMARKS / "stored_resolve.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCHMARKS))


def _stored(path: Path, count: int) -> None:
    """Reports of a few incidents, each told twice, stored without resolution."""
    with Store.open(path) as store:
        store.save_many([(Document(id=f"doc_{n}", text=f"report {n}", published="2023-03-02", outlet=f"Wire {n % 2}"),
                          [Event(id=f"evt_{n}", document_id=f"doc_{n}", sub_event_type="Suicide bomb",
                                 date=DateInfo("2023-03-01", "2023-03-01", "day"),
                                 location=Location("AF", "Kabul", "Kabul", f"Place {n // 2}", None, None, "place"),
                                 fatalities=Casualties.exact(n // 2 + 3))]) for n in range(count)], "v1")
        assert store.incidents.unresolved_marked()


def test_the_command_is_timed_on_a_copy_and_the_copy_is_resolved(tmp_path):
    bench = _module()
    _stored(tmp_path / "stored.db", 12)
    before = (tmp_path / "stored.db").read_bytes()
    wall, cpu, written = bench.resolve(tmp_path / "stored.db", tmp_path / "work.db", bench.ROOT, keep=True)
    assert wall > 0 and cpu > 0 and written >= 0
    assert (tmp_path / "stored.db").read_bytes() == before  # the store itself is never resolved
    with sqlite3.connect(tmp_path / "work.db") as conn:
        members, incidents = (conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                              for t in ("incident_members", "incidents"))
    assert members == 12 and incidents == 6
    base_wall, base_cpu = bench.bare_pass(tmp_path / "stored.db")
    assert base_wall >= 0 and base_cpu >= 0
