"""The incidents an import keeps in memory across its batches give the answers the store gives."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest

from conflictlens.model.records import Casualties, DateInfo, Document, Event, Location
from conflictlens.pipeline.incident_index import IncidentIndex
from conflictlens.pipeline.resolution import build_context, resolve_after_save, source_for
from conflictlens.resolve.blocking import block_keys
from conflictlens.resolve.profile import profile_from_json
from conflictlens.store import Store

PLACES = (("Dasht-e-Barchi", "Kabul", "Kabul"), ("Jalalabad", "Nangarhar", "Jalalabad"),
          ("Lashkar Gah", "Helmand", "Lashkar Gah"))


def event(eid: str, day: str, *, doc: str, place: str, admin1: str, admin2: str, killed: int, sub: str,
          text: str) -> Event:
    return Event(id=eid, document_id=doc, sub_event_type=sub, target_type="Private Citizens & Property",
                 date=DateInfo(day, day, "day"), location=Location("AF", admin1, admin2, place, None, None, "place"),
                 fatalities=Casualties.exact(killed), summary=text)


def _reports(count: int, start: int = 0) -> list[tuple[Document, list]]:
    """Invented reports: each incident told two or three times over a few days, in a few places."""
    out = []
    for n in range(start, start + count):
        place, admin1, admin2 = PLACES[n % 3]
        day = f"2023-03-{1 + (n // 7) % 20:02d}"
        e = event(f"evt_{n}", day, doc=f"doc_{n}", place=place, admin1=admin1, admin2=admin2,
                  killed=(n // 3) % 5 + 3, sub=("Suicide bomb", "Armed clash")[(n // 5) % 2],
                  text=f"report {n} from {place}")
        out.append((Document(id=f"doc_{n}", text=f"report {n}", published=day, outlet=f"Wire {n % 4}"), [e]))
    return out


def _resolve_in_batches(path, batches, index: IncidentIndex | None) -> None:
    context = build_context()
    with Store.open(path) as store:
        for number, batch in enumerate(batches):
            with store.transaction():
                results = store.save_many(batch, f"v{number}")  # a revised report comes with a new version
                resolve_after_save(store, batch, results, context, index if index is not None else IncidentIndex())


def _incidents(path) -> tuple[list, list]:
    with sqlite3.connect(path) as conn:
        members = sorted(conn.execute("SELECT event_id, incident_id, profile, decision FROM incident_members"))
        incidents = sorted(conn.execute("SELECT id, record, size FROM incidents"))
    return members, incidents


def _moved(batch: list[tuple[Document, list]]) -> list[tuple[Document, list]]:
    """The same reports revised: each event now in another province (its incident is decided again)."""
    return [(doc, [dataclasses.replace(e, location=Location("AF", "Kunduz", "Kunduz", "Kunduz", None, None, "place"))
                   for e in events]) for doc, events in batch]


def _again(batch: list[tuple[Document, list]]) -> list[tuple[Document, list]]:
    """Other reports of the same facts."""
    return [(dataclasses.replace(doc, id=f"{doc.id}b"),
             [dataclasses.replace(e, id=f"{e.id}b", document_id=f"{doc.id}b") for e in events]) for doc, events in batch]


def test_one_index_over_many_batches_decides_as_reading_the_store_each_batch(tmp_path):
    reports = _reports(60)
    # Revised reports move away from their incidents; then new reports of those incidents arrive.
    batches = [reports[:30], _moved(reports[21:28]), _again(reports[21:28]), reports[30:]]
    _resolve_in_batches(tmp_path / "kept.db", batches, IncidentIndex())
    _resolve_in_batches(tmp_path / "fresh.db", batches, None)
    kept, fresh = _incidents(tmp_path / "kept.db"), _incidents(tmp_path / "fresh.db")
    assert kept == fresh
    assert any(size > 1 for _, _, size in kept[1])  # some reports did join others


def test_the_index_answers_as_the_store_does(tmp_path):
    _resolve_in_batches(tmp_path / "db.sqlite", [_reports(40)], None)
    context = build_context()
    with Store.open(tmp_path / "db.sqlite") as store:
        incidents, index = store.incidents, IncidentIndex()
        for _, events in _reports(12, start=3):
            probes = block_keys(context.profile(events[0], _source(events[0], context)), context.settings)[1]
            found = index.incidents_by_keys(incidents, probes)
            assert found == incidents.incidents_by_keys(probes) and found
            for incident in found:
                assert index.sample(incidents, incident, 4) == [profile_from_json(p)
                                                                for p in incidents.sample_profiles(incident, 4)]


def _source(e, context):
    return source_for(e, context, {"outlet": "Wire", "published": e.date.start})


def test_a_commit_by_another_connection_empties_it(tmp_path):
    path = tmp_path / "db.sqlite"
    index = IncidentIndex()
    with Store.open(path) as store, Store.open(path) as other:
        with store.transaction():
            index.begin(store.incidents)
            assert index.incidents_by_keys(store.incidents, ["k|1"]) == []  # held: nothing filed under it
        with other.transaction():  # another writer files a member under that key
            other.incidents.add_member("evt_x", "inc_x", None, [], {}, None, ["k|1"])
        with store.transaction():
            index.begin(store.incidents)
            assert index.incidents_by_keys(store.incidents, ["k|1"]) == ["inc_x"]
        with store.transaction():  # this connection's own writes are followed, not read again
            index.begin(store.incidents)
            store.incidents.add_member("evt_y", "inc_y", None, [], {}, None, ["k|1"])
            index.added("inc_y", None, ["k|1"], 4, founded=True)
            assert index.incidents_by_keys(store.incidents, ["k|1"]) == store.incidents.incidents_by_keys(["k|1"])


def test_it_empties_itself_past_its_bounds(tmp_path, monkeypatch):
    from conflictlens.pipeline import incident_index
    monkeypatch.setattr(incident_index, "MAX_KEYS", 5)
    path = tmp_path / "db.sqlite"
    with Store.open(path) as store:
        index = IncidentIndex()
        with store.transaction():
            index.begin(store.incidents)
            index.load_keys(store.incidents, [f"k{i}" for i in range(10)])
            assert index.incidents_by_keys(store.incidents, ["k1"]) == []
            index.begin(store.incidents)  # past MAX_KEYS: read again
            assert index._keys == {}


@pytest.mark.parametrize("count", [0, 3])
def test_keys_with_no_member_are_held_as_empty(tmp_path, count):
    path = tmp_path / "db.sqlite"
    _resolve_in_batches(path, [_reports(count)] if count else [], None)
    with Store.open(path) as store:
        index = IncidentIndex()
        assert index.incidents_by_keys(store.incidents, ["no|such|key"]) == []
        assert store.incidents.incidents_under_keys(["no|such|key"]) == {}


def test_from_a_store_with_no_keys_it_asks_the_store_nothing_and_decides_the_same(tmp_path, monkeypatch):
    from conflictlens.store.incidents import IncidentStore
    reports = _reports(60)
    batches = [reports[:30], _again(reports[21:28]), reports[30:]]
    _resolve_in_batches(tmp_path / "fresh.db", batches, None)  # a new index each batch: asks the store
    asked = []
    original = IncidentStore.incidents_under_keys

    def counted(self, keys):
        asked.append(len(keys))
        return original(self, keys)

    monkeypatch.setattr(IncidentStore, "incidents_under_keys", counted)
    _resolve_in_batches(tmp_path / "kept.db", batches, IncidentIndex())
    assert asked == []
    assert _incidents(tmp_path / "kept.db") == _incidents(tmp_path / "fresh.db")


def test_a_revised_member_makes_it_ask_the_store_again(tmp_path, monkeypatch):
    from conflictlens.store.incidents import IncidentStore
    reports = _reports(30)
    batches = [reports[:20], _moved(reports[11:18]), _again(reports[11:18])]
    _resolve_in_batches(tmp_path / "fresh.db", batches, None)
    asked = []
    original = IncidentStore.incidents_under_keys
    monkeypatch.setattr(IncidentStore, "incidents_under_keys", lambda self, keys: asked.append(1) or original(self, keys))
    _resolve_in_batches(tmp_path / "kept.db", batches, IncidentIndex())
    assert asked  # members moved: the keys they were filed under are not known here
    assert _incidents(tmp_path / "kept.db") == _incidents(tmp_path / "fresh.db")


def test_past_its_bounds_a_complete_index_keeps_its_filed_keys(tmp_path, monkeypatch):
    from conflictlens.pipeline import incident_index
    monkeypatch.setattr(incident_index, "MAX_KEYS", 6)
    with Store.open(tmp_path / "db.sqlite") as store:
        index = IncidentIndex()
        with store.transaction():
            index.begin(store.incidents)  # no keys in the store: complete
            index.load_keys(store.incidents, [f"k{i}" for i in range(10)])
            store.incidents.add_member("evt_y", "inc_y", None, [], {}, None, ["k1", "new"])
            index.added("inc_y", None, ["k1", "new"], 4, founded=True)
            index.begin(store.incidents)  # past MAX_KEYS: the empty keys go, the filed ones stay
            assert set(index._keys) == {"k1", "new"}
            assert index.incidents_by_keys(store.incidents, ["new", "k7"]) == ["inc_y"]
            assert store.incidents.incidents_by_keys(["new", "k7"]) == ["inc_y"]


def test_past_its_bounds_a_complete_index_drops_older_times_stays_complete_and_decides_the_same(tmp_path,
                                                                                                monkeypatch):
    from conflictlens.pipeline import incident_index
    from conflictlens.store.incidents import IncidentStore
    reports = _reports(120)  # dated in order over 18 days
    batches = [reports[i:i + 10] for i in range(0, 120, 10)] + [_again(reports[40:50])]
    _resolve_in_batches(tmp_path / "fresh.db", batches, None)
    monkeypatch.setattr(incident_index, "MAX_KEYS", 12)
    monkeypatch.setattr(incident_index, "MAX_INCIDENTS", 4)
    asked: list[str] = []
    original = IncidentStore.incidents_under_keys
    monkeypatch.setattr(IncidentStore, "incidents_under_keys",
                        lambda self, keys: asked.extend(keys) or original(self, keys))
    index, held = IncidentIndex(), []
    begin = index.begin
    monkeypatch.setattr(index, "begin", lambda incidents: (begin(incidents), held.append(
        (index._complete, len(index._keys), len(index._samples)))))
    _resolve_in_batches(tmp_path / "kept.db", batches, index)
    assert _incidents(tmp_path / "kept.db") == _incidents(tmp_path / "fresh.db")
    assert index._dropped and all(complete and keys <= 12 and samples <= 2 for complete, keys, samples in held[1:])
    # Only keys of dropped times were asked: the late copies of early reports reach back to them.
    assert asked and all(index._in_dropped_time(key) for key in asked)


def test_a_complete_index_with_dropped_times_files_no_partial_key_there(tmp_path):
    with Store.open(tmp_path / "db.sqlite") as store:
        index = IncidentIndex()
        with store.transaction():
            index.begin(store.incidents)
            old, new = "d|100|violence|a|AF|kbl", "d|300|violence|a|AF|kbl"
            store.incidents.add_member("evt_a", "inc_a", None, [], {}, None, [old])
            index.added("inc_a", None, [old], 4, founded=True)
            index._dropped = {"d": 200}  # as past its bounds: keys of buckets up to 200 went
            index._keys.pop(old)
            store.incidents.add_member("evt_b", "inc_b", None, [], {}, None, [old, new])
            index.added("inc_b", None, [old, new], 4, founded=True)
            assert old not in index._keys  # not known whole here: the store is asked
            assert index.incidents_by_keys(store.incidents, [old, new]) == ["inc_a", "inc_b"]
            assert index.incidents_by_keys(store.incidents, ["d|250|violence|a|AF|kbl"]) == []


def test_which_keys_are_of_dropped_times_follows_each_drop():
    index = IncidentIndex()
    index._complete = True
    keys = [f"d|{bucket}|violence|a|AF|kbl" for bucket in range(10)]
    index._keys.update((key, {"inc_a": None}) for key in keys)
    index._drop_older_times()  # the newest two fifths stay: buckets 6 to 9
    first = [index._in_dropped_time(key) for key in keys]
    assert first == [index._time_dropped(f"d|{bucket}") for bucket in range(10)] == [True] * 6 + [False] * 4
    index._keys.update((f"d|{bucket}|violence|a|AF|kbl", {"inc_b": None}) for bucket in range(10, 30))
    index._drop_older_times()  # a later drop moves the mark past all of them: what was remembered goes
    assert all(index._in_dropped_time(key) for key in keys)
    index.forget()
    assert not any(index._in_dropped_time(key) for key in keys)


class _AskedStore:
    """Stands in for the store's incident tables: records the keys asked, files nothing under them."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def incidents_under_keys(self, keys):
        self.asked.extend(keys)
        return {}


def _index_past_a_drop(monkeypatch) -> tuple[IncidentIndex, list[str]]:
    """An index whose buckets 0 to 5 were dropped, and the list of times it judges from then on."""
    index = IncidentIndex()
    index._complete = True
    index._keys.update((f"d|{bucket}|violence|a|AF|kbl", ("inc_a",)) for bucket in range(10))
    index._drop_older_times()  # buckets 0 to 5 went
    judged: list[str] = []
    original = IncidentIndex._time_dropped
    monkeypatch.setattr(IncidentIndex, "_time_dropped", lambda self, time: judged.append(time) or original(self, time))
    return index, judged


def test_a_probe_key_known_to_hold_nothing_is_not_judged_again_until_the_mark_moves(monkeypatch):
    index, judged = _index_past_a_drop(monkeypatch)
    live = [f"d|{bucket}|violence|g|3|4" for bucket in (7, 8)]
    old = "d|2|violence|g|3|4"
    store = _AskedStore()
    index.load_keys(store, [*live, old, *live])
    assert sorted(judged) == ["d|2", "d|7", "d|8"] and store.asked == [old]  # only the dropped time's key is asked
    judged.clear()
    index.load_keys(store, [*live, old])  # the live ones are known empty, the old one is held now
    assert judged == [] and store.asked == [old]
    index._keys.update((f"d|{bucket}|violence|a|AF|kbl", ("inc_b",)) for bucket in range(10, 30))
    index._drop_older_times()  # the mark moves past buckets 7 and 8: their keys may have incidents now
    index.load_keys(store, live)
    assert sorted(judged) == ["d|7", "d|8"] and store.asked == [old, *sorted(live)]


def test_each_time_part_of_the_probe_keys_is_judged_once_per_mark(monkeypatch):
    index, judged = _index_past_a_drop(monkeypatch)
    places = [f"violence|g|{i}|{j}" for i in range(3) for j in range(3)] + ["protest|a|AF|kbl"]
    store = _AskedStore()
    index.load_keys(store, [f"d|{bucket}|{place}" for bucket in (4, 5, 6, 7) for place in places])
    assert sorted(judged) == ["d|4", "d|5", "d|6", "d|7"]  # forty keys, four times
    assert store.asked == sorted(f"d|{bucket}|{place}" for bucket in (4, 5) for place in places)
    judged.clear()
    index.load_keys(store, [f"d|{bucket}|violence|g|9|9" for bucket in (5, 6, 7)])  # new places, times judged before
    assert judged == [] and store.asked[-1] == "d|5|violence|g|9|9"
    assert not index._in_dropped_time("d|7|violence|g|8|8") and index._in_dropped_time("d|3|violence|g|8|8")
    assert index._in_dropped_time("no time") and not IncidentIndex()._in_dropped_time("no time")


def test_held_keys_take_a_tuple_of_their_incidents_in_filing_order(tmp_path):
    with Store.open(tmp_path / "db.sqlite") as store:
        index = IncidentIndex()
        with store.transaction():
            index.begin(store.incidents)  # no keys in the store: complete
            for event_id, incident in (("evt_a", "inc_b"), ("evt_b", "inc_a"), ("evt_c", "inc_b")):
                store.incidents.add_member(event_id, incident, None, [], {}, None, ["k|1"])
                index.added(incident, None, ["k|1"], 4, founded=False)
            assert index._keys == {"k|1": ("inc_b", "inc_a")}
            assert index.incidents_by_keys(store.incidents, ["k|1"]) == store.incidents.incidents_by_keys(["k|1"])


def test_the_key_bound_is_a_share_of_the_machines_memory_unless_set(monkeypatch):
    from conflictlens.pipeline import incident_index
    eight_gb = {"SC_PHYS_PAGES": 2 ** 21, "SC_PAGE_SIZE": 4096}
    monkeypatch.setattr(incident_index.os, "sysconf", eight_gb.__getitem__)
    assert incident_index.key_bound() == 8 * 2 ** 30 // incident_index.MEMORY_SHARE // incident_index.KEY_BYTES
    assert 1_000_000 < incident_index.key_bound() < 2_000_000  # 8 GB: a 1M-event store's 1.27M keys
    monkeypatch.setattr(incident_index.os, "sysconf", lambda name: 1024)  # a tiny machine: the floor
    assert incident_index.key_bound() == incident_index.MIN_KEYS
    monkeypatch.setattr(incident_index, "MAX_KEYS", 7)
    assert incident_index.key_bound() == 7 and IncidentIndex()._max_keys == 7
