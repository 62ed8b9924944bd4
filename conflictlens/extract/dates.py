"""Date expressions in event reports: find them, resolve them to date ranges, date an event.

Words live in data/date_phrases.json, the grammar in data/date_grammar.txt. Relative phrases are resolved
here rather than by dateparser, which is slow and knows nothing of the previous event (the anchor).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from string import Template
from typing import Any, Callable, NamedTuple

from conflictlens.errors import ConflictLensError

_DATA = Path(__file__).parent / "data"
_DAY = dt.timedelta(days=1)
_REACH = 48
_YEAR4 = r"(?P<year>1[89][0-9]{2}|2[01][0-9]{2})"
_YEAR = _YEAR4 + r"(?![0-9]|s\b|['’]s\b|[-/.][0-9])"  # not "1990s", not the start of 2021-01-03
_DAYNUM = r"(?P<day>[0-3]?[0-9])(?:st|nd|rd|th)?(?![0-9])"


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    kind: str  # "absolute", "partial" or "relative"


@dataclass(frozen=True)
class ResolvedDate:
    start: dt.date
    end: dt.date
    precision: str  # one of model.records.DATE_PRECISIONS
    mention: DateMention | None


class _Tables(NamedTuple):
    triggers: re.Pattern[str]  # words every date expression contains: the finder looks only near them
    finder: re.Pattern[str]  # every rule at once, for spans only
    kinds: tuple[str, ...]  # kind of the rule behind each top-level group of `finder`
    rules: tuple[tuple[str, re.Pattern[str], Any], ...]  # (resolver name, full pattern, parameter)
    lex: dict[str, Any]
    non_event: re.Pattern[str]


def _alt(words: Any, cased: bool) -> str:
    """Alternation, longest first; `cased` names match in Title or UPPER case only."""
    forms = {f for w in words if w[0] != "_" for f in ((w, w.upper()) if cased else (w,))}
    body = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return f"(?:{body})" if cased else f"(?i:{body})"


def _fragments(lex: dict[str, Any]) -> dict[str, str]:
    wd = _alt(lex["weekdays"], True)
    return {
        "YEAR4": _YEAR4, "YEAR": _YEAR, "DAY": _DAYNUM, "WD": wd, "DP": _alt(lex["day_parts"], False),
        "MON": rf"(?P<mon>{_alt(lex['months'], True)})\b(?:\.(?=\s*[0-9]))?",  # "Jan. 3", not a full stop
        "WDP": rf"(?:(?:(?i:on)\s+)?{wd},?\s+(?:the\s+)?)?",  # "on Tuesday, January 5"
        "PART": rf"(?P<part>{_alt(lex['month_parts'], False)})(?:-|\s+)(?:in\s+)?",
        "SEASONS": _alt(lex["seasons"], False),
        "HOL": rf"(?P<hol>{_alt(lex['holidays'], False)})",
        "ISL": rf"(?:(?i:the\s+(?:holy\s+)?(?:month\s+of\s+)?))?(?P<isl>{_alt(lex['islamic_periods'], True)})",
        "NUM": rf"(?P<n>{_alt(lex['numbers'], False)}|[0-9]{{1,3}})",
        "UNIT": r"(?P<unit>(?i:days?|weeks?|months?|years?))",
    }


def _trigger_pattern(lex: dict[str, Any]) -> re.Pattern[str]:
    words = {w.lower() for key in ("months", "weekdays", "day_parts", "seasons", "trigger_words") for w in lex[key]}
    words |= {k.split()[0].lower() for k in lex["islamic_periods"]}
    by_first: dict[str, set[str]] = {}
    for w in words - {"_comment"}:
        by_first.setdefault(w[0], set()).add(re.escape(w[1:]))
    # Branches that open with a character class are skipped in one test by the regex engine,
    # which makes this scan several times faster than a plain alternation of words.
    body = "|".join(f"[{c}{c.upper()}](?:{'|'.join(sorted(r, key=len, reverse=True))})" for c, r in by_first.items())
    # Numbers matter only as years or numeric dates; "12" alone needs a month or unit word nearby.
    return re.compile(rf"[0-9][./-][0-9]|[12][0-9]{{3}}|\b(?:{body})\b")


def _read(name: str) -> str:
    try:
        return (_DATA / name).read_text(encoding="utf-8")
    except OSError as exc:
        raise ConflictLensError("CL-E300", f"cannot read ({exc}); reinstall conflictlens", str(_DATA / name)) from exc


def _grammar() -> list[tuple[str, str, str]]:
    """(resolver, kind, template) from data/date_grammar.txt."""
    lines = (ln.split(None, 2) for ln in _read("date_grammar.txt").splitlines() if ln.strip() and ln[0] != "#")
    return [(n, k, t.strip()) for n, k, t in lines]


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    try:
        lex = json.loads(_read("date_phrases.json"))
    except ValueError as exc:
        raise ConflictLensError("CL-E300", f"invalid JSON ({exc}); reinstall conflictlens", str(_DATA)) from exc
    frags = _fragments(lex)
    rules: list[tuple[str, str, str, Any]] = []
    for name, kind, template in _grammar():
        if name in ("pub", "anc"):  # one rule per phrase group, each with its own day offset
            table = lex["published_offsets" if name == "pub" else "anchor_offsets"]
            rules += [(name, kind, rf"\b(?i:{e['pattern']})\b", e["days"]) for e in table]
        else:
            rules.append((name, kind, Template(template).substitute(frags), None))
    # The finder needs only spans and kinds, so inner groups become non-capturing.
    finder = "|".join(f"({re.sub(r'[(][?]P<[a-z]+>', '(?:', rx)})" for _, _, rx, _ in rules)
    return _Tables(_trigger_pattern(lex), re.compile(rf"\b(?=\w)(?:{finder})"), tuple(r[1] for r in rules),
                   tuple((r[0], re.compile(r[2]), r[3]) for r in rules), lex,
                   re.compile(lex["non_event_cues"], re.IGNORECASE))


def _lookup(table: str, key: str) -> Any:
    """Lexicon entry for matched text, ignoring case, spacing and punctuation ("EID UL-FITR", "Sept.")."""
    norm = lambda w: re.sub(r"[^a-z]", "", w.lower())  # noqa: E731
    return {norm(k): v for k, v in _tables().lex[table].items()}[norm(key)]


def find_date_mentions(text: str) -> list[DateMention]:
    """Every date expression in `text`, left to right, non-overlapping."""
    t = _tables()
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


# ---------------------------------------------------------------- date arithmetic


def _date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except (ValueError, OverflowError):
        return None


def _month_end(y: int, m: int) -> dt.date:
    return (dt.date(y + m // 12, m % 12 + 1, 1)) - _DAY


def _add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    return dt.date(d.year + y, m + 1, 1)


def _hijri(h: int, m: int, d: int) -> dt.date:
    """Tabular Islamic calendar (civil epoch) to Gregorian."""
    jdn = d + math.ceil(29.5 * (m - 1)) + (h - 1) * 354 + (3 + 11 * h) // 30 + 1948439
    return dt.date.fromordinal(jdn - 1721425)


def _pick(cands: list[tuple[dt.date, dt.date]], published: dt.date | None,
          anchor: ResolvedDate | None) -> tuple[dt.date, dt.date] | None:
    """A year-less period: the latest begun by publication, else the one nearest the anchor."""
    if published is not None:
        past = [c for c in cands if c[0] <= published]
        return max(past) if past else None
    if anchor is not None and cands:
        return min(cands, key=lambda c: abs((c[0] - anchor.start).days))
    return None


# ---------------------------------------------------------------- resolvers, one per rule

_Ctx = tuple[dt.date | None, ResolvedDate | None, str]  # published, anchor, date_order


def _now(c: _Ctx) -> dt.date | None:
    """"Today" for phrases like "yesterday": the publication date, else the anchor's."""
    return c[0] if c[0] is not None else (c[1].end if c[1] is not None else None)


def _month_no(g: dict[str, str]) -> int:
    return int(g["mon"]) if g["mon"].isdigit() else _lookup("months", g["mon"])


def _day_or_year(g: dict[str, str], c: _Ctx, start: Callable[[int], tuple[dt.date, dt.date] | None],
                 prec: str) -> tuple[dt.date, dt.date, str] | None:
    """Resolve with the explicit year, or pick among neighbouring years when there is none."""
    if g.get("year"):
        span = start(int(g["year"]))
        return (*span, prec) if span else None
    base = _now(c)
    if base is None:
        return None
    cands = [s for s in (start(y) for y in range(base.year - 1, base.year + 2)) if s is not None]
    span = _pick(cands, c[0], c[1])
    return (*span, prec) if span else None


def _r_day(g: dict[str, str], c: _Ctx) -> Any:
    mon, day = _month_no(g), int(g["day"])
    return _day_or_year(g, c, lambda y: (lambda d: (d, d) if d else None)(_date(y, mon, day)), "day")


def _r_month(g: dict[str, str], c: _Ctx) -> Any:
    mon = _month_no(g)
    part = re.sub(r"\s+", " ", g["part"].lower()) if g.get("part") else None
    lo, hi = _tables().lex["month_parts"][part] if part else (1, 31)

    def span(y: int) -> tuple[dt.date, dt.date]:
        first = dt.date(y, mon, 1)
        return first + dt.timedelta(days=lo - 1), min(first + dt.timedelta(days=hi - 1), _month_end(y, mon))

    return _day_or_year(g, c, span, "month")


def _r_season(g: dict[str, str], c: _Ctx) -> Any:
    first, last = _tables().lex["seasons"][g["season"].lower()]
    # Winter of Y runs from December of Y-1 to February of Y.
    span = lambda y: (dt.date(y - (first > last), first, 1), _month_end(y, last))  # noqa: E731
    return _day_or_year(g, c, span, "season")


def _r_holiday(g: dict[str, str], c: _Ctx) -> Any:
    mon, day = _lookup("holidays", g["hol"])
    return _day_or_year(g, c, lambda y: (dt.date(y, mon, day),) * 2, "day")


def _r_islamic(g: dict[str, str], c: _Ctx) -> Any:
    month, first, last, prec = _lookup("islamic_periods", g["isl"])

    def span(y: int) -> tuple[dt.date, dt.date] | None:  # the one beginning in Gregorian year y
        h0 = round((y - 622) * 33 / 32)
        periods = [(_hijri(h, month, first), _hijri(h, month, last)) for h in range(h0 - 1, h0 + 2)]
        return next((p for p in periods if p[0].year == y), None)

    return _day_or_year(g, c, span, prec)


def _r_numeric(g: dict[str, str], c: _Ctx) -> Any:
    a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
    y += (2000 if y < 50 else 1900) if len(g["y"]) == 2 else 0
    first, second = (_date(y, a, b), _date(y, b, a)) if c[2] == "MDY" else (_date(y, b, a), _date(y, a, b))
    reads = [d for d in (first, second) if d is not None]
    if c[0] is not None and len(reads) == 2:
        # Ambiguous: the reading not after publication and closest to it.
        past = [d for d in reads if d <= c[0]]
        reads = [max(past)] if past else reads
    return (reads[0], reads[0], "day") if reads else None


def _r_weekday(g: dict[str, str], c: _Ctx, strict: bool = False) -> Any:
    ref = _now(c)
    if ref is None:
        return None
    back = (ref.weekday() - _lookup("weekdays", g["wd"])) % 7
    d = ref - dt.timedelta(days=back or (7 if strict else 0))
    return d, d, "day"


def _r_pub_offset(g: dict[str, str], c: _Ctx, days: int) -> Any:
    ref = _now(c)
    return (ref + dt.timedelta(days=days),) * 2 + ("day",) if ref is not None else None


def _shift(base: ResolvedDate, n: int, unit: Any) -> tuple[dt.date, dt.date, str]:
    if unit == "month":
        s = _add_months(base.start, n)
        return s, _month_end(s.year, s.month), "month"
    if unit == "year":
        y = base.start.year + n
        return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
    step = dt.timedelta(days=n * unit)
    return base.start + step, base.end + step, base.precision


def _r_anc_offset(g: dict[str, str], c: _Ctx, days: int) -> Any:
    if c[1] is None and days >= 0:
        return None  # "the next day", "hours later": after what? Nothing to count from.
    # Without a previous event, "the night before" is the night before the report.
    base = c[1] if c[1] is not None else (ResolvedDate(c[0], c[0], "day", None) if c[0] is not None else None)
    return _shift(base, days, 1) if base is not None else None


def _count(g: dict[str, str]) -> tuple[int, Any]:
    n, lex = g["n"].lower(), _tables().lex
    return (int(n) if n.isdigit() else _lookup("numbers", n)), lex["offset_units"][g["unit"].lower()]


def _r_later(g: dict[str, str], c: _Ctx) -> Any:
    n, unit = _count(g)
    if "dir" not in g:  # "three days ago": counted back from publication
        return _shift(ResolvedDate(c[0], c[0], "day", None), -n, unit) if c[0] is not None else None
    if c[1] is None:
        return None  # "two days later" than what?
    return _shift(c[1], -n if g["dir"].lower() in ("earlier", "before") else n, unit)


def _r_this_last(g: dict[str, str], c: _Ctx) -> Any:
    p = _now(c)
    if p is None:
        return None
    which, unit = g["which"].lower(), g["unit"].lower()
    if unit in _tables().lex["seasons"]:
        return _last_season(g, p, which)
    if unit == "weekend":
        sat = p - dt.timedelta(days=((p.weekday() - 5) % 7) or 7)
        return sat, sat + _DAY, "week"
    if which == "past":  # a trailing window: "in the past week"
        return p - dt.timedelta(days={"week": 7, "month": 30, "year": 365}[unit]), p, unit
    monday, last_month = p - dt.timedelta(days=p.weekday()), _add_months(p, -1)
    spans = {  # "this ..." runs from the start of the period to publication; "last ..." is the one before
        ("this", "week"): (monday, p), ("last", "week"): (monday - dt.timedelta(days=7), monday - _DAY),
        ("this", "month"): (p.replace(day=1), p),
        ("last", "month"): (last_month, _month_end(last_month.year, last_month.month)),
        ("this", "year"): (dt.date(p.year, 1, 1), p),
        ("last", "year"): (dt.date(p.year - 1, 1, 1), dt.date(p.year - 1, 12, 31)),
    }
    return *spans["this" if which == "this" else "last", unit], unit


def _last_season(g: dict[str, str], p: dt.date, which: str) -> Any:
    first, last = _tables().lex["seasons"][g["unit"].lower()]
    spans = [(dt.date(y - (first > last), first, 1), _month_end(y, last)) for y in (p.year + 1, p.year, p.year - 1)]
    # "this summer": the current season or the latest begun; "last summer": the latest ended.
    span = next(s for s in spans if (s[0] <= p if which == "this" else s[1] < p))
    return *span, "season"


_RESOLVERS: dict[str, Callable[..., Any]] = {
    "iso": _r_day, "day": _r_day, "numeric": _r_numeric, "month": _r_month, "season": _r_season,
    "holiday": _r_holiday, "islamic": _r_islamic, "ago": _r_later, "this_last": _r_this_last,
    "weekday": _r_weekday, "pub": _r_pub_offset, "anc": _r_anc_offset, "later": _r_later,
    "last_weekday": lambda g, c: _r_weekday(g, c, strict=True),
    "year": lambda g, c: (dt.date(int(g["year"]), 1, 1), dt.date(int(g["year"]), 12, 31), "year"),
}


def resolve_mention(m: DateMention, published: dt.date | None, anchor: ResolvedDate | None,
                    *, date_order: str = "MDY") -> ResolvedDate | None:
    """The date range `m` denotes, read against the publication date and the previous event."""
    if date_order not in ("MDY", "DMY"):
        raise ConflictLensError("CL-E400", f"date_order must be MDY or DMY, not {date_order!r}", "date_order")
    ctx: _Ctx = (published, anchor, date_order)
    for name, full, param in _tables().rules:
        hit = full.fullmatch(m.text)
        if hit is None:
            continue
        groups = {k: v for k, v in hit.groupdict().items() if v is not None}
        fn = _RESOLVERS[name]
        try:
            out = fn(groups, ctx, param) if param is not None else fn(groups, ctx)
        except (ValueError, OverflowError, StopIteration):
            return None  # an impossible date ("February 30") or a date outside the calendar
        return ResolvedDate(out[0], out[1], out[2], m) if out else None
    return None


def resolve_event_date(text: str, focus: tuple[int, int], published: dt.date | None,
                       anchor: ResolvedDate | None = None, *, date_order: str = "MDY") -> ResolvedDate | None:
    """The date of the event told in text[focus[0]:focus[1]].

    A date inside the focus wins (the first day-precise one), else the nearest one before it;
    relative phrases chain on the given anchor or, without one, on the date before them in the text.
    """
    fs, fe = focus
    inside: list[ResolvedDate] = []
    before: ResolvedDate | None = None
    running, non_event = anchor, _tables().non_event
    for m in find_date_mentions(text):
        if m.start >= fe:
            break
        if non_event.search(text, max(0, m.start - 40), m.start):
            continue  # not when something happened: "born in 1985", "since January 3"
        r = resolve_mention(m, published, anchor if anchor is not None else running, date_order=date_order)
        if r is None:
            continue
        running = r
        if m.end > fs:
            inside.append(r)
        else:
            before = r
    if inside:
        return next((r for r in inside if r.precision == "day"), inside[0])
    if before is not None or anchor is not None:
        return before or anchor
    if published is not None:
        return ResolvedDate(published - dt.timedelta(days=6), published, "week", None)
    return None
