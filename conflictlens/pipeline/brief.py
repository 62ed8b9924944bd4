"""The threat brief job: counted incidents, escalation, forecasts, contested attributions and the
actor's changed relations, read through the outbound gate and written as Markdown, HTML, PDF or JSON.

Everything the brief says comes from the session's store: the events (redacted by the gate), their
attribution ledgers (redacted again as they leave, like `attribution show`), and the actor's ego
network (`Session.network`, redacted). The sentences are composed in `analysis.brief`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from conflictlens.errors import ConflictLensError
from conflictlens.model.records import Event
from conflictlens.pipeline.trends import forecast_rows, needs_stats, rows_of

if TYPE_CHECKING:
    from conflictlens.analysis.brief import Brief
    from conflictlens.pipeline.session import Session

FORMATS = ("md", "html", "pdf", "json")


@dataclass(frozen=True)
class BriefResult:
    """The composed brief, the numbers behind it and its chart's series, ready to be written."""

    document: Brief
    numbers: dict[str, Any]
    series: dict[str, list[Any]] | None = field(default=None)

    def markdown(self, chart: str | None = None) -> str:
        from conflictlens.analysis.brief import to_markdown
        return to_markdown(self.document, chart)

    def chart_svg(self) -> bytes | None:
        from conflictlens.analysis.plots import activity_chart
        return activity_chart(self.series, "svg") if self.series else None

    def html(self) -> str:
        from conflictlens.analysis.brief_render import to_html
        return to_html(self.document, self.chart_svg())

    def pdf(self) -> bytes:
        from conflictlens.analysis.brief_render import to_pdf
        return to_pdf(self.document, self.series)

    def json(self) -> str:
        return json.dumps({**self.numbers, "markdown": self.markdown(), "chart": self.series},
                          ensure_ascii=False, indent=1)


@needs_stats
def brief(session: Session, subject: str, actor: str | None = None, **filters: Any) -> BriefResult:
    """The brief over the incidents matching `filters` (with `actor` as their perpetrator, if given)."""
    from conflictlens.analysis.brief import Evidence, compose
    from conflictlens.analysis.escalation import latest, load_escalation
    from conflictlens.analysis.estimative import load_rule
    from conflictlens.analysis.plots import activity_series
    from conflictlens.analysis.trends import month_index

    matching = _events_of(session, actor, filters)
    events = [e for e in matching if e.date.start]
    rows = rows_of(session, events)
    readings = latest(rows, ("admin1",), load_escalation())
    outlook = forecast_rows(rows, "admin1") if rows else []
    canonical, edges = _relations(session, actor, filters.get("until"))
    evidence = Evidence(_ledgers(session, events), edges, canonical)
    document = compose(subject, rows, readings, outlook, load_rule(), evidence, undated=len(matching) - len(events))
    numbers = {"subject": subject, "activity": document.activity,
               "flags": [r for r in readings if r["flag"] or r["surge"]["flag"]], "forecasts": outlook,
               "sections": [{"heading": s.heading, "points": list(s.points), "note": s.note}
                            for s in document.sections]}
    last = month_index(document.activity["to"] + "-01") if rows else None
    return BriefResult(document, numbers, activity_series(rows, last) if last is not None else None)


def _events_of(session: Session, actor: str | None, filters: dict[str, Any]) -> list[Event]:
    """The matching events; an actor nobody is named is reported as the brief's own option, --actor."""
    try:
        return list(session.events(perpetrator=actor, **filters))
    except ConflictLensError as exc:
        if exc.code == "CL-E700" and exc.subject == "--perpetrator":
            raise ConflictLensError(exc.code, exc.message, "--actor") from exc
        raise


def _ledgers(session: Session, events: list[Event]) -> list[dict[str, Any]]:
    """Each attributed event's public ledger with its date and place (for the contested section)."""
    out = []
    for event in events:
        if not event.attribution:
            continue
        ledger = session.public.value(session.public.ledger(event).to_dict())
        place = event.location.place or event.location.admin2 or event.location.admin1 or event.location.country
        out.append({**ledger, "date": event.date.start[:10], "place": place})
    return out


def _relations(session: Session, actor: str | None, until: str | None) -> tuple[str | None, list[dict[str, Any]]]:
    """(the actor's name in the network, its edges): none when no actor is named; no edges when the
    network holds none of its relations."""
    if actor is None:
        return None, []
    try:
        data = session.network(until=until, actor=actor, depth=1)
    except ConflictLensError as exc:
        if exc.code != "CL-E750":  # the actor has no relation: an empty section, not an error
            raise
        found = session.registry.resolve(actor)
        return (found.canonical if found else actor), []
    return data["graph"]["actor"], data["edges"]


@needs_stats
def write_brief(result: BriefResult, fmt: str, output: Path | None) -> str | None:
    """Write the brief to `output` in `fmt` (Markdown gets its chart as an SVG file beside it), or
    return its text for standard output; a PDF needs a file."""
    if fmt == "pdf" and output is None:
        raise ConflictLensError("CL-E935", "a PDF brief is written to a file: add --output FILE.pdf", "--format")
    if output is None:
        return result.markdown() if fmt == "md" else result.html() if fmt == "html" else result.json()
    if output.is_dir():  # refused before the Markdown's chart is written beside it
        raise ConflictLensError("CL-E936", "cannot write the brief (Is a directory); name a file in it, e.g. "
                                f"{output / ('brief.' + fmt)}", str(output))
    try:
        if fmt == "md":
            chart = _chart_beside(result, output)
            output.write_text(result.markdown(chart.name if chart else None), encoding="utf-8")
        elif fmt == "pdf":
            output.write_bytes(result.pdf())
        else:
            output.write_text(result.html() if fmt == "html" else result.json() + "\n", encoding="utf-8")
    except OSError as exc:
        raise ConflictLensError("CL-E936", f"cannot write the brief ({exc.strerror}); check the path and its "
                                "permissions", str(output)) from exc
    return None


def _chart_beside(result: BriefResult, output: Path) -> Path | None:
    svg = result.chart_svg()
    if svg is None:
        return None
    chart = output.with_name(output.stem + "-activity.svg")
    chart.write_bytes(svg)
    return chart
