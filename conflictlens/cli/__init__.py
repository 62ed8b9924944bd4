"""Command line: thin wrappers over library functions. Records stream as JSON lines or tables."""

from __future__ import annotations

import importlib
import json
import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

import typer

from conflictlens.cli.help import App
from conflictlens.cli.options import MAX_LIMIT, MAX_SEARCH_HITS, fail, number_option
from conflictlens.errors import ConflictLensError

app = App(add_completion=False, no_args_is_help=True,
                  help="conflictlens: structured, sourced event records from reports of political violence.")
evaluate_app = App(help="Measure extraction accuracy against hand-coded datasets.")
app.add_typer(evaluate_app, name="evaluate")

DEFAULT_DB = "conflictlens.db"
EVENT_ID_HELP = "An event id (evt_...), or any unique start of it."
FORMATS = ("table", "json", "ndjson", "csv")


class Settings:
    def __init__(self, db: str, quiet: bool) -> None:
        self.db, self.quiet = db, quiet


def _settings(ctx: typer.Context) -> Settings:
    return ctx.obj


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
                           help="Database path (default ./conflictlens.db or $CONFLICTLENS_DB)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary on stderr."),
    version: bool = typer.Option(False, "--version", is_eager=True, callback=_show_version,
                                 help="Show the version and exit."),
) -> None:
    ctx.obj = Settings(db or os.environ.get("CONFLICTLENS_DB") or DEFAULT_DB, quiet)


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


def _progress(settings: Settings, unit: str = "items"):
    """A progress bar counting `unit` on a terminal, none when piped or --quiet (see output.Meter)."""
    from conflictlens.cli.output import progress_bar
    return progress_bar(enabled=not settings.quiet and sys.stderr.isatty(), unit=unit)


@app.command()
def ingest(ctx: typer.Context, paths: list[Path] = typer.Argument(..., help="Files or folders of reports."),
           actors: list[Path] = typer.Option([], "--actors", help="Extra actor registry YAML file(s)."),
           confidential: bool = typer.Option(False, "--confidential",
                                             help="Confidential sources: their text and identity never appear in output.")) -> None:
    """Extract events from report files (.txt .md .html .json .jsonl) and store them."""
    settings = _settings(ctx)
    with coded_errors():
        _run_ingest(settings, [str(p) for p in paths], tuple(str(a) for a in actors), confidential)


def _run_ingest(settings: Settings, paths: list[str], actor_files: tuple[str, ...] = (),
                confidential: bool = False) -> None:
    from conflictlens import pipeline
    from conflictlens.pipeline.extraction import extractor_for_store
    from conflictlens.store import Store

    with Store.open(settings.db) as store, _progress(settings, "files") as meter:
        extractor = extractor_for_store(store, actor_files)  # the user's actor edits apply to every ingest
        on_document = None
        if confidential:  # marked before each is extracted and saved: never stored unmarked
            from conflictlens.pipeline.attribution import marking_confidential
            on_document = marking_confidential(store, lambda _item: None)
        report = pipeline.ingest(paths, store, extractor, on_document=on_document, on_file=meter.update)
    finish_report(settings, report.errors,
                  f"{report.inserted} new, {report.updated} updated, {report.unchanged} unchanged documents; "
                  f"{report.events} events stored in {settings.db}; {len(report.errors)} bad file(s)"
                  + recovered_note(report.recovered, "; "))


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


@app.command()
def demo(ctx: typer.Context) -> None:
    """Ingest the bundled sample reports into the database and print a summary."""
    from conflictlens import pipeline
    from conflictlens.cli.output import print_summary
    from conflictlens.pipeline.attribution import PublicStore
    from conflictlens.store import Store

    settings = _settings(ctx)
    with coded_errors():
        _run_ingest(settings, [str(p) for p in pipeline.sample_paths()])
        with Store.open(settings.db) as store:
            print_summary(PublicStore(store), settings.db)


@app.command()
def events(ctx: typer.Context,
           country: Optional[str] = typer.Option(None, help="ISO 3166-1 alpha-2 code, e.g. AF."),
           since: Optional[str] = typer.Option(None, help="Earliest date, YYYY-MM-DD."),
           until: Optional[str] = typer.Option(None, help="Latest date, YYYY-MM-DD."),
           event_type: Optional[str] = typer.Option(None, "--type", help="ACLED event type."),
           perpetrator: Optional[str] = typer.Option(None, help="Canonical perpetrator name."),
           limit: Optional[int] = number_option(None, "--limit", 1, MAX_LIMIT, "At most this many events"),
           fmt: str = typer.Option("table", "--format", help="table, json, ndjson or csv.")) -> None:
    """List stored events, filtered."""
    from conflictlens.cli.output import write_events
    from conflictlens.pipeline.session import session_registry
    from conflictlens.pipeline.attribution import PublicView
    from conflictlens.pipeline.filters import event_filters
    from conflictlens.store import Store

    settings = _settings(ctx)
    with coded_errors():
        _check_format(fmt)
        since, until = _check_date("--since", since), _check_date("--until", until)
        _require_db(settings.db)
        with Store.open(settings.db) as store:
            chosen = event_filters(store, session_registry(store), country=country, event_type_name=event_type,
                                   perpetrator=perpetrator)
            rows = PublicView(store).select(since=since, until=until, limit=limit, **chosen)
            if not write_events(rows, fmt, sys.stdout):
                filtered = any(v is not None for v in (country, since, until, event_type, perpetrator))
                say(settings, "no events match these filters" if filtered else
                    "no events stored yet; run `conflictlens ingest` or `conflictlens demo`")


@app.command()
def show(ctx: typer.Context, event_id: str = typer.Argument(..., help=EVENT_ID_HELP),
         fmt: str = typer.Option("table", "--format", help="table or json.")) -> None:
    """One event: every value with the sentence it came from."""
    from conflictlens import pipeline
    from conflictlens.cli.output import print_event
    from conflictlens.pipeline import attribution as public
    from conflictlens.store import Store

    settings = _settings(ctx)
    with coded_errors():
        _require_db(settings.db)
        with Store.open(settings.db) as store:
            event = public.find_event(store, event_id)  # confidential events are shown under a pseudonym
            record = public.PublicView(store).record(event, pipeline.event_with_sentences(event, store))
    if fmt == "json":
        typer.echo(json.dumps(record, indent=2, ensure_ascii=False))
    else:
        print_event(record)


@app.command()
def extract(ctx: typer.Context,
            report: Optional[Path] = typer.Argument(None, help="One report file."),
            published: Optional[str] = typer.Option(None, help="Publication date YYYY-MM-DD (anchors relative dates)."),
            input_path: Optional[Path] = typer.Option(None, "--input", help="JSONL batch: {id, text, published?, url?, outlet?}."),
            output: Optional[Path] = typer.Option(None, "--output", help="Where batch output goes (default stdout)."),
            fmt: str = typer.Option("json", "--format", help="json (array) or ndjson.")) -> None:
    """Extract events without a database: one file as a JSON array, or a JSONL batch, streamed."""
    from conflictlens import pipeline
    from conflictlens.pipeline.attribution import public_view_if_stored

    settings = _settings(ctx)
    with coded_errors():
        if (report is None) == (input_path is None):
            raise ConflictLensError("CL-E400", "give either a report file or --input FILE.jsonl", "extract")
        _check_date("--published", published)
        extractor = pipeline.extractor_if_stored(settings.db)  # a stored database's actor edits apply
        view = public_view_if_stored(settings.db)  # reports already stored may be confidential
        if report is not None:
            events = pipeline.extract_file(str(report), published, extractor)
            _write_json_events([e.to_dict() for e in (view.events(events) if view else events)], fmt)
            return
        _run_batch(settings, input_path, output, extractor, view)


def _run_batch(settings: Settings, input_path: Path, output: Optional[Path], extractor, view=None) -> None:
    from conflictlens import pipeline

    if not input_path.exists():
        raise ConflictLensError("CL-E100", "input file not found; check the path", str(input_path))
    errors = []
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    try:
        with open(input_path, encoding="utf-8", errors="replace") as lines, _progress(settings) as tick:
            for record in pipeline.extract_batch(lines, str(input_path), extractor, errors.append):
                out.write(pipeline.dumps(view.value(record) if view else record) + "\n")
                tick(record)
    finally:
        if output:
            out.close()
    for error in errors:
        typer.echo(f"error {error.render()}", err=True)
    if errors:
        raise typer.Exit(code=1)


def _write_json_events(records: list[dict], fmt: str) -> None:
    if fmt == "ndjson":
        for r in records:
            typer.echo(json.dumps(r, ensure_ascii=False))
    else:
        typer.echo(json.dumps(records, indent=2, ensure_ascii=False))


@app.command()
def search(ctx: typer.Context,
           query: str = typer.Argument(..., help="Words every hit contains, e.g. \"Dasht-e-Barchi\" (any order)."),
           limit: int = number_option(20, "--limit", 1, MAX_SEARCH_HITS, "At most this many hits, best first")) -> None:
    """Full-text search over stored documents."""
    from conflictlens.pipeline.attribution import PublicView
    from conflictlens.store import Store

    settings = _settings(ctx)
    with coded_errors():
        _require_db(settings.db)
        with Store.open(settings.db) as store:
            view = PublicView(store)
            hits = view.search(query, limit)
    if view.policy.without_names(query) != " ".join(query.split()):
        typer.echo("note: words naming a confidential source are not searched", err=True)
    for hit in hits:
        typer.echo(json.dumps(hit, ensure_ascii=False))
    if not hits:
        say(settings, f"no stored report contains every word of {query!r}")


@evaluate_app.command("gtd")
def evaluate_gtd(ctx: typer.Context, path: Path = typer.Argument(..., help="A GTD CSV export with `summary`."),
                 fmt: str = typer.Option("table", "--format", help="table, markdown or json."),
                 errors_out: Optional[Path] = typer.Option(None, "--errors", help="Write per-row mismatches (JSONL)."),
                 part: str = typer.Option("all", "--part", help="all, tune or held-out: a fixed 70/30 split by a "
                                                               "hash of eventid (tune rules on `tune` only).")) -> None:
    """Per-field accuracy of extraction over GTD summaries."""
    from conflictlens import evaluation, pipeline

    settings = _settings(ctx)
    with coded_errors():
        extractor = pipeline.build_extractor()
        with _progress(settings) as tick:
            result = evaluation.evaluate_gtd(str(path), extractor, on_row=tick,
                                             mismatches_path=str(errors_out) if errors_out else None, part=part)
    typer.echo(evaluation.render(result, fmt))


PART_HELP = "all, tune or held-out: a fixed 70/30 split by a hash of the row id (tune rules on `tune` only)."


@evaluate_app.command("case")
def evaluate_case(ctx: typer.Context, path: Path = typer.Argument(..., help="CASE 2021 task 2 TSV (id, EventSnippet, SubType)."),
                  fmt: str = typer.Option("table", "--format", help="table, markdown or json."),
                  part: str = typer.Option("all", "--part", help=PART_HELP)) -> None:
    """Sub-event typing (weighted F1) and false alarms of `extract` on CASE 2021 snippets."""
    from conflictlens import evaluation, pipeline

    settings = _settings(ctx)
    with coded_errors():
        evaluation.check_part(part)
        extractor = pipeline.build_extractor()
        with _progress(settings) as tick:
            result = evaluation.evaluate_case(str(path), extractor, part=part, on_row=tick)
    typer.echo(evaluation.render(result, fmt))


@evaluate_app.command("muc4")
def evaluate_muc4(ctx: typer.Context, paths: list[Path] = typer.Argument(..., help="MUC-4 JSON files (doc_id -> {doc, roles})."),
                  fmt: str = typer.Option("table", "--format", help="table, markdown or json."),
                  errors_out: Optional[Path] = typer.Option(None, "--errors", help="Write per-document mismatches (JSONL)."),
                  part: str = typer.Option("tune", "--part", help=PART_HELP + " Default tune: held-out is for the final measurement.")) -> None:
    """Incident detection, false alarms and perpetrator organisations of `extract` on MUC-4 documents."""
    from conflictlens import evaluation, pipeline
    from conflictlens.evaluation_muc4 import evaluate_muc4 as run_muc4

    settings = _settings(ctx)
    with coded_errors():
        evaluation.check_part(part)
        extractor = pipeline.build_extractor()
        with _progress(settings) as tick:
            result = run_muc4([str(p) for p in paths], extractor, part=part, on_row=tick,
                              mismatches_path=str(errors_out) if errors_out else None)
    typer.echo(evaluation.render(result, fmt))


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ConflictLensError("CL-E400", f"unknown format; use one of {', '.join(FORMATS)}", "--format")


def _check_date(option: str, value: Optional[str]) -> Optional[str]:
    import datetime as dt
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise ConflictLensError("CL-E108", f"{value!r} is not a date; use YYYY-MM-DD", option) from None


def _require_db(path: str) -> None:
    if path != ":memory:" and not Path(path).exists():
        raise ConflictLensError("CL-E200", "no database here yet; run `conflictlens ingest` or `conflictlens demo` first, or pass --db", path)


def _register_command_groups() -> None:
    """Command groups live in their own modules (cli/<area>.py), each with a `register(app)`.

    Imported here, at the end, because they use the helpers defined above.
    """
    for area in _COMMAND_GROUPS:
        importlib.import_module(f"conflictlens.cli.{area}").register(app)


# One entry per module in conflictlens/cli/ that adds commands.
_COMMAND_GROUPS: tuple[str, ...] = ("actors", "attribution", "interop", "resolution", "network")
_register_command_groups()


def main() -> None:
    app()


if __name__ == "__main__":
    main()
