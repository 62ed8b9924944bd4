"""What a sentence tells as having happened: its words with threats, plans, the future, calls for an
end to violence and questions set aside ('unreal' in event_cues.json).

"The FMLN threatened to attack the capital" names an attack that has not happened; "gunmen killed
five villagers and threatened to kill more" tells one that has. Blanking the unreal phrases (with
spaces, so that offsets hold) and looking for a trigger in what is left tells the two apart.
"""

from __future__ import annotations

from functools import lru_cache

from conflictlens.extract.lexicon import event_cues
from conflictlens.extract.patterns import may_occur


@lru_cache(maxsize=256)
def told_as_fact(sentence: str) -> str:
    """The sentence with its unreal phrases, and its clauses of an actor's history ("the Taliban, who
    seized power in 2021,"), blanked out, same length.

    Kept for the last texts asked (a pure function of the text: the cues are read once): an incident's
    text is read twice, by its typing and by the guard of its non-events, and a one-sentence incident's
    text is the sentence `segment` read; the unreal pattern is the costliest of the cues."""
    cues = event_cues()
    for pattern in (cues.unreal, cues.background_clause):
        if pattern is not None and may_occur(pattern, sentence):
            sentence = _blanked(sentence, pattern.spans(sentence))
    return sentence


def _blanked(sentence: str, spans: list[tuple[int, int]]) -> str:
    """The sentence with each span (in order, none overlapping, as a search finds them) made spaces."""
    if not spans:
        return sentence
    kept, last = [], 0
    for start, end in spans:
        kept += [sentence[last:start], " " * (end - start)]
        last = end
    return "".join(kept) + sentence[last:]


def tells_an_act(sentence: str) -> bool:
    """Whether a strong trigger is left once the unreal phrases are set aside."""
    return bool(event_cues().strong_trigger.search(told_as_fact(sentence)))
