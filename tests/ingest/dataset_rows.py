"""Invented dataset rows in the published layouts, for the importer tests (no real rows are copied)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from conflictlens.ingest.datasets import layout_of

ACLED_ROWS = [
    {"event_id_cnty": "AFG90001", "event_date": "2021-03-04", "year": "2021", "time_precision": "1",
     "disorder_type": "Political violence", "event_type": "Explosions/Remote violence",
     "sub_event_type": "Remote explosive/landmine/IED", "actor1": "Taliban", "inter1": "Rebel group",
     "actor2": "Civilians (Afghanistan)", "inter2": "Civilians", "interaction": "Rebel group-Civilians",
     "civilian_targeting": "Civilian targeting", "iso": "4", "region": "Caucasus and Central Asia",
     "country": "Afghanistan", "admin1": "Kabul", "admin2": "Kabul", "location": "Kabul",
     "latitude": "34.5167", "longitude": "69.1833", "geo_precision": "1", "source": "Invented Wire",
     "source_scale": "National", "notes": "An invented roadside bomb; 3 killed.", "fatalities": "3",
     "tags": "", "timestamp": "1618518785"},
    {"event_id_cnty": "AFG90002", "event_date": "2021-03-10", "year": "2021", "time_precision": "2",
     "disorder_type": "Political violence", "event_type": "Battles", "sub_event_type": "Armed clash",
     "actor1": "Unidentified Armed Group (Afghanistan)", "inter1": "Political militia",
     "actor2": "Some Invented Militia", "iso": "4", "country": "Afghanistan", "admin1": "Helmand",
     "admin2": "Nad-e-Ali", "location": "Marja", "latitude": "31.5", "longitude": "64.1",
     "geo_precision": "2", "notes": "Invented clashes over three days.", "fatalities": "0"},
]

ACLED_LEGACY_ROWS = [
    {"data_id": "7001", "iso": "586", "event_id_cnty": "PAK9001", "event_id_no_cnty": "9001",
     "event_date": "05 February 2019", "year": "2019", "time_precision": "3",
     "event_type": "Violence against civilians", "sub_event_type": "Attack", "actor1": "Invented Gang",
     "inter1": "3", "actor2": "Civilians (Pakistan)", "inter2": "7", "interaction": "37", "region": "South Asia",
     "country": "Pakistan", "admin1": "Sindh", "admin2": "Karachi", "location": "Karachi",
     "latitude": "24.86", "longitude": "67.01", "geo_precision": "3", "source": "Invented Daily",
     "source_scale": "National", "notes": "An invented shooting.", "fatalities": "1",
     "timestamp": "1551000000", "iso3": "PAK"},
]

GTD_ROWS = [
    {"eventid": "202103040001", "iyear": "2021", "imonth": "3", "iday": "4", "extended": "0", "country": "4",
     "country_txt": "Afghanistan", "region": "6", "region_txt": "South Asia", "provstate": "Kabul",
     "city": "Kabul", "latitude": "34.5167", "longitude": "69.1833", "specificity": "1", "vicinity": "0",
     "summary": "03/04/2021: An invented bombing claimed by an invented statement.", "suicide": "1",
     "attacktype1": "3", "attacktype1_txt": "Bombing/Explosion", "targtype1": "3", "targtype1_txt": "Police",
     "corp1": "Afghan National Police (ANP)", "target1": "Checkpoint", "gname": "Taliban",
     "guncertain1": "0", "claimed": "1", "claimmode": "10", "claimmode_txt": "Unknown",
     "gname2": "Haqqani Network", "guncertain2": "1", "claim2": "0",
     "weaptype1": "6", "weaptype1_txt": "Explosives", "nkill": "4.0", "nkillter": "1.0", "nwound": "7.0",
     "scite1": "\"Invented headline,\" Invented Wire, March 4, 2021.", "dbsource": "INVENTED"},
    {"eventid": "202103000002", "iyear": "2021", "imonth": "3", "iday": "0", "extended": "1",
     "resolution": "2021-03-20", "country_txt": "Pakistan", "provstate": "Balochistan", "city": "Quetta",
     "latitude": "30.18", "longitude": "67.0", "specificity": "4", "summary": "", "attacktype1": "6",
     "attacktype1_txt": "Hostage Taking (Kidnapping)", "targtype1": "14",
     "targtype1_txt": "Private Citizens & Property", "gname": "Unknown", "guncertain1": "0", "claimed": "0",
     "weaptype1": "13", "weaptype1_txt": "Unknown", "nkill": "", "nwound": ""},
]

UCDP_ROWS = [
    {"id": "990001", "relid": "PAK-2009-1-INV-1", "year": "2009", "type_of_violence": "3",
     "side_a": "TTP", "side_b": "Civilians", "source_headline": "Invented headline about an attack",
     "source_date": "2009-05-02;2009-05-03", "where_prec": "3", "where_coordinates": "Swat district",
     "adm_1": "Khyber Pakhtunkhwa province", "adm_2": "Swat district", "latitude": "35.22",
     "longitude": "72.42", "country": "Pakistan", "iso3": "PAK", "date_prec": "1",
     "date_start": "2009-05-01 00:00:00.000", "date_end": "2009-05-01 00:00:00.000",
     "best": "5", "low": "4", "high": "9"},
]


def csv_text(layout: str, rows: list[dict[str, str]], columns: tuple[str, ...] | None = None,
             hxl: bool = False) -> str:
    header = columns or layout_of(layout).columns
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    if hxl:
        writer.writerow(["#" + c if c in ("id", "year", "side_a", "best") else "" for c in header])
    for row in rows:
        writer.writerow([row.get(c, "") for c in header])
    return out.getvalue()


def write_csv(path: Path, layout: str, rows: list[dict[str, str]], **kwargs) -> Path:
    path.write_text(csv_text(layout, rows, **kwargs), encoding="utf-8")
    return path
