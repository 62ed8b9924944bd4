"""Regular expressions for the cue lexicons: compiled on first use (`LazyPattern`), and the literals
every match must contain (`anchors_of`), so a text without them is never searched.

Compiling a regex is mostly Python (the `re` parser and code generator): the lexicons' few hundred
patterns cost a cold `conflictlens extract` about 0.2 s of CPU before its first event. `compile_pattern`
keeps what compiling produced (the program `_sre.compile` takes, and the anchors) in the start-up
cache (`model/cache.py`), keyed by the Python version and `re`'s own version: a later run turns the
program back into the same pattern (equal to `re.compile`'s, a test checks) without parsing it.
"""

from __future__ import annotations

import atexit
import re
import weakref
from array import array
from contextlib import suppress
from functools import lru_cache
from pathlib import Path
from re import _constants as re_constants  # the parser's own vocabulary, to read a cue's literal start
from re import _parser as re_parser
from typing import Any, Iterator, Mapping

import _sre

from conflictlens.extract import case_twin, fast_program
from conflictlens.model.cache import read_entry, source_key, write_entry

FLAGS = re.IGNORECASE
CACHE_ENTRY = "patterns"
CODE_TYPE = "I" if _sre.CODESIZE == array("I").itemsize else "L"  # the engine's code unit (4 bytes)
MAX_CACHED = 4_000  # programs kept on disk: the lexicons need about 600; a bound for anything dynamic


class LazyPattern:
    """A regex compiled on its first use, with the methods of `re.Pattern` the extractor calls.

    The cue files hold about 500 patterns and a short report needs a third of them: compiling every
    one up front (the regex parser is pure Python) cost a cold `conflictlens extract` about 0.2 s.
    Compiling twice from two threads gives equal patterns, so the cache needs no lock."""

    __slots__ = ("pattern", "flags", "_compiled", "_twin", "__weakref__")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern, self.flags = pattern, flags
        self._compiled: re.Pattern[str] | None = None
        self._twin: re.Pattern[str] | None | bool = False  # False: not looked for yet
        if type(self) is LazyPattern:  # a lexicon's cue (a report's own words are a ReportPattern)
            compiled_programs().declared.add(self)

    def compiled(self) -> re.Pattern[str]:
        found = self._compiled
        if found is None:
            found = self._compiled = compile_pattern(self.pattern, self.flags)
        return found

    def search(self, string: str, *bounds: int) -> re.Match[str] | None:
        return self.compiled().search(string, *bounds)

    def match(self, string: str, *bounds: int) -> re.Match[str] | None:
        return self.compiled().match(string, *bounds)

    def fullmatch(self, string: str, *bounds: int) -> re.Match[str] | None:
        return self.compiled().fullmatch(string, *bounds)

    def finditer(self, string: str, *bounds: int) -> Iterator[re.Match[str]]:
        return self.compiled().finditer(string, *bounds)

    def findall(self, string: str, *bounds: int) -> list:
        return self.compiled().findall(string, *bounds)

    def sub(self, repl, string: str, count: int = 0) -> str:
        return self.compiled().sub(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list:
        return self.compiled().split(string, maxsplit)

    def spans(self, string: str, lowered: str | None = None) -> list[tuple[int, int]]:
        """The spans `finditer` gives (`lowered`: `string.lower()`, when at hand; see `twin_for`)."""
        twin = self.twin_for(string)
        if twin is None:
            return [m.span() for m in self.finditer(string)]
        return [m.span() for m in twin.finditer(string.lower() if lowered is None else lowered)]

    def twin_for(self, string: str) -> re.Pattern[str] | None:
        """The pattern without IGNORECASE, to search `string.lower()` with for the same spans, when
        `string` is ASCII and the pattern allows it (`case_sensitive_twin`); else None. A letter
        matched ignoring case defeats the engine's quick test of each alternative's first character:
        a long alternation of words costs three to four times as much as its twin on lower case."""
        if not string.isascii():
            return None
        twin = self._twin
        if twin is False:
            twin = self._twin = case_sensitive_twin(self.pattern, self.flags)
        return twin  # type: ignore[return-value]

    @property
    def groupindex(self) -> Mapping[str, int]:
        return self.compiled().groupindex

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self.flags})"


class ReportPattern(LazyPattern):
    """A regex made of one report's words (the names of its actors), compiled by `re.compile` when
    first searched: most are never searched, and the start-up cache keeps the lexicons' patterns only."""

    __slots__ = ()

    def compiled(self) -> re.Pattern[str]:
        found = self._compiled
        if found is None:
            found = self._compiled = re.compile(self.pattern, self.flags)
        return found

    def twin_for(self, string: str) -> re.Pattern[str] | None:
        return None  # a twin would be built, and kept in the start-up cache, for one report


# A cue pattern: compiled now (searched in every report) or when first searched.
Regex = re.Pattern[str] | LazyPattern


def search_span(pattern: Regex, string: str, *bounds: int, lowered: str | None = None) -> tuple[int, int] | None:
    """The span of `pattern.search(string, *bounds)`, None for no match; ASCII text is searched in its
    lower case (`lowered`, when at hand) where the pattern has a case-sensitive twin (`twin_for`)."""
    twin = pattern.twin_for(string) if isinstance(pattern, LazyPattern) else None
    if twin is None:
        found = pattern.search(string, *bounds)
    else:
        found = twin.search(string.lower() if lowered is None else lowered, *bounds)
    return None if found is None else found.span()


def found_in(pattern: Regex, string: str, *bounds: int, lowered: str | None = None) -> bool:
    """Whether `pattern.search(string, *bounds)` finds a match (see `search_span`)."""
    return search_span(pattern, string, *bounds, lowered=lowered) is not None


def word_regex(pattern: str, flags: int = FLAGS) -> LazyPattern:
    """A cue that only matches whole words (compiled when first searched)."""
    return LazyPattern(rf"(?<![\w-])(?:{pattern})(?![\w])", flags)


def optional_pattern(raw: dict, key: str, flags: int = FLAGS) -> LazyPattern | None:
    """The pattern of the data file's entry `key` ({"pattern": ...}), if the file has one."""
    return LazyPattern(raw[key]["pattern"], flags) if key in raw else None


def may_occur(pattern: Regex, string: str) -> bool:
    """False when `pattern` cannot match in `string`: an ASCII string that holds none of its anchors
    (`anchors_of`), in any case. A cue that most reports lack ("Amaq", "retook") is then not searched
    position by position. Other strings are always searched: ignoring case, a few letters match an
    ASCII one that their lower case is not ("ſ" matches "s")."""
    anchors = anchors_of(pattern.pattern, pattern.flags)
    return anchors is None or not string.isascii() or any(map(string.lower().__contains__, anchors))


def may_match(anchors: tuple[str, ...] | None, lowered: str) -> bool:
    """False when no anchor of a pattern occurs in `lowered`: the pattern cannot match there."""
    return anchors is None or any(map(lowered.__contains__, anchors))


# Sets of literals a pattern's every match holds one of each, in this order (`anchor_chain_of`).
Chain = tuple[tuple[str, ...], ...]


def may_match_in_order(chain: Chain, lowered: str) -> bool:
    """False when `lowered` does not hold a literal of each set of `chain`, one after another: the
    pattern cannot match there. The sets stand for parts of a match that follow one another without
    overlapping, so the earliest end of a literal of each set, looked for from the earliest end found
    for the set before, is never later than where a match would have it."""
    start = 0
    for literals in chain:
        end = -1
        for literal in literals:
            found = lowered.find(literal, start)
            if found >= 0 and (end < 0 or found + len(literal) < end):
                end = found + len(literal)
        if end < 0:
            return False
        start = end
    return True


# What matches no text of its own: the literals either side of one follow each other in a match.
_ZERO_WIDTH = (re_constants.AT, re_constants.ASSERT, re_constants.ASSERT_NOT)
MIN_ANCHOR = 3  # shorter literals ("a", "to") are in every report and save nothing


class CompiledPrograms:
    """What compiling each pattern produced, by (pattern, flags): read from the start-up cache once per
    process, added to as new patterns are compiled, and written back at exit when anything was added.
    Filled the same from any thread: two threads compiling one pattern store equal programs."""

    def __init__(self, key: str, known: dict[tuple[str, int], Any], cold: bool = False) -> None:
        self.key, self.known, self.added, self.cold = key, known, False, cold
        self.declared: weakref.WeakSet[LazyPattern] = weakref.WeakSet()  # the lexicons' cues, compiled or not

    def pattern(self, pattern: str, flags: int) -> re.Pattern[str]:
        program = self.known.get((pattern, flags))
        if program is not None:
            try:
                return _from_program(pattern, program)
            except (TypeError, ValueError, AttributeError, RuntimeError, OverflowError):  # not a program it reads
                pass
        program = _program(pattern, flags)
        if program is None:
            return re.compile(pattern, flags)
        self._add((pattern, flags), program)
        return _from_program(pattern, program)

    def anchors(self, pattern: str, flags: int) -> tuple[str, ...] | None:
        found = self.known.get((pattern, flags, "anchors"), False)
        if found is False:
            found = _anchors(pattern, flags)
            self._add((pattern, flags, "anchors"), found)
        return found

    def twin(self, pattern: str, flags: int) -> re.Pattern[str] | None:
        found = self.known.get((pattern, flags, "twin"))
        if found is None:
            found = case_twin.folds_to_lower_case(pattern, flags)
            self._add((pattern, flags, "twin"), found)
        return self.pattern(pattern, flags & ~re.IGNORECASE) if found else None

    def chain(self, pattern: str, flags: int) -> Chain:
        found = self.known.get((pattern, flags, "chain"))
        if found is None:
            found = _anchor_chain(pattern, flags)
            self._add((pattern, flags, "chain"), found)
        return found

    def _add(self, key: tuple, value: Any) -> None:
        if len(self.known) >= MAX_CACHED:
            return
        self.known[key] = value
        if not self.added:
            self.added = True
            atexit.register(self.save)

    def save(self) -> None:
        # The run that first fills the cache (cold) compiles every cue its lexicons declared, used or not: else
        # each later run compiles on first use the rare cues its reports need (about 2 s per 600 reports).
        for lazy in list(self.declared) if self.cold else ():
            with suppress(re.error):  # a broken cue no report met must not keep the others out
                lazy.compiled(), lazy.twin_for("a")
        self.cold = False
        write_entry(CACHE_ENTRY, self.key, dict(self.known))


@lru_cache(maxsize=1)
def compiled_programs() -> CompiledPrograms:
    """The programs of this Python's `re` (and the anchors of this module's code) cached so far."""
    key = source_key([Path(__file__), Path(case_twin.__file__), Path(fast_program.__file__)],
                     f"sre {_sre.MAGIC} {re_constants.MAGIC}")
    found, known = read_entry(CACHE_ENTRY, key)
    warm = found and isinstance(known, dict)
    return CompiledPrograms(key, known if warm else {}, cold=not warm)


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from the start-up cache's program when it has one."""
    return compiled_programs().pattern(pattern, int(flags))


def _program(pattern: str, flags: int) -> tuple | None:
    """The arguments `_sre.compile` takes after the pattern, made as `re._compiler.compile` makes them;
    None when this Python's `re` has no such steps (then `re.compile` does it all)."""
    try:
        parsed = re_parser.parse(pattern, flags)
        code = fast_program.program(fast_program.optimised(parsed, flags))  # the same matches, tried faster
    except AttributeError:
        return None
    state = parsed.state
    indexgroup = [None] * state.groups
    for name, index in state.groupdict.items():
        indexgroup[index] = name
    # An array of plain ints: the code generator's opcodes are named int constants that refuse to be
    # pickled, and an array is read back from the cache as one block (a list of ints one by one).
    return int(flags | state.flags), array(CODE_TYPE, code), state.groups - 1, dict(state.groupdict), tuple(indexgroup)


def _from_program(pattern: str, program: tuple) -> re.Pattern[str]:
    flags, code, groups, groupindex, indexgroup = program
    return _sre.compile(pattern, flags, code.tolist(), groups, groupindex, indexgroup)


def anchors_of(pattern: str, flags: int = FLAGS) -> tuple[str, ...] | None:
    """Lower-case literals one of which every match of `pattern` contains, or None when none is known
    (`_anchors`; kept in the start-up cache with the compiled programs)."""
    return compiled_programs().anchors(pattern, int(flags))


def anchor_chain_of(pattern: str, flags: int = FLAGS) -> Chain:
    """The sets of literals every match of `pattern` holds one of each, in order (`_anchor_chain`;
    kept in the start-up cache with the compiled programs)."""
    return compiled_programs().chain(pattern, int(flags))


def _anchors(pattern: str, flags: int = FLAGS) -> tuple[str, ...] | None:
    """Lower-case literals one of which every match of `pattern` contains, or None when none is known.

    A cue is searched hundreds of times per report, most often with a look-behind or an optional
    speaker first, which keeps the regex engine from skipping ahead by literal text; checking a
    literal with `in` first is ten times cheaper. Of the pattern's required parts (not under an
    optional quantifier), the one whose shortest alternative is longest is chosen."""
    try:
        parsed = re_parser.parse(pattern, flags)
    except re.error:
        return None
    best = _best_set(list(parsed))
    return tuple(dict.fromkeys(best)) if best else None


def _anchor_chain(pattern: str, flags: int = FLAGS) -> Chain:
    """Sets of lower-case literals every match of `pattern` holds one of each, in this order: each of
    its required parts `_anchors` chooses from (empty when none is known; kept in the start-up cache).

    `_anchors` keeps one set; a cue whose best part is a name's placeholder ("ACTOR0", in every
    sentence searched for statements) or a common verb then searches nearly every sentence, most
    often in vain. A sentence must hold all of its parts, in order: "No group claimed the attack,
    but police blamed ACTOR0" holds no "ACTOR... claimed"."""
    try:
        parsed = re_parser.parse(pattern, flags)
    except re.error:
        return ()
    return tuple(tuple(dict.fromkeys(c)) for c in _required_literals(list(parsed)) if min(map(len, c)) >= MIN_ANCHOR)


def _required_literals(items: list) -> list[list[str]]:
    """Sets of alternatives, one set per required part of a pattern, each alternative a literal start;
    in the pattern's order, and no two sets stand for overlapping parts of a match. Look-arounds and
    boundaries match no text: the literals on either side of one are one run ("claimed\\b responsibility").
    A group whose starts are too short for an anchor ("(?:afghan )?soldiers|ana") gives the best set
    of each alternative instead, anywhere in it ("soldiers" or "ana")."""
    found, run = [], ""
    for op, arg in items:
        if op is re_constants.LITERAL:
            run += chr(arg).lower()
            continue
        if op in _ZERO_WIDTH:
            continue
        inner = _group_items(op, arg)
        starts = None if inner is None else [run + b for branch in inner for b in _starts(list(branch))]
        if starts and min(map(len, starts)) >= MIN_ANCHOR:
            found.append(starts)
        else:
            found.extend([[run]] if run else [])
            best = None if inner is None else [_best_set(list(branch)) for branch in inner]
            if best and all(best):
                found.append([literal for one in best for literal in one])
        run = ""
    if run:
        found.append([run])
    return found


def _best_set(items: list) -> list[str] | None:
    """The required set of a sequence whose shortest literal is longest (None: none long enough)."""
    candidates = [c for c in _required_literals(items) if min(map(len, c)) >= MIN_ANCHOR]
    return max(candidates, key=lambda c: min(map(len, c))) if candidates else None


def _starts(items: list) -> list[str] | None:
    """The literal starts of a sequence's matches ('' when it starts with no literal)."""
    prefix = ""
    for op, arg in items:
        if op is re_constants.LITERAL:
            prefix += chr(arg).lower()
            continue
        if op in _ZERO_WIDTH:
            continue
        inner = _group_items(op, arg)
        if inner is None:
            return [prefix]
        branches = [_starts(list(branch)) for branch in inner]
        if any(b is None for b in branches):
            return None
        return [prefix + b for branch in branches for b in branch]
    return [prefix]


def _group_items(op, arg) -> list | None:
    """The alternatives a group or a branch stands for (None: not a group)."""
    if op is re_constants.SUBPATTERN:
        return [arg[-1]]
    if op is re_constants.BRANCH:
        return list(arg[1])
    return None


def case_sensitive_twin(pattern: str, flags: int = FLAGS) -> re.Pattern[str] | None:
    """`pattern` compiled without IGNORECASE, which finds in `text.lower()` the spans `pattern` finds
    in an ASCII `text`; None when it might not (`case_twin.folds_to_lower_case`; kept in the start-up cache)."""
    return compiled_programs().twin(pattern, int(flags)) if flags & re.IGNORECASE else None
