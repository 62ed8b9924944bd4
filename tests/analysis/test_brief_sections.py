"""The brief's contested-attribution and changed-relation sections, from ledgers and edges written here."""

import re

from conflictlens.analysis.brief import Brief, to_markdown
from conflictlens.analysis.brief_render import to_html, to_pdf
from conflictlens.analysis.brief_sections import Section, contested_section, is_contested, relations_section
from conflictlens.analysis.estimative import load_rule

WINDOW = ("2021-01-01", "2021-12-31")
RULE_ANSWER = {"actor": "A", "phrase": "likely", "probability": 0.6, "basis": "rule", "override": None}


def ledger(event_id, date, statements, estimates, answer=RULE_ANSWER):
    return {"event_id": event_id, "date": date, "place": "Kabul", "statements": statements,
            "estimates": estimates, "answer": answer, "rule_answer": RULE_ANSWER}


def statement(actor, stance):
    return {"actor": actor, "stance": stance, "by": "a ministry"}


def estimate(actor, stance, p):
    return {"actor": actor, "strongest_stance": stance, "probability": p, "phrase": "likely"}


ONE_CLAIM = ledger("evt_1", "2021-03-01", [statement("A", "claimed")], [estimate("A", "claimed", 0.9)])
TWO_NAMED = ledger("evt_2", "2021-04-01", [statement("A", "claimed"), statement("B", "attributed")],
                   [estimate("A", "claimed", 0.6), estimate("B", "attributed", 0.3)])
SELF_DENIAL = ledger("evt_3", "2021-05-01", [statement("A", "attributed"), statement("A", "denied")],
                     [estimate("A", "attributed", 0.57)])
OVERRIDDEN = ledger("evt_4", "2021-06-01", [statement("A", "attributed")], [estimate("A", "attributed", 0.6)],
                    {"actor": "C", "phrase": None, "probability": None, "basis": "analyst override", "override": {}})
OLD = {**TWO_NAMED, "event_id": "evt_5", "date": "2019-04-01"}


def test_what_is_contested():
    assert not is_contested(ONE_CLAIM)
    assert is_contested(TWO_NAMED) and is_contested(SELF_DENIAL) and is_contested(OVERRIDDEN)


def test_contested_section_lists_the_window_newest_first_with_words_and_ids():
    section = contested_section([ONE_CLAIM, TWO_NAMED, SELF_DENIAL, OVERRIDDEN, OLD], WINDOW, load_rule())
    assert [p.rsplit("[events: ", 1)[1] for p in section.points] == ["evt_4]", "evt_3]", "evt_2]"]
    assert "A claimed, likely (60%); B attributed, unlikely (30%); best answer A, likely" in section.points[2]
    assert "denied by A" in section.points[1] and "an analyst answered C" in section.points[0]
    assert all("a ministry" not in p for p in section.points)  # sources are graded in the ledger, not named here


def test_nothing_contested_says_how_many_were_read():
    section = contested_section([ONE_CLAIM, OLD], WINDOW, load_rule())
    assert section.points == ("No attribution is contested among the 1 reports of the window: no second actor is "
                              "named, no named actor denies, no analyst overrode the rule.",)


def edge(source, target, kind, first, last, polarity, ids, directed=False):
    return {"source": source, "target": target, "kind": kind, "first": first, "last": last, "count": len(ids),
            "polarity": polarity, "directed": directed, "sources": [{"id": i} for i in ids]}


EDGES = [
    edge("X", "B", "alliance", "2017-01-01", "2019-12-31", "cooperative", ["rel_1"]),
    edge("X", "B", "rivalry", "2021-08-18", "2021-08-20", "hostile", ["rel_2", "rel_3"]),
    edge("C", "X", "support", "2021-02-01", "2021-02-01", "cooperative", ["rel_4"], directed=True),
    edge("X", "D", "clash", "2016-01-01", "2021-10-01", "hostile", ["rel_5"]),
    edge("C", "D", "rivalry", "2021-01-01", "2021-01-01", "hostile", ["rel_6"]),  # not the actor's
]


def test_relations_that_began_lapsed_or_turned():
    section = relations_section(EDGES, "X", WINDOW)
    assert section.points[0] == ("Turned: with B, alliance (2017-01-01 to 2019-12-31), then rivalry (2021-08-18 to "
                                 "2021-08-20) [relations: rel_1, rel_2, rel_3]")
    assert "Lapsed: alliance with B, last known 2019-12-31 (1 statement) [relations: rel_1]" in section.points
    assert "New: rivalry with B, first known 2021-08-18 (2 statements) [relations: rel_2, rel_3]" in section.points
    assert "New: support with C (towards it), first known 2021-02-01 (1 statement) [relations: rel_4]" in section.points
    assert not any("with D" in p for p in section.points)  # known before and still holding: no change


def test_no_actor_or_no_change():
    assert relations_section(EDGES, None, WINDOW).points == ("No actor is named, so no relations are read.",)
    steady = relations_section([EDGES[3]], "X", WINDOW)
    assert steady.points == ("No relation of X began, lapsed or turned in the window (1 recorded, 1 still known to "
                             "hold).",)


HOSTILE = Brief("Threat brief: <script>alert(1)</script>", "Lead & more.",
                (Section("Activity", ("Group <b>Z</b> did it [events: evt_1]",), "a note"),))
SERIES = {"months": ["2021-01", "2021-02"], "incidents": [1, 2], "fatalities": [3, 0]}


def test_html_escapes_every_value_and_inlines_the_chart():
    from conflictlens.analysis.plots import activity_chart
    page = to_html(HOSTILE, activity_chart(SERIES, "svg"))
    assert "<script>" not in page and "&lt;script&gt;" in page and "&lt;b&gt;Z&lt;/b&gt;" in page
    assert page.count("<svg") == 1 and "<?xml" not in page and "http://" not in page.split("<svg", 1)[0]
    assert "Lead &amp; more." in page and '<p class="note">a note</p>' in page


def test_pdf_is_a_stable_document_with_its_pages():
    many = Brief("Threat brief: X", "Lead.", tuple(Section(f"Part {i}", ("A point. " * 30,) * 8) for i in range(6)))
    first = to_pdf(many, SERIES)
    assert first.startswith(b"%PDF-") and first.rstrip().endswith(b"%%EOF")
    assert first.count(b"/Type /Page\n") + first.count(b"/Type /Page ") >= 2
    assert first == to_pdf(many, SERIES)  # no creation date: the same store gives the same bytes
    assert b"Threat brief: X" in first  # the title is the document's metadata


def test_pdf_sets_dollar_signs_and_backslashes_as_written():
    """Names come from reports: two dollar signs are not a TeX formula (matplotlib's mathtext raised)."""
    priced = Brief("Threat brief: $\\foo$ cell", "A $5 and $10 reward.",
                   (Section("Activity", ("Claimed by the $\\undefined{x}$ front [events: evt_1]",), "a note"),))
    assert to_pdf(priced, SERIES).startswith(b"%PDF-")


def test_trend_lines_named_with_dollar_signs_are_drawn(tmp_path):
    from conflictlens.analysis.plots import plot_counts
    records = [{"group": {"actor": name}, "period": "2021-01", "events": 2}
               for name in ("The $\\bad$ front", "A $5 group")]
    assert plot_counts(records, str(tmp_path / "trend.svg")) == 2
    assert (tmp_path / "trend.svg").read_bytes().startswith(b"<?xml")


def test_markdown_places_the_chart_under_activity():
    text = to_markdown(HOSTILE, "b-activity.svg")
    assert text.index("![Incidents and deaths per month](b-activity.svg)") < text.index("a note")


def test_markdown_sets_angle_brackets_as_text_not_html():
    """Markdown passes raw HTML through: a name written '<script>' in a report ran when the .md brief was
    rendered (pandoc, most viewers). A backslash makes it text in any CommonMark renderer."""
    text = to_markdown(HOSTILE)
    assert not re.search(r"(?<!\\)<", text)  # every '<' escaped
    assert "\\<script>alert(1)\\</script>" in text and "Group \\<b>Z\\</b> did it [events: evt_1]" in text
    assert "Lead & more." in text  # nothing else is touched


def test_one_incident_is_singular_and_undated_reports_are_counted_not_hidden():
    from conflictlens.analysis.brief import compose
    from conflictlens.analysis.trends import IncidentRow
    one = [IncidentRow("2021-03-02", 4, "claimed", ("Taliban",), "Battles", "Military", "AF", "Kabul",
                       event_ids=("evt_1",))]
    brief = compose("AF", one, [], [], load_rule(), undated=2)
    assert brief.lead.startswith("Based on 1 incident from") and "2 undated reports are left out" in brief.lead
    assert brief.sections[0].points[0].startswith("2020-04 to 2021-03: 1 incident (1 claimed")
    empty = compose("AF", [], [], [], load_rule(), undated=1)
    assert empty.lead == "No dated incident matches (1 undated report is left out); nothing can be assessed."
    assert compose("AF", [], [], [], load_rule()).lead == "No incidents match; nothing can be assessed."
