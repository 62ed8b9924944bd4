"""`import_rows` tells how far into the file its rows reach, for a progress bar in bytes (issue 17)."""

from __future__ import annotations

import openpyxl
from dataset_rows import ACLED_ROWS, write_csv

from conflictlens.ingest.datasets import import_rows, layout_of


def _rows(n):
    return [{**ACLED_ROWS[i % 2], "event_id_cnty": f"AFG{70000 + i}"} for i in range(n)]


def test_csv_rows_tell_bytes_read_out_of_the_file_size(tmp_path):
    path = write_csv(tmp_path / "a.csv", "acled", _rows(600))
    heard = []
    items = list(import_rows("acled", path, on_bytes=lambda done, total: heard.append((done, total))))
    size = path.stat().st_size
    assert len(items) == 600
    assert {total for _, total in heard} == {size}
    done = [d for d, _ in heard]
    assert done == sorted(done) and done[-1] == size and len(set(done)) > 5


def test_xlsx_rows_tell_the_share_of_rows_read(tmp_path):
    path = tmp_path / "a.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    columns = layout_of("acled").columns
    sheet.append(list(columns))
    for row in _rows(50):
        sheet.append([row.get(c, "") for c in columns])
    book.save(path)
    heard = []
    assert len(list(import_rows("acled", path, on_bytes=lambda d, t: heard.append((d, t))))) == 50
    size = path.stat().st_size
    done = [d for d, _ in heard]
    assert done == sorted(done) and done[-1] == size and len(set(done)) > 10


def test_without_a_listener_nothing_changes(tmp_path):
    path = write_csv(tmp_path / "a.csv", "acled", _rows(3))
    assert [i.document.id for i in import_rows("acled", path)] == \
        [i.document.id for i in import_rows("acled", path, on_bytes=lambda d, t: None)]
