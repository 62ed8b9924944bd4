"""`conflictlens actors ...`: list, show, merge, alias add, and the review of candidate actors.

Edits (merge, alias add, add, reject) are recorded in the database with who made them and when, and
replayed on every later ingest, so they survive re-extraction.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable, Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from conflictlens.cli.app import CREATE, EXISTING, OPTIONAL, session, settings
from conflictlens.cli.common import ACTOR_FILES, check_format, coded_errors, login, paths
from conflictlens.cli.help import App
from conflictlens.errors import ConflictLensError

actors_app = App(help="The actor registry: list and show actors, merge them, add aliases, review "
                      "candidate actors found in reports.", no_args_is_help=True)
alias_app = App(help="Aliases of an actor.", no_args_is_help=True)
actors_app.add_typer(alias_app, name="alias")

LIST_FORMATS = ("table", "ndjson", "json")
_BY = typer.Option(None, "--by", help="Who makes the edit (default: your login name).")
_NOTE = typer.Option(None, "--note", help="Why: kept with the edit for audit.")


def register(app: typer.Typer) -> None:
    app.add_typer(actors_app, name="actors")


def _who(by: Optional[str]) -> str:
    return by or login("unknown")


def _emit(records: Iterable[dict[str, Any]], fmt: str) -> None:
    if fmt == "json":
        typer.echo(json.dumps(list(records), indent=2, ensure_ascii=False))
    else:
        for r in records:
            typer.echo(json.dumps(r, ensure_ascii=False))


def _table(columns: tuple[str, ...], rows: Iterable[dict[str, Any]], title: str | None = None) -> None:
    # Text cells, not markup: names come from reports and must print as written ("[x]" included).
    table = Table(title=title)
    for col in columns:
        table.add_column(col)
    for r in rows:
        table.add_row(*(Text(_cell(r.get(c))) for c in columns))
    Console().print(table)


def _cell(value: object) -> str:
    if value is None:
        return ""
    return ", ".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value)


@actors_app.command("list")
def list_cmd(ctx: typer.Context,
             actor_type: Optional[str] = typer.Option(None, "--type", help="ACLED-style type, e.g. 'rebel group'."),
             country: Optional[str] = typer.Option(None, help="ISO 3166-1 alpha-2 code of the main theatre."),
             actors: list[Path] = ACTOR_FILES,
             fmt: str = typer.Option("table", "--format", help="table, ndjson or json.")) -> None:
    """Registry actors (with your edits), and their stored events when there is a database."""
    with coded_errors():
        check_format(fmt, LIST_FORMATS)
        work = session(ctx, OPTIONAL, paths(actors))  # without a database: the registry alone
        rows = work.actors(actor_type, country)
        if fmt == "table":
            cols = ("name", "acronyms", "actor_type", "parent", "country", "names", "source") + (
                ("events",) if work.store else ())
            _table(cols, rows)
        else:
            _emit(rows, fmt)


@actors_app.command("show")
def show_cmd(ctx: typer.Context, name: str = typer.Argument(..., help="Canonical name, alias or acronym."),
             actors: list[Path] = ACTOR_FILES,
             fmt: str = typer.Option("table", "--format", help="table or json.")) -> None:
    """One actor: aliases by script, parent and branches, dataset names, relations, events per year."""
    with coded_errors():
        check_format(fmt, ("table", "json"))
        profile = session(ctx, OPTIONAL, paths(actors)).actor(name)
    if fmt == "json":
        typer.echo(json.dumps(profile, indent=2, ensure_ascii=False))
    else:
        _print_profile(profile)


def _print_profile(p: dict[str, Any]) -> None:
    console = Console()
    console.print(Text(f"{p['name']}  ({p['actor_type']}{', ' + p['country'] if p['country'] else ''})", style="bold"))
    valid = f"{p['valid_from'] or '...'} to {p['valid_to'] or '...'}" if p["valid_from"] or p["valid_to"] else ""
    facts = [("part of", " > ".join(p["lineage"])), ("branches and factions", "; ".join(p["children"])),
             ("valid", valid), ("acronyms", ", ".join(p["acronyms"])), ("merged into it", ", ".join(p["merged_names"]))]
    facts += [(f"aliases ({script})", ", ".join(names)) for script, names in p["aliases"].items()]
    facts += [("dated names", "; ".join(f"{d['name']} ({d['valid_from'] or '...'} to {d['valid_to'] or '...'})"
                                         for d in p["dated_names"]))]
    facts += [("resolve-only names", ", ".join(p["resolve_only_names"]))]
    facts += [(f"branch in {cc}", "; ".join(b["name"] + (f" ({b['valid_from'] or '...'} to {b['valid_to'] or '...'})"
                                                       if b["valid_from"] or b["valid_to"] else "") for b in bs))
              for cc, bs in p["regional_branches"].items()]
    facts += [(f"{k.upper()} name", ", ".join(v)) for k, v in p["external_names"].items()]
    _table(("field", "value"), ({"field": k, "value": v} for k, v in facts if v))
    if "events_per_year" in p:
        _table(("year", "claimed", "attributed", "suspected", "denied", "total"), p["events_per_year"],
               title="Events per year (each event under its strongest stance)")
    if p.get("relations"):
        wanted = ("other", "kind", "stance", "dimension", "support", "date_start", "date_end", "start", "end",
                  "by", "said_by", "reliability", "credibility")
        _table(tuple(c for c in wanted if c in p["relations"][0]), p["relations"], title="Relations over time")


@actors_app.command("merge")
def merge_cmd(ctx: typer.Context, name: str = typer.Argument(..., help="Actor or candidate name to fold in."),
              into: str = typer.Argument(..., help="The actor it is."),
              actors: list[Path] = ACTOR_FILES, by: Optional[str] = _BY, note: Optional[str] = _NOTE) -> None:
    """Record that NAME is the actor INTO: its names move over, and later ingests use INTO."""
    _edit(ctx, actors, "merge", name, into, by=_who(by), note=note)


@alias_app.command("add")
def alias_add_cmd(ctx: typer.Context, name: str = typer.Argument(..., help="The actor."),
                  alias: str = typer.Argument(..., help="Another name for it."),
                  acronym: bool = typer.Option(False, "--acronym", help="Match case-sensitively, as an acronym."),
                  actors: list[Path] = ACTOR_FILES, by: Optional[str] = _BY, note: Optional[str] = _NOTE) -> None:
    """Record another name of an actor; later ingests find it in text."""
    _edit(ctx, actors, "add_alias", name, alias, acronym=acronym, by=_who(by), note=note)


@actors_app.command("add")
def add_cmd(ctx: typer.Context, name: str = typer.Argument(..., help="The new actor's canonical name."),
            actor_type: str = typer.Option(..., "--type", help="ACLED-style type, e.g. 'rebel group'."),
            parent: Optional[str] = typer.Option(None, help="Parent organisation (a registry actor)."),
            country: Optional[str] = typer.Option(None, help="ISO 3166-1 alpha-2 code of its main theatre."),
            actors: list[Path] = ACTOR_FILES, by: Optional[str] = _BY, note: Optional[str] = _NOTE) -> None:
    """Add an actor the registry lacks (e.g. an accepted candidate)."""
    _edit(ctx, actors, "add_actor", name, actor_type, parent=parent, country=country, by=_who(by), note=note)


@actors_app.command("reject")
def reject_cmd(ctx: typer.Context, name: str = typer.Argument(..., help="A candidate name that is no actor."),
               actors: list[Path] = ACTOR_FILES, by: Optional[str] = _BY, note: Optional[str] = _NOTE) -> None:
    """Dismiss a candidate actor (an outlet, an office, a nationality); it stays stored, marked rejected."""
    _edit(ctx, actors, "reject", name, by=_who(by), note=note)


def _edit(ctx: typer.Context, actors: list[Path], op: str, *args: Any, **options: Any) -> None:
    chosen = settings(ctx)
    with coded_errors():
        recorded = session(ctx, CREATE, paths(actors)).edit_actors(op, *args, **options)
    if recorded is None:
        if not chosen.quiet:
            typer.echo("nothing to do: the actor already has that name", err=True)
        return
    typer.echo(json.dumps(recorded, ensure_ascii=False))
    if not chosen.quiet:
        typer.echo(f"recorded in {chosen.shown_db}; it applies to everything later done with this database: ingest, "
                   "import, export, incidents, network and `extract --db`", err=True)


@actors_app.command("candidates")
def candidates_cmd(ctx: typer.Context,
                   status: str = typer.Option("review", help="review, 'likely not an actor', rejected or all."),
                   actors: list[Path] = ACTOR_FILES,
                   fmt: str = typer.Option("table", "--format", help="table, ndjson or json.")) -> None:
    """Organisations found in stored reports that the registry does not know, most mentioned first."""
    from conflictlens.pipeline.actors import NOT_ACTOR, REJECTED, REVIEW

    with coded_errors():
        check_format(fmt, LIST_FORMATS)
        if status not in (REVIEW, NOT_ACTOR, REJECTED, "all"):
            raise ConflictLensError("CL-E400", f"status must be one of: {REVIEW}, '{NOT_ACTOR}', {REJECTED}, all",
                                    "--status")
        rows = session(ctx, EXISTING, paths(actors)).candidates(None if status == "all" else status)
    if fmt != "table":
        _emit(rows, fmt)
        return
    for r in rows:
        r["status"] = r["reason"] or r["status"]
        r["best suggestion"] = next((f"{s['actor']} ({s['score']:.2f})" for s in r["suggestions"]), "")
    _table(("name", "status", "mentions", "documents", "last_seen", "best suggestion"), rows)
    if not rows:
        typer.echo("no candidate actors to review", err=True)
