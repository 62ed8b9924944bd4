"""Words that name a group told before: "the group", and its spokesman named again by name alone.

A report names an armed group once and then speaks of it as "the group" ("Al-Shabaab fighters stormed
a base in Mandera. [...] On Tuesday the group ambushed a convoy in Lamu"), and introduces a group's
spokesman once ("Taliban spokesman Zabihullah Mujahid said ...") and then quotes him by name ("..., Mujahid
said"). Each such word is a mention of the group (method `REFERENT`), so every cue reads it as the name:
"the group ambushed" names the doer, "..., Mujahid said" is the group's own word.

"The group" names the armed group named last before it, and only where no other organisation, nor "a
group of" people, was named in between; a spokesman's name counts only for an armed group (a state's
spokesman keeps his own word) and only as a speaker (right before or after a verb of saying). Cues are
data (`attribution_cues.json`: `group_referent`, `named_voices`, `voice_person`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Collection, Sequence

from conflictlens.extract.lexicon import attribution_cues
from conflictlens.extract.masking import REFERENT, VOICED_TYPES
from conflictlens.extract.patterns import FLAGS, compile_pattern
from conflictlens.model.protocols import ActorMention
from conflictlens.model.vocab import speech_verbs_pattern

_VOICE_REACH = 80  # how far from the group's name its spokesman's introduction may run


@dataclass(frozen=True)
class _Cues:
    group: re.Pattern[str]  # "the group", "the militant group", "the outfit"
    unclear: re.Pattern[str]  # "a group of gunmen": another group "the group" may mean
    speaks: str  # the verbs of saying a spokesman's name stands beside


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    raw = attribution_cues()
    return _Cues(compile_pattern(raw["group_referent"].replace("MODIFIERS", raw["actor_modifiers"]), FLAGS),
                 compile_pattern(raw["group_referent_unclear"], FLAGS), rf"(?:{speech_verbs_pattern()}|claimed|stated)")


def with_referents(text: str, actors: Sequence[ActorMention],
                   not_named: Collection[tuple[int, int]] = frozenset()) -> list[ActorMention]:
    """`actors` and, where no mention stands, each "the group" and each spokesman's name that names an
    armed group told before, as mentions of it (method `REFERENT`), left to right. `not_named`: spans of
    mentions that name no organisation (a tagger's nationality or religion: "Sikhs")."""
    voices = _voice_referents(text, actors)
    # a spokesman's name the tagger took for an organisation no registry knows is his group's voice
    actors = [a for a in actors if not (a.method == "ner" and any((v.start, v.end) == (a.start, a.end) for v in voices))]
    taken = [(a.start, a.end) for a in actors]
    added = [a for a in _group_referents(text, actors, not_named) + voices
             if not any(s < a.end and a.start < e for s, e in taken)]
    return sorted([*actors, *added], key=lambda a: a.start) if added else list(actors)


def _group_referents(text: str, actors: Sequence[ActorMention], not_named: Collection[tuple[int, int]]
                     ) -> list[ActorMention]:
    cues = _cues()
    if "group" not in text.lower() and "outfit" not in text.lower():
        return []
    found = []
    for m in cues.group.finditer(text):
        before = [a for a in actors if a.end <= m.start()]
        named = next((a for a in reversed(before) if a.actor_type in VOICED_TYPES), None)
        if named is None:
            continue
        between = [a for a in before if a.start > named.start and a.actor_type is None
                   and (a.start, a.end) not in not_named]
        if between or cues.unclear.search(text, named.end, m.start()):
            continue  # "the UN said ... the group": an organisation named since may be meant
        found.append(_mention(m.start("name"), m.end("name"), text, named))
    return found


def _voice_referents(text: str, actors: Sequence[ActorMention]) -> list[ActorMention]:
    """Each later saying of a spokesman introduced with his armed group ("Taliban spokesman Zabihullah
    Mujahid"): his whole name or his last name, beside a verb of saying."""
    cues = _cues()
    found = []
    for group, person, end in _introduced(text, actors):
        names = sorted({person, person.split()[-1]}, key=len, reverse=True)
        name = "|".join(re.escape(n) for n in names)
        said = compile_pattern(rf"\b(?P<name>{name})(?= {cues.speaks}\b)|\b{cues.speaks} (?P<after>{name})\b")
        for m in said.finditer(text, end):
            span = m.span("name") if m.group("name") else m.span("after")
            found.append(_mention(*span, text, group))
    return found


def _introduced(text: str, actors: Sequence[ActorMention]) -> list[tuple[ActorMention, str, int]]:
    """(group, spokesman's name, where the introduction ends) for each armed group's spokesman named."""
    raw, person = attribution_cues(), f"(?P<person>{attribution_cues()['voice_person']})"
    out = []
    for a in (a for a in actors if a.actor_type in VOICED_TYPES):
        lo = max(0, a.start - _VOICE_REACH)
        for template in raw["named_voices"]:
            group = f"(?P<group>{re.escape(a.text)})"
            m = compile_pattern(template.replace("GROUP", group).replace("PERSON", person), FLAGS).search(
                text, lo, a.end + _VOICE_REACH)
            if m is not None and m.start("group") == a.start:
                out.append((a, m.group("person"), m.end()))
    return out


def _mention(start: int, end: int, text: str, named: ActorMention) -> ActorMention:
    return ActorMention(start, end, text[start:end], named.canonical, named.actor_type, named.score, REFERENT)
