"""Who a subject or object phrase counts: 'three soldiers and two civilians', 'the boys', 'them', 'Rahimi'.

Each group becomes an ``Item``: a (low, best, high) count, a class (victim or perpetrator, from the
victim and perpetrator nouns of the lexicon) and its span. Internal to the casualty parser.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from conflictlens.extract.casualties.numbers import parse_number
from conflictlens.extract.casualties.rules import Rules, Span, Triple, casualty_rules
from conflictlens.extract.patterns import compile_pattern

_ANTECEDENT_WINDOW = 1000  # chars searched back for "four boys" when reading "the boys"
_GAP_LIMIT = 6  # tokens allowed between a number and its head noun ("two Afghan National Army soldiers")
_BARE_TAIL = frozenset({"more", "of", "them", "those", "others", "other", "and", "people"})
_CONTINUING = frozenset({"more", "others", "other"})  # 'one more', 'eight others': the group named before
_FUNCTION_WORDS = frozenset(
    "the a an this that these those his her their its no they we it he she i you there".split())
_ONE = (1, 1, 1)


@dataclass(frozen=True)
class Item:
    value: Triple
    cls: str  # "victim" or "perp"
    span: Span  # absolute
    real: bool  # from a number, not from an article, a name or a singular noun
    refers_to: int | None = None  # "the two guards": where the same group was numbered before (absolute)


@dataclass(frozen=True)
class Sentence:
    work: str  # the sentence with consumed phrases blanked out (offsets kept)
    base: int  # absolute offset of work[0]
    toks: list[tuple[int, int, str]]
    starts: list[int]
    verb_toks: frozenset[int]
    text: str  # the whole text, for antecedents ("two officers ... The officers were killed")
    floor: int  # start of the focus passage: antecedents are not sought before it


@dataclass(frozen=True)
class _Phrase:
    """One segment of an argument phrase: local[start:end], `offset` being the absolute offset of local[0]."""

    local: str
    start: int
    end: int
    offset: int

    @property
    def text(self) -> str:
        return self.local[self.start:self.end]

    def absolute(self, a: int, b: int) -> Span:
        return (self.offset + a, self.offset + b)


def _counts_heads(local: str, m: re.Match[str], rules: Rules) -> bool:
    """False for numbers that are addresses, ages, times or units rather than head counts."""
    after = re.match(r"\s*([\w%'.-]+)", local[m.end():])
    before = re.search(r"([\w.]+)\s*$", local[: m.start()])
    if after and after.group(1).lower().rstrip(".") in rules.sets["unit_words"]:
        return False
    if before and before.group(1) == "May":  # "On May 14, three civilians were killed" (the month, not 'may')
        return False
    return not (before and before.group(1).lower().rstrip(".") in rules.sets["address_words"])


def _is_name(seg: str, rules: Rules) -> bool:
    words = [w for w in re.findall(r"[\w'\u2019-]+", seg) if w.lower() not in rules.sets["name_titles"]]
    if not 1 <= len(words) <= 5:
        return False
    lowered = {w.lower() for w in words}
    closed = _FUNCTION_WORDS | rules.sets["prepositions"] | rules.sets["clause_boundaries"]
    if lowered & closed or any(w in rules.heads for w in lowered):
        return False
    return all(w[0].isupper() for w in words)


def _head_class(phrase: _Phrase, n: re.Match[str], h: re.Match[str], rules: Rules) -> str:
    """The head noun's class, but a victim modifier makes victims of perpetrator nouns ('three former militants')."""
    cls, _ = rules.heads[" ".join(h.group().lower().split())]
    between = set(re.findall(r"[\w-]+", phrase.local[n.start():h.start()].lower()))
    return "victim" if cls == "perp" and between & rules.sets["victim_modifiers"] else cls


def _numbered(ctx: Sentence, phrase: _Phrase, n: re.Match[str], rules: Rules) -> Item | None:
    """The group a number counts: 'two police officers', a bare 'three', 'two university lecturers'."""
    value = parse_number(n.group())
    if value is None:
        return None
    local, end = phrase.local, phrase.end
    real = " ".join(n.group().lower().split()) not in rules.lex["articles"]
    h = rules.head.search(local, n.end(), end)
    if h and len(re.findall(r"\w+", local[n.end():h.start()])) <= _GAP_LIMIT:
        told = _told_before(ctx, h.group(), value, phrase.offset + n.start()) if _definite(phrase, n) else None
        head = h.group().lower()
        cls = _continued_class(ctx, phrase.offset + n.start(), [head], rules) if head in _CONTINUING \
            else _head_class(phrase, n, h, rules)
        return Item(value, cls, phrase.absolute(n.start(), h.end()), real, told)
    tail = re.findall(r"[\w'\u2019-]+", local[n.end():end].lower())
    lead = set(local[phrase.start:n.start()].lower().split()) - {"the", "all", "and"}
    if (real or n.group().lower() == "another") and set(tail) <= _BARE_TAIL:
        return Item(value, _continued_class(ctx, phrase.offset + n.start(), tail, rules),
                    phrase.absolute(n.start(), n.end()), real)
    if lead or value[1] == 0 or len(tail) > _GAP_LIMIT + 2 or set(tail) & rules.sets["prepositions"] \
            or (tail and _names_no_person(tail[-1], rules)):  # "As a result, five soldiers died"
        return None
    # a counted noun outside the lexicon ("two university lecturers", "a school principal") is a victim group
    return Item(value, "victim", phrase.absolute(n.start(), len(local[:end].rstrip())), real)


def _continued_class(ctx: Sentence, at: int, tail: list[str], rules: Rules) -> str:
    """'Three attackers blew themselves up while one more was shot dead', 'capturing six of the militants
    while eight others died': a bare 'more' or 'others' continues the group the sentence named last
    before it (attackers stay attackers); any other bare number counts victims."""
    if not set(tail) & _CONTINUING:
        return "victim"
    last = None
    for last in rules.head.finditer(ctx.work, 0, max(0, at - ctx.base)):
        pass
    return rules.heads[" ".join(last.group().lower().split())][0] if last is not None else "victim"


@lru_cache(maxsize=512)
def _antecedent_regex(head: str) -> re.Pattern[str]:
    rules = casualty_rules()
    target = rules.head.pattern if head == "them" else re.escape(head)
    source = rf"({rules.number.pattern})\s+(?:[\w()'-]+\s+){{0,4}}?({target})(?![\w-])"
    # "them" (every head noun) took about 20 ms to compile: from the start-up cache. A head as a report
    # writes it ("Boys", "guards") stays out of that cache, which keeps the lexicons' patterns only.
    return compile_pattern(source, re.IGNORECASE) if head == "them" else re.compile(source, re.IGNORECASE)


def _definite(phrase: _Phrase, n: re.Match[str]) -> bool:
    return phrase.local[phrase.start:n.start()].split() in (["the"], ["The"])


def _told_before(ctx: Sentence, head: str, value: Triple, before: int) -> int | None:
    """Where the text numbered the same group before ('two guards ... the two guards'), if it did. Not
    bounded by the passage: only a mention already counted for this incident makes it a repeat."""
    pattern, pos, found = _antecedent_regex(head), max(0, before - _ANTECEDENT_WINDOW), None
    # Matches may overlap ("four militants and two soldiers"): search on from each number, not past it.
    while (m := pattern.search(ctx.text, pos, before)) is not None:
        if parse_number(m.group(1)) == value:
            found = m.start(1)
        pos = m.start(1) + 1
    return found


def _antecedent(ctx: Sentence, head: str, before: int) -> tuple[Triple | None, str, int | None]:
    """The number of an earlier mention of the same plural noun: 'abducted four boys ... The boys were killed',
    its class and where it stands.

    For 'them' the latest counted group of the sentence, with its class ('... the two assailants, killing them').
    """
    last: tuple[Triple | None, str, int | None] = (None, "victim", None)
    floor = max(ctx.base if head == "them" else ctx.floor, before - _ANTECEDENT_WINDOW)
    for m in _antecedent_regex(head).finditer(ctx.text, floor, before):
        noun = " ".join(m.group(2).lower().split())
        last = (parse_number(m.group(1)), casualty_rules().heads.get(noun, ("victim", True))[0], m.start(1))
    return last


def _definite_noun(seg: str, rules: Rules) -> str | None:
    """The noun of 'the director of ...' / "Shinwari's granddaughter" (a definite phrase), else None."""
    words = seg.lower().split()
    if len(words) < 2 or not (words[0] in ("the", "his", "her", "their") or words[0].endswith(("'s", "\u2019s"))):
        return None
    chunk = words[1:]
    for k, w in enumerate(chunk):
        if w == "of" or w in rules.sets["prepositions"]:
            chunk = chunk[:k]
            break
    return chunk[-1] if chunk else None


def _names_no_person(noun: str | None, rules: Rules) -> bool:
    """'the number of dead may be higher', 'died during the attack and a sixth died': a definite noun of a
    quantity or of the act names no victim."""
    return noun is not None and (noun in rules.sets["not_person_nouns"] or noun in rules.sets["earlier_act_nouns"])


def _referred(ctx: Sentence, noun: str, at: int, cls: str, span: Span) -> Item | None:
    """'The boys' counted by an earlier 'four boys'; nothing when no earlier mention gives the number."""
    # "killed at least 20 soldiers ... if the soldiers died": the group counted already is not counted again
    value, _, where = _antecedent(ctx, noun, at)
    return Item(value, cls, span, False, refers_to=where) if value else None


def _by_head(ctx: Sentence, phrase: _Phrase, h: re.Match[str], span: Span, rules: Rules) -> Item | None:
    """A lexicon noun without a number: 'the suicide bomber' is one; 'the boys' needs an earlier 'four boys'."""
    cls, plural = rules.heads[" ".join(h.group().lower().split())]
    if not plural:
        return Item(_ONE, cls, span, False)
    definite = phrase.text.split()[0].lower() == "the"
    return _referred(ctx, h.group(), phrase.offset + h.start(), cls, span) if definite else None


def _pronoun_or_name(ctx: Sentence, seg: str, span: Span, rules: Rules) -> Item | None:
    word = seg.strip().lower()
    if word == "them":
        value, cls, _ = _antecedent(ctx, "them", span[0])
        return Item(value, cls, span, False) if value else None
    if word in rules.lex["reflexive_perpetrator"]:
        n = rules.lex["reflexive_perpetrator"][word]
        return Item((n, n, n), "perp", span, False) if n else None
    if word in rules.lex["personal_pronouns"] or _is_name(seg, rules):
        return Item(_ONE, "victim", span, False)
    return None


def _segment(ctx: Sentence, phrase: _Phrase, nums: list[re.Match[str]], rules: Rules) -> Item | None:
    inside = [n for n in nums if phrase.start <= n.start() < phrase.end]
    if inside:
        return _numbered(ctx, phrase, inside[0], rules)
    seg = phrase.text
    span = phrase.absolute(phrase.start + len(seg) - len(seg.lstrip()), phrase.start + len(seg.rstrip()))
    h = rules.head.search(phrase.local, phrase.start, phrase.end)
    if h:
        return _by_head(ctx, phrase, h, span, rules)
    noun = _definite_noun(seg, rules)
    if noun in rules.sets["group_adjectives"] or _names_no_person(noun, rules):
        return None  # "the injured were taken to hospital": a group of untold size, not one person
    if noun and (not noun.endswith("s") or noun.endswith("ss")):
        return Item(_ONE, "victim", span, False)
    if noun and seg.split()[0].lower() == "the":  # "The coal miners were shot": back to "11 Hazara coal miners"
        return _referred(ctx, noun, span[0], "victim", span)
    return _pronoun_or_name(ctx, seg, span, rules)


def parse_args(ctx: Sentence, span: Span, rules: Rules) -> list[Item]:
    """The groups named in a subject or object phrase: 'three soldiers and two civilians' -> 2 items."""
    a, b = span
    masks = list(rules.mask.finditer(ctx.work, a, b))
    local = rules.mask.sub(lambda m: " " * len(m.group()), ctx.work[a:b])
    # "12 persons, including seven policemen, a guard and four residents, were killed": a list set off by
    # commas up to its verb goes on past them ("Five members, including a commander, and two civilians were
    # killed" is two groups), but for the attackers, who are never among the victims included
    closed = local.rstrip().endswith(",")
    inclusion = next((m.start() - a for m in masks if closed and not m.group().startswith("(")), len(local))
    nums = [m for m in rules.number.finditer(local) if _counts_heads(local, m, rules)]
    seps = [s for s in rules.sep.finditer(local) if not any(n.start() < s.end() and s.start() < n.end() for n in nums)]
    starts = [(0, "first")] + [(s.end(), "comma" if "and" not in s.group() else "and") for s in seps]
    ends = [s.start() for s in seps] + [len(local)]
    items: list[Item] = []
    apposition = place = untold = False
    for k, ((start, sep), end) in enumerate(zip(starts, ends)):
        if k == 0 and len(starts) > 1 and starts[1][1] == "comma" and _introductory(local[start:end]):
            continue  # "Sadly, 12 people died": an opening adverb, not a person's name
        if sep == "comma" and items and _age_after_name(local, starts[k - 1][0], ends[k - 1], start, end, rules):
            continue  # "Ghozlan Feisal, 4, and her brother were killed": her age, not four victims
        item = _segment(ctx, _Phrase(local, start, end, ctx.base + a), nums, rules)
        if start > inclusion and (item is None or item.cls != "perp"):
            continue  # a victim of the list included; "..., and three assailants were killed" are not
        untold = untold or (item is None and bare_plural(local[start:end], rules, nums, start, end))
        # "in Makhachkala and Derbent, 46 people": a name joined to a place is a place, not a victim
        place = _opens_place(local[start:end], rules) or (place and sep == "and" and not (item and item.real))
        if place and item is not None and not item.real:
            continue
        if sep == "comma" and items and local[start:end].strip() and (item is None or not item.real):
            apposition = True  # "Wadan, a spokesperson ... and former head of ..." names the same person
        elif item is not None and (item.real or not apposition):
            apposition = False
            items.append(item)
    # "killed patrons, a bartender and female dancers": beside groups of untold size, 'a bartender' is no count
    return [item for item in items if item.real] if untold else items


def _age_after_name(local: str, a: int, b: int, start: int, end: int, rules: Rules) -> bool:
    """Whether local[start:end] is a bare number set between commas after a name (local[a:b])."""
    return bool(rules.core.fullmatch(local[start:end].strip())) and _is_name(local[a:b], rules) \
        and local[end:end + 1] in (",", "")


def _introductory(segment: str) -> bool:
    words = re.findall(r"[\w'\u2019-]+", segment)
    return len(words) == 1 and words[0][0].isupper() and words[0].lower().endswith("ly")


def bare_plural(segment: str, rules: Rules, nums: list[re.Match[str]] = (), start: int = 0, end: int = 0) -> bool:
    """'patrons', 'female dancers', 'children': a group in the plural, told without a number, a determiner
    or a name (`nums`: the numbers of the phrase, of which none may lie in start:end)."""
    words = re.findall(r"[\w'\u2019-]+", segment)
    if not words or any(start <= n.start() < end for n in nums) or not all(w.islower() for w in words):
        return False
    plural = rules.heads.get(words[-1], ("", words[-1].endswith("s") and not words[-1].endswith("ss")))[1]
    return words[0] not in _FUNCTION_WORDS and plural and rules.number.match(words[0]) is None


def _opens_place(segment: str, rules: Rules) -> bool:
    """Whether a segment ends on a place ('in Makhachkala', 'the attacks in Tarin'): a preposition
    followed only by capitalised words."""
    words = segment.split()
    at = max((k for k, w in enumerate(words) if w.lower() in rules.sets["prepositions"]), default=None)
    return at is not None and at < len(words) - 1 and all(w[0].isupper() for w in words[at + 1:])


def included_count(m: re.Match[str], rules: Rules) -> int | None:
    """How many attackers an inclusion match counts: its exact number, one for a singular noun, None
    for a plural without a number or an inexact one ('at least two')."""
    noun = " ".join(m.group("noun").lower().split())
    value = parse_number(m.group("num")) if m.group("num") else (None if rules.heads[noun][1] else _ONE)
    return value[1] if value and value[0] == value[1] == value[2] else None


def included_fighters(m: re.Match[str], rules: Rules, base: int) -> Item | None:
    """The fighters an inclusion match counts, as an item ('including the two suicide bombers': 2), or
    None where `included_count` gives no number."""
    n = included_count(m, rules)
    return Item((n, n, n), "perp", (base + m.start("noun"), base + m.end("noun")), True) if n else None


def less_by(value: Triple, n: int) -> Triple:
    """A toll less `n` of the dead counted inside it (never below zero)."""
    return tuple(None if v is None else max(v - n, 0) for v in value)  # type: ignore[return-value]


def apart_assailants(ctx: Sentence, span: Span, items: list[Item], rules: Rules,
                     attackers: Callable[[Item], bool]) -> list[Item]:
    """'12 people, including the two suicide bombers, were killed': the attackers counted inside the
    toll leave the victims (10) for the assailants killed (2). Fighters who are no attackers (`attackers`
    says: 'including six militants' killed in an air strike) stay victims; a plural without a number
    ('including the attackers') or a count no larger than theirs leaves the items as they are."""
    m = rules.included.search(ctx.work, *span)
    if m is None:
        return items
    perp = included_fighters(m, rules, ctx.base)
    n = perp.value[1] if perp is not None else 0
    host = next((i for i, it in enumerate(items) if it.cls == "victim" and it.real and (it.value[1] or 0) > (n or 0)),
                None)
    if perp is None or host is None or not attackers(perp):
        return items
    less = less_by(items[host].value, n)  # type: ignore[arg-type]
    return [*items[:host], Item(less, "victim", items[host].span, True, items[host].refers_to), *items[host + 1:], perp]
