"""An incident's casualty fields (killed, injured, assailants killed) with their evidence: the casualty
parser run over the incident's sentences, and over the report's headline where the story leaves a
count untold (`casualties.parse.parse_casualties`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from conflictlens.extract.casualties.parse import nobody_killed, parse_casualties
from conflictlens.extract.casualties.sides import martyrs_told
from conflictlens.extract.passing import act_starts
from conflictlens.model.records import Casualties, Event, Evidence

if TYPE_CHECKING:
    from conflictlens.extract.extractor import DocContext
    from conflictlens.extract.segment import Incident

# Sub-event types in which those killed are usually the targets even when they are militants.
STRIKES_ON_FIGHTERS = ("Air/drone strike", "Shelling/artillery/missile attack", "Armed clash")
# Where a count read from the report's title (which is not in its text, so has no span) is kept.
TITLE_KEY = "toll_from_title"


def actor_names(ctx: DocContext, incident: Incident, perpetrator: str | None) -> tuple[set[str], set[str]]:
    """How the report writes the perpetrator's name ("TTP", "Tehreek-e-Taliban Pakistan"), and the
    names of the incident's other actors (with a perpetrator only: without one, nobody is "other")."""
    start, end = incident.span
    own = {m.text for m in ctx.actors if perpetrator and m.canonical == perpetrator}
    others = {m.text for m in ctx.actors if perpetrator and m.canonical != perpetrator and start <= m.start < end}
    return own, others - own


def _first_line(text: str) -> str:
    return text[:max(0, text.find("\n"))]


def casualty_fields(event: Event, ctx: DocContext, incident: Incident,
                    ev: Callable[[tuple[int, int] | None], Evidence | None], lead: bool) -> None:
    """The incident's tolls. `lead`: the incident is the report's first event, the one its headline
    tells (a title kept apart from the text, or the text's first line)."""
    names = actor_names(ctx, incident, event.perpetrator)
    # The dateline's day ("KABUL, Nov 25 (Kabul Wire) - Nine people ...") is no count of the dead.
    spans = [(max(a, ctx.body_start), b) for a, b in incident.sentences if b > ctx.body_start]
    if incident.passing:  # "The attack came hours after three people were killed ...": the toll after "after"
        spans = [(a + act_starts(ctx.doc.text[a:b]), b) for a, b in spans]
    # "four soldiers were martyred and 13 terrorists were killed": the martyrs' side are the victims
    fighters_are_victims = event.sub_event_type in STRIKES_ON_FIGHTERS and not martyrs_told(ctx.doc.text, spans)
    figures = parse_casualties(ctx.doc.text, spans, perpetrator_nouns_are_victims=fighters_are_victims,
                               perpetrator_names=sorted(names[0]), other_names=sorted(names[1]),
                               headline=True, title=ctx.doc.title, lead=lead)
    event.fatalities, event.injured = figures.fatalities, figures.injured
    if nobody_killed(figures, ctx.doc.text, spans, ctx.doc.title or _first_line(ctx.doc.text)):
        event.fatalities = Casualties(0, 0, 0)  # the incident's record: the wounded told, no death spoken of
    event.perpetrators_killed = figures.perpetrators_killed
    for name, found in figures.spans.items():
        for span in found:
            event.add_evidence(name, ev(span))
    if figures.from_title:
        event.extra[TITLE_KEY] = {"fields": sorted(figures.from_title), "title": ctx.doc.title}
