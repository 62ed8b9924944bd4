"""The best figures one text's casualty parse gives, shared by the toll tests of each session."""

from __future__ import annotations

from conflictlens.extract.casualties.parse import parse_casualties


def best_figures(text: str) -> tuple:
    """(fatalities, injured, perpetrators killed): each figure's best value."""
    figures = parse_casualties(text)
    return figures.fatalities.best, figures.injured.best, figures.perpetrators_killed.best
