"""Date expressions in event reports: find them, resolve them to date ranges, date an event.

Words live in data/date_phrases.json, the grammar in data/date_grammar.txt. Relative phrases are resolved
here rather than by dateparser, which is slow and knows nothing of the previous event (the anchor).

This is the public API. The work is split over ``tables`` (the grammar and its words, compiled)
and ``resolvers`` (one resolver per grammar rule, and ``resolve_mention``).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache

from conflictlens.extract.patterns import compile_pattern
from conflictlens.extract.dates.resolvers import DateMention, ResolvedDate, resolve_mention
from conflictlens.extract.dates.tables import tables

__all__ = ["DateMention", "ResolvedDate", "find_date_mentions", "resolve_event_date", "resolve_mention", "next_anchor",
           "stays_on_the_day", "moves_on", "day_key", "names_an_incident_by_day", "heads_the_line",
           "stated_date", "said_on", "no_incident_day", "names_an_incident", "incident_days", "past_telling", "filing_day"]
_REACH = 48
# A day this many days or more before the report's is not the day of the report's own incident (news
# tells its incident within days); an incident told without a day is not dated by it (`past_telling`).
LONG_BEFORE = 14
# A page may be published days after its copy was filed: a dateline's day this many days before it or fewer
# is the day the copy's "yesterday" and "on Saturday" count from (`filing_day`).
FILED_BEFORE = 7
_THIS_PERIOD = compile_pattern(r"(?i)this\s+(?!past\b)")  # "this month", not "this past March"


def find_date_mentions(text: str) -> list[DateMention]:
    """Every date expression in `text`, left to right, non-overlapping."""
    t = tables()
    # Scan only windows around trigger words: no expression reaches _REACH characters away from
    # its nearest trigger word, so this finds what a scan of the whole text would, much faster.
    windows: list[list[int]] = []
    for trig in t.triggers.finditer(text):
        lo, hi = max(trig.start() - _REACH, 0), trig.end() + _REACH
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    kinds = t.kinds
    return [DateMention(m.start(), m.end(), m.group(), kinds[m.lastindex - 1])  # type: ignore[operator]
            for lo, hi in windows for m in t.finder.finditer(text, lo, hi)]


def _told_dates(text: str, mentions: Sequence[DateMention], end: int, published: dt.date | None,
                anchor: ResolvedDate | None, date_order: str) -> Iterator[ResolvedDate]:
    """The event dates told before `end`, in order, each read against the publication date and an anchor.

    The anchor is the given one (the previous incident's date) or, without one, the date the text told
    last. Two kinds of date do not become that anchor: flashbacks ("the night before"), after which a
    report resumes from the main event ("A week later" counts from it, not from the night before), and
    dates vaguer than a day already told ("in 2015" in a background sentence).
    """
    reference = anchor
    for m in mentions:
        if m.start >= end:
            break
        if _not_an_event_date(text, m):
            continue  # not when something happened: "born in 1985", "since January 3"
        told = resolve_mention(m, published, reference, date_order=date_order)
        if told is None:
            continue
        if anchor is None and not told.looks_back and _not_vaguer(told, reference):
            reference = told
        yield told


def _not_an_event_date(text: str, m: DateMention) -> bool:
    """'born in 1985', 'since January 3', 'the deadliest attack this year', 'this year's worst bombing'."""
    t = tables()
    return bool(t.non_event.search(text, max(0, m.start - 40), m.start) or t.frame_after.match(text, m.end))


def _anchored_dates(text: str, mentions: Sequence[DateMention], focus: tuple[int, int], published: dt.date | None,
                    anchor: ResolvedDate, date_order: str) -> tuple[list[ResolvedDate], ResolvedDate | None]:
    """What `_told_dates` gives when an anchor is set: every date is then read against the anchor
    alone, so only the dates inside the focus and the last one told before it matter. Reading them
    alone, rather than every date from the top, keeps a bulletin of a thousand incidents linear."""
    fs, fe = focus
    first_inside = bisect_right(mentions, fs, key=lambda m: m.end)
    inside: list[ResolvedDate] = []
    for m in mentions[first_inside:]:
        if m.start >= fe:
            break
        told = None if _not_an_event_date(text, m) else resolve_mention(m, published, anchor, date_order=date_order)
        if told is not None:
            inside.append(told)
    for m in reversed(mentions[:first_inside]):
        told = None if _not_an_event_date(text, m) else resolve_mention(m, published, anchor, date_order=date_order)
        if told is not None:
            return inside, told
    return inside, None


def _said_on(text: str, told: ResolvedDate) -> bool:
    return told.mention is not None and said_on(text, told.mention)


def no_incident_day(text: str, m: DateMention) -> bool:
    """A date that tells no incident's day: when something was said ('the army said on Monday') or
    when something else happened ('began mourning on Wednesday', 'born in 1985')."""
    return said_on(text, m) or _not_an_event_date(text, m)


def said_on(text: str, m: DateMention) -> bool:
    """'police said Thursday', 'the group on Monday claimed responsibility', 'confirmed this to Channels
    Television on Sunday': the day something was said, claimed or updated, not the day it happened.
    A day that names an incident ("claimed Saturday's attack") is that incident's day."""
    if m.text.endswith(("'s", "’s")):
        return False
    t = tables()
    return bool(t.statement.search(text, max(0, m.start - 50), m.start) or t.statement_after.match(text, m.end)
                or (_opens_sentence(text, m.start) and t.opening_statement.match(text, m.end))
                or t.toll_rise.search(text, _sentence_start(text, m.start), m.start))


def _sentence_start(text: str, start: int) -> int:
    """Where the sentence holding `start` begins (after a line break or full stop, at most 300 back)."""
    lo = max(0, start - 300)
    return max(lo - 1, text.rfind("\n", lo, start), *(text.rfind(p, lo, start) for p in (". ", "! ", "? "))) + 1


_SENTENCE_OPENING = compile_pattern(r"(?:^|[.!?][\"'”’)]*\s+|\n\s*)$")
_LINE_STAMP = compile_pattern(r"(?i)\s*(?:(?:published|updated|posted|date|dated)\b:?\s*)?\d{4}-\d{2}-\d{2}\s+")


def _opens_sentence(text: str, start: int) -> bool:
    """Whether a date mention opens its sentence ("On Friday, Afghan authorities confirmed ..."), also
    after the page's stamp heading its line ("date 2025-02-06 On Wednesday evening, ...")."""
    line_start = text.rfind("\n", 0, start) + 1
    return _SENTENCE_OPENING.search(text, max(0, start - 8), start) is not None or (
        start - line_start <= 40 and _LINE_STAMP.fullmatch(text, line_start, start) is not None)


def _in_parentheses(text: str, told: ResolvedDate) -> bool:
    """'(APP - 25th Mar, 2020) : Two soldiers were killed on Tuesday': a date in a credit's
    parentheses stamps the copy; it is not the day the story tells."""
    m = told.mention
    if m is None:
        return False
    line_start = text.rfind("\n", 0, m.start) + 1
    opened = text.rfind("(", line_start, m.start)
    return opened >= 0 and text.find(")", opened, m.start) < 0 and text.find(")", m.end, m.end + 80) >= 0


_STAMP_WORD_LIST = ("published", "updated", "update", "posted", "last", "modified", "date", "dated", "on", "at", "and",
                    "am", "pm", r"a\.m", r"p\.m", "gmt", "utc", "ist", "pst", "est",
                    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")
_STAMP_WORDS = compile_pattern(rf"(?i)\b(?:{'|'.join(_STAMP_WORD_LIST)})\b\.?|(?-i:\b[A-Z]{{2,}}\b)|[^A-Za-z]")


def _stamp_line(text: str, told: ResolvedDate) -> bool:
    """'Wed 25th March 2020', 'Published: 20 July 2021 | 04:54 PM', 'Our Correspondents March 05, 2025': a
    line that holds nothing but a date (and a byline's few names) stamps the copy; it is not the day the
    story tells. A dateline in capitals may end it ('March 06, 2017 04:45 pm | Updated 04:47 pm IST -
    PESHAWAR:')."""
    m = told.mention
    if m is None:
        return False
    start, end = text.rfind("\n", 0, m.start) + 1, text.find("\n", m.end)
    rest = text[start:m.start] + " " + text[m.end:len(text) if end < 0 else end]
    # a byline's few names may stand beside it ("Our Correspondents March 05, 2025")
    words = _STAMP_WORDS.sub(" ", rest).split()
    return len(words) <= _BYLINE_WORDS and all(w[0].isupper() for w in words)


_BYLINE_WORDS = 4  # two names: "Jane Roe and John Doe | 12.04.2025 - Update : 12.04.2025"


# What may stand before a date that heads a line as the copy's stamp ("date 2022-04-09 GAO: ...").
_HEAD_STAMP = compile_pattern(r"(?i)\s*(?:(?:published|updated|posted|date|dated)\b:?\s*)?$")


def heads_the_line(text: str, m: DateMention) -> bool:
    """'date 2022-04-09 GAO: A bomb went off ...', 'Tuesday, 12 May 2020  Headline words ...': a
    full date that heads a line, with the headline or the story following it without a comma or a verb,
    stamps the copy (the page's date), not the day the story tells."""
    start = text.rfind("\n", 0, m.start) + 1
    follows = re.match(r"[ \t]+[\"\u201c]?[A-Z]", text[m.end:m.end + 4])
    return m.kind == "absolute" and follows is not None and _HEAD_STAMP.fullmatch(text, start, m.start) is not None


def _not_vaguer(told: ResolvedDate, reference: ResolvedDate | None) -> bool:
    return reference is None or told.precision == "day" or reference.precision != "day"


def resolve_event_date(text: str, focus: tuple[int, int], published: dt.date | None,
                       anchor: ResolvedDate | None = None, *, date_order: str = "MDY",
                       mentions: Sequence[DateMention] | None = None) -> ResolvedDate | None:
    """The date of the event told in text[focus[0]:focus[1]].

    A date inside the focus wins (the first day-precise one), else the nearest one before it. Phrases
    such as "the next day" or "hours later" count from `anchor`, the date of the previous incident of
    the report, or without one from the date told before them (see `_told_dates`); weekdays,
    "yesterday" and "earlier this month" count from `published`. `mentions` are the text's date
    mentions (`find_date_mentions(text)`), when the caller has found them already.
    """
    fs, fe = focus
    mentions = find_date_mentions(text) if mentions is None else mentions
    if anchor is not None:
        inside, before = _anchored_dates(text, mentions, focus, published, anchor, date_order)
    else:
        inside, before = [], None
        for r in _told_dates(text, mentions, fe, published, anchor, date_order):
            if r.mention is not None and r.mention.end > fs:
                inside.append(r)
            else:
                before = r
    # the page's own date heading the copy dates the incident only when nothing else does
    heading = next((r for r in [*inside, before] if r and r.mention and heads_the_line(text, r.mention)), None)
    inside = [r for r in inside if r is not heading]
    before = None if before is heading else before
    if inside:
        return _day_inside(text, inside, anchor, lambda: _named_later(text, mentions, fe, published, date_order))
    if before is not None or anchor is not None:
        # a period told since the incident before ("an insurgency that erupted in 2012") is no day of the next
        return anchor if before is not None and not _not_vaguer(before, anchor) else before or anchor
    named = _named_later(text, mentions, fe, published, date_order)
    if named is not None or heading is not None:
        return named or heading
    if published is not None:
        # A report that names no day is news of the day it was published: dated by that day (as ACLED
        # and GTD coders date by the report), at the precision of a week, since the text gave no day.
        return ResolvedDate(published, published, "week", None)
    return None


def _day_inside(text: str, inside: list[ResolvedDate], anchor: ResolvedDate | None,
                named_later: Callable[[], ResolvedDate | None]) -> ResolvedDate:
    """The incident's date among those told inside it: the first day-precise one it happened on."""
    days = [r for r in inside if r.precision == "day"]
    # "..., police said Thursday. No one claimed Wednesday night's attack": the day it happened wins
    stamped = [r for r in days if _in_parentheses(text, r) or _stamp_line(text, r)]
    told = [r for r in days if not (r in stamped or _said_on(text, r))]
    # "Tuesday's bombings came two days after a bomb exploded in Cotabato on Sunday": the day that names
    # the incident told before is not this one's
    told = [r for r in told if not _names_the_last(text, r, anchor)] or told
    # "blew up a truck shortly after midnight on Sunday": a moment counted from the day told before ("shortly
    # after", "hours later") gives way to a day the incident names
    told = [r for r in told if r.mention is None or not stays_on_the_day(r.mention)] or told
    if told or not days:
        return next(iter(told), inside[0])
    # "IS on Saturday claimed an attack on a bus ... Friday's attack": only the day of the claim is
    # told; a later sentence that names the incident by its day dates it first, and the day something was
    # said ("the armed forces said on Tuesday") before the page's stamp ("Published February 04, 2022")
    return named_later() or next((r for r in days if r not in stamped), days[0])


@lru_cache(maxsize=1)
def _incident_day_cue() -> re.Pattern[str]:
    return compile_pattern(tables().lex["incident_day_cues"], re.IGNORECASE)


_THE_BEFORE = compile_pattern(r"(?i)\bthe\s+(?:(?:two|three|twin|deadly|separate)\s+)?$")


def names_an_incident(text: str, m: DateMention) -> bool:
    """'Saturday's attack', 'Tuesday's bombings': a day's name that names an incident by its day."""
    return m.text.endswith(("'s", "’s")) and _incident_day_cue().match(text, m.end) is not None


def names_an_incident_by_day(text: str, m: DateMention) -> bool:
    """'Saturday's attack', 'the Sunday attack', 'the two Saturday attacks': a day's name that names an incident."""
    return (names_an_incident(text, m) or _THE_BEFORE.search(text, max(0, m.start - 40), m.start) is not None) \
        and _incident_day_cue().match(text, m.end) is not None


def _names_the_last(text: str, told: ResolvedDate, anchor: ResolvedDate | None) -> bool:
    """'Tuesday's bombings' when the incident told before was Tuesday's: it names that incident."""
    m = told.mention
    return anchor is not None and m is not None and told.start == anchor.start and names_an_incident(text, m)


def _named_later(text: str, mentions: Sequence[DateMention], after: int, published: dt.date | None,
                 date_order: str) -> ResolvedDate | None:
    """'Tuesday's bombings came two days after ...': a later sentence that names an incident by its
    day dates the incident told before it without a day of its own."""
    cue = _incident_day_cue()
    for m in mentions:
        # "the two Saturday attacks": a weekday right before the noun names them too
        if m.start >= after and (m.text.endswith(("'s", "’s")) or _THE_BEFORE.search(text, 0, m.start)) \
                and cue.match(text, m.end):
            told = resolve_mention(m, published, None, date_order=date_order)
            if told is not None and told.precision == "day":
                return told
    return None


def incident_days(text: str, mentions: Sequence[DateMention], start: int, end: int, published: dt.date | None,
                  date_order: str = "MDY") -> tuple[list[DateMention], frozenset[str], frozenset[str]]:
    """The date mentions of text[start:end] that may tell an incident's day, the days they name (`day_key`:
    "today's attack" after "on Friday" tells no new day), and the days of those that name an incident
    ("Saturday's attack"). Left out: a moment of the same day ("shortly after 9 a.m."), the page's date
    heading the copy, and a day something was said or mourned on ("the army said on Monday"), after which
    "killed yesterday" tells no new incident."""
    dated = [m for m in mentions if start <= m.start < end and not stays_on_the_day(m)
             and not heads_the_line(text, m) and not no_incident_day(text, m) and not _quoted_today(text, m, start)]
    keys = {id(m): day_key(m, published, date_order) for m in dated}
    return (dated, frozenset(keys.values()),
            frozenset(keys[id(m)] for m in dated if names_an_incident(text, m)))


def _quoted_today(text: str, m: DateMention, start: int) -> bool:
    """'"We buried them today," a villager said': a speaker's "today" is the day of speaking, no day of the
    act the quote retells (the sentence begins at `start`)."""
    if not m.text.lower().startswith("today"):  # "today", "today's attack"
        return False
    before = text[start: m.start]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def past_telling(mentions: Sequence[DateMention], keys: frozenset[str], published: dt.date | None,
                 date_order: str = "MDY") -> tuple[bool, bool]:
    """Whether every day a sentence tells (`incident_days`: its `mentions` and their day `keys`) is (1) a
    period begun before the report's day, none a day: "In May, two jawans were killed", "Last year, bandits
    killed 30", "Earlier this month, a blast killed 20", "had sustained injuries in an IED blast in April":
    the sentence recalls an earlier incident, as a report's own incident is told by its day (or by none:
    the day it is published); (2) a day `LONG_BEFORE` days or more before the report's day ("on 13 March"
    in a report of May 20). Days already read to their keys are not read again."""
    if published is None or not mentions or any(_THIS_PERIOD.match(m.text) for m in mentions):
        return False, False  # "this month" in "the latest in a number of attacks this month": the report's own
    days = [_iso_day(k) for k in keys]
    if all(days):
        return False, all((published - d).days >= LONG_BEFORE for d in days)
    told = [resolve_mention(m, published, None, date_order=date_order) for m in mentions]
    # a week is a recap's only when it ended days ago ("last week"), not "over the weekend" nor "this week"
    return all(t is not None and t.precision != "day" and t.start < published
               and (t.precision != "week" or (published - t.start).days > 7) for t in told), False


def _iso_day(key: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(key)
    except ValueError:
        return None


def filing_day(dateline: str, published: dt.date | None, date_order: str = "MDY") -> dt.date | None:
    """The day a dateline ("KABUL, June 6 (Reuters) -") says the copy was filed, when it is one of the
    `FILED_BEFORE` days before the page's publication day: "yesterday" and "on Saturday" count from it."""
    for m in find_date_mentions(dateline) if published is not None else ():
        told = resolve_mention(m, published, None, date_order=date_order)
        if told is not None and told.precision == "day" and 0 < (published - told.start).days <= FILED_BEFORE:
            return told.start
    return None


def day_key(mention: DateMention, published: dt.date | None, date_order: str = "MDY") -> str:
    """What tells a date mention's day from another's: the day it names, when the publication date
    resolves it to one ("today" and "on Friday" in a Friday's report name one day), else its words."""
    # a relative phrase names its own day only when counted from the publication date ("yesterday"),
    # not from another incident ("the next day")
    own = mention.kind != "relative" or any(name == "pub" and rx.fullmatch(mention.text) for name, rx, _ in tables().rules)
    told = resolve_mention(mention, published, None, date_order=date_order) if published and own else None
    return told.start.isoformat() if told is not None and told.precision == "day" else mention.text.lower()


def stated_date(text: str, date_order: str = "MDY") -> dt.date | None:
    """The day a dateline states in full ("KABUL, Friday, March 12, 2021 (Reuters) -"), else None.

    A report without a publication date is dated by its dateline: weekdays and "earlier this month"
    count from it.
    """
    for m in find_date_mentions(text):
        r = resolve_mention(m, None, None, date_order=date_order) if m.kind == "absolute" else None
        if r is not None and r.precision == "day":
            return r.start
    return None


def next_anchor(resolved: ResolvedDate | None, previous: ResolvedDate | None) -> ResolvedDate | None:
    """The date the next incident of a report counts from ("Hours later, ..."): this incident's date,
    unless the text gave it none or dated it back from the previous one ("The night before, ..."):
    the report then resumes from the previous incident."""
    if resolved is None or resolved.mention is None or resolved.looks_back:
        return previous
    return resolved


def moves_on(key: str) -> bool:
    """'The next day', 'a day later': a day (`day_key`) counted forward from the incident told before; not
    "the day after", which may count from what follows it ("the day after peace talks had begun")."""
    return not key.endswith("after") and any(name == "anc" and days > 0 and rx.fullmatch(key)
                                             for name, rx, days in tables().rules)


def stays_on_the_day(mention: DateMention) -> bool:
    """'Shortly after', 'hours later', 'that evening': a relative phrase that keeps the day it
    counts from. It tells a moment of the same incident, not a new date."""
    if mention.kind != "relative":
        return False
    return any(name == "anc" and days == 0 and rx.fullmatch(mention.text)
               for name, rx, days in tables().rules)
