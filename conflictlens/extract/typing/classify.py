"""Event typing: the ACLED event and sub-event type, from the cue lexicon in data/event_cues.json.

Scoring follows ACLED's codebook in three steps, all driven by the data file:
1. every sub-event type sums the weights of its cues that match (a cue may count only in, or only
   outside, a named context such as "a demonstration is described");
2. territory changes are typed by who took the place (extract/typing/territory.py);
3. rules resolve the usual confusions (an explosive names the method of an "attack"; violence
   against armed forces is a clash, not an attack on civilians), and families of sub-types that
   ACLED tells apart by circumstance (the demonstration types) are scored together and then told
   apart by an ordered list of contexts.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from conflictlens.extract.anchor_finder import AnchorFinder
from conflictlens.extract.lexicon import EventCues, Family, TypingRule, event_cues
from conflictlens.extract.patterns import compile_pattern, found_in, may_match, search_span
from conflictlens.extract.typing.territory import find_captures
from conflictlens.extract.typing.unreal import told_as_fact
from conflictlens.model.vocab import vocabularies

Scores = dict[str, tuple[float, tuple[int, int] | None]]
# Below this total no sub-event type is claimed: the text is not an event.
MIN_SCORE = 2.0
_FRAGMENT_WORDS = 6
_SENTENCE_END = compile_pattern(r"[.!?](?=\s+[\"'“‘(]?[A-Z0-9]|\s*$)")


@dataclass(frozen=True)
class Typing:
    sub_event_type: str
    score: float
    span: tuple[int, int] | None  # strongest cue, absolute offsets


def score_sub_event_types(text: str) -> Scores:
    """Total cue weight per ACLED sub-event type, with the span of its strongest cue (before rules)."""
    cues = event_cues()
    return _cue_scores(text, cues, _Contexts(text, cues))


def classify_sub_event(text: str, offset: int = 0, setting: str = "") -> Typing | None:
    """The best-scoring ACLED sub-event type, after the rules and families of the cue lexicon.

    `setting`: text around the incident that says what the report is about (its opening sentence),
    read by the event-or-not gate only: "An earthquake struck ..." before "60 people were killed"."""
    cues = event_cues()
    present = _Contexts(text, cues)
    raw = _cue_scores(text, cues, present)
    scores = {k: v[0] for k, v in raw.items()}
    if not scores:
        return None
    for rule in cues.rules:
        _apply_rule(rule, scores, present)
    report = f"{setting}\n{text}" if setting else text
    lowered = report.lower() if setting else present.lowered  # the text's, lowered once already
    _set_aside_non_events(report, lowered, _first_sentence(report), scores, cues)
    if not scores:
        return None
    best, score, span = _pick(scores, raw, cues, present)
    if score < MIN_SCORE:
        return None
    return Typing(best, score, (span[0] + offset, span[1] + offset) if span else None)


def _set_aside_non_events(text: str, lowered: str, opening: str, scores: dict[str, float],
                          cues: EventCues) -> None:
    """The event-or-not gate: a disaster, accident, crime, diplomatic step or commemoration told with
    the words of violence is no political-violence event (see 'not_events' in event_cues.json).
    `lowered`: `text.lower()`; `opening`: the report's opening sentence, where some contexts count only
    (a claim that leads)."""
    gate = cues.not_events
    found = [rule for rule in gate.rules if rule.in_context(text, lowered, opening)]
    if not found:
        return
    # A guard counts only where it is told as having happened: "a ceasefire would allow the burial of
    # those who have been killed" gives no toll, "threatened to bomb" no bombing.
    told = told_as_fact(text)
    if all(rule.guarded(told) for rule in found):
        return
    for event_type in gate.types:
        for sub in vocabularies().acled[event_type]:
            scores.pop(sub, None)


def _first_sentence(text: str) -> str:
    """Up to the first full stop that a capital, a quote or the end follows (no NLP: the typing
    reads plain text); an abbreviation may end it early, which only narrows what it looks at. A
    fragment of a few words (a dateline, "Thursday 15th January, 2015.") goes with the next sentence."""
    for found in _SENTENCE_END.finditer(text):
        if len(text[: found.start()].split()) >= _FRAGMENT_WORDS:
            return text[: found.start() + 1]
    return text


class _Contexts:
    """The contexts of the lexicon a text shows, each searched when first asked for: a text's cues
    and rules ask for a few of them, and searching all cost a tenth of the typing."""

    __slots__ = ("text", "lowered", "cues", "seen")

    def __init__(self, text: str, cues: EventCues) -> None:
        self.text, self.lowered, self.cues = text, text.lower(), cues
        self.seen: dict[str, bool] = {}

    def get(self, name: str, default: bool = False) -> bool:
        found = self.seen.get(name)
        if found is None:
            pattern = self.cues.contexts.get(name)
            if pattern is None:
                return default
            found = self.seen[name] = (may_match(self.cues.context_anchors.get(name), self.lowered)
                                       and found_in(pattern, self.text, lowered=self.lowered))
        return found


def _cue_scores(text: str, cues: EventCues, present: _Contexts) -> Scores:
    scores: Scores = {}
    lowered = present.lowered
    held = _cue_anchors().present(lowered)  # `cue.may_match` for every cue at once
    for sub, entries in cues.sub_event_cues.items():
        total, best_w, best_span = 0.0, 0.0, None
        for cue in entries:
            anchors = cue.anchors
            if anchors is not None and held.isdisjoint(anchors):
                continue
            if cue.context is not None and present.get(cue.context, False) == cue.negated:
                continue
            span = search_span(cue.pattern, text, lowered=lowered)
            if span:
                total += cue.weight
                if cue.weight > best_w:
                    best_w, best_span = cue.weight, span
        if total > 0:
            scores[sub] = (total, best_span)
    non_violent = present.get("non_violent_transfer", False)
    for capture in find_captures(text, cues.territory, non_violent):
        total, span = scores.get(capture.sub_event_type, (0.0, None))
        scores[capture.sub_event_type] = (total + capture.weight, span or capture.span)
    return scores


@lru_cache(maxsize=1)
def _cue_anchors() -> AnchorFinder:
    """Every anchor of the lexicon's sub-event cues, found in a text in one pass (836 of them)."""
    cues = event_cues().sub_event_cues
    return AnchorFinder(a for entries in cues.values() for cue in entries for a in cue.anchors or ())


def _apply_rule(rule: TypingRule, scores: dict[str, float], present: _Contexts) -> None:
    if rule.if_any and not any(scores.get(k, 0) >= v for k, v in rule.if_any.items()):
        return
    if not all(present.get(c, False) for c in rule.if_context):
        return
    if any(present.get(c, False) for c in rule.unless_context):
        return
    for sub, factor in rule.scale.items():
        if sub in scores:
            scores[sub] *= factor
    for sub, extra in rule.add.items():
        scores[sub] = scores.get(sub, 0) + extra
    for sub, sources in rule.add_scores.items():
        scores[sub] = scores.get(sub, 0) + sum(scores.get(s, 0) for s in sources)
    for source, target in rule.move.items():
        if source in scores:
            scores[target] = scores.get(target, 0) + scores.pop(source)


def _pick(scores: dict[str, float], raw: Scores, cues: EventCues,
          present: _Contexts) -> tuple[str, float, tuple[int, int] | None]:
    scores = dict(scores)
    family_of: dict[str, Family] = {}
    for family in cues.families:
        if present.get(family.requires, False) and any(m in scores for m in family.members):
            scores[family.default] = _family_total(family, scores)
            for member in family.members:
                if member != family.default:
                    scores.pop(member, None)
            family_of[family.default] = family
    rank = {name: i for i, name in enumerate(cues.priority)}
    best = max(scores, key=lambda k: (scores[k], -rank.get(k, 99)))
    family = family_of.get(best)
    if family is None:
        return best, scores[best], raw.get(best, (0, None))[1]
    members = [m for m in family.members if m in raw]
    span = max(members, key=lambda m: raw[m][0]) if members else None
    chosen = next((sub for sub, ctx in family.order if present.get(ctx, False)), family.default)
    return chosen, scores[best], raw[span][1] if span else None


def _family_total(family: Family, scores: dict[str, float]) -> float:
    """The members' evidence together, plus co-occurring types that describe the same demonstration
    (arrests, clashes with police), as long as the demonstration is described at least as strongly."""
    own = sum(scores.get(m, 0) for m in family.members)
    absorbed = sum(scores[t] * f for t, f in family.absorb.items() if t in scores and scores[t] <= own)
    return own + absorbed
