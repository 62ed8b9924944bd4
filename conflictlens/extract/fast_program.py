"""A cue pattern's parsed form rewritten so the regex engine tries fewer alternatives, matching exactly
what the pattern as written matches (`patterns._program` compiles this form; the pattern keeps its text
and flags).

The engine tries a branch's alternatives in order, and skips one on its first character without
entering it only when that alternative opens on a literal or a class matched as written; and a pattern
that opens on a look-behind or a word boundary tells its search nothing of where a match can open.

- `_case_free`: under IGNORECASE a literal is matched ignoring case, so no alternative is ever skipped
  that way. An alternative's opening literal becomes the class of the characters it matches
  (`matched_by`: "k" is k, K and the Kelvin sign), read from the engine's own case tables, and the
  pattern is compiled without IGNORECASE; every other cased literal, cased class and back-reference
  keeps the flag in a scoped group of its own.
- `_by_first_character`: alternatives next to each other that open on literals are grouped by that
  character ("threaten|plan|pledge|promise" -> "threaten|p(?:lan|ledge|romise)"): alternatives opening
  on characters apart never both match at one place, and those sharing one keep their order, so the
  engine still meets the alternatives that can match in the order written. Runs of alternatives that
  open otherwise go behind a look-ahead for the characters they can open on (`_guarded`).
- `program`: the info block names the characters a match can open on (`first_characters`), so the
  search skips every other place.
"""

from __future__ import annotations

import copy
import re
from functools import lru_cache
from itertools import groupby
from re import _constants as C  # the parser's vocabulary
from re import _compiler as re_compiler
from re import _parser as P
from re._casefix import _EXTRA_CASES  # characters that match another one ignoring case, beyond lower-casing

import _sre

_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)
_Item = tuple  # (opcode, argument), as the parser gives them
GUARD_RUN = 8  # alternatives behind one look-ahead: more would let it pass at nearly every word


def optimised(parsed: P.SubPattern, flags: int) -> P.SubPattern:
    """The pattern as `re._parser.parse` gives it (parsed with `flags`) rewritten to match the same, to
    be compiled by `program` with the flags its state holds (IGNORECASE taken out when the
    rewrite made it needless)."""
    state = copy.copy(parsed.state)
    flags |= state.flags
    items = list(parsed)
    if flags & re.IGNORECASE and not flags & (re.LOCALE | re.ASCII):
        items, flags = _case_free(items, state), flags & ~re.IGNORECASE
        state.flags &= ~re.IGNORECASE
    return P.SubPattern(state, _grouped(items, flags, state))


@lru_cache(maxsize=1)
def _lowered_from() -> dict[int, tuple[int, ...]]:
    """For each code point, the others the engine lowers to it (`_sre.unicode_tolower`): about a tenth
    of a second once, when a pattern is compiled that the start-up cache does not hold."""
    found: dict[int, list[int]] = {}
    tolower = _sre.unicode_tolower
    for code in range(0x110000):
        lower = tolower(code)
        if lower != code:
            found.setdefault(lower, []).append(code)
    return {lower: tuple(codes) for lower, codes in found.items()}


def matched_by(code: int) -> tuple[int, ...]:
    """Every character the literal `code` matches under IGNORECASE (str patterns, Unicode): those the
    engine lowers to its lower case or to a character `_EXTRA_CASES` equates with it."""
    tolower = _sre.unicode_tolower
    targets = {tolower(code), *_EXTRA_CASES.get(tolower(code), ())}
    inverse = _lowered_from()
    return tuple(sorted({*(t for t in targets if tolower(t) in targets),
                         *(c for t in targets for c in inverse.get(t, ()))}))


def _case_free(items: list, state, opening: bool = False) -> list:
    """Items matched under IGNORECASE, as items that match the same without it. A branch's alternative
    that opens on a cased literal opens on the class of what it matches; every other cased literal,
    and anything else the flag may change, keeps it in a group of its own (which the engine's code
    does not show: a class for "s", "k" or "i", which match a character beyond Latin-1, is about 90
    code units against 2)."""
    out: list[_Item] = []
    for index, (op, av) in enumerate(items):
        first = opening and index == 0
        if op is C.LITERAL and _sre.unicode_iscased(av):
            out.append((C.IN, [(C.LITERAL, c) for c in matched_by(av)]) if first else _keeps_flag(op, av, state))
        elif op in (C.LITERAL, C.ANY, C.AT) or (op is C.IN and not _cased_class(av)):
            out.append((op, av))  # the flag changes nothing here (an uncased literal or class)
        elif op is C.BRANCH:
            out.append((op, (av[0], [P.SubPattern(state, _case_free(list(a), state, True)) for a in av[1]])))
        elif op is C.SUBPATTERN and not (av[1] | av[2]) & re.IGNORECASE:
            inner = _case_free(list(av[3]), state, first and av[0] is None)
            out.append((op, (av[0], av[1], av[2], P.SubPattern(state, inner))))
        elif op in _REPEATS:
            out.append((op, (av[0], av[1], P.SubPattern(state, _case_free(list(av[2]), state)))))
        elif op in (C.ASSERT, C.ASSERT_NOT):
            out.append((op, (av[0], P.SubPattern(state, _case_free(list(av[1]), state)))))
        elif op is C.ATOMIC_GROUP:
            out.append((op, P.SubPattern(state, _case_free(list(av), state))))
        else:
            out.append(_keeps_flag(op, av, state))
    return out


def _keeps_flag(op, av, state) -> _Item:
    """One item in a group of its own that keeps IGNORECASE."""
    return C.SUBPATTERN, (None, re.IGNORECASE, 0, P.SubPattern(state, [(op, av)]))


def _cased_class(members: list) -> bool:
    """Whether IGNORECASE could change what a class matches (it holds a cased literal or range)."""
    for op, av in members:
        if op is C.LITERAL and _sre.unicode_iscased(av):
            return True
        if op is C.RANGE and any(map(_sre.unicode_iscased, range(av[0], av[1] + 1))):
            return True
        if op not in (C.LITERAL, C.RANGE, C.CATEGORY, C.NEGATE):
            return True
    return False


def _grouped(items: list, flags: int, state) -> list:
    """The items with every branch grouped by first character (`_by_first_character`), inside too."""
    out: list[_Item] = []
    for op, av in items:
        if op is C.BRANCH:
            out.extend(_by_first_character([_grouped(list(a), flags, state) for a in av[1]], flags, state))
        elif op is C.SUBPATTERN:
            inner = flags & ~av[2] | av[1]
            out.append((op, (av[0], av[1], av[2], P.SubPattern(state, _grouped(list(av[3]), inner, state)))))
        elif op in _REPEATS:
            out.append((op, (av[0], av[1], P.SubPattern(state, _grouped(list(av[2]), flags, state)))))
        elif op in (C.ASSERT, C.ASSERT_NOT):
            out.append((op, (av[0], P.SubPattern(state, _grouped(list(av[1]), flags, state)))))
        elif op is C.ATOMIC_GROUP:
            out.append((op, P.SubPattern(state, _grouped(list(av), flags, state))))
        else:
            out.append((op, av))
    return out


def _opening(alternative: list, flags: int) -> frozenset[int] | None:
    """The characters an alternative opens on, when it opens on a literal or a class of literals
    matched as written (None: anything else, or nothing)."""
    if not alternative:
        return None
    op, av = alternative[0]
    if op is C.SUBPATTERN and av[0] is None and av[1] == re.IGNORECASE and not av[2] and len(av[3]) == 1:
        op, av = av[3][0]  # a literal that keeps IGNORECASE: the class of what it matches
        return frozenset(matched_by(av)) if op is C.LITERAL and not flags & re.IGNORECASE else None
    if op is C.LITERAL:
        codes = frozenset((av,))
    elif op is C.IN and all(member is C.LITERAL for member, _code in av):
        codes = frozenset(code for _member, code in av)
    else:
        return None
    return codes if not flags & re.IGNORECASE or not any(map(_sre.unicode_iscased, codes)) else None


def _by_first_character(alternatives: list[list], flags: int, state) -> list:
    """A branch's items, its alternatives grouped by the literal they open on (see the module's doc).
    Only alternatives next to each other are grouped: those between them that open otherwise keep
    their place (`_guarded`), so no two alternatives that may match at one place change their order."""
    merged: list[list] = []
    for opens_on_literal, run in groupby(alternatives, key=lambda a: _opening(a, flags) is not None):
        run = list(run)
        merged += _grouped_run(run, flags, state) if opens_on_literal else _guarded(run, flags, state)
    if len(merged) == 1:
        return merged[0]
    return [(C.BRANCH, (None, [P.SubPattern(state, a) for a in merged]))]


def _grouped_run(alternatives: list[list], flags: int, state) -> list[list]:
    """Alternatives that open on literals, one per character they open on (none when two may open on
    one character without opening on the same set)."""
    openings = [_opening(a, flags) for a in alternatives]
    distinct = set(openings)
    if len(distinct) == len(openings) or sum(map(len, distinct)) != len(frozenset().union(*distinct)):
        return alternatives
    groups: dict[frozenset[int], list[list]] = {}
    for opening, alternative in zip(openings, alternatives):
        groups.setdefault(opening, []).append(alternative)
    return [group[0] if len(group) == 1 else [group[0][0], *_by_first_character([a[1:] for a in group], flags, state)]
            for group in groups.values()]


def _guarded(alternatives: list[list], flags: int, state) -> list[list]:
    """Alternatives that open otherwise ("(?:threat|plan)s to", a look-behind): each run of up to
    GUARD_RUN of them whose opening characters are known is put behind one look-ahead for those
    characters, so that where none of them can open the engine skips them all at once."""
    out: list[list] = []
    run: list[tuple[list, frozenset[int]]] = []
    for alternative in [*alternatives, None]:
        opening, empty = _opens_sequence(alternative, flags) if alternative is not None else (None, True)
        if opening and not empty and len(run) < GUARD_RUN:
            run.append((alternative, opening))
            continue
        if len(run) > 1:
            guard = P.SubPattern(state, [(C.IN, [(C.LITERAL, c) for c in sorted(frozenset().union(*(o for _a, o in run)))])])
            inner = P.SubPattern(state, [(C.BRANCH, (None, [P.SubPattern(state, a) for a, _o in run]))])
            out.append([(C.ASSERT, (1, guard)), (C.SUBPATTERN, (None, 0, 0, inner))])
        else:
            out += [a for a, _o in run]
        run = [(alternative, opening)] if opening and not empty else []
        if alternative is not None and not run:
            out.append(alternative)
    return out


def program(parsed: P.SubPattern) -> list[int]:
    """The engine's code for a pattern `optimised` gave, as `re._compiler._code` makes it, but that the
    info block names the characters a match can open on (`first_characters`) where `re` finds none
    (a cue that opens on a look-behind or a word boundary: "(?<![\\w-])(?:soldiers?|army)"). The
    engine's search then skips every place that holds none of them instead of trying a match there."""
    flags = parsed.state.flags
    code: list[int] = []
    re_compiler._compile_info(code, parsed, flags)
    lo, hi = parsed.getwidth()
    opening = None if code[2] or lo == 0 or flags & re.IGNORECASE else first_characters(list(parsed), flags)
    if opening:
        code = [C.INFO, 0, C.SRE_INFO_CHARSET, min(lo, re_compiler.MAXCODE), min(hi, re_compiler.MAXCODE)]
        charset, _cased = re_compiler._optimize_charset([(C.LITERAL, c) for c in sorted(opening)])
        re_compiler._compile_charset(charset, flags, code)
        code[1] = len(code) - 1
    re_compiler._compile(code, parsed.data, flags)
    code.append(C.SUCCESS)
    return code


def first_characters(items: list, flags: int) -> frozenset[int] | None:
    """The characters a match of `items` (then nothing) can open on, or None when that is not a small
    known set (a category, any character, a back-reference) or the items can match empty."""
    found: set[int] = set()
    for index, (op, av) in enumerate(items):
        if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
            continue  # matches no character: the next item opens the match
        opening, empty = _opens(op, av, flags)
        if opening is None:
            return None
        found |= opening
        if not empty:
            return frozenset(found)
        rest = first_characters(items[index + 1:], flags)
        return None if rest is None else frozenset(found | rest)
    return None


def _opens(op, av, flags: int) -> tuple[frozenset[int] | None, bool]:
    """The characters one item can open on (None: unknown) and whether it can match empty."""
    if op is C.LITERAL:
        cased = flags & re.IGNORECASE and _sre.unicode_iscased(av)
        return frozenset(matched_by(av) if cased else (av,)), False
    if op is C.IN:
        literal = all(member is C.LITERAL for member, _code in av)
        return (frozenset(c for _m, c in av) if literal and not (flags & re.IGNORECASE and _cased_class(av))
                else None), False
    if op is C.BRANCH:
        return _union([_opens_sequence(list(a), flags) for a in av[1]])
    if op is C.SUBPATTERN:
        return _opens_sequence(list(av[3]), flags & ~av[2] | av[1])
    if op in _REPEATS:
        opening, empty = _opens_sequence(list(av[2]), flags)
        return opening, empty or av[0] == 0
    return None, True


def _opens_sequence(items: list, flags: int) -> tuple[frozenset[int] | None, bool]:
    """`_opens` of a sequence: what its first items that can match empty and the one after can open on."""
    found: set[int] = set()
    for op, av in items:
        if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
            continue
        opening, empty = _opens(op, av, flags)
        if opening is None:
            return None, True
        found |= opening
        if not empty:
            return frozenset(found), False
    return frozenset(found), True


def _union(parts: list[tuple[frozenset[int] | None, bool]]) -> tuple[frozenset[int] | None, bool]:
    if any(opening is None for opening, _empty in parts):
        return None, True
    return frozenset().union(*(opening for opening, _empty in parts)), any(empty for _o, empty in parts)
