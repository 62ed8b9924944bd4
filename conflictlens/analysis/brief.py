"""A short threat brief in calibrated estimative language, written from the numbers it is given.

Every sentence is made from counted incidents, escalation readings, forecast distributions, the
attribution ledgers of the incidents' events and the actor's dated relations; every figure names its
basis (how many incidents, which event or relation ids, which test). Likelihoods are said with the
ICD 203 words of the estimative rule (`data/estimative.yaml`: "likely" is 55-80%), the same bands the
attribution ledger uses. The brief is composed once as sections (`Brief`), then written as Markdown
here or as HTML and PDF by `brief_render`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Sequence

from conflictlens.analysis.brief_sections import Section, contested_section, relations_section

from conflictlens.analysis.escalation import window_increase_p
from conflictlens.analysis.estimative import EstimativeRule
from conflictlens.analysis.trends import IncidentRow, month_index, month_label

CITED = 5  # event ids cited per figure; the rest are counted
SIGNIFICANT = 0.05


def cite(rows: Sequence[IncidentRow]) -> str:
    ids = [r.event_ids[0] for r in rows if r.event_ids]
    more = f" and {len(ids) - CITED} more" if len(ids) > CITED else ""
    return f"[events: {', '.join(ids[:CITED])}{more}]" if ids else "[no events]"


def activity(rows: Sequence[IncidentRow], last: int) -> dict[str, Any]:
    """The 12 months to `last` against the 12 before, with a two-sided reading of the change."""
    now = [r for r in rows if last - 11 <= month_index(r.date) <= last]
    before = [r for r in rows if last - 23 <= month_index(r.date) <= last - 12]
    rise = window_increase_p(len(now), 12, len(before), 12)
    fall = window_increase_p(len(before), 12, len(now), 12)
    trend = "rose" if rise < SIGNIFICANT else "fell" if fall < SIGNIFICANT else "changed little"
    return {"from": month_label(last - 11), "to": month_label(last), "incidents": len(now),
            "previous": len(before), "fatalities": sum(r.fatalities for r in now),
            "claimed": sum(r.claim == "claimed" for r in now), "attributed": sum(r.claim == "attributed" for r in now),
            "unclaimed": sum(r.claim == "unclaimed" for r in now), "trend": trend,
            "p_rise": round(rise, 4), "p_fall": round(fall, 4), "rows": now}


def likelihood(phrase: str, probability: float, clause: str) -> str:
    """"It is likely (60%) that ..." / "There is a roughly even chance (50%) that ..."."""
    if phrase.endswith("chance"):
        article = "" if phrase.startswith(("almost no", "no ")) else "a "
        return f"There is {article}{phrase} ({probability:.0%}) that {clause}"
    return f"It is {phrase} ({probability:.0%}) that {clause}"


def incidents(n: int) -> str:
    return f"{n} incident" if n == 1 else f"{n} incidents"


def top(rows: Sequence[IncidentRow], field: str, n: int = 3) -> list[tuple[str, list[IncidentRow]]]:
    counted = Counter(getattr(r, field) for r in rows if getattr(r, field))
    return [(name, [r for r in rows if getattr(r, field) == name]) for name, _ in counted.most_common(n)]


@dataclass(frozen=True)
class Brief:
    title: str
    lead: str
    sections: tuple[Section, ...] = ()
    activity: dict[str, Any] = field(default_factory=dict)  # the Activity section's reading, without its rows


@dataclass(frozen=True)
class Evidence:
    """What the brief is written from, besides the incidents: `contested` holds the public attribution
    ledgers of the incidents' events (dicts with "date" and "place" added), `relations` the actor's
    edges (node-link dicts) and its name in them."""

    contested: Sequence[dict[str, Any]] = ()
    relations: Sequence[dict[str, Any]] = ()
    actor: str | None = None


def compose(subject: str, rows: Sequence[IncidentRow], readings: Sequence[dict[str, Any]],
            forecasts: Sequence[dict[str, Any]], rule: EstimativeRule, evidence: Evidence = Evidence(),
            undated: int = 0) -> Brief:
    """The brief's sections, in reading order (`undated`: matching reports with no date, left out)."""
    title = f"Threat brief: {subject}"
    left_out = f"{undated} undated report{' is' if undated == 1 else 's are'} left out"
    if not rows:
        return Brief(title, f"No dated incident matches ({left_out}); nothing can be assessed." if undated
                     else "No incidents match; nothing can be assessed.")
    last = max(month_index(r.date) for r in rows)
    a = activity(rows, last)
    lead = (f"Based on {incidents(len(rows))} from {rows[0].date} to {rows[-1].date} (merged reports counted once"
            f"{'; ' + left_out if undated else ''}).")
    window = (f"{a['from']}-01", f"{a['to']}-31")
    return Brief(title, lead, (
        Section("Activity", (
            f"{a['from']} to {a['to']}: {incidents(a['incidents'])} ({a['claimed']} claimed, {a['attributed']} "
            f"attributed, {a['unclaimed']} unclaimed), {a['fatalities']} killed {cite(a['rows'])}.",
            f"Against {a['previous']} in the 12 months before, activity {a['trend']} (Poisson E-test, one-sided "
            f"p = {a['p_rise']} for a rise, {a['p_fall']} for a fall).")),
        _tops(a["rows"]), _flags(readings),
        contested_section(evidence.contested, window, rule),
        relations_section(evidence.relations, evidence.actor, window),
        _outlook(forecasts, rule)), {k: v for k, v in a.items() if k != "rows"})


def to_markdown(brief: Brief, chart: str | None = None) -> str:
    """The brief as Markdown; `chart` is the file name of the activity chart written beside it."""
    lines = [f"# {_md(brief.title)}", "", _md(brief.lead), ""]
    for section in brief.sections:
        lines += [f"## {_md(section.heading)}", ""] + [f"- {_md(point)}" for point in section.points]
        if section.heading == "Activity" and chart:
            lines += ["", f"![Incidents and deaths per month]({chart})"]
        lines += ["", _md(section.note), ""] if section.note else [""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _md(text: str) -> str:
    """`text` with its '<' escaped: names come from reports, and Markdown passes raw HTML through."""
    return text.replace("<", "\\<")


def _tops(rows: Sequence[IncidentRow]) -> Section:
    points = []
    for column, label in (("admin1", "Area"), ("target", "Target type"), ("event_type", "Event type")):
        for name, members in top(rows, column):
            points.append(f"{label} {name}: {incidents(len(members))} {cite(members)}")
    return Section("Where and against whom (last 12 months)", tuple(points))


def _flags(readings: Sequence[dict[str, Any]]) -> Section:
    out = []
    flagged = [r for r in readings if r["flag"] or r["surge"]["flag"]]
    for r in flagged:
        unit = " / ".join(str(v) for v in r["unit"].values())
        how = "flagged by the count test or changepoint" if r["flag"] else "surge rule only"
        out.append(f"{unit}, {r['month']}: {r['events']} incidents against a mean of {r['history_mean']} "
                   f"a month ({how}; E-test p = {r['p_value']}, changepoint posterior "
                   f"{r['changepoint']['probability']}).")
    if not flagged:
        month = readings[0]["month"] if readings else "the latest month"
        out.append(f"No area is flagged for {month} ({len(readings)} areas tested).")
    return Section("Escalation", tuple(out))


def _outlook(forecasts: Sequence[dict[str, Any]], rule: EstimativeRule) -> Section:
    out = []
    ranked = sorted((f for f in forecasts if f["events"]["mean"] > 0), key=lambda f: -f["events"]["mean"])[:3]
    for f in ranked:
        unit = " / ".join(str(v) for v in f["unit"].values())
        p = f["events"]["p_at_least_1"]
        e, k = f["events"], f["fatalities"]
        clause = f"at least one incident occurs in {unit} in {f['month']}"
        out.append(f"{likelihood(rule.phrase(p), p, clause)}; expected {e['mean']} incidents (90% interval {e['q05']:g}-{e['q95']:g}) and {k['mean']} deaths "
                   f"({k['q05']:g}-{k['q95']:g}) [{e['model']} forecast from the area's monthly history].")
    if not ranked:
        out.append("No area had an incident in the forecast's history; none is forecast.")
    return Section("Outlook (next month)", tuple(out), "Likelihood words follow ICD 203 (almost no chance <5%, very unlikely 5-20%, unlikely 20-45%, "
                  "roughly even chance 45-55%, likely 55-80%, very likely 80-95%, almost certain >95%).")
