"""benchmarks/news/evaluate.py: how gold incidents are matched to extracted events and scored."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "news"


def _module():
    spec = importlib.util.spec_from_file_location("news_evaluate", BENCH / "evaluate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _event(day: str, admin1: str, killed: int | None, perpetrator: str | None = None) -> dict:
    return {"date": {"start": day}, "location": {"country": "AF", "admin1": admin1, "place": admin1},
            "fatalities": {"best": killed}, "injured": {"best": None}, "perpetrator": perpetrator, "claimed": False}


def _gold(day: str, admin1: str, killed: int | None, perpetrator: str | None = None, **extra) -> dict:
    return {"date": day, "country": "AF", "admin1": admin1, "city": None, "fatalities": killed,
            "injured": None, "perpetrator": perpetrator, "claimed": None, **extra}


def test_each_incident_takes_the_event_of_its_day_and_place():
    ev = _module()
    incidents = [_gold("2020-05-12", "Kabul", 24), _gold("2020-05-12", "Nangarhar", 32)]
    events = [_event("2020-05-12", "Nangarhar", 32), _event("2020-05-13", "Kabul", 24), _event("2020-05-20", "Kabul", 5)]
    assert ev.match(incidents, events) == [events[1], events[0]]


def test_an_event_over_a_day_off_matches_nothing():
    ev = _module()
    assert ev.match([_gold("2020-05-12", "Kabul", 24)], [_event("2020-05-14", "Kabul", 24)]) == [None]


def test_a_missed_incident_is_wrong_on_every_field_it_codes():
    ev = _module()
    counts = ev.tally([(_gold("2020-05-12", "Kabul", 24), None)])
    assert counts["found"] == (0, 1) and counts["fatalities"] == (0, 1) and counts["claimed"] == (0, 0)


def test_perpetrator_null_means_unidentified_and_aliases_match_longer_names():
    ev = _module()
    unnamed = _gold("2020-05-12", "Kabul", 1)
    assert ev.field_correct(unnamed, _event("2020-05-12", "Kabul", 1), "perpetrator")
    assert not ev.field_correct(unnamed, _event("2020-05-12", "Kabul", 1, "Taliban"), "perpetrator")
    named = _gold("2020-05-12", "Kabul", 1, "Islamic State", perpetrator_aliases=["ISIL"])
    assert ev.field_correct(named, _event("2020-05-12", "Kabul", 1, "Islamic State of Iraq and the Levant (ISIL)"),
                            "perpetrator")


def test_the_gold_file_holds_facts_and_a_fixed_part_per_article():
    from conflictlens.evaluation import split_part
    articles = json.loads((BENCH / "gold.json").read_text(encoding="utf-8"))["articles"]
    assert len(articles) >= 30
    assert all(a["part"] == split_part(a["url"]) for a in articles)
    # "added" names the batch an article came in (absent: the first 34), so each batch can be scored apart
    assert all(set(a) - {"added"} == {"slug", "url", "published", "part", "incidents"} for a in articles)


def test_each_article_is_coded_once_with_a_day_and_incidents_of_known_fields():
    import datetime as dt
    articles = json.loads((BENCH / "gold.json").read_text(encoding="utf-8"))["articles"]
    # texts are read from <slug>.txt, and one page must not be scored twice under two names
    assert len({a["slug"] for a in articles}) == len({a["url"] for a in articles}) == len(articles)
    assert all(a["slug"] and a["url"].startswith("http") and dt.date.fromisoformat(a["published"]) for a in articles)
    fields = {"date", "country", "admin1", "city", "fatalities", "injured", "perpetrator", "claimed"}
    for incident in (i for a in articles for i in a["incidents"]):
        assert set(incident) - {"perpetrator_aliases"} == fields
        assert incident["date"] is None or dt.date.fromisoformat(incident["date"])


def test_a_batch_is_the_first_articles_or_those_added_under_its_name():
    ev = _module()
    first, later = {"slug": "a"}, {"slug": "b", "added": "hnews"}
    assert [ev.in_batch(a, "first") for a in (first, later)] == [True, False]
    assert [ev.in_batch(a, "hnews") for a in (first, later)] == [False, True]
    assert [ev.in_batch(a, None) for a in (first, later)] == [True, True]


def test_city_is_scored_as_gtd_scores_it_and_the_place_only_row_keeps_the_old_convention():
    ev = _module()
    gold = _gold("2020-05-12", "Khyber Pakhtunkhwa", 1) | {"city": "Lakki Marwat"}
    district_only = {"date": {"start": "2020-05-12"}, "fatalities": {"best": 1},
                     "location": {"admin1": "Khyber Pakhtunkhwa", "admin2": "Lakki Marwat", "place": None}}
    assert ev.field_correct(gold, district_only, "city")
    assert not ev.field_correct(gold, district_only, ev.PLACE_ONLY)
    respelt = {**district_only, "location": {"admin1": "Lower Juba", "place": "Kismayu"}}
    assert ev.field_correct(gold | {"city": "Kismayo"}, respelt, "city")
    assert not ev.field_correct(gold | {"city": "Kismayo"}, respelt, ev.PLACE_ONLY)
    assert not ev.field_correct(gold | {"city": "Bannu"}, district_only, "city")
    counts = ev.tally([(gold, district_only)])
    assert counts["city"] == (1, 1) and counts[ev.PLACE_ONLY] == (0, 1)


def test_an_article_whose_extract_run_fails_is_scored_as_no_events_and_said(tmp_path, capsys, monkeypatch):
    # a run that exits with an error: the benchmark goes on and says which article failed
    news = _module()
    bad = tmp_path / "garbage.txt"
    bad.write_text("x")
    monkeypatch.setattr(news.subprocess, "run", lambda *a, **k: news.subprocess.CompletedProcess(a, 1, "", "Error: CL-E999 boom"))
    assert news.extract(bad, "2024-01-01") == []
    assert "EXTRACT FAILED (exit 1) on garbage.txt: Error: CL-E999 boom" in capsys.readouterr().err


def test_admin1_is_scored_by_the_gtd_scorers_function_through_the_gazetteer():
    ev = _module()
    far_north = {**_gold("2021-03-02", "Extreme-North", 3), "country": "CM"}
    event = {**_event("2021-03-02", "Far North", 3), "location": {"country": "CM", "admin1": "Far North", "place": None}}
    assert ev.field_correct(far_north, event, "admin1")
    north = {**far_north, "admin1": "North"}
    assert not ev.field_correct(north, event, "admin1")
    borno = {**_gold("2021-03-02", "Borno State", 3), "country": "NG"}
    assert ev.field_correct(borno, {**_event("2021-03-02", "Borno", 3)}, "admin1")
