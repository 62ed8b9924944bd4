"""`conflictlens brief` on the demo store and on a store of written UCDP-layout rows (and on UCDP GED
Pakistan when ../shared/data is present): numbers with their events, ICD 203 words, data-driven."""

import json
import re

import pytest

from tests_paths import ANALYSIS  # noqa: F401  (adds tests/analysis to the path)
from ucdp_series import series_rows, write_rows

from conftest import run

ICD_203 = ("almost no chance", "very unlikely", "unlikely", "roughly even chance", "likely", "very likely",
           "almost certain")
MONTHS = [f"{2019 + i // 12}-{i % 12 + 1:02d}" for i in range(36)]


def check_brief(text: str) -> None:
    assert text.startswith("# Threat brief:")
    outlook = text.split("## Outlook")[1]
    sentences = [line for line in outlook.splitlines() if line.startswith("- ") and "%" in line]
    for sentence in sentences:
        assert any(f" {word} (" in sentence for word in ICD_203), sentence
        assert "90% interval" in sentence
    for line in text.split("## Outlook")[0].splitlines():
        if line.startswith("- ") and re.search(r"\d+ incidents?\b", line) and "Against" not in line:
            assert "[events: evt_" in line, line  # every count cites the events behind it


@pytest.fixture(scope="module")
def series_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("brief")
    counts = {("Balochistan province", m): 2 + i // 4 for i, m in enumerate(MONTHS)}
    counts.update({("Sindh province", m): 1 for m in MONTHS[::3]})
    write_rows(folder / "ucdp.csv", series_rows(counts))
    db = folder / "b.db"
    assert run("--db", db, "-q", "import", "ucdp", folder / "ucdp.csv").exit_code == 0
    return db


def test_brief_on_written_rows(series_db):
    text = run("--db", series_db, "brief", "--country", "PK").stdout
    check_brief(text)
    data = json.loads(run("--db", series_db, "brief", "--country", "PK", "--format", "json").stdout)
    last12 = sum(2 + i // 4 for i in range(24, 36)) + len(MONTHS[24::3])
    assert data["activity"]["incidents"] == last12 and data["activity"]["trend"] == "rose"
    assert f"{last12} incidents" in text and "activity rose" in text
    best = max(data["forecasts"], key=lambda f: f["events"]["mean"])
    assert best["unit"] == {"admin1": "Balochistan province"} and "Balochistan province in 2022-01" in text


def test_two_stores_two_briefs(series_db, pristine_demo):
    demo = run("--db", pristine_demo, "brief", "--actor", "ISKP").stdout
    check_brief(demo)
    assert "Nangarhar" in demo and "claimed" in demo
    assert demo.split("\n", 1)[1] != run("--db", series_db, "brief", "--country", "PK").stdout.split("\n", 1)[1]


def test_confidential_events_are_cited_by_pseudonym(demo_copy):
    events = json.loads(run("--db", demo_copy, "events", "--perpetrator", "ISKP", "--format", "json").stdout)
    secret = events[0]
    assert secret["id"] in run("--db", demo_copy, "brief", "--actor", "ISKP").stdout
    run("--db", demo_copy, "confidential", "add", "--document", secret["document_id"], "--by", "Desk")
    text = run("--db", demo_copy, "brief", "--actor", "ISKP").stdout
    assert secret["id"] not in text and secret["document_id"] not in text
    check_brief(text)


def test_brief_options(series_db, tmp_path):
    assert "CL-E935" in run("--db", series_db, "brief").output
    out = tmp_path / "brief.md"
    assert run("--db", series_db, "brief", "--country", "PK", "--output", out).exit_code == 0
    assert out.read_text().startswith("# Threat brief: PK")
    assert "CL-E936" in run("--db", series_db, "brief", "--country", "PK", "--output", tmp_path / "no" / "b.md").output


def test_brief_on_ucdp_pakistan(shared_data, tmp_path):
    source = shared_data / "ucdp" / "ucdp_ged_pakistan.csv"
    if not source.exists():
        pytest.skip("UCDP GED Pakistan is not present")
    db = tmp_path / "pk.db"
    assert run("--db", db, "-q", "import", "ucdp", source).exit_code == 0
    text = run("--db", db, "brief", "--country", "PK", "--since", "2015-01-01").stdout
    check_brief(text)
    assert "2020-12 to 2021-11" in text or "2021-01 to 2021-12" in text
    filters = ("--country", "PK", "--since", "2015-01-01")
    assert chart_matches_trends(db, filters, filters)["activity"]["incidents"] > 100


def test_contested_attributions_and_changed_relations_come_from_the_store(pristine_demo):
    text = run("--db", pristine_demo, "brief", "--actor", "Taliban").stdout
    check_brief(text)
    contested = text.split("## Contested attributions")[1].split("## ")[0]
    events = json.loads(run("--db", pristine_demo, "events", "--perpetrator", "Taliban", "--format", "json").stdout)
    listed = re.findall(r"\[events: (evt_\w+)\]", contested)
    assert listed, contested
    for event in (e for e in events if e["id"] in listed):
        stances = {(a["actor"], a["stance"]) for a in event["attribution"]}
        assert len({a for a, _ in stances}) > 1 or any(s == "denied" for _, s in stances)
    assert "denied by Taliban" in contested
    changed = text.split("## Relations that changed")[1].split("## ")[0]
    network = json.loads(run("--db", pristine_demo, "network", "--actor", "Taliban", "--depth", "1").stdout)
    known = {s["id"] for e in network["edges"] for s in e["sources"]}
    cited = set(re.findall(r"rel_\w+", changed))
    assert cited and cited <= known
    assert "New: clash with Khorasan Chapter of the Islamic State, first known 2021-08-18" in changed


def test_brief_formats_and_their_chart(pristine_demo, tmp_path):
    md = tmp_path / "iskp.md"
    assert run("--db", pristine_demo, "brief", "--actor", "ISKP", "-o", md).exit_code == 0
    chart = tmp_path / "iskp-activity.svg"
    assert "![Incidents and deaths per month](iskp-activity.svg)" in md.read_text()
    assert chart.read_bytes().lstrip().startswith(b"<?xml")
    page = tmp_path / "iskp.html"
    assert run("--db", pristine_demo, "brief", "--actor", "ISKP", "--format", "html", "-o", page).exit_code == 0
    html = page.read_text()
    assert html.startswith("<!DOCTYPE html>") and "<svg" in html and "Contested attributions" in html
    assert "src=\"http" not in html and "href=\"http" not in html  # nothing is loaded from elsewhere
    pdf = tmp_path / "iskp.pdf"
    assert run("--db", pristine_demo, "brief", "--actor", "ISKP", "--format", "pdf", "-o", pdf).exit_code == 0
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert "CL-E935" in run("--db", pristine_demo, "brief", "--actor", "ISKP", "--format", "pdf").output
    assert "CL-E" in run("--db", pristine_demo, "brief", "--actor", "ISKP", "--format", "docx").output


def chart_matches_trends(db, brief_args, trends_args):
    """The brief's chart and activity counts against `trends --by month` over the same filters."""
    data = json.loads(run("--db", db, "brief", *brief_args, "--format", "json").stdout)
    monthly = json.loads(run("--db", db, "trends", *trends_args, "--by", "month", "--format", "json").stdout)
    counted = {r["period"]: (r["events"], r["fatalities"]) for r in monthly}
    chart = data["chart"]
    for month, incidents, deaths in zip(chart["months"], chart["incidents"], chart["fatalities"]):
        assert counted.get(month, (0, 0)) == (incidents, deaths), month
    assert sum(chart["incidents"][-12:]) == data["activity"]["incidents"]
    assert sum(chart["fatalities"][-12:]) == data["activity"]["fatalities"]
    return data


def test_the_chart_counts_what_trends_counts(pristine_demo):
    data = chart_matches_trends(pristine_demo, ("--actor", "ISKP"), ("--perpetrator", "ISKP"))
    assert [s["heading"] for s in data["sections"]][-3:] == ["Contested attributions (last 12 months)",
                                                              "Relations that changed", "Outlook (next month)"]


def test_a_confidential_contested_report_is_not_named(demo_copy):
    events = json.loads(run("--db", demo_copy, "events", "--perpetrator", "Taliban", "--format", "json").stdout)
    contested = next(e for e in events if any(a["stance"] == "denied" for a in e["attribution"]))
    assert contested["id"] in run("--db", demo_copy, "brief", "--actor", "Taliban").stdout
    run("--db", demo_copy, "confidential", "add", "--document", contested["document_id"], "--by", "Desk")
    for fmt in ("md", "json", "html"):
        text = run("--db", demo_copy, "brief", "--actor", "Taliban", "--format", fmt).stdout
        assert contested["id"] not in text and contested["document_id"] not in text


@pytest.mark.parametrize("fmt", ["md", "html", "pdf", "json"])
def test_a_directory_as_output_is_refused_and_leaves_nothing_behind(pristine_demo, tmp_path, fmt):
    """The Markdown chart was written beside a directory named as the output before the brief failed."""
    folder = tmp_path / "briefs"
    folder.mkdir()
    result = run("--db", pristine_demo, "brief", "--actor", "ISKP", "--format", fmt, "-o", folder)
    assert result.exit_code == 2 and "CL-E936" in result.output and "directory" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["briefs"] and not any(folder.iterdir())


def test_an_unknown_actor_is_named_as_the_brief_option(pristine_demo):
    """The brief has --actor, not --perpetrator: the error named an option the command does not take."""
    result = run("--db", pristine_demo, "brief", "--actor", "Talibann")
    assert result.exit_code == 2 and "CL-E700 --actor:" in result.output and "--perpetrator" not in result.output
    assert "'Taliban'" in result.output  # the near name is still suggested
