"""The UCDP GED layout: column for column, an extracted event's fields in its columns, an imported UCDP
row's own codes given back."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

from export_events import extracted_event, sample_context

from conflictlens.export import write_export
from conflictlens.export.reference import columns


def ucdp_rows(events) -> list[dict[str, str]]:
    out = io.StringIO()
    write_export("ucdp", events, out, sample_context())
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def test_an_extracted_event_fills_the_columns_its_fields_give():
    row, = ucdp_rows([extracted_event()])
    assert tuple(row) == columns("ucdp")
    assert (row["id"], row["year"], row["date_start"], row["date_end"]) == ("evt_extracted", "2021", "2021-05-02",
                                                                            "2021-05-02")
    assert (row["side_a"], row["side_b"]) == ("Taliban", "Afghan National Police (ANP)")
    assert (row["low"], row["best"], row["high"]) == ("2", "3", "4")
    assert (row["country"], row["adm_1"], row["latitude"]) == ("Afghanistan", "Kabul", "34.5167")
    assert row["type_of_violence"] == "" and row["conflict_new_id"] == ""  # no UCDP codes of our own


def test_an_imported_ucdp_row_gives_back_its_own_codes():
    own = {"type_of_violence": "1", "conflict_new_id": "333", "where_prec": "1", "relid": "AFG-2021-1-1"}
    event = replace(extracted_event(), dataset="UCDP", dataset_id="412345", extra=own)
    row, = ucdp_rows([event])
    assert row["id"] == "412345"
    assert {k: row[k] for k in own} == own


def test_where_coordinates_is_the_place_or_what_ucdp_wrote():
    extracted, = ucdp_rows([extracted_event()])
    assert extracted["where_coordinates"] == extracted_event().location.place
    # an imported row at a district's precision has no place: its own where_coordinates comes back
    event = replace(extracted_event(), dataset="UCDP", dataset_id="412346",
                    location=replace(extracted_event().location, place=None, admin2="Swat district"),
                    extra={"where_coordinates": "Swat district", "where_prec": "3"})
    imported, = ucdp_rows([event])
    assert imported["where_coordinates"] == "Swat district"
