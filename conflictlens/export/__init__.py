"""Export stage: stored events out as ACLED, GTD, GeoJSON, STIX 2.1, GraphML, NDJSON or CSV.

`write_export(fmt, events, out, context)` streams the events through the `publishable` filter
(confidential texts and source identities never leave), unless the context says the pipeline's
outbound gate redacted them already under its policy, and then the chosen writer. The context
carries, as plain callables, what the exporters need from other stages (documents, actor names
and types, country names); this stage imports only the model.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import IO

from conflictlens.errors import ConflictLensError
from conflictlens.export.areas import write_areas
from conflictlens.export.context import ExportContext, PublicView, public_view, publishable
from conflictlens.export.geojson import write_geojson
from conflictlens.export.graphml import write_graphml
from conflictlens.export.stix import write_stix
from conflictlens.export.tables import write_acled, write_csv, write_gtd, write_ndjson, write_ucdp
from conflictlens.model.records import Event

__all__ = ["FORMATS", "ExportContext", "PublicView", "check_format", "publishable", "write_export"]

Writer = Callable[[Iterable[Event], IO[str], PublicView], int]
_WRITERS: dict[str, Writer] = {
    "acled": write_acled,
    "gtd": write_gtd,
    "ucdp": write_ucdp,
    "geojson": write_geojson,
    "stix": write_stix,
    "graphml": write_graphml,
    "ndjson": write_ndjson,
    "csv": write_csv,
}
FORMATS = tuple(_WRITERS)


def check_format(fmt: str, areas: bool = False) -> None:
    """Refuse an unknown format (or --areas without GeoJSON) before any output is opened."""
    if fmt not in _WRITERS:
        raise ConflictLensError("CL-E510", f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}",
                                "--format")
    if areas and fmt != "geojson":
        raise ConflictLensError("CL-E400", "--areas makes polygons and needs --format geojson", "--areas")


def write_export(fmt: str, events: Iterable[Event], out: IO[str], context: ExportContext | None = None,
                 areas: bool = False) -> int:
    """Write `events` in format `fmt` to `out`; return how many events went in.

    With `areas` (GeoJSON only), write province and district polygons with event counts instead,
    and return how many areas were written.
    """
    check_format(fmt, areas)
    context = context or ExportContext()
    view = public_view(context)
    # Redacted once: by the caller's gate when it says so under its policy, else here.
    public = events if context.redacted and context.policy is not None else publishable(events, view.policy)
    return (write_areas if areas else _WRITERS[fmt])(public, out, view)
