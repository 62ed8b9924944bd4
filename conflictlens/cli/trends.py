"""Commands from records to assessment (issue 15): `trends`, `escalation`, `forecast`, `brief`."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any, Optional

import typer

from conflictlens.cli.app import session, settings
from conflictlens.cli.common import check_format, check_period, coded_errors, say

TREND_FORMATS = ("table", "json", "csv")
COUNT_FIELDS = ("events", "fatalities", "claimed", "attributed", "unclaimed")


def register(app: typer.Typer) -> None:
    app.command("trends")(trends)
    from conflictlens.cli import assess
    assess.register(app)


def event_filters(country, since, until, event_type, perpetrator) -> dict[str, Any]:
    """The `events` filters, checked, as `Session.events` takes them."""
    since, until = check_period(since, until)
    return {"country": country, "since": since, "until": until, "event_type": event_type, "perpetrator": perpetrator}


COUNTRY = typer.Option(None, help="ISO 3166-1 alpha-2 code or name, e.g. AF.")
SINCE = typer.Option(None, help="Earliest date, YYYY-MM-DD.")
UNTIL = typer.Option(None, help="Latest date, YYYY-MM-DD.")
TYPE = typer.Option(None, "--type", help="ACLED event type (as in `events`).")
PERPETRATOR = typer.Option(None, help="Perpetrator, with its branches (any name the registry knows).")


def trends(ctx: typer.Context,
           by: list[str] = typer.Option(["month"], "--by", help="week, month, quarter or year, and/or actor, "
                                        "type, target, admin1, admin2 (repeat or comma-separate)."),
           country: Optional[str] = COUNTRY, since: Optional[str] = SINCE, until: Optional[str] = UNTIL,
           event_type: Optional[str] = TYPE, perpetrator: Optional[str] = PERPETRATOR,
           fmt: str = typer.Option("table", "--format", help="table, json or csv."),
           plot: Optional[Path] = typer.Option(None, "--plot", metavar="FILE", help="Also draw a chart (.png or .svg).")
           ) -> None:
    """Count incidents (merged reports once): events, fatalities, claimed vs attributed vs unclaimed,
    per period and group. An actor's row includes its branches."""
    from conflictlens.pipeline.trends import plot as draw, trends as count

    with coded_errors():
        check_format(fmt, TREND_FORMATS)
        filters = event_filters(country, since, until, event_type, perpetrator)
        records = count(session(ctx), by, **filters)
        if plot is not None:
            draw(records, str(plot))
    if not records:
        say(settings(ctx), "no events match these filters")
        return
    write_counts(records, fmt)
    if plot is not None:
        say(settings(ctx), f"chart written to {plot}")


def write_counts(records: list[dict[str, Any]], fmt: str) -> None:
    if fmt == "json":
        shown = [{k: v for k, v in r.items() if k != "event_ids"} for r in records]
        typer.echo(json.dumps(shown, ensure_ascii=False, indent=1))
        return
    groups = list(records[0]["group"])
    header = ["period", *groups, *COUNT_FIELDS]
    rows = [[r["period"] or "", *[r["group"][g] or "" for g in groups], *[r[f] for f in COUNT_FIELDS]]
            for r in records]
    if fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        return
    widths = [max(len(str(x)) for x in column) for column in zip(header, *rows)]
    for line in [header, *rows]:
        typer.echo("  ".join(str(x).ljust(w) for x, w in zip(line, widths)).rstrip())
