"""Progress bars know their total and show an ETA: files for ingest, bytes for import (issue 17)."""

from __future__ import annotations

import io
from contextlib import contextmanager

import pytest
from rich.console import Console

import conflictlens.cli
import conflictlens.cli.common
from conflictlens.cli.output import progress_bar
from tests.cli.conftest import run
from tests.ingest.dataset_rows import ACLED_ROWS, write_csv


def terminal() -> Console:
    return Console(file=io.StringIO(), force_terminal=True, color_system=None, width=120)


@pytest.mark.parametrize("unit,shown", [("files", "1/3 files"), ("bytes", "1.0/3.0 kB")])
def test_the_bar_shows_done_out_of_total_and_the_time_left(unit, shown):
    console = terminal()
    with progress_bar(enabled=True, unit=unit, console=console) as meter:
        scale = 1000 if unit == "bytes" else 1
        meter.update(0, 3 * scale)
        meter.update(1 * scale, 3 * scale)
        meter.refresh()
        drawn = console.file.getvalue()
    assert shown in drawn
    assert "left" in drawn  # the ETA column's label


def test_a_disabled_bar_takes_updates_and_draws_nothing():
    console = terminal()
    with progress_bar(enabled=False, unit="files", console=console) as meter:
        meter.update(1, 3)
        meter("an item")
    assert console.file.getvalue() == ""


class Recorder:
    """Stands in for the progress bar: keeps every (done, total) it is told."""

    def __init__(self):
        self.updates = []

    def update(self, done, total=None):
        self.updates.append((done, total))

    def __call__(self, _item=None):
        pass


@pytest.fixture
def recorder(monkeypatch):
    meter = Recorder()

    @contextmanager
    def fake(settings, unit="items"):
        yield meter

    monkeypatch.setattr(conflictlens.cli.common, "progress", fake)
    return meter


def test_ingest_counts_files_out_of_all_files(tmp_path, recorder):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text("Gunmen killed two police officers in Herat on Sunday.\n")
    (reports / "b.jsonl").write_text('{"text": "A bomb killed three people in Kabul."}\n'
                                     '{"text": "Gunmen attacked a checkpoint in Kandahar."}\n')
    (reports / "c.txt").write_bytes(b"\x00\x01" * 50)
    run("--db", tmp_path / "x.db", "ingest", reports)
    assert recorder.updates[0] == (0, 3)
    assert recorder.updates[-1] == (3, 3)


@pytest.mark.parametrize("parsing", ["--no-parallel", "--parallel"])
def test_import_counts_bytes_out_of_the_file_size(tmp_path, recorder, parsing):
    rows = [{**ACLED_ROWS[i % 2], "event_id_cnty": f"AFG{80000 + i}"} for i in range(2000)]
    path = write_csv(tmp_path / "acled.csv", "acled", rows)
    size = path.stat().st_size
    result = run("--db", tmp_path / "x.db", "import", "acled", path, "--no-resolve", parsing)
    assert result.exit_code == 0, result.output
    done = [d for d, _ in recorder.updates]
    assert {t for _, t in recorder.updates} == {size}
    assert done == sorted(done) and done[-1] == size and len(set(done)) >= 2
