"""The learned relevance gate beside the rules (issue 11, item 4: not every report is an event).

A user trains it on their own labelled reports (`conflictlens train relevance`): one head of the
shared linear model (`model.py`), "the report tells a new act of political violence" (act) or not
(no_act), read from the whole document. It only ever removes: when the probability of no_act is at
least the threshold cross-validation picked, the rules' political-violence events of the report are
dropped; the rules' other events (protests, arrests, agreements) stay, and no event is ever added.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from conflictlens.extract.build import VIOLENT_TYPES
from conflictlens.extract.learned.model import NO_ACT, RELEVANCE, RELEVANCE_HEAD, LinearModel, load_model
from conflictlens.model.records import Event


@dataclass(frozen=True)
class RelevanceGate:
    model: LinearModel

    @property
    def threshold(self) -> float:
        return self.model.heads[RELEVANCE_HEAD].threshold

    def no_act_probability(self, text: str) -> float:
        head = self.model.heads[RELEVANCE_HEAD]
        return head.probabilities(self.model.vector(text))[head.classes.index(NO_ACT)]

    def drops(self, probability: float) -> bool:
        return probability >= self.threshold

    def gated(self, text: str, events: list[Event]) -> list[Event]:
        """The report's events through the gate (see `gated_many`)."""
        return self.gated_many([text], [events])[0]

    def gated_many(self, texts: list[str], events: list[list[Event]]) -> list[list[Event]]:
        """Each report's events through the gate: its political-violence events are dropped when the
        model reads no act in its text; on those kept, `extra["relevance_gate"]` notes the probability.
        Only reports with such events are read, together (an encoder reads them in batches)."""
        asked = [i for i, found in enumerate(events) if any(e.event_type in VIOLENT_TYPES for e in found)]
        head = self.model.heads[RELEVANCE_HEAD]
        column = head.classes.index(NO_ACT)
        vectors = self.model.vectors([texts[i] for i in asked])
        probabilities = dict(zip(asked, (head.probabilities(v)[column] for v in vectors)))
        return [self._gated(found, probabilities[i]) if i in probabilities else found
                for i, found in enumerate(events)]

    def _gated(self, events: list[Event], probability: float) -> list[Event]:
        violent = [e for e in events if e.event_type in VIOLENT_TYPES]
        if self.drops(probability):
            return [e for e in events if e.event_type not in VIOLENT_TYPES]
        for event in violent:
            event.extra["relevance_gate"] = {"no_act": round(probability, 3)}
        return events


def load_relevance_gate(path: str | Path) -> RelevanceGate:
    """Read and check a relevance gate file (coded errors CL-E770..CL-E773, CL-E242 for a typing model)."""
    return RelevanceGate(load_model(path, RELEVANCE))
