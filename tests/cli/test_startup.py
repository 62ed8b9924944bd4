"""What a cold `conflictlens extract` does before its first event (issue 12): the collector runs
rarely, and with the start-up cache filled it parses no YAML and imports none of ingest's jobs."""

import gc
import os
import subprocess
import sys
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[2] / "conflictlens" / "samples" / "02_nangarhar_clinic.txt"
PROBE = """
import runpy, sys
sys.argv = ["conflictlens", "extract", sys.argv[1]]
try:
    runpy.run_module("conflictlens.cli", run_name="__main__")
except SystemExit:
    pass
print(sorted(m for m in ("yaml", "conflictlens.pipeline.network", "conflictlens.pipeline.resolution")
             if m in sys.modules), file=sys.stderr)
"""


def test_the_cli_collects_garbage_every_hundred_thousand_new_objects():
    import conflictlens.cli as cli

    assert gc.get_threshold()[0] == cli.CLI_GC_THRESHOLD[0] == 100_000


def test_a_run_with_the_cache_filled_reads_no_yaml_and_imports_no_ingest_job(tmp_path):
    env = {**os.environ, "CONFLICTLENS_CACHE_DIR": str(tmp_path / "cache")}
    runs = [subprocess.run([sys.executable, "-c", PROBE, str(SAMPLE)], env=env, cwd=tmp_path,
                           capture_output=True, text=True, check=True) for _ in range(2)]
    assert runs[0].stdout == runs[1].stdout and '"events"' not in runs[0].stderr
    assert "yaml" in runs[0].stderr.splitlines()[-1]  # the first run built the registry
    assert runs[1].stderr.splitlines()[-1] == "[]"
    assert {p.name for p in (tmp_path / "cache").iterdir()} == {"actor-registry.cache", "gazetteer.cache",
                                                                 "patterns.cache"}
