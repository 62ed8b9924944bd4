"""Assemble one event record from one incident, keeping the evidence span of every value."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Callable

from conflictlens.extract import attribution as attr
from conflictlens.extract.typing.classify import Typing, classify_sub_event
from conflictlens.extract.typing.unreal import told_as_fact
from conflictlens.extract.gtd.attack_types import classify_gtd
from conflictlens.extract.dates.mentions import ResolvedDate, resolve_event_date
from conflictlens.extract.learned.model import LinearModel
from conflictlens.extract.location import location_fields
from conflictlens.extract.target_actor import find_target_actor
from conflictlens.extract.tolls import casualty_fields
from conflictlens.model.ids import event_id
from conflictlens.model.protocols import ActorResolver, Geocoder
from conflictlens.model.records import Attribution, DateInfo, Event, Evidence
from conflictlens.model.vocab import vocabularies

if TYPE_CHECKING:
    from conflictlens.extract.extractor import DocContext
    from conflictlens.extract.segment import Incident

# GTD's attack, weapon and target types describe attacks; they do not apply to protests or arrests.
VIOLENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")
# A defused bomb is a failed attack to GTD, so it keeps attack, weapon and target types.
FOILED_ATTACKS = ("Disrupted weapons use",)
# Arson and sabotage are attacks on property to GTD (Facility/Infrastructure), so they are typed too.
PROPERTY_ATTACKS = ("Looting/property destruction",)
_SEQUEL_CHARS = 300  # how much of the text after an incident GTD typing reads: the next sentence


@dataclass
class Draft:
    """One incident's event while it is built: the inputs, the event, and what steps hand on."""

    ctx: DocContext
    incident: Incident
    anchor: ResolvedDate | None
    geocoder: Geocoder | None
    date_order: str
    actors: ActorResolver | None
    learned: LinearModel | None
    event: Event
    ev: Callable[[tuple[int, int] | None], Evidence | None]
    dropped: bool = False  # the incident tells no event: the steps after stop
    typing: Typing | None = None
    learned_vector: dict[int, float] = field(default_factory=dict)
    target_span: tuple[int, int] | None = None  # the attacked phrase, in the document
    resolved_date: ResolvedDate | None = None
    lead: bool = False  # the report's first event: the one its headline tells


@dataclass(frozen=True)
class FieldStep:
    """One step of building an event, as spaCy's components declare theirs: the event fields (or
    `Draft` values) it reads and those it writes. Steps run in order (`STEPS`); a test checks that
    none reads what no earlier step wrote and that each reads and writes only what it declares."""

    name: str
    run: Callable[[Draft], None]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


# What a build starts from: the Draft's inputs and the event's identity.
INPUTS = ("ctx", "incident", "anchor", "geocoder", "date_order", "actors", "learned", "ev", "id", "document_id", "lead")


def build_event(ctx: DocContext, incident: Incident, anchor: ResolvedDate | None, geocoder: Geocoder | None,
                date_order: str, actors: ActorResolver | None = None,
                learned: LinearModel | None = None, lead: bool = False) -> tuple[Event | None, ResolvedDate | None]:
    """The incident's event (None when it tells none) and the date it was dated by, field step by step.
    `lead`: no event of the report comes before it."""
    event = Event(id=event_id(ctx.doc.id, *incident.span), document_id=ctx.doc.id)
    draft = Draft(ctx, incident, anchor, geocoder, date_order, actors, learned, event,
                  _evidence_maker(ctx.doc.id, ctx.doc.text), lead=lead)
    for step in STEPS:
        step.run(draft)
        if draft.dropped:
            return None, None
    return draft.event, draft.resolved_date


def _typing_step(d: Draft) -> None:
    d.typing = _typing(d.ctx, d.incident)
    d.dropped = d.typing is None


def _sub_event_type_step(d: Draft) -> None:
    d.event.sub_event_type = d.typing.sub_event_type
    d.event.add_evidence("event_type", d.ev(d.typing.span))
    d.event.add_evidence("sub_event_type", d.ev(d.typing.span))


def _learned_sub_event_type_step(d: Draft) -> None:
    start, end = d.incident.span
    reads = d.learned is not None and not d.learned.never_chooses
    d.learned_vector = d.learned.vector(d.ctx.doc.text[start:end]) if reads else {}  # read once
    _learned_typing(d.event, d.learned, ("sub_event_type",), d.learned_vector, d.ev(d.incident.span))


def _event_type_step(d: Draft) -> None:
    d.event.event_type = vocabularies().event_type_of(d.event.sub_event_type)


def _is_attack(event: Event) -> bool:
    return event.event_type in VIOLENT_TYPES or event.sub_event_type in FOILED_ATTACKS + PROPERTY_ATTACKS


def _gtd_step(d: Draft) -> None:
    start, end, text = *d.incident.span, d.ctx.doc.text
    sequel = text[end:end + _SEQUEL_CHARS]  # may tell what became of a hostage ("X was killed hours later")
    d.target_span = _gtd_fields(d.event, text[start:end], start, d.ev, sequel) if _is_attack(d.event) else None


def _learned_gtd_step(d: Draft) -> None:
    if _is_attack(d.event):
        _learned_typing(d.event, d.learned, ("attack_type", "target_type"), d.learned_vector, d.ev(d.incident.span))


def _date_step(d: Draft) -> None:
    (start, end), ctx = d.incident.span, d.ctx
    date_focus = (max(start, ctx.body_start), end) if ctx.body_start < end else (start, end)
    # the recaps told among its sentences ("In May, two jawans were killed ...") do not date it, nor does a full
    # date on a line between its sentences that tells none of it: the page's stamp under the headline ("Xinhua,
    # April 29, 2017 Adjust font size"); a sentence left out that dates by the report's day ("militants stormed
    # the campus yesterday") still may
    recaps, apart = d.incident.recaps, _told_apart(ctx.sentences, d.incident)
    mentions = [m for m in ctx.dates if not any(a <= m.start < b for a, b in recaps)
                and not (m.kind == "absolute" and any(a <= m.start < b for a, b in apart))] \
        if recaps or apart else ctx.dates
    if d.incident.passing:  # "came the day after ...": a span counted back from the incident told, no day of this one
        mentions = [m for m in mentions if not m.text.lower().endswith("after")]
    d.resolved_date = resolve_event_date(ctx.doc.text, date_focus, ctx.published, d.anchor,
                                         date_order=d.date_order, mentions=mentions)
    if d.incident.passing:
        d.resolved_date = _passing_date(d.resolved_date, d.incident, d.anchor)
        d.dropped = d.resolved_date is None
    _date_fields(d.event, d.resolved_date, d.ev)


def _passing_date(told: ResolvedDate | None, incident: Incident, anchor: ResolvedDate | None) -> ResolvedDate | None:
    """An act told in passing without a day of its own is dated back from the incident told (`anchor`) by the
    span its sentence names ("hours after": that day; "the day after": the day before). One of some day
    before ("came just days after ...") that no sentence dates is none: no event dated by a guess."""
    own = told is not None and told.mention is not None and incident.span[0] <= told.mention.start < incident.span[1]
    if own:
        return told
    if anchor is None or incident.days_back is None:
        return None
    back = timedelta(days=incident.days_back)
    return ResolvedDate(anchor.start - back, anchor.end - back, anchor.precision, None, looks_back=True)


def _told_apart(sentences: list[tuple[int, int]], incident: Incident) -> list[tuple[int, int]]:
    """The sentences inside the incident's span that the segmenter gave it none of (`Incident`'s lists)."""
    start, end = incident.span
    own = {*incident.sentences, *incident.references, *incident.scenes, *incident.shared}
    return [s for s in sentences if start <= s[0] and s[1] <= end and s not in own]


def _location_step(d: Draft) -> None:
    location_fields(d.event, d.ctx, d.incident, d.geocoder, d.ev)


def _attribution_step(d: Draft) -> None:
    _attribution_fields(d.event, d.ctx, d.incident, d.ev)


def _casualty_step(d: Draft) -> None:
    casualty_fields(d.event, d.ctx, d.incident, d.ev, d.lead)


def _target_actor_step(d: Draft) -> None:
    ctx, span = d.ctx, d.target_span
    as_of = ctx.published.isoformat() if ctx.published else None
    sentence = next((s for s in ctx.sentences if span and s[0] <= span[0] < s[1]), d.incident.span)
    target = find_target_actor(d.event, ctx.doc.text, span, sentence, d.actors, as_of)
    if target is not None:
        d.event.target_actor = target[0]
        d.event.add_evidence("target_actor", d.ev(target[1]))


def _summary_step(d: Draft) -> None:
    d.event.summary = summarise(d.event)
    d.event.add_evidence("summary", d.ev(d.incident.sentences[0]))


def _confidence_step(d: Draft) -> None:
    d.event.confidence = confidence(d.event, d.typing.score)


_TOLL = ("fatalities", "injured")
STEPS: tuple[FieldStep, ...] = (
    FieldStep("typing", _typing_step, (), ("typing",)),
    FieldStep("sub_event_type", _sub_event_type_step, ("typing",), ("sub_event_type",)),
    FieldStep("learned_sub_event_type", _learned_sub_event_type_step, ("sub_event_type",),
              ("learned_vector", "sub_event_type", "extra")),
    FieldStep("event_type", _event_type_step, ("sub_event_type",), ("event_type",)),
    FieldStep("gtd_types", _gtd_step, ("event_type", "sub_event_type"),
              ("attack_type", "weapon_type", "target_type", "targets", "target_span")),
    FieldStep("learned_gtd_types", _learned_gtd_step, ("event_type", "sub_event_type", "attack_type", "target_type",
                                                        "learned_vector"), ("attack_type", "target_type", "extra")),
    FieldStep("date", _date_step, (), ("date", "resolved_date", "dropped")),
    FieldStep("location", _location_step, (), ("location",)),
    # Attribution before casualties: the perpetrator's own dead are counted apart from the victims.
    FieldStep("attribution", _attribution_step, ("sub_event_type",), ("attribution", "perpetrator", "claimed")),
    FieldStep("casualties", _casualty_step, ("sub_event_type", "perpetrator"), _TOLL + ("perpetrators_killed", "extra")),
    FieldStep("target_actor", _target_actor_step, ("target_span", "location", "date", "target_type", "perpetrator"),
              ("target_actor",)),
    FieldStep("summary", _summary_step, ("sub_event_type", "event_type", "location", "date", "perpetrator", "claimed")
              + _TOLL, ("summary",)),
    FieldStep("confidence", _confidence_step, ("typing", "date", "location", "perpetrator") + _TOLL, ("confidence",)),
)


def _opening_sentence(ctx: DocContext, start: int) -> str:
    """The report's first sentence, when the incident starts after it: it says what the report is about."""
    first = ctx.sentences[0] if ctx.sentences else None
    return ctx.doc.text[first[0]: first[1]] if first and first[1] <= start else ""


def _typing(ctx: DocContext, incident: Incident):
    """The incident's type from all its sentences, unless that is no violence while its opening
    sentence tells violence: "Gunmen stormed a university, killing 22. The assault came as peace talks
    went on" is an attack, not an agreement, and protests over an attack do not retype it."""
    # Typed from what the sentences tell as having happened: "threatened to bomb the station" names no
    # bombing (the unreal phrases are blanked, same length, so spans hold).
    start, end = incident.span
    text = told_as_fact(ctx.doc.text[start:end])
    typing = classify_sub_event(text, offset=start, setting=_opening_sentence(ctx, start))
    if typing is None or vocabularies().event_type_of(typing.sub_event_type) in VIOLENT_TYPES:
        return typing
    a, b = incident.sentences[0]
    opening = classify_sub_event(text[a - start:b - start], offset=a, setting=_opening_sentence(ctx, a))
    if opening is not None and vocabularies().event_type_of(opening.sub_event_type) in VIOLENT_TYPES:
        return opening
    return typing


def _evidence_maker(doc_id: str, text: str) -> Callable[[tuple[int, int] | None], Evidence | None]:
    return lambda span: None if span is None else Evidence(doc_id, span[0], span[1], text[span[0]: span[1]])


def _learned_typing(event: Event, learned: LinearModel | None, names: tuple[str, ...], vector: dict[int, float],
                    whole: Evidence | None) -> None:
    """For each field, the learned label where the user's model is confident enough (its threshold,
    picked by cross-validation), else the rules'. A learned value's evidence is the incident it
    read, and `extra["learned_typing"]` records its probability."""
    for name in names if learned is not None else ():
        label, probability = learned.choose(name, getattr(event, name), vector)
        if probability is None or label == getattr(event, name):
            continue
        setattr(event, name, label)
        event.evidence.pop(name, None)
        event.add_evidence(name, whole)
        event.extra.setdefault("learned_typing", {})[name] = round(probability, 3)


def _gtd_fields(event: Event, focus: str, offset: int, ev, sequel: str = "") -> tuple[int, int] | None:
    """GTD attack, weapon and target types; returns the attacked phrase's span in the document."""
    gtd = classify_gtd(focus, foiled=event.sub_event_type in FOILED_ATTACKS,
                       on_property=event.sub_event_type in PROPERTY_ATTACKS, sequel=sequel)
    event.attack_type, event.weapon_type, event.target_type = gtd.attack_type, gtd.weapon_type, gtd.target_type
    shift = (lambda s: (s[0] + offset, s[1] + offset) if s else None)
    event.add_evidence("attack_type", ev(shift(gtd.attack_span)))
    event.add_evidence("weapon_type", ev(shift(gtd.attack_span)))
    event.add_evidence("target_type", ev(shift(gtd.target_span)))
    if gtd.target_text:
        event.targets = [gtd.target_text]
        event.add_evidence("targets", ev(shift(gtd.target_span)))
    return shift(gtd.target_span)


def _date_fields(event: Event, resolved: ResolvedDate | None, ev) -> None:
    if resolved is None:
        return
    event.date = DateInfo(resolved.start.isoformat(), resolved.end.isoformat(), resolved.precision)
    if resolved.mention is not None:
        event.add_evidence("date", ev((resolved.mention.start, resolved.mention.end)))




def _sentence_actors(ctx: DocContext, spans: list[tuple[int, int]]) -> list[tuple[tuple[int, int], list]]:
    return [(span, [a for a in ctx.actors if span[0] <= a.start and a.end <= span[1]
                    and not (a.method == "ner" and (a.start, a.end) in ctx.not_perpetrators)]) for span in spans]


def _shared_statements(ctx: DocContext, spans: list[tuple[int, int]], sub_event_type: str | None
                       ) -> list[attr.Statement]:
    """What the sentences an incident shares with an earlier one (`Incident.shared`) say of who did it."""
    text, out = ctx.doc.text, []
    for span, mentions in _sentence_actors(ctx, spans):
        if mentions:
            sentence = text[span[0]: span[1]]
            out += (attr.statements_in_sentence(sentence, span, mentions, ctx.doc.outlet)
                    or attr.subject_statements(sentence, span, mentions, ctx.doc.outlet, sub_event_type))
    return out


def _attribution_fields(event: Event, ctx: DocContext, incident: Incident, ev) -> None:
    text = ctx.doc.text
    statements: list[attr.Statement] = []
    by_sentence = _sentence_actors(ctx, incident.sentences + incident.references)
    for span, mentions in by_sentence:
        if mentions:
            statements += attr.statements_in_sentence(text[span[0]: span[1]], span, mentions, ctx.doc.outlet)
    if not any(s.stance != "denied" for s in statements):
        for span, mentions in by_sentence:
            statements += attr.subject_statements(text[span[0]: span[1]], span, mentions, ctx.doc.outlet,
                                                  event.sub_event_type)
    if not any(s.stance != "denied" for s in statements):  # "X launched attacks on A and B": this is B
        statements += _shared_statements(ctx, incident.shared, event.sub_event_type)
    # Each statement is dated by its report and keeps the report's id, so the ledger can weigh
    # statements from several reports of one incident and tell independent sources apart.
    event.attribution = [Attribution(s.actor, s.stance, s.by, s.channel, said_on=ctx.doc.published,
                                     document_id=ctx.doc.id) for s in statements]
    for s in statements:
        event.add_evidence("attribution", ev(s.span))
    event.perpetrator = attr.best_perpetrator(statements)
    event.claimed = any(s.stance == "claimed" for s in statements)
    if event.perpetrator:
        event.add_evidence("perpetrator", ev(next(s.span for s in statements if s.actor == event.perpetrator)))
    claim_span = next((s.span for s in statements if s.stance == "claimed"), None)
    event.add_evidence("claimed", ev(claim_span))


def summarise(event: Event) -> str:
    """One faithful sentence built from the coded fields, never from invented text."""
    what = event.sub_event_type or event.event_type or "Event"
    loc = event.location
    where = ", ".join(x for x in (loc.place, loc.admin2 if loc.admin2 != loc.place else None, loc.admin1, loc.country) if x)
    parts = [what]
    if where:
        parts.append(f"in {where}")
    if event.date.start:
        parts.append(f"on {event.date.start}" if event.date.precision == "day" else f"around {event.date.start}")
    toll = []
    if event.fatalities.best is not None:
        toll.append(f"{event.fatalities.best} killed")
    if event.injured.best is not None:
        toll.append(f"{event.injured.best} injured")
    sentence = " ".join(parts) + (f": {', '.join(toll)}" if toll else "")
    if event.perpetrator:
        sentence += f"; {'claimed by' if event.claimed else 'attributed to'} {event.perpetrator}"
    return sentence + "."


def confidence(event: Event, type_score: float) -> float:
    """A documented heuristic: how completely the text supports the record (0..1)."""
    score = 0.3 + min(type_score, 10) / 50
    score += 0.15 if event.evidence.get("date") else 0.0
    score += {"place": 0.15, "district": 0.12, "province": 0.08, "country": 0.03}.get(event.location.precision or "", 0)
    score += 0.1 if event.fatalities.known or event.injured.known else 0.0
    score += 0.1 if event.perpetrator else 0.0
    return round(min(score, 1.0), 2)
