"""How the command line shows things: tables, CSV, JSON, progress and summaries."""

from __future__ import annotations

import csv
import json
import time
from contextlib import contextmanager
from typing import IO, Iterable, Iterator

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.progress import (
    BarColumn, DownloadColumn, MofNCompleteColumn, Progress, ProgressColumn, SpinnerColumn, TaskID, TextColumn,
    TimeElapsedColumn, TimeRemainingColumn,
)
from rich.table import Column, Table
from rich.text import Text

from conflictlens.model.records import Event

_REDRAW_SECONDS = 0.1
DEMO_ROWS = 15  # events the demo's summary shows

CSV_COLUMNS = (
    "id", "date_start", "date_end", "date_precision", "event_type", "sub_event_type", "attack_type",
    "target_type", "weapon_type", "country", "admin1", "admin2", "place", "lat", "lon", "geo_precision",
    "perpetrator", "target_actor", "claimed", "fatalities_low", "fatalities_best", "fatalities_high", "injured_low",
    "injured_best", "injured_high", "perpetrators_killed_best", "targets", "summary", "confidence", "document_id",
)


class Meter:
    """What a long job tells its progress bar: one more item done (`meter(item)`), or how far it is
    out of how much (`meter.update(done, total)`). With no bar (piped, --quiet) it does nothing."""

    def __init__(self, progress: Progress | None = None, task: TaskID | None = None) -> None:
        self._progress, self._task = progress, task
        self._drawn = time.monotonic()

    def __call__(self, _item: object = None) -> None:
        if self._progress is not None:
            self._progress.advance(self._task)
            self._redraw()

    def update(self, done: int, total: int | None = None) -> None:
        if self._progress is not None:
            self._progress.update(self._task, completed=done, **({"total": total} if total is not None else {}))
            self._redraw()

    def refresh(self) -> None:
        if self._progress is not None:
            self._progress.refresh()

    def _redraw(self) -> None:
        # Redrawn from here, not by rich's refresh thread: a process with one thread can fork a
        # dataset import's parsing worker safely (pipeline.dataset_rows).
        if time.monotonic() - self._drawn >= _REDRAW_SECONDS:
            self.refresh()
            self._drawn = time.monotonic()


def _columns(unit: str) -> tuple[ProgressColumn, ...]:
    done = DownloadColumn() if unit == "bytes" else MofNCompleteColumn()
    label = () if unit == "bytes" else (TextColumn(unit),)
    return (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), done, *label, TimeElapsedColumn(),
            TimeRemainingColumn(), TextColumn("left"))


@contextmanager
def progress_bar(enabled: bool, unit: str = "items", console: Console | None = None) -> Iterator[Meter]:
    """A progress display on a terminal; a Meter doing nothing when output is piped or --quiet is set.

    `unit`: what the total counts ("files", "bytes", ...); bytes are shown as kB/MB. The time left is
    estimated once the job reports a total (`Meter.update`).
    """
    if not enabled:
        yield Meter()
        return
    with Progress(*_columns(unit), console=console or Console(stderr=True), transient=True,
                  auto_refresh=False) as progress:
        yield Meter(progress, progress.add_task("processing", total=None))


# `events --format csv` predates the dataset columns; it prints the export's flat row without them.
_NOT_IN_EVENT_LISTS = ("dataset", "dataset_id")


def flat_row(event: Event) -> dict[str, object]:
    # Imported here: the export job loads every exporter, which `extract` and its progress bar never need.
    from conflictlens.pipeline.interop import flat_row as export_flat_row
    return {k: v for k, v in export_flat_row(event).items() if k not in _NOT_IN_EVENT_LISTS}


def write_events(events: Iterable[Event], fmt: str, out: IO[str]) -> int:
    """Write the events in `fmt`; returns how many were written."""
    written = 0
    if fmt == "ndjson":
        for written, e in enumerate(events, start=1):
            out.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")
    elif fmt == "json":
        written = _write_json_array((e.to_dict() for e in events), out)
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        for written, e in enumerate(events, start=1):
            writer.writerow(flat_row(e))
    else:
        written = _print_table(events)
    return written


def _write_json_array(records: Iterable[dict], out: IO[str]) -> int:
    """Stream a JSON array without holding it in memory; returns how many records it holds."""
    out.write("[")
    written = 0
    for written, record in enumerate(records, start=1):
        out.write(("," if written > 1 else "") + "\n  " + json.dumps(record, ensure_ascii=False))
    out.write("\n]\n")
    return written


def _print_table(events: Iterable[Event]) -> int:
    """The events as a table on stdout; returns how many it showed.

    Ids are never cut: users copy them into `show`, `why` and the like. On a narrow terminal the
    other columns wrap instead, and the plain box leaves them the room vertical rules would take.
    """
    table = Table(box=box.SIMPLE_HEAD, collapse_padding=True, pad_edge=False)
    table.add_column("id", no_wrap=True)
    table.add_column("date", no_wrap=True, min_width=len("YYYY-MM-DD"))
    for col in ("type", "where", "perpetrator"):
        table.add_column(col, overflow="fold")
    for col in ("killed", "injured"):
        table.add_column(col, justify="right")
    for e in events:
        where = ", ".join(x for x in (e.location.place, e.location.admin1, e.location.country) if x)
        perp = (e.perpetrator or "") + (" (claimed)" if e.claimed else "")
        table.add_row(Text(e.id), e.date.start or "", Text(e.sub_event_type or ""), Text(where), Text(perp),
                      _num(e.fatalities.best), _num(e.injured.best))
    keep_whole(table.columns[0])
    if table.row_count:
        Console().print(table)
    return table.row_count


def keep_whole(column: Column) -> None:
    """Never shorten this column's cells (ids): rich shrinks every column, no_wrap ones included,
    down to its minimum width."""
    column.min_width = max((cell_len(str(cell)) for cell in column.cells), default=0) or None


def _num(value: int | None) -> str:
    return "" if value is None else str(value)


def print_summary(store, db_path: str) -> None:
    counts = store.counts()
    console = Console()
    console.print(f"[bold]{counts['documents']}[/] documents, [bold]{counts['events']}[/] events in {db_path}")
    table = Table(title="Events by type")
    table.add_column("event type")
    table.add_column("events", justify="right")
    for name, n in sorted(counts.get("by_event_type", {}).items(), key=lambda kv: -kv[1]):
        table.add_row(str(name), str(n))
    console.print(table)
    shown = _print_table(store.iter_events(limit=DEMO_ROWS))
    if shown < counts["events"]:
        console.print(f"showing {shown} of {counts['events']} events; `conflictlens events` lists all", markup=False)
    console.print("Next: `conflictlens events --format csv`, `conflictlens show EVENT_ID`.")


def print_event(record: dict) -> None:
    console = Console()
    console.print(f"[bold]{record['id']}[/]  {record['summary']}")
    table = Table(show_lines=True)
    table.add_column("field")
    table.add_column("value")
    table.add_column("evidence (sentence)")
    for field in ("event_type", "sub_event_type", "attack_type", "target_type", "weapon_type", "date", "location",
                  "perpetrator", "attribution", "claimed", "fatalities", "injured", "perpetrators_killed", "targets"):
        sentences = [e["sentence"] for e in record["evidence"].get(field, [])]
        value = record.get(field)
        shown = json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else str(value)
        table.add_row(field, shown, "\n".join(dict.fromkeys(sentences)))
    console.print(table)
