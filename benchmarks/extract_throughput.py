"""Extraction speed on real reports, through the command users type, against a bare spaCy NER pass.

    python benchmarks/extract_throughput.py [--texts 1200] [--repeat 1]

Both sides run as fresh processes over the same JSONL file:
- `conflictlens extract --input docs.jsonl --output events.jsonl` (the CLI path, every stage);
- a bare `en_core_web_sm` pass with only its parser disabled (the baseline), over the same texts.
Each is run on one text and on all of them. Start-up is the one-text run; throughput is
(texts - 1) / (all-texts time - one-text time), so start-up does not flatter or hurt it.
Children run with their bytecode compiled, as an installed package is (see `child_env`).
Prints both, their ratios (goals: throughput >= 0.70x the bare pass; first extraction <= 2 s), the
peak RSS of the CLI process, and the CPU seconds of the one-text runs and the throughput ratio in CPU
seconds (steadier than wall time on a busy machine). The first run of all is timed apart: it also fills the start-up cache. Texts are the real GTD summaries in ../shared/data (AF/PK and every other
country, read in place: restricted data is never copied); without them it says so and uses the
bundled sample reports, repeated.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GTD = ROOT.parent / "shared" / "data" / "gtd"
GTD_FILES = ("gtd_2021q1_afpak_dev.csv", "gtd_2021h1_global_dev_odd_ids.csv")
BARE_NER = """
import json, sys
from conflictlens.extract.nlp import load_bare_ner
nlp = load_bare_ner()
texts = (json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8"))
for _doc in nlp.pipe(texts, batch_size=64):
    pass
"""


def real_texts(limit: int) -> tuple[list[dict], str]:
    rows = []
    for name in GTD_FILES:
        path = GTD / name
        if path.is_file():
            with open(path, encoding="utf-8-sig", newline="") as fh:
                rows += [{"id": r["eventid"], "text": r["summary"], "published": _published(r)}
                         for r in csv.DictReader(fh) if r.get("summary")]
    if rows:
        return rows[:limit], f"real GTD summaries ({len(rows[:limit])} of {len(rows)})"
    samples = sorted((ROOT / "conflictlens" / "samples").glob("*.txt"))
    texts = [{"id": f"{p.stem}-{i}", "text": p.read_text(encoding="utf-8")} for i in range(50) for p in samples]
    return texts[:limit], "NO real data found: bundled samples, repeated (figures are not comparable)"


def _published(row: dict) -> str | None:
    y, m, d = row.get("iyear", ""), row.get("imonth", ""), row.get("iday", "")
    return f"{int(y):04d}-{int(m):02d}-{max(int(d), 1):02d}" if y and m and d else None


def child_env(folder: Path) -> dict[str, str]:
    """The children run as an installed package does: with its bytecode compiled (pip compiles it on
    install, as spaCy's is in site-packages). Without this, a checkout under PYTHONDONTWRITEBYTECODE
    compiled every conflictlens module from source in every run, about 0.2 s of the first extraction.
    Their start-up cache (conflictlens/model/cache.py) is a folder of this run's, filled by the first
    run as a user's is by their first `extract`; that first run is timed on its own ("cli_cold")."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONPYCACHEPREFIX": str(folder / "pycache"),
           "CONFLICTLENS_CACHE_DIR": str(folder / "cache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system: less disturbed by a busy machine) and peak RSS (MB)
    of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return seconds, cpu, after.ru_maxrss / 1024


def write_jsonl(rows: list[dict], path: Path) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def run_both(rows: list[dict], folder: Path) -> dict[str, float]:
    one, every = folder / "one.jsonl", folder / "all.jsonl"
    write_jsonl(rows[:1], one)
    write_jsonl(rows, every)
    cli = [sys.executable, "-m", "conflictlens.cli", "--db", ":memory:", "extract", "--input"]
    bare = [sys.executable, "-c", BARE_NER]
    out = ["--output", str(folder / "events.jsonl")]
    env = child_env(folder)
    figures = {}
    # The very first run: bytecode compiled and the start-up cache filled (then kept, as a user's is).
    figures["cli_cold"], figures["cli_cold_cpu"], _ = timed(cli + [str(one)] + out, env)
    figures["cli_one"], figures["cli_one_cpu"], figures["cli_one_rss"] = timed(cli + [str(one)] + out, env)
    figures["bare_one"], figures["bare_one_cpu"], _ = timed(bare + [str(one)], env)
    figures["cli_all"], figures["cli_all_cpu"], figures["cli_rss"] = timed(cli + [str(every)] + out, env)
    figures["bare_all"], figures["bare_all_cpu"], _ = timed(bare + [str(every)], env)
    return figures


def rate(figures: dict[str, float], count: int, name: str, unit: str = "") -> float:
    """Texts per second (or per CPU second, `unit="_cpu"`) net of start-up: the one-text run's."""
    return (count - 1) / max(figures[f"{name}_all{unit}"] - figures[f"{name}_one{unit}"], 1e-9)


def report(figures: dict[str, float], count: int) -> None:
    cli_rate, bare_rate = rate(figures, count, "cli"), rate(figures, count, "bare")
    print(f"first extraction (one text, whole process): conflictlens {figures['cli_one']:.2f} s, "
          f"bare spaCy {figures['bare_one']:.2f} s, ratio {figures['cli_one'] / figures['bare_one']:.2f}   (goal <= 2 s)")
    print(f"  the same in CPU seconds: conflictlens {figures['cli_one_cpu']:.2f} s, "
          f"bare spaCy {figures['bare_one_cpu']:.2f} s")
    print(f"  the very first run (bytecode compiled, start-up cache filled): {figures['cli_cold']:.2f} s, "
          f"{figures['cli_cold_cpu']:.2f} CPU seconds")
    print(f"throughput: conflictlens extract {cli_rate:7.1f} texts/s, bare spaCy NER {bare_rate:7.1f} texts/s")
    print(f"ratio extraction / bare NER: {cli_rate / bare_rate:.2f}   (goal >= 0.70)")
    cli_cpu, bare_cpu = rate(figures, count, "cli", "_cpu"), rate(figures, count, "bare", "_cpu")
    print(f"  the same in CPU seconds (steadier on a busy machine): {cli_cpu:.1f} against {bare_cpu:.1f} "
          f"texts per CPU second, ratio {cli_cpu / bare_cpu:.2f}")
    print(f"peak RSS of the CLI: {figures['cli_one_rss']:.0f} MB on one text, {figures['cli_rss']:.0f} MB on all "
          f"(goal <= 700 MB; streaming keeps it flat)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--texts", type=int, default=1200)
    args = parser.parse_args()
    rows, what = real_texts(args.texts)
    print(f"texts: {what}")
    with tempfile.TemporaryDirectory() as tmp:
        figures = run_both(rows, Path(tmp))
        events = sum(len(json.loads(line)["events"]) for line in open(Path(tmp) / "events.jsonl", encoding="utf-8"))
    print(f"events extracted: {events}")
    report(figures, len(rows))


if __name__ == "__main__":
    main()
