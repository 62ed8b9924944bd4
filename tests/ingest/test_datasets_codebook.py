"""The importers read what the GTD and UCDP codebooks say a column holds (invented rows).

UCDP GED codebook: date_prec 3 is "a certain week"; where_prec 5 is "a part of the country larger than
a first-order division, or a point between two places", so no single province holds it: on our
ladder that is the country. where_coordinates names what the coordinates stand for at where_prec:
a town at 1-2, the district at 3 ("Swat district"), the province at 4. type_of_violence says between
whom (state-based, non-state, one-sided), not how. GTD codebook: when the town is unknown, `city`
holds the smallest known division below provstate, written "<name> district".
"""

from __future__ import annotations

from dataset_rows import GTD_ROWS, UCDP_ROWS, write_csv

from conflictlens.errors import ConflictLensError
from conflictlens.ingest.datasets import import_rows

UCDP_ROW = {**UCDP_ROWS[0], "id": "990002", "type_of_violence": "1", "side_a": "Government of Pakistan",
            "side_b": "TTP", "where_prec": "5", "where_coordinates": "Khyber Pakhtunkhwa",
            "adm_1": "Khyber Pakhtunkhwa province", "adm_2": "", "date_prec": "3",
            "date_start": "2021-03-01 00:00:00.000", "date_end": "2021-03-07 00:00:00.000"}


def _events(tmp_path, dataset: str, rows: list[dict[str, str]]) -> list:
    items = list(import_rows(dataset, write_csv(tmp_path / f"{dataset}.csv", dataset, rows)))
    assert not [i for i in items if isinstance(i, ConflictLensError)], items
    return [i.event for i in items]


def test_ucdp_week_and_sub_national_area(tmp_path):
    event, = _events(tmp_path, "ucdp", [UCDP_ROW])
    assert (event.date.precision, event.location.precision) == ("week", "country")


def test_every_ucdp_precision_code_is_on_the_ladders(tmp_path):
    rows = [{**UCDP_ROW, "id": f"9900{d}{w}", "date_prec": str(d), "where_prec": str(w)}
            for d in range(1, 6) for w in range(1, 8)]
    got = {(r["date_prec"], r["where_prec"]): (e.date.precision, e.location.precision)
           for r, e in zip(rows, _events(tmp_path, "ucdp", rows), strict=True)}
    assert {d for d, _ in got.values()} == {"day", "week", "month", "year"}
    assert {w for _, w in got.values()} == {"place", "district", "province", "country"}
    assert got[("3", "3")] == ("week", "district") and got[("4", "4")] == ("month", "province")


def test_ucdp_where_coordinates_is_the_place_only_at_a_place_precision(tmp_path):
    rows = [{**UCDP_ROW, "id": "990010", "where_prec": "1", "where_coordinates": "Mingora town"},
            {**UCDP_ROW, "id": "990011", "where_prec": "3", "where_coordinates": "Swat district",
             "adm_2": "Swat district"}]
    town, district = _events(tmp_path, "ucdp", rows)
    assert (town.location.place, town.location.precision) == ("Mingora town", "place")
    assert (district.location.place, district.location.admin2) == (None, "Swat district")
    # the column itself is kept as UCDP wrote it (an export gives it back: tests/export)
    assert district.extra["where_coordinates"] == "Swat district"


def test_ucdp_gives_an_event_type_and_no_guessed_sub_event_type(tmp_path):
    rows = [{**UCDP_ROW, "id": f"99002{t}", "type_of_violence": str(t)} for t in (1, 2, 3)]
    got = [(e.event_type, e.sub_event_type) for e in _events(tmp_path, "ucdp", rows)]
    assert got == [("Battles", None), ("Battles", None), ("Violence against civilians", None)]


def test_a_gtd_city_written_as_a_district_is_the_district(tmp_path):
    rows = [{**GTD_ROWS[0], "eventid": "202103040002", "city": "Bati Kot District", "specificity": "3"},
            {**GTD_ROWS[0], "eventid": "202103040003", "city": "District"},
            {**GTD_ROWS[0], "eventid": "202103040004", "city": "Districtville"}]
    district, bare, town = _events(tmp_path, "gtd", rows)
    assert (district.location.admin2, district.location.place) == ("Bati Kot", None)
    assert (bare.location.admin2, bare.location.place) == (None, "District")  # no name before the word
    assert (town.location.admin2, town.location.place) == (None, "Districtville")
