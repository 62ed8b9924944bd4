"""Statements of an incident that tells no event. A report that opens on the claim ("Islamic State
claimed responsibility for an attack on a village this week. Residents said rebels killed 16 people
on Wednesday ...") can be segmented into the claim and the act told after it; the claim's incident,
typed as no act of its own, is dropped, and the claim with it. Its statements speak of the act told
next, or, after the last act of the report, of the act told last."""

from __future__ import annotations

import re
from typing import Sequence

from conflictlens.extract import attribution as attr
from conflictlens.extract.segment import Incident
from conflictlens.model.protocols import ActorMention

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}$")


def carry_statements(text: str, actors: Sequence[ActorMention], donors: Sequence[Incident],
                     receiver: Incident) -> bool:
    """Give `receiver`, for attribution only, the sentences of the dropped `donors` that state who did an
    act (a claim, an attribution, a suspicion or a denial), when no donor is dated to another day.
    Whether any was given."""
    spans = [span for donor in donors if _same_day(donor, receiver)
             for span in (*donor.sentences, *donor.references) if _states_who(text, span, actors)]
    receiver.references.extend(s for s in spans if s not in receiver.references)
    return bool(spans)


def _same_day(donor: Incident, receiver: Incident) -> bool:
    """Whether nothing dates the two to different days (a day of the week or "this week" dates neither)."""
    days = [{d for d in i.dates if _DAY.match(d)} for i in (donor, receiver)]
    return not days[0] or not days[1] or bool(days[0] & days[1])


def _states_who(text: str, span: tuple[int, int], actors: Sequence[ActorMention]) -> bool:
    mentions = [a for a in actors if span[0] <= a.start and a.end <= span[1]]
    return bool(mentions) and any(s.stance != "denied" or s.actor for s in
                                  attr.statements_in_sentence(text[span[0]: span[1]], span, mentions))
