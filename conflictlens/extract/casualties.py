"""Casualty figures (killed, injured, assailants killed) from event sentences, with their spans.

Pure regex over a cue lexicon (``data/casualty_lexicon.json``): this runs on every event sentence of
millions of articles, so no parser is involved. The counting conventions (``at least N``, ``dozens``,
revised tolls, ambiguous ``killed or wounded``) are documented in the lexicon's ``_conventions``.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from conflictlens.model.records import Casualties

Triple = tuple[int | None, int | None, int | None]
Span = tuple[int, int]
_LEXICON = Path(__file__).with_name("data") / "casualty_lexicon.json"
_SCAN_LIMIT = 40  # tokens; bounds the work per verb so hostile run-on text stays linear
_ANTECEDENT_WINDOW = 1000  # chars searched back for "four boys" when reading "the boys"
_GAP_LIMIT = 6  # tokens allowed between a number and its head noun ("two Afghan National Army soldiers")
_CATEGORIES = ("fatalities", "injured", "perpetrators_killed")


@dataclass
class CasualtyFigures:
    fatalities: Casualties
    injured: Casualties
    perpetrators_killed: Casualties
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)


@dataclass(frozen=True)
class _Rules:
    lex: dict
    number: re.Pattern[str]
    quant: re.Pattern[str]
    core: re.Pattern[str]
    range_: re.Pattern[str]
    head: re.Pattern[str]
    heads: dict[str, tuple[str, bool]]  # surface form -> (class, plural)
    verb: re.Pattern[str]
    zero: re.Pattern[str]
    toll: re.Pattern[str]
    restate: re.Pattern[str]
    mask: re.Pattern[str]
    relative: re.Pattern[str]
    sep: re.Pattern[str]
    token: re.Pattern[str]
    sent_end: re.Pattern[str]
    cue: re.Pattern[str]
    sets: dict[str, frozenset[str]]


def _alt(phrases) -> str:
    items = sorted({p.lower() for p in phrases}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in items)


def _words(pattern: str) -> str:
    return rf"(?<![\w-])(?:{pattern})(?![\w-])"


def _plural(noun: str, irregular: dict[str, str]) -> str:
    *lead, last = noun.split(" ")
    if last in irregular:
        return " ".join([*lead, irregular[last]])
    if last.endswith("y") and last[-2:-1] not in tuple("aeiou"):
        last = last[:-1] + "ies"
    elif last.endswith(("s", "sh", "ch", "x")):
        last += "es"
    else:
        last += "s"
    return " ".join([*lead, last])


def _number_patterns(lex: dict) -> tuple[str, str, str]:
    """(any number phrase, a core number, a range), as regex sources."""
    word = _alt([*lex["units"], *lex["tens"], *lex["scales"]])
    wordnum = rf"(?:{word})(?:(?:\s+|-)(?:{word})|(?:(?<=hundred)|(?<=thousand))\s+and\s+(?:{word}))*"
    core = rf"(?:\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d+|{wordnum})(?:\s+dozen)?"
    range_ = rf"between\s+{core}\s+and\s+{core}|{core}\s+(?:to|or)\s+{core}|\d+\s*[-\u2013]\s*\d+"
    quant = _alt(lex["quantifiers"])
    body = "|".join(
        [range_, _alt(lex["vague_quantities"]), _alt(lex["unknown_quantities"]), core, _alt(lex["articles"])]
    )
    number = rf"(?<![\w/.:-])(?:(?:{quant})\s+)?(?:{body})(?![\w/:-])(?!\.\d)"
    return number, core, range_


def _head_table(lex: dict) -> dict[str, tuple[str, bool]]:
    table: dict[str, tuple[str, bool]] = {}
    for cls, key in (("victim", "victim_nouns"), ("perp", "perpetrator_nouns")):
        for noun in lex[key]:
            plural = _plural(noun, lex["irregular_plurals"])
            table[plural] = (cls, True)
            table.setdefault(noun, (cls, noun == plural))
    return table


def _verb_pattern(lex: dict) -> str:
    groups = (
        ("amb", "ambiguous_verbs"),
        ("sustain", "sustain_injury_phrases"),
        ("kill", "kill_verbs_active"),
        ("killp", "kill_participles"),
        ("die", "die_verbs"),
        ("wound", "wound_verbs_active"),
        ("dead", "dead_adjectives"),
    )
    return "|".join(rf"(?P<{name}>{_words(_alt(lex[key]))})" for name, key in groups)


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    lex = json.loads(_LEXICON.read_text("utf-8"))
    number, core, range_ = _number_patterns(lex)
    heads = _head_table(lex)
    flags = re.IGNORECASE
    toll_num = rf"(?P<num>{number})"
    toll_nouns = rf"(?P<fat>{_alt(lex['toll_nouns_fatal'])})|(?P<inj>{_alt(lex['toll_nouns_injured'])})"
    zero = "|".join(rf"(?P<{g}>{_words(_alt(lex[k]))})" for g, k in (
        ("both", "zero_both"), ("fat", "zero_fatalities"), ("inj", "zero_injured")))
    sets = {k: frozenset(lex[k]) for k in (
        "auxiliaries", "verb_adverbs", "clause_boundaries", "np_participles", "unit_words", "address_words",
        "name_titles", "abbreviations", "victim_modifiers", "stop_verbs", "prepositions")}
    return _Rules(
        lex=lex,
        number=re.compile(number, flags),
        quant=re.compile(rf"(?P<q>{_alt(lex['quantifiers'])})\s+", flags),
        core=re.compile(core, flags),
        range_=re.compile(range_, flags),
        head=re.compile(_words(_alt(heads)), flags),
        heads=heads,
        verb=re.compile(_verb_pattern(lex), flags),
        zero=re.compile(zero, flags),
        toll=re.compile(rf"(?<![\w-])(?:{toll_nouns})(?:\s+[\w-]+){{0,4}}?\s+(?:to|at|of)\s+{toll_num}", flags),
        restate=re.compile(rf"^\W*(?:{_alt(lex['restatement_openers'])})\b", flags),
        mask=re.compile(rf"\([^()]*\)|{_words(_alt(lex['subordinate_markers']))}[^,;]*", flags),
        relative=re.compile(r"\([^()]*\)|,\s*(?:who|which|whose|whom)\b[^,;]*,", flags),
        sep=re.compile(r",\s*(?:and\s+|as\s+well\s+as\s+)?|(?:^|\s)(?:and|as\s+well\s+as|along\s+with|plus)\s", flags),
        token=re.compile(r"\w+(?:[-'\u2019.]\w+)*|[^\w\s]"),
        sent_end=re.compile(r"[.!?]+[\"'\u201d\u2019)]*\s+(?=[\"'\u201c(]?[A-Z0-9])"),
        sets=sets,
        cue=re.compile(_alt(lex["cue_stems"]), flags),
    )


# ---------------------------------------------------------------- numbers


def _core_value(phrase: str, lex: dict) -> int | None:
    phrase = phrase.lower().replace(",", "")
    dozen = phrase.endswith("dozen")
    phrase = phrase.removesuffix("dozen").strip()
    if phrase.isdigit():
        value = int(phrase)
    else:
        total, current = 0, 0
        for word in re.split(r"[\s-]+", phrase):
            if word in lex["units"] or word in lex["tens"]:
                current += lex["units"].get(word, lex["tens"].get(word, 0))
            elif word in ("hundred",):
                current = max(current, 1) * 100
            elif word in lex["scales"]:
                total += max(current, 1) * lex["scales"][word]
                current = 0
            elif word != "and":
                return None
        value = total + current
    return value * 12 if dozen else value


def _apply_quantifier(kind: str, value: int, margin: float) -> Triple:
    if kind == "at_least":
        return (value, value, None)
    if kind == "more_than":
        return (value + 1, value + 1, None)
    if kind == "nearly":
        return (math.floor(value * (1 - margin)), value, value)
    if kind == "approx":
        return (math.floor(value * (1 - margin)), value, math.ceil(value * (1 + margin)))
    if kind == "up_to":
        return (min(1, value), value, value)
    if kind == "fewer_than":
        return (0, max(value - 1, 0), max(value - 1, 0))
    return (value, value, value)


@lru_cache(maxsize=8192)
def parse_number(phrase: str) -> tuple[int, int, int] | None:
    """(low, best, high) for a number phrase; None when it is not one or the count is unknown.

    Bounds may be None where the phrase gives none (``at least 5`` -> (5, 5, None)).
    """
    rules = _rules()
    lex = rules.lex
    text = " ".join(phrase.lower().split())
    kind = "exact"
    quant = rules.quant.match(text)
    if quant and rules.number.fullmatch(text[quant.end():]):
        kind = lex["quantifiers"][" ".join(quant.group("q").split())]
        text = text[quant.end():]
    if not rules.number.fullmatch(text):
        return None
    if text in lex["vague_quantities"]:
        low, best, high = lex["vague_quantities"][text]
        return (low, best, high) if kind == "exact" else (low, best, None)
    if text in lex["articles"]:
        return _apply_quantifier(kind, lex["articles"][text], lex["approx_margin"])  # type: ignore[return-value]
    if rules.range_.fullmatch(text):
        a, b = (_core_value(m.group(), lex) for m in rules.core.finditer(text.removeprefix("between")))
        if a is None or b is None:
            return None
        a, b = min(a, b), max(a, b)
        return (a, (a + b) // 2, b)
    value = _core_value(text, lex) if rules.core.fullmatch(text) else None
    return None if value is None else _apply_quantifier(kind, value, lex["approx_margin"])  # type: ignore[return-value]


# ---------------------------------------------------------------- sentence structure


@dataclass(frozen=True)
class _Item:
    value: Triple
    cls: str  # "victim" or "perp"
    span: Span  # absolute
    real: bool  # from a number, not from an article, a name or a singular noun


@dataclass(frozen=True)
class _Sent:
    work: str  # the sentence with consumed phrases blanked out (offsets kept)
    base: int  # absolute offset of work[0]
    toks: list[tuple[int, int, str]]
    starts: list[int]
    verb_toks: frozenset[int]
    text: str  # the whole text, for antecedents ("two officers ... The officers were killed")
    floor: int  # start of the focus span: antecedents are not sought before it


@dataclass
class _Acc:
    perp_as_victim: bool
    found: dict[str, list[tuple[Triple, Span]]] = field(default_factory=lambda: {c: [] for c in _CATEGORIES})
    tolls: dict[str, list[tuple[Triple, Span]]] = field(default_factory=lambda: {c: [] for c in _CATEGORIES})
    last: tuple[str, list[tuple[Triple, Span]]] | None = None


_PUNCT_STOPS = frozenset(";:!?\"\u201c\u201d\u2014")
_BARE_TAIL = frozenset({"more", "of", "them", "those", "others", "other", "and", "people"})
_FUNCTION_WORDS = frozenset(
    "the a an this that these those his her their its no they we it he she i you there".split())
_NOMINAL_BEFORE = re.compile(r"(?:^|\W)(?:the|a|an|his|her|their|its)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


def _blank(work: str, spans: list[Span]) -> str:
    pieces, last = [], 0
    for a, b in spans:
        pieces += [work[last:a], " " * (b - a)]
        last = b
    return "".join(pieces) + work[last:]


def _consume(sent: str, base: int, rules: _Rules, acc: _Acc) -> str:
    """Record zero statements and revised tolls, and blank them out so verbs do not count them again."""
    # parentheses and ", who was also ...," never hold the subject; blanking them keeps the scans short
    work = rules.relative.sub(lambda m: " " * len(m.group()), sent)
    targets = {"both": ("fatalities", "injured"), "fat": ("fatalities",), "inj": ("injured",)}
    zeros = list(rules.zero.finditer(work))
    for m in zeros:
        for cat in targets[m.lastgroup or "both"]:
            acc.found[cat].append(((0, 0, 0), (base + m.start(), base + m.end())))
    work = _blank(work, [m.span() for m in zeros])
    tolls = list(rules.toll.finditer(work))
    for m in tolls:
        value = parse_number(m.group("num"))
        if value is not None:
            cat = "injured" if m.group("inj") else "fatalities"
            acc.tolls[cat].append((value, (base + m.start(), base + m.end())))
    return _blank(work, [m.span() for m in tolls])


def _is_stop(ctx: _Sent, i: int, rules: _Rules, rightward: bool = False) -> bool:
    lo, _, t = ctx.toks[i]
    if i in ctx.verb_toks or t in _PUNCT_STOPS:
        return True
    sets = rules.sets
    words = (sets["clause_boundaries"], sets["auxiliaries"], sets["stop_verbs"]) + (
        (sets["prepositions"],) if rightward else ())
    if any(t in ws for ws in words):
        return not rules.number.match(ctx.work, lo)  # "at least five", "over 20" open a number
    if t.endswith(("ed", "ing")) and t not in sets["np_participles"] and t not in rules.heads:
        return ctx.work[lo].islower()
    return False


def _verb_group(ctx: _Sent, vi: int, rules: _Rules) -> tuple[int, bool]:
    """(last token before the verb group, passive?); 'was sexually assaulted and later killed' is one group."""
    i, plain, found = vi - 1, None, False
    sets = rules.sets
    while i >= 0 and i not in ctx.verb_toks:
        t = ctx.toks[i][2]
        if t in sets["auxiliaries"]:
            found = True
        elif t not in sets["verb_adverbs"] and not t.endswith("ly"):
            plain = i if plain is None else plain
            participle = t.endswith(("ed", "en")) and t not in sets["np_participles"] and t not in rules.lex["units"]
            if found or not participle:
                break
        i -= 1
    return (i, True) if found else (i if plain is None else plain, False)


def _left_span(ctx: _Sent, i: int, rules: _Rules) -> Span | None:
    if i < 0 or i in ctx.verb_toks:
        return None
    end, lo = ctx.toks[i][1], None
    for j in range(i, max(i - _SCAN_LIMIT, -1), -1):
        if _is_stop(ctx, j, rules):
            break
        lo = ctx.toks[j][0]
    return (lo, end) if lo is not None else None


def _right_span(ctx: _Sent, vj: int, rules: _Rules) -> Span | None:
    hi = None
    for j in range(vj, min(vj + _SCAN_LIMIT, len(ctx.toks))):
        if _is_stop(ctx, j, rules, rightward=True) or ctx.toks[j][2] == ".":
            break
        hi = ctx.toks[j][1]
    return (ctx.toks[vj][0], hi) if hi is not None else None


# ---------------------------------------------------------------- argument phrases


def _counts(local: str, m: re.Match[str], rules: _Rules) -> bool:
    """False for numbers that are addresses, ages, times or units rather than head counts."""
    after = re.match(r"\s*([\w%'.-]+)", local[m.end():])
    before = re.search(r"([\w.]+)\s*$", local[: m.start()])
    if after and after.group(1).lower().rstrip(".") in rules.sets["unit_words"]:
        return False
    return not (before and before.group(1).lower().rstrip(".") in rules.sets["address_words"])


def _is_name(seg: str, rules: _Rules) -> bool:
    words = [w for w in re.findall(r"[\w'\u2019-]+", seg) if w.lower() not in rules.sets["name_titles"]]
    if not 1 <= len(words) <= 5:
        return False
    lowered = {w.lower() for w in words}
    closed = _FUNCTION_WORDS | rules.sets["prepositions"] | rules.sets["clause_boundaries"]
    if lowered & closed or any(w in rules.heads for w in lowered):
        return False
    return all(w[0].isupper() for w in words)


def _numbered(local: str, n: re.Match[str], start: int, end: int, rules: _Rules, offset: int) -> _Item | None:
    value = parse_number(n.group())
    if value is None:
        return None
    real = " ".join(n.group().lower().split()) not in rules.lex["articles"]
    h = rules.head.search(local, n.end(), end)
    if h and len(re.findall(r"\w+", local[n.end():h.start()])) <= _GAP_LIMIT:
        cls, _ = rules.heads[" ".join(h.group().lower().split())]
        between = set(re.findall(r"[\w-]+", local[n.start():h.start()].lower()))
        if cls == "perp" and between & rules.sets["victim_modifiers"]:
            cls = "victim"
        return _Item(value, cls, (offset + n.start(), offset + h.end()), real)
    tail = re.findall(r"[\w'\u2019-]+", local[n.end():end].lower())
    lead = set(local[start:n.start()].lower().split()) - {"the", "all", "and"}
    if (real or n.group().lower() == "another") and set(tail) <= _BARE_TAIL:
        return _Item(value, "victim", (offset + n.start(), offset + n.end()), real)
    if lead or value[1] == 0 or len(tail) > _GAP_LIMIT + 2 or set(tail) & rules.sets["prepositions"]:
        return None
    # a counted noun outside the lexicon ("two university lecturers", "a school principal") is a victim group
    return _Item(value, "victim", (offset + n.start(), offset + end - (len(local[:end]) - len(local[:end].rstrip()))), real)


@lru_cache(maxsize=512)
def _antecedent_regex(head: str) -> re.Pattern[str]:
    rules = _rules()
    target = rules.head.pattern if head == "them" else re.escape(head)
    return re.compile(rf"({rules.number.pattern})\s+(?:[\w()'-]+\s+){{0,4}}?({target})(?![\w-])", re.IGNORECASE)


def _antecedent(ctx: _Sent, head: str, before: int) -> tuple[Triple | None, str]:
    """The number of an earlier mention of the same plural noun: 'abducted four boys ... The boys were killed'.

    For 'them' the latest counted group of the sentence, with its class ('... the two assailants, killing them').
    """
    last: tuple[Triple | None, str] = (None, "victim")
    floor = max(ctx.base if head == "them" else ctx.floor, before - _ANTECEDENT_WINDOW)
    for m in _antecedent_regex(head).finditer(ctx.text, floor, before):
        noun = " ".join(m.group(2).lower().split())
        last = (parse_number(m.group(1)), _rules().heads.get(noun, ("victim", True))[0])
    return last


def _definite_noun(seg: str, rules: _Rules) -> str | None:
    """The noun of 'the director of ...' / "Shinwari's granddaughter" (a definite phrase), else None."""
    words = seg.lower().split()
    if len(words) < 2 or not (words[0] in ("the", "his", "her") or words[0].endswith(("'s", "\u2019s"))):
        return None
    chunk = words[1:]
    for k, w in enumerate(chunk):
        if w == "of" or w in rules.sets["prepositions"]:
            chunk = chunk[:k]
            break
    return chunk[-1] if chunk else None


def _segment(ctx: _Sent, local: str, start: int, end: int, nums: list[re.Match[str]], rules: _Rules, offset: int) -> _Item | None:
    seg = local[start:end]
    inside = [n for n in nums if start <= n.start() < end]
    if inside:
        return _numbered(local, inside[0], start, end, rules, offset)
    span = (offset + start + len(seg) - len(seg.lstrip()), offset + start + len(seg.rstrip()))
    h = rules.head.search(local, start, end)
    if h:
        cls, plural = rules.heads[" ".join(h.group().lower().split())]
        if not plural:
            return _Item((1, 1, 1), cls, span, False)
        value = _antecedent(ctx, h.group(), offset + h.start())[0] if seg.split()[0].lower() == "the" else None
        return _Item(value, cls, span, False) if value else None
    noun = _definite_noun(seg, rules)
    if noun and (not noun.endswith("s") or noun.endswith("ss")):
        return _Item((1, 1, 1), "victim", span, False)
    if noun and seg.split()[0].lower() == "the":  # "The coal miners were shot": back to "11 Hazara coal miners"
        value = _antecedent(ctx, noun, span[0])[0]
        return _Item(value, "victim", span, False) if value else None
    word = seg.strip().lower()
    if word == "them":
        value, cls = _antecedent(ctx, "them", span[0])
        return _Item(value, cls, span, False) if value else None
    if word in rules.lex["reflexive_perpetrator"]:
        n = rules.lex["reflexive_perpetrator"][word]
        return _Item((n, n, n), "perp", span, False) if n else None
    if word in rules.lex["personal_pronouns"] or _is_name(seg, rules):
        return _Item((1, 1, 1), "victim", span, False)
    return None


def _parse_args(ctx: _Sent, span: Span, rules: _Rules) -> list[_Item]:
    """The groups named in a subject or object phrase: 'three soldiers and two civilians' -> 2 items."""
    a, b = span
    local = rules.mask.sub(lambda m: " " * len(m.group()), ctx.work[a:b])
    nums = [m for m in rules.number.finditer(local) if _counts(local, m, rules)]
    seps = [s for s in rules.sep.finditer(local) if not any(n.start() < s.end() and s.start() < n.end() for n in nums)]
    starts = [(0, "first")] + [(s.end(), "comma" if "and" not in s.group() else "and") for s in seps]
    ends = [s.start() for s in seps] + [len(local)]
    items: list[_Item] = []
    apposition = False
    for (start, sep), end in zip(starts, ends):
        item = _segment(ctx, local, start, end, nums, rules, ctx.base + a)
        if sep == "comma" and items and local[start:end].strip() and (item is None or not item.real):
            apposition = True  # "Wadan, a spokesperson ... and former head of ..." names the same person
        elif item is not None and (item.real or not apposition):
            apposition = False
            items.append(item)
    return items


# ---------------------------------------------------------------- verbs and totals

_BASE = {"kill": "killed", "killp": "killed", "die": "killed", "dead": "killed", "wound": "injured",
         "sustain": "injured", "amb": "ambiguous"}


def _active_only(verb: str) -> bool:
    word = verb.lower().split()[0]
    return word.endswith(("ing", "s")) or word in ("kill", "slew", "wound", "injure", "claimed", "took")


def _record(acc: _Acc, base: str, items: list[_Item], verb: Span) -> None:
    entries: list[tuple[Triple, Span]] = []
    for item in items:
        span = (min(item.span[0], verb[0]), max(item.span[1], verb[1]))
        if base == "ambiguous":
            cats = [("fatalities", (0, None, item.value[2])), ("injured", (0, None, item.value[2]))]
        elif base == "injured":
            cats = [("injured", item.value)]
        elif item.cls == "perp" and not acc.perp_as_victim:
            cats = [("perpetrators_killed", item.value)]
        else:
            cats = [("fatalities", item.value)]
        for cat, value in cats:
            acc.found[cat].append((value, span))
            entries.append((value, span))
    acc.last = (base, entries) if entries else acc.last


def _shared_subject(acc: _Acc, verb: Span) -> None:
    """'X was injured and later died': X moves from the injured to the killed."""
    if acc.last is None or acc.last[0] != "injured":
        return
    moved = set(acc.last[1])
    if not moved <= set(acc.found["injured"][-len(moved):]):
        return
    del acc.found["injured"][-len(moved):]  # they were the latest injured entries: O(1) for long texts
    for value, span in acc.last[1]:
        acc.found["fatalities"].append((value, (span[0], max(span[1], verb[1]))))
    acc.last = None


def _handle_verb(ctx: _Sent, m: re.Match[str], rules: _Rules, acc: _Acc) -> None:
    kind = m.lastgroup or "kill"
    vi, vj = bisect_left(ctx.starts, m.start()), bisect_left(ctx.starts, m.end())
    verb = (ctx.base + m.start(), ctx.base + m.end())
    left, passive = _verb_group(ctx, vi, rules)
    if kind in ("kill", "wound") and not passive:
        obj = _right_span(ctx, vj, rules) if vj < len(ctx.toks) else None
        items = _parse_args(ctx, obj, rules) if obj else []
        if items or _active_only(m.group()):
            _record(acc, _BASE[kind], items, verb)
            return
    subj = _left_span(ctx, left, rules)
    if subj is None and passive and left >= 0 and ctx.toks[left][2] in ("and", "but"):
        floor = max(0, left - _SCAN_LIMIT)
        first = max((k + 1 for k in range(floor, left) if ctx.toks[k][2] in (":", ";")), default=floor)
        subj = _right_span(ctx, first, rules)  # "An assailant attempted ..., but was killed": the clause subject
    items = _parse_args(ctx, subj, rules) if subj else []
    if not items and kind == "die" and subj is None:
        _shared_subject(acc, verb)
    _record(acc, _BASE[kind], items, verb)


def _parse_sentence(text: str, s: int, e: int, floor: int, rules: _Rules, acc: _Acc) -> None:
    sent = text[s:e]
    if not rules.cue.search(sent) or rules.restate.match(sent):
        return  # "Among the dead were three infants" restates a count already made
    work = _consume(sent, s, rules, acc)
    verbs = [m for m in rules.verb.finditer(work) if not _NOMINAL_BEFORE.search(work[max(0, m.start() - 30): m.start()])]
    toks = [(m.start(), m.end(), m.group().lower()) for m in rules.token.finditer(work)]
    starts = [t[0] for t in toks]
    verb_toks = {i for m in verbs for i in range(bisect_left(starts, m.start()), bisect_left(starts, m.end()))}
    ctx = _Sent(work, s, toks, starts, frozenset(verb_toks), text, floor)
    acc.last = None
    for m in verbs:
        _handle_verb(ctx, m, rules, acc)


def _sentences(text: str, a: int, b: int, rules: _Rules):
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


def _total(entries: list[tuple[Triple, Span]], tolls: list[tuple[Triple, Span]]) -> Casualties:
    values = [v for v, _ in entries]
    bests = [v[1] for v in values if v[1] is not None]
    lows = [v[0] for v in values if v[0] is not None]
    best = sum(bests) if bests else None
    low = sum(lows) if lows else None
    high = None if not values or any(v[2] is None for v in values) else sum(v[2] for v in values)  # type: ignore[misc]
    if not tolls:
        return Casualties(low, best, high)
    seen = [x for v in [(low, best, high), *(t for t, _ in tolls)] for x in v if x is not None]
    return Casualties(min(seen), tolls[-1][0][1], max(seen))


def parse_casualties(
    text: str, focus: list[tuple[int, int]] | None = None, *, perpetrator_nouns_are_victims: bool = False
) -> CasualtyFigures:
    """Killed, injured and assailants killed in ``text`` (or in its ``focus`` spans), with the spans used."""
    rules = _rules()
    acc = _Acc(perp_as_victim=perpetrator_nouns_are_victims)
    for a, b in _merge(text, focus):
        for s, e in _sentences(text, a, b, rules):
            _parse_sentence(text, s, e, a, rules, acc)
    totals = {c: _total(acc.found[c], acc.tolls[c]) for c in _CATEGORIES}
    spans = {c: sorted({sp for _, sp in acc.found[c] + acc.tolls[c]}) for c in _CATEGORIES}
    return CasualtyFigures(**totals, spans={c: v for c, v in spans.items() if v})
