"""Distributed extraction: throughput of `extract --input` on 1 and 2 local Dask workers, as a ratio
in one run, over the same real texts (issue 16: expect close to 2x on 2 cores).

    python benchmarks/extract_scale.py [--texts 2000] [--small 200] [--repeat 1]

Every side is the command users type, run as a fresh process over the same JSONL file:
- `conflictlens extract --input docs.jsonl --output out.jsonl` (one process, for reference);
- the same with `--workers 1` and with `--workers 2` (a LocalCluster on loopback).
Each runs on the first `--small` texts and on all of them. Start-up (cluster, workers, each worker's
extractor) is the small run; throughput is (texts - small) / (all-texts time - small-run time), so
start-up neither flatters nor hurts it; wall time of the whole run is printed too. The outputs
of every side are checked byte-identical. Texts are the real GTD summaries in ../shared/data, read in
place (restricted data is never copied into the repo); without them it says so and stops.
The machine may be shared: run it more than once (--repeat) and read the range.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from extract_throughput import ROOT, real_texts, write_jsonl  # the same texts as the single-process benchmark

SIDES = {"one process": [], "1 worker": ["--workers", "1"], "2 workers": ["--workers", "2"]}


def timed(args: list[str]) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "conflictlens.cli", "--db", ":memory:", "-q", "extract", *args],
                   check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def measure(folder: Path, small: Path, every: Path) -> dict[str, tuple[float, float]]:
    """Per side: (small-run seconds, all-texts seconds); every side's output checked identical."""
    figures, outputs = {}, []
    for side, options in SIDES.items():
        out = folder / f"{side.replace(' ', '_')}.jsonl"
        figures[side] = (timed(["--input", str(small), "--output", str(out), *options]),
                         timed(["--input", str(every), "--output", str(out), *options]))
        print(f"  ({side}: load average {os.getloadavg()[0]:.1f} after it; other work on the machine slows every side)")
        outputs.append(out.read_bytes())
    if any(output != outputs[0] for output in outputs):
        raise SystemExit("outputs differ between sides: distributed extraction is broken")
    return figures


def report(figures: dict[str, tuple[float, float]], count: int, small: int) -> dict[str, float]:
    rates = {}
    for side, (start, whole) in figures.items():
        rates[side] = (count - small) / max(whole - start, 1e-9)
        print(f"  {side:12s} start-up {start:6.1f} s ({small} texts)  all {whole:6.1f} s  "
              f"throughput {rates[side]:6.1f} texts/s  whole run {count / whole:6.1f} texts/s")
    print(f"  ratio 2 workers / 1 worker: {rates['2 workers'] / rates['1 worker']:.2f}   (goal: close to 2 on 2 cores)")
    print(f"  ratio 1 worker / one process: {rates['1 worker'] / rates['one process']:.2f}   (Dask's overhead)")
    return rates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--texts", type=int, default=2000)
    parser.add_argument("--small", type=int, default=200, help="texts in the start-up run (two partitions)")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    rows, what = real_texts(args.texts)
    if not what.startswith("real"):
        print("notice: the GTD summaries (../shared/data/gtd) are not here; this benchmark needs real texts, skipped")
        return
    print(f"texts: {what}; CPUs: {len(os.sched_getaffinity(0))} (shared with whatever else runs)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_jsonl(rows[:args.small], folder / "small.jsonl")
        write_jsonl(rows, folder / "all.jsonl")
        ratios = []
        for run in range(1, args.repeat + 1):
            print(f"run {run}:")
            rates = report(measure(folder, folder / "small.jsonl", folder / "all.jsonl"), len(rows), args.small)
            ratios.append(rates["2 workers"] / rates["1 worker"])
    print(f"2 workers / 1 worker over {len(ratios)} run(s): {min(ratios):.2f} .. {max(ratios):.2f}")


if __name__ == "__main__":
    main()
