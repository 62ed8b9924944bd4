"""Territory changes: who took a place decides ACLED's sub-event type.

Reporters use the same verbs ("captured", "retook", "seized control of") whether the army or a rebel
group gains ground, so the verb alone cannot tell "Government regains territory" from "Non-state
actor overtakes territory". ACLED decides by the actor: state forces regain territory, non-state
actors overtake it, and a transfer without fighting (after a withdrawal, without resistance) is a
"Non-violent transfer of territory". The vocabularies live in the "territory" entry of
data/event_cues.json.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from conflictlens.extract.patterns import compile_pattern, may_occur
from conflictlens.extract.lexicon import TerritoryCues

GOVERNMENT = "Government regains territory"
NON_STATE = "Non-state actor overtakes territory"
NON_VIOLENT = "Non-violent transfer of territory"

_SENTENCE_END = compile_pattern(r"[.!?;]\s|\n")
_WORD = compile_pattern(r"[\w'-]+")
# The direct object of a capture verb ends where a preposition starts a new phrase.
_OBJECT_STOP = {"from", "in", "near", "close", "after", "following", "during", "before", "as", "with", "by",
                "and", "on", "at", "to", "while", "when", "since", "amid", "despite", "for"}
_DETERMINERS = {"the", "a", "an", "this", "that", "its", "their", "his", "her"}
_REGAIN_VERB = compile_pattern(r"^(?:re|regain|liberat|freed|recover|restor|clear)", re.IGNORECASE)
_PASSIVE_END = compile_pattern(r"\b(?:was|were|been|being|is|are)\s*(?:\w+ly\s*)?$", re.IGNORECASE)
_EXPEL_VERB = compile_pattern(r"(?:out of|from)$", re.IGNORECASE)
_OBJECT_WORDS = 7
_SUBJECT_CHARS = 160


@dataclass(frozen=True)
class Capture:
    sub_event_type: str
    weight: float
    span: tuple[int, int]


def find_captures(text: str, cues: TerritoryCues, non_violent: bool) -> list[Capture]:
    """Every capture of a place in the text, typed by its taker, in text order."""
    found: list[Capture] = []
    for start, end, kind in _capture_mentions(text, cues):
        taker, verb_default = _taker(text, start, end, kind, cues)
        if taker is None and verb_default is None:
            continue
        if non_violent:
            sub = NON_VIOLENT
        else:
            sub = GOVERNMENT if (taker or verb_default) == "state" else NON_STATE
        weights = cues.weights
        if taker is None:
            weight = weights["unknown_taker"]
        elif kind == "lite":
            weight = weights["lite"]
        else:
            weight = weights["first"] if not any(c.weight >= weights["first"] for c in found) else weights["later"]
        found.append(Capture(sub, weight, (start, end)))
    return found


def _capture_mentions(text: str, cues: TerritoryCues) -> list[tuple[int, int, str]]:
    # Every typed incident is searched, and a capture is told in few: the verbs are looked for first.
    mentions = [(m.start(), m.end(), kind) for pattern, kind in ((cues.capture, "active"),
                                                                (cues.capture_lite, "lite"), (cues.passive, "passive"))
                if may_occur(pattern, text) for m in pattern.finditer(text)]
    mentions.sort()
    # Overlapping matches ("took control of" inside a longer phrase) describe one capture.
    kept: list[tuple[int, int, str]] = []
    for mention in mentions:
        if not kept or mention[0] >= kept[-1][1]:
            kept.append(mention)
    return kept


def _taker(text: str, start: int, end: int, kind: str, cues: TerritoryCues) -> tuple[str | None, str | None]:
    """(taker kind, default kind from the verb) of the capture at text[start:end]; (None, None) if not one."""
    before, after = _sentence_before(text, start), _sentence_after(text, end)
    if kind == "passive":
        if not cues.place.search(before[-80:]):
            return None, None
        return _first_actor(after[:60], cues), None
    verb = text[start:end]
    if cues.infinitive.search(before[-40:]) or not _object_is_place(after, verb, cues):
        return None, None
    subject = _last_actor(before[-_SUBJECT_CHARS:], cues)
    if _PASSIVE_END.search(before):
        # "militants were pushed out of the town": the subject lost the place; "the town was
        # captured": the subject is the place, and the taker is named elsewhere if at all.
        subject = _opposite(subject) if _EXPEL_VERB.search(verb) else None
    taker = subject or _opposite(_loser(after, cues))
    return taker, "state" if _REGAIN_VERB.match(verb) else "non_state"


def _sentence_before(text: str, start: int) -> str:
    window = text[max(0, start - 400): start]
    ends = list(_SENTENCE_END.finditer(window))
    return window[ends[-1].end():] if ends else window


def _sentence_after(text: str, end: int) -> str:
    window = text[end: end + 200]
    stop = _SENTENCE_END.search(window)
    return window[: stop.start()] if stop else window


def _object_is_place(after: str, verb: str, cues: TerritoryCues) -> bool:
    words = []
    for w in _WORD.findall(after)[:_OBJECT_WORDS]:
        if w.lower() in _OBJECT_STOP:
            break
        words.append(w)
    phrase = " ".join(words)
    if cues.place.search(phrase):
        return True
    if cues.not_place.search(phrase):
        return False
    if re.search(r"control", verb, re.IGNORECASE) or _EXPEL_VERB.search(verb):
        return bool(words)
    # A bare proper name right after the verb ("recaptured Palmyra") is a place far more often than a person.
    return bool(words) and words[0][:1].isupper() and words[0].lower() not in _DETERMINERS


def _last_actor(window: str, cues: TerritoryCues) -> str | None:
    """The actor named closest before the verb: the subject of the capture."""
    best: tuple[int, int, str] | None = None
    # Named groups first, so that "Houthi forces" stays non-state when both vocabularies match it.
    for kind, pattern in (("non_state", cues.non_state), ("state", cues.state)):
        for m in pattern.finditer(window):
            # The closest end wins; at the same end, the longer phrase ("Kurdish forces" over "forces").
            key = (m.end(), -m.start(), kind)
            if best is None or key[:2] > best[:2]:
                best = key
    return best[2] if best else None


def _first_actor(window: str, cues: TerritoryCues) -> str | None:
    hits = [(m.start(), kind) for kind, pattern in (("non_state", cues.non_state), ("state", cues.state))
            for m in [pattern.search(window)] if m]
    return min(hits)[1] if hits else None


def _loser(after: str, cues: TerritoryCues) -> str | None:
    """The actor a place was taken from: 'from <actor>' or '<actor>-held'."""
    if cues.held_by_non_state.search(after):
        return "non_state"
    if cues.held_by_state.search(after):
        return "state"
    m = re.search(r"\bfrom\b(.{0,60})", after, re.IGNORECASE)
    return _first_actor(m.group(1), cues) if m else None


def _opposite(kind: str | None) -> str | None:
    return {"state": "non_state", "non_state": "state"}.get(kind or "")
