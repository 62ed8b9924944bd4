"""Commands `escalation`, `forecast` and `brief`: from counted incidents to flags, forecasts and words."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional

import typer

from conflictlens.cli.app import session, settings
from conflictlens.cli.common import check_format, coded_errors, say
from conflictlens.cli.options import number_option
from conflictlens.cli.trends import COUNTRY, PERPETRATOR, SINCE, TYPE, UNTIL, event_filters
from conflictlens.errors import ConflictLensError

FORMATS = ("table", "json")


def register(app: typer.Typer) -> None:
    app.command("escalation")(escalation)
    app.command("forecast")(forecast)
    app.command("brief")(brief)


def _month(value: Optional[str], option: str) -> Optional[str]:
    if value is None:
        return None
    text = value.strip()
    if len(text) != 7 or text[4] != "-" or not (text[:4] + text[5:]).isdigit() or not 1 <= int(text[5:]) <= 12:
        raise ConflictLensError("CL-E932", f"{value!r} is not a month; use YYYY-MM", option)
    return text


def escalation(ctx: typer.Context,
               unit: str = typer.Option("admin1", "--unit", help="admin1 or admin2."),
               by_actor: bool = typer.Option(False, "--by-actor", help="One unit per area and actor."),
               at: Optional[str] = typer.Option(None, "--at", metavar="YYYY-MM", help="The month to assess "
                                                "(default: the latest month with an incident)."),
               backtest: bool = typer.Option(False, "--backtest", help="Backtest the surge rule and the model "
                                             "month by month instead (docs/analysis.md)."),
               settings_file: Optional[Path] = typer.Option(None, "--settings", metavar="PATH",
                                                            help="Escalation settings (YAML, as the bundled file)."),
               country: Optional[str] = COUNTRY, since: Optional[str] = SINCE, until: Optional[str] = UNTIL,
               event_type: Optional[str] = TYPE, perpetrator: Optional[str] = PERPETRATOR,
               fmt: str = typer.Option("table", "--format", help="table or json.")) -> None:
    """Flag areas where violence is rising: a Poisson E-test of the latest month against the area's
    own history and a Bayesian changepoint detector, beside ACLED's Surge Tracker rule."""
    from conflictlens.pipeline import trends as jobs

    with coded_errors():
        check_format(fmt, FORMATS)
        month = _month(at, "--at")
        filters = event_filters(country, since, until, event_type, perpetrator)
        options = {"settings": str(settings_file) if settings_file else None, **filters}
        if backtest:
            result = jobs.escalation_backtest(session(ctx), unit, by_actor, **options)
            _write_backtest(result, fmt)
            return
        readings = jobs.escalation(session(ctx), unit, by_actor, month, **options)
    if not readings:
        say(settings(ctx), "no events match these filters")
        return
    _write_readings(readings, fmt)


def _write_readings(readings: list[dict[str, Any]], fmt: str) -> None:
    if fmt == "json":
        typer.echo(json.dumps(readings, ensure_ascii=False, indent=1))
        return
    typer.echo("flag  surge  unit  month  events  history_mean  p_value  change_p  last_week  weekly_avg")
    for r in readings:
        unit = " / ".join(str(v) for v in r["unit"].values())
        typer.echo(f"{'FLAG' if r['flag'] else '-':4}  {'SURGE' if r['surge']['flag'] else '-':5}  {unit}  "
                   f"{r['month']}  {r['events']}  {r['history_mean']}  {r['p_value']}  "
                   f"{r['changepoint']['probability']}  {r['surge']['last_week']}  {r['surge']['weekly_average']}")


def _write_backtest(result: dict[str, Any], fmt: str) -> None:
    if fmt == "json":
        typer.echo(json.dumps(result, ensure_ascii=False, indent=1))
        return
    typer.echo(f"unit {', '.join(result['unit'])}; settings chosen on years {result['tune_years']}: "
               f"{json.dumps(result['settings'])}")
    typer.echo("part      method      areas      alerts  right  false  precision  recall  high-violence months")
    for part in ("held_out", "tune"):
        for method in ("surge_rule", "model"):
            for areas in ("all", "low_count"):
                s = result[part][method][areas]
                typer.echo(f"{part:9} {method:11} {areas:10} {s['alerts']:6}  {s['right']:5}  {s['false_alarms']:5}  "
                           f"{s['precision']!s:9}  {s['recall']!s:6}  {s['high_violence_months']}")


def forecast(ctx: typer.Context,
             unit: str = typer.Option("admin1", "--unit", help="admin1 or admin2."),
             horizon: int = number_option(1, "--horizon", 1, 1, "Months ahead: next month only, so far",
                                          code="CL-E933"),
             evaluate: bool = typer.Option(False, "--evaluate", help="Rolling-origin backtest instead: CRPS, IGN, "
                                           "MIS90 and coverage against the zero, last-value and conflictology baselines."),
             origins_from: Optional[str] = typer.Option(None, "--origins-from", metavar="YYYY-MM",
                                                        help="First forecast origin of --evaluate."),
             origins_until: Optional[str] = typer.Option(None, "--origins-until", metavar="YYYY-MM",
                                                         help="Last forecast origin of --evaluate."),
             settings_file: Optional[Path] = typer.Option(None, "--settings", metavar="PATH",
                                                          help="Forecast settings (YAML, as the bundled file)."),
             country: Optional[str] = COUNTRY, since: Optional[str] = SINCE, until: Optional[str] = UNTIL,
             event_type: Optional[str] = TYPE, perpetrator: Optional[str] = PERPETRATOR,
             fmt: str = typer.Option("table", "--format", help="table or json.")) -> None:
    """Next month's events and fatalities per unit as a predictive distribution (negative binomial on
    the unit's history); the conflictology baseline is served where the model shows no skill."""
    from conflictlens.pipeline import trends as jobs

    with coded_errors():
        check_format(fmt, FORMATS)
        span = (_month(origins_from, "--origins-from"), _month(origins_until, "--origins-until"))
        filters = event_filters(country, since, until, event_type, perpetrator)
        result = jobs.forecast(session(ctx), unit, evaluate=evaluate, origins=span,
                               settings=str(settings_file) if settings_file else None, **filters)
    if fmt == "json":
        typer.echo(json.dumps(result, ensure_ascii=False, indent=1))
    elif evaluate:
        _write_evaluation(result)
    else:
        _write_forecasts(result)


def _write_evaluation(result: dict[str, Any]) -> None:
    typer.echo(f"unit {result['unit']}, horizon {result['horizon']}, {result.get('origins', 0)} origins, "
               f"{result.get('cases', 0)} unit-months")
    for target, block in (("events", result), ("fatalities", result.get("fatalities", {}))):
        typer.echo(f"{target}: model       crps      ign     mis90   coverage90")
        for name, s in block.get("scores", {}).items():
            typer.echo(f"  {name:16} {s['crps']:8}  {s['ign']:6}  {s['mis90']:8}  {s['coverage90']}")
        skill = block.get("skill_vs_conflictology")
        if skill:
            typer.echo(f"  skill vs conflictology {skill['value']} (90% interval {skill['ci90'][0]} to "
                       f"{skill['ci90'][1]}); served: {block['served']}")


def _write_forecasts(records: list[dict[str, Any]]) -> None:
    typer.echo("unit  month  events mean [q05-q95]  fatalities mean [q05-q95]  P(>=1 event)  model")
    for r in records:
        e, f = r["events"], r["fatalities"]
        unit = " / ".join(str(v) for v in r["unit"].values())
        typer.echo(f"{unit}  {r['month']}  {e['mean']} [{e['q05']:g}-{e['q95']:g}]  {f['mean']} "
                   f"[{f['q05']:g}-{f['q95']:g}]  {e['p_at_least_1']}  {e['model']}/{f['model']}")


def brief(ctx: typer.Context,
          actor: Optional[str] = typer.Option(None, "--actor", help="The actor (with its branches), any known name."),
          country: Optional[str] = typer.Option(None, "--country", help="ISO 3166-1 code or name."),
          since: Optional[str] = SINCE, until: Optional[str] = UNTIL,
          fmt: str = typer.Option("md", "--format", help="md (Markdown; with --output its chart is written "
                                  "beside it as FILE-activity.svg), html (one page, chart inline), pdf (needs "
                                  "--output) or json (the numbers behind it)."),
          output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to FILE instead of stdout.")) -> None:
    """A short threat brief: activity with its numbers and chart, top areas and targets, escalation
    flags, contested attributions, the actor's changed relations and next month's outlook in ICD 203
    estimative words; every figure cites its events or relations."""
    from conflictlens.pipeline import brief as jobs

    with coded_errors():
        if actor is None and country is None:
            raise ConflictLensError("CL-E935", "say whom or where the brief is about: --actor NAME and/or "
                                    "--country CODE", "brief")
        check_format(fmt, jobs.FORMATS)
        subject = " in ".join(v for v in (actor, country) if v)
        filters = event_filters(country, since, until, None, None)
        filters.pop("perpetrator")  # the brief's actor is its own argument: it also picks the relations
        text = jobs.write_brief(jobs.brief(session(ctx), subject, actor, **filters), fmt, output)
        if text is None:
            say(settings(ctx), f"brief written to {output}")
            return
    typer.echo(text, nl=not text.endswith("\n"))
