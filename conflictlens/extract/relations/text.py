"""Relations between actors stated in report text: allegiance, alliance, rivalry and fighting, support,
splits, defections and part-of.

Works sentence by sentence on sentences naming two or more actors. As in `extract/attribution.py`, actor
mentions are masked (ACT0, ACT1, ...) so that the cue patterns of `data/relation_cues.json` see one
token per actor; each match yields a dated, sourced relation, typed after Jadoon where the cue allows.
Relations derived from event records (clashes, joint claims) are in `relations/events.py`.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations
from typing import Sequence

from conflictlens.extract.patterns import compile_pattern
from conflictlens.extract.dates.mentions import find_date_mentions, resolve_mention
from conflictlens.extract.relations.events import derived_relations, is_party_name, main_country
from conflictlens.extract.relations.lexicon import RelationCues, Rule, relation_cues
from conflictlens.extract.segment import split_sentences
from conflictlens.model.periods import leading_day
from conflictlens.model.protocols import ActorMention, ActorResolver
from conflictlens.model.records import DateInfo, Document, Event, Evidence
from conflictlens.model.relations import ActorRelation, ordered_pair, relation_id

_TOKEN = compile_pattern(r"ACT(\d+)")
_SUBJECT_ONLY = compile_pattern(r"(?:an? |the )?ACT\d+(?: [\w-]+){0,2}", re.IGNORECASE)  # "a ACT0 spokesman"
_DENIAL_WINDOW = 40  # characters before a match in which a denial word governs it
_HEDGE_WINDOW = 60
_EVENT_FIELDS = ("date",)  # the sentence holds the phrase the event was dated by
_SAYER_NOISE = compile_pattern(  # "but the monitors", "Security officials also"
    r"^(?:(?:but|and|while|whereas|however|meanwhile|also)\s+)+|(?:\s+(?:also|have|has|had|now|then))+$", re.IGNORECASE)


@dataclass(frozen=True)
class Masked:
    """A sentence with its actor mentions replaced by ACT<i>, and the way back to the original text."""

    text: str
    mentions: tuple[ActorMention, ...]
    origin: tuple[int, ...]  # masked index -> sentence-relative original index (one extra for the end)

    def original(self, index: int) -> int:
        return self.origin[min(max(index, 0), len(self.origin) - 1)]

    def restore(self, masked: str) -> str:
        return _TOKEN.sub(lambda t: self.mentions[int(t.group(1))].text, masked)


def mask(sentence: str, offset: int, mentions: Sequence[ActorMention]) -> Masked:
    parts: list[str] = []
    origin: list[int] = []
    kept: list[ActorMention] = []
    pos = 0
    for m in mentions:
        s, e = m.start - offset, m.end - offset
        if s < pos or e > len(sentence):
            continue
        if m.text.count("(") > m.text.count(")") and sentence[e:e + 1] == ")":
            e += 1  # "Islamic State Khorasan Province (ISKP" as the resolver may give it: take the ")" too
        parts.append(sentence[pos:s])
        origin.extend(range(pos, s))
        token = f"ACT{len(kept)}"
        parts.append(token)
        origin.extend([s] * (len(token) - 1) + [e - 1])
        kept.append(m)
        pos = e
    parts.append(sentence[pos:])
    origin.extend(range(pos, len(sentence) + 1))
    return Masked("".join(parts), tuple(kept), tuple(origin))


@dataclass(frozen=True)
class _Candidate:
    rule: Rule
    span: tuple[int, int]  # in the masked sentence
    source: ActorMention
    target: ActorMention


@dataclass(frozen=True)
class _Date:
    start: dt.date
    end: dt.date
    precision: str
    position: int  # sentence-relative
    role: str  # "start", "end" or "" (the date of the relation itself)
    relative: bool = False  # "the day before", "last year": read against the publication date


@dataclass(frozen=True)
class _Dating:
    start: str | None
    end: str | None
    precision: str | None
    basis: str  # text, event or document


class RelationExtractor:
    """Finds relations in documents. Holds no per-document state."""

    def __init__(self, actors: ActorResolver, cues: RelationCues | None = None) -> None:
        self.actors = actors
        self.cues = cues or relation_cues()

    def extract(self, doc: Document, events: Sequence[Event] = (), country: str | None = None, *,
                sentences: Sequence[tuple[int, int]] | None = None, known: Sequence[ActorMention] | None = None
                ) -> list[ActorRelation]:
        """Relations stated in the text of `doc`, then those its events imply (clashes, joint claims).

        `sentences` and `known` (the registry's mentions in the whole text at the events' country and the
        published day) are what the event extractor already found, passed in so a report is read once.
        """
        country = country or main_country(events)
        if known is None:
            known = self.actors.find_actors(doc.text, country, doc.published)
        mentions = [m for m in known if self._is_party(m)]
        found: dict[str, ActorRelation] = {}
        sentences = split_sentences(doc.text) if sentences is None else sentences
        dated = _dated_positions(events)
        for span, inside in _mentions_by_sentence(sentences, mentions):
            if len(inside) >= 2:
                for rel in self.in_sentence(doc, span, inside, _event_date(dated, span)):
                    found.setdefault(rel.id, rel)
        for rel in derived_relations(doc, events, sentences, mentions, self.is_party_name):
            found.setdefault(rel.id, rel)
        return list(found.values())

    def _is_party(self, m: ActorMention) -> bool:
        return not self.actors.is_unidentified(m.canonical) and m.actor_type not in self.cues.excluded_actor_types

    def is_party_name(self, name: str) -> bool:
        return is_party_name(self.actors, self.cues.excluded_actor_types, name)

    def in_sentence(self, doc: Document, span: tuple[int, int], mentions: Sequence[ActorMention],
                    event_date: DateInfo | None = None) -> list[ActorRelation]:
        """The relations one sentence states. Mentions are those inside it (absolute offsets).

        `event_date` is the date of the event the sentence tells, if any: the extractor resolved it
        against the events before it, so it beats the sentence's own relative phrases ("the day before").
        """
        sentence = doc.text[span[0]: span[1]]
        masked = mask(sentence, span[0], mentions)
        accepted = self._accepted(masked)
        if not accepted:
            return []
        dates = self._dates(sentence, doc.published)
        bounds = sorted({c.span for c in accepted})
        out = []
        for cand in accepted:
            pair = self._pair(cand, doc.published)
            if pair is None:
                continue
            dates_here = _dates_of(cand.span, bounds, masked, dates)
            dating = _date_fields(dates_here, cand.rule.ends, doc.published, event_date)
            out.append(self._relation(doc, span, masked, cand, pair, dating))
        return out

    # -- matching ---------------------------------------------------------------------------

    def _accepted(self, masked: Masked) -> list[_Candidate]:
        """Every rule's matches. Two readings of one verb (same pair, same end): the earlier rule wins."""
        accepted: list[_Candidate] = []
        readings = [(masked.text, 0, 0)] + self._elided(masked.text)
        for rule in self.cues.rules:
            if rule.trigger is not None and not rule.trigger.search(masked.text):
                continue
            for pattern in rule.patterns:
                for text, shift, floor in readings:
                    for m in pattern.regex.finditer(text):
                        span = (max(m.start() + shift, floor), m.end() + shift)
                        for cand in self._candidates(rule, m, span, masked, text, pattern.leads_with_slot):
                            if not any(_rival_readings(cand, a) for a in accepted):
                                accepted.append(cand)
        return accepted

    def _elided(self, text: str) -> list[tuple[str, int, int]]:
        """Clauses that go on without repeating the subject, with the subject put back:
        (reading, shift from reading to sentence offsets, where the clause starts)."""
        subject = self.cues.elided_subject.search(text)
        if subject is None:
            return []
        prefix = subject.group("subject") + " "
        out = []
        for c in self.cues.coordination.finditer(text, subject.end()):
            out.append((prefix + text[c.end():], c.end() - len(prefix), c.end()))
        return out

    def _candidates(self, rule: Rule, m: re.Match[str], span: tuple[int, int], masked: Masked, text: str,
                    leads: bool) -> list[_Candidate]:
        groups = m.groupdict()
        breaks = leads and bool(self.cues.subject_breakers.search(text[: m.start()]))
        mentions = masked.mentions
        if groups.get("ab"):
            if breaks:  # "fought ACT1 and ACT2 carried out ...": not one subject
                return []
            pairs = list(combinations(_members(groups["ab"]), 2))
        else:
            sources, targets = _members(groups["a"]), _members(groups["b"])
            if breaks and m.start("a") < m.start("b"):  # "fought ACT1 and ACT2 pledged ...": ACT2 alone
                sources = sources[-1:]
            elif breaks:
                targets = targets[-1:]
            pairs = [(s, t) for s in sources for t in targets]
        return [_Candidate(rule, span, mentions[s], mentions[t]) for s, t in pairs if s != t]

    def _pair(self, cand: _Candidate, published: str | None) -> tuple[ActorMention, ActorMention] | None:
        """The two actors, with a branch read as its parent where the cue speaks of the parent."""
        source, target = cand.source, cand.target
        if cand.rule.target_is_parent or source.canonical == target.canonical:
            target = self._undeclined(target, published)
        if source.canonical == target.canonical:
            source = self._undeclined(source, published)
        if source.canonical == target.canonical:
            return None
        return source, target

    def _undeclined(self, m: ActorMention, published: str | None) -> ActorMention:
        """A mention that the resolver read as a regional branch ("context"), resolved without a country."""
        if m.method != "context":
            return m
        found = self.actors.resolve(m.text, None, published)
        return found if found is not None and self._is_party(found) else m

    # -- the relation -----------------------------------------------------------------------

    def _relation(self, doc: Document, span: tuple[int, int], masked: Masked, cand: _Candidate,
                  pair: tuple[ActorMention, ActorMention], dating: _Dating) -> ActorRelation:
        rule = cand.rule
        source, target = ordered_pair(rule.kind, pair[0].canonical, pair[1].canonical)
        score = min(pair[0].score, pair[1].score) * rule.weight
        stance = rule.stance or self._stance(masked.text, cand.span)
        evidence = Evidence(doc.id, span[0], span[1], doc.text[span[0]: span[1]])
        return ActorRelation(
            id=relation_id(rule.kind, source, target, rule.support, doc.id, None, span),
            kind=rule.kind, source=source, target=target, stance=stance, dimension=rule.dimension,
            support=rule.support, start=dating.start, end=dating.end, precision=dating.precision,
            date_basis=dating.basis, by=self._sayer(masked, cand.span, doc), said_on=doc.published, document_id=doc.id,
            evidence=evidence, origin="text", cue=rule.id,
            confidence=round(score * (0.9 if stance == "alleged" else 1.0), 2),
        )

    def _stance(self, text: str, span: tuple[int, int]) -> str:
        start, end = span
        cues, rest = self.cues, text[end:]
        if cues.denials.search(text, max(0, start - _DENIAL_WINDOW), end) or cues.denial_after.search(rest):
            return "denied"
        if cues.hedges.search(text, max(0, start - _HEDGE_WINDOW), end) or cues.hedge_after.search(rest):
            return "alleged"
        return "asserted"

    def _sayer(self, masked: Masked, span: tuple[int, int], doc: Document) -> str:
        """Who makes the statement: "according to X", "X said", "..., but X said", "in a report by X".

        The nearest speaker before the statement, else the first after it. A speaker inside the
        statement itself can only be its subject ("ACT0 denied any links ...").
        """
        before, after = [], []
        for pattern in self.cues.sayers:
            for found in pattern.finditer(masked.text):
                s, e = found.span("sayer")
                if s < span[1] and span[0] < e and not _SUBJECT_ONLY.fullmatch(found.group("sayer")):
                    continue
                sayer = _SAYER_NOISE.sub("", masked.restore(found.group("sayer")).strip(" ,"))
                if sayer and not sayer.lower().startswith(("it ", "they ", "which ", "who ")):
                    (before if s <= span[0] else after).append((s, sayer))
        if before:
            return max(before)[1]
        return min(after)[1] if after else (doc.outlet or "the report")

    def _dates(self, sentence: str, published: str | None) -> list[_Date]:
        """Dates in the sentence, each with its role: since/from -> start, until/before -> end."""
        published_on = leading_day(published)
        found: list[_Date] = []
        for m in find_date_mentions(sentence):
            resolved = resolve_mention(m, published_on, None)
            if resolved is not None:
                found.append(_Date(resolved.start, resolved.end, resolved.precision, m.start,
                                   self._role(sentence, m.start), m.kind == "relative"))
        taken = [(d.position, d.position + 4) for d in found]
        for m in self.cues.bare_year.finditer(sentence):
            at = m.start("year")
            if not any(s <= at < e + 12 for s, e in taken):
                year = int(m.group("year"))
                found.append(_Date(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", at, self._role(sentence, at)))
        return sorted(found, key=lambda d: d.position)

    def _role(self, sentence: str, at: int) -> str:
        before = sentence[max(0, at - 50): at]
        if self.cues.date_range_end.search(before) or self.cues.date_end.search(before):
            return "end"
        return "start" if self.cues.date_start.search(before) else ""


def _mentions_by_sentence(sentences: Sequence[tuple[int, int]], mentions: Sequence[ActorMention]
                          ) -> Iterator[tuple[tuple[int, int], list[ActorMention]]]:
    """Each sentence with the mentions wholly inside it, in their given order. Found by bisection:
    a long report holds thousands of sentences and mentions, and testing every pair took minutes."""
    order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
    starts = [mentions[i].start for i in order]
    for span in sentences:
        lo, hi = bisect_left(starts, span[0]), bisect_left(starts, span[1])
        yield span, [mentions[i] for i in sorted(i for i in order[lo:hi] if mentions[i].end <= span[1])]


def _members(group: str | None) -> list[int]:
    return [int(i) for i in _TOKEN.findall(group or "")]


def _rival_readings(a: _Candidate, b: _Candidate) -> bool:
    """Two readings of the same words about the same pair (same end), e.g. "former ACT0 commanders
    joined ACT1" as defection and as part-of. Kinds of support listed together are no rivals
    ("weapons and funds from ACT1")."""
    if {a.source.canonical, a.target.canonical} != {b.source.canonical, b.target.canonical} or a.span[1] != b.span[1]:
        return False
    return not (a.rule.kind == b.rule.kind == "support" and a.rule.support != b.rule.support
                and a.rule.support and b.rule.support)


def _dates_of(span: tuple[int, int], bounds: list[tuple[int, int]], masked: Masked,
              dates: list[_Date]) -> tuple[list[_Date], list[_Date]]:
    """The dates that may belong to one match: (those from its start to the next match's start,
    those between the match before it and its start), in sentence-relative original offsets."""
    after = min((s for s, _e in bounds if s > span[0]), default=None)
    first = not any(e <= span[0] for _s, e in bounds)  # dates before a later match belong to the one before it
    start = masked.original(span[0])
    stop = masked.original(after) if after is not None else masked.origin[-1] + 1
    return ([d for d in dates if start <= d.position < stop],
            [d for d in dates if d.position < start] if first else [])


def _dating(dates: tuple[list[_Date], list[_Date]], ends: bool) -> tuple[_Date | None, _Date | None]:
    """(start, end): "since"/"until" dates by role, a plain date as the start (the end for a cue of
    ending); dates after the cue first, then those before it ("In 2015, ACT0 pledged ...")."""
    inside, before = dates
    ordered = inside + before[::-1]
    start = next((d for d in ordered if d.role == "start"), None)
    end = next((d for d in ordered if d.role == "end"), None)
    plain = next((d for d in ordered if not d.role), None)
    if plain is not None:
        if ends and end is None:
            end = plain
        elif not ends and start is None:
            start = plain
    return start, end


def _date_fields(dates: tuple[list[_Date], list[_Date]], ends: bool, published: str | None,
                 event_date: DateInfo | None) -> _Dating:
    """Dates the text states; else the date of the event the sentence tells; else the document's date."""
    if event_date is not None and event_date.start:
        dates = ([d for d in dates[0] if not d.relative], [d for d in dates[1] if not d.relative])
    start, end = _dating(dates, ends)
    if start or end:
        return _Dating(start.start.isoformat() if start else None, end.end.isoformat() if end else None,
                       (start or end).precision, "text")
    if event_date is not None and event_date.start:
        return _Dating(event_date.start, event_date.end if ends else None, event_date.precision, "event")
    if ends:
        return _Dating(None, published, "day" if published else None, "document")
    return _Dating(published, None, "day" if published else None, "document")


def _dated_positions(events: Sequence[Event]) -> tuple[list[int], list[DateInfo]]:
    """Where each event's evidence for `_EVENT_FIELDS` starts, in text order, with the event's date:
    found once per report, so each sentence looks up its events by bisection (a bulletin has thousands)."""
    pairs = sorted(((ev.start, e.date) for e in events for f in _EVENT_FIELDS for ev in e.evidence.get(f, ())),
                   key=lambda pair: pair[0])
    return [start for start, _date in pairs], [date for _start, date in pairs]


def _event_date(dated: tuple[list[int], list[DateInfo]], span: tuple[int, int]) -> DateInfo | None:
    """The date of the event this sentence tells (it holds the event's trigger or date phrase), if
    exactly one event's."""
    starts, dates = dated
    inside = dates[bisect_left(starts, span[0]): bisect_left(starts, span[1])]
    found = {(d.start, d.end, d.precision): d for d in inside}
    return next(iter(found.values())) if len(found) == 1 else None
