"""`conflictlens evaluate gtd|case`: extraction accuracy against hand-coded datasets.

(`evaluate resolution` lives with the incident commands in cli/resolution.py.)
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from conflictlens.cli.app import settings as _settings
from conflictlens.cli.common import coded_errors, typing_model_option
from conflictlens.cli.common import progress as _progress
from conflictlens.cli.help import App

evaluate_app = App(help="Measure extraction accuracy against hand-coded datasets.")


def register(app: typer.Typer) -> None:
    app.add_typer(evaluate_app, name="evaluate")


@evaluate_app.command("gtd")
def evaluate_gtd(ctx: typer.Context, path: Path = typer.Argument(..., help="A GTD CSV export with `summary`."),
                 fmt: str = typer.Option("table", "--format", help="table, markdown or json."),
                 errors_out: Optional[Path] = typer.Option(None, "--errors", help="Write per-row mismatches (JSONL)."),
                 part: str = typer.Option("all", "--part", help="all, tune or held-out: a fixed 70/30 split by a "
                                                               "hash of eventid (tune rules on `tune` only)."),
                 typing_model: Optional[Path] = typing_model_option()) -> None:
    """Per-field accuracy of extraction over GTD summaries."""
    from conflictlens import evaluation, pipeline
    from conflictlens.pipeline.learning import typing_model_path

    settings = _settings(ctx)
    with coded_errors():
        model = typing_model_path(typing_model)
        extractor = pipeline.build_extractor(typing_model=model)
        with _progress(settings) as tick:
            result = evaluation.evaluate_gtd(str(path), extractor, on_row=tick,
                                             mismatches_path=str(errors_out) if errors_out else None, part=part)
        if model:  # a score with a user's model says so
            result.title += f", typing model {Path(model).name}"
    typer.echo(evaluation.render(result, fmt))


@evaluate_app.command("case")
def evaluate_case(ctx: typer.Context, path: Path = typer.Argument(..., help="CASE 2021 task 2 TSV (id, EventSnippet, SubType)."),
                  fmt: str = typer.Option("table", "--format", help="table, markdown or json.")) -> None:
    """Weighted F1 of ACLED sub-event typing on CASE 2021 snippets."""
    from conflictlens import evaluation

    with coded_errors():
        result = evaluation.evaluate_case(str(path))
    typer.echo(evaluation.render(result, fmt))
