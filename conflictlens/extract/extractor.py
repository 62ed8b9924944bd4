"""The extractor: from one report to one event record per incident it describes.

spaCy supplies named entities (organisations not in the actor registry); our own components supply
the rest: sentence and incident segmentation, typing, the date resolver, casualty parser and claim
and attribution cues. Places and actors come from a geocoder and an actor resolver that the
pipeline injects (see `model/protocols.py`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Iterable, Iterator

from conflictlens.extract import attribution as attr, lead_doer
from conflictlens.extract.build import build_event
from conflictlens.extract.chunks import char_batches, chunk_spans, document_batches, shift_date, shift_event
from conflictlens.extract.learned.model import LinearModel
from conflictlens.extract.learned.relevance import RelevanceGate
from conflictlens.extract.dates.background import event_dates
from conflictlens.extract.dates.mentions import (DateMention, ResolvedDate, filing_day, incident_days, next_anchor,
                                                 past_telling, stated_date)
from conflictlens.extract.lexicon import actor_mention_cues
from conflictlens.extract.nlp import MODEL, load_nlp
from conflictlens.extract.orphans import carry_statements
from conflictlens.extract.patterns import compile_pattern
from conflictlens.extract.places import (admin_names, main_country, not_persons, province_of, seats_an_office,
                                         with_local_towns)
from conflictlens.extract.referents import with_referents
from conflictlens.extract.relations.events import main_country as events_country
from conflictlens.extract.relations.text import RelationExtractor
from conflictlens.extract.state_strikes import with_strike_mentions
from conflictlens.extract.segment import Incident, group_incidents, prefilter, sentence_info, split_sentences
from conflictlens.extract.wire.truecase import is_common_word, needs_truecasing, shouted_spans, truecase
from conflictlens.extract.wire.furniture import (caption_spans, find_dateline, furniture_spans, inside, is_messenger,
                                                 outside_captions, without_captions, without_repeats)
from conflictlens.extract.wire.unwrap import unwrap
from conflictlens.model.periods import leading_day
from conflictlens.model.protocols import ActorMention, ActorResolver, Geocoder, PlaceMention
from conflictlens.model.records import Document, Event
from conflictlens.model.relations import ActorRelation

EXTRACTOR_VERSION = "0.3.1"
# A report longer than this is read a section at a time (cut at paragraph or sentence breaks), so
# memory and the per-section rules stay bounded whatever its length.
SECTION_CHARS = 50_000
# spaCy tags at most NER_PIECE_CHARS at once, and at most NER_BATCH_CHARS per batch: its memory grows
# with the characters of a batch (about 3 MB per 1,000), not with the number of texts.
NER_PIECE_CHARS = 10_000
NER_BATCH_CHARS = 40_000
# extract_many reads ahead at most this many characters (or `batch_size` documents): no folder is held whole.
READ_AHEAD_CHARS = 1_000_000
_NER_LABELS = ("ORG", "NORP", "PERSON")
_SUPPORT_CUE = ("killed", "dead", "died", "wounded", "injur", "martyred", "martyrdom", "casualt", "responsib", "claimed",
                "denied", "involvement", "blamed", "attributed", "suspect", "fell on", "hallmark", "accused", "finger at")


@dataclass(frozen=True)
class Opening:
    """What the opening of a report says for all of it."""

    published: dt.date | None  # the day weekdays and "this month" count from
    era: dt.date | None  # the day that decides what a dated actor name ("Afghan forces") meant
    body_start: int  # where the text starts after a dateline such as "KABUL, May 9 (Reuters) -"


@dataclass(frozen=True)
class DocContext:
    """Everything found once per document and shared by its incidents."""

    doc: Document
    sentences: list[tuple[int, int]]
    places: list[PlaceMention]
    actors: list[ActorMention]
    published: dt.date | None
    body_start: int  # where the text starts after a dateline such as "KABUL, May 9 (Reuters) -"
    dates: list[DateMention]  # found once: every incident is dated from them
    # Names the tagger found that name no perpetrator, kept as candidates for review: nationality words
    # the registry does not know ("Salvadoran troops"), and any name in a paragraph whose case was
    # guessed (ALL-CAPS wire copy: "MACHINEGUN", "XXII FRONT" are names only by the truecaser's guess).
    not_perpetrators: frozenset[tuple[int, int]]
    # The registry's mentions in the whole text (`known`) and the (country, day) they were found at:
    # the relations of the report reuse them when they look at the same country and day.
    known_at: tuple[str | None, str | None]
    known: list[ActorMention]


class Extractor:
    """Turns documents into events. Thread-compatible: holds no per-document state."""

    version = EXTRACTOR_VERSION

    def __init__(self, geocoder: Geocoder | None = None, actors: ActorResolver | None = None, *,
                 model: str = MODEL, use_ner: bool = True, date_order: str = "MDY",
                 typing: LinearModel | None = None, relevance: RelevanceGate | None = None) -> None:
        self.geocoder = geocoder
        self.typing = typing  # a user's learned typing model beside the rules (extract/learned/)
        self.relevance = relevance  # a user's learned relevance gate: drops the acts of reports that tell none
        self.actors = actors
        self.use_ner = use_ner
        self.date_order = date_order
        self.nlp = load_nlp(model) if use_ner else None

    def extract(self, doc: Document) -> list[Event]:
        return next(self.extract_many([doc]))[1]

    def extract_many(self, docs: Iterable[Document], batch_size: int = 64, relations: bool = False) -> Iterator[tuple]:
        """Stream (document, events) pairs in input order; texts without any trigger skip the NLP.

        With `relations`, (document, events, relations) triples from the same pass: the relations
        between actors the report states and its events imply, reusing the sentences and actor
        mentions the events were found with (None without an actor resolver: nothing was looked for).
        """
        for batch in document_batches(docs, batch_size, READ_AHEAD_CHARS):
            cased = [self._working_copy(d) for d in batch]
            wanted = [d for d in cased if len(d.text) <= SECTION_CHARS and prefilter(d.text)]
            orgs = dict(zip((d.id for d in wanted), self._ner_orgs([d.text for d in wanted])))
            read = [self._read(original, d, orgs) for original, d in zip(batch, cased)]
            if self.relevance is not None:  # the batch's reports through the gate at once (an encoder batches)
                gated = self.relevance.gated_many([d.text for d in batch], [events for events, _ctx in read])
                read = [(events, ctx) for events, (_old, ctx) in zip(gated, read)]
            for original, d, (events, ctx) in zip(batch, cased, read):
                if d is not original:
                    events, ctx = _quote_original(events, original.text), None  # its context read the copy
                yield (original, events, self._relations(original, events, ctx)) if relations else (original, events)

    def _read(self, original: Document, d: Document, orgs: dict) -> tuple[list[Event], DocContext | None]:
        """The events of one report (`d`, its working copy) and the context they were read in, if any."""
        if len(d.text) > SECTION_CHARS:
            return self._long_events(d), None
        if d.id not in orgs:
            return [], None
        guessed = shouted_spans(original.text) if d is not original else []
        found, _anchor, ctx = self._events(d, orgs[d.id], guessed=guessed)
        return [e for e, _span in found], ctx

    @cached_property
    def relation_finder(self) -> RelationExtractor | None:
        return RelationExtractor(self.actors) if self.actors is not None else None

    def _relations(self, doc: Document, events: list[Event], ctx: DocContext | None) -> list[ActorRelation] | None:
        """The report's relations. Without a context of the report as written (a long report's sections
        have contexts of their own, a truecased report's is of its copy), it is read whole."""
        finder = self.relation_finder
        if finder is None:
            return None
        if ctx is None:
            return finder.extract(doc, events)
        reuse = ctx.known_at == (events_country(events), doc.published)
        return finder.extract(doc, events, sentences=ctx.sentences, known=ctx.known if reuse else None)

    def _working_copy(self, doc: Document) -> Document:
        """The copy of the report that is read (same length, so every span holds): hard-wrapped lines
        joined into their paragraphs, then ALL-CAPS text truecased."""
        unwrapped = unwrap(doc.text)
        return self._truecased(doc if unwrapped == doc.text else replace(doc, text=unwrapped))

    def _truecased(self, doc: Document) -> Document:
        """The report with its ALL-CAPS paragraphs in their likely case (same length, so every span
        holds), or the report itself. Registry actors and gazetteer places found in it say how their
        names are written: FMLN stays upper, SHINING PATH becomes Shining Path."""
        if not prefilter(doc.text) or not needs_truecasing(doc.text):
            return doc
        names: list[tuple[int, int, str | None]] = []
        if self.actors is not None:  # an acronym (matched in its case) is written as it is: FUSEP, not Fusep
            names += [(m.start, m.end, m.text if m.method == "acronym" else m.canonical)
                      for m in self.actors.find_actors(doc.text)
                      if not self.actors.is_generic(m.canonical) and not self.actors.is_unidentified(m.canonical)
                      and not is_common_word(m.text)]
        if self.geocoder is not None:
            names += [(p.start, p.end, p.candidates[0].name if p.candidates else None)
                      for p in self.geocoder.find_places(doc.text) if not is_common_word(p.text)]
        return replace(doc, text=truecase(doc.text, names))

    def _ner_orgs(self, texts: list[str], near_triggers: bool = False) -> list[list[tuple[int, int, str, str]]]:
        """Named entities of each text, tagged in pieces cut at paragraph or sentence breaks (offsets
        in the whole text), in batches of bounded size."""
        found: list[list[tuple[int, int, str, str]]] = [[] for _ in texts]
        if self.nlp is None:
            return found
        pieces = [(i, lo, text[lo:hi]) for i, text in enumerate(texts) for lo, hi in _ner_spans(text, near_triggers)]
        for group in char_batches(pieces, NER_BATCH_CHARS):
            for (i, lo, _text), sdoc in zip(group, self.nlp.pipe([p[2] for p in group], batch_size=len(group))):
                found[i] += [(e.start_char + lo, e.end_char + lo, e.text, e.label_)
                             for e in sdoc.ents if e.label_ in _NER_LABELS]
        return found

    def _long_events(self, doc: Document) -> list[Event]:
        """A long report a section at a time: each is read like a report of its own, under the opening
        of the whole (its publication day, its dateline), and dates go on counting from the event
        before. Sections without a trigger word skip the NLP, and in the others spaCy tags only the
        pieces near a trigger word (`_ner_spans`)."""
        opening = self._opening(doc)
        events: list[Event] = []
        anchor: ResolvedDate | None = None
        for lo, hi in chunk_spans(doc.text, SECTION_CHARS):
            section = replace(doc, text=doc.text[lo:hi], title=doc.title if lo == 0 else None)  # told once
            if not prefilter(section.text):
                continue
            orgs = self._ner_orgs([section.text], near_triggers=True)[0]
            # The anchor travels between sections counted in the whole report; inside one, it is
            # counted from the section's start (negative when told in an earlier section).
            found, local, _ctx = self._events(section, orgs, opening if lo == 0 else replace(opening, body_start=0),
                                              shift_date(anchor, -lo))
            anchor = shift_date(local, lo)
            events += [shift_event(event, lo, span, doc.text) for event, span in found]
        return events

    def _events(self, doc: Document, orgs: list[tuple[int, int, str, str]], opening: Opening | None = None,
                anchor: ResolvedDate | None = None, guessed: list[tuple[int, int]] | None = None
                ) -> tuple[list[tuple[Event, tuple[int, int]]], ResolvedDate | None, DocContext]:
        """Each incident's event with the incident's span, the date the next one counts from, and the
        report's context. `guessed`: the paragraphs whose case the truecaser guessed."""
        ctx = self._context(doc, orgs, opening or self._opening(doc), guessed or [])
        labels = {(s, e): label for s, e, _t, label in orgs}
        found: list[tuple[Event, tuple[int, int]]] = []
        dropped: list[Incident] = []  # incidents that told no event since the last one that did
        last = None  # (incident, anchor, lead) of the last event built
        for incident in self._incidents(ctx):
            if not found:  # "X claimed an attack on a village. Residents said ...": the claim speaks of the act
                carry_statements(ctx.doc.text, ctx.actors, dropped, incident)
            event, resolved = self._build(ctx, incident, anchor, not found)
            if event is None:
                dropped.append(incident)
                continue
            _keep_candidates(event, ctx, incident.span, labels)
            found.append((event, incident.span))
            last, dropped, anchor = (incident, anchor, len(found) == 1), [], next_anchor(resolved, anchor)
        if last and dropped and not found[-1][0].perpetrator and carry_statements(ctx.doc.text, ctx.actors,
                                                                                  dropped, last[0]):
            event = self._build(ctx, *last)[0]  # a claim told after the last act, set apart from it
            _keep_candidates(event, ctx, last[0].span, labels)
            found[-1] = (event, last[0].span)
        return lead_doer.settled(found, ctx.doc.text), anchor, ctx

    def _build(self, ctx: DocContext, incident: Incident, anchor: ResolvedDate | None, lead: bool) -> tuple:
        return build_event(ctx, incident, anchor, self.geocoder, self.date_order, self.actors, self.typing, lead=lead)

    def _opening(self, doc: Document) -> Opening:
        text = doc.text
        dateline = find_dateline(text)
        # Without a publication date, the dateline's date is the day weekdays and "this month" count
        # from, and the day that decides what a dated actor name ("Afghan forces") meant; with one, a
        # dateline's day of the days before it ("KABUL, June 6 (Reuters) -" on a page of June 8) is, captions aside.
        published = leading_day(doc.published)
        published = (filing_day(without_captions(text[: dateline.end]), published, self.date_order) or published
                     or dateline.date or stated_date(text[: dateline.end], self.date_order)) if dateline else published
        # Failing both, the first full date of the opening says which era the actor names belong to.
        era = published or stated_date(text[:200], self.date_order)
        return Opening(published, era, dateline.end if dateline else 0)

    def _context(self, doc: Document, orgs: list[tuple[int, int, str, str]], opening: Opening,
                 guessed: list[tuple[int, int]]) -> DocContext:
        text = doc.text
        persons = [(s, e) for s, e, _t, label in orgs if label == "PERSON"]
        # The messengers (agency, byline, credits) are no actors and no places of the story.
        messengers = furniture_spans(text)
        # The dateline's place in capitals ("KABUL, Nov 2 (Reuters) -") is no organisation either.
        not_orgs = messengers + [(0, opening.body_start)]
        # Nor is a name the tagger ran across the dateline's dash ("SANAA - Air" of "SANAA - Air strikes").
        orgs = [o for o in orgs if not inside(not_orgs, o[0], o[1]) and not is_messenger(o[2])
                and not o[0] < opening.body_start < o[1]]
        # A place name inside a person's name ("spokesman Attaullah Khogyani") is no place.
        places = [p for p in not_persons(self.geocoder.find_places(text) if self.geocoder else [], persons, text)
                  if not inside(messengers, p.start, p.end)]
        labelled = orgs
        orgs = [(s, e, t) for s, e, t, label in orgs if label != "PERSON"]
        as_of = opening.era.isoformat() if opening.era else None
        places, country, known = self._places_and_actors(text, places, as_of)
        if self.geocoder is not None:  # small towns, once the report's country is known; none in an actor's name
            places = with_local_towns(text, places, country, self.geocoder, messengers + [(m.start, m.end) for m in known], persons)
        known = with_strike_mentions(text, known, self.actors, as_of)  # "an Israeli airstrike": Israel's forces
        identified = {m for m in known if not self.actors.is_unidentified(m.canonical)}  # "gunmen" name nobody
        known_set = set(known)  # sets: a long report's section holds a thousand mentions
        # A name the tagger took for an organisation that the gazetteer knows is a place ("the Laghman attack").
        place_spans = {(p.start, p.end) for p in places}
        not_perpetrators = frozenset((s, e) for s, e, _t, label in labelled if label == "NORP" or inside(guessed, s, e))
        actors = [m for m in _merge_unknown_orgs(known, orgs, self.actors, country, as_of)
                  if (m in identified or (m not in known_set and (m.start, m.end) not in place_spans))
                  and not _names_nobody(text, m) and not inside(messengers, m.start, m.end)]
        actors = with_referents(text, actors, not_perpetrators)  # "the group", a spokesman quoted by name
        captions = caption_spans(text)  # a photo caption tells no part of the story
        sentences = without_repeats(text, outside_captions(text, split_sentences(text), captions))
        return DocContext(doc, sentences, places, actors, opening.published, opening.body_start,
                          event_dates(text, sentences, captions), not_perpetrators, (country, as_of), known)

    def _places_and_actors(self, text: str, places: list[PlaceMention], as_of: str | None
                           ) -> tuple[list[PlaceMention], str | None, list[ActorMention]]:
        """The report's places, main country and registry actors. A place name inside an actor's name
        ("the Islamic State in Khorasan", "Balochistan Liberation Army") says who, not where: it is no
        place of the event. The groups a report names vote for its country beside its places: a
        Salvadoran speech that names the FMLN and "the U.S. Congress" is Salvadoran, so its "armed
        forces" are El Salvador's. Actors are found again only when the country moved."""
        if not self.actors:
            return places, main_country(places), []
        named = self.actors.find_actors(text, None, as_of)
        homes = [c for c in map(self.actors.home_country, (m.canonical for m in named)) if c]
        country = main_country(places, homes)
        known = self.actors.find_actors(text, country, as_of) if country else named
        spans = [(m.start, m.end) for m in known if not self.actors.is_unidentified(m.canonical)]
        kept = [p for p in places if not any(s <= p.start and p.end <= e for s, e in spans)]
        if len(kept) != len(places) and (moved := main_country(kept, homes)) != country:
            country, known = moved, self.actors.find_actors(text, moved, as_of)
        return kept, country, known

    def _incidents(self, ctx: DocContext) -> list[Incident]:
        text, dates = ctx.doc.text, ctx.dates
        # The dateline's place says where the report was filed: it places no incident of the story.
        # Nor does the seat of an office ("the Jalalabad police chief"): the sentence telling where it happened does.
        told = [p for p in ctx.places if p.start >= ctx.body_start and not seats_an_office(text, p)]
        infos = []
        for span in ctx.sentences:
            sentence = text[span[0]: span[1]]
            here = [p for p in told if span[0] <= p.start < span[1]]
            places = frozenset(admin_names(p, ctx.known_at[0]) for p in here)
            # The dateline's date is the day of filing, no day of an incident (nor those `incident_days` leaves out).
            dated, day_mentions, named = incident_days(text, dates, max(span[0], ctx.body_start), span[1],
                                                       ctx.published, self.date_order)
            lowered = sentence.lower()
            support = any(c in lowered for c in _SUPPORT_CUE) or attr.tells_more_of_who(sentence)
            within = frozenset(province_of(p, ctx.known_at[0]) for p in here)
            opens_in = frozenset(admin_names(p, ctx.known_at[0]) for p in here if _OPENS_IN.fullmatch(text, span[0], p.start))
            infos.append(sentence_info(text, span, places - {""}, day_mentions, support, within - {""},
                                       frozenset(m.text.lower() for m in dated), opens_in - {""}, named,
                                       *past_telling(dated, day_mentions, ctx.published, self.date_order)))
        return group_incidents(infos)


# What opens a sentence on a place: "In Nganzai, ...", "Meanwhile in Dikwa, ...", "At Dalori, ..."
_OPENS_IN = compile_pattern(r"(?:(?:Meanwhile|Elsewhere|Separately),?\s+)?(?:In|At|in|at)\s+(?:the\s+)?")


def _quote_original(events: list[Event], text: str) -> list[Event]:
    """Evidence quotes the report as written: spans found in its truecased copy are read again
    from the original text (the offsets are the same)."""
    for event in events:
        event.evidence = {name: [replace(ev, text=text[ev.start: ev.end]) for ev in spans]
                          for name, spans in event.evidence.items()}
    return events


def _ner_spans(text: str, near_triggers: bool) -> list[tuple[int, int]]:
    """The pieces of `text` spaCy tags: all, or only those holding a trigger word and the piece after
    each. Names matter only inside incidents, which are told from their trigger on; in a long report
    of mostly other matter (a transcript, a bulletin) tagging the rest is most of the time spent."""
    spans = chunk_spans(text, NER_PIECE_CHARS)
    if not near_triggers:
        return spans
    hits = {i for i, (lo, hi) in enumerate(spans) if prefilter(text[lo:hi])}
    return [span for i, span in enumerate(spans) if i in hits or i - 1 in hits]


def _merge_unknown_orgs(known: list[ActorMention], orgs: list[tuple[int, int, str]],
                        resolver: ActorResolver | None, country: str | None,
                        date: str | None) -> list[ActorMention]:
    """Add NER organisations the registry does not know as candidate actors (flagged by method 'ner')."""
    merged = list(known)
    for start, end, name in orgs:
        if any(m.start < end and start < m.end for m in known):
            continue
        resolved = resolver.resolve(name, country, date) if resolver else None
        if resolved is not None and resolver.is_unidentified(resolved.canonical):
            continue
        if resolved is not None:
            merged.append(ActorMention(start, end, name, resolved.canonical, resolved.actor_type,
                                       resolved.score, resolved.method))
        else:
            merged.append(ActorMention(start, end, name, _clean_org(name), None, 0.5, "ner"))
    return sorted(merged, key=lambda m: m.start)


_DATELINE_DASH = compile_pattern(r"\s[-–—]+\s")


def _names_nobody(text: str, mention: ActorMention) -> bool:
    """A mention that names no actor: a NER name made only of generic words ("jihadists", "the jihadist
    group": unidentified), or a disguise ("gunmen disguised as police")."""
    cues = actor_mention_cues()
    # A dateline glued to the name ("KANO - Bandits") is no part of it.
    named = _DATELINE_DASH.split(mention.text)[-1]
    if mention.method == "ner" and set(re.findall(r"[\w-]+", named.lower())) <= cues.generic_words:
        return True
    return bool(cues.disguise_before.search(text, max(0, mention.start - 60), mention.start))


def _keep_candidates(event: Event, ctx: DocContext, span: tuple[int, int],
                     labels: dict[tuple[int, int], str]) -> None:
    """Organisations of the incident that the actor registry does not know, kept for review
    (stored by the store as candidate actors) rather than dropped."""
    found = [{"name": m.canonical, "start": m.start, "end": m.end, "label": labels.get((m.start, m.end))}
             for m in ctx.actors if m.method == "ner" and span[0] <= m.start < span[1]]
    if found:
        event.extra["actor_candidates"] = found


def _clean_org(name: str) -> str:
    return name[4:] if name.lower().startswith("the ") else name

