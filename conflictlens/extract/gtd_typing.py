"""GTD typing: attack, weapon and target types, from the cue lexicon in data/gtd_cues.json."""

from __future__ import annotations

import re
from dataclasses import dataclass

from conflictlens.extract.lexicon import gtd_cues

# A clause boundary ends a target phrase ("attacked a police post in Kabul, killing ...").
_PHRASE_END = re.compile(r"[,.;:()]| in | near | on | at | along | outside | inside | while | when | after | before | killing| wounding| injuring| and killed| and wounded", re.I)


# "the vehicle of X": the target is X, not the vehicle.
_POSSESSOR = re.compile(r"^(?:the |a |an )?(?:\w+ )?(?:vehicle|car|house|residence|home|convoy|office|compound|motorcade|shop|guesthouse)s? (?:of|belonging to) ", re.I)


@dataclass(frozen=True)
class GtdTyping:
    attack_type: str
    weapon_type: str
    target_type: str
    target_text: str | None
    attack_span: tuple[int, int] | None
    target_span: tuple[int, int] | None


def _first_rule(rules, text: str) -> tuple[str, tuple[int, int]] | None:
    """The first rule (in data-file order) whose pattern occurs in the text."""
    for name, pattern in rules:
        m = pattern.search(text)
        if m:
            return name, m.span()
    return None


def target_phrase(text: str) -> tuple[str, tuple[int, int]] | None:
    """The noun phrase an attack was aimed at: the words after 'targeting', 'attacked', 'killed'..."""
    m = gtd_cues().target_lead.search(text)
    if not m:
        return None
    start = m.end()
    while start < len(text) and text[start] == " ":
        start += 1
    end_match = _PHRASE_END.search(text, start)
    end = end_match.start() if end_match else min(len(text), start + 120)
    phrase = _POSSESSOR.sub("", text[start:end].strip())
    start = end - len(phrase) if phrase else start
    if not phrase:
        return None
    return phrase, (start, start + len(phrase))


# Place names that contain target words ("Police District 4") are places, not targets.
_PLACE_NOISE = re.compile(r"\b(?:(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                          r"\w+teenth|\w+tieth)\s+)?police district(?:\s+\d+)?|\bPD\s*\d+|\bneighbou?rhood\b", re.I)


def classify_target(text: str) -> tuple[str, str | None, tuple[int, int] | None]:
    """GTD target type: from the attacked phrase first, then from the victims anywhere in the text."""
    text = _PLACE_NOISE.sub(lambda m: " " * len(m.group(0)), text)
    phrase = target_phrase(text)
    if phrase:
        hit = _target_in(phrase[0])
        if hit:
            return hit, phrase[0], phrase[1]
    hit = _target_in(text)
    return (hit or "Unknown"), (phrase[0] if phrase else None), (phrase[1] if phrase else None)


def _target_in(text: str) -> str | None:
    """The target type whose cue occurs earliest in the text (ties broken by rule order)."""
    best: tuple[int, int, str] | None = None
    for order, (name, pattern) in enumerate(gtd_cues().target_rules):
        m = pattern.search(text)
        if m and (best is None or (m.start(), order) < best[:2]):
            best = (m.start(), order, name)
    return best[2] if best else None


def is_assassination(text: str) -> bool:
    """GTD codes an attack on a named or prominent individual as an assassination."""
    cues = gtd_cues()
    if cues.possessive_target.search(text):
        return True
    action = cues.assassination_action.search(text)
    if not action:
        return False
    window = text[action.end(): action.end() + 60]
    window = _PHRASE_END.split(window, maxsplit=1)[0]
    return bool(cues.prominent.search(window))


def classify_gtd(text: str) -> GtdTyping:
    cues = gtd_cues()
    attack = _first_rule(cues.attack_rules, text)
    attack_type, attack_span = (attack if attack else ("Unknown", None))
    if attack_type in ("Bombing/Explosion", "Armed Assault") and is_assassination(text):
        attack_type = "Assassination"
    weapon = _first_rule(cues.weapon_rules, text)
    weapon_type = weapon[0] if weapon else "Unknown"
    if attack_type == "Bombing/Explosion":
        weapon_type = "Explosives"
    elif attack_type == "Unknown":
        weapon_type = "Unknown"
    target_type, target_text, target_span = classify_target(text)
    return GtdTyping(attack_type, weapon_type, target_type, target_text, attack_span, target_span)
