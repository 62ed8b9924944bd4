"""The real dataset files in ../shared/data, read in place (skipped when absent)."""

from __future__ import annotations

import collections

import pytest

from conflictlens.errors import ConflictLensError
from conflictlens.ingest.datasets import import_rows
from conflictlens.pipeline.dataset_rows import dataset_actor_lookup
from conflictlens.pipeline.session import registry_of

FILES = {
    "acled": "acled/acled_afg_2017_unattributed_sample.csv",
    "gtd": "gtd/gtd_2021q1_afpak_dev.csv",
    "ucdp": "ucdp/ucdp_ged_pakistan.csv",
}


@pytest.fixture(scope="module")
def imported(shared_data):
    lookup = dataset_actor_lookup(registry_of((), ()))
    out = {}
    for dataset, name in FILES.items():
        path = shared_data / name
        if not path.exists():
            pytest.skip(f"{path} is not present")
        out[dataset] = list(import_rows(dataset, path, lookup))
    return out


def test_every_real_row_imports(imported):
    counts = {k: len(v) for k, v in imported.items()}
    assert counts == {"acled": 11, "gtd": 676, "ucdp": 6416}
    for items in imported.values():
        assert not [i for i in items if isinstance(i, ConflictLensError)]


def test_real_ids_are_unique_and_kept(imported):
    for dataset, items in imported.items():
        ids = [i.event.dataset_id for i in items]
        assert len(set(ids)) == len(ids) and all(ids)
        assert len({i.event.id for i in items}) == len(items)


def test_real_gtd_claims_and_precision(imported):
    events = [i.event for i in imported["gtd"]]
    assert {e.location.country for e in events} == {"AF", "PK"}
    # a claim by a group GTD could not name ("Unknown") has no attribution to carry it
    claimed = [e for e in events if e.claimed and e.perpetrator]
    assert claimed and all(any(a.stance == "claimed" for a in e.attribution) for e in claimed)
    assert all(e.perpetrator is None for e in events if e.extra.get("gname") == "Unknown")
    assert all(e.summary and e.date.precision for e in events)
    assert all("scite1" in e.extra for e in events if e.extra.get("scite1"))


def test_real_actors_link_to_the_registry(imported):
    perpetrators = collections.Counter(i.event.perpetrator for i in imported["gtd"])
    assert perpetrators["Taliban"] > 50
    ucdp = collections.Counter(i.event.perpetrator for i in imported["ucdp"])
    assert ucdp.most_common(1)[0][1] > 100
    acled = [i.event for i in imported["acled"]]
    assert all(e.perpetrator is None for e in acled if e.extra["actor1"].startswith("Unidentified"))


def test_real_ucdp_precision_ladder(imported):
    pairs = collections.Counter((i.event.date.precision, i.event.location.precision) for i in imported["ucdp"])
    assert pairs[("day", "place")] > 1000 and {d for d, _ in pairs} >= {"day", "week", "month"}
    # kept as published, even the few rows where UCDP's high is below its best
    odd = [i for i in imported["ucdp"] if not i.event.fatalities.low <= i.event.fatalities.best
           <= i.event.fatalities.high]
    assert len(odd) < len(imported["ucdp"]) // 20
