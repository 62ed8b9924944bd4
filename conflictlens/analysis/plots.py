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
            axes.plot([p for p, _ in points], [v for _, v in points], marker="o", markersize=2, label=literal(label))
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


def literal(text: str) -> str:
    """`text` as matplotlib should set it, verbatim: names come from reports, and two unescaped
    dollar signs ("a $5 and $10 reward") would be read as a TeX formula, or fail as one."""
    return text.replace("$", r"\$")


def _series(records: Sequence[dict[str, Any]], measure: str) -> list[tuple[str, list[tuple[str, int]]]]:
    lines: dict[str, dict[str, int]] = {}
    for record in records:
        label = ", ".join(f"{v}" for v in record["group"].values()) or "all"
        lines.setdefault(label, {})[record["period"] or "all"] = record[measure]
    periods = sorted({p for points in lines.values() for p in points})
    largest = sorted(lines, key=lambda k: -sum(lines[k].values()))[:_MAX_LINES]
    return [(label, [(p, lines[label].get(p, 0)) for p in periods]) for label in largest]


CHART_MONTHS = 24  # the activity chart shows the brief's two windows: the last 12 months and the 12 before


def activity_series(rows: Sequence[Any], last: int) -> dict[str, list[Any]]:
    """Incidents and deaths per month for the `CHART_MONTHS` months to `last` (a month index), zeros
    included: the numbers the chart draws, also given with the brief's JSON."""
    from conflictlens.analysis.trends import month_index, month_label

    first = last - CHART_MONTHS + 1
    incidents, deaths = [0] * CHART_MONTHS, [0] * CHART_MONTHS
    for row in rows:
        at = month_index(row.date) - first
        if 0 <= at < CHART_MONTHS:
            incidents[at] += 1
            deaths[at] += row.fatalities
    return {"months": [month_label(first + i) for i in range(CHART_MONTHS)], "incidents": incidents,
            "fatalities": deaths}


def activity_chart(series: dict[str, list[Any]], fmt: str) -> bytes:
    """Bars of incidents and a line of deaths per month, as SVG, PNG or PDF bytes."""
    import matplotlib
    matplotlib.use("Agg")
    from matplotlib import pyplot

    with matplotlib.rc_context({"svg.hashsalt": "conflictlens"}):  # stable element ids in SVG
        return _draw_activity(pyplot, series, fmt)


def _draw_activity(pyplot: Any, series: dict[str, list[Any]], fmt: str) -> bytes:
    import io

    figure, axes = pyplot.subplots(figsize=(8, 3.2))
    try:
        draw_activity(axes, series)
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format=fmt, metadata=_STABLE_METADATA.get(fmt))
        return buffer.getvalue()
    finally:
        pyplot.close(figure)


def draw_activity(axes: Any, series: dict[str, list[Any]]) -> None:
    """The activity chart drawn into `axes` (a figure of its own, or a PDF page's)."""
    months = series["months"]
    axes.bar(months, series["incidents"], color="#4c72b0", label="incidents")
    axes.set_ylabel("incidents")
    deaths = axes.twinx()
    deaths.plot(months, series["fatalities"], color="#c44e52", marker="o", markersize=3, label="deaths")
    deaths.set_ylabel("deaths")
    axes.tick_params(axis="x", labelrotation=90, labelsize=7)
    handles = axes.get_legend_handles_labels()[0] + deaths.get_legend_handles_labels()[0]
    axes.legend(handles=handles, loc="upper left", fontsize=7)


# Charts carry no creation date or software version, so two runs on one store give the same bytes.
_STABLE_METADATA = {"svg": {"Date": None, "Creator": None}, "pdf": {"CreationDate": None, "Creator": None,
                                                                      "Producer": None}}
