"""Sentences whose toll sums several acts (the pattern behind ``Rules.summed``).

A sentence that tells one toll for several acts gives an incident nothing when its other sentences
tell its own toll (see ``tally.without_summed``); alone, it is all the report tells, and stays.
"""

from __future__ import annotations

from conflictlens.extract.casualties.wording import alternation, plural

_WORDS = r"(?:[\w'\u2019-]+\s+)"
_PLACE = r"(?-i:[A-Z][\w'\u2019-]+)"


def summed_acts_pattern(lex: dict) -> str:
    """Several acts under one toll: each act with an article of its own ('a missile attack on the parade
    and a suicide bombing outside a police station'), or acts on two named places ('attacks on Monguno and
    Nganzai'). Twin bombs ('two bombs', 'twin blasts') are one act with one article and do not match."""
    nouns = lex["summed_act_nouns"]
    act = alternation(nouns)
    acts = alternation(plural(n, lex["irregular_plurals"]) for n in nouns)
    one = rf"(?:an?|another)\s+{_WORDS}{{0,3}}?(?:{act})(?![\w-])"
    on_places = rf"(?:{acts})(?![\w-])[^.;]{{0,25}}?\s(?:on|in|at|against)\s+{_PLACE}(?:\s+{_PLACE})?\s+and\s+{_PLACE}"
    one_act = alternation(lex["one_act_plural_words"])
    # "Major attacks in the capital have killed at least 40 people", not "twin blasts have killed 40"
    perfect = (rf"(?<![\w-])(?!(?:{one_act})\s)(?:[\w'\u2019-]+)\s+(?:{acts})(?![\w-])[^.;]{{0,80}}?"
               rf"\s(?:have|has)\s+(?:now\s+)?killed\b")
    # "in a pair of bomb attacks", "during two separate attacks": acts told as several
    several = rf"(?:{alternation(lex['several_acts_markers'])})\s+{_WORDS}{{0,2}}?(?:{acts})(?![\w-])"
    # "in two militant attacks on security forces at different locations"
    apart = rf"(?:{acts})(?![\w-])[^.;]{{0,60}}?\s(?:at|in)\s+(?:{alternation(lex['several_places_words'])})(?![\w-])"
    # "killed in Afghanistan in the past week", "In the course of 72 hours, 15 people have been killed"
    period = rf"(?:{alternation(lex['period_sum_openers'])})\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?(?:{alternation(lex['period_units'])})(?![\w-])"
    return (rf"(?<![\w-])(?:{one}[^.;]{{0,80}}?\sand\s+{one}|{on_places}|{several}|{apart}|{period}"
            rf"|{_counted_acts(lex)}|{_two_divisions(lex)}|{_long_conflict(lex)})|{perfect}")


def _counted_acts(lex: dict) -> str:
    """'Nine people have been killed in two attacks', 'both raids': acts counted in figures are several
    acts (attacks, raids, ambushes), unlike blasts or bombs counted in one attack ('two blasts')."""
    return (rf"(?:{alternation(lex['toll_summed_counts'])})\s+{_WORDS}{{0,2}}?"
            rf"(?:{alternation(lex['toll_summed_acts'])})(?![\w-])")


def _two_divisions(lex: dict) -> str:
    """'killed in Taliban attacks in Kunduz and Helmand provinces', 'attacked communities in Zamfara and
    Katsina states': a toll told over two named provinces or states is the sum of acts in each."""
    divisions = alternation(lex["division_plurals"])
    return rf"(?:in|across)\s+{_PLACE}(?:\s+{_PLACE})?\s+and\s+{_PLACE}(?:\s+{_PLACE})?\s+(?:{divisions})(?![\w-])"


def _long_conflict(lex: dict) -> str:
    """'a war in the north that began in 2020 and has resulted in the deaths of thousands', 'More than
    40,000 people have been killed in the conflict': a toll a long conflict has taken (told in the perfect)
    sums its acts over years; 'in the latest violence' or 'the fighting' may be the incident and do not
    match (conflict_nouns)."""
    conflict = rf"(?:{alternation(lex['conflict_nouns'])})(?![\w-])"
    has_taken = rf"(?:the|a|an|its|this|their)\s+{_WORDS}{{0,3}}?{conflict}[^.;]{{0,120}}?\s(?:has|have)\s"
    taken_in = (rf"(?:has|have)\s+(?:now\s+)?been\s+(?:killed|wounded|injured)[^.;]{{0,60}}?\s(?:in|during|since)\s+"
                rf"(?:the|this|its|their)\s+{_WORDS}{{0,3}}?{conflict}")
    return rf"{has_taken}|{taken_in}"
