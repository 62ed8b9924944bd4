"""The date mentions that may date an incident: not those of sentences that sum up many past events,
of clauses of an actor's history, or of photo captions."""

from __future__ import annotations

from conflictlens.extract.dates.mentions import DateMention, find_date_mentions, names_an_incident_by_day
from conflictlens.extract.lexicon import event_cues
from conflictlens.extract.patterns import found_in, may_occur


def event_dates(text: str, sentences: list[tuple[int, int]], captions: list[tuple[int, int]]) -> list[DateMention]:
    """The report's date mentions, but for those of sentences that sum up many past events ("This year,
    IS revived its bombing campaign"), of clauses of an actor's history and of photo captions: such a
    date dates no incident, nor the ones told after it."""
    mentions = find_date_mentions(text)
    if not mentions:
        return mentions
    cues = event_cues()
    lowered = text.lower()
    background = [(a, b) for a, b in sentences if found_in(cues.background, text, a, b, lowered=lowered)]
    # "The Sunday attack targeted Motogatta, where jihadists have been active for years": a day that names
    # the incident ("the Sunday attack", "Sunday's attack") is its day, whatever background the sentence adds
    mentions = [m for m in mentions if not (any(a <= m.start < b for a, b in background)
                                            and not names_an_incident_by_day(text, m))] if background else mentions
    summed = list(captions)
    # "The Taliban, who seized power in 2021, ...": the year of an actor's history dates no incident
    if cues.background_clause is not None and may_occur(cues.background_clause, text):
        summed += [m.span() for m in cues.background_clause.finditer(text)]
    return [m for m in mentions if not any(a <= m.start < b for a, b in summed)] if summed else mentions
