"""Options shared by commands: whole numbers checked against their range, as coded errors.

typer parses an `int` option before any callback sees it, so a word ("abc") would end in typer's own
usage error and a huge number (10**20) in an OverflowError deep in SQLite. These options take the
text as typed and check it here, so every bad value is one coded line naming the option and its range.
"""

from __future__ import annotations

from typing import Any, Callable

import typer

from conflictlens.errors import ConflictLensError

# Ranges: a limit beyond any store's size means "all"; an ego network deeper than this is the whole graph.
MAX_LIMIT = 1_000_000_000
MAX_SEARCH_HITS = 10_000
MAX_DEPTH = 10
MAX_WORKERS = 256  # local Dask worker processes (`extract --workers`)


def whole_number(option: str, low: int, high: int, code: str = "CL-E400") -> Callable[[Any], int | None]:
    """A typer `parser` turning the option's text into an int in [low, high], else a coded error."""
    def parse(value: Any) -> int | None:
        if value is None or isinstance(value, int):  # the default, already a number
            return value
        text = str(value).strip()
        number = int(text) if text.lstrip("+-").isdigit() and len(text) <= 30 else None
        if number is None or not low <= number <= high:
            fail(ConflictLensError(code, f"{value!r} is not allowed; give a whole number from {low:,} to "
                                          f"{high:,}", option))
        return number
    return parse


def number_option(default: int | None, option: str, low: int, high: int, help: str,
                  code: str = "CL-E400") -> Any:
    """A typer.Option for a whole number in [low, high]; its help says the range."""
    return typer.Option(default, option, parser=whole_number(option, low, high, code), metavar="N",
                        help=f"{help} ({low:,} to {high:,}).")


def fail(error: ConflictLensError) -> None:
    """One clear line on stderr and exit status 2. Also used while typer parses an option, where
    `cli.coded_errors` does not reach."""
    typer.echo(f"error {error.render()}", err=True)
    raise typer.Exit(code=2)
