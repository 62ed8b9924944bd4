"""Casualty verbs and their arguments in one sentence: who was killed, who killed whom, who was injured.

A flat token scan rather than a parser (this runs on every event sentence): for each casualty verb the
subject or object phrase is the stretch of tokens up to the nearest stop (another verb, a clause
boundary, an auxiliary, punctuation). Internal to the casualty parser.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from conflictlens.extract.patterns import compile_pattern
from conflictlens.extract.casualties.nouns import Sentence, apart_assailants, bare_plural, parse_args
from conflictlens.extract.casualties.rules import Rules, Span
from conflictlens.extract.casualties.tally import (Tally, attackers_killed, consume_statements, move_injured_to_killed,
                                                   record, record_ceiling)

_SCAN_LIMIT = 40  # tokens; bounds the work per verb so hostile run-on text stays linear
_PUNCT_STOPS = frozenset(";:!?\"\u201c\u201d\u2014")
_QUOTES = frozenset("\"\u201c\u201d")
_DASHES = frozenset("-\u2013")  # a spaced hyphen or an en dash, standing alone as a token
_OBJECT_OPENERS = frozenset(("a", "an", "the", "his", "her", "their", "its", "it", "him", "them", "that", "this"))
_NOMINAL_BEFORE = compile_pattern(r"(?:^|\W)(?:the|a|an|his|her|their|its)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# verb group of the lexicon -> what happened to its arguments
_OUTCOME = {"kill": "killed", "killp": "killed", "die": "killed", "dead": "killed", "wound": "injured",
            "sustain": "injured", "amb": "ambiguous"}


def _is_stop(ctx: Sentence, i: int, rules: Rules, rightward: bool = False) -> bool:
    lo, _, t = ctx.toks[i]
    if i in ctx.verb_toks or t in _PUNCT_STOPS or (t in _DASHES and not _in_range(ctx, i)):
        return True
    sets = rules.sets
    words = (sets["clause_boundaries"], sets["auxiliaries"], sets["stop_verbs"]) + (
        (sets["prepositions"],) if rightward else ())
    if any(t in ws for ws in words):
        return not rules.number.match(ctx.work, lo)  # "at least five", "over 20" open a number
    # "one hundred and five people"; "died during the attack and a sixth died": 'during' is no participle
    if t.endswith(("ed", "ing")) and t not in sets["np_participles"] and t not in rules.heads \
            and t not in rules.lex["scales"] and t not in sets["prepositions"]:
        return ctx.work[lo].islower()
    return False


def _in_range(ctx: Sentence, i: int) -> bool:
    """'10 - 15 people': a dash between two figures joins a range; elsewhere ('Kabul, Afghanistan -
    Fifteen people were killed') it parts a dateline or an aside from the clause."""
    return 0 < i < len(ctx.toks) - 1 and ctx.toks[i - 1][2].isdigit() and ctx.toks[i + 1][2].isdigit()


def _is_participle(ctx: Sentence, i: int, rules: Rules) -> bool:
    """A verbal participle in a verb group. 'abducted' before a noun ('the abducted men') is an adjective,
    but before a coordinated verb ('were abducted and later killed') it is a verb."""
    t = ctx.toks[i][2]
    if not t.endswith(("ed", "en")) or t in rules.lex["units"]:
        return False
    coordinated = i + 1 < len(ctx.toks) and ctx.toks[i + 1][2] in rules.sets["verb_coordinators"]
    return coordinated or t not in rules.sets["np_participles"]


def _verb_group(ctx: Sentence, vi: int, rules: Rules) -> tuple[int, bool]:
    """(last token before the verb group, passive?); 'was sexually assaulted and later killed' is one group."""
    i, plain, found = vi - 1, None, False
    sets = rules.sets
    while i >= 0 and i not in ctx.verb_toks:
        t = ctx.toks[i][2]
        if t in sets["auxiliaries"]:
            found = True
        elif t not in sets["verb_adverbs"] and not t.endswith("ly"):
            plain = i if plain is None else plain
            if found or not _is_participle(ctx, i, rules):
                break
        i -= 1
    return (i, True) if found else (i if plain is None else plain, False)


def _before_quote(ctx: Sentence, i: int) -> int:
    """'an official said three people "were shot dead in the village"': a quote opened between a subject
    and its verb group (a partial quote) parts nothing; the subject ends at the word before it."""
    if i > 0 and ctx.toks[i][2] in _QUOTES and ctx.toks[i - 1][2][:1].isalnum():
        return i - 1
    return i


def _before_time(ctx: Sentence, i: int, rules: Rules) -> int:
    """'Three policemen on Friday were killed', 'Five people late on Monday died': a day told between a
    subject and its verb group parts nothing; the subject ends at the word before it."""
    days, words = rules.sets["subject_time_days"], rules.sets["subject_time_words"]
    j, day = i, False
    while j >= 0 and (ctx.toks[j][2] in days or ctx.toks[j][2] in words):
        day, j = day or ctx.toks[j][2] in days, j - 1
    return j if day and 0 <= j < i and j not in ctx.verb_toks else i


def _left_span(ctx: Sentence, i: int, rules: Rules) -> Span | None:
    i = _before_time(ctx, _before_quote(ctx, i), rules) if i >= 0 else i
    if i < 0 or i in ctx.verb_toks:
        return None
    end, lo, clause = ctx.toks[i][1], None, None
    for j in range(i, max(i - _SCAN_LIMIT, -1), -1):
        if _is_stop(ctx, j, rules):
            # "killed three soldiers, and two civilians were wounded", "killed 17 people and 20 were
            # wounded", "shot 15 villagers and five others sustained injuries": the object of the verb
            # before 'and' is no part of this subject
            if clause is not None and (j in ctx.verb_toks or ctx.toks[j][2] in rules.sets["object_taking_verbs"]):
                lo = clause
            break
        # the first 'and' after that verb ("were killed and three officers and a civilian were wounded")
        if ctx.toks[j][2] == "and" and j < i and not _inside_number(ctx, j, rules):
            clause = ctx.toks[j + 1][0]
        lo = ctx.toks[j][0]
    return (lo, end) if lo is not None else None


def _right_span(ctx: Sentence, vj: int, rules: Rules) -> Span | None:
    if vj < len(ctx.toks) and ctx.toks[vj][2] == "and":
        return None  # "Two people killed and three soldiers wounded": the verb ended its clause
    hi, clause, plain = None, None, None
    for j in range(vj, min(vj + _SCAN_LIMIT, len(ctx.toks))):
        if _is_stop(ctx, j, rules, rightward=True) or ctx.toks[j][2] == ".":
            # "killing 20 people, and the governor blamed ...": ', and' opened a clause of its own
            if clause is not None and _opens_clause(ctx, j, rules):
                hi = clause
            # "killed 17 people and 20 were wounded": the count after 'and' is the next verb's subject
            elif plain is not None and (j in ctx.verb_toks or ctx.toks[j][2] in rules.sets["auxiliaries"]):
                hi = plain
            break
        if ctx.toks[j][2] == "and" and j > vj and not _inside_number(ctx, j, rules):
            comma = ctx.toks[j - 1][2] == ","
            clause = (ctx.toks[j - 2][1] if j - 2 >= vj else None) if comma else clause
            plain = None if comma else ctx.toks[j - 1][1]
        elif ctx.toks[j][2] == ",":
            plain = None  # "killed three soldiers and two civilians, police said" keeps both
        hi = ctx.toks[j][1]
    return (ctx.toks[vj][0], hi) if hi is not None else None


def _inside_number(ctx: Sentence, j: int, rules: Rules) -> bool:
    """Whether the 'and' at token j joins a number ('one hundred and five', 'between 20 and 25')."""
    lo = ctx.toks[j][0]
    return any(m.start() < lo < m.end() for m in rules.number.finditer(ctx.work, max(0, lo - 40), lo + 40))


def _opens_clause(ctx: Sentence, j: int, rules: Rules) -> bool:
    """Whether the stop at token j is the verb of a clause: an auxiliary or a reporting verb ('and two
    civilians were wounded', 'and officials said'), or a past tense with an object ('and the governor
    blamed a militant'; 'and a policeman stationed nearby' is a participle)."""
    t, sets = ctx.toks[j][2], rules.sets
    if t in sets["auxiliaries"] or t in sets["stop_verbs"]:
        return True
    nxt = ctx.toks[j + 1][2] if j + 1 < len(ctx.toks) else ""
    return (j not in ctx.verb_toks and t.endswith("ed") and t not in sets["np_participles"]
            and ctx.work[ctx.toks[j][0]].islower() and nxt in _OBJECT_OPENERS)


def _count_of_next_verb(ctx: Sentence, vj: int, rules: Rules) -> bool:
    """'Records show 41 killed about 70 wounded': a bare count right before the next casualty verb is
    that verb's subject, not this verb's object."""
    j = vj
    while j < min(vj + 6, len(ctx.toks)) and j not in ctx.verb_toks and ctx.toks[j][2] not in _PUNCT_STOPS:
        j += 1
    if j == vj or j >= len(ctx.toks) or j not in ctx.verb_toks:
        return False
    return rules.number.fullmatch(ctx.work[ctx.toks[vj][0]:ctx.toks[j - 1][1]]) is not None


def _attributive_count(ctx: Sentence, m: re.Match[str], vj: int, rules: Rules) -> Span | None:
    """'Forty bodies and 70 wounded people were brought in': a participle before a noun ('wounded
    people') counts only the number right before it, not the whole coordinated phrase."""
    if vj >= len(ctx.toks) or ctx.toks[vj][2] not in rules.heads:
        return None
    before = ctx.work[max(0, m.start() - 40):m.start()].rstrip()
    end = max(0, m.start() - 40) + len(before)
    count = next((n for n in rules.number.finditer(ctx.work, max(0, m.start() - 40), end) if n.end() == end), None)
    return (count.start(), ctx.toks[vj][1]) if count else None


def _dying_group(ctx: Sentence, vj: int, rules: Rules) -> bool:
    """'One more injured man passed away', 'two wounded soldiers later died': the group a participle
    describes is the subject of a verb of death right after its noun; it tells their death, no injured."""
    if vj >= len(ctx.toks) or ctx.toks[vj][2] not in rules.heads:
        return False
    j = vj + 1
    skip = rules.sets["auxiliaries"] | rules.sets["verb_adverbs"]
    while j < len(ctx.toks) and ctx.toks[j][2] in skip and j not in ctx.verb_toks:
        j += 1
    return j < len(ctx.toks) and j in ctx.verb_toks and rules.death.match(ctx.work, ctx.toks[j][0]) is not None


def _uncounted_object(ctx: Sentence, obj: Span | None, rules: Rules) -> bool:
    """'The terrorists killed many people', 'the attackers killed civilians': the verb has an object,
    counted or not, so its subject is the killer, never the killed."""
    if obj is None:
        return False
    first = re.split(r"[,;]|\s(?:and|or)\s", ctx.work[obj[0]:obj[1]], maxsplit=1)[0]
    return rules.head.search(ctx.work, *obj) is not None or bare_plural(first, rules)  # "killed patrons, ..."


def _active_only(verb: str) -> bool:
    word = verb.lower().split()[0]
    return word.endswith(("ing", "s")) or word in ("kill", "slew", "wound", "injure", "claimed", "took")


def _clause_subject(ctx: Sentence, left: int, rules: Rules) -> Span | None:
    """'An assailant attempted ..., but was killed': the subject opening the clause before 'and' or 'but'."""
    floor = max(0, left - _SCAN_LIMIT)
    first = max((k + 1 for k in range(floor, left) if ctx.toks[k][2] in (":", ";")), default=floor)
    return _right_span(ctx, first, rules)


def _passive_subject(ctx: Sentence, left: int, rules: Rules) -> Span | None:
    """'Seven workers were tied up before being shot': the subject of the passive before 'before being'."""
    for k in range(left - 1, max(left - _SCAN_LIMIT, -1), -1):
        if k in ctx.verb_toks or ctx.toks[k][2] in _PUNCT_STOPS:
            return None
        if ctx.toks[k][2] in rules.sets["auxiliaries"]:
            return _left_span(ctx, k - 1, rules)
    return None


def _shared_subject(ctx: Sentence, left: int, rules: Rules) -> Span | None:
    """The subject a passive verb with none of its own shares with the clause before its link word."""
    link = ctx.toks[left][2]
    if link in rules.sets["verb_coordinators"]:
        return _clause_subject(ctx, left, rules)
    gerund = left + 1 < len(ctx.toks) and ctx.toks[left + 1][2] == "being"
    return _passive_subject(ctx, left, rules) if gerund and link in rules.sets["gerund_links"] else None


def _after_opener(ctx: Sentence, span: Span, rules: Rules) -> Span | None:
    """'killed five people, with dozens hurt', 'with 12 dead': a bare participle's subject opens after
    'with' (an absolute clause); what stands before it is the clause the count is attached to."""
    a, b = span
    toks = ctx.toks[bisect_left(ctx.starts, a):bisect_left(ctx.starts, b)]
    # only before a count: 'two soldiers with the convoy died' keeps its subject
    opener = [k for k, t in enumerate(toks[:-1]) if t[2] in rules.sets["absolute_openers"]
              and rules.number.match(ctx.work, toks[k + 1][0])]
    return (toks[opener[-1] + 1][0], b) if opener else span


def _args(ctx: Sentence, span: Span, rules: Rules, kind: str, tally: Tally, passive: bool = True) -> list:
    """The groups a verb's argument counts; among the killed, the attackers counted inside are set apart.
    Not `passive`: a participle right after its noun ('one of the people wounded in the raid')."""
    items = parse_args(ctx, span, rules)
    if _OUTCOME[kind] == "injured":
        return _without_dead(ctx, span, items, rules, parts=not passive)
    if not items or _OUTCOME[kind] != "killed":
        return items
    if not passive and kind in ("kill", "killp"):  # "Four of those killed were brothers": a part of the dead told
        items = _without_dead(ctx, span, items, rules, parts=True, dead=False)
    return apart_assailants(ctx, span, items, rules, lambda item: attackers_killed(tally, item))


def _without_dead(ctx: Sentence, span: Span, items: list, rules: Rules, parts: bool = False, dead: bool = True) -> list:
    """'The bodies of the 12 victims were taken to hospital', 'twelve bodies and 20 injured people': the
    dead taken there (a dead noun from the group's start or the group before it) are not injured. With
    `parts`, 'one of the people wounded in the attack has died': a part of the wounded told before
    counts no injured ('three of the hostages were injured', a passive, still does)."""
    kept, start = [], ctx.base + span[0]  # the phrase's span is in the sentence, the items' in the text
    for item in items:
        told = re.findall(r"[\w-]+", ctx.text[start:item.span[1]].lower())
        own = re.findall(r"[\w-]+", ctx.text[item.span[0]:item.span[1] + _PARTITIVE_REACH].lower())
        if not (dead and set(told) & rules.sets["dead_nouns"]) and not (parts and _partitive(own, rules)):
            kept.append(item)
        start = item.span[1]
    return kept


_PARTITIVE_REACH = 12  # chars after a count read for 'of the' ('one of the people')


def _partitive(words: list[str], rules: Rules) -> bool:
    """'one of the people', 'three of those': a count of a group already told ('the', 'those')."""
    return len(words) > 2 and words[1] == "of" and words[2] in rules.sets["partitive_determiners"] \
        and rules.number.fullmatch(words[0]) is not None


def _handle_verb(ctx: Sentence, m: re.Match[str], rules: Rules, tally: Tally) -> None:
    kind = m.lastgroup or "kill"
    vi, vj = bisect_left(ctx.starts, m.start()), bisect_left(ctx.starts, m.end())
    verb = (ctx.base + m.start(), ctx.base + m.end())
    left, passive = _verb_group(ctx, vi, rules)
    attributive = _attributive_count(ctx, m, vj, rules) if kind == "wound" else None
    if kind == "wound" and _dying_group(ctx, vj, rules):
        return
    if kind in ("kill", "wound") and not passive and attributive is None:
        # "nine wounded, the district governor said": no object follows a comma; the speaker is none.
        obj = (_right_span(ctx, vj, rules) if vj < len(ctx.toks) and ctx.toks[vj][2] != ","
               and not _count_of_next_verb(ctx, vj, rules) else None)
        items = _args(ctx, obj, rules, kind, tally) if obj else []
        if items or _active_only(m.group()) or _uncounted_object(ctx, obj, rules):
            record(tally, _OUTCOME[kind], items, verb)
            return
    subj = _left_span(ctx, left, rules) if attributive is None else attributive
    if subj is not None and not passive:
        subj = _after_opener(ctx, subj, rules)
    if subj is None and passive and left >= 0:
        subj = _shared_subject(ctx, left, rules)
    items = _args(ctx, subj, rules, kind, tally, passive) if subj else []
    if not items and kind == "die" and subj is None:
        move_injured_to_killed(tally, verb)
    if rules.speculative.search(ctx.work, max(0, m.start() - 20), m.start()):
        record_ceiling(tally, _OUTCOME[kind], items, verb)  # "as many as 25 may have been killed"
        return
    record(tally, _OUTCOME[kind], items, verb)


def parse_sentence(text: str, s: int, e: int, floor: int, rules: Rules, tally: Tally) -> None:
    """Add the casualties told in text[s:e] to `tally`; antecedents are sought back to `floor` only."""
    sent = text[s:e]
    if not rules.cue.search(sent) or rules.restate.match(sent):
        return  # "Among the dead were three infants" restates a count already made
    work = consume_statements(sent, s, rules, tally)
    verbs = [m for m in rules.verb.finditer(work)
             if not _NOMINAL_BEFORE.search(work[max(0, m.start() - 30): m.start()])]
    toks = [(m.start(), m.end(), m.group().lower()) for m in rules.token.finditer(work)]
    starts = [t[0] for t in toks]
    verb_toks = {i for m in verbs for i in range(bisect_left(starts, m.start()), bisect_left(starts, m.end()))}
    ctx = Sentence(work, s, toks, starts, frozenset(verb_toks), text, floor)
    tally.last = None
    for m in verbs:
        _handle_verb(ctx, m, rules, tally)
