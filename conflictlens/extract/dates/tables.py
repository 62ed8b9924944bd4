"""The date grammar (data/date_grammar.txt) and its words (data/date_phrases.json), compiled once per process.

Internal to the date resolver; the public API is ``conflictlens.extract.dates.mentions``.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from string import Template
from typing import Any, NamedTuple

from conflictlens.errors import ConflictLensError
from conflictlens.model.vocab import with_speech_verbs
from conflictlens.extract.patterns import LazyPattern, compile_pattern

_DATA = Path(__file__).parents[1] / "data"  # extract/data
_YEAR4 = r"(?P<year>1[89][0-9]{2}|2[01][0-9]{2})"
_YEAR = _YEAR4 + r"(?![0-9]|s\b|['’]s\b|[-/.][0-9])"  # not "1990s", not the start of 2021-01-03
_DAYNUM = r"(?P<day>[0-3]?[0-9])(?:st|nd|rd|th)?(?![0-9])"


class Tables(NamedTuple):
    triggers: re.Pattern[str]  # words every date expression contains: the finder looks only near them
    finder: re.Pattern[str]  # every rule at once, for spans only
    kinds: tuple[str, ...]  # kind of the rule behind each top-level group of `finder`
    # (resolver name, full pattern, parameter); a rule is compiled when a phrase is first tried on it
    rules: tuple[tuple[str, LazyPattern, Any], ...]
    lex: dict[str, Any]
    non_event: re.Pattern[str]
    statement: re.Pattern[str]  # before a date: the day something was said ("police said Thursday")
    statement_after: re.Pattern[str]  # after a date: the same ("the group on Monday claimed responsibility")
    # after a day that opens its sentence: who spoke and a statement verb ("On Friday, authorities confirmed")
    opening_statement: re.Pattern[str]
    frame_after: re.Pattern[str]  # after a date: a superlative's frame ("this year's deadliest attack")
    toll_rise: re.Pattern[str]  # earlier in its sentence: a toll risen to a count ("the toll has risen to 100")


def _longest_first(text: str) -> tuple[int, str]:
    """Longest first, then alphabetical, never a set's order: the same pattern in every process, so
    its compiled program is found in the start-up cache (the branches exclude each other)."""
    return -len(text), text


def _alt(words: Any, cased: bool) -> str:
    """Alternation, longest first; `cased` names match in Title or UPPER case only."""
    forms = {f for w in words if w[0] != "_" for f in ((w, w.upper()) if cased else (w,))}
    body = "|".join(re.escape(f) for f in sorted(forms, key=_longest_first))
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
    body = "|".join(f"[{c}{c.upper()}](?:{'|'.join(sorted(r, key=_longest_first))})"
                    for c, r in sorted(by_first.items()))
    # Numbers matter only as years or numeric dates; "12" alone needs a month or unit word nearby.
    return compile_pattern(rf"[0-9][./-][0-9]|[12][0-9]{{3}}|\b(?:{body})\b")


def _read(name: str) -> str:
    try:
        return (_DATA / name).read_text(encoding="utf-8")
    except OSError as exc:
        raise ConflictLensError("CL-E300", f"cannot read ({exc}); reinstall conflictlens", str(_DATA / name)) from exc


def _grammar() -> list[tuple[str, str, str]]:
    """(resolver, kind, template) from data/date_grammar.txt."""
    lines = (ln.split(None, 2) for ln in _read("date_grammar.txt").splitlines() if ln.strip() and ln[0] != "#")
    return [(n, k, t.strip()) for n, k, t in lines]


def _rule_sources(lex: dict[str, Any]) -> list[tuple[str, str, str, Any]]:
    """(resolver, kind, regex, parameter) for every rule, in priority order."""
    frags = _fragments(lex)
    rules: list[tuple[str, str, str, Any]] = []
    for name, kind, template in _grammar():
        if name in ("pub", "anc"):  # one rule per phrase group, each with its own day offset
            table = lex["published_offsets" if name == "pub" else "anchor_offsets"]
            rules += [(name, kind, rf"\b(?i:{e['pattern']})\b", e["days"]) for e in table]
        else:
            rules.append((name, kind, Template(template).substitute(frags), None))
    return rules


@lru_cache(maxsize=1)
def tables() -> Tables:
    try:
        lex = json.loads(_read("date_phrases.json"))
    except ValueError as exc:
        raise ConflictLensError("CL-E300", f"invalid JSON ({exc}); reinstall conflictlens", str(_DATA)) from exc
    rules = _rule_sources(lex)
    # The finder needs only spans and kinds, so inner groups become non-capturing.
    finder = "|".join(f"({re.sub(r'[(][?]P<[a-z]+>', '(?:', rx)})" for _, _, rx, _ in rules)
    return Tables(_trigger_pattern(lex), compile_pattern(rf"\b(?=\w)(?:{finder})"), tuple(r[1] for r in rules),
                  tuple((r[0], LazyPattern(r[2]), r[3]) for r in rules), lex,
                  compile_pattern(lex["non_event_cues"], re.IGNORECASE),
                  compile_pattern(with_speech_verbs(lex["statement_cues"]), re.IGNORECASE),
                  compile_pattern(with_speech_verbs(lex["statement_after_cues"]), re.IGNORECASE),
                  compile_pattern(lex["opening_statement_cues"], re.IGNORECASE),
                  compile_pattern(lex["frame_after_cues"], re.IGNORECASE),
                  compile_pattern(lex["toll_rise_cues"], re.IGNORECASE))


def _norm(word: str) -> str:
    return re.sub(r"[^a-z]", "", word.lower())


@lru_cache(maxsize=16)
def _normalised(table: str) -> dict[str, Any]:
    return {_norm(k): v for k, v in tables().lex[table].items()}


def lookup(table: str, key: str) -> Any:
    """Lexicon entry for matched text, ignoring case, spacing and punctuation ("EID UL-FITR", "Sept.")."""
    return _normalised(table)[_norm(key)]
