"""One data file per dataset (model/data/datasets/*.json), read by the importer and the exporter alike."""

import pytest

from conflictlens.export.reference import columns, field_columns, from_ours
from conflictlens.ingest.datasets import layout_of
from conflictlens.ingest.datasets.reference import to_ours
from conflictlens.model.records import DATE_PRECISIONS, GEO_PRECISIONS
from conflictlens.model.vocab import DATASET_TABLES, dataset_table

# (dataset, its code column, the ladder its codes land on)
PRECISION_COLUMNS = [("acled", "time_precision", DATE_PRECISIONS), ("acled", "geo_precision", GEO_PRECISIONS),
                     ("gtd", "specificity", GEO_PRECISIONS), ("ucdp", "date_prec", DATE_PRECISIONS),
                     ("ucdp", "where_prec", GEO_PRECISIONS)]


@pytest.mark.parametrize("dataset", DATASET_TABLES)
def test_each_dataset_has_layouts_and_both_directions(dataset):
    table = dataset_table(dataset)
    assert {"layouts", "to_ours", "from_ours"} <= set(table)
    assert dataset in table["layouts"]


@pytest.mark.parametrize("dataset", ["acled", "gtd"])
def test_export_writes_the_layout_the_importer_reads(dataset):
    assert columns(dataset) == layout_of(dataset).columns
    assert field_columns(dataset) == layout_of(dataset).fields


@pytest.mark.parametrize("dataset, column, ladder", PRECISION_COLUMNS)
def test_precision_codes_land_on_our_ladders(dataset, column, ladder):
    assert set(to_ours(dataset)[column].values()) <= set(ladder)


@pytest.mark.parametrize("dataset, column, ladder", [c for c in PRECISION_COLUMNS if c[0] != "ucdp"])
def test_every_rung_the_dataset_knows_round_trips(dataset, column, ladder):
    back, out = to_ours(dataset)[column], from_ours(dataset)[column]
    assert set(out) == set(ladder)  # every rung exports to some code
    for rung in set(back.values()):
        assert back[out[rung]] == rung, rung


def test_unknown_dataset_has_no_table():
    with pytest.raises(KeyError):
        dataset_table("muc4")
