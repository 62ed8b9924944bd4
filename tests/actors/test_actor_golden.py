"""Golden resolution cases (tests/actors/golden/resolution.yaml): aliases in four scripts, acronyms,
typos, context branches and dated names, each with its method and score."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conflictlens.actors import ActorRegistry

GOLDEN = yaml.safe_load((Path(__file__).parent / "golden" / "resolution.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def reg() -> ActorRegistry:
    return ActorRegistry.load()


def _case_id(case: dict) -> str:
    return f"{case['name']}@{case.get('country', '')}{case.get('date', '')}"


@pytest.mark.parametrize("case", GOLDEN["names"], ids=_case_id)
def test_golden_name(reg, case):
    m = reg.resolve(case["name"], case.get("country"), case.get("date"))
    assert m is not None, case
    assert (m.canonical, m.method) == (case["expect"], case["method"])
    if "score" in case:
        assert m.score == case["score"]
    else:
        assert case["min_score"] <= m.score < 1.0


@pytest.mark.parametrize("case", GOLDEN["texts"], ids=lambda c: c["text"][:40])
def test_golden_text(reg, case):
    found = reg.find_actors(case["text"], case.get("country"), case.get("date"))
    assert [[m.text, m.canonical, m.method] for m in found] == case["expect"]
    for m in found:
        assert case["text"][m.start:m.end] == m.text


@pytest.mark.parametrize("name", GOLDEN["none"])
def test_golden_near_misses_resolve_to_nothing(reg, name):
    assert reg.resolve(name) is None


def test_golden_covers_every_method_and_script(reg):
    methods = {c["method"] for c in GOLDEN["names"]}
    assert methods >= {"exact", "alias", "acronym", "fuzzy", "context", "spelling"}
    arabic_script = [c for c in GOLDEN["names"] if any("\u0600" <= ch <= "\u06ff" for ch in c["name"])]
    assert len(arabic_script) >= 10
    typos = [c for c in GOLDEN["names"] if c["method"] == "fuzzy"]
    assert len(typos) >= 15
