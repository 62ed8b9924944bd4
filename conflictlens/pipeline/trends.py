"""From stored events to counted incidents: the rows `trends`, `escalation`, `forecast` and `brief` read.

Events are read through the outbound gate (`Session.events`: the analyst's answers, the filters as
users write them, confidential sources redacted) and merged by incident, so two reports of one
attack count once. An incident's row takes its members' earliest date, their largest best
fatality estimate (reports of one attack disagree; the count is of deaths in that one attack),
"claimed" when any member says its perpetrator claimed it, "attributed" when any names a
perpetrator, else "unclaimed"; its actor is the first named perpetrator with its registry parents.
Events in no incident yet (an interrupted resolution) count as incidents of their own.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from conflictlens.analysis.trends import IncidentRow
from conflictlens.errors import ConflictLensError
from conflictlens.model.records import Event

if TYPE_CHECKING:
    from conflictlens.pipeline.session import Session


# The statistics stage's libraries come with the optional extra `stats`; a default install lacks them.
STATS_PACKAGES = frozenset({"scipy", "statsmodels", "scoringrules", "matplotlib"})


def needs_stats(job: Callable[..., Any]) -> Callable[..., Any]:
    """A job that needs the `stats` extra says so with a coded error where it is missing, never a traceback."""
    @functools.wraps(job)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return job(*args, **kwargs)
        except ModuleNotFoundError as exc:
            if (exc.name or "").partition(".")[0] not in STATS_PACKAGES:
                raise
            raise ConflictLensError("CL-E937", f"this needs {exc.name.partition('.')[0]}, which comes with the "
                                    "stats extra: pip install 'conflictlens[stats]'", exc.name) from exc
    return run


def incident_rows(session: Session, **filters: Any) -> list[IncidentRow]:
    """One row per incident among the events matching `filters` (those of `Session.events`)."""
    return rows_of(session, [e for e in session.events(**filters) if e.date.start])


def rows_of(session: Session, events: list[Event]) -> list[IncidentRow]:
    """One row per incident among `events` (as they left the gate), merged reports counted once."""
    incident_of = _incidents(session, [e.id for e in events])
    merged: dict[str, list[Event]] = {}
    for event in events:
        merged.setdefault(incident_of.get(event.id, event.id), []).append(event)
    return sorted((_row(session, members) for members in merged.values()), key=lambda r: (r.date, r.event_ids))


def _incidents(session: Session, shown_ids: list[str]) -> dict[str, str]:
    """shown event id -> incident id. Confidential events leave under pseudonyms: their real ids
    are found through the policy, so their incidents still count once."""
    policy = session.policy
    real = {policy.pseudonym(r): r for r in policy.events} if not policy.empty else {}
    ids = {shown: real.get(shown, shown) for shown in shown_ids}
    members = session.required_store().incidents.memberships(list(ids.values()))
    return {shown: members[r].incident_id for shown, r in ids.items() if r in members}


def _row(session: Session, members: list[Event]) -> IncidentRow:
    members = sorted(members, key=lambda e: (e.date.start or "", e.id))
    first = members[0]
    perpetrator = next((e.perpetrator for e in members if e.perpetrator), None)
    place = next((e.location for e in members if e.location.admin1), first.location)
    return IncidentRow(
        date=first.date.start[:10], fatalities=max((e.fatalities.best or 0) for e in members),
        claim=_claim(members), actors=_lineage(session, perpetrator),
        event_type=next((e.event_type for e in members if e.event_type), None),
        target=next((e.target_type for e in members if e.target_type), None),
        country=place.country, admin1=place.admin1, admin2=place.admin2,
        event_ids=tuple(e.id for e in members))


def _claim(members: Iterable[Event]) -> str:
    members = list(members)
    if any(e.claimed for e in members):
        return "claimed"
    if any(e.perpetrator for e in members):
        return "attributed"
    return "unclaimed"


def _lineage(session: Session, perpetrator: str | None) -> tuple[str, ...]:
    if not perpetrator:
        return ()
    lineage = session.registry.lineage(perpetrator)
    return lineage if lineage else (perpetrator,)


def trends(session: Session, by: Iterable[str], **filters: Any) -> list[dict[str, Any]]:
    """Counted incidents per period and group (`analysis.trends.count`); `by` is checked before any
    event is read."""
    from conflictlens.analysis.trends import check_by, count

    by = tuple(by)
    check_by(by)
    return count(incident_rows(session, **filters), by)


@needs_stats
def plot(records: list[dict[str, Any]], path: str, measure: str = "events") -> int:
    """Draw counted incidents to a PNG or SVG file (matplotlib, loaded only here)."""
    from conflictlens.analysis.plots import plot_counts
    return plot_counts(records, path, measure)


@needs_stats
def escalation(session: Session, unit: str, by_actor: bool, at: str | None = None,
               settings: str | None = None, **filters: Any) -> list[dict[str, Any]]:
    """Every unit's escalation readings for the month `at` (default the latest)."""
    from conflictlens.analysis.escalation import latest, load_escalation
    return latest(incident_rows(session, **filters), _fields(unit, by_actor), load_escalation(settings), at)


@needs_stats
def escalation_backtest(session: Session, unit: str, by_actor: bool, settings: str | None = None,
                        **filters: Any) -> dict[str, Any]:
    """The month-by-month backtest of the rule and the model (`analysis.escalation_backtest`)."""
    from conflictlens.analysis.escalation import load_escalation
    from conflictlens.analysis.escalation_backtest import backtest
    return backtest(incident_rows(session, **filters), _fields(unit, by_actor), load_escalation(settings))


def _fields(unit: str, by_actor: bool) -> tuple[str, ...]:
    from conflictlens.analysis.escalation import UNITS
    from conflictlens.errors import ConflictLensError

    if unit not in UNITS:
        raise ConflictLensError("CL-E932", f"unknown unit; use one of {', '.join(UNITS)}", "--unit")
    return (unit, "actor") if by_actor else (unit,)


def forecast(session: Session, unit: str, *, evaluate: bool = False, origins: tuple[str | None, str | None] = (None, None),
             settings: str | None = None, **filters: Any) -> Any:
    """Next month's forecast per unit, or (`evaluate`) the rolling-origin evaluation over `origins`
    (first and last origin month, "YYYY-MM"; default the last `default_origins` months). A forecast
    serves, per target, the model only where its evaluation over the default origins shows skill."""
    return forecast_rows(incident_rows(session, **filters), unit, evaluate=evaluate, origins=origins,
                         settings=settings)


@needs_stats
def forecast_rows(rows: list[IncidentRow], unit: str, *, evaluate: bool = False,
                  origins: tuple[str | None, str | None] = (None, None), settings: str | None = None) -> Any:
    from conflictlens.analysis.escalation import unit_series
    from conflictlens.analysis.forecast import TARGETS, load_forecast
    from conflictlens.analysis.forecast_scores import evaluate as score, evaluation, forecasts

    rule = load_forecast(settings)
    series = unit_series(rows, _fields(unit, False))
    if not series:
        return [] if not evaluate else {"unit": unit, "horizon": 1, "origins": 0}
    first_month, last_month = series[0].first_month, series[0].first_month + len(series[0].counts) - 1
    chosen = _origins(origins, first_month, last_month, rule.default_origins)
    if evaluate:
        return {"unit": unit, **evaluation(series, chosen, rule)}
    served = {target: score(series, chosen, rule, target)["served"] for target in TARGETS}
    return forecasts(series, rule, served)


def _origins(given: tuple[str | None, str | None], first: int, last: int, default: int) -> range:
    """Origin months: the forecast of month o+1 is made at o, so the last origin is the month before
    the data's last."""
    from conflictlens.analysis.trends import month_index

    start = month_index(given[0] + "-01") if given[0] else max(first + 12, last - default)
    end = month_index(given[1] + "-01") if given[1] else last - 1
    return range(max(start, first), min(end, last - 1) + 1)
