"""Wire copy furniture: the dateline, bylines, update lines and credits (patterns in data/wire.json).

"SAN SALVADOR, 12 JAN 90 (RADIO VENCEREMOS) --" says where the report was filed and when: its place
is a hint for the location (the story's own places come first) and its date counts as the report's
day when it has no publication date. The agency, the byline ("By Jane Doe"), "Reuters adds:" and
"(Reporting by ...; Editing by ...)" name the messengers: never actors, places or tolls.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from conflictlens.extract.patterns import compile_pattern
from conflictlens.extract.attribution import is_own_channel, own_channel_spans
from conflictlens.extract.lexicon import load_json

# A two-digit year above this is of the 1900s ("12 JAN 90"), at or below it of the 2000s.
CENTURY_PIVOT = 40
# Social networks a claim is posted on are channels, never actors.
_SOCIAL = frozenset({"telegram", "twitter", "facebook", "whatsapp", "x", "youtube", "rocket.chat"})
# The dateline is looked for at the start of this many first lines (headline, byline, dateline).
OPENING_LINES = 4


@dataclass(frozen=True)
class Dateline:
    end: int  # where the story starts
    place: tuple[int, int] | None
    date: dt.date | None
    agency: tuple[int, int] | None


@dataclass(frozen=True)
class _Patterns:
    agency: re.Pattern[str]
    dateline: re.Pattern[str]
    caps_dateline: re.Pattern[str]
    titled_dateline: re.Pattern[str]
    caps_not_places: frozenset[str]
    furniture: tuple[re.Pattern[str], ...]
    months: dict[str, int]
    caption: re.Pattern[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    raw = load_json("wire.json")
    agencies = "|".join(re.escape(a) for a in sorted(raw["agencies"], key=len, reverse=True))
    agency = rf"(?i:{agencies})"
    dateline = (raw["dateline"].replace("PLACE", raw["place"]).replace("DATE", raw["date"])
                .replace("AGENCY", agency).replace("STAMP", raw["stamp"]))
    furniture = tuple(compile_pattern(raw[k].replace("AGENCY", agency), re.M) for k in ("byline", "update", "credit",
                                                                                   "agency_credit"))
    months = {k.lower(): v for k, v in load_json("date_phrases.json")["months"].items() if not k.startswith("_")}
    return _Patterns(compile_pattern(agency), compile_pattern(dateline, re.M),
                     compile_pattern(raw["caps_dateline"].replace("STAMP", raw["stamp"]), re.M),
                     compile_pattern(raw["titled_dateline"].replace("STAMP", raw["stamp"]), re.M),
                     frozenset(raw["caps_not_places"]), furniture, months,
                     compile_pattern(raw["caption"].replace("AGENCY", agency), re.M))


def find_dateline(text: str) -> Dateline | None:
    """The dateline of `text`, if it has one: on one of its first lines (a headline or a byline may
    come first), a place, then a date, an agency in parentheses, or both, then a dash."""
    pats = _patterns()
    for start in _line_starts(text, OPENING_LINES):
        m = pats.dateline.match(text, start)
        if m is not None and m.group("nodash") is not None and not pats.agency.fullmatch(m.group("agency") or ""):
            m = None  # "Attack in Kabul (video) Gunmen ...": no dash, and no agency named
        if m is None or not (m.group("date") or m.group("agency")):
            caps = _caps_dateline(text, start, pats) or _titled_dateline(text, start, pats)
            if caps is not None:
                return caps
            continue
        month = (m.group("mon1") or m.group("mon2") or "").lower()
        if m.group("date") and month not in pats.months and not m.group("agency"):
            continue  # "Afghanistan, Pakistan and Iran -" is no dateline
        date = _date(m, pats.months) if m.group("date") else None
        return Dateline(m.end(), m.span("place"), date, m.span("agency") if m.group("agency") else None)
    return _glued_dateline(text, pats)


# Where a headline without a full stop may run into a dateline on the same line ("... at Kunduz wedding KUNDUZ,")
_GLUE = compile_pattern(r"(?<=[a-z0-9'’])\s+(?=[A-Z]{3,}[,:\s])")
_GLUE_REACH = 300  # characters of the first line: a headline is short


def _glued_dateline(text: str, pats: _Patterns) -> Dateline | None:
    """'Suicide bomber kills 9 at Kunduz wedding KUNDUZ, Afghanistan (AP) — A suicide bomber ...': a
    headline run into the dateline on the first line. The story starts after the dateline, so the
    headline's toll neither adds to the story's nor stands as a figure of its own."""
    nl = text.find("\n")
    line = text[: nl if nl >= 0 else len(text)]
    for g in _GLUE.finditer(line, 0, _GLUE_REACH):
        rest, at = line[g.end():], g.end()
        m = pats.dateline.match(rest)
        if (m is not None and m.group("agency") and m.group("nodash") is None
                and not pats.agency.fullmatch(m.group("place"))):
            return Dateline(at + m.end(), _shift(m.span("place"), at), None, _shift(m.span("agency"), at))
        caps = _caps_dateline(rest, 0, pats)
        if caps is not None and caps.place and not pats.agency.fullmatch(rest[caps.place[0]: caps.place[1]]):
            return Dateline(at + caps.end, _shift(caps.place, at), None, None)
    return None


def _shift(span: tuple[int, int], by: int) -> tuple[int, int]:
    return span[0] + by, span[1] + by


def _caps_dateline(text: str, start: int, pats: _Patterns) -> Dateline | None:
    """'BAMAKO, Mali —', 'PESHAWAR:': a place in capitals opening a line of mixed-case story."""
    m = pats.caps_dateline.match(text, start)
    if m is None or m.group("place") in pats.caps_not_places:
        return None
    return Dateline(m.end(), m.span("place"), None, None)


def _titled_dateline(text: str, start: int, pats: _Patterns) -> Dateline | None:
    """'Kabul: At least 12 people were killed ...': a place in title case and a colon opening a line
    whose story runs to a sentence end (a headline "Algeria: 9 soldiers killed" ends none)."""
    m = pats.titled_dateline.match(text, start)
    if m is None or m.group("place").upper() in pats.caps_not_places:
        return None
    return Dateline(m.end(), m.span("place"), None, None)


def _line_starts(text: str, limit: int) -> list[int]:
    """Where the first `limit` lines with text start: blank lines between a headline, a byline and
    the dateline are no lines of furniture."""
    starts, at = [], 0
    while len(starts) < limit and at <= len(text):
        nl = text.find("\n", at)
        end = len(text) if nl < 0 else nl
        if text[at:end].strip():
            starts.append(at)
        if nl < 0:
            break
        at = nl + 1
    return starts


def _date(m: re.Match[str], months: dict[str, int]) -> dt.date | None:
    month = months.get((m.group("mon1") or m.group("mon2") or "").lower())
    day = int(m.group("day1") or m.group("day2") or 0)
    if month is None or not day or not m.group("year"):
        return None
    year = int(m.group("year"))
    if year < 100:
        year += 1900 if year > CENTURY_PIVOT else 2000
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the messengers: the dateline's agency, bylines, update lines, credits and a group's
    own media named in the story ("Radio Venceremos said ...")."""
    spans = [m.span() for p in _patterns().furniture for m in p.finditer(text)] + own_channel_spans(text)
    dateline = find_dateline(text)
    if dateline is not None and dateline.agency is not None:
        spans.append(dateline.agency)
    return sorted(spans)


def caption_spans(text: str) -> list[tuple[int, int]]:
    """Lines that are photo captions ("... in Kunduz ... (File photo; AP)"): no part of the story, so
    they open no incident and date none."""
    return [m.span() for m in _patterns().caption.finditer(text)]


def outside_captions(text: str, sentences: list[tuple[int, int]], captions: list[tuple[int, int]]
                     ) -> list[tuple[int, int]]:
    """The sentences with the caption lines they hold cut away: a line break the sentence splitter read
    through ("Updated June 21, 2021\nThis photo taken on June 16, 2017 in Bamenda shows ... / AFP") leaves
    the caption no part of the story, and what stands beside it ("Updated June 21, 2021") a sentence of its own."""
    out: list[tuple[int, int]] = []
    for span in sentences:
        pieces = [span]
        for c, d in captions:  # a piece a caption overlaps keeps what lies before and after it
            pieces = [q for a, b in pieces for q in (((a, c), (d, b)) if c < b and a < d else ((a, b),))]
        for a, b in sorted(pieces):
            piece = text[a:b]
            if piece.strip():
                out.append((a + len(piece) - len(piece.lstrip()), b - len(piece) + len(piece.rstrip())))
    return out


def without_repeats(text: str, spans: list[tuple[int, int]], shortest: int = 40) -> list[tuple[int, int]]:
    """The sentences less those that repeat an earlier one word for word: a page's headline printed again
    above its story, or a story printed twice, tells no second incident. Short sentences ("Two soldiers
    were killed.") may tell two incidents of a roundup alike, and stay."""
    seen: set[str] = set()
    kept = []
    for a, b in spans:
        words = " ".join(text[a:b].split())
        if len(words) < shortest or words not in seen:
            kept.append((a, b))
        seen.add(words)
    return kept


def without_captions(text: str) -> str:
    """`text` with its photo captions blanked, offsets kept: a caption above a dateline ("Officers
    investigate the site ... on 3 May 2015") is no day the copy was filed on."""
    for start, end in caption_spans(text):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def is_messenger(name: str) -> bool:
    """A news agency or a group's own medium ("Reuters", "Amaq news agency", "Telegram"): the name of
    who carried a report or a claim, never of an actor."""
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
    return _patterns().agency.fullmatch(name) is not None or is_own_channel(name) or name.lower() in _SOCIAL


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)
