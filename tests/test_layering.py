"""Stages import only the model and shared utilities, never each other (DEVELOPERS.md)."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "conflictlens"
STAGES = ("ingest", "extract", "geo", "actors", "resolve", "store", "analysis", "export")
SHARED = ("model", "errors")


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return {n.split(".")[1] for n in names if n.startswith("conflictlens.") and len(n.split(".")) > 1}


def test_stages_do_not_import_each_other():
    for stage in STAGES:
        for path in (PACKAGE / stage).rglob("*.py"):
            used = imports_of(path) - {stage} - set(SHARED)
            assert not used, f"{path.relative_to(PACKAGE)} imports {used}"


def test_model_imports_nothing_of_ours():
    for path in (PACKAGE / "model").rglob("*.py"):
        assert imports_of(path) <= {"model"}, path
