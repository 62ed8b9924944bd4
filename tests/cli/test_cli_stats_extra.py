"""Without the optional `stats` extra (scipy, statsmodels, scoringrules, matplotlib), the analysis
commands say what to install, with a coded error, never a traceback."""

from __future__ import annotations

import sys

import pytest

from conftest import run

ANALYSIS_MODULES = ("conflictlens.analysis.changepoint", "conflictlens.analysis.escalation",
                    "conflictlens.analysis.escalation_backtest", "conflictlens.analysis.forecast",
                    "conflictlens.analysis.forecast_scores", "conflictlens.analysis.brief",
                    "conflictlens.analysis.brief_sections", "conflictlens.analysis.brief_render",
                    "conflictlens.analysis.plots")


def without(monkeypatch, *packages: str) -> None:
    """As if `packages` were not installed: importing them raises ModuleNotFoundError."""
    for name in list(sys.modules):
        if name.partition(".")[0] in packages or name in ANALYSIS_MODULES:
            monkeypatch.delitem(sys.modules, name, raising=False)
    for package in packages:
        monkeypatch.setitem(sys.modules, package, None)


@pytest.mark.parametrize("args, missing", [
    (("escalation",), "scipy"),
    (("forecast", "--unit", "admin1"), "scipy"),
    (("brief", "--country", "AF"), "scipy"),
])
def test_statistics_without_the_stats_extra(pristine_demo, monkeypatch, args, missing):
    without(monkeypatch, "scipy", "statsmodels", "scoringrules", "matplotlib")
    result = run("--db", pristine_demo, *args)
    assert result.exit_code != 0 and "CL-E937" in result.output and "conflictlens[stats]" in result.output
    assert "Traceback" not in result.output


def test_a_chart_without_matplotlib(pristine_demo, monkeypatch, tmp_path):
    without(monkeypatch, "matplotlib")
    result = run("--db", pristine_demo, "trends", "--by", "month", "--plot", tmp_path / "t.png")
    assert result.exit_code != 0 and "CL-E937" in result.output and "matplotlib" in result.output
    assert not (tmp_path / "t.png").exists()


def test_an_html_brief_without_matplotlib(pristine_demo, monkeypatch, tmp_path):
    without(monkeypatch, "matplotlib")
    result = run("--db", pristine_demo, "brief", "--actor", "ISKP", "--format", "html", "-o", tmp_path / "b.html")
    assert result.exit_code != 0 and "CL-E937" in result.output and "matplotlib" in result.output
    assert "Traceback" not in result.output
