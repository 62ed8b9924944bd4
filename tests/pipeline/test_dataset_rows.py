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


def test_nested_or_inside_a_callers_freeze_it_leaves_frozen_objects_alone(clean_collector):
    threshold = clean_collector
    with quiet_collector():
        frozen = gc.get_freeze_count()
        with quiet_collector():
            pass
        assert gc.get_freeze_count() == frozen  # the inner exit did not unfreeze the outer's objects
    gc.freeze()
    callers = gc.get_freeze_count()
    with quiet_collector():
        pass
    assert gc.get_freeze_count() == callers and gc.get_threshold() == threshold

