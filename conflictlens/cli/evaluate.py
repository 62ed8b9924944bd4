"""`conflictlens evaluate gtd|case|muc4|satp`: extraction accuracy against hand-coded datasets.

(`evaluate resolution` lives with the incident commands in cli/resolution.py.)
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from conflictlens.cli.app import settings as _settings
from conflictlens.cli.common import coded_errors, relevance_model_option, typing_model_option
from conflictlens.cli.common import progress as _progress
from conflictlens.cli.help import App
from conflictlens.cli.options import MAX_LIMIT, number_option

evaluate_app = App(help="Measure extraction accuracy against hand-coded datasets.")


def register(app: typer.Typer) -> None:
    app.add_typer(evaluate_app, name="evaluate")


@evaluate_app.command("gtd")
def evaluate_gtd(ctx: typer.Context, path: Path = typer.Argument(..., help="A GTD CSV export with `summary`."),
                 fmt: str = typer.Option("table", "--format", help="table, markdown or json."),
                 errors_out: Optional[Path] = typer.Option(None, "--errors", help="Write per-row mismatches (JSONL)."),
                 part: str = typer.Option("all", "--part", help="all, tune or held-out: a fixed 70/30 split by a "
                                                               "hash of eventid (tune rules on `tune` only)."),
                 typing_model: Optional[Path] = typing_model_option(),
                 relevance_model: Optional[Path] = relevance_model_option()) -> None:
    """Per-field accuracy of extraction over GTD summaries."""
    from conflictlens import evaluation

    settings = _settings(ctx)
    with coded_errors():
        extractor, models = _extractor(typing_model, relevance_model)
        with _progress(settings) as tick:
            result = evaluation.evaluate_gtd(str(path), extractor, on_row=tick,
                                             mismatches_path=str(errors_out) if errors_out else None, part=part)
        result.title += models
    typer.echo(evaluation.render(result, fmt))


def _extractor(typing_model: Optional[Path], relevance_model: Optional[Path]):
    """The extractor `extract` would use with these options (or their environment variables), and
    the note a score made with a user's model carries in its title."""
    from conflictlens import pipeline
    from conflictlens.pipeline.learning import relevance_model_path, typing_model_path

    typing, relevance = typing_model_path(typing_model), relevance_model_path(relevance_model)
    extractor = pipeline.build_extractor(typing_model=typing, relevance_model=relevance)
    note = (f", typing model {Path(typing).name}" if typing else "") + \
        (f", relevance gate {Path(relevance).name}" if relevance else "")
    return extractor, note


PART_HELP = "all, tune or held-out: a fixed 70/30 split by a hash of the row id (tune rules on `tune` only)."


@evaluate_app.command("case")
def evaluate_case(ctx: typer.Context, path: Path = typer.Argument(..., help="CASE 2021 task 2 TSV (id, EventSnippet, SubType)."),
                  fmt: str = typer.Option("table", "--format", help="table, markdown or json."),
                  part: str = typer.Option("all", "--part", help=PART_HELP),
                  relevance_model: Optional[Path] = relevance_model_option()) -> None:
    """Sub-event typing (weighted F1) and false alarms of `extract` on CASE 2021 snippets."""
    from conflictlens import evaluation

    settings = _settings(ctx)
    with coded_errors():
        evaluation.check_part(part)
        extractor, models = _extractor(None, relevance_model)
        with _progress(settings) as tick:
            result = evaluation.evaluate_case(str(path), extractor, part=part, on_row=tick)
        result.title += models
    typer.echo(evaluation.render(result, fmt))


@evaluate_app.command("muc4")
def evaluate_muc4(ctx: typer.Context, paths: list[Path] = typer.Argument(..., help="MUC-4 JSON files (doc_id -> {doc, roles})."),
                  fmt: str = typer.Option("table", "--format", help="table, markdown or json."),
                  errors_out: Optional[Path] = typer.Option(None, "--errors", help="Write per-document mismatches (JSONL)."),
                  part: str = typer.Option("tune", "--part", help=PART_HELP + " Default tune: held-out is for the final measurement."),
                  relevance_model: Optional[Path] = relevance_model_option()) -> None:
    """Incident detection, false alarms and perpetrator organisations of `extract` on MUC-4 documents."""
    from conflictlens import evaluation
    from conflictlens.evaluation.muc4 import evaluate_muc4 as run_muc4

    settings = _settings(ctx)
    with coded_errors():
        evaluation.check_part(part)
        extractor, models = _extractor(None, relevance_model)
        with _progress(settings) as tick:
            result = run_muc4([str(p) for p in paths], extractor, part=part, on_row=tick,
                              mismatches_path=str(errors_out) if errors_out else None)
        result.title += models
    typer.echo(evaluation.render(result, fmt))


@evaluate_app.command("satp")
def evaluate_satp(ctx: typer.Context, path: Path = typer.Argument(..., help="The SATP India coded CSV (incident_summary, "
                                                                          "date, state, district, tolls, action codes)."),
                  fmt: str = typer.Option("table", "--format", help="table, markdown or json."),
                  errors_out: Optional[Path] = typer.Option(None, "--errors", help="Write per-row mismatches (JSONL)."),
                  part: str = typer.Option("tune", "--part", help=PART_HELP + " Default tune: held-out is for the final measurement."),
                  limit: Optional[int] = number_option(None, "--limit", 1, MAX_LIMIT, "Only the first N rows of the "
                                                       "part, in a fixed hash order (the same subset every run)"),
                  relevance_model: Optional[Path] = relevance_model_option()) -> None:
    """Detection, date, state, district and tolls of `extract` on SATP India incident descriptions,
    and false alarms on its arrests, surrenders and seizures."""
    from conflictlens import evaluation
    from conflictlens.evaluation.satp import evaluate_satp as run_satp

    settings = _settings(ctx)
    with coded_errors():
        evaluation.check_part(part)
        extractor, models = _extractor(None, relevance_model)
        with _progress(settings) as tick:
            result = run_satp(str(path), extractor, part=part, limit=limit, on_row=tick,
                              mismatches_path=str(errors_out) if errors_out else None)
        result.title += models
    typer.echo(evaluation.render(result, fmt))
