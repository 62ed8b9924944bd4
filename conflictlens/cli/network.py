"""Command: `network`, the graph of relations between actors (node-link JSON)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from conflictlens.cli import common
from conflictlens.cli.app import session, settings
from conflictlens.cli.common import ACTOR_FILES, check_date, coded_errors
from conflictlens.cli.options import MAX_DEPTH, number_option
from conflictlens.errors import ConflictLensError

FORMATS = ("json",)  # GraphML comes with the interop formats


def register(app: typer.Typer) -> None:
    app.command("network")(network)


def network(ctx: typer.Context,
            since: Optional[str] = typer.Option(None, help="Relations known to hold on or after this date, YYYY-MM-DD."),
            until: Optional[str] = typer.Option(None, help="Relations known to hold on or before this date, YYYY-MM-DD."),
            actor: Optional[str] = typer.Option(None, "--actor", help="Only this actor's ego network (any known name)."),
            depth: int = number_option(2, "--depth", 0, MAX_DEPTH, "Hops from --actor", code="CL-E751"),
            fmt: str = typer.Option("json", "--format", help="json (node-link)."),
            output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to FILE instead of stdout."),
            actors: list[Path] = ACTOR_FILES) -> None:
    """Actors and the relations between them: allegiance, alliance, rivalry, support, splits,
    defections, part-of, clashes and joint claims, each edge with its sources."""
    from conflictlens.pipeline.network import write_network

    with coded_errors():
        if fmt not in FORMATS:
            raise ConflictLensError("CL-E751", f"unknown format; use one of {', '.join(FORMATS)}", "--format")
        since, until = check_date("--since", since), check_date("--until", until)
        data = session(ctx, actor_files=common.paths(actors)).network(since, until, actor, depth)
        text = write_network(data, str(output) if output else None)
    if output is None:
        typer.echo(text)
    elif not settings(ctx).quiet:
        summary = data["graph"]
        typer.echo(f"{summary['nodes']} actors, {summary['edges']} edges ({summary['relations']} relations) "
                   f"written to {output}", err=True)
