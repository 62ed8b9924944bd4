"""The brief as a self-contained HTML page or a PDF file (matplotlib's PDF backend: no other library).

HTML is written by us, every value escaped (actor and place names come from reports), with the chart
inline as SVG: nothing is loaded from elsewhere. The PDF sets the brief's text on A4 pages with the
chart on the first; both carry no creation date, so one store gives the same bytes twice.
"""

from __future__ import annotations

import html
import io
import textwrap
from typing import Any

from conflictlens.analysis.brief import Brief
from conflictlens.analysis.plots import draw_activity

_STYLE = ("body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222;"
          "line-height:1.45}h1{font-size:1.6rem}h2{font-size:1.15rem;margin-top:1.6rem;border-bottom:1px solid #ddd}"
          "li{margin:.3rem 0}.note{color:#555;font-size:.9rem}figure{margin:1rem 0}svg{max-width:100%;height:auto}")


def to_html(brief: Brief, chart_svg: bytes | None = None) -> str:
    """The brief as one HTML page; `chart_svg` (the activity chart) is placed under Activity."""
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             f"<title>{html.escape(brief.title)}</title><style>{_STYLE}</style></head><body>",
             f"<h1>{html.escape(brief.title)}</h1>", f"<p>{html.escape(brief.lead)}</p>"]
    for section in brief.sections:
        parts.append(f"<h2>{html.escape(section.heading)}</h2><ul>")
        parts += [f"<li>{html.escape(point)}</li>" for point in section.points]
        parts.append("</ul>")
        if section.heading == "Activity" and chart_svg:
            parts.append(f'<figure aria-label="Incidents and deaths per month">{_inline_svg(chart_svg)}</figure>')
        if section.note:
            parts.append(f'<p class="note">{html.escape(section.note)}</p>')
    return "\n".join(parts + ["</body></html>"]) + "\n"


def _inline_svg(svg: bytes) -> str:
    """matplotlib's SVG file without its XML prologue and doctype, to sit inside HTML."""
    text = svg.decode("utf-8")
    return text[text.index("<svg"):]


_PAGE = (8.27, 11.69)  # A4, inches
_WIDTH = 115  # characters a line at 8.5 pt
_LINES = 62  # lines a page


def to_pdf(brief: Brief, series: dict[str, list[Any]] | None) -> bytes:
    """The brief as PDF bytes: the chart on the first page, the text wrapped over A4 pages."""
    import matplotlib
    matplotlib.use("Agg")
    from matplotlib import pyplot
    from matplotlib.backends.backend_pdf import PdfPages

    lines = _text_lines(brief)
    first = _LINES - 22 if series else _LINES  # the chart takes the first page's lower part
    pages = [lines[:first]] + [lines[i:i + _LINES] for i in range(first, len(lines), _LINES)]
    buffer = io.BytesIO()
    with PdfPages(buffer, metadata={"Title": brief.title, "CreationDate": None, "Creator": None,
                                    "Producer": None}) as pdf:
        for number, page in enumerate(pages):
            figure = pyplot.figure(figsize=_PAGE)
            try:
                _set_text(figure, page)
                if number == 0 and series:
                    draw_activity(figure.add_axes((0.1, 0.06, 0.8, 0.25)), series)
                pdf.savefig(figure)
            finally:
                pyplot.close(figure)
    return buffer.getvalue()


def _text_lines(brief: Brief) -> list[tuple[str, str]]:
    """(style, text) lines: the title, the lead, and each section wrapped to the page's width."""
    out = [("title", brief.title), ("", "")] + [("", line) for line in textwrap.wrap(brief.lead, _WIDTH)]
    for section in brief.sections:
        out += [("", ""), ("heading", section.heading)]
        for point in section.points:
            wrapped = textwrap.wrap(point, _WIDTH - 2)
            out += [("", "- " + wrapped[0])] + [("", "  " + rest) for rest in wrapped[1:]]
        out += [("note", line) for line in textwrap.wrap(section.note, _WIDTH)]
    return out


def _set_text(figure: Any, lines: list[tuple[str, str]]) -> None:
    sizes = {"title": (13, "bold"), "heading": (10, "bold"), "note": (7.5, "normal"), "": (8.5, "normal")}
    top, step = 0.95, 0.0145
    for i, (style, text) in enumerate(lines):
        size, weight = sizes[style]
        # parse_math off: a name with two dollar signs is text, not a TeX formula.
        figure.text(0.07, top - i * step, text, fontsize=size, fontweight=weight, va="top", family="DejaVu Sans",
                    parse_math=False)
