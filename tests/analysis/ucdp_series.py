"""Invented UCDP-layout rows for the trends, escalation and forecast tests (no real rows are copied)."""

from __future__ import annotations

import csv
from pathlib import Path

from conflictlens.ingest.datasets import layout_of

PROVINCES = {"Punjab province": (31.5, 74.3), "Sindh province": (24.9, 67.0), "Balochistan province": (30.2, 67.0)}
SIDES = ("Government of Pakistan", "TTP", "Lashkar-e-Jhangvi")


def series_rows(counts: dict[tuple[str, str], int], deaths: int = 2) -> list[dict[str, str]]:
    """`counts[(province, "YYYY-MM")]` rows, each on its own day and point so none merge, with
    `deaths` + the row's index in the month killed; sides take turns."""
    rows = []
    for (province, month), n in sorted(counts.items()):
        lat, lon = PROVINCES[province]
        for i in range(n):
            day = f"{month}-{i % 28 + 1:02d}"
            ident = str(700000 + len(rows))
            rows.append({
                "id": ident, "relid": f"PAK-INV-{ident}", "year": month[:4], "type_of_violence": "1",
                "side_a": SIDES[len(rows) % len(SIDES)], "side_b": "Civilians", "where_prec": "1",
                "where_coordinates": f"Invented village {ident}", "adm_1": province,
                "adm_2": f"Invented district {i % 3}", "latitude": f"{lat + 0.01 * (i % 50):.4f}",
                "longitude": f"{lon + 0.013 * (i // 50):.4f}", "country": "Pakistan", "iso3": "PAK",
                "date_prec": "1", "date_start": f"{day} 00:00:00.000", "date_end": f"{day} 00:00:00.000",
                "best": str(deaths + i), "low": str(deaths + i), "high": str(deaths + i)})
    return rows


def write_rows(path: Path, rows: list[dict[str, str]]) -> Path:
    header = layout_of("ucdp").columns
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow([row.get(c, "") for c in header])
    return path
