"""Deaths told in a relative clause inside a group of the wounded: 'a bomb injured seven people, including a
soldier who later died', 'the blast wounded nine villagers, two of whom died in hospital'.

The die verb's subject is the relative's antecedent ('a soldier', 'two of whom'), not the group of the
wounded around it: the flat scan of `clauses` would give the death to the whole group. Internal to the
casualty parser.
"""

from __future__ import annotations

import re
from functools import lru_cache

from conflictlens.extract.casualties.numbers import parse_number
from conflictlens.extract.casualties.rules import Rules, Span, Triple
from conflictlens.extract.casualties.wording import alternation
from conflictlens.extract.patterns import compile_pattern

_ADVERBS = r"(?:(?:later|subsequently|eventually|afterwards|then|also|had|has|have)\s+){0,2}"


@lru_cache(maxsize=1)
def _later_death(number: str, die: str, including: str) -> re.Pattern[str]:
    # "including a soldier who later died", "two of whom died": a part of a group, not the group
    antecedent = (rf"(?:(?<![\w-])(?:{including})\s+(?P<num>{number})\s+(?:[\w'\u2019-]+\s+){{0,3}}?(?=who\s)"
                  rf"|(?P<part>{number})\s+of\s+(?:whom|them))")
    return compile_pattern(rf"{antecedent}\s*(?P<rel>(?:who\s+)?{_ADVERBS}(?:{die})(?![\w-]))", re.IGNORECASE)


@lru_cache(maxsize=1)
def _wounded(wound: str) -> re.Pattern[str]:
    return compile_pattern(rf"(?<![\w-])(?:{wound})(?![\w-])", re.IGNORECASE)


def later_deaths(sent: str, rules: Rules) -> list[tuple[Triple, Span, Span]]:
    """Each death told by such a clause in a sentence that tells the wounded: (its count, the antecedent
    and clause's span, the span to blank: the clause alone after a noun ('who later died'), all of 'two of
    whom died'). Without the wounded ('five were killed, including a nurse who died on the way') the
    clause retells one of the dead, and the die verb's own scan counts nothing new."""
    lowered = sent.lower()
    if "who" not in lowered and "of them" not in lowered:  # most sentences: no regex run at all
        return []
    lex = rules.lex
    pattern = _later_death(rules.number.pattern, alternation(lex["die_verbs"]), alternation(lex["inclusion_markers"]))
    found = [m for m in pattern.finditer(sent) if parse_number(m.group("num") or m.group("part")) is not None]
    if not found or not _wounded(alternation(lex["wound_verbs_active"])).search(sent):
        return []
    return [(parse_number(m.group("num") or m.group("part")), m.span(),  # type: ignore[misc]
             m.span() if m.group("part") else m.span("rel")) for m in found]
