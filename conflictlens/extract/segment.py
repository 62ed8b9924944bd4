"""Sentences and incidents: split a report into sentences, then group sentences into incidents."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from conflictlens.extract.dates.mentions import moves_on
from conflictlens.extract.passing import act_starts, came_after, goes_on_with_it
from conflictlens.extract.sentences import split_sentences  # noqa: F401  (the segmenter's API)
from conflictlens.extract.patterns import Regex, compile_pattern, found_in, may_occur
from conflictlens.extract.lexicon import event_cues
from conflictlens.extract.references import (best_match, named_words, names_several, says_who, speaks_of_act,
                                             telling_words)
from conflictlens.extract.typing.unreal import told_as_fact
from conflictlens.model.vocab import speech_verbs_pattern

# A sentence that refers back to an incident already told continues it rather than starting one.
_ANAPHOR = compile_pattern(
    r"\b(?:the|this|that|these|both|in the|during the|after the|since the)\s+(?:\w+\s+)?"
    r"(?:attack|attacks|blast|blasts|explosion|incident|incidents|bombing|assault|ambush|clash|clashes|strike|"
    r"raid|shooting|violence|killing|abduction|kidnapping|fighting|protest|rally|demonstration|arrests?|"
    r"operation|victims|dead|wounded|injured|assailants?|attackers?|killers?|bomber|gunmen|bomb|device|car bomb)\b"
    r"|\bresponsibility\b|\b(?:death |casualty )?toll\b|\bcasualty figures?\b|"
    r"^(?:He|She|They|It|His|Her|Their)\b",
    re.I,
)
# Words that announce a different incident.
_NEW_INCIDENT = compile_pattern(
    r"^(?:In (?:a |another |an |the )?(?:separate|second|third|other|related|unrelated)\b|Separately|Elsewhere|"
    r"Meanwhile|In another\b|Also on\b|A (?:second|third|separate)\b|Earlier\b|Later\b|"
    # "Another bomb exploded", "On Thursday another ranger was killed", not a speaker: "Another officer, Asif
    # Iqbal, said there were six dead" nor "Another eyewitness told AFP ...": a speaker
    r"(?:On\s+\w+(?:\s+(?:morning|afternoon|evening|night))?,?\s+)?Another\b(?!\s+(?:[\w-]+\s+)?(?:officer|official|policeman|(?:eye)?witness|resident|source|spokes(?:man|woman|person)|"
    r"doctor|survivor)(?:,|\s+(?:" + speech_verbs_pattern() + r"|recalled)\b))"
    # "Another 68 people were wounded": the incident's injured, told after its dead
    r"(?!\s+(?:[\w,-]+\s+){1,3}?(?:were|was|are|is|have\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:wounded|injured|hurt)\b)|"
    # "Two hours later, a second bomb ...", not "Two more people later died of their wounds"
    r"(?:On|Just|About|Hours|Minutes|Days|Weeks|(?:Two|Three)\s+(?:minutes|hours|days|weeks|months|years)\b|A day|A week)\b"
    r"[^.]{0,40}\b(?:later|earlier|before|after)\b|"
    # "The earlier attack, a suicide bombing, killed 11 others": named as another one than the last told
    r"The (?:earlier|other|previous|separate) (?:[\w-]+ ){0,2}?(?:attack|blast|bombing|explosion|ambush|raid|assault|"
    r"incident|strike|shooting)\b)",
    re.I,
)


@dataclass
class Incident:
    sentences: list[tuple[int, int]] = field(default_factory=list)
    places: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    # Sentences told elsewhere that say who did it ("X claimed the funeral bombing"): attribution only, not its span
    references: list[tuple[int, int]] = field(default_factory=list)
    words: set[str] = field(default_factory=set)  # words that tell it from other incidents
    # recaps of earlier incidents told among its sentences ("In May, two jawans were killed ..."): they date nothing
    recaps: list[tuple[int, int]] = field(default_factory=list)
    # an earlier incident's sentences of acts in several places, this one's among them: their doers, unless its own say
    shared: list[tuple[int, int]] = field(default_factory=list)
    # later sentences that only say where it took place ("The confrontation took place in Segovia"): place, no toll
    scenes: list[tuple[int, int]] = field(default_factory=list)
    # an act told in passing ("The attack came a day after gunmen killed five in X"): days before the one told
    passing: bool = False
    days_back: int | None = None

    def add(self, s: SentenceInfo) -> None:
        self.sentences.append(s.span)
        self.places |= s.places
        self.dates |= s.dates
        self.words |= s.words

    @property
    def span(self) -> tuple[int, int]:
        return self.sentences[0][0], self.sentences[-1][1]


@dataclass(frozen=True)
class SentenceInfo:
    span: tuple[int, int]
    strong: bool
    anaphor: bool  # refers back to an incident already told ("the attack", "responsibility")
    supporting: bool  # carries a casualty count or a claim, so it belongs to the current incident
    announces_new: bool
    places: frozenset[str]
    dates: frozenset[str]
    within: frozenset[str] = frozenset()  # the provinces its town names lie in
    opens_with_date: bool = False  # "On Wednesday, police arrested ...": the sentence starts on its own day
    background: bool = False  # sums up many past events ("this year IS revived its bombing campaign")
    says_who: bool = False  # says who did an incident told ("US officials blamed X for the attack")
    words: frozenset[str] = frozenset()  # words that tell one incident from another
    names: frozenset[str] = frozenset()  # those of its phrases that name an incident ("the funeral bombing")
    sums_several: bool = False  # "killed in two separate attacks": the toll of several incidents
    speaks_of_act: bool = False  # names an act told and who did it ("this crime, carried out by the FMLN")
    names_several: bool = False  # speaks of several incidents at once ("ISWAP claimed both attacks")
    opens_in: frozenset[str] = frozenset()  # the place it opens with ("In Nganzai, ..."): a change of scene
    names_days: frozenset[str] = frozenset()  # the days of incidents it names by their day ("Saturday's attack")
    # its act is told before any word referring back ("the rebels attacked Mangazi as the army repelled the assault")
    own_act_first: bool = False
    doers_only: bool = False  # refers back to the doers alone, after its own deed: a new place is another incident
    recap: bool = False  # recalls an earlier incident dated by a period begun before the report's day ("In May, ...")
    long_before: bool = False  # dated by a day weeks before the report's ("on 13 March" in a report of May 20)
    names_the_recap: bool = False  # it opens on "That attack": after a recap, it speaks of the incident recalled
    # it tells what followed an incident it names (`EventCues.follow_up`: funerals, condemnations, charges, trials,
    # protests) and no deed nor toll of its own ("killed 20 mourners at the funeral" tells an act)
    follow_up: bool = False
    # a quote that retells the act told ("'They came at night,' a villager said"): it opens on a pronoun, or
    # tells no day and no toll of its own
    retells: bool = False
    scene: bool = False  # names a place and says an act took place there (`EventCues.scene`), with no trigger
    earlier_act: tuple[bool, int | None] = (False, None)  # `passing.came_after`: an act told in passing, days back
    goes_on: bool = False  # opens on a pronoun: right after an act told in passing, it goes on with that act
    act_at: int = 0  # where the act told in passing begins in it (`passing.act_starts`)


def group_incidents(sentences: list[SentenceInfo]) -> list[Incident]:
    """A triggering sentence opens an incident unless it refers back or adds nothing new (or tells one in passing:
    `_passing`). One that says who did an incident told, in a report of several, goes to it (`_spoken_of`)."""
    incidents: list[Incident] = []
    current: Incident | None = None
    spoken_of: Incident | None = None  # the incident the sentence before said who did
    sentences = _detailed_recaps(_without_sums(sentences))
    after_recap, passing = False, None  # `passing`: the act the sentence before told in passing
    for s in sentences:
        if (passing := _passing(s, current, passing, incidents)) is not None:
            continue
        after_recap = current is not None and _recalls(s, after_recap, incidents)
        # what followed the act told ("The victims were buried on Sunday"): no act, and no day of the act
        if after_recap or (current is not None and s.follow_up and not s.says_who):
            current.recaps.append(s.span)
            continue
        if current is not None and s.says_who and s.names_several:
            for incident in incidents:  # "ISWAP claimed the two attacks": each of them, no place for any
                incident.references.append(s.span)
            continue
        if current is not None and s.says_who and len(incidents) > 1 and (
                not _new_setting(s, incidents) or _named_incident(s, incidents) is not None):
            # "that attack" is the act told just before, whatever the day; "Saturday's attack" picks its own
            last_told = spoken_of or current
            spoken_of = last_told if s.names_the_recap and not s.names_days else _spoken_of(s, incidents, last_told)
            if spoken_of is current:
                current.add(s)
            else:
                spoken_of.references.append(s.span)
            continue
        spoken_of = None
        if s.strong and (current is None or _starts_new(s, current)):
            current = Incident()
            current.add(s)
            incidents.append(current)
        elif current is not None:
            _join(current, s)
    _attach_statements(incidents, sentences)
    _share_scenes(incidents, sentences)
    return incidents


def _passing(s: SentenceInfo, current: Incident | None, before: Incident | None,
             incidents: list[Incident]) -> Incident | None:
    """An act told in passing ("The quarry attack comes hours after gunmen killed one in Wajir") is an incident of
    its own, and so is what goes on with it ("He was killed Saturday."); the report goes on with `current`,
    which those sentences neither date nor add to (they join its recaps from where the act is told: "Tuesday's
    bombing came two days after ..." still names its day). The act told, else None."""
    if current is None or not (s.earlier_act[0] or (before is not None and s.goes_on)):
        return None
    incident = None if s.earlier_act[0] else before
    if incident is None:
        incident = Incident(passing=True, days_back=s.earlier_act[1])
        incidents.append(incident)
    incident.add(s)
    current.recaps.append((s.span[0] + s.act_at, s.span[1]))
    return incident


def _join(current: Incident, s: SentenceInfo) -> None:
    """A sentence that tells more of the incident joins it; one that only says where it took place places it; one
    that sums up the past as it says who did the act ("X claimed it, the deadliest since 2003") says who only."""
    if not s.background and (s.strong or s.anaphor or s.supporting):
        current.add(s)
    elif s.background and s.says_who:
        current.references.append(s.span)
    elif s.scene and (s.anaphor or not s.background):
        current.scenes.append(s.span)


def _share_scenes(incidents: list[Incident], sentences: list[SentenceInfo]) -> None:
    """An incident told in a place that a sentence of an earlier incident named among the places of its
    acts ("ISWAP launched attacks on Monguno and Nganzai. [...] In Nganzai, the insurgents killed 40")
    shares that sentence (`Incident.shared`)."""
    by_span = {s.span: s for s in sentences}
    for n, incident in enumerate(incidents):
        here = incident.places
        incident.shared = [span for earlier in incidents[:n] for span in earlier.sentences
                           if here and (s := by_span.get(span)) is not None and s.strong
                           and len(s.places) > 1 and here <= s.places]


def _recalls(s: SentenceInfo, after_recap: bool, incidents: list[Incident]) -> bool:
    """A recap of an earlier incident in the background of a report, after an incident told at length
    (in two sentences or more), tells no incident of the report and adds neither toll nor day to the one
    told (a statement of who did that one still counts); nor does the sentence right after it that names
    it ("That attack was claimed by ..."). A roundup that tells each incident in a sentence keeps it."""
    if after_recap and s.names_the_recap:
        return True
    return s.recap and not s.says_who and any(len(i.sentences) > 1 for i in incidents)


def _detailed_recaps(sentences: list[SentenceInfo]) -> list[SentenceInfo]:
    """A recap the next sentence speaks of ("Earlier this month, a roadside bomb killed three civilians. No
    group claimed responsibility for that blast.") is told with details of its own: an incident, dated by
    its own period."""
    return [replace(s, recap=False) if s.recap and nxt.names_the_recap else s
            for s, nxt in zip(sentences, [*sentences[1:], sentences[-1]])] if sentences else sentences


def _without_sums(sentences: list[SentenceInfo]) -> list[SentenceInfo]:
    """A sentence that sums the toll of several separate attacks tells none of them when a later
    sentence tells one ("... killed in two separate attacks. A rocket attack on the camp killed 22"):
    it reads as background then. Alone ("killed seven people in separate attacks on three villages"),
    it is all the report tells, and stays."""
    out = list(sentences)
    for i, s in enumerate(sentences):
        if s.sums_several and any(t.strong and not t.sums_several for t in sentences[i + 1:]):
            out[i] = replace(s, strong=False, background=True)
    return out


def _attach_statements(incidents: list[Incident], sentences: list[SentenceInfo]) -> None:
    """Sentences left out of every incident that name an act and say who did it ("This crime, committed
    by the FMLN in broad daylight, ..." paragraphs after the murder is told, or a speaker's "we hold the army
    responsible for the massacre" before it) join, for attribution only, the incident whose words they
    share, else the one told last before them, else the first."""
    if not incidents:
        return
    used = {span for incident in incidents for span in (*incident.sentences, *incident.references)}
    # what goes on with a recap ("That attack was claimed by ...") speaks of the incident recalled: it joins none
    sequels = {span for incident in incidents for span in incident.recaps}
    for s in sentences:
        if s.span in used or not s.speaks_of_act or s.background or (s.names_the_recap and s.span in sequels):
            continue
        before = [i for i in incidents if i.sentences[0][0] <= s.span[0]]
        _spoken_of(s, incidents, before[-1] if before else incidents[0]).references.append(s.span)


def _new_setting(s: SentenceInfo, incidents: list[Incident]) -> bool:
    """Whether a sentence names a place or day that no incident told so far has."""
    places = set().union(*(i.places for i in incidents))
    dates = set().union(*(i.dates for i in incidents))
    return bool(s.places - places) or bool(s.dates - dates)


def _spoken_of(s: SentenceInfo, incidents: list[Incident], fallback: Incident) -> Incident:
    """The incident whose words the sentence shares ("the funeral bombing"), or whose day it names
    ("IS also claimed Saturday's attack"), else `fallback`: the one the sentence before spoke of
    ("... for the assault on the hospital"), or the current one."""
    found = _named_incident(s, incidents)
    return found if found is not None else fallback


def _named_incident(s: SentenceInfo, incidents: list[Incident]) -> Incident | None:
    """The one incident a statement names by its words or by its day; a place of the statement's own
    ("the Houthis, who hold the capital, Sanaa, claimed the strike on the parade") does not hide it."""
    found = best_match(s.names, [frozenset(i.words) for i in incidents])
    if found is not None:
        return incidents[found]
    on_the_day = [i for i in incidents if s.dates and s.dates <= i.dates]
    if len(on_the_day) == 1:
        return on_the_day[0]
    in_the_place = [i for i in incidents if s.places and s.places <= i.places]
    return in_the_place[0] if len(in_the_place) == 1 else None


def _starts_new(s: SentenceInfo, current: Incident) -> bool:
    if s.announces_new and not s.says_who:  # "Later, the group claimed the attack" tells no new one
        return True
    if s.retells:
        return False
    if s.long_before and not current.dates and not s.says_who:
        # an incident told without a day is the report's own, of its day: not one of weeks before
        return True
    new_date = bool(s.dates) and bool(current.dates) and not (s.dates & current.dates)
    if s.strong and s.names_days and current.dates and not (s.names_days & current.dates):
        # "IS also claimed Saturday's attack, when a bomber hit a checkpoint, killing 10" after a Monday
        # bombing: an act named by a day the incident told does not have is another one
        return True
    if s.anaphor and not s.doers_only:
        # "On Wednesday, police arrested three men over the attack": a sentence that opens on another
        # day and adds no casualty or claim to the incident it names is a later event of its own; so is
        # one that opens on another day and tells its own act before the words that refer back.
        # "While residents were still mourning that attack, gunmen targeted a post the next day": so does
        # one dated forward from the incident told
        opens_a_day = s.opens_with_date or any(map(moves_on, s.dates))
        return new_date and opens_a_day and (not s.supporting or s.own_act_first)
    # An incident told so far without a place ("... attacked an army barracks in the north") is
    # placed by the next sentence that names one ("The jihadists stormed the barracks in Nassoumbou").
    new_place = (bool(s.places) and bool(current.places) and not (s.places & current.places)
                 and not (s.within & current.places))
    # "... raids on Dikwa and Nganzai. [...] In Nganzai, the fighters shot 18 farmers": a sentence
    # opening on one of the several places the incident named tells the act there
    return new_place or new_date or (bool(s.opens_in) and len(current.places) > 1 and not s.anaphor)


def sentence_info(text: str, span: tuple[int, int], places: frozenset[str], dates: frozenset[str],
                  casualty_or_claim: bool, within: frozenset[str] = frozenset(),
                  date_words: frozenset[str] = frozenset(), opens_in: frozenset[str] = frozenset(),
                  names_days: frozenset[str] = frozenset(), recap: bool = False, long_before: bool = False
                  ) -> SentenceInfo:
    """What the segmenter needs of one sentence. `dates` tell its days apart (the days they name), and
    `date_words` are those dates as written (whether the sentence opens with one); by default the same.
    `recap` and `long_before`: see `SentenceInfo` (`dates.mentions.past_telling` tells them)."""
    sentence = text[span[0]: span[1]]
    cues = event_cues()
    anaphor = bool(_ANAPHOR.search(sentence))
    background = found_in(cues.background, sentence)  # sums up past attacks: no incident, no toll, no date
    act = speaks_of_act(sentence)
    several = names_several(sentence)  # "the two Saturday attacks" refers back too
    fact = told_as_fact(sentence)  # blanked once (as `tells_an_act` does): `_act_before` reads it too
    strong = found_in(cues.strong_trigger, fact) and not background
    new = announces_new(sentence)
    earlier = came_after(sentence)
    return SentenceInfo(
        span=span, strong=strong, background=background, anaphor=anaphor, supporting=casualty_or_claim, announces_new=new,
        places=places, within=within, dates=dates,
        opens_with_date=sentence.lower().startswith(tuple(date_words or dates)) if dates else False,
        # "Jolo is a stronghold of Abu Sayyaf, and the general pointed the finger at the group": a statement
        # that names a place told, and tells no act of its own, says whom it speaks of by that place.
        says_who=(anaphor or several or (bool(places) and not strong)) and says_who(sentence),
        words=telling_words(sentence),
        names=named_words(sentence) if anaphor or act else frozenset(),
        sums_several=bool(cues.several_incidents) and found_in(cues.several_incidents, sentence),
        speaks_of_act=act, names_several=several,
        opens_in=opens_in, names_days=names_days,
        own_act_first=anaphor and strong and _act_before(fact, _first_act_anaphor(sentence)),
        doers_only=anaphor and _doers_only(sentence, fact),
        recap=recap, long_before=long_before, scene=bool(places) and not strong and _found(cues.scene, sentence),
        earlier_act=earlier, goes_on=goes_on_with_it(sentence), act_at=act_starts(sentence) if earlier[0] else 0,
        names_the_recap=bool(cues.names_the_recap and cues.names_the_recap.search(sentence)),
        follow_up=(anaphor or act) and not new and not casualty_or_claim and _follows_up(fact),
        retells=bool(_QUOTE_OPENING.match(sentence)) and (bool(_PRONOUN_QUOTE.match(sentence))
                                                          or not (dates or casualty_or_claim)),
    )


def announces_new(sentence: str) -> bool:
    """Whether the sentence tells an incident other than the one told so far ("In a separate attack")."""
    return bool(_NEW_INCIDENT.search(sentence) or _found(event_cues().new_incident, sentence))


def _found(cue: Regex | None, sentence: str) -> bool:
    """Whether the cue is found in the sentence (its literals looked for first: most sentences lack them)."""
    return cue is not None and may_occur(cue, sentence) and cue.search(sentence) is not None


def _follows_up(fact: str) -> bool:
    """Whether a sentence (as `told_as_fact` leaves it) tells what followed an act (`EventCues.follow_up`:
    "the victims were buried on Sunday") and no deed of its own ("protesters clashed with police")."""
    cues = event_cues()
    return (cues.follow_up is not None and found_in(cues.follow_up, fact) and not _act_before(fact, len(fact))
            and not (cues.follow_up_unless and found_in(cues.follow_up_unless, fact)))


# A sentence told as a quote, and one whose quote opens on a pronoun ("'They came at night,' ...")
_QUOTE_OPENING = compile_pattern(r"[\"“‘']")
_PRONOUN_QUOTE = compile_pattern(r"[\"“‘']\s*(?:He|She|They|It|We|I|You|Them|Their|Our)\b")


# Words of _ANAPHOR that name the doers: "the gunmen attacked Dogo" refers back to them, not to the act.
_DOERS = compile_pattern(r"(?:assailants?|attackers?|bomber|gunmen)$", re.I)


def _first_act_anaphor(sentence: str) -> int:
    """Where the sentence first refers back to an act ("the assault", "the attack"), or its end."""
    found = (m.start() for m in _ANAPHOR.finditer(sentence) if not _DOERS.search(m.group(0)))
    return next(found, len(sentence))


def refers_back(sentence: str) -> bool:
    """Whether the sentence refers back to an act told ("the attack", "the kidnapping"), not to its doers."""
    return _first_act_anaphor(sentence) < len(sentence)


def _doers_only(sentence: str, fact: str) -> bool:
    """Whether the sentence refers back to the doers alone ("the assailants"), after its own deed."""
    found = _ANAPHOR.search(sentence)
    return _first_act_anaphor(sentence) == len(sentence) and _act_before(fact, found.start() if found else len(sentence))


def _act_before(fact: str, end: int) -> bool:
    """Whether a sentence (`fact`: as `told_as_fact` leaves it) tells a deed ("attacked", "opened fire",
    "stormed": not a toll, which a follow-up adds to the incident it names) before `end`."""
    deeds = event_cues().not_events.guards.get("deeds")
    return deeds is not None and bool(deeds.search(fact[:end]))


def prefilter(text: str) -> bool:
    """Cheap test: can this text describe an event at all? Texts without a trigger skip the NLP."""
    return bool(event_cues().strong_trigger.search(text))
