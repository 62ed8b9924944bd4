"""Strikes told without their doer in a report of one side's strikes. A roundup of a war's strikes names the
side that strikes once or twice ("Russian attacks on the Kharkiv and Dnipro regions killed two civilians")
and then tells each strike by its place and toll alone ("In Nikopol, shelling injured a woman"; "one person
was killed in drone strikes around the town of Nikopol"). Such a strike is the named side's.

After a report's events are built, a strike (an air or drone strike, shelling, a missile attack) that names
no perpetrator takes the perpetrator of the report's other strikes, when every event of the report that
names a perpetrator names the same one, at least one of them a strike in the same country. A report that
names two sides (a strike answered by the other side's drones), or whose named doer struck in another
country, gives none. The strike's record says where its doer came from (`extra["perpetrator_from"]`: the
event that names it) and keeps that event's evidence; it is never a claim.
"""

from __future__ import annotations

from dataclasses import replace

from conflictlens.model.records import Attribution, Event

# The sub-event types of a strike from afar, whose doer a report tells once for all of them.
STRIKES = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})
_BY = "the report's other strikes"


def with_strike_doers(found: list[tuple[Event, tuple[int, int]]]) -> list[tuple[Event, tuple[int, int]]]:
    """The report's (event, span) pairs, each strike without a doer given the doer of the report's other
    strikes in its country, where the report names one doer only."""
    named = {e.perpetrator for e, _span in found if e.perpetrator}
    if len(named) != 1:
        return found
    donors = [e for e, _span in found if e.perpetrator and e.sub_event_type in STRIKES and e.location.country]
    out = []
    for event, span in found:
        donor = next((d for d in donors if d.location.country == event.location.country), None)
        if donor is not None and not event.perpetrator and event.sub_event_type in STRIKES:
            event = _with_doer(event, donor)
        out.append((event, span))
    return out


def _with_doer(event: Event, donor: Event) -> Event:
    said = next((a.said_on for a in donor.attribution), None)
    given = replace(event, evidence={k: list(v) for k, v in event.evidence.items()}, extra=dict(event.extra),
                    attribution=[*event.attribution, Attribution(donor.perpetrator, "attributed", _BY, None,
                                                                  said_on=said, document_id=donor.document_id)])
    given.perpetrator, given.claimed = donor.perpetrator, False
    given.evidence["perpetrator"] = list(donor.evidence.get("perpetrator", []))
    given.extra["perpetrator_from"] = donor.id
    return given
