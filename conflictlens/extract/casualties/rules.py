"""The casualty cue lexicon (``data/casualty_lexicon.json``) compiled into regexes, once per process.

Internal to the casualty parser; the public API is ``conflictlens.extract.casualties.parse``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from conflictlens.extract.casualties.several import summed_acts_pattern
from conflictlens.extract.casualties.wording import alternation, plural as _plural, words as _words
from conflictlens.extract.patterns import ReportPattern, compile_pattern
from conflictlens.errors import ConflictLensError

Triple = tuple[int | None, int | None, int | None]  # (low, best, high)
Span = tuple[int, int]
_LEXICON = Path(__file__).parents[1] / "data" / "casualty_lexicon.json"  # extract/data
_WORD_SETS = ("auxiliaries", "verb_adverbs", "clause_boundaries", "np_participles", "unit_words", "address_words",
              "name_titles", "abbreviations", "victim_modifiers", "stop_verbs", "prepositions", "verb_coordinators",
              "gerund_links", "absolute_openers", "group_adjectives", "dead_nouns", "partitive_determiners",
              "object_taking_verbs", "not_person_nouns", "earlier_act_nouns", "speaker_filler_words",
              "contrasting_cues", "subject_time_days", "subject_time_words")


@dataclass(frozen=True)
class Rules:
    lex: dict
    number: re.Pattern[str]
    quant: re.Pattern[str]
    core: re.Pattern[str]
    range_: re.Pattern[str]
    head: re.Pattern[str]
    heads: dict[str, tuple[str, bool]]  # surface form -> (class, plural)
    verb: re.Pattern[str]
    zero: re.Pattern[str]
    losses: re.Pattern[str]  # 'claimed 12 lives', 'there were 30 injuries': a group told by a noun of loss
    noun_toll: re.Pattern[str]  # 'the killing of 13 civilians', 'injuries to 32 others' (groups num, inj, rest)
    background: re.Pattern[str]  # words that set a noun toll over a span of time ('since 2009', 'this year')
    headline_act: re.Pattern[str]  # casualties told in an act ('24 killed in funeral bombing'; group act)
    first_act: re.Pattern[str]  # 'the first bomb': an incident told as the first of several acts
    later_act: re.Pattern[str]  # 'the second blast': another of the acts
    toll: re.Pattern[str]
    forecast: re.Pattern[str]  # words that make a toll a possibility ('could rise to'), not a count
    combined: re.Pattern[str]  # right after a toll's figure: it counts the dead and the wounded together
    revision: re.Pattern[str]  # words that make a toll a revision ('rose to'), not a second source's figure
    earlier_toll: re.Pattern[str]  # words that make a toll's figure a superseded one ('an earlier figure of 69')
    summed_toll: re.Pattern[str]  # words that make a toll one of several incidents ('the day's toll')
    update_time: re.Pattern[str]  # a day told beside an estimate makes it an update ('on Tuesday officials put ...')
    estimate: re.Pattern[str]  # right before a toll noun: another source's estimate ('residents put the toll at 37')
    contrast: re.Pattern[str]  # 'while', 'but': a second source's figure may follow ('..., while a doctor put the toll at 15')
    second_said: re.Pattern[str]  # 'while a hospital official said': a contrast, then another source speaking
    contrast_opener: re.Pattern[str]  # 'However, police said ...': a sentence opening on a contrast
    other_toll: re.Pattern[str]  # 'gave a lower death toll': a sentence telling another source's toll
    reported_after: re.Pattern[str]  # a reporting verb right after a cue ('police later said'): no further victims
    assailants: str  # regex source: nouns that name the attackers themselves, and reflexives ('himself')
    # the attackers counted inside a toll: '12 people, including the two suicide bombers' (groups num, noun)
    included: re.Pattern[str]
    restate: re.Pattern[str]
    mask: re.Pattern[str]
    relative: re.Pattern[str]
    attacking: re.Pattern[str]  # 'eight militants attacked': fighters the incident tells as its attackers (group noun)
    # each perpetrator noun in either number -> its other number ('gunman' <-> 'gunmen'; irregular_plurals)
    perpetrator_numbers: dict[str, str]
    summed: re.Pattern[str]  # one toll for several acts ('an attack on X and a bombing at Y killed 51')
    superseded: re.Pattern[str]  # an earlier report's figure ('Officials had said three were killed')
    speaker_verb: re.Pattern[str]  # a verb that names a figure's source ('said', 'according to')
    death: re.Pattern[str]  # a word that speaks of a death ('killed', 'bodies', 'martyrdom'), from its start
    rough: re.Pattern[str]  # a quantity told in words only ('scores', 'dozens'): no source's figure
    earlier: re.Pattern[str]  # another act told with its own time and toll ('an attack in December in which ...')
    sep: re.Pattern[str]
    token: re.Pattern[str]
    sent_end: re.Pattern[str]
    cue: re.Pattern[str]
    speculative: re.Pattern[str]  # right before a verb: a guess ('may have been killed'), a ceiling only
    further: re.Pattern[str]  # a sentence that tells victims beyond those counted before ('another', 'also')
    vague: re.Pattern[str]  # a group told only as 'several', 'a few': no figure beside one told in figures
    sets: dict[str, frozenset[str]]


def _number_patterns(lex: dict, articles: bool = True) -> tuple[str, str, str]:
    """(any number phrase, a core number, a range), as regex sources; without `articles`, a bare
    article ('a', 'both') is no number phrase ('a dozen' still is)."""
    word = alternation([*lex["units"], *lex["tens"], *lex["scales"]])
    wordnum = rf"(?:{word})(?:(?:\s+|-)(?:{word})|(?:(?<=hundred)|(?<=thousand))\s+and\s+(?:{word}))*"
    core = rf"(?:\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d+|{wordnum})(?:\s+dozen)?"
    range_ = rf"between\s+{core}\s+and\s+{core}|{core}\s+(?:to|or)\s+{core}|\d+\s*[-\u2013]\s*\d+"
    quant = alternation(lex["quantifiers"])
    body = "|".join([range_, alternation(lex["vague_quantities"]), alternation(lex["unknown_quantities"]), core,
                     *([alternation(lex["articles"])] if articles else [])])
    number = rf"(?<![\w/.:-])(?:(?:{quant})\s+)?(?:{body})(?![\w/:-])(?!\.\d)"
    return number, core, range_


def _head_table(lex: dict) -> dict[str, tuple[str, bool]]:
    table: dict[str, tuple[str, bool]] = {}
    for cls, key in (("victim", "victim_nouns"), ("perp", "perpetrator_nouns")):
        for noun in lex[key]:
            plural = _plural(noun, lex["irregular_plurals"])
            table[plural] = (cls, True)
            table.setdefault(noun, (cls, noun == plural))
    return table


def _named_groups(lex: dict, groups: tuple[tuple[str, str], ...]) -> str:
    return "|".join(rf"(?P<{name}>{_words(alternation(lex[key]))})" for name, key in groups)


def _injury_phrase(lex: dict) -> str:
    """'sustained gunshot wounds', 'suffered serious head injuries', 'received injuries': a verb of
    suffering, up to two kinds of injury, an injury noun."""
    kind = alternation(lex["injury_kinds"])
    return _words(rf"(?:{alternation(lex['injury_verbs'])})\s+(?:(?:{kind})(?:\s+and)?\s+){{0,2}}"
                  rf"(?:{alternation(lex['injury_nouns'])})")


def _hospital_phrase(lex: dict) -> str:
    """'were being treated at Lady Reading Hospital', 'were rushed to the district headquarters
    hospital': a verb of care, then a hospital named in up to five words."""
    verbs = alternation(lex["hospital_verbs"])
    return _words(rf"(?:were|are|was|is|have\s+been|had\s+been)\s+(?:being\s+)?(?:{verbs})\s+(?:at|in|to)\s+"
                  rf"(?:[\w'\u2019.-]+\s+){{0,5}}?(?:{alternation(lex['hospital_nouns'])})")


def _verb_pattern(lex: dict) -> str:
    phrases = _words(alternation(lex["sustain_injury_phrases"]))
    return rf"(?P<sustain>{phrases}|{_injury_phrase(lex)}|{_hospital_phrase(lex)})|" + _named_groups(lex, (
        ("amb", "ambiguous_verbs"),
        ("kill", "kill_verbs_active"),
        ("killp", "kill_participles"),
        ("die", "die_verbs"),
        ("wound", "wound_verbs_active"),
        ("dead", "dead_adjectives"),
    ))


def _toll_pattern(lex: dict, number: str) -> str:
    """'the death toll rose to 24', 'revised the toll to 31', 'the death toll from Monday's attack on a
    police training center in Quetta has risen to 59': the figure is in group `num`, never a bare
    article ('the death toll in an attack at a market')."""
    # the injured first: "the toll of injured has reached 221" is no toll of the dead
    nouns = rf"(?P<inj>{alternation(lex['toll_nouns_injured'])})|(?P<fat>{alternation(lex['toll_nouns_fatal'])})"
    links = alternation(lex["toll_links"])
    near = rf"(?:\s+[\w-]+){{0,8}}?\s+(?:{links})"
    rising = rf"(?:\s+[\w'\u2019-]+,?){{0,20}}?\s+(?:{alternation(lex['toll_rise_links'])})"
    return rf"(?<![\w-])(?:{nouns})(?:{near}|{rising})\s+(?P<num>{number})"


def _losses_pattern(lex: dict, number: str) -> str:
    """'claimed 12 lives', 'caused 12 deaths', 'there were 30 injuries', '12 lives were lost': the
    figure is in group `num` (or `lost`), the injured are told by group `inj`."""
    nouns = rf"(?:(?P<inj>{alternation(lex['loss_nouns_injured'])})|{alternation(lex['loss_nouns_fatal'])})"
    injuries = alternation(lex["loss_nouns_injured"])
    told = (rf"(?:{alternation(lex['loss_verbs'])})\s+(?:the\s+)?(?P<num>{number})\s+{nouns}(?![\w-])"
            rf"(?:\s+and\s+(?P<also>{number})\s+(?:{injuries})(?![\w-]))?")
    lost = rf"(?P<lost>{number})\s+lives\s+(?:were|was|have\s+been|had\s+been)\s+lost"
    return rf"(?<![\w-])(?:{told}|{lost})"


def _noun_toll_patterns(lex: dict, number: str, flags: re.RegexFlag) -> dict[str, re.Pattern[str]]:
    """'the killing of 13 civilians', 'injuries to 32 others': a noun of the act or of injury and its
    figure (group `num`; `inj` for the injured; `rest`: the clause after it, looked at, not consumed, so
    that 'the killing of 13 soldiers and injuries to three civilians' finds both). A year is no figure."""
    nouns = rf"(?:(?P<inj>{alternation(lex['noun_toll_injured'])})|{alternation(lex['noun_toll_fatal'])})"
    told = rf"(?<![\w-]){nouns}\s+(?:the\s+)?(?!(?:19|20)\d\d(?!\d))(?P<num>{number})(?=(?P<rest>[^.;,]*))"
    acts = alternation(lex["earlier_act_nouns"])
    in_act = (rf"(?<![\w-])(?:{alternation(lex['headline_casualty_words'])})\s+(?:{alternation(lex['headline_act_links'])})"
              rf"\s+(?:(?:an?|the)\s+)?(?P<act>(?:[\w'\u2019-]+\s+){{0,3}}?(?:{acts}))(?:(?![\w-])|(?=(?-i:[A-Z])))")  # or a headline run into its story
    background = alternation([*lex["noun_toll_background"], *lex["earlier_act_times"]])
    ordinal = rf"(?<![\w-])(?:the|its|a)\s+(?:{{}})\s+(?:[\w-]+\s+){{{{0,2}}}}?(?:{alternation(lex['ordinal_act_nouns'])})(?![\w-])"
    return {"noun_toll": compile_pattern(told, flags), "headline_act": compile_pattern(in_act, flags),
            "background": compile_pattern(_words(background), flags),
            "first_act": compile_pattern(ordinal.format(alternation(lex["ordinal_act_first"])), flags),
            "later_act": compile_pattern(ordinal.format(alternation(lex["ordinal_act_later"])), flags)}


def _earlier_act_pattern(lex: dict) -> str:
    """'an attack in December in which 12 soldiers were killed', 'a 2019 bombing that killed 30': an act
    noun carrying a time of its own, with the clause that tells its toll (to the clause's end)."""
    time = rf"(?:{alternation(lex['earlier_act_times'])}|(?-i:May)|(?:19|20)\d\d)(?![\w-])"
    act = rf"(?:{alternation(lex['earlier_act_nouns'])})(?![\w-])"
    words = r"(?:[\w'\u2019-]+\s+)"
    timed_noun = rf"{words}{{0,3}}?{time}[\s,]+{words}{{0,2}}?{act}"
    noun_then_time = rf"{words}{{0,3}}?{act}\s+{words}{{0,7}}?{time}(?:\s+[\w-]+){{0,2}}?"
    linked = (rf"(?:{alternation(lex['earlier_act_links'])})\s+(?:[\w'\u2019-]+\s+){{0,3}}?(?:after|since)\s[^.;,]*"
              r"(?:,\s+(?:when|in\s+which|which|that)\s[^.;,]*)?"
              rf"|(?:{alternation(lex['earlier_act_follows'])})\s+(?!by\s){words}{{0,3}}?{act}[^.;,]*"
              # "the fourth attack on Shias since March, when more than 50 worshippers were killed"
              rf"|{act}\s+{words}{{0,3}}?since\s[^.;,]*(?:,\s+(?:when|in\s+which)\s[^.;,]*)?")
    # "Hangu is near Kohat, where a suicide bomber killed 19": another place's toll
    place = (rf"(?:is|lies|sits|are|lie)\s+(?:about\s+\S+\s+\S+\s+|\S+\s+kilometres\s+)?"
             rf"(?:{alternation(lex['place_relation_words'])})\s[^,;.]*,\s*where\s[^.;]*")
    # "the first bombing in the capital since last September, when more than 50 people were killed"
    since_when = rf"since\s+(?:last\s+|early\s+|late\s+)?{time}(?:\s+\d{{1,4}}){{0,2}}\s*,\s*when\s[^.;]*"  # "October 2019"
    # "The Taliban recently killed 15 troopers they had abducted"
    adverb = rf"(?:{alternation(lex['earlier_act_adverbs'])})\s+(?:{alternation(lex['kill_verbs_active'])})(?![\w-])[^.;]*"
    return (rf"(?<![\w-])(?:(?:an?|another|the)\s+(?:{timed_noun}|{noun_then_time})\s*,?\s+"
            rf"(?:in\s+which|that|which)\s[^.;]*|{linked}|{place}|{since_when}|{adverb})")


def _further_pattern(lex: dict) -> str:
    """Cues of victims beyond those counted ('another', 'five more'); 'more than 50' opens a number."""
    return _words(alternation(lex["further_victim_cues"])) + r"(?<!more(?=\s+than\b))"


def _assailant_pattern(lex: dict) -> str:
    nouns = lex["assailant_nouns"]
    forms = [*nouns, *(_plural(n, lex["irregular_plurals"]) for n in nouns), *lex["reflexive_perpetrator"]]
    return alternation(forms)


def _toll_source_patterns(lex: dict, flags: re.RegexFlag) -> dict[str, re.Pattern[str]]:
    """Whether a toll is a forecast ('could rise to'), a revision ('rose to') or, after a contrast and
    another source's verb ('while a doctor said'), a second source's figure; who a sentence's source is,
    whether it tells an earlier report, speaks of a death or tells a count in words only."""
    contrast = _words(alternation(lex["second_source_contrasts"]))
    return {
        "forecast": compile_pattern(_words(alternation(lex["toll_forecast_words"])), flags),
        "combined": compile_pattern(rf"\s+(?:people\s+)?{_words(alternation(lex['toll_combined_words']))}", flags),
        "superseded": compile_pattern(_words(alternation(lex["superseded_report_words"])), flags),
        "speaker_verb": compile_pattern(_words(alternation(lex["speaker_verbs"])), flags),
        "death": compile_pattern(rf"(?<![\w-])(?:{alternation(lex['death_stems'])})", flags),
        "rough": compile_pattern(_words(alternation(lex["vague_quantities"])), flags),
        "revision": compile_pattern(_words(alternation(lex["toll_revision_words"])), flags),
        "earlier_toll": compile_pattern(_words(alternation(lex["toll_earlier_words"])), flags),
        "summed_toll": compile_pattern(_words(alternation(lex["toll_summed_words"])) + "|" + _words(
            rf"(?:{alternation(lex['toll_summed_counts'])})\s+(?:[\w-]+\s+){{0,3}}?(?:{alternation(lex['toll_summed_acts'])})"),
            flags),
        "update_time": compile_pattern(_words(alternation(lex["toll_update_times"])), flags),
        "estimate": compile_pattern(rf"{_words(alternation(lex['toll_estimate_verbs']))}\s+(?:[\w'-]+\s+){{0,2}}$",
                                    flags),
        "contrast": compile_pattern(contrast, flags),
        "reported_after": compile_pattern(rf"\s+{_words(alternation(lex['second_source_verbs']))}", flags),
        "other_toll": compile_pattern(_words(alternation(lex["second_toll_phrases"])), flags),
        "contrast_opener": compile_pattern(rf"[\W]*{_words(alternation(lex['second_source_openers']))}", flags),
        "second_said": compile_pattern(rf"{contrast}\W+(?:[\w'-]+\W+){{0,8}}?"
                                       rf"{_words(alternation(lex['second_source_verbs']))}", flags),
    }


def _included_pattern(lex: dict, number: str) -> str:
    """An inclusion ('including', 'among them') and the fighters it counts: 'including the two suicide
    bombers', 'including a child and the attacker', 'including six militants'. The number (group `num`) stands at most two words
    before the noun (group `noun`)."""
    nouns = lex["perpetrator_nouns"]
    noun = alternation([*nouns, *(_plural(n, lex["irregular_plurals"]) for n in nouns)])
    count = rf"(?:(?P<num>{number})\s+(?:[\w-]+\s+){{0,2}}?)?(?<![\w-])(?P<noun>{noun})(?![\w-])"
    return rf"(?<![\w-])(?:{alternation(lex['inclusion_markers'])})\s[^;.,]{{0,100}}?{count}"


def _numbers(nouns: Sequence[str], irregular: dict[str, str]) -> dict[str, str]:
    """Each noun and its plural, mapped to the other ('gunman' -> 'gunmen', 'gunmen' -> 'gunman')."""
    pairs = [(n.lower(), _plural(n, irregular).lower()) for n in nouns]
    return {**{one: many for one, many in pairs}, **{many: one for one, many in pairs if many != one}}


def _attacking_pattern(lex: dict) -> str:
    """'eight militants attacked a police post', 'the insurgents stormed': a perpetrator noun (group
    `noun`) up to three words before an attacker verb, or past what they were armed with ('militants
    armed with assault rifles attacked')."""
    nouns = lex["perpetrator_nouns"]
    noun = alternation([*nouns, *(_plural(n, lex["irregular_plurals"]) for n in nouns)])
    armed = r"(?:armed\s+with\s+(?:[\w-]+\s+){1,3}?)?"
    return (rf"(?<![\w-])(?P<noun>{noun})\s+{armed}(?:[\w-]+\s+){{0,3}}?(?:{alternation(lex['attacker_verbs'])})"
            r"(?![\w-])")


def attackers_pattern(rules: Rules, perpetrator_names: Sequence[str]) -> ReportPattern:
    """Who the attackers are in a casualty phrase: an assailant noun, or a name of the event's perpetrator."""
    return _names_pattern(rules.assailants, _folded(perpetrator_names))


def names_pattern(names: Sequence[str]) -> ReportPattern | None:
    """Any of the names, as whole words; None for no names."""
    folded = _folded(names)
    return _names_pattern("", folded) if folded else None


def _folded(names: Sequence[str]) -> tuple[str, ...]:
    return tuple(sorted({n.lower() for n in names if n.strip()}))


@lru_cache(maxsize=256)
def _names_pattern(base: str, names: tuple[str, ...]) -> ReportPattern:
    source = "|".join(p for p in (base, alternation(names) if names else "") if p)
    return ReportPattern(_words(source), re.IGNORECASE)  # compiled if a group of fighters is counted


def _load_lexicon() -> dict:
    try:
        return json.loads(_LEXICON.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise ConflictLensError("CL-E300", f"cannot read the casualty lexicon ({exc}); reinstall conflictlens",
                                str(_LEXICON)) from exc


def _word_sets(lex: dict) -> dict[str, frozenset[str]]:
    """The lexicon's word lists as sets, and the unnamed fighters' nouns in both numbers."""
    unnamed = (f for n in lex["interchangeable_fighter_nouns"] for f in (n, _plural(n, lex["irregular_plurals"])))
    return {**{k: frozenset(lex[k]) for k in _WORD_SETS}, "unnamed_fighters": frozenset(unnamed)}


@lru_cache(maxsize=1)
def casualty_rules() -> Rules:
    lex = _load_lexicon()
    number, core, range_ = _number_patterns(lex)
    heads = _head_table(lex)
    flags = re.IGNORECASE
    zero = _named_groups(lex, (("both", "zero_both"), ("fat", "zero_fatalities"), ("inj", "zero_injured")))
    subordinate = _words(alternation(lex["subordinate_markers"]))
    return Rules(
        lex=lex,
        number=compile_pattern(number, flags),
        quant=compile_pattern(rf"(?P<q>{alternation(lex['quantifiers'])})\s+", flags),
        core=compile_pattern(core, flags),
        range_=compile_pattern(range_, flags),
        head=compile_pattern(_words(alternation(heads)), flags),
        heads=heads,
        verb=compile_pattern(_verb_pattern(lex), flags),
        zero=compile_pattern(zero, flags),
        toll=compile_pattern(_toll_pattern(lex, _number_patterns(lex, articles=False)[0]), flags), losses=compile_pattern(_losses_pattern(lex, number), flags),
        **_toll_source_patterns(lex, flags), **_noun_toll_patterns(lex, number, flags), included=compile_pattern(_included_pattern(lex, number), flags),
        assailants=_assailant_pattern(lex),
        restate=compile_pattern(rf"^\W*(?:{alternation(lex['restatement_openers'])})\b", flags),
        mask=compile_pattern(rf"\([^()]*\)|{subordinate}[^,;]*", flags),
        # and a lower-case aside between dashes ("Twelve people - including three children - were killed")
        relative=compile_pattern(r"\([^()]*\)|,\s*(?:who|which|whose|whom)\b[^,;]*,"
                                 r"|(?<!\d)\s[-\u2013\u2014]{1,2}\s(?-i:[a-z])[^-\u2013\u2014.;\n]{0,80}?\s[-\u2013\u2014]{1,2}(?=\s)",
                                 flags),
        summed=compile_pattern(summed_acts_pattern(lex), flags), attacking=compile_pattern(_attacking_pattern(lex), flags),
        earlier=compile_pattern(_earlier_act_pattern(lex), flags),
        perpetrator_numbers=_numbers(lex["perpetrator_nouns"], lex["irregular_plurals"]), sets=_word_sets(lex),
        sep=compile_pattern(r",\s*(?:and\s+|as\s+well\s+as\s+)?|(?:^|\s)(?:and|as\s+well\s+as|along\s+with|plus)\s",
                            flags),
        token=compile_pattern(r"\w+(?:[-'\u2019.]\w+)*|[^\w\s]"),
        # a line break before a capital also ends one: a headline is a sentence of its own
        sent_end=compile_pattern(r"(?:[.!?]+[\"'\u201d\u2019)]*\s+|\n\s*)(?=[\"'\u201c(]?[A-Z0-9])"),
        cue=compile_pattern(alternation(lex["cue_stems"]), flags),
        speculative=compile_pattern(rf"(?<![\w-])(?:{alternation(lex['speculative_before'])})\s*$", flags),
        further=compile_pattern(_further_pattern(lex), flags),
        vague=compile_pattern(rf"(?:(?:{alternation(lex['quantifiers'])})\s+)?{_words(alternation(lex['vague_beside_counts']))}",
                              flags),
    )
