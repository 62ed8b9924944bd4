"""Fuzzing the dataset importers (ACLED, GTD, UCDP CSV): whatever the file, no traceback, and
nothing stored from a rejected row.

Files are built from the invented rows with hostile cells, columns dropped or added, other
encodings, cuts at any byte, or random bytes. Importing either refuses the whole file with one
coded error or yields, per row, an imported row or a coded error; the store then holds exactly
the accepted rows.
"""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

from dataset_rows import ACLED_ROWS, GTD_ROWS, UCDP_ROWS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conflictlens.errors import ERROR_CODES, ConflictLensError
from conflictlens.ingest.datasets import Imported, import_rows, layout_of
from conflictlens.pipeline.interop import import_dataset
from conflictlens.store import Store

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ROWS = {"acled": ACLED_ROWS, "gtd": GTD_ROWS, "ucdp": UCDP_ROWS}
CELLS = st.one_of(st.sampled_from([
    "", " ", "nan", "NaN", "inf", "-Infinity", "1e308", "-1e400", "9" * 25, "9" * 5000, "-0", "0x1A", "3.5", "-99",
    "\uff11\uff12", "\u0663", "2021-02-30", "31 February 2021", "0000-00-00", "9999-12-31 23:59:59", "\x00", "\r",
    '"', ",", "\n", "a\nb", "\u202e\u2028", "\ufeff", "x" * 20_000, 'over "the" limit\n' * 9000, "<script>", "=cmd|' /C calc'!A0", "Unknown",
    "Unidentified Armed Group (Afghanistan)", "Taliban", "Islamic State", "#hxl",
]), st.text(max_size=15))
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1")


@st.composite
def dataset_files(draw, dataset: str) -> bytes:
    """A dataset file: the invented rows, mangled cell by cell and column by column, then encoded and cut."""
    rows = [dict(r) for r in draw(st.lists(st.sampled_from(ROWS[dataset]), min_size=1, max_size=5))]
    columns = list(layout_of("acled" if dataset == "acled" else dataset).columns)
    for _ in range(draw(st.sampled_from([0, 0, 0, 1, 2]))):  # drop columns, perhaps required ones
        columns.remove(draw(st.sampled_from(columns)))
    columns += draw(st.lists(st.text(min_size=1, max_size=8), max_size=2))  # extra (or repeated) columns
    for row in rows:
        for _ in range(draw(st.integers(0, 3))):
            row[draw(st.sampled_from(columns))] = draw(CELLS)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=draw(st.sampled_from(["\n", "\r\n"])))
    writer.writerow(columns)
    for row in rows:
        cells = [row.get(c, "") for c in columns]
        writer.writerow(cells[:draw(st.integers(0, len(cells)))] if draw(st.integers(0, 9)) == 0 else cells)
    encoding = draw(st.sampled_from(ENCODINGS)) if draw(st.integers(0, 3)) == 0 else "utf-8"
    data = out.getvalue().encode(encoding, errors="replace")
    return data[:draw(st.integers(0, len(data)))] if draw(st.integers(0, 3)) == 0 else data


def file_contents(dataset: str):
    files = dataset_files(dataset)
    return st.one_of(files, files, files, st.binary(max_size=400))  # one_of draws its branches alike


def checked(item):
    assert isinstance(item, (Imported, ConflictLensError)), item
    if isinstance(item, ConflictLensError):
        assert item.code in ERROR_CODES and item.message
    return item


@FUZZ
@given(data=st.data(), dataset=st.sampled_from(sorted(ROWS)))
def test_any_dataset_file_gives_rows_or_coded_errors_and_stores_only_the_accepted_rows(data, dataset):
    content = data.draw(file_contents(dataset))
    with tempfile.TemporaryDirectory(prefix="fuzz-") as folder:
        path = Path(folder) / f"{dataset}.csv"
        path.write_bytes(content)
        try:
            items = [checked(i) for i in import_rows(dataset, path)]
        except ConflictLensError as refused:  # the whole file: unreadable, or not the layout
            assert refused.code in ERROR_CODES
            return
        accepted = {i.document.id for i in items if isinstance(i, Imported)}
        with Store.open(":memory:") as store:
            report = import_dataset(dataset, path, store, resolve=False, parallel=False)
            stored = {doc_id for doc_id, in store.connection.execute("SELECT id FROM documents")}
            events = store.counts()["events"]
    assert stored == accepted and events == len(accepted) == report.inserted
    assert report.rows == len(items) and len(report.errors) == len(items) - len(accepted)
