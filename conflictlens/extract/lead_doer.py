"""Who did the report's lead incident, said after a later day was told. A report tells an attack, then
what came of it on later days ("One hostage was rescued the next day"; "14 of the hostages were released on
June 18"), then who did it ("No group claimed the incident; sources attributed the attack to X"). The later
day opens an incident of its own, so the statement lands on that follow-up, and the attack told first
names no one. A statement that refers back to the act ("the attack", "the kidnapping") speaks of the
report's incident: the lead event, when it names no perpetrator, takes that of the first later event
whose statement refers back so, that names no place of its own apart from the lead's, does not begin days
before it (a recap of an earlier incident), and is not told as another incident ("In a separate attack ...").
The later event keeps its own (issue 11, session 21).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from conflictlens.extract import fragments, strike_doers
from conflictlens.extract.build import VIOLENT_TYPES, summarise
from conflictlens.extract.segment import announces_new, refers_back
from conflictlens.model.records import Event

_DAYS_BEFORE = 3  # how many days before the lead's a later event may begin and still tell the lead


def settled(found: list[tuple[Event, tuple[int, int]]], text: str) -> list[tuple[Event, tuple[int, int]]]:
    """The report's events once told-later pieces are placed: fragments fold into their act, then the lead
    event and air strikes take the doers said after them (in that order: a fragment's doer counts)."""
    return strike_doers.with_strike_doers(with_lead_doer(fragments.fold_fragments(found, text), text))


def with_lead_doer(found: list[tuple[Event, tuple[int, int]]], text: str) -> list[tuple[Event, tuple[int, int]]]:
    """The report's (event, span) pairs, the lead event given the doer a later statement names."""
    if len(found) < 2 or found[0][0].perpetrator or found[0][0].event_type not in VIOLENT_TYPES:
        return found
    lead = found[0][0]
    donor = next((event for event, span in found[1:] if _speaks_of_lead(event, span, lead, text)), None)
    if donor is None:
        return found
    return [(_given(lead, donor), found[0][1]), *found[1:]]


def _speaks_of_lead(event: Event, span: tuple[int, int], lead: Event, text: str) -> bool:
    """Whether the event's statement of who did it may speak of the lead incident."""
    said = event.evidence.get("perpetrator") or []
    # an arrest's doer is who arrests ("police arrested three men over the attack"): no word of the lead's doer
    return (bool(event.perpetrator) and event.event_type in VIOLENT_TYPES and bool(said) and refers_back(said[0].text)
            and not _told_before(event, lead)
            and not announces_new(text[span[0]:span[1]]) and _within_lead(event, lead))


def _told_before(event: Event, lead: Event) -> bool:
    """Whether the event began days before the lead: a recap of an earlier incident ("In March, a bomber
    killed 12 ... That attack was claimed by X"), not what came of the lead. An act told overnight or a day
    or two before the day a report dates the lead on is still the lead's."""
    if not event.date.start or not lead.date.start:
        return True
    days = (dt.date.fromisoformat(lead.date.start[:10]) - dt.date.fromisoformat(event.date.start[:10])).days
    return days > _DAYS_BEFORE


def _within_lead(event: Event, lead: Event) -> bool:
    """No country, province or place of its own apart from the lead's."""
    mine, theirs = event.location, lead.location
    return all(not p or p == q for p, q in ((mine.country, theirs.country), (mine.admin1, theirs.admin1),
                                            (mine.place, theirs.place)))


def _given(lead: Event, donor: Event) -> Event:
    """The lead with the donor's perpetrator, claim and statements of that actor, with their evidence."""
    merged = replace(lead, evidence={k: list(v) for k, v in lead.evidence.items()}, extra=dict(lead.extra),
                     attribution=[*lead.attribution, *(s for s in donor.attribution if s not in lead.attribution)])
    merged.perpetrator, merged.claimed = donor.perpetrator, donor.claimed
    for key in ("perpetrator", "claimed", "attribution"):
        if donor.evidence.get(key):
            merged.evidence[key] = merged.evidence.get(key, []) + list(donor.evidence[key])
    merged.extra["doer_from"] = donor.id
    merged.summary = summarise(merged)
    return merged
