"""Whether a case-ignoring pattern finds, in an ASCII text, what the same pattern without IGNORECASE finds
in that text's lower case (`folds_to_lower_case`): then the second is searched instead
(`patterns.LazyPattern.twin_for`). The regex engine tests the first character of each alternative
before trying it only for a literal or a class matched as written: a letter matched ignoring case is
tried in full, and the cue lexicons' long alternations of words cost three to four times as much.
"""

from __future__ import annotations

import re
from re import _constants as re_constants  # the parser's vocabulary, to read what a pattern tests
from re import _parser as re_parser

import _sre


def folds_to_lower_case(pattern: str, flags: int) -> bool:
    """Whether every character `pattern` tests is uncased or an ASCII lower-case letter, with no inline
    flags and no back-reference. Then, on ASCII text, a test ignoring case gives for a character what
    the same test without IGNORECASE gives for its lower case ('A' and 'a' both match 'a', and a
    class or a negation holds no upper-case letter to tell them apart), and lower-casing ASCII text
    moves no offset: the two find the same spans."""
    try:
        parsed = re_parser.parse(pattern, flags & ~re.IGNORECASE)
    except re.error:
        return False
    return not parsed.state.flags & re.IGNORECASE and _tests_lower_case(list(parsed))


def _tests_lower_case(items: list) -> bool:
    for op, arg in items:
        if op in (re_constants.LITERAL, re_constants.NOT_LITERAL):
            if not _lower_or_uncased(arg, arg):
                return False
        elif op is re_constants.RANGE:
            if not _lower_or_uncased(*arg):
                return False
        elif op is re_constants.IN or op is re_constants.BRANCH:
            if not all(_tests_lower_case(list(x) if op is re_constants.BRANCH else [x])
                       for x in (arg if op is re_constants.IN else arg[1])):
                return False
        elif op is re_constants.SUBPATTERN:
            if arg[1] or arg[2] or not _tests_lower_case(list(arg[3])):  # (?i:...), (?-i:...)
                return False
        elif op in _NESTING:
            if not _tests_lower_case(list(arg if op is re_constants.ATOMIC_GROUP else arg[-1])):
                return False
        elif op not in _CASELESS_OPS:
            return False  # a back-reference, a conditional group, or anything not known here
    return True


def _lower_or_uncased(low: int, high: int) -> bool:
    if high - low > 0x10000:
        return False
    return all(0x61 <= code <= 0x7A or not _sre.unicode_iscased(code) for code in range(low, high + 1))


# What holds a pattern of its own: a look-around, an atomic group, a repeat (its pattern comes last).
_NESTING = (re_constants.ASSERT, re_constants.ASSERT_NOT, re_constants.ATOMIC_GROUP, re_constants.MAX_REPEAT,
            re_constants.MIN_REPEAT, re_constants.POSSESSIVE_REPEAT)
# What tests no character's case: any character, \w and its kind, ^ $ \b, and the negation in a class.
_CASELESS_OPS = (re_constants.ANY, re_constants.CATEGORY, re_constants.AT, re_constants.NEGATE)
