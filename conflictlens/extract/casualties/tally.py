"""The running tally of a casualty parse: counted groups, zero statements, revised tolls, and the totals.

A revised toll ('the death toll rose to 24') supersedes the groups counted before it; separate groups
add up. Internal to the casualty parser; the conventions are in the lexicon's ``_conventions``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from conflictlens.extract.casualties.acts import contrasted_again, noun_tolls, other_act_clauses
from conflictlens.extract.casualties.nouns import Item, included_fighters, less_by
from conflictlens.extract.casualties.later_deaths import later_deaths
from conflictlens.extract.casualties.numbers import parse_number
from conflictlens.extract.casualties.rules import Rules, Span, Triple
from conflictlens.extract.casualties.totals import CUE_REACH, Entry
from conflictlens.extract.patterns import ReportPattern, compile_pattern, may_occur

CATEGORIES = ("fatalities", "injured", "perpetrators_killed")
_LEAD = compile_pattern(r"[\s,]*")  # the blanks and commas before an inclusion ("12, including ...")
_ZERO_TARGETS = {"both": ("fatalities", "injured"), "fat": ("fatalities",), "inj": ("injured",)}


def _by_category() -> dict[str, list[Entry]]:
    return {c: [] for c in CATEGORIES}


@dataclass
class Tally:
    perp_as_victim: bool
    text: str = ""
    # Who the attackers are ('three assailants', 'eleven Taliban' when the Taliban attacked): their
    # dead stay perpetrators even where fighters killed are counted as victims.
    attackers: ReportPattern | None = None
    # Other actors of the report ('two Taliban fighters' when ISKP is blamed): their fighters are victims.
    others: ReportPattern | None = None
    found: dict[str, list[Entry]] = field(default_factory=_by_category)
    tolls: dict[str, list[Entry]] = field(default_factory=_by_category)
    ceilings: dict[str, list[Entry]] = field(default_factory=_by_category)  # 'the toll could rise to N'
    # a second source's toll beside the count of the same sentence ('12 were killed, while a doctor put the
    # toll at 15'): it revises nothing; the figures span low to high, the lower is the best
    second: dict[str, list[Entry]] = field(default_factory=_by_category)
    last: tuple[str, list[Entry]] | None = None  # the latest verb's outcome and entries, within a sentence
    # Where each sentence read starts, and where cues of further victims stand ('another', 'also'): a
    # sentence whose groups carry no such cue tells the same victims again, so they are not added.
    sentences: list[int] = field(default_factory=list)
    further: list[Span] = field(default_factory=list)
    # Groups told only as 'several' or 'a few' (their entries' spans), and what tells them
    vague: set[Span] = field(default_factory=set)
    vague_words: re.Pattern[str] | None = None
    # 'while a doctor said': the figures after it are another source's, unless a further-victims cue is at them
    second_said: re.Pattern[str] | None = None
    further_words: re.Pattern[str] | None = None
    # a sentence opening on a contrast: (the opener, revision words, further-victims cues, other-toll words)
    second_cues: tuple[re.Pattern[str], ...] | None = None
    # Where sentences start that tell one toll for several acts ("an attack on X and a bombing at Y killed 51")
    summed: set[int] = field(default_factory=set)
    # Where sentences start that tell an earlier report's figure ("Officials had said three were killed")
    superseded: set[int] = field(default_factory=set)
    speakers: dict[int, frozenset[str]] = field(default_factory=dict)  # each sentence's source, unless it revises


def blank(work: str, spans: list[Span]) -> str:
    """`work` with the (sorted, disjoint) spans overwritten by spaces, offsets unchanged."""
    pieces, last = [], 0
    for a, b in spans:
        pieces += [work[last:a], " " * (b - a)]
        last = b
    return "".join(pieces) + work[last:]


def consume_statements(sent: str, base: int, rules: Rules, tally: Tally) -> str:
    """Record zero statements and revised tolls, and blank them out so verbs do not count them again."""
    # parentheses and ", who was also ...," never hold the subject; blanking them keeps the scans short
    # but ", which left two officers dead," tells the act's own toll
    deaths = later_deaths(sent, rules)  # "injured seven people, including a soldier who later died"
    tally.found["fatalities"] += [(value, (base + a, base + b)) for value, (a, b), _ in deaths]
    work = blank(sent, [rel for _, _, rel in deaths])
    work = rules.relative.sub(lambda m: m.group() if _relative_toll(m, rules) else " " * len(m.group()), work)
    # "... claimed an attack in December in which 12 soldiers were killed": another act's toll
    work = rules.earlier.sub(lambda m: " " * len(m.group()), work)
    work = blank(work, other_act_clauses(work, rules))  # "16 dead in X attack; 24 killed in Y bombing"
    zeros = list(rules.zero.finditer(work))
    for m in zeros:
        for cat in _ZERO_TARGETS[m.lastgroup or "both"]:
            tally.found[cat].append(((0, 0, 0), (base + m.start(), base + m.end())))
    work = _losses(blank(work, [m.span() for m in zeros]), base, rules, tally)
    work = blank(work, noun_tolls(work, base, rules, tally.found))  # "the killing of 13 civilians"
    tolls = list(rules.toll.finditer(work))
    for m in tolls:
        value = parse_number(m.group("num"))
        # "a toll of more than 150 dead and wounded" counts neither the dead nor the wounded
        if value is not None and not _summed_toll(work, m, rules) and not rules.combined.match(work, m.end()):
            cat = "injured" if m.group("inj") else "fatalities"
            # 'the toll could rise to 20' forecasts: the figure bounds the count, it does not revise it
            forecast = rules.forecast.search(m.group(), 0, m.start("num") - m.start())
            span = (base + m.start(), base + m.end())
            if cat == "fatalities" and not forecast:
                value = _toll_apart(work, m.end(), value, span, rules, tally, base)
            # "Officials earlier put the toll at 14" after the toll rose to 31: an earlier figure, no second source's
            superseded = _superseded(work, m, rules)
            second = not superseded and (_second_source(work, m, rules)
                                         or _estimated_after_count(work, m, rules, tally, cat))
            kept = tally.ceilings if forecast else tally.second if second else tally.tolls
            if kept is tally.tolls and superseded:
                kept[cat].insert(0, (value, span))  # never the latest toll, unless it is the only one
            else:
                kept[cat].append((value, span))
    return blank(work, [m.span() for m in tolls])


def _relative_toll(m: re.Match[str], rules: Rules) -> bool:
    """Whether a relative clause is one on the act that tells casualties (', which killed 12 people,')."""
    return m.group().lstrip(", ").lower().startswith("which") and rules.verb.search(m.group()) is not None


# How far before a toll noun a word may make its figure a superseded one ('an initial death toll of 12') or
# one of several incidents ('the combined death toll')
_EARLIER_REACH = 20


def _said_before_toll(work: str, m: re.Match[str], cue: re.Pattern[str]) -> bool:
    return cue.search(work, max(0, m.start() - _EARLIER_REACH), m.start("num")) is not None


def _summed_toll(work: str, m: re.Match[str], rules: Rules) -> bool:
    """'..., bringing the day's toll to 24', 'the combined death toll of the two attacks rose to 30': a
    toll of several incidents, no incident's own."""
    return _said_before_toll(work, m, rules.summed_toll)


def _superseded(work: str, m: re.Match[str], rules: Rules) -> bool:
    """'the increase in the death toll from an earlier figure of 69', 'an initial toll of 12': a figure
    the report tells as superseded, beside the latest one; it revises nothing."""
    return _said_before_toll(work, m, rules.earlier_toll)


def _losses(work: str, base: int, rules: Rules, tally: Tally) -> str:
    """Record the groups told by a noun of loss ('claimed 12 lives', 'there were 30 injuries') and blank them."""
    found = list(rules.losses.finditer(work)) if may_occur(rules.losses, work) else []
    for m in found:
        value = parse_number(m.group("num") or m.group("lost"))
        span = (base + m.start(), base + m.end())
        if value is not None:
            tally.found["injured" if m.group("inj") else "fatalities"].append((value, span))
        also = parse_number(m.group("also")) if m.group("also") else None
        if also is not None:  # "there were 12 fatalities and 30 injuries"
            tally.found["injured"].append((also, span))
    return blank(work, [m.span() for m in found])


def _estimated_after_count(work: str, m: re.Match[str], rules: Rules, tally: Tally, cat: str) -> bool:
    """'At least 30 villagers were killed, police said. Residents put the death toll at 37': an estimate
    by another source, after a count told before and without a revision word, is that source's figure
    for the same victims, not a later toll."""
    told = work[:m.end()]  # "..., as some people remained missing as of Sunday" dates no update
    if not (tally.found[cat] or tally.tolls[cat]) or rules.revision.search(told) or rules.update_time.search(told):
        return False
    return rules.estimate.search(work, max(0, m.start() - 40), m.start()) is not None


def _second_source(work: str, m: re.Match[str], rules: Rules) -> bool:
    """'Police said 12 were killed, while a hospital official put the toll at 15': a toll after a
    contrast that follows a casualty verb of the same sentence, and told without a revision word
    ('rose to', 'now'), is another source's figure for the same victims, not a later one."""
    contrasts = list(rules.contrast.finditer(work, 0, m.start()))
    if not contrasts or rules.revision.search(work, contrasts[-1].end(), m.end()):
        return False
    return rules.verb.search(work, 0, contrasts[-1].start()) is not None


def _toll_apart(work: str, end: int, value: Triple, span: Span, rules: Rules, tally: Tally, base: int) -> Triple:
    """'The death toll rose to 12, including the two attackers': the victims' toll is 10, and two
    assailants were killed (see nouns.apart_assailants)."""
    m = rules.included.match(work, _LEAD.match(work, end).end())
    if m is None or value[1] is None:
        return value
    fighters = included_fighters(m, rules, base)
    if fighters is None or value[1] <= fighters.value[1] or not attackers_killed(tally, fighters):  # type: ignore
        return value
    tally.found["perpetrators_killed"].append((fighters.value, span))
    return less_by(value, fighters.value[1])  # type: ignore[arg-type]


def _categories(tally: Tally, outcome: str, item: Item) -> list[tuple[str, Triple]]:
    if outcome == "ambiguous":  # 'killed or wounded': only the ceiling is known, for both
        return [("fatalities", (0, None, item.value[2])), ("injured", (0, None, item.value[2]))]
    if outcome == "injured":
        return [("injured", item.value)]
    if attackers_killed(tally, item):
        return [("perpetrators_killed", item.value)]
    return [("fatalities", item.value)]


def attackers_killed(tally: Tally, item: Item) -> bool:
    """Whether a group of fighters killed counts among the assailants killed, not the victims."""
    return item.cls == "perp" and _attackers_dead(tally, item)


def _attackers_dead(tally: Tally, item: Item) -> bool:
    """Whether a group of fighters killed were the attackers: named as them, else not named as another
    actor's men, and then unless the event is one where fighters killed are the targets."""
    if _names(tally.attackers, tally.text, item):
        return True
    return not _names(tally.others, tally.text, item) and not tally.perp_as_victim


def _names(pattern: ReportPattern | None, text: str, item: Item) -> bool:
    return pattern is not None and pattern.search(text, *item.span) is not None


def _counted_before(tally: Tally, item: Item) -> str | None:
    """The category the group an item refers back to was counted in, if it was."""
    at = item.refers_to
    if at is None:
        return None
    return next((cat for cat, entries in tally.found.items() if any(a <= at < b for _, (a, b) in entries)), None)


def _drop_injured_at(tally: Tally, at: int) -> None:
    """'Two soldiers were wounded ... the soldiers later died': they leave the injured for the dead."""
    tally.found["injured"] = [(v, (a, b)) for v, (a, b) in tally.found["injured"] if not a <= at < b]


def record(tally: Tally, outcome: str, items: list[Item], verb: Span) -> None:
    """Count the groups a verb applies to ('killed', 'injured' or 'ambiguous'); each span covers the verb."""
    entries: list[Entry] = []
    for item in items:
        counted = _counted_before(tally, item)
        if counted == "injured" and outcome == "killed" and item.refers_to is not None:
            _drop_injured_at(tally, item.refers_to)
        elif counted is not None:
            continue  # "the two soldiers were martyred": the two soldiers already counted
        span = (min(item.span[0], verb[0]), max(item.span[1], verb[1]))
        if tally.vague_words is not None and tally.vague_words.match(tally.text, item.span[0]):
            tally.vague.add(span)
        for cat, value in _categories(tally, outcome, item):
            if _said_again(tally, cat, item) or _contrasted(tally, cat, item):
                tally.second[cat].append((value, span))
                continue
            tally.found[cat].append((value, span))
            entries.append((value, span))
    tally.last = (outcome, entries) if entries else tally.last


def _said_again(tally: Tally, cat: str, item: Item) -> bool:
    """'Police said 12 people were killed, while a hospital official said 15 died': a group of the same
    sentence after a contrast and another source's verb is that source's figure for the victims
    counted before it (unless it tells further victims: 'five more')."""
    if tally.second_said is None or not tally.sentences or cat == "perpetrators_killed" or not item.real:
        return False
    start = tally.sentences[-1]
    before = [b for _, (a, b) in tally.found[cat] if start <= a and b <= item.span[0]]
    if not before or tally.second_said.search(tally.text, max(before), item.span[0]) is None:
        return False
    cue = tally.further_words
    return cue is None or cue.search(tally.text, max(start, item.span[0] - CUE_REACH), item.span[1] + CUE_REACH) is None


def _contrasted(tally: Tally, cat: str, item: Item) -> bool:
    """A sentence opening on a contrast retells the victims counted before it (`acts.contrasted_again`)."""
    if tally.second_cues is None or not tally.sentences or cat == "perpetrators_killed" or not item.real:
        return False
    before = [span for _, span in tally.found[cat]]
    return contrasted_again(tally.text, tally.sentences[-1], before, item.span, tally.second_cues)


def without_vague(entries: list[Entry], vague: Collection[Span]) -> list[Entry]:
    """'Nine people were injured and several others wounded': beside a group told in figures, one told
    only as 'several' adds no figure; it leaves the ceiling unknown."""
    if not vague or all(span in vague for _, span in entries):
        return entries
    return [((0, 0, None), span) if span in vague else (value, span) for value, span in entries]


def without_summed(entries: list[Entry], sentences: Sequence[int], summed: Collection[int]) -> list[Entry]:
    """A sentence that sums several acts' toll ('A missile attack on the parade and a suicide bombing at
    the police station killed 51') gives this incident nothing when its other sentences tell its own
    ('The parade attack killed at least 40'); alone, it is all the report tells, and stays. So does a
    sentence telling an earlier report's figure ('Officials had said three people were killed')."""
    if not summed:
        return entries
    own = [e for e in entries if sentences[max(0, bisect_right(sentences, e[1][0]) - 1)] not in summed]
    return own or entries


def record_ceiling(tally: Tally, outcome: str, items: list[Item], verb: Span) -> None:
    """A guessed count ('may have been killed') bounds the figure from above, like a forecast toll."""
    for item in items:
        span = (min(item.span[0], verb[0]), max(item.span[1], verb[1]))
        for cat, value in _categories(tally, outcome, item):
            tally.ceilings[cat].append((value, span))


def move_injured_to_killed(tally: Tally, verb: Span) -> None:
    """'X was injured and later died': X moves from the injured to the killed."""
    if tally.last is None or tally.last[0] != "injured":
        return
    moved = set(tally.last[1])
    if not moved <= set(tally.found["injured"][-len(moved):]):
        return
    del tally.found["injured"][-len(moved):]  # they were the latest injured entries: O(1) for long texts
    for value, span in tally.last[1]:
        tally.found["fatalities"].append((value, (span[0], max(span[1], verb[1]))))
    tally.last = None
