"""Fault injection: SIGKILL the real command line at random points, then check nothing was lost or stranded.

    python scripts/fault_injection.py [--kills 54] [--seed 17] [--reports 450] [--rows 3000] [--keep DIR] [--code DIR]

Three commands run as users run them (`python -m conflictlens.cli ...` in a subprocess, from this
checkout): `ingest` of a folder of report files, `import gtd` of a GTD-layout CSV, and
`incidents resolve` after an `import --no-resolve` of that CSV. The reports and rows are invented
here (no restricted data). Each command first runs once to completion on its own database: the
clean result. Then, again and again, it starts on a fresh copy of its starting database and is
killed with SIGKILL after a random (seeded) delay, drawn between half the time the clean run took
to its first commit of work and the clean run's end; after each kill:
  - `PRAGMA integrity_check` must say ok;
  - no event may be in no incident unless the store's mark says some may be (migration 0007);
  - the same command is run again to completion, and the documents, events, incident memberships,
    merged incident records and every event's attribution ledger must equal the clean run's, by id.
Prints one line per kill and a summary: how many kills, how many landed mid-work, how many mismatches.
Exit status 1 if any check failed. tests/pipeline/test_fault_injection.py runs a bounded version.
`--code DIR` kills another checkout's command line instead (e.g. one from before the fix, to see
what it loses); a checkout without the mark reports every kill of `incidents resolve` as stranded.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run from a checkout without installing

from conflictlens.ingest.datasets import layout_of  # noqa: E402
from conflictlens.pipeline.interop import import_dataset  # noqa: E402
from conflictlens.store import Store  # noqa: E402

# Invented report material: (place, province, country as GTD names it, lat, lon).
PLACES = (("Dasht-e-Barchi", "Kabul", "Afghanistan", 34.48, 69.11),
          ("Jalalabad", "Nangarhar", "Afghanistan", 34.43, 70.45),
          ("Kunduz", "Kunduz", "Afghanistan", 36.73, 68.87),
          ("Lashkar Gah", "Helmand", "Afghanistan", 31.59, 64.37),
          ("Quetta", "Balochistan", "Pakistan", 30.18, 67.0),
          ("Peshawar", "Khyber Pakhtunkhwa", "Pakistan", 34.0, 71.57))
ATTACKS = (("A suicide bomber blew himself up at a {target} in {place}, {province}, on {day}, killing {k} people "
            "and wounding {w}, officials said.", "Bombing/Explosion", "Explosives"),
           ("Gunmen attacked a police checkpoint in {place} in {province} province on {day}, killing {k} "
            "policemen and injuring {w}.", "Armed Assault", "Firearms"),
           ("A roadside bomb struck a bus near {place}, {province}, on {day}, killing {k} passengers; "
            "{w} others were hurt.", "Bombing/Explosion", "Explosives"))
TARGETS = ("mosque", "market", "wedding hall", "school")
CLAIMS = ("The Taliban claimed responsibility for the attack.", "Islamic State Khorasan Province claimed the attack.",
          "No group claimed the attack; police blamed the Taliban.", "")
GROUPS = ("Taliban", "Khorasan Chapter of the Islamic State", "Taliban", "Unknown")
OUTLETS = ("Kabul Wire", "Pamir Post", "Frontier Daily")


@dataclass(frozen=True)
class Incident:
    """One invented attack, told by one to three outlets."""
    place: tuple
    attack: int
    target: str
    claim: int
    day: str
    killed: int
    wounded: int


def invent_incidents(count: int, seed: int) -> list[Incident]:
    rng = random.Random(seed)
    return [Incident(rng.choice(PLACES), rng.randrange(len(ATTACKS)), rng.choice(TARGETS), rng.randrange(len(CLAIMS)),
                     f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", rng.randint(1, 40), rng.randint(0, 60))
            for _ in range(count)]


def write_reports(folder: Path, count: int, seed: int = 17) -> Path:
    """`count` report files (.txt with a header block); about half the incidents have two or three reports."""
    folder.mkdir(parents=True, exist_ok=True)
    rng, written = random.Random(seed), 0
    for n, incident in enumerate(invent_incidents(count, seed)):
        for outlet in OUTLETS[:rng.choice((1, 1, 2, 3))]:
            if written == count:
                return folder
            place, province = incident.place[0], incident.place[1]
            text = ATTACKS[incident.attack][0].format(
                target=incident.target, place=place, province=province, day=_spelled(incident.day),
                k=incident.killed + rng.choice((0, 0, 1, 2)), w=incident.wounded)
            header = f"Title: Attack in {place}\nPublished: {incident.day}\nOutlet: {outlet}\n\n"
            (folder / f"report_{written:04d}.txt").write_text(header + f"{text} {CLAIMS[incident.claim]}\n",
                                                              encoding="utf-8")
            written += 1
    return folder


def _spelled(day: str) -> str:
    months = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")
    return f"{int(day[8:])} {months[int(day[5:7]) - 1]} {day[:4]}"


def write_gtd_csv(path: Path, rows: int, seed: int = 17) -> Path:
    """A GTD-layout CSV of `rows` invented rows; a few incidents are coded twice (with other ids), so some merge."""
    columns = layout_of("gtd").columns
    incidents = invent_incidents(max(1, rows * 2 // 3), seed)
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(columns)
        for i in range(rows):
            writer.writerow([_gtd_row(i, incidents[i % len(incidents)], rng).get(c, "") for c in columns])
    return path


def _gtd_row(i: int, incident: Incident, rng: random.Random) -> dict[str, str]:
    place, province, country, lat, lon = incident.place
    _, attack_type, weapon = ATTACKS[incident.attack]
    group = GROUPS[incident.claim]
    return {"eventid": f"2023{i:08d}", "iyear": incident.day[:4], "imonth": str(int(incident.day[5:7])),
            "iday": str(int(incident.day[8:])), "extended": "0", "country_txt": country, "region_txt": "South Asia",
            "provstate": province, "city": place, "latitude": f"{lat + rng.uniform(-0.01, 0.01):.4f}",
            "longitude": f"{lon + rng.uniform(-0.01, 0.01):.4f}", "specificity": "1",
            "summary": f"{incident.day}: an invented attack in {place}.", "attacktype1_txt": attack_type,
            "targtype1_txt": "Private Citizens & Property", "gname": group, "guncertain1": "0",
            "claimed": "1" if incident.claim < 2 else "0", "weaptype1_txt": weapon,
            "nkill": f"{incident.killed}.0", "nwound": f"{incident.wounded}.0", "dbsource": "INVENTED"}


# -- running and killing the command line ---------------------------------------------------------


@dataclass
class Scenario:
    name: str
    args: list[str]  # after `--db DB --quiet`
    progress: str  # the table whose first row marks the first commit of the command's work
    start_db: Path | None = None  # copied before every run; None: a new database
    clean: dict = field(default_factory=dict)
    seconds: float = 0.0  # how long the clean run took
    first_commit: float = 0.0  # when the clean run's first commit of work was seen

    def delay(self, rng: random.Random) -> float:
        """A random point of the run, from halfway to the first commit (imports and model loading
        before that are one long stretch in which a kill finds nothing stored) to the end."""
        return rng.uniform(self.first_commit / 2, self.seconds)

    def finished_within(self, seconds: float) -> None:
        """A run ended before `seconds` (the machine is less busy than for the clean run): draw from less."""
        self.first_commit *= seconds / self.seconds
        self.seconds = seconds


def cli(db: Path, args: list[str]) -> list[str]:
    return [sys.executable, "-m", "conflictlens.cli", "--db", str(db), "--quiet", *args]


def fresh(scenario: Scenario, db: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    if scenario.start_db is not None:
        shutil.copyfile(scenario.start_db, db)


def run_to_completion(db: Path, args: list[str], code: Path = REPO) -> None:
    done = subprocess.run(cli(db, args), cwd=code, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({done.returncode}): {done.stderr[-2000:]}")


def timed_run(db: Path, args: list[str], progress: str, code: Path = REPO) -> tuple[float, float]:
    """Run to completion, watching `progress`: (seconds in all, seconds until its first row was committed)."""
    started = time.perf_counter()
    proc = subprocess.Popen(cli(db, args), cwd=code, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    first = None
    while proc.poll() is None:
        if first is None and rows_in(db, progress):
            first = time.perf_counter() - started
        time.sleep(0.02)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({proc.returncode}): {proc.stderr.read()[-2000:]}")
    return seconds, seconds if first is None else first


def rows_in(db: Path, table: str) -> bool:
    if not db.exists():
        return False
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1) as conn:
            return conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is not None
    except sqlite3.Error:  # not created yet, or busy: not yet
        return False


def kill_after(db: Path, args: list[str], delay: float, code: Path = REPO) -> bool:
    """Start the command and SIGKILL it after `delay` seconds; False if it had finished already."""
    proc = subprocess.Popen(cli(db, args), cwd=code, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        proc.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        # An import's forked parsing worker outlives its killed parent and blocks forever on its
        # result pipe; end it too, so that runs do not pile up (it has written nothing itself).
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        return True


# -- what is compared --------------------------------------------------------------------------


def snapshot(db: Path) -> dict:
    """Documents, events, memberships, merged incidents and every event's attribution ledger, by id."""
    from conflictlens.pipeline.public import Public

    with Store.open(db) as store:
        one = store.connection.execute
        view = Public(store)  # the ledger as `conflictlens attribution EVENT_ID` shows it
        return {
            "documents": dict(one("SELECT id, extractor_version || ' ' || content_hash FROM documents")),
            "events": dict(one("SELECT id, record FROM events")),
            "memberships": dict(one("SELECT event_id, incident_id FROM incident_members")),
            "incidents": {i: (size, json.loads(r)) for i, r, size in one("SELECT id, record, size FROM incidents")},
            "ledger": {e.id: view.value(view.ledger(e).to_dict()) for e in store.iter_events()},
            "overrides": one("SELECT count(*) FROM attribution_overrides").fetchall(),
            # an import killed after dropping indexes for speed must not leave them missing (store/deferred_indexes.py)
            "indexes": dict(one("SELECT name, sql FROM sqlite_master WHERE type = 'index'")),
        }


def after_kill(db: Path) -> dict[str, object]:
    """What the kill left: integrity, events stored, events in no incident, and the store's mark."""
    with sqlite3.connect(db) as conn:  # a plain connection: conflictlens would start repairing
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "events" not in tables:
            return {"integrity": integrity, "events": 0, "members": 0, "stranded": 0, "marked": False}
        return {"integrity": integrity, "events": conn.execute("SELECT count(*) FROM events").fetchone()[0],
                "members": conn.execute("SELECT count(*) FROM incident_members").fetchone()[0],
                "stranded": conn.execute("SELECT count(*) FROM events AS e WHERE NOT EXISTS (SELECT 1 FROM "
                                         "incident_members AS m WHERE m.event_id = e.id)").fetchone()[0],
                "marked": conn.execute("SELECT count(*) FROM meta WHERE key = 'events_unresolved'").fetchone()[0] > 0}


def differences(clean: dict, got: dict) -> list[str]:
    return [part for part in clean if clean[part] != got[part]]


# -- the run -------------------------------------------------------------------------------------


def prepare(work: Path, reports: int, rows: int, seed: int, code: Path = REPO) -> list[Scenario]:
    """The inputs, the three scenarios, and each one's clean result."""
    folder = write_reports(work / "reports", reports, seed)
    table = write_gtd_csv(work / "gtd.csv", rows, seed)
    deferred = work / "deferred.db"  # as `import --no-resolve` leaves it
    if code == REPO:  # made here, without a second start-up
        with Store.open(deferred) as store:
            import_dataset("gtd", table, store, resolve=False, parallel=False)
    else:  # by the other checkout: this one's schema may be newer than it reads
        run_to_completion(deferred, ["import", "gtd", str(table), "--no-resolve"], code)
    scenarios = [Scenario("ingest", ["ingest", str(folder)], "events"),
                 Scenario("import", ["import", "gtd", str(table)], "events"),
                 Scenario("resolve", ["incidents", "resolve"], "incident_members", start_db=deferred)]
    for scenario in scenarios:
        db = work / f"clean_{scenario.name}.db"
        fresh(scenario, db)
        scenario.seconds, scenario.first_commit = timed_run(db, scenario.args, scenario.progress, code)
        scenario.clean = snapshot(db)
    return scenarios


def one_kill(scenario: Scenario, db: Path, rng: random.Random, code: Path = REPO) -> dict[str, object]:
    """Kill one run at a random point (drawing again while the run ends first), check, re-run, compare."""
    for _ in range(10):
        fresh(scenario, db)
        delay = scenario.delay(rng)
        if kill_after(db, scenario.args, delay, code):
            break
        scenario.finished_within(delay)
    else:
        return {"scenario": scenario.name, "killed": False, "problems": []}
    left = after_kill(db) if db.exists() else {"integrity": "ok", "events": 0, "members": 0, "stranded": 0,
                                               "marked": False}
    run_to_completion(db, scenario.args, code)
    problems = differences(scenario.clean, snapshot(db))
    if left["integrity"] != "ok":
        problems.append(f"integrity: {left['integrity']}")
    if left["stranded"] and not left["marked"]:
        problems.append(f"{left['stranded']} events stranded unmarked")
    return {"scenario": scenario.name, "delay": round(delay, 2), "killed": True, **left, "problems": problems}


def inject(work: Path, kills: int, seed: int, reports: int, rows: int, code: Path = REPO,
           say=print) -> dict[str, int]:
    """Prepare, then kill `kills` runs spread over the scenarios in turn; returns the totals."""
    rng = random.Random(seed)
    scenarios = prepare(work, reports, rows, seed, code)
    for s in scenarios:
        say(f"clean {s.name}: {s.seconds:.1f} s (first commit at {s.first_commit:.1f} s), "
            f"{len(s.clean['events'])} events, {len(s.clean['incidents'])} incidents")
    totals = {"kills": 0, "mid_work": 0, "stranded_after_kill": 0, "mismatches": 0}
    for n in range(kills):
        outcome = one_kill(scenarios[n % len(scenarios)], work / "killed.db", rng, code)
        say(json.dumps(outcome))
        totals["kills"] += outcome["killed"]
        # mid-work: some of the work was committed and some was not when the kill came
        done = outcome.get("members" if outcome["scenario"] == "resolve" else "events", 0)
        totals["mid_work"] += 0 < done < len(scenarios[n % len(scenarios)].clean["events"])
        totals["stranded_after_kill"] += outcome["scenario"] != "resolve" and outcome.get("stranded", 0) > 0
        totals["mismatches"] += bool(outcome["problems"])
    return totals


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kills", type=int, default=54)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--reports", type=int, default=450, help="report files to ingest (200 per batch)")
    parser.add_argument("--rows", type=int, default=3000, help="GTD rows to import")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--code", type=Path, default=REPO,
                        help="the checkout whose command line is killed (default this one; another one's "
                             "to see what it loses)")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="conflictlens_faults_"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        totals = inject(work, args.kills, args.seed, args.reports, args.rows, args.code.resolve())
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print(f"SUMMARY kills={totals['kills']} mid_work={totals['mid_work']} "
          f"stranded_after_kill={totals['stranded_after_kill']} mismatches={totals['mismatches']}")
    return 1 if totals["mismatches"] else 0


if __name__ == "__main__":
    sys.exit(main())
