"""Charts of counted incidents (matplotlib, Agg backend: no display is needed or opened)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

from conflictlens.errors import ConflictLensError

PLOT_SUFFIXES = (".png", ".svg")
_MAX_LINES = 8  # more series than this is unreadable; the largest are drawn


def plot_counts(records: Sequence[dict[str, Any]], path: str, measure: str = "events") -> int:
    """Draw `measure` per period, one line per group (the largest groups), to a PNG or SVG file.
    Returns the number of lines drawn."""
    suffix = Path(path).suffix.lower()
    if suffix not in PLOT_SUFFIXES:
        raise ConflictLensError("CL-E931", "a plot is written as .png or .svg; name the file so", path)
    series = _series(records, measure)
    import matplotlib
    matplotlib.use("Agg")
    from matplotlib import pyplot

    figure, axes = pyplot.subplots(figsize=(9, 4))
    try:
        for label, points in series:
            axes.plot([p for p, _ in points], [v for _, v in points], marker="o", markersize=2, label=label)
        axes.set_ylabel(measure)
        axes.tick_params(axis="x", labelrotation=90, labelsize=6)
        if len(series) > 1:
            axes.legend(fontsize=7)
        figure.tight_layout()
        figure.savefig(path, format=suffix[1:])
    except OSError as exc:
        raise ConflictLensError("CL-E931", f"cannot write the plot ({exc.strerror}); check the path", path) from exc
    finally:
        pyplot.close(figure)
    return len(series)


def _series(records: Sequence[dict[str, Any]], measure: str) -> list[tuple[str, list[tuple[str, int]]]]:
    lines: dict[str, dict[str, int]] = {}
    for record in records:
        label = ", ".join(f"{v}" for v in record["group"].values()) or "all"
        lines.setdefault(label, {})[record["period"] or "all"] = record[measure]
    periods = sorted({p for points in lines.values() for p in points})
    largest = sorted(lines, key=lambda k: -sum(lines[k].values()))[:_MAX_LINES]
    return [(label, [(p, lines[label].get(p, 0)) for p in periods]) for label in largest]
