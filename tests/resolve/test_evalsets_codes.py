"""The resolution sets' dataset readers and the importers read dataset codes from one table.

UCDP GED codebook: date_prec 3 is "a certain week, no specific dates"; where_prec 5 is "a part of
the country larger than a first-order division (ADM1), or a point between two places", so no
single province holds it: on our ladder (place, district, province, country) that is the country.
"""

from __future__ import annotations

import csv

from conflictlens.errors import ConflictLensError
from conflictlens.ingest.datasets import import_rows
from conflictlens.resolve import evalsets

UCDP_ROW = {"id": "990002", "year": "2021", "type_of_violence": "3", "side_a": "TTP", "side_b": "Civilians",
            "source_headline": "Invented headline", "where_prec": "5", "where_coordinates": "Khyber Pakhtunkhwa",
            "adm_1": "Khyber Pakhtunkhwa province", "adm_2": "", "latitude": "34.0", "longitude": "71.5",
            "country": "Pakistan", "iso3": "PAK", "date_prec": "3", "date_start": "2021-03-01 00:00:00.000",
            "date_end": "2021-03-07 00:00:00.000", "best": "2", "low": "2", "high": "3"}


def _imported(tmp_path, rows: list[dict[str, str]]) -> list:
    path = tmp_path / "ged.csv"
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    items = list(import_rows("ucdp", path))
    assert not [i for i in items if isinstance(i, ConflictLensError)], items
    return [i.event for i in items]


def _no_actor(dataset: str, name: str, country: str | None) -> None:
    return None


def test_ucdp_week_and_sub_national_area_read_alike_on_both_paths(tmp_path):
    imported, = _imported(tmp_path, [UCDP_ROW])
    labelled = evalsets.ucdp_event(UCDP_ROW, _no_actor)
    assert (labelled.date.precision, labelled.location.precision) == (
        imported.date.precision, imported.location.precision)
    assert (imported.date.precision, imported.location.precision) == ("week", "country")


def test_every_ucdp_precision_code_reads_alike_on_both_paths(tmp_path):
    rows = [{**UCDP_ROW, "id": f"9900{d}{w}", "date_prec": str(d), "where_prec": str(w)}
            for d in range(1, 6) for w in range(1, 8)]
    for row, imported in zip(rows, _imported(tmp_path, rows), strict=True):
        labelled = evalsets.ucdp_event(row, _no_actor)
        assert (labelled.date.precision, labelled.location.precision) == (
            imported.date.precision, imported.location.precision), row
