"""Commands for incidents: `why`, `split`, `merge`, `incidents ...` and `evaluate resolution`."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from conflictlens.cli.app import session, settings
from conflictlens.cli.common import (
    EVENT_ID_HELP, check_format, check_period, coded_errors, login, recovered_note, say,
)
from conflictlens.cli.evaluate import evaluate_app
from conflictlens.cli.help import App
from conflictlens.cli.options import MAX_LIMIT, number_option
from conflictlens.errors import ConflictLensError

incidents_app = App(help="Incidents: reports and dataset rows merged when they describe one event.",
                            no_args_is_help=True)
_ANALYST_HELP = "Who decides (default $CONFLICTLENS_ANALYST, else your login name)."


def register(app: typer.Typer) -> None:
    app.command("why")(why)
    app.command("split")(split)
    app.command("merge")(merge)
    app.add_typer(incidents_app, name="incidents")
    evaluate_app.command("resolution")(evaluate_resolution)


def _resolved_session(ctx: typer.Context):
    """The session's store, with any event an interrupted run or `import --no-resolve` left in no incident
    resolved first: incidents are never read or changed with events missing from them."""
    work = session(ctx)
    pending = work.finish_pending()
    note = recovered_note(pending.placed)
    if pending.left_waiting:
        note = ("note: this read-only store holds events in no incident yet (stored without resolution); "
                "incidents leave them out until a writable copy is resolved (`conflictlens incidents resolve`)")
    if note:
        say(settings(ctx), note)
    return work


def why(ctx: typer.Context, event_id: str = typer.Argument(..., help=EVENT_ID_HELP),
        fmt: str = typer.Option("table", "--format", help="table or json.")) -> None:
    """Why an event is in its incident: the other reports and what matched on each feature."""
    with coded_errors():
        check_format(fmt, ("table", "json"))
        result = _resolved_session(ctx).why(event_id)
    if fmt == "json":
        typer.echo(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        _print_why(result)


def split(ctx: typer.Context, event_ids: list[str] = typer.Argument(..., help="Events to move out, together "
                                                                      "(ids, or any unique start of them)."),
          reason: str = typer.Option(..., "--reason", help="Why (kept in the audit trail)."),
          analyst: Optional[str] = typer.Option(None, "--analyst", help=_ANALYST_HELP)) -> None:
    """Split events out of their incident into a new one; the resolver keeps them apart from now on."""
    _decide(ctx, lambda work, who: work.split(event_ids, who, reason), analyst)


def merge(ctx: typer.Context, ids: list[str] = typer.Argument(..., help="Incident ids, or event ids (or their "
                                                                 "start) of their members."),
          reason: str = typer.Option(..., "--reason", help="Why (kept in the audit trail)."),
          analyst: Optional[str] = typer.Option(None, "--analyst", help=_ANALYST_HELP)) -> None:
    """Merge incidents into one (the one reported first keeps its id); the merge is pinned."""
    _decide(ctx, lambda work, who: work.merge(ids, who, reason), analyst)


def _decide(ctx: typer.Context, action, analyst: Optional[str]) -> None:
    who = analyst or os.environ.get("CONFLICTLENS_ANALYST") or login()
    with coded_errors():
        result = action(_resolved_session(ctx), who)
    typer.echo(json.dumps(result, ensure_ascii=False))


@incidents_app.command("list")
def list_incidents(ctx: typer.Context,
                   country: Optional[str] = typer.Option(None, help="ISO 3166-1 alpha-2 code, e.g. PK."),
                   since: Optional[str] = typer.Option(None, help="Earliest date, YYYY-MM-DD."),
                   until: Optional[str] = typer.Option(None, help="Latest date, YYYY-MM-DD."),
                   merged: bool = typer.Option(False, "--merged", help="Only incidents of two or more events."),
                   limit: Optional[int] = number_option(None, "--limit", 1, MAX_LIMIT, "At most this many incidents")
                   ) -> None:
    """Stream merged incident records as JSON lines (confidential sources redacted)."""
    from conflictlens.pipeline.filters import country_code

    with coded_errors():
        since, until = check_period(since, until)
        country = country_code(country) if country is not None else None
        rows = _resolved_session(ctx).incidents(country, since, until, 2 if merged else 1, limit)
        written = 0
        for written, record in enumerate(rows, start=1):
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    if not written:
        what = "incidents of two or more events" if merged else "incidents"
        filtered = any(v is not None for v in (country, since, until))
        say(settings(ctx), f"no {what} match these filters" if filtered else f"no {what} stored")


@incidents_app.command("show")
def show_incident(ctx: typer.Context,
                  ident: str = typer.Argument(..., help="An incident id (inc_...), or an event id or its start.")
                  ) -> None:
    """One incident's merged record: every field with the sources behind it (confidential ones redacted)."""
    with coded_errors():
        record = _resolved_session(ctx).incident(ident)
        if record is None:
            raise ConflictLensError("CL-E601", "no such incident; list them with `conflictlens incidents list`",
                                    ident)
    typer.echo(json.dumps(record, indent=2, ensure_ascii=False))


@incidents_app.command("resolve")
def resolve_pending(ctx: typer.Context) -> None:
    """Resolve every stored event not yet in an incident (ingest does this as it goes)."""
    with coded_errors():
        report = session(ctx).resolve_pending()
    typer.echo(json.dumps(report.to_dict()))


@incidents_app.command("decisions")
def decisions(ctx: typer.Context, ident: Optional[str] = typer.Argument(None, help="Only those naming this event or incident.")) -> None:
    """The audit trail of analyst splits and merges, as JSON lines, oldest first."""
    with coded_errors():
        rows = _resolved_session(ctx).decisions(ident)
    for row in rows:
        typer.echo(json.dumps(row, ensure_ascii=False))
    if not rows:
        say(settings(ctx), "no analyst decisions" + (f" name {ident}" if ident else " yet"))


def evaluate_resolution(
        labels: Path = typer.Option(Path("tests/resolve/data"), "--labels", help="Folder of the labelled sets."),
        shared: Path = typer.Option(Path("../shared/data"), "--shared", help="Folder of the reference datasets."),
        sets: list[str] = typer.Option([], "--set", help="reports-coded, reports-extracted, acled, gtd-ucdp (default all)."),
        fmt: str = typer.Option("markdown", "--format", help="markdown or json.")) -> None:
    """Pairwise and B-cubed precision/recall of incident resolution on the labelled sets."""
    from conflictlens import pipeline
    from conflictlens.evaluation import resolution as resolution_eval

    with coded_errors():
        check_format(fmt, ("markdown", "json"))
        chosen = tuple(sets) or resolution_eval.SETS
        extractor = pipeline.build_extractor() if "reports-extracted" in chosen else None
        results = resolution_eval.evaluate(labels, shared, chosen, extractor=extractor)
    typer.echo(resolution_eval.render(results, fmt))


def _print_why(result: dict) -> None:
    from conflictlens.cli.output import keep_whole

    console = Console()
    decision = result.get("decision") or {}
    console.print(f"[bold]{result['event_id']}[/] ({result['source']}) is in [bold]{result['incident_id']}[/]: "
                  f"{decision.get('reason', 'linked by ' + result['linked_by'])}"
                  + (" [pinned by an analyst]" if result["pinned"] else ""))
    table = Table(show_lines=True)
    for column in ("other report", "source", "score", "what matched"):
        table.add_column(column, no_wrap=column == "other report")
    for other in result["compared_now"]:
        features = ", ".join(f"{k} {v['outcome']} ({v['weight']:+.1f})" for k, v in other["features"].items())
        if other["veto"]:
            features = f"VETO: {other['veto']}; " + features
        table.add_row(other["event_id"], str(other["source"]), f"{other['score']:.1f}", features)
    keep_whole(table.columns[0])
    console.print(table)
    fatalities = (result.get("incident") or {}).get("fatalities") or {}
    if fatalities.get("timeline"):
        console.print(f"killed: best {fatalities['best']} (low {fatalities['low']}, high {fatalities['high']}); "
                      f"{fatalities['timeline']}")
    for d in result["analyst_decisions"]:
        console.print(f"{d['decided_at']} {d['analyst']} {d['action']}: {d['reason']}")
