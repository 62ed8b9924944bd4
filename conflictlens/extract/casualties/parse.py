"""Casualty figures (killed, injured, assailants killed) from event sentences, with their spans.

Pure regex over a cue lexicon (``data/casualty_lexicon.json``): this runs on every event sentence of
millions of articles, so no parser is involved. The counting conventions (``at least N``, ``dozens``,
revised tolls, ambiguous ``killed or wounded``) are documented in the lexicon's ``_conventions``.

This is the public API. The work is split over:
- ``rules``: the lexicon compiled into regexes;
- ``numbers``: number phrases (``parse_number``);
- ``nouns``: which groups a subject or object phrase counts, and whether they are victims;
- ``clauses``: casualty verbs and their subject or object in a sentence;
- ``tally``: zero statements, revised tolls and the totals.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from conflictlens.extract.casualties.clauses import parse_sentence
from conflictlens.extract.casualties.links import in_links, link_lines
from conflictlens.extract.casualties.numbers import parse_number
from conflictlens.extract.casualties.rules import Rules, Span, attackers_pattern, casualty_rules, names_pattern
from conflictlens.extract.casualties.sources import speaker
from conflictlens.extract.casualties.tally import CATEGORIES, Tally, without_summed, without_vague
from conflictlens.extract.casualties.totals import CUE_REACH, total
from conflictlens.extract.patterns import anchors_of, may_match
from conflictlens.model.records import Casualties

__all__ = ["CasualtyFigures", "nobody_killed", "parse_casualties", "parse_number"]

_HEADLINE_CHARS = 200  # a headline is a short line


@dataclass
class CasualtyFigures:
    fatalities: Casualties
    injured: Casualties
    perpetrators_killed: Casualties
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    from_title: set[str] = field(default_factory=set)  # counts read from a title kept apart from the text


def _sentences(text: str, a: int, b: int, rules: Rules) -> Iterator[Span]:
    start = a
    for m in rules.sent_end.finditer(text, a, b):
        prev = re.search(r"([\w.]+)$", text[max(a, m.start() - 12): m.start()])
        word = prev.group(1).lower() if prev else ""
        if word in rules.sets["abbreviations"] or (len(word) == 1 and word.isalpha()):
            continue  # "Col. Hamidullah", "U.S. forces", initials
        yield start, m.start() + 1
        start = m.end()
    if start < b:
        yield start, b


def _merge(text: str, focus: list[tuple[int, int]] | None) -> list[Span]:
    if focus is None:
        return [(0, len(text))]
    spans = sorted((max(0, a), min(len(text), b)) for a, b in focus if min(len(text), b) > max(0, a))
    merged: list[Span] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def _passage_starts(text: str, spans: list[Span]) -> list[int]:
    """Where the passage of each span starts: spans parted only by whitespace (the sentences of one
    incident) read as one passage, so "The boys were killed" finds "four boys" in the sentence before."""
    starts: list[int] = []
    for i, (a, _) in enumerate(spans):
        joined = i > 0 and not text[spans[i - 1][1]:a].strip()
        starts.append(starts[-1] if joined else a)
    return starts


def _contrasts_within(text: str, cue: Span, sentence_start: int, tally: Tally) -> bool:
    """'Two civilians died and four others were injured': 'others' sets the wounded apart from a group
    counted before it in the same sentence; it tells no victims beyond the sentences before."""
    if text[cue[0]:cue[1]].lower() not in ("other", "others"):
        return False
    starts = [a for entries in tally.found.values() for _, (a, _b) in entries if sentence_start <= a <= cue[0]]
    # each group's span runs to its verb: "The governor and two others died" has a group before 'two others'
    return len(set(starts)) > 1 or any(sentence_start <= a and b <= cue[0]
                                       for entries in tally.found.values() for _, (a, b) in entries)


def _contrasts_before(text: str, cue: Span, sentence_start: int, tally: Tally, rules: Rules) -> bool:
    """'... killing three on the spot. Two others were injured in the attack': opening its sentence, 'others'
    or 'another' at a group sets it apart from the group the sentence before ended on when that one is of
    another kind (the dead): it tells no victims beyond the wounded counted before ('The dead included 18
    women. Another 15 women were wounded'). Beside the dead, 'two others died' still adds."""
    if text[cue[0]:cue[1]].lower() not in rules.sets["contrasting_cues"] or len(tally.sentences) < 2:
        return False
    entries = [(span, cat) for cat, found in tally.found.items() for _, span in found]
    at = [cat for (a, b), cat in entries if sentence_start <= a and max(sentence_start, a - CUE_REACH) <= cue[0] < b]
    if not at or any(sentence_start <= a and b <= cue[0] for (a, b), _cat in entries):
        return False
    before = [(a, cat) for (a, _b), cat in entries if tally.sentences[-2] <= a < sentence_start]
    # "The gunmen shot the farmers dead. Five others were hurt": a death told without a figure sets them apart too
    if before:
        return max(before)[1] not in at
    return "fatalities" not in at and rules.death.search(text, tally.sentences[-2], sentence_start) is not None


def parse_casualties(
    text: str, focus: list[tuple[int, int]] | None = None, *, perpetrator_nouns_are_victims: bool = False,
    perpetrator_names: Sequence[str] = (), other_names: Sequence[str] = (), headline: bool = False,
    title: str | None = None, lead: bool = False,
) -> CasualtyFigures:
    """Killed, injured and assailants killed in ``text`` (or in its ``focus`` spans), with the spans used.

    ``perpetrator_nouns_are_victims`` counts fighters killed as victims (air strikes, clashes), except
    the attackers themselves: assailant nouns and groups named by ``perpetrator_names``. Fighters named
    by ``other_names`` (other actors of the report) are always victims. With ``headline``, a headline
    outside the focus fills a count the focus leaves unknown (`_from_headline`): ``title`` when the
    report's title is kept apart from ``text`` (its counts have no span and are named in ``from_title``),
    else the text's first line. ``lead``: the focus is the report's first event, the one a headline tells.
    """
    args = (perpetrator_nouns_are_victims, perpetrator_names, other_names)
    return _with_headline(text, focus, args, headline, title, lead)


def nobody_killed(figures: CasualtyFigures, text: str, focus: list[tuple[int, int]], title: str | None) -> bool:
    """'... ambushed a vehicle, wounding 4 soldiers and 2 civilians': the injured told in figures where no
    word speaks of a death (in the focus, nor in the title) tell that nobody was killed."""
    if figures.fatalities.high is not None or figures.injured.best is None or figures.perpetrators_killed.best:
        return False
    told = " ".join(text[a:b] for a, b in _merge(text, focus)) + " " + (title or "")
    return casualty_rules().death.search(told) is None


def _with_headline(text: str, focus: list[tuple[int, int]] | None, args: tuple, headline: bool, title: str | None,
                   lead: bool) -> CasualtyFigures:
    figures = _parse(text, focus, *args)
    if not headline or focus is None:
        return figures
    if title and title.strip():
        told = _parse(title, None, *args)
        return _from_headline(figures, CasualtyFigures(told.fatalities, told.injured, told.perpetrators_killed),
                              lead, apart=True)
    line = _headline(text)
    if line is None or any(a < line[1] and line[0] < b for a, b in _merge(text, focus)):
        return figures
    return _from_headline(figures, _parse(text, [line], *args), lead)


def _headline(text: str) -> Span | None:
    """The first line when it is a headline: short, ending no sentence, with the story below it."""
    nl = text.find("\n")
    line = text[:nl].rstrip() if nl > 0 else ""
    if not line or len(line) > _HEADLINE_CHARS or line.endswith((".", "!", "?", ":")) or not text[nl:].strip():
        return None
    return (0, len(line))


def _from_headline(figures: CasualtyFigures, title: CasualtyFigures, lead: bool = False,
                   apart: bool = False) -> CasualtyFigures:
    """'Gunmen kill 9, injure 20 in village raid' over a story that tells the nine dead and no injured:
    the headline's injured are the story's, since its dead are the same (and the other way round). A
    headline whose other count differs from the story's may speak of another incident. Over the
    report's first event (`lead`) telling no count at all ('Gunmen kill 12 in market attack' over a
    story of the attack that gives no figure), the headline's counts are the event's. `apart`: the
    headline is not in the text; its counts have no span. Over the first event, a headline that tells
    one count only ('Death toll from mosque attack reaches 28') fills it where the story leaves it untold."""
    told_none = figures.fatalities.best is None and figures.injured.best is None
    for missing, anchor in (("injured", "fatalities"), ("fatalities", "injured")):
        known, told = getattr(figures, anchor), getattr(title, anchor)
        if getattr(figures, missing).best is None and getattr(title, missing).best is not None \
                and ((lead and (told_none or told.best is None))
                     or (known.best is not None and known.best == told.best)):
            setattr(figures, missing, getattr(title, missing))
            figures.spans[missing] = [] if apart else title.spans.get(missing, [])
            figures.from_title |= {missing} if apart else set()
    if not figures.spans.get("injured", True):
        del figures.spans["injured"]
    if not figures.spans.get("fatalities", True):
        del figures.spans["fatalities"]
    return figures


def _attacking_nouns(text: str, spans: list[Span], rules: Rules) -> list[str]:
    """The perpetrator nouns the passage tells as the attackers ('eight militants attacked a police
    post'), in both numbers ('militants', 'militant')."""
    found = {m.group("noun").lower() for a, b in spans for m in rules.attacking.finditer(text, a, b)}
    found |= {rules.perpetrator_numbers.get(n, n) for n in found}
    unnamed = rules.sets["unnamed_fighters"]
    # "militants attacked ..., killing four soldiers and four insurgents": unnamed fighters are one side
    return sorted(found | unnamed if found & unnamed else found)


def _reported_later(text: str, cue: re.Match[str], rules: Rules) -> bool:
    """'Police later said 30 people had died', 'A resident also said that ten people had been killed': a
    cue right before a reporting verb tells when or how a source spoke (the count is told again, or
    revised), not further victims ('five later died', 'ten people were also killed')."""
    return rules.reported_after.match(text, cue.end()) is not None


def _sources(tally: Tally, category: str, text: str, rules: Rules) -> dict[int, frozenset[str]]:
    """Each sentence's source of a category's counts; none where it tells them in words only ('injuring
    scores' is no source's figure for the wounded)."""
    starts = tally.sentences
    rough = {starts[max(0, bisect_right(starts, a) - 1)] for _, (a, b) in tally.found[category]
             if starts and rules.rough.search(text, a, b)}
    return {s: who for s, who in tally.speakers.items() if s not in rough}


def _parse(text: str, focus: list[tuple[int, int]] | None, perpetrator_nouns_are_victims: bool,
           perpetrator_names: Sequence[str], other_names: Sequence[str]) -> CasualtyFigures:
    rules = casualty_rules()
    spans = _merge(text, focus)
    attackers = [*perpetrator_names, *_attacking_nouns(text, spans, rules)]
    tally = Tally(perp_as_victim=perpetrator_nouns_are_victims, text=text,
                  attackers=attackers_pattern(rules, attackers), others=names_pattern(other_names),
                  vague_words=rules.vague, second_said=rules.second_said, further_words=rules.further,
                  second_cues=(rules.contrast_opener, rules.revision, rules.further, rules.other_toll))
    first_told = False  # "The first bomb exploded ...": "The second blast wounded 10" tells another act
    # an ASCII text without the first act's literal ('first') tells it in no sentence: none is searched
    ordinal = not text.isascii() or may_match(anchors_of(rules.first_act.pattern, rules.first_act.flags), text.lower())
    links = link_lines(text)  # "Go to video / Cyclone returns, over 100 killed": another story's headline
    for (a, b), floor in zip(spans, _passage_starts(text, spans)):
        for s, e in _sentences(text, a, b, rules):
            if links and in_links(links, s, e):
                continue
            if first_told and rules.later_act.search(text, s, e) and not rules.first_act.search(text, s, e):
                continue
            first_told = first_told or (ordinal and rules.first_act.search(text, s, e) is not None)
            tally.sentences.append(s)
            if rules.summed.search(text, s, e):
                tally.summed.add(s)
            if rules.superseded.search(text, s, e):
                tally.superseded.add(s)
            if not rules.revision.search(text, s, e):  # "Police later said 30 had died" revises the count
                tally.speakers[s] = speaker(text, s, e, rules)
            cues = [m.span() for m in rules.further.finditer(text, s, e) if not _reported_later(text, m, rules)]
            parse_sentence(text, s, e, floor, rules, tally)
            tally.further.extend(c for c in cues if not _contrasts_within(text, c, s, tally)
                                 and not _contrasts_before(text, c, s, tally, rules))
    told = {c: without_summed(without_vague(tally.found[c], tally.vague), tally.sentences, tally.summed) for c in CATEGORIES}
    totals = {c: total(without_summed(told[c], tally.sentences, tally.superseded),
                       tally.tolls[c], tally.ceilings[c], tally.sentences, tally.further, tally.second[c],
                       _sources(tally, c, text, rules))
              for c in CATEGORIES}
    used = {c: sorted({sp for _, sp in tally.found[c] + tally.tolls[c] + tally.ceilings[c] + tally.second[c]})
            for c in CATEGORIES}
    return CasualtyFigures(**totals, spans={c: v for c, v in used.items() if v})
