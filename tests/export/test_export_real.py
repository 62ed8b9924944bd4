"""Round trips and format checks on the real files in ../shared/data (read in place; skipped when absent)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conflictlens.errors import ConflictLensError
from conflictlens.export import ExportContext, write_export
from conflictlens.export.context import public_view
from conflictlens.export.tables import acled_row, gtd_row
from conflictlens.ingest.datasets import import_rows, layout_of
from conflictlens.ingest.datasets.reference import countries
from conflictlens.pipeline.dataset_rows import dataset_actor_lookup
from conflictlens.pipeline.session import registry_of


def _context() -> ExportContext:
    table = countries()
    return ExportContext(country=lambda a2: (table.by_alpha2[a2].numeric, table.by_alpha2[a2].name)
                         if a2 in table.by_alpha2 else None, now="2026-01-01T00:00:00.000Z")


def _events(dataset, path):
    if not path.exists():
        pytest.skip(f"{path} is not present")
    items = list(import_rows(dataset, path, dataset_actor_lookup(registry_of((), ()))))
    assert not [i for i in items if isinstance(i, ConflictLensError)]
    return [i.event for i in items]


@pytest.mark.parametrize("dataset, name, to_row", [
    ("gtd", "gtd/gtd_2021q1_afpak_dev.csv", gtd_row),
    ("acled", "acled/acled_afg_2017_unattributed_sample.csv", acled_row),
])
def test_real_file_round_trip(shared_data, tmp_path, dataset, name, to_row):
    source = shared_data / name
    first = _events(dataset, source)
    out = io.StringIO()
    write_export(dataset, first, out, _context())
    copy = tmp_path / f"{dataset}.csv"
    copy.write_text(out.getvalue(), encoding="utf-8")
    second = _events(dataset, copy)
    # Columns outside the published layout (the ACLED sample has `violence_against_women`) stay in
    # Event.extra and the NDJSON export, but a layout export writes the published columns only.
    published = set(layout_of(dataset).columns)
    for event in first:
        event.extra = {k: v for k, v in event.extra.items() if k in published}
    assert [e.to_dict() for e in second] == [e.to_dict() for e in first]
    if dataset == "gtd":  # column for column as published, for every row
        with source.open(encoding="utf-8", newline="") as handle:
            original = list(csv.DictReader(handle))
        view = public_view(_context())
        for row, event in zip(original, first):
            exported = to_row(event, view)
            assert {k: exported.get(k, "") for k in row if k not in ("latitude", "longitude")} == \
                {k: v.strip() if k in ("summary", "provstate", "city") else v
                 for k, v in row.items() if k not in ("latitude", "longitude")}


def test_real_ucdp_to_stix_validates(shared_data):
    validator = pytest.importorskip("stix2validator")
    events = _events("ucdp", shared_data / "ucdp" / "ucdp_ged_pakistan.csv")[:60]
    out = io.StringIO()
    write_export("stix", events, out, _context())
    assert validator.validate_string(out.getvalue(), validator.ValidationOptions()).is_valid
    assert sum(1 for o in json.loads(out.getvalue())["objects"] if o["type"] == "incident") == 60
