"""Commands for reports and their events: `ingest`, `demo`, `events`, `show`, `extract`, `search`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from conflictlens.cli import common
from conflictlens.cli.app import CREATE, OPTIONAL, session, settings
from conflictlens.cli.common import (
    ACTOR_FILES, EVENT_ID_HELP, check_date, check_format, check_period, coded_errors, finish_report, recovered_note,
    say,
)
from conflictlens.cli.options import MAX_LIMIT, MAX_SEARCH_HITS, MAX_WORKERS, number_option
from conflictlens.errors import ConflictLensError


def register(app: typer.Typer) -> None:
    for command in (ingest, demo, events, show, extract, search):  # the order `--help` lists them in
        app.command()(command)


def ingest(ctx: typer.Context, paths: list[Path] = typer.Argument(..., help="Files or folders of reports."),
           actors: list[Path] = ACTOR_FILES,
           confidential: bool = typer.Option(False, "--confidential",
                                             help="Confidential sources: their text and identity never appear in output."),
           typing_model: Optional[Path] = common.typing_model_option(),
           relevance_model: Optional[Path] = common.relevance_model_option()) -> None:
    """Extract events from report files (.txt .md .html .json .jsonl) and store them."""
    with coded_errors():
        models = common.learned_models(typing_model, relevance_model)
        _run_ingest(ctx, [str(p) for p in paths], common.paths(actors), confidential, models)


def _run_ingest(ctx: typer.Context, files: list[str], actor_files: tuple[str, ...] = (),
                confidential: bool = False, models: tuple[Optional[str], Optional[str]] = (None, None)) -> None:
    chosen = settings(ctx)
    work = session(ctx, CREATE, actor_files, *models)  # the user's actor edits apply to every ingest
    with common.progress(chosen, "files") as meter:
        report = work.ingest(files, confidential=confidential, on_file=meter.update)
    finish_report(chosen, report.errors,
                  f"{report.inserted} new, {report.updated} updated, {report.unchanged} unchanged documents; "
                  f"{report.events} events stored in {chosen.shown_db}; {len(report.errors)} bad file(s)"
                  + recovered_note(report.recovered, "; "))


def demo(ctx: typer.Context) -> None:
    """Ingest the bundled sample reports into the database and print a summary."""
    from conflictlens import pipeline
    from conflictlens.cli.output import print_summary

    with coded_errors():
        _run_ingest(ctx, [str(p) for p in pipeline.sample_paths()])
        print_summary(session(ctx).public, settings(ctx).shown_db)


def events(ctx: typer.Context,
           country: Optional[str] = typer.Option(None, help="ISO 3166-1 alpha-2 code, e.g. AF."),
           since: Optional[str] = typer.Option(None, help="Earliest date, YYYY-MM-DD."),
           until: Optional[str] = typer.Option(None, help="Latest date, YYYY-MM-DD."),
           event_type: Optional[str] = typer.Option(None, "--type", help="ACLED event type."),
           perpetrator: Optional[str] = typer.Option(None, help="Canonical perpetrator name."),
           limit: Optional[int] = number_option(None, "--limit", 1, MAX_LIMIT, "At most this many events"),
           bbox: Optional[str] = typer.Option(None, help="WEST,SOUTH,EAST,NORTH in decimal degrees."),
           near: Optional[str] = typer.Option(None, help="LAT,LON,KM: within KM km of a point."),
           fmt: str = typer.Option("table", "--format", help="table, json, ndjson or csv.")) -> None:
    """List stored events, filtered."""
    from conflictlens.cli.output import write_events
    from conflictlens.pipeline.areas import areas_of

    with coded_errors():
        check_format(fmt)
        since, until = check_period(since, until)
        rows = session(ctx).events(country=country, event_type=event_type, perpetrator=perpetrator,
                                   since=since, until=until, limit=limit, areas=areas_of(bbox, near))
        if not write_events(rows, fmt, sys.stdout):
            filtered = any(v is not None for v in (country, since, until, event_type, perpetrator, bbox, near))
            say(settings(ctx), "no events match these filters" if filtered else
                "no events stored yet; run `conflictlens ingest` or `conflictlens demo`")


def show(ctx: typer.Context, event_id: str = typer.Argument(..., help=EVENT_ID_HELP),
         fmt: str = typer.Option("table", "--format", help="table or json.")) -> None:
    """One event: every value with the sentence it came from."""
    from conflictlens.cli.output import print_event

    with coded_errors():
        record = session(ctx).event(event_id)  # confidential events are shown under a pseudonym
    if fmt == "json":
        typer.echo(json.dumps(record, indent=2, ensure_ascii=False))
    else:
        print_event(record)


def extract(ctx: typer.Context,
            report: Optional[Path] = typer.Argument(None, help="One report file."),
            published: Optional[str] = typer.Option(None, help="Publication date YYYY-MM-DD (anchors relative dates)."),
            input_path: Optional[str] = typer.Option(None, "--input", metavar="PATH|PATTERN",
                                                     help="JSONL batch: {id, text, published?, url?, outlet?}; "
                                                          "a quoted pattern ('reports/*.jsonl') names several."),
            output: Optional[str] = typer.Option(None, "--output", metavar="PATH",
                                                 help="Where batch output goes (default stdout); a folder "
                                                      "(out/) gets one file per input, named as the input."),
            fmt: str = typer.Option("json", "--format", help="json (array) or ndjson."),
            workers: Optional[int] = number_option(None, "--workers", 1, MAX_WORKERS,
                                                   "Extract the batch on a local Dask cluster of N processes"),
            scheduler: Optional[str] = typer.Option(None, "--scheduler", metavar="ADDRESS",
                                                    help="Extract the batch on the Dask cluster whose scheduler "
                                                         "is at ADDRESS (tcp://HOST:8786)."),
            typing_model: Optional[Path] = common.typing_model_option(),
            relevance_model: Optional[Path] = common.relevance_model_option()) -> None:
    """Extract events without a database: one file as a JSON array, or a JSONL batch, streamed
    (on a Dask cluster with --workers or --scheduler, extra `dask`)."""
    from conflictlens.cli.batch import cluster_of, run_batch

    with coded_errors():
        if (report is None) == (input_path is None):
            raise ConflictLensError("CL-E400", "give either a report file or --input FILE.jsonl", "extract")
        cluster = cluster_of(input_path, workers, scheduler)
        check_date("--published", published)
        models = common.learned_models(typing_model, relevance_model)
        # A stored database's actor edits apply, and reports already stored there may be confidential.
        work = session(ctx, OPTIONAL, typing_model=models[0], relevance_model=models[1])
        if report is not None:
            _write_json_events([e.to_dict() for e in work.extract_file(report, published)], fmt)
            return
        run_batch(settings(ctx), work, input_path, output, cluster)


def _write_json_events(records: list[dict], fmt: str) -> None:
    if fmt == "ndjson":
        for r in records:
            typer.echo(json.dumps(r, ensure_ascii=False))
    else:
        typer.echo(json.dumps(records, indent=2, ensure_ascii=False))


def search(ctx: typer.Context,
           query: str = typer.Argument(..., help="Words every hit contains, e.g. \"Dasht-e-Barchi\" (any order)."),
           limit: int = number_option(20, "--limit", 1, MAX_SEARCH_HITS, "At most this many hits, best first")) -> None:
    """Full-text search over stored documents."""
    with coded_errors():
        public = session(ctx).public
        hits = public.search(query, limit)
    if public.searched_words_dropped(query):
        typer.echo("note: words naming a confidential source are not searched", err=True)
    if not public.search_folds_accents():
        typer.echo("warning " + ConflictLensError(
            "CL-E213", "this PostgreSQL store searches without folding accents (\"Herat\" does not find "
            "\"Hérat\"): a superuser can run CREATE EXTENSION unaccent in its database; the next command "
            "that opens the store then folds them", warning=True).render(), err=True)
    for hit in hits:
        typer.echo(json.dumps(hit, ensure_ascii=False))
    if not hits:
        say(settings(ctx), f"no stored report contains every word of {query!r}")
