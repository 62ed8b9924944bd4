"""Command: `network`, the graph of relations between actors (node-link JSON)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from conflictlens.cli import _check_date, _require_db, _settings, coded_errors
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
            actors: list[Path] = typer.Option([], "--actors", help="Extra actor registry YAML file(s).")) -> None:
    """Actors and the relations between them: allegiance, alliance, rivalry, support, splits,
    defections, part-of, clashes and joint claims, each edge with its sources."""
    from conflictlens.pipeline.session import session_registry
    from conflictlens.pipeline.attribution import confidentiality_policy
    from conflictlens.pipeline.network import actor_network, write_network
    from conflictlens.store import Store

    settings = _settings(ctx)
    with coded_errors():
        if fmt not in FORMATS:
            raise ConflictLensError("CL-E751", f"unknown format; use one of {', '.join(FORMATS)}", "--format")
        since, until = _check_date("--since", since), _check_date("--until", until)
        _require_db(settings.db)
        with Store.open(settings.db) as store:
            registry = session_registry(store, [str(a) for a in actors])
            data = actor_network(store, registry, since, until, actor, depth, confidentiality_policy(store))
        text = write_network(data, str(output) if output else None)
    if output is None:
        typer.echo(text)
    elif not settings.quiet:
        summary = data["graph"]
        typer.echo(f"{summary['nodes']} actors, {summary['edges']} edges ({summary['relations']} relations) "
                   f"written to {output}", err=True)
