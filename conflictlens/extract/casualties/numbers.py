"""Number phrases to (low, best, high): 'at least five', 'dozens', 'between 20 and 25', 'one hundred and five'.

The conventions are documented in the lexicon's ``_conventions``. Public through
``conflictlens.extract.casualties.parse_number``.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from conflictlens.extract.casualties.rules import Rules, Triple, casualty_rules


def _word_value(phrase: str, lex: dict) -> int | None:
    """'one hundred and five' -> 105; None when a word is no number word."""
    total, current = 0, 0
    for word in re.split(r"[\s-]+", phrase):
        if word in lex["units"] or word in lex["tens"]:
            current += lex["units"].get(word, lex["tens"].get(word, 0))
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in lex["scales"]:
            total += max(current, 1) * lex["scales"][word]
            current = 0
        elif word != "and":
            return None
    return total + current


_MAX_DIGITS = 9  # a casualty figure has at most nine digits; a longer run of digits is an id or noise


def _digits_value(phrase: str) -> int | None:
    # isdigit() also holds for superscripts and other scripts' digits, which int() may refuse.
    if len(phrase) > _MAX_DIGITS or not phrase.isascii():
        return None
    return int(phrase)


def _core_value(phrase: str, lex: dict) -> int | None:
    phrase = phrase.lower().replace(",", "")
    dozen = phrase.endswith("dozen")
    phrase = phrase.removesuffix("dozen").strip()
    value = _digits_value(phrase) if phrase.isdigit() else _word_value(phrase, lex)
    return value * 12 if dozen and value is not None else value


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


def _split_quantifier(text: str, rules: Rules) -> tuple[str, str]:
    """('at_least', '29') for 'at least 29'; ('exact', text) when no quantifier opens a number."""
    quant = rules.quant.match(text)
    if quant and rules.number.fullmatch(text[quant.end():]):
        return rules.lex["quantifiers"][" ".join(quant.group("q").split())], text[quant.end():]
    return "exact", text


def _range_value(text: str, rules: Rules) -> Triple | None:
    a, b = (_core_value(m.group(), rules.lex) for m in rules.core.finditer(text.removeprefix("between")))
    if a is None or b is None:
        return None
    a, b = min(a, b), max(a, b)
    return (a, (a + b) // 2, b)


@lru_cache(maxsize=8192)
def parse_number(phrase: str) -> tuple[int, int, int] | None:
    """(low, best, high) for a number phrase; None when it is not one or the count is unknown.

    Bounds may be None where the phrase gives none (``at least 5`` -> (5, 5, None)).
    """
    rules = casualty_rules()
    lex = rules.lex
    kind, text = _split_quantifier(" ".join(phrase.lower().split()), rules)
    if not rules.number.fullmatch(text):
        return None
    if text in lex["vague_quantities"]:
        low, best, high = lex["vague_quantities"][text]
        if kind != "exact" and low == best == high:  # 'more than a dozen' is 13, as 'more than 12'
            return _apply_quantifier(kind, best, lex["approx_margin"])
        return (low, best, high) if kind == "exact" else (low, best, None)
    if text in lex["articles"]:
        return _apply_quantifier(kind, lex["articles"][text], lex["approx_margin"])  # type: ignore[return-value]
    if rules.range_.fullmatch(text):
        return _range_value(text, rules)  # type: ignore[return-value]
    value = _core_value(text, lex) if rules.core.fullmatch(text) else None
    return None if value is None else _apply_quantifier(kind, value, lex["approx_margin"])  # type: ignore[return-value]
