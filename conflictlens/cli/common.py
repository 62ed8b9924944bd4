"""What the commands share: coded errors as one line, notes and progress on stderr, checked values."""

from __future__ import annotations

import datetime as dt
import getpass
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

import typer

from conflictlens.cli.app import Settings
from conflictlens.cli.options import fail
from conflictlens.errors import ConflictLensError

EVENT_ID_HELP = "An event id (evt_...), or any unique start of it."
FORMATS = ("table", "json", "ndjson", "csv")
ACTOR_FILES = typer.Option([], "--actors", help="Extra actor registry YAML file(s).")


@contextmanager
def coded_errors() -> Iterator[None]:
    """Turn coded errors into one clear line on stderr and exit status 2, never a traceback."""
    try:
        yield
    except ConflictLensError as exc:
        fail(exc)


def say(settings: Settings, message: str) -> None:
    """A note for the person at the terminal (an empty list, say): on stderr, so what goes to stdout
    stays parseable; --quiet silences it."""
    if not settings.quiet:
        typer.echo(message, err=True)


def progress(settings: Settings, unit: str = "items"):
    """A progress bar counting `unit` on a terminal, none when piped or --quiet (see output.Meter)."""
    from conflictlens.cli.output import progress_bar
    return progress_bar(enabled=not settings.quiet and sys.stderr.isatty(), unit=unit)


def recovered_note(recovered: int, before: str = "") -> str:
    """The mention of events an interrupted run had left in no incident, resolved first ("" when none)."""
    return f"{before}{recovered} events stored earlier without an incident were resolved first" if recovered else ""


def finish_report(settings: Settings, errors: list[ConflictLensError], summary: str) -> None:
    """Name every bad input on stderr, then the summary (unless --quiet); exit 1 if anything was bad.

    Warnings (nothing was lost) are named too, but do not fail the command."""
    for error in errors:
        typer.echo(f"{'warning' if error.warning else 'error'} {error.render()}", err=True)
    if not settings.quiet:
        typer.echo(summary, err=True)
    if any(not error.warning for error in errors):
        raise typer.Exit(code=1)


def check_format(fmt: str, allowed: tuple[str, ...] = FORMATS) -> None:
    if fmt not in allowed:
        raise ConflictLensError("CL-E400", f"unknown format; use one of {', '.join(allowed)}", "--format")


def check_date(option: str, value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise ConflictLensError("CL-E108", f"{value!r} is not a date; use YYYY-MM-DD", option) from None


def check_period(since: Optional[str], until: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """--since and --until checked: each a date, and not swapped (that matches nothing and would
    read as an empty store)."""
    since, until = check_date("--since", since), check_date("--until", until)
    if since and until and since > until:
        raise ConflictLensError("CL-E940", f"--since {since} is after --until {until}; swap them", "--since")
    return since, until


def paths(files: list[Path]) -> tuple[str, ...]:
    """Option paths as the pipeline takes them."""
    return tuple(str(f) for f in files)


def login(default: str = "") -> str:
    """The user's login name, `default` where there is none (some containers)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return default


TYPING_MODEL_HELP = ("A typing model trained with `conflictlens train typing` (JSON; default "
                     "$CONFLICTLENS_TYPING_MODEL): its confident labels replace the rules' attack, target or sub-event type.")


def typing_model_option():
    return typer.Option(None, "--typing-model", metavar="PATH", help=TYPING_MODEL_HELP)


RELEVANCE_MODEL_HELP = ("A relevance gate trained with `conflictlens train relevance` (JSON; default "
                        "$CONFLICTLENS_RELEVANCE_MODEL): drops the political-violence events of reports it reads as "
                        "telling no act.")


def relevance_model_option():
    return typer.Option(None, "--relevance-model", metavar="PATH", help=RELEVANCE_MODEL_HELP)


def learned_models(typing_path: Optional[Path], relevance_path: Optional[Path]) -> tuple[Optional[str], Optional[str]]:
    """The typing model and relevance gate the user names (options, else $CONFLICTLENS_TYPING_MODEL
    and $CONFLICTLENS_RELEVANCE_MODEL), checked before any database is opened or created: a bad file
    fails first, with its code."""
    from conflictlens import pipeline
    from conflictlens.pipeline.learning import relevance_model_path, typing_model_path

    models = typing_model_path(typing_path), relevance_model_path(relevance_path)
    if any(models):
        pipeline.build_extractor(typing_model=models[0], relevance_model=models[1])
    return models
