"""A sentence as the attribution cues read it: each actor mention one token (ACTOR0, ACTOR1, ...), and the
words that only say more of a name read away, so the name stands next to its verb: a group's spokesman or
media arm ("ACTOR0 spokesman Zabihullah Mujahid claimed" is the group speaking), an apposition ("The banned
outfit, ACTOR0, has claimed"), a faction named with its parent ("ACTOR0 faction of the banned ACTOR1"), a
name told again in brackets or quotation marks. Cues are data (`attribution_cues.json`: `voices`,
`voice_person`, `appositions`, `member_of`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from conflictlens.extract.lexicon import attribution_cues
from conflictlens.extract.patterns import FLAGS, compile_pattern
from conflictlens.model.protocols import ActorMention

_SPACES = compile_pattern(r"\s{2,}|\n")
# Quotation marks around a name ("the 'Shining Path'", wire style) are no words between cue and name,
# nor when the name's comma sits inside them ('"the Extraditables," the armed wing ...').
_QUOTED_ACTOR = compile_pattern(r"[\"“”'‘’]((?:[Tt]he )?ACTOR\d+)([,.;]?)[\"“”'‘’]")
# A name given again in brackets after words no registry name covers ("the Farabundo Marti Liberation
# Front (FMLN) today claimed ..."): the bracketed name is the sentence's subject, read without its brackets.
# Two names in the brackets ("Group for the Support of Islam and Muslims (Jama'at Nusrat ... or JNIM)"): the last.
_BRACKETED_ACTOR = compile_pattern(r"\(\s*(?:ACTOR\d+ or )?(ACTOR\d+)\s*\)")


@dataclass(frozen=True)
class _MaskCues:
    member_of: re.Pattern[str]  # "the Jamaat-ul-Ahrar faction of the banned TTP"
    appositions: tuple[re.Pattern[str], ...]  # "ACTOR, an Islamist group ..., is believed": read away
    voices: tuple[re.Pattern[str], ...]  # "ACTOR spokesman Zabihullah Mujahid claimed": the group speaks


@lru_cache(maxsize=1)
def _cues() -> _MaskCues:
    raw = attribution_cues()
    return _MaskCues(compile_pattern(raw["member_of"], FLAGS), tuple(compile_pattern(p, FLAGS) for p in raw["appositions"]),
                     tuple(compile_pattern(p.replace("PERSON", raw["voice_person"]), FLAGS) for p in raw["voices"]))


def mask_actors(sentence: str, offset: int, mentions: Sequence[ActorMention]) -> tuple[str, list[ActorMention]]:
    """Replace each actor mention in the sentence by ACTOR<i>, so the cue patterns see one token.
    Line breaks and runs of spaces read as one space: wire copy wraps its lines inside sentences;
    quotation marks around a name are dropped."""
    parts, kept, pos = [], [], 0
    for m in mentions:
        s, e = m.start - offset, m.end - offset
        if s < pos or e > len(sentence):
            continue
        if m.method == REFERENT and m.text[:4].lower() == "the " and any(
                o.canonical == m.canonical and o.method != REFERENT for o in mentions):
            continue  # "X's spokesman said the Islamist group had sent ...": the cues read "the group" there
        if kept and _own_acronym(sentence, pos, (s, e), kept[-1], m):
            pos = e + 1  # "the Islamic State West Africa Province (ISWAP) killed": one name
            continue
        parts.append(sentence[pos:s])
        # a name read with its line break ("Login\n23 killed"): the digits after it must not join the
        # placeholder ("ACTOR023" would name the 24th actor)
        parts.append(f"ACTOR{len(kept)}" + (" " if sentence[e:e + 1].isalnum() else ""))
        kept.append(m)
        pos = e
    parts.append(sentence[pos:])
    masked = _BRACKETED_ACTOR.sub(r"\1", _QUOTED_ACTOR.sub(r"\1\2", _SPACES.sub(" ", "".join(parts))))
    # a curly apostrophe is the straight one the cues are written with ("the RSF’s assault")
    return _without_appositions(_voiced(_faction_for_parent(masked, kept), kept)).replace("’", "'"), kept


# The method of a mention that names a group told before ("the group", its spokesman by name: extract/referents.py).
REFERENT = "referent"
# Armed groups that are no state's: the side a clash "between" the army and them names (not civilians).
ARMED_GROUP_TYPES = frozenset({"rebel group", "identity militia", "political militia"})
# Who may speak for a group through its spokesman, commander or media arm: an armed group, not a state's
# forces (whose statements keep their speaker) nor a party whose spokesman speaks of an attack on it.
VOICED_TYPES = ARMED_GROUP_TYPES - {"political militia"}


def _voiced(masked: str, actors: Sequence[ActorMention]) -> str:
    """'ACTOR0 spokesman Zabihullah Mujahid claimed', 'a spokesman for ACTOR0, Abu Musab, said', 'Zabihullah
    Mujahid, a ACTOR0 spokesman, said': the group speaks, so the cues see its name next to the verb
    (attribution_cues.json `voices`); only an armed group's voice (`VOICED_TYPES`)."""
    if "ACTOR" not in masked:
        return masked

    def one(m: re.Match[str]) -> str:
        name = m.group("name")
        return name if actors[int(name[5:])].actor_type in VOICED_TYPES else m.group(0)
    for pattern in _cues().voices:
        masked = pattern.sub(one, masked)
    return masked


def _without_appositions(masked: str) -> str:
    """'The banned outfit, ACTOR0, has claimed', 'ACTOR0, an Islamist group blamed for ..., is believed to
    be behind': the name next to its verb, the apposition read away (attribution_cues.json `appositions`)."""
    if ", " not in masked:
        return masked
    for pattern in _cues().appositions:
        masked = pattern.sub(lambda m: m.group("name") + " ", masked)
    return masked


def _own_acronym(sentence: str, pos: int, span: tuple[int, int], before: ActorMention, mention: ActorMention) -> bool:
    """Whether `mention` is the name just told again in brackets ("Allied Democratic Forces (ADF)"), or an
    abbreviation the registry does not know right after a name it knows ("the Chinland Defense Force (CDF)")."""
    s, e = span
    return (sentence[pos:s].strip() == "(" and sentence[e:e + 1] == ")"
            and (mention.canonical == before.canonical or (mention.method == "ner" and before.method != "ner")))


_ACTOR_TOKEN = compile_pattern(r"ACTOR\d+")
_FACTION_NAME = compile_pattern(r"\b(?:faction|wing|group)$", re.IGNORECASE)


def _faction_for_parent(masked: str, actors: Sequence[ActorMention]) -> str:
    """'ACTOR0 faction of the banned ACTOR1 claimed': the faction is the sentence's actor; the parent
    named after it is part of its name, so the cues see the faction next to the verb. A bare 'of'
    counts only after a name that says it is a faction ("the Jamaat-ul-Ahrar faction of the TTP"). A part
    the registry does not know ("the Derry Brigade of the New IRA", "the Yangon Chapter of X"), of a parent it
    knows, is read as the parent: the one of the two the records can name (session 21)."""
    def one(m: re.Match[str]) -> str:
        part = m.group("part")
        parent = _ACTOR_TOKEN.findall(m.group(0))[1]
        if actors[int(part[5:])].method == "ner" and actors[int(parent[5:])].method != "ner":
            return parent
        named = m.group("kind") or _FACTION_NAME.search(actors[int(part[5:])].text)
        return part if named else m.group(0)
    return _cues().member_of.sub(one, masked)
