"""Event typing: the ACLED event and sub-event type, from the cue lexicon in data/event_cues.json."""

from __future__ import annotations

from dataclasses import dataclass

from conflictlens.extract.lexicon import event_cues

@dataclass(frozen=True)
class Typing:
    sub_event_type: str
    score: float
    span: tuple[int, int] | None  # strongest cue, absolute offsets


def score_sub_event_types(text: str) -> dict[str, tuple[float, tuple[int, int] | None]]:
    """Total cue weight per ACLED sub-event type, with the span of its strongest cue."""
    scores: dict[str, tuple[float, tuple[int, int] | None]] = {}
    for sub, patterns in event_cues().sub_event_cues.items():
        total, best_w, best_span = 0.0, 0.0, None
        for pattern, weight in patterns:
            m = pattern.search(text)
            if m:
                total += weight
                if weight > best_w:
                    best_w, best_span = weight, m.span()
        if total:
            scores[sub] = (total, best_span)
    return scores


def classify_sub_event(text: str, offset: int = 0) -> Typing | None:
    """The best-scoring ACLED sub-event type, adjusted by the rules that resolve common confusions."""
    raw = score_sub_event_types(text)
    scores = {k: v[0] for k, v in raw.items()}
    if not scores:
        return None
    _adjust_scores(scores)
    rank = {name: i for i, name in enumerate(event_cues().priority)}
    best = max(scores, key=lambda k: (scores[k], -rank.get(k, 99)))
    if scores[best] < 2:
        return None
    span = raw[best][1]
    return Typing(best, scores[best], (span[0] + offset, span[1] + offset) if span else None)


def _adjust_scores(scores: dict[str, float]) -> None:
    """Protest sub-types need a protest; an explosive cue outranks a generic 'attack'."""
    protest = scores.get("Peaceful protest", 0)
    for sub in ("Protest with intervention", "Excessive force against protesters", "Violent demonstration"):
        if sub in scores:
            scores[sub] = scores[sub] + protest if protest >= 4 else scores[sub] * 0.4
    if "Protest with intervention" in scores and "Violent demonstration" in scores:
        scores["Violent demonstration"] -= 2
    explosive = max(scores.get(k, 0) for k in ("Suicide bomb", "Remote explosive/landmine/IED", "Grenade",
                                                  "Air/drone strike", "Shelling/artillery/missile attack"))
    if explosive >= 4:
        for generic in ("Attack", "Armed clash", "Looting/property destruction"):
            if generic in scores:
                scores[generic] *= 0.5
    if scores.get("Suicide bomb", 0) >= 6:
        scores["Suicide bomb"] += scores.get("Remote explosive/landmine/IED", 0)
