"""Claims, attributions, suspicions and denials: who is said to have done it, and who says so."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from conflictlens.extract.anchor_finder import AnchorFinder
from conflictlens.extract.lexicon import attribution_cues
from conflictlens.extract.patterns import FLAGS, Chain, LazyPattern, anchor_chain_of, compile_pattern, may_match_in_order, may_occur
from conflictlens.extract.masking import ARMED_GROUP_TYPES, REFERENT, VOICED_TYPES, mask_actors
from conflictlens.model.protocols import ActorMention
from conflictlens.model.records import STANCE_RANK
from conflictlens.model.vocab import vocabularies

_SAYER = r"(?P<sayer>(?:[\w.'’-]+ ){0,5}?[\w.'’-]+)"
# A name may follow words that say what kind of group it is ("radical Islamist sect Boko Haram"), and
# precede them, an adjective before the noun too ("the Islamic State terror group").
_ACTOR = r"(?:the )?(?:DESCRIPTORS)?(?:(?:MODIFIERS) )*(?P<actor>ACTOR\d+)(?: (?:(?:MODIFIERS) )?(?:HEADS))?"
# Stances others take about a group; the group's own claim in the same sentence outranks them.
_SAID_OF_OTHERS = ("attributed", "suspected")
# A count right before an actor's name makes its men the victims of a headline ("Two Mali Soldiers Killed");
# the end of a date ("2020-06-10 Fighters from ...") counts nobody, nor does a day and its month or a year
# ("ON 14 APRIL SHINING PATH COLUMNS KILLED ...", "In 2021 Taliban fighters ...").
_COUNTED = compile_pattern(r"(?i:(?<![\w./:-])(?!(?:1[89]|20)\d\d\b)(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|"
                           r"eleven|twelve|several|dozens of|scores of|hundreds of))"
                           r"(?!\s+(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)(?:\s+[A-Z][\w'’-]*){0,2}\s+$")
_ACTOR_TOKEN = compile_pattern(r"ACTOR(\d+)")
_DATELINE = compile_pattern(r"\s[-–—]$|^[-–—]$")
# Words that end in a preposition speak of no one ("villagers were killed by suspected members of X").
_NO_SPEAKER = compile_pattern(r"\b(?:by|of|from|with|to|in|at|on|for)$", re.I)
_WORD_REST = compile_pattern(r"\w*")
_SAYER_NOISE = compile_pattern(
    r"^(?:however|but|and|while|meanwhile|also|the|a|in a statement|earlier|later|(?:on )?\w+day|on)\s+", re.I)
# "Police said they blamed X": the speaker is the police, not "Police said they".
_SAYER_TAIL = compile_pattern(r"\s+(?:said|says|say|told reporters)(?:\s+(?:that|they|it|he|she))?$", re.I)


@dataclass(frozen=True)
class Statement:
    actor: str | None
    stance: str  # claimed, attributed, suspected, denied
    by: str | None
    channel: str | None
    span: tuple[int, int]  # the sentence it rests on
    actor_type: str | None = None


@dataclass(frozen=True)
class _Compiled:
    no_claim: re.Pattern[str]
    stances: tuple[tuple[str, LazyPattern, Chain], ...]  # with anchor_chain_of(pattern)
    subject: tuple[LazyPattern, Chain]
    agents: tuple[tuple[LazyPattern, Chain], ...]
    # "killed in clashes with X": X, unless a state's forces; "in fighting between the army and X": X
    clash_with: tuple[tuple[LazyPattern, Chain], ...]
    told_by_group: LazyPattern  # "..., killing four policemen, the Taliban said in a statement"
    told_by_group_agents: re.Pattern[str]  # the doers it names before the speaker ("fighters stormed")
    arrest_subject: tuple[LazyPattern, Chain]
    arrest_events: frozenset[str]
    channels: tuple[tuple[str, re.Pattern[str]], ...]
    own_channel: re.Pattern[str]  # the whole name of a group's own medium ("Amaq news agency")
    sayer_default: dict[str, str]
    other_incident: re.Pattern[str]  # "came a week after an attack in Kunduz, which IS claimed"
    habitual: re.Pattern[str]  # "... have carried out similar attacks": the group's habits, not this incident
    habit_of_the_named: re.Pattern[str]  # "fell on X, which often ...": X's habits, the cue still speaks
    own_men: re.Pattern[str]  # "the group's fighters", "one of its members": a group speaking of its men
    answers_attack: re.Pattern[str]  # "security forces killed six of the attackers": a response, not the attack
    attackers_killed_before: re.Pattern[str]  # "one of the gunmen was killed" before "by the police"
    attacker_words: re.Pattern[str]
    response_words: re.Pattern[str]  # "in retaliatory fire", "repelled the attack"
    stance_literals: AnchorFinder  # every literal of the stances' chains, found in one pass


def _compile(pattern: str, heads: str, modifiers: str, descriptors: str = "") -> LazyPattern:
    actor = _ACTOR.replace("HEADS", heads).replace("MODIFIERS", modifiers).replace("DESCRIPTORS", descriptors)
    return LazyPattern(pattern.replace("ACTOR", actor, 1).replace("SAYER", _SAYER, 1), FLAGS)


@lru_cache(maxsize=1)
def _compiled() -> _Compiled:
    raw = attribution_cues()
    heads, modifiers, descriptors = raw["actor_head_words"], raw["actor_modifiers"], raw["actor_descriptors"]
    own = "|".join(raw["channels"][name] for name in raw["own_channels"])
    compiled = ((stance, _compile(p.replace("OWN_CHANNEL", own), heads, modifiers, descriptors))
                for stance in ("denied", "claimed", "attributed", "suspected") for p in raw[stance])
    stances = tuple((stance, pattern, anchor_chain_of(pattern.pattern)) for stance, pattern in compiled)
    literals = AnchorFinder(literal for _stance, _pattern, chain in stances for part in chain for literal in part)
    return _Compiled(
        no_claim=compile_pattern(raw["no_claim"], FLAGS),
        stances=stances,
        subject=_chained(_compile(raw["perpetrator_subject"], heads, modifiers)),
        agents=tuple(_chained(_compile(p.replace("STRIKE_NOUNS", raw["strike_nouns"]), heads, modifiers))
                     for p in raw.get("perpetrator_agent", ())),
        clash_with=tuple(_chained(_compile(p, heads, modifiers, descriptors)) for p in raw["clash_with"]),
        told_by_group=_compile(raw["told_by_group"], heads, modifiers),
        told_by_group_agents=compile_pattern(raw["told_by_group_agents"], FLAGS),
        arrest_subject=_chained(_compile(raw["arrest_subject"], heads, modifiers)),
        arrest_events=frozenset(raw["arrest_subject_events"]),
        channels=_channels(raw["channels"], raw.get("channel_priority", ())),
        own_channel=compile_pattern(rf"(?:the )?(?:{own})(?: channel| station)?", FLAGS),
        sayer_default=dict(raw["sayer_default"]),
        other_incident=compile_pattern(raw["other_incident"], FLAGS),
        habitual=compile_pattern(raw["habitual"], FLAGS),
        habit_of_the_named=compile_pattern(raw["habit_of_the_named"], FLAGS),
        own_men=compile_pattern(raw["own_men"], FLAGS),
        answers_attack=compile_pattern(raw["answers_attack"], FLAGS),
        attackers_killed_before=compile_pattern(raw["attackers_killed_before"], FLAGS),
        attacker_words=compile_pattern(raw["attacker_words"], FLAGS),
        response_words=compile_pattern(raw["response_words"], FLAGS),
        stance_literals=literals,
    )


def _chained(pattern: LazyPattern) -> tuple[LazyPattern, Chain]:
    return pattern, anchor_chain_of(pattern.pattern)


def _channels(patterns: dict[str, str], priority: Sequence[str]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Channel cues, most specific first: "in a statement on Telegram" is a social-media claim."""
    order = [name for name in priority if name in patterns] + [n for n in patterns if n not in priority]
    return tuple((name, compile_pattern(rf"\b(?:{patterns[name]})", FLAGS)) for name in order)


def statements_in_sentence(
    sentence: str, span: tuple[int, int], mentions: Sequence[ActorMention], outlet: str | None = None
) -> list[Statement]:
    """Every stance statement in one sentence. Mentions are those inside the sentence (absolute offsets)."""
    cc = _compiled()
    masked, actors = mask_actors(sentence, span[0], mentions)
    channel = next((name for name, p in cc.channels if p.search(sentence)), None)
    found: list[Statement] = []
    seen: set[tuple[str | None, str]] = set()
    lowered = masked.lower()
    held = cc.stance_literals.present(lowered)
    for cue_stance, pattern, chain in cc.stances:
        # a part none of whose literals the sentence holds rules the cue out at once (most do: 61 cues
        # a sentence); the order of the parts is looked at only where each has one
        if any(map(held.isdisjoint, chain)) or not may_match_in_order(chain, lowered):
            continue
        for m in pattern.finditer(masked):
            actor, stance = _actor_of(m, masked, actors, cue_stance), _stance_of(m, cue_stance, actors)
            if actor is None or (actor.canonical, stance) in seen or cc.other_incident.search(masked, 0, m.start()) \
                    or _habitual(m, masked) or not _armed_if_asked(m, actor):
                continue
            if stance in _SAID_OF_OTHERS and (actor.canonical, "claimed") in seen:
                continue  # "Radio Venceremos said the FMLN carried out the attack": the group's claim only
            seen.add((actor.canonical, stance))
            by = _sayer(m, stance, cc.sayer_default, actors)
            ch = channel if stance in ("claimed", "denied") else None
            found.append(Statement(actor.canonical, stance, by, ch, span, actor.actor_type))
    if not any(st.stance == "claimed" for st in found):
        found += _told_by_group(masked, actors, span, channel)
    if cc.no_claim.search(sentence):  # "There was no official claim of responsibility from the group"
        found = [st for st in found if st.stance != "claimed"]
    return found


def _told_by_group(masked: str, actors: list[ActorMention], span: tuple[int, int],
                   channel: str | None) -> list[Statement]:
    """A group speaking of an attack the sentence tells ("..., killing four policemen, the Taliban said in a
    statement") claims it: not a state's forces, which speak so of attacks on them, nor where another
    group is named before it, nor where its own men are counted among the dead; the doers must be told
    before it (the group or unnamed fighters), or a state's men counted among the dead in the words of its
    spokesman named before ("another 12 policemen were killed ..., Mujahid said"): else a government may be
    speaking of an attack on its men. An armed group may close the sentence without naming a channel
    ("..., the Taliban said.")."""
    cc = _compiled()
    m = cc.told_by_group.search(masked)
    if m is None:
        return []
    actor = actors[int(m.group("actor")[5:])]
    if actor.actor_type in vocabularies().state_actor_types or (m.group("via") is None and actor.actor_type
                                                                  not in VOICED_TYPES):
        return []  # "..., Enanga said." names no channel: only an armed group's word is its claim there
    told = masked[:m.start("actor")]
    before = [(t.start(), actors[int(t.group(1))]) for t in _ACTOR_TOKEN.finditer(told)]
    states = vocabularies().state_actor_types
    # the doers told (the group, fighters), or, in the words of a spokesman named before, a state's men counted
    # among the dead ("another 12 policemen were killed ..., Mujahid said"); "the Taliban said" alone may be a
    # government's word of an attack on its men
    state_dead = actor.method == REFERENT and any(a.actor_type in states and _COUNTED.search(masked, 0, at)
                                                  for at, a in before)
    if not any(a.canonical == actor.canonical for _, a in before) and not cc.told_by_group_agents.search(told) \
            and not state_dead:
        return []
    for at, other in before:
        if (other.canonical != actor.canonical and other.actor_type not in states) \
                or (other.canonical == actor.canonical and _COUNTED.search(masked, 0, at)):
            return []
    return [Statement(actor.canonical, "claimed", "the group itself", channel, span, actor.actor_type)]


def _armed_if_asked(m: re.Match[str], actor: ActorMention) -> bool:
    """Whether a cue that speaks only of armed groups (its pattern opens with `(?P<armed>)`) found one."""
    return m.groupdict().get("armed") is None or actor.actor_type in VOICED_TYPES


# How far past a cue the words of a habit may start and still speak of the cue ("have carried out similar
# attacks"); further on they speak of something else ("claimed the attack, the third such attack").
_HABIT_REACH = 10


def _habitual(m: re.Match[str], masked: str) -> bool:
    """Whether a cue speaks of what a group has done before, not of the incident told: "no group claimed
    it, but the Pakistani Taliban have carried out similar attacks", "the Taliban are often blamed"; not a
    relative clause about the group named ("Suspicion fell on X, which often plants such mines")."""
    cc = _compiled()
    habit = cc.habitual.search(masked, m.start(), m.end() + _HABIT_REACH + 40)
    if habit is None or habit.start() > m.end() + _HABIT_REACH:
        return False
    # "Suspicion fell on X, which often plants such mines": a clause about X, not about the cue
    return habit.start() < m.end() or cc.habit_of_the_named.match(masked, m.end()) is None


def _stance_of(m: re.Match[str], stance: str, actors: list[ActorMention]) -> str:
    """A claim made by a name a cue reads apart (its `claimer`: "ISIS in a statement claimed ISWAP fighters
    attacked", "X is responsible for the attack, said Y") is one only when an armed group speaks: "police
    claimed X attacked" blames X; a deed told with its teller after it (`self`) only when the group tells it."""
    claimer, speaker = m.groupdict().get("claimer"), m.groupdict().get("self")
    if claimer and actors[int(claimer[5:])].actor_type not in VOICED_TYPES:
        return "attributed"
    if speaker and actors[int(speaker[5:])].canonical != actors[int(m.group("actor")[5:])].canonical:
        return "attributed"  # "X attacked the ship, said Y's spokesman": Y's word of X's deed
    if stance in _SAID_OF_OTHERS and _said_by_itself(m, actors):
        return "claimed"  # "X's spokesman said the group was responsible": X's own word
    return stance


def _said_by_itself(m: re.Match[str], actors: list[ActorMention]) -> bool:
    """Whether an armed group is both the sayer of a statement and the actor it names."""
    sayer, token = m.groupdict().get("sayer"), m.groupdict().get("actor")
    if not sayer or not token or actors[int(token[5:])].actor_type not in VOICED_TYPES:
        return False
    named = {actors[int(i)].canonical for i in _ACTOR_TOKEN.findall(sayer)}
    return named == {actors[int(token[5:])].canonical}


def _actor_of(m: re.Match[str], masked: str, actors: list[ActorMention], stance: str = "") -> ActorMention | None:
    """The actor a matched cue speaks of; for 'which denied', the nearest actor before the cue; for "pointed
    the finger at the militant group" (`named_before`), the nearest one written with a capital (a name,
    not "rebels"); for "..., the separatist group claimed.", the nearest that is no state's forces ("X
    attacked a camp and killed 12 soldiers, the group claimed": the soldiers are the victims)."""
    token = m.groupdict().get("actor")
    if token:
        return actors[int(token[5:])]
    before = [actors[int(i)] for i in re.findall(r"ACTOR(\d+)", masked[: m.start()])]
    if m.groupdict().get("named_before"):
        before = [a for a in before if any(c.isupper() for c in a.text)]
    if stance == "claimed":
        before = [a for a in before if a.actor_type not in vocabularies().state_actor_types]
    return before[-1] if before else None


def _sayer(m: re.Match[str], stance: str, defaults: dict[str, str], actors: list[ActorMention]) -> str:
    """Who made the statement, with masked actor names put back ("the US Secretary of State")."""
    sayer = m.groupdict().get("sayer") or m.groupdict().get("claimer")
    if sayer:  # a registry actor may speak too: "Police blamed the TTP" is said by the police
        cleaned = _strip_noise(sayer)
        cleaned = re.sub(r"ACTOR(\d+)", lambda t: actors[int(t.group(1))].text, cleaned)
        if cleaned and not _DATELINE.search(cleaned) and not _NO_SPEAKER.search(cleaned):  # "MAIDUGURI - Suspected X"
            return cleaned
    return defaults[stance]


def _strip_noise(sayer: str) -> str:
    """Drop leading connectives and day names, repeatedly: "On Wednesday the US Secretary" -> "US Secretary"."""
    previous = None
    while previous != sayer:
        previous, sayer = sayer, _SAYER_TAIL.sub("", _SAYER_NOISE.sub("", sayer)).strip()
    return sayer


def is_own_channel(name: str) -> bool:
    """Whether `name` is a group's own medium (Amaq, Radio Venceremos): it carries claims, it is no actor."""
    return _compiled().own_channel.fullmatch(name.strip()) is not None


def own_channel_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` names a group's own medium ("Radio Venceremos"): no place and no actor there."""
    pattern = _compiled().own_channel
    return [m.span() for m in pattern.finditer(text)] if may_occur(pattern, text) else []


def tells_more_of_who(sentence: str) -> bool:
    """Whether a sentence with no word of a toll or a claim still tells who did the incident: it says
    nobody claimed it, or speaks of a group's own men ("the group's fighters had targeted the convoy")."""
    cc = _compiled()
    return bool(cc.no_claim.search(sentence) or cc.own_men.search(sentence))


def subject_statements(
    sentence: str, span: tuple[int, int], mentions: Sequence[ActorMention], outlet: str | None,
    sub_event_type: str | None = None,
) -> list[Statement]:
    """Actors the report itself names as doing the violence ("Taliban fighters attacked ..."), or the
    arrest ("Police arrested ...") when the event is one; in an attack's report, who arrests answers it."""
    cc = _compiled()
    masked, actors = mask_actors(sentence, span[0], mentions)
    chained = (cc.subject, *cc.agents, *cc.clash_with) + ((cc.arrest_subject,) if sub_event_type in cc.arrest_events
                                                           else ())
    lowered = masked.lower()
    patterns = [p for p, chain in chained if may_match_in_order(chain, lowered)]
    out = []
    for pattern, m in ((p, m) for p in patterns for m in p.finditer(masked)):
        if pattern is cc.subject[0] and _COUNTED.search(masked, 0, m.start()):
            continue  # "Two Mali Soldiers Killed In Roadside Bomb": a headline's counted victims
        if _habitual(m, masked) or _answers_attack(m, masked, pattern is cc.subject[0]):
            continue  # "Security forces killed six of the attackers": they answered the attack
        actor = actors[int(m.group("actor")[5:])]
        if any(pattern is p for p, _chain in cc.clash_with) and not _other_side(m, actor, actors):
            continue  # "militants were killed in clashes with security forces": the forces' operation
        out.append(Statement(actor.canonical, "attributed", outlet or "the report", None, span, actor.actor_type))
    return out


def _other_side(m: re.Match[str], actor: ActorMention, actors: list[ActorMention]) -> bool:
    """Whether the side a clash cue names fought a state's forces: not a state's forces itself, and where
    the cue names both sides ("fighting between the army and X"), an armed group against a state's forces
    ("a clash between policemen and civilians" names no attacker)."""
    states = vocabularies().state_actor_types
    other = m.groupdict().get("other")
    if other is None:
        return actor.actor_type not in states
    return actor.actor_type in ARMED_GROUP_TYPES and actors[int(other[5:])].actor_type in states


def _answers_attack(m: re.Match[str], masked: str, subject: bool) -> bool:
    """Whether the actor a cue names killed the attackers, answering the attack: "security forces killed
    six of the attackers" (a subject cue), "one of the gunmen was killed by the police" (an agent cue,
    when the killed are called attackers or the sentence tells a response: "in retaliatory fire")."""
    cc = _compiled()
    if subject:  # from the end of the verb's word: "kill" is read in "killing all the attackers" too
        return cc.answers_attack.match(masked, _WORD_REST.match(masked, m.end()).end()) is not None
    before = cc.attackers_killed_before.search(masked, max(0, m.start() - 60), m.start())
    return before is not None and bool(cc.attacker_words.search(before.group(0)) or cc.response_words.search(masked))


def best_perpetrator(statements: Sequence[Statement]) -> str | None:
    """Claimed beats attributed beats suspected; an actor supported only by its own denial is no answer."""
    support: dict[str, tuple[int, int, int]] = {}
    for order, st in enumerate(statements):
        if st.actor is None or st.stance == "denied":
            continue
        rank = STANCE_RANK[st.stance]
        prev = support.get(st.actor, (0, 0, -order))
        support[st.actor] = (max(prev[0], rank), prev[1] + 1, prev[2])
    if not support:
        return None
    return max(support, key=lambda a: support[a])
