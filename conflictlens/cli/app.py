"""The typer application, its global options, and the one Session each invocation works in."""

from __future__ import annotations

import os
import typer

from conflictlens.cli.help import App
from conflictlens.cli.options import fail
from conflictlens.errors import ConflictLensError
from conflictlens.pipeline.session import CREATE, EXISTING, NONE, OPTIONAL, Session, displayed_database

app = App(add_completion=False, no_args_is_help=True,
          help="conflictlens: structured, sourced event records from reports of political violence.")

DEFAULT_DB = "conflictlens.db"
__all__ = ["CREATE", "EXISTING", "NONE", "OPTIONAL", "Settings", "app", "session", "settings"]


class Settings:
    """The global options (--db, --quiet) and, once a command asks for it, its session."""

    def __init__(self, db: str, quiet: bool) -> None:
        self.db, self.quiet = db, quiet
        self.session: Session | None = None

    @property
    def shown_db(self) -> str:
        """--db as messages name it: a PostgreSQL URL without its password."""
        return displayed_database(self.db)


def settings(ctx: typer.Context) -> Settings:
    return ctx.obj


def session(ctx: typer.Context, store: str = EXISTING, actor_files: tuple[str, ...] = (),
            typing_model: str | None = None, relevance_model: str | None = None) -> Session:
    """The invocation's session over --db, opened on first use and closed when the command ends.

    `store`: EXISTING (CL-E200 when there is no database yet), CREATE, OPTIONAL (none when there is
    no database: reading never creates one) or NONE. Call it inside `coded_errors()`."""
    chosen = settings(ctx)
    if chosen.session is None:
        chosen.session = ctx.with_resource(Session(chosen.db, actor_files=actor_files, store=store,
                                                   typing_model=typing_model, relevance_model=relevance_model))
    return chosen.session


def _show_version(wanted: bool) -> None:
    from importlib.metadata import PackageNotFoundError, version

    if not wanted:
        return
    try:
        typer.echo(f"conflictlens {version('conflictlens')}")
    except PackageNotFoundError:
        fail(ConflictLensError("CL-E402", "this copy is not installed as a package, so it has no version; "
                               "install it with `pip install -e .`", "--version"))
    raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    db: str = typer.Option(None, "--db", metavar="PATH",
                           help="Database path, or a PostgreSQL URL postgresql://user@host/dbname "
                                "(default ./conflictlens.db or $CONFLICTLENS_DB)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary on stderr."),
    version: bool = typer.Option(False, "--version", is_eager=True, callback=_show_version,
                                 help="Show the version and exit."),
) -> None:
    ctx.obj = Settings(db or os.environ.get("CONFLICTLENS_DB") or DEFAULT_DB, quiet)
