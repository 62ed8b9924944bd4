"""The brief's sections on contested attributions and on the actor's relations that changed.

Both read plain dicts the pipeline hands over after the outbound gate: an event's attribution ledger
(`analysis.ledger.Ledger.to_dict()`, redacted, with the event's "date" and "place" added) and the
edges of the actor's ego network (`analysis.network.node_link`, redacted). Only the brief's window
(its last 12 months, as ISO dates) is looked at; older items are counted, not listed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from conflictlens.analysis.estimative import EstimativeRule
from conflictlens.analysis.grading import POSITIVE

LISTED = 5  # items listed per section; the rest are counted


@dataclass(frozen=True)
class Section:
    """One part of the brief: a heading, its points (each a sentence with its citations) and a note."""

    heading: str
    points: tuple[str, ...]
    note: str = ""


def is_contested(ledger: dict[str, Any]) -> bool:
    """More than one actor in the statements, a named perpetrator that denies, or an analyst whose
    answer differs from the rule's."""
    actors = {s["actor"] for s in ledger["statements"] if s.get("actor")}
    named = {e["actor"] for e in ledger["estimates"] if e["strongest_stance"] in POSITIVE}
    denying = {s["actor"] for s in ledger["statements"] if s.get("stance") == "denied"}
    overridden = ledger["answer"]["basis"] != ledger["rule_answer"]["basis"] and \
        ledger["answer"]["actor"] != ledger["rule_answer"]["actor"]
    return len(actors) > 1 or bool(named & denying) or overridden


def contested_section(ledgers: Sequence[dict[str, Any]], window: tuple[str, str], rule: EstimativeRule) -> Section:
    heading = "Contested attributions (last 12 months)"
    inside = [g for g in ledgers if window[0] <= (g.get("date") or "") <= window[1]]
    contested = sorted((g for g in inside if is_contested(g)), key=lambda g: (g["date"], g["event_id"]), reverse=True)
    if not contested:
        return Section(heading, (f"No attribution is contested among the {len(inside)} reports of the window: "
                                 "no second actor is named, no named actor denies, no analyst overrode the rule.",))
    points = [_contested_point(g, rule) for g in contested[:LISTED]]
    more = len(contested) - LISTED
    note = f"{more} more contested report(s) are not listed." if more > 0 else ""
    return Section(heading, tuple(points), note)


def _contested_point(ledger: dict[str, Any], rule: EstimativeRule) -> str:
    readings = [f"{e['actor']} {e['strongest_stance']}, {rule.phrase(e['probability'])} ({e['probability']:.0%})"
                for e in ledger["estimates"]]
    denials = sorted({s["actor"] for s in ledger["statements"] if s.get("stance") == "denied" and s.get("actor")})
    said = "; ".join(readings) + (f"; denied by {', '.join(denials)}" if denials else "")
    answer = ledger["answer"]
    if answer["actor"] is None:
        verdict = "no actor can be named"
    elif answer["basis"] == "analyst override":
        verdict = f"an analyst answered {answer['actor']}" + (f" ({answer['phrase']})" if answer["phrase"] else "")
    else:
        verdict = f"best answer {answer['actor']}, {answer['phrase']}"
    return f"{ledger['date']}, {ledger.get('place') or 'place unknown'}: {said}; {verdict} [events: {ledger['event_id']}]"


def relations_section(edges: Sequence[dict[str, Any]], actor: str | None, window: tuple[str, str]) -> Section:
    """Relations first known inside the window, those last known before it, and pairs whose relation
    turned between cooperative and hostile."""
    heading = "Relations that changed"
    if actor is None:
        return Section(heading, ("No actor is named, so no relations are read.",))
    own = [e for e in edges if actor in (e["source"], e["target"])]
    points = _turned(own, actor) + [_changed(e, actor, window) for e in own if _status(e, window)]
    if not points:
        held = sum(1 for e in own if (e.get("last") or "") >= window[0])
        return Section(heading, (f"No relation of {actor} began, lapsed or turned in the window "
                                 f"({len(own)} recorded, {held} still known to hold).",))
    more = len(points) - LISTED
    return Section(heading, tuple(points[:LISTED]), f"{more} more change(s) are not listed." if more > 0 else "")


def _status(edge: dict[str, Any], window: tuple[str, str]) -> str | None:
    first, last = edge.get("first") or "", edge.get("last") or ""
    if first and window[0] <= first <= window[1]:
        return "new"
    if last and last < window[0]:
        return "lapsed"
    return None


def _changed(edge: dict[str, Any], actor: str, window: tuple[str, str]) -> str:
    other = edge["target"] if edge["source"] == actor else edge["source"]
    kind = edge["kind"].replace("_", " ")
    direction = "" if not edge.get("directed") else (" (from it)" if edge["source"] == actor else " (towards it)")
    statements = f"{edge['count']} statement{'s' if edge['count'] != 1 else ''}"
    cited = _cite(edge)
    if _status(edge, window) == "new":
        return f"New: {kind} with {other}{direction}, first known {edge['first']} ({statements}) {cited}"
    return f"Lapsed: {kind} with {other}{direction}, last known {edge['last']} ({statements}) {cited}"


def _turned(edges: Sequence[dict[str, Any]], actor: str) -> list[str]:
    """Pairs with both a cooperative and a hostile relation, said in the order they were known."""
    by_other: dict[str, list[dict[str, Any]]] = {}
    for e in edges:
        if e.get("polarity") in ("cooperative", "hostile"):
            by_other.setdefault(e["target"] if e["source"] == actor else e["source"], []).append(e)
    out = []
    for other, pair in sorted(by_other.items()):
        if len({e["polarity"] for e in pair}) < 2:
            continue
        pair = sorted(pair, key=lambda e: (e.get("first") or "", e["kind"]))
        steps = ", then ".join(f"{e['kind'].replace('_', ' ')} ({e.get('first') or '?'} to {e.get('last') or '?'})"
                               for e in pair)
        out.append(f"Turned: with {other}, {steps} {_cite(*pair)}")
    return out


def _cite(*edges: dict[str, Any]) -> str:
    ids = [s["id"] for e in edges for s in e.get("sources", ())]
    more = f" and {len(ids) - LISTED} more" if len(ids) > LISTED else ""
    return f"[relations: {', '.join(ids[:LISTED])}{more}]" if ids else "[no relations]"
