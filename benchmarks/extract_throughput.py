"""Extraction speed on real reports, through the command users type, against a bare spaCy NER pass.

    python benchmarks/extract_throughput.py [--texts 1200] [--chunk 128]

Both sides are fresh processes over the same texts:
- `conflictlens extract --input FIFO --output events.jsonl` (the CLI path, every stage);
- a bare `en_core_web_sm` pass with only its parser disabled (the baseline), over the same texts.
Throughput is measured interleaved: both processes run at once, each reading its texts from a named
pipe, and the benchmark hands them the texts in turns, a chunk to one, then the same chunk to the
other, waiting each time until the process has read and worked through all it was given (its pipe
empty, the process asleep, its CPU time still). So the two sides see the same minutes of a shared
machine, whose CPU speed here swung by a third between runs a minute apart. The first 64 texts
(a batch: start-up, the lazy loads) are not counted; throughput is the rest of the texts over the CPU
seconds (user + system, from /proc) and the wall seconds of the windows in which each side worked.
Start-up is timed apart: one text, whole process, each side (goal <= 2 s for the first extraction).
Children run with their bytecode compiled, as an installed package is (see `child_env`).
Prints the ratios (goal: throughput >= 0.70x the bare pass), the peak RSS of the CLI process, and
each round's figures when `--rounds` > 1 with their medians. The first run of all is timed apart: it
also fills the start-up cache. Texts are the real GTD summaries in ../shared/data (AF/PK and every other
country, read in place: restricted data is never copied); without them it says so and uses the
bundled sample reports, repeated. Linux only (/proc, named pipes).
"""

from __future__ import annotations

import argparse
import fcntl
import statistics
import termios
from array import array
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


WARM_UP = 64  # texts before counting: start-up and the first batch (both sides pipe 64 at a time)


class Child:
    """One process reading JSONL texts from a named pipe; `feed` hands it lines and returns the CPU and
    wall seconds it took to work through them."""

    def __init__(self, command: list[str], fifo: Path, env: dict[str, str]) -> None:
        os.mkfifo(fifo)
        self.proc = subprocess.Popen(command + [str(fifo)], env=env, stdout=subprocess.DEVNULL)
        self.pipe = open(fifo, "wb")  # blocks until the child opens it for reading

    def cpu(self) -> float:
        with open(f"/proc/{self.proc.pid}/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def asleep(self) -> bool:
        with open(f"/proc/{self.proc.pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[1].split()[0] == b"S"

    def unread(self) -> int:
        count = array("i", [0])
        fcntl.ioctl(self.pipe.fileno(), termios.FIONREAD, count)
        return count[0]

    def feed(self, lines: list[str]) -> tuple[float, float]:
        cpu, start = self.cpu(), time.perf_counter()
        self.pipe.write("".join(lines).encode("utf-8"))
        self.pipe.flush()
        self.wait_idle()
        return self.cpu() - cpu, time.perf_counter() - start

    def wait_idle(self) -> None:
        """Until the pipe is empty and the process sleeps with its CPU time unchanged over 3 polls."""
        still, last = 0, -1.0
        while still < 3:
            time.sleep(0.03)
            now = self.cpu()
            still = still + 1 if now == last and self.unread() == 0 and self.asleep() else 0
            last = now

    def close(self) -> tuple[float, float]:
        """The rest of its work (a batch it kept waiting for more) and its exit."""
        cpu, start = self.cpu(), time.perf_counter()
        self.pipe.close()
        _pid, status, usage = os.wait4(self.proc.pid, 0)
        self.proc.returncode = os.waitstatus_to_exitcode(status)
        if self.proc.returncode:  # a side that crashed has no throughput to report
            raise subprocess.CalledProcessError(self.proc.returncode, self.proc.args)
        return usage.ru_utime + usage.ru_stime - cpu, time.perf_counter() - start


def interleaved(rows: list[dict], folder: Path, commands: tuple[list[str], list[str]], env: dict[str, str],
                chunk: int) -> dict:
    """CPU and wall seconds each side spent on the texts after the warm-up, their chunks in turns."""
    lines = [json.dumps(r) + "\n" for r in rows]
    sides = {"cli": Child(commands[0], folder / "cli.fifo", env), "bare": Child(commands[1], folder / "bare.fifo", env)}
    totals = {f"{name}_{unit}": 0.0 for name in sides for unit in ("cpu", "wall")}
    chunks = [lines[:WARM_UP]] + [lines[i:i + chunk] for i in range(WARM_UP, len(lines), chunk)]
    for index, texts in enumerate(chunks):
        order = list(sides.items()) if index % 2 else list(sides.items())[::-1]
        for name, child in order:
            cpu, wall = child.feed(texts)
            if index:
                totals[f"{name}_cpu"] += cpu
                totals[f"{name}_wall"] += wall
    for name, child in sides.items():
        cpu, wall = child.close()
        totals[f"{name}_cpu"] += cpu
        totals[f"{name}_wall"] += wall
    for name in sides:
        (folder / f"{name}.fifo").unlink()
    return totals



def run_round(rows: list[dict], folder: Path, env: dict[str, str], cold: bool, chunk: int) -> dict[str, float]:
    one = folder / "one.jsonl"
    write_jsonl(rows[:1], one)
    cli = [sys.executable, "-m", "conflictlens.cli", "--db", ":memory:", "extract",
           "--output", str(folder / "events.jsonl"), "--input"]
    bare = [sys.executable, "-c", BARE_NER]
    figures = {}
    if cold:  # the very first run: bytecode compiled and the start-up cache filled (then kept, as a user's is)
        figures["cli_cold"], figures["cli_cold_cpu"], _ = timed(cli + [str(one)], env)
    figures["cli_one"], figures["cli_one_cpu"], figures["cli_one_rss"] = timed(cli + [str(one)], env)
    figures["bare_one"], figures["bare_one_cpu"], _ = timed(bare + [str(one)], env)
    figures.update(interleaved(rows, folder, (cli, bare), env, chunk))
    figures["cli_rss"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    counted = len(rows) - WARM_UP
    for unit in ("cpu", "wall"):
        figures[f"cli_rate_{unit}"] = counted / figures[f"cli_{unit}"]
        figures[f"bare_rate_{unit}"] = counted / figures[f"bare_{unit}"]
        figures[f"ratio_{unit}"] = figures[f"cli_rate_{unit}"] / figures[f"bare_rate_{unit}"]
    return figures


def report(figures: dict[str, float]) -> None:
    print(f"first extraction (one text, whole process): conflictlens {figures['cli_one']:.2f} s, "
          f"bare spaCy {figures['bare_one']:.2f} s, ratio {figures['cli_one'] / figures['bare_one']:.2f}   (goal <= 2 s)")
    print(f"  the same in CPU seconds: conflictlens {figures['cli_one_cpu']:.2f} s, "
          f"bare spaCy {figures['bare_one_cpu']:.2f} s")
    print(f"  the very first run (bytecode compiled, start-up cache filled): {figures['cli_cold']:.2f} s, "
          f"{figures['cli_cold_cpu']:.2f} CPU seconds")
    print(f"throughput, interleaved: conflictlens extract {figures['cli_rate_cpu']:6.1f} texts per CPU second, "
          f"bare spaCy NER {figures['bare_rate_cpu']:6.1f}")
    print(f"ratio extraction / bare NER, CPU seconds: {figures['ratio_cpu']:.2f}   (goal >= 0.70)")
    print(f"  the same in wall seconds: {figures['cli_rate_wall']:.1f} against {figures['bare_rate_wall']:.1f} "
          f"texts/s, ratio {figures['ratio_wall']:.2f}")
    print(f"peak RSS of the CLI: {figures['cli_one_rss']:.0f} MB on one text, {figures['cli_rss']:.0f} MB on all "
          f"(goal <= 700 MB; streaming keeps it flat)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--texts", type=int, default=1200)
    parser.add_argument("--chunk", type=int, default=128, help="texts handed to each side in a turn")
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    rows, what = real_texts(args.texts)
    print(f"texts: {what}; the first {WARM_UP} not counted; chunks of {args.chunk}")
    rounds = []
    with tempfile.TemporaryDirectory() as tmp:
        env = child_env(Path(tmp))
        for index in range(args.rounds):
            rounds.append(run_round(rows, Path(tmp), env, cold=not index, chunk=args.chunk))
            if args.rounds > 1:
                print(f"round {index + 1}: CPU ratio {rounds[-1]['ratio_cpu']:.3f}, wall ratio "
                      f"{rounds[-1]['ratio_wall']:.3f}, first extraction CPU {rounds[-1]['cli_one_cpu']:.2f} s "
                      f"(bare {rounds[-1]['bare_one_cpu']:.2f} s)", flush=True)
        events = sum(len(json.loads(line)["events"]) for line in open(Path(tmp) / "events.jsonl", encoding="utf-8"))
    print(f"events extracted: {events}")
    figures = {key: statistics.median(r[key] for r in rounds) for key in rounds[-1]}
    if args.rounds > 1:
        print(f"medians of {args.rounds} rounds:")
    report({**rounds[0], **figures})  # the very first run is round 1's alone


if __name__ == "__main__":
    main()
