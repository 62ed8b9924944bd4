"""Resolvers, one per grammar rule: from a matched date expression to a date range.

Each reads the expression against the publication date and the reference time (the anchor: the date
the text told last). Internal to the date resolver; the public API is ``conflictlens.extract.dates.mentions``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Any, Callable

from conflictlens.errors import ConflictLensError
from conflictlens.extract.dates.tables import lookup, tables

_DAY = dt.timedelta(days=1)
_BACKWARD = ("earlier", "before")  # "two days earlier": counted back from the anchor


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
    # Counted back from the previous event ("the night before", "a week earlier"): a flashback, after
    # which a report resumes from that event, not from this date.
    looks_back: bool = False


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
    return int(g["mon"]) if g["mon"].isdigit() else lookup("months", g["mon"])


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
    lo, hi = tables().lex["month_parts"][part] if part else (1, 31)

    def span(y: int) -> tuple[dt.date, dt.date]:
        first = dt.date(y, mon, 1)
        return first + dt.timedelta(days=lo - 1), min(first + dt.timedelta(days=hi - 1), _month_end(y, mon))

    return _day_or_year(g, c, span, "month")


def _r_season(g: dict[str, str], c: _Ctx) -> Any:
    first, last = tables().lex["seasons"][g["season"].lower()]
    # Winter of Y runs from December of Y-1 to February of Y.
    span = lambda y: (dt.date(y - (first > last), first, 1), _month_end(y, last))  # noqa: E731
    return _day_or_year(g, c, span, "season")


def _r_holiday(g: dict[str, str], c: _Ctx) -> Any:
    mon, day = lookup("holidays", g["hol"])
    return _day_or_year(g, c, lambda y: (dt.date(y, mon, day),) * 2, "day")


def _r_islamic(g: dict[str, str], c: _Ctx) -> Any:
    month, first, last, prec = lookup("islamic_periods", g["isl"])

    def span(y: int) -> tuple[dt.date, dt.date] | None:  # the one beginning in Gregorian year y
        h0 = round((y - 622) * 33 / 32)
        periods = [(_hijri(h, month, first), _hijri(h, month, last)) for h in range(h0 - 1, h0 + 2)]
        return next((p for p in periods if p[0].year == y), None)

    return _day_or_year(g, c, span, prec)


def _r_numeric(g: dict[str, str], c: _Ctx) -> Any:
    a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
    y += (2000 if y < 50 else 1900) if len(g["y"]) == 2 else 0
    # dots part a day from its month ("04.03.2022": 4 March) where dates are written so (Europe, South Asia);
    # US copy writes slashes
    month_first = c[2] == "MDY" and g.get("sep") != "."
    first, second = (_date(y, a, b), _date(y, b, a)) if month_first else (_date(y, b, a), _date(y, a, b))
    reads = [d for d in (first, second) if d is not None]
    if c[0] is not None and len(reads) == 2:
        # Ambiguous: the reading not after publication and closest to it; a dotted date is day-first
        past = [d for d in reads if d <= c[0]]
        reads = reads[:1] if g.get("sep") == "." and reads[0] in past else [max(past)] if past else reads
    return (reads[0], reads[0], "day") if reads else None


def _r_weekday(g: dict[str, str], c: _Ctx, strict: bool = False) -> Any:
    ref = _now(c)
    if ref is None:
        return None
    back = (ref.weekday() - lookup("weekdays", g["wd"])) % 7
    if c[0] is None and not strict and back > 3:
        # No publication date: the weekday nearest the date told last, which a report may follow
        # forwards ("On Tuesday ... On Wednesday") as well as backwards.
        back -= 7
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
    n, lex = g["n"].lower(), tables().lex
    return (int(n) if n.isdigit() else lookup("numbers", n)), lex["offset_units"][g["unit"].lower()]


def _r_later(g: dict[str, str], c: _Ctx) -> Any:
    n, unit = _count(g)
    if "dir" not in g:  # "three days ago": counted back from publication
        return _shift(ResolvedDate(c[0], c[0], "day", None), -n, unit) if c[0] is not None else None
    if c[1] is None:
        return None  # "two days later" than what?
    return _shift(c[1], -n if g["dir"].lower() in _BACKWARD else n, unit)


def _r_this_last(g: dict[str, str], c: _Ctx) -> Any:
    p = _now(c)
    if p is None:
        return None
    which, unit = g["which"].lower(), g["unit"].lower()
    if unit in tables().lex["seasons"]:
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
    first, last = tables().lex["seasons"][g["unit"].lower()]
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


def _looks_back(name: str, groups: dict[str, str], param: Any) -> bool:
    if name == "anc":
        return param < 0
    return name == "later" and groups.get("dir", "").lower() in _BACKWARD


def resolve_mention(m: DateMention, published: dt.date | None, anchor: ResolvedDate | None,
                    *, date_order: str = "MDY") -> ResolvedDate | None:
    """The date range `m` denotes, read against the publication date and the previous event."""
    if date_order not in ("MDY", "DMY"):
        raise ConflictLensError("CL-E400", f"date_order must be MDY or DMY, not {date_order!r}", "date_order")
    ctx: _Ctx = (published, anchor, date_order)
    for name, full, param in tables().rules:
        hit = full.fullmatch(m.text)
        if hit is None:
            continue
        groups = {k: v for k, v in hit.groupdict().items() if v is not None}
        fn = _RESOLVERS[name]
        try:
            out = fn(groups, ctx, param) if param is not None else fn(groups, ctx)
        except (ValueError, OverflowError, StopIteration):
            return None  # an impossible date ("February 30") or a date outside the calendar
        return ResolvedDate(out[0], out[1], out[2], m, _looks_back(name, groups, param)) if out else None
    return None
