"""`conflictlens migrate`: copy a store into another database (a SQLite file into PostgreSQL, or back)."""

from __future__ import annotations

import json

import typer

from conflictlens.cli.app import settings
from conflictlens.cli.common import coded_errors
from conflictlens.pipeline.migration import copy_database
from conflictlens.pipeline.session import displayed_database


def register(app: typer.Typer) -> None:
    app.command()(migrate)


def migrate(
    ctx: typer.Context,
    source: str = typer.Option(..., "--from", metavar="PATH", help="The store to copy: a SQLite file or a URL."),
    target: str = typer.Option(..., "--to", metavar="PATH",
                               help="A new store: postgresql://user@host/dbname (an empty database or schema) "
                                    "or a new SQLite file."),
) -> None:
    """Copy a store, every row with its keys, into a new database, and check that the counts match."""
    with coded_errors():
        counts = copy_database(source, target)
    typer.echo(json.dumps(counts))
    if not settings(ctx).quiet:
        typer.echo(f"copied {counts['documents']} documents and {counts['events']} events into "
                   f"{displayed_database(target)}; every table's count matches", err=True)
