"""The import's helpers: the quiet garbage collector."""

from __future__ import annotations

import gc

import pytest

from conflictlens.pipeline.dataset_rows import quiet_collector


@pytest.fixture
def clean_collector():
    """Leave the process's collector as the test found it, whatever the test does."""
    threshold = gc.get_threshold()
    gc.unfreeze()
    yield threshold
    gc.set_threshold(*threshold)
    gc.unfreeze()


def test_the_collector_is_restored_on_every_way_out(clean_collector):
    threshold = clean_collector
    with quiet_collector():
        assert gc.get_threshold()[0] >= 50_000 and gc.get_freeze_count() > 0
    assert gc.get_threshold() == threshold and gc.get_freeze_count() == 0
    with pytest.raises(KeyError), quiet_collector():
        raise KeyError("a row failed")
    assert gc.get_threshold() == threshold and gc.get_freeze_count() == 0


def _count_calls(monkeypatch, name):
    """Count the calls to gc.`name` while still making them."""
    calls = []
    real = getattr(gc, name)
    monkeypatch.setattr(gc, name, lambda: (calls.append(name), real())[1])
    return calls


def test_nested_or_inside_a_callers_freeze_it_leaves_frozen_objects_alone(clean_collector, monkeypatch):
    # Counting calls, not gc.get_freeze_count(): a frozen object that dies leaves the count,
    # so the count can drop between two reads whatever the code under test does.
    threshold = clean_collector
    with quiet_collector():
        unfreezes = _count_calls(monkeypatch, "unfreeze")
        freezes = _count_calls(monkeypatch, "freeze")
        with quiet_collector():
            pass
        assert unfreezes == [] and freezes == []  # the inner exit did not unfreeze the outer's objects
        assert gc.get_freeze_count() > 0
    assert unfreezes == ["unfreeze"]  # the outer one did
    gc.freeze()
    unfreezes.clear()
    freezes.clear()
    with quiet_collector():
        pass
    assert unfreezes == [] and freezes == [] and gc.get_freeze_count() > 0
    assert gc.get_threshold() == threshold


class _AlwaysFull:
    """A queue nobody reads any more."""

    cancelled = False

    def put(self, item, timeout=None):
        import queue
        raise queue.Full

    def cancel_join_thread(self):
        self.cancelled = True


def test_a_worker_whose_importer_was_killed_stops_instead_of_waiting_for_ever(monkeypatch):
    from conflictlens.pipeline import dataset_rows

    monkeypatch.setattr(dataset_rows._Outbox, "CHECK_SECONDS", 0.01)
    monkeypatch.setattr(dataset_rows.os, "getppid", lambda: 1)  # the parent died: init adopted the worker
    full = _AlwaysFull()
    outbox = dataset_rows._Outbox(full, parent=4242)
    with pytest.raises(dataset_rows._Orphaned):
        outbox.put("rows")
    assert full.cancelled  # the process may exit without flushing what nobody will read
    # _work leaves quietly: the orphan signal is no Exception, so it is never reported as a parse failure
    assert not issubclass(dataset_rows._Orphaned, Exception)


def test_a_worker_whose_importer_lives_waits_for_room():
    import queue

    from conflictlens.pipeline import dataset_rows

    messages = queue.Queue(maxsize=1)
    outbox = dataset_rows._Outbox(messages, parent=dataset_rows.os.getppid())
    outbox.put("first")
    assert messages.get() == "first"
