"""`conflictlens import acled|gtd|ucdp FILE` and `conflictlens export --format ...`."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

import typer

from conflictlens.cli import common
from conflictlens.cli.app import CREATE, session, settings
from conflictlens.cli.common import ACTOR_FILES, check_period, coded_errors, finish_report, recovered_note
from conflictlens.cli.options import MAX_LIMIT, number_option
from conflictlens.errors import ConflictLensError


def import_command(ctx: typer.Context,
                   dataset: str = typer.Argument(..., help="acled, gtd or ucdp."),
                   path: Path = typer.Argument(..., help="The dataset file (CSV; GTD also XLSX)."),
                   encoding: str = typer.Option("utf-8", help="Text encoding of a CSV (GTD's own CSV is cp1252)."),
                   actors: list[Path] = ACTOR_FILES,
                   resolve: bool = typer.Option(True, "--resolve/--no-resolve",
                                                help="Merge each row into the incident it describes (default), "
                                                     "or leave that to `conflictlens incidents resolve`."),
                   parallel: Optional[bool] = typer.Option(None, "--parallel/--no-parallel",
                                                           help="Parse in a second process while storing (default: "
                                                                "for files over 4 MB on a machine with a spare core).")
                   ) -> None:
    """Import a dataset export (ACLED, GTD or UCDP GED): one event per row, linked to the actor registry."""
    chosen = settings(ctx)
    with coded_errors():
        work = session(ctx, CREATE, common.paths(actors))
        with common.progress(chosen, "bytes") as meter:
            report = work.import_dataset(dataset, path, encoding=encoding, on_bytes=meter.update, resolve=resolve,
                                         parallel=parallel)
    finish_report(chosen, report.errors,
                  f"{report.rows} rows: {report.inserted} new, {report.updated} updated, {report.unchanged} "
                  f"unchanged; {len(report.errors)} left out; stored in {chosen.shown_db}"
                  + recovered_note(report.recovered, "; "))


def export_command(ctx: typer.Context,
                   fmt: str = typer.Option(..., "--format", help="acled, gtd, ucdp, geojson, stix, graphml, ndjson or csv."),
                   output: Optional[Path] = typer.Option(None, "--output", "-o", help="Output file (default stdout)."),
                   areas: bool = typer.Option(False, "--areas", help="GeoJSON: province and district polygons with counts."),
                   country: Optional[str] = typer.Option(None, help="ISO 3166-1 alpha-2 code, e.g. AF."),
                   since: Optional[str] = typer.Option(None, help="Earliest date, YYYY-MM-DD."),
                   until: Optional[str] = typer.Option(None, help="Latest date, YYYY-MM-DD."),
                   event_type: Optional[str] = typer.Option(None, "--type", help="ACLED event type."),
                   perpetrator: Optional[str] = typer.Option(None, help="Canonical perpetrator name."),
                   dataset: Optional[str] = typer.Option(None, help="Only events imported from ACLED, GTD or UCDP."),
                   limit: Optional[int] = number_option(None, "--limit", 1, MAX_LIMIT, "At most this many events"),
                   actors: list[Path] = ACTOR_FILES) -> None:
    """Export stored events; confidential sources never appear in any export."""
    from conflictlens.pipeline import interop

    chosen = settings(ctx)
    with coded_errors():
        interop.check_format(fmt, areas)
        since, until = check_period(since, until)
        filters = interop.ExportFilters(
            country=country.upper() if country else None, since=since, until=until, event_type=event_type,
            perpetrator=perpetrator, dataset=dataset, limit=limit)
        work = session(ctx, actor_files=common.paths(actors))
        count = _export_to(output, lambda out: work.export(fmt, out, filters, areas=areas))
    if not chosen.quiet:
        what = "areas" if areas else "events"
        typer.echo(f"{count} {what} written to {output or 'stdout'}", err=True)


def _export_to(output: Optional[Path], write) -> int:
    """Write to stdout, or to a file that appears only once complete (no half-written exports)."""
    if output is None:
        return write(sys.stdout)
    partial = output.with_name(output.name + ".part")
    try:
        with open(partial, "w", encoding="utf-8", newline="") as out:
            count = write(out)
        os.replace(partial, output)
    except OSError as exc:
        raise ConflictLensError("CL-E511", f"cannot write the file ({exc.strerror}); check the folder exists "
                                "and is writable", str(output)) from exc
    finally:
        partial.unlink(missing_ok=True)
    return count


def register(app: typer.Typer) -> None:
    app.command("import")(import_command)
    app.command("export")(export_command)
