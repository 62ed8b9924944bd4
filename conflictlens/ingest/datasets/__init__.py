"""Dataset importers: ACLED, GTD and UCDP GED files -> (Document, Event) per row, streamed.

`import_rows(dataset, path, actors)` yields an `Imported` for every good row and a coded error
(`CL-E5xx`, subject "file:line") for every row left out, so a caller can store the good rows and
report the bad ones. A row id the file repeats keeps its first row; every later copy is a coded
error naming both lines (a warning when it repeats the first word for word). Ids are deterministic
(dataset + the row's own id), so importing the same file twice changes nothing. Actor names are linked to the registry through `actors`, a callable
the pipeline passes in (this stage never imports the actors stage).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Callable

from conflictlens.errors import ConflictLensError
from conflictlens.ingest.datasets.acled import acled_event, acled_id
from conflictlens.ingest.datasets.common import (
    IMPORTER_VERSION, ActorLink, ActorLookup, ImportContext, Imported, names_as_given,
)
from conflictlens.ingest.datasets.gtd import gtd_event, gtd_id
from conflictlens.ingest.datasets.reference import Layout, countries, layouts
from conflictlens.ingest.datasets.repeats import Numbered, first_copies
from conflictlens.ingest.datasets.tables import Table, bad_row, open_table
from conflictlens.ingest.datasets.ucdp import ucdp_event, ucdp_id
from conflictlens.ingest.datasets.values import BadValue

__all__ = [
    "DATASETS", "IMPORTER_VERSION", "ActorLink", "ActorLookup", "Imported", "country_name", "detect_layout",
    "import_rows", "layout_of", "names_as_given",
]

Mapper = Callable[[dict[str, str], Layout, ImportContext], Imported]
RowId = Callable[[dict[str, str]], str]
# dataset -> (name in Event.dataset, candidate layouts in order of preference, row mapper, row id)
_DATASETS: dict[str, tuple[str, tuple[str, ...], Mapper, RowId]] = {
    "acled": ("ACLED", ("acled", "acled_legacy"), acled_event, acled_id),
    "gtd": ("GTD", ("gtd",), gtd_event, gtd_id),
    "ucdp": ("UCDP", ("ucdp",), ucdp_event, ucdp_id),
}
DATASETS = tuple(_DATASETS)


def import_rows(dataset: str, path: str | Path, actors: ActorLookup | None = None,
                encoding: str = "utf-8", on_bytes: Callable[[int, int], None] | None = None
                ) -> Iterator[Imported | ConflictLensError]:
    """Every row of a dataset file as an `Imported`, or a coded error naming its line.

    Raises a coded error before the first row when the file cannot be read at all or its header
    is not the dataset's layout. `on_bytes(done, total)` hears how far into the file the rows read
    so far reach, whenever that moves on, and (total, total) at the end.
    """
    name, candidates, mapper, row_id = _dataset(dataset)
    aliases = {k: v for c in candidates for k, v in layouts()[c].aliases.items()}
    table = open_table(path, encoding, aliases)
    layout = detect_layout(dataset, table.header, table.path)
    extra = tuple(dict.fromkeys(c for c in table.header if c not in layout.fields))
    ctx = ImportContext(name, table.path, actors, extra)

    def reread(ids: set[str]) -> Iterator[Numbered]:
        rows = (i for i in open_table(path, encoding, aliases).rows
                if not isinstance(i, ConflictLensError) and row_id(i[1]) in ids)
        return (i for i in _mapped(rows, layout, ctx, mapper) if not isinstance(i, ConflictLensError))

    rows = first_copies(_mapped(table.rows, layout, ctx, mapper), reread, table.path)
    return _telling_bytes(rows, table, on_bytes) if on_bytes else rows


def _telling_bytes(rows: Iterator[Any], table: Table, on_bytes: Callable[[int, int], None]) -> Iterator[Any]:
    told = -1
    for item in rows:
        yield item
        done = table.position()
        if done != told:  # once per block the reader takes, not once per row
            on_bytes(done, table.size)
            told = done
    on_bytes(table.size, table.size)


def _mapped(rows, layout: Layout, ctx: ImportContext, mapper: Mapper) -> Iterator[Numbered | ConflictLensError]:
    for item in rows:
        if isinstance(item, ConflictLensError):
            yield item
            continue
        line, row = item
        try:
            yield line, mapper(row, layout, ctx)
        except BadValue as exc:
            yield bad_row(ctx.path, line, f"{exc}; correct the value or delete the row", code="CL-E502")


def _dataset(dataset: str) -> tuple[str, tuple[str, ...], Mapper, RowId]:
    try:
        return _DATASETS[dataset.lower()]
    except KeyError:
        raise ConflictLensError("CL-E504", f"unknown dataset {dataset!r}; use one of {', '.join(DATASETS)}",
                                "dataset") from None


def detect_layout(dataset: str, header: tuple[str, ...], path: str = "") -> Layout:
    """The dataset's layout this header has (ACLED: 2023+ or older), or a coded error saying what is missing."""
    candidates = _dataset(dataset)[1]
    present = set(header)
    for candidate in candidates:
        layout = layouts()[candidate]
        if layout.required <= present:
            return layout
    missing = sorted(layouts()[candidates[0]].required - present)
    hint = _other_dataset_hint(dataset, present)
    raise ConflictLensError("CL-E500", f"this is not a {dataset.upper()} file: the header lacks "
                            f"{', '.join(missing)}{hint}", path or None)


def _other_dataset_hint(dataset: str, present: set[str]) -> str:
    for other, (_, candidates, _, _) in _DATASETS.items():
        if other != dataset.lower() and any(layouts()[c].required <= present for c in candidates):
            return f"; it looks like {other.upper()}: run `conflictlens import {other} FILE`"
    return "; export the dataset again with its original column names"


def layout_of(name: str) -> Layout:
    """A published layout by name: "acled", "acled_legacy", "gtd", "ucdp"."""
    return layouts()[name]


def country_name(alpha2: str | None) -> str | None:
    """The English short name of an ISO alpha-2 code, as the datasets write it."""
    country = countries().by_alpha2.get((alpha2 or "").upper())
    return country.name if country else None
