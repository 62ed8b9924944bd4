"""benchmarks/import_scale.py: the real-layout rows it makes import cleanly, at the real file's shapes."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest

from conflictlens.pipeline.interop import import_dataset
from conflictlens.store import Store

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "import_scale.py"


def _module():
    spec = importlib.util.spec_from_file_location("import_scale", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench():
    module = _module()
    if not module.UCDP.exists():
        pytest.skip("the real UCDP file (../shared/data/ucdp) is not present")
    return module


def test_a_copy_of_the_file_is_moved_past_its_span_with_new_ids(bench):
    _, real = bench._real_rows()
    row = real[0]
    copy = bench.ucdp_copy(row, 2)
    assert int(copy["id"]) == int(row["id"]) + 20_000_000
    assert int(copy["date_start"][:4]) == int(row["date_start"][:4]) + 66 == int(copy["year"])
    assert bench._later("2004-02-29", 33) == "2037-02-28" and bench._later("2004-02-29", 4) == "2008-02-29"


@pytest.mark.parametrize("dataset", ["ucdp", "acled"])
def test_generated_rows_import_without_a_bad_row(bench, tmp_path, dataset):
    _, real = bench._real_rows()
    rows = len(real) + 40  # into the second copy
    path = tmp_path / f"{dataset}.csv"
    bench.generate(dataset, rows, path)
    with path.open(encoding="utf-8", newline="") as handle:
        assert sum(1 for _ in csv.reader(handle)) == rows + 1
    with Store.open(tmp_path / "db.sqlite") as store:
        report = import_dataset(dataset, path, store, resolve=False, parallel=False)
    assert report.errors == [] and report.inserted == rows
