"""Commands: `attribution` (the ledger and ACH matrix of an event, analyst overrides),
`grades` (source reliability) and `confidential` (sources that never appear in output)."""

from __future__ import annotations

import json
from typing import Any, Optional

import typer
from rich.console import Console
from rich.table import Table

from conflictlens.cli.app import CREATE, EXISTING, session, settings
from conflictlens.cli.common import EVENT_ID_HELP, coded_errors, say
from conflictlens.cli.help import App
from conflictlens.errors import ConflictLensError

grades_app = App(help="Source reliability grades (NATO/Admiralty A-F): defaults and your own.")
confidential_app = App(help="Confidential sources: their text and identity never appear in output.")
_CELL_STYLE = {"consistent": "[green]C[/]", "inconsistent": "[red]I[/]", "neutral": "[dim]N[/]"}


def register(app: typer.Typer) -> None:
    app.command("attribution")(attribution)
    app.add_typer(grades_app, name="grades")
    app.add_typer(confidential_app, name="confidential")


def attribution(ctx: typer.Context,
                event_id: str = typer.Argument(..., help=EVENT_ID_HELP),
                set_actor: Optional[str] = typer.Option(None, "--set", help="Override the best answer with ACTOR."),
                clear: bool = typer.Option(False, "--clear", help="Go back to the rule's answer."),
                phrase: Optional[str] = typer.Option(None, "--phrase", help="ICD 203 phrase for --set, e.g. 'likely'."),
                why: Optional[str] = typer.Option(None, "--why", help="Why (required with --set and --clear)."),
                by: Optional[str] = typer.Option(None, "--by", help="Who decides (required with --set and --clear)."),
                fmt: str = typer.Option("table", "--format", help="table or json.")) -> None:
    """Who did it, who says so: graded statements, the ACH matrix and the best answer."""
    with coded_errors():
        if fmt not in ("table", "json"):
            raise ConflictLensError("CL-E400", "unknown format; use table or json", "--format")
        if set_actor is not None and clear:
            raise ConflictLensError("CL-E400", "give either --set ACTOR or --clear, not both", "--set")
        work = session(ctx)
        if set_actor is not None:
            data = work.set_override(event_id, set_actor, by or "", why or "", phrase)
        elif clear:
            data = work.clear_override(event_id, by or "", why or "")
        else:
            data = work.ledger(event_id)
    if fmt == "json":
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print_ledger(data)


def print_ledger(data: dict[str, Any]) -> None:
    """The ACH matrix (statements x candidate perpetrators), then the answer and its audit trail."""
    console = Console()
    console.print(f"[bold]{data['event_id']}[/]  attribution ledger")
    hypotheses = [h["actor"] for h in data["matrix"]["hypotheses"]]
    table = Table(show_lines=False, title="Analysis of Competing Hypotheses")
    table.add_column("#", justify="right")
    table.add_column("statement")
    table.add_column("grade")
    for actor in hypotheses:
        table.add_column(actor, justify="center")
    statements = {s["number"]: s for s in data["statements"]}
    for row in data["matrix"]["rows"]:
        s = statements[row["statement"]]
        said = f"{s['by'] or '?'}: {s['stance']} {s['actor']}" + (f" ({s['channel']})" if s.get("channel") else "")
        said += f", {s['said_on']}" if s.get("said_on") else ""
        table.add_row(str(s["number"]), said, s["grade"], *(_CELL_STYLE[row["cells"][h]] for h in hypotheses))
    scores = [f"{h['inconsistency']:.2f} ({h['inconsistent']} I)" for h in data["matrix"]["hypotheses"]]
    table.add_row("", "[bold]inconsistency (Heuer)[/]", "", *scores)
    console.print(table)
    console.print(_answer_line(data))
    for item in data.get("history", []):
        what = f"set {item['actor']}" if item["action"] == "set" else "cleared"
        console.print(f"  {item['at']}  {item['analyst']}: {what} ({item['why']})")


def _answer_line(data: dict[str, Any]) -> str:
    answer, rule = data["answer"], data["rule_answer"]
    if answer["actor"] is None:
        return "Best answer: none (no statement names a perpetrator)."
    line = f"Best answer: [bold]{answer['actor']}[/]"
    line += f", {answer['phrase']}" if answer["phrase"] else ""
    if answer["probability"] is not None:
        line += f" (p = {answer['probability']:.2f})"
    if answer["override"]:
        o = answer["override"]
        line += f"\n  analyst override by {o['analyst']} on {o['at']}: {o['why']}"
        if rule["actor"]:
            line += f"\n  the rule says: {rule['actor']}, {rule['phrase']} (p = {rule['probability']:.2f})"
    return line


@grades_app.command("list")
def grades_list(ctx: typer.Context, fmt: str = typer.Option("table", "--format", help="table or json.")) -> None:
    """The default reliability rules (first match wins) and the grades you set."""
    with coded_errors():
        rows = session(ctx).grades()
    if fmt == "json":
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    table = Table()
    for column in ("source", "reliability", "set_by", "why"):
        table.add_column(column)
    for r in rows:
        table.add_row(r["source"], r["reliability"], r.get("set_by") or "", r.get("why") or "")
    Console().print(table)


@grades_app.command("set")
def grades_set(ctx: typer.Context, source: str = typer.Argument(..., help="An outlet, person or office."),
               grade: str = typer.Argument(..., help="A (completely reliable) ... E (unreliable), F (cannot be judged)."),
               by: str = typer.Option(..., "--by", help="Who grades."),
               why: str = typer.Option(..., "--why", help="Why this grade.")) -> None:
    """Set your own reliability grade for a source (it beats the defaults)."""
    with coded_errors():
        session(ctx).set_grade(source, grade, by, why)
    typer.echo("grade set", err=True)


@confidential_app.command("add")
def confidential_add(ctx: typer.Context,
                     person: Optional[str] = typer.Argument(None, help="A person's name, as written in reports."),
                     document: Optional[str] = typer.Option(None, "--document", help="A stored document id (doc_...)."),
                     by: Optional[str] = typer.Option(None, "--by", help="Who marks it."),
                     why: Optional[str] = typer.Option(None, "--why", help="Why (kept for the newsroom).")) -> None:
    """Mark a person or a stored document as a confidential source."""
    with coded_errors():
        if (person is None) == (document is None):
            raise ConflictLensError("CL-E400", "give either a PERSON or --document DOC_ID", "confidential add")
        # A person may be marked before anything is ingested (a new store is created), so that no
        # report naming them is ever shown unmasked; a document must already be stored.
        work = session(ctx, CREATE if person is not None else EXISTING)
        work.mark_confidential(person=person, document=document, by=by, why=why)
    typer.echo("marked confidential", err=True)


@confidential_app.command("list")
def confidential_list(ctx: typer.Context) -> None:
    """The marks themselves, for the newsroom's own eyes (this output is not for publication)."""
    with coded_errors():
        entries = session(ctx).confidential_entries()
    typer.echo("# internal: names confidential sources; never publish this list", err=True)
    for kind, name, marked_by, why, at in entries:
        typer.echo(json.dumps({"kind": kind, "name": name, "marked_by": marked_by, "why": why, "marked_at": at},
                              ensure_ascii=False))
    if not entries:
        say(settings(ctx), "no confidential sources marked")
