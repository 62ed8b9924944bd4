"""Layers (DEVELOPERS.md): stages import only the model and shared utilities, never each other; the
CLI imports only the pipeline, the model and the errors (never the store or another stage)."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "conflictlens"
STAGES = ("ingest", "extract", "geo", "actors", "resolve", "store", "analysis", "export")
SHARED = ("model", "errors")


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "conflictlens":
            names.update(f"conflictlens.{a.name}" for a in node.names)  # from conflictlens import pipeline
        elif isinstance(node, ast.ImportFrom) and node.module:
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


# The CLI's own rooms, and what it may reach: the pipeline (its Session and outbound gate), the
# model, the errors, and the evaluation harness (a measuring tool, not a stage).
CLI_ALLOWED = {"cli", "web", "pipeline", "model", "errors", "evaluation"}
# The web app reads as the CLI does: through the Session and its outbound gate only.
WEB_ALLOWED = {"web", "pipeline", "model", "errors"}


def test_cli_imports_neither_the_store_nor_any_stage():
    for path in (PACKAGE / "cli").rglob("*.py"):
        used = imports_of(path) - CLI_ALLOWED
        assert not used, f"{path.relative_to(PACKAGE)} imports {used}"


def test_web_imports_neither_the_store_nor_any_stage():
    paths = list((PACKAGE / "web").rglob("*.py"))
    assert paths
    for path in paths:
        used = imports_of(path) - WEB_ALLOWED
        assert not used, f"{path.relative_to(PACKAGE)} imports {used}"


def test_web_does_not_reach_the_store_through_the_session():
    """`session.store` / `required_store()` would hand the web layer the store itself, past the gate."""
    for path in (PACKAGE / "web").rglob("*.py"):
        text = path.read_text()
        assert ".required_store(" not in text and "session.store" not in text, path


def test_the_import_check_sees_every_form_of_import(tmp_path):
    source = tmp_path / "sample.py"
    source.write_text("from conflictlens import store\nimport conflictlens.geo.gazetteer\n"
                      "from conflictlens.extract.build import summarise\n")
    assert imports_of(source) == {"store", "geo", "extract"}


def test_only_the_outbound_gate_redacts_in_the_pipeline():
    """Everything that leaves is redacted in pipeline/public.py, once; no other wiring calls `redact`."""
    for path in (PACKAGE / "pipeline").rglob("*.py"):
        if path.name == "public.py":
            continue
        tree = ast.parse(path.read_text())
        called = {node.func.id for node in ast.walk(tree)
                  if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}
        assert "redact" not in called, f"{path.relative_to(PACKAGE)} calls redact outside pipeline/public.py"


def test_nothing_outside_the_store_reaches_its_internals():
    """Outside `store`, its tables are reached through `conflictlens.store`'s names and the store's
    repositories (`store.incidents`, `store.ledger`, ...), never `store.rows`, `store.query`, `store.sqlite`."""
    internals = {"conflictlens.store.rows", "conflictlens.store.query", "conflictlens.store.sqlite"}
    for path in PACKAGE.rglob("*.py"):
        if (PACKAGE / "store") in path.parents:
            continue
        tree = ast.parse(path.read_text())
        used = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)} | {
            a.name for node in ast.walk(tree) if isinstance(node, ast.Import) for a in node.names}
        assert not used & internals, f"{path.relative_to(PACKAGE)} imports {used & internals}"


def test_the_pipeline_does_not_import_the_measuring_tools():
    """`evaluation` measures through the pipeline; the pipeline (and so every job) never loads it."""
    for path in (PACKAGE / "pipeline").rglob("*.py"):
        assert "evaluation" not in imports_of(path), f"{path.relative_to(PACKAGE)} imports the evaluation room"


MAX_FUNCTION_LINES = 40  # DEVELOPERS.md: functions under ~40 lines, modules under ~400
MAX_MODULE_LINES = 400


def test_functions_and_modules_stay_small():
    too_long = []
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text()
        if text.count("\n") > MAX_MODULE_LINES:
            too_long.append(f"{path.relative_to(PACKAGE)}: {text.count(chr(10))} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    too_long.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {node.name}: {lines} lines")
    assert not too_long, too_long
