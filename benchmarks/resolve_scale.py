"""Incident resolution at scale: 100k and 1M generated events, same density, measured in one run.

    python benchmarks/resolve_scale.py [--sizes 100000 1000000] [--seed 11]

Each size runs in its own process, so the peak RSS printed is that run's own. Events are generated
as a time-ordered stream of reports (each incident reported 1-4 times within a few days, with tolls
revised, places sometimes missing or respelt, dates sometimes a day off), at a constant density
(events per province per day): ten times the events covers ten times the days, as a larger
archive would. Each event is profiled and resolved with the in-memory resolver (the same blocking,
scoring and clustering as the stored one), with a 60-day horizon so memory stays bounded.
Prints, per size: seconds (generation excluded), events/second, incidents found against incidents
generated, pairwise precision/recall against the generated truth, and peak RSS; then the time
ratio between sizes (goal: <= 12 for 10x the events) and the 1M time (goal: < 120 s on 2 cores).
No all-pairs comparison is made: candidates come from the blocking index only.

What users run on a store is timed by `--stores` (the goals of issue 16 are about it):

    python benchmarks/resolve_scale.py --stores 100000 1000000 [--keep DIR] [--against CHECKOUT]

Each size's store is filled once with `import ucdp --no-resolve` from benchmarks/import_scale.py's
real-layout rows (kept in DIR, reused by later runs), copied, and `conflictlens --db COPY incidents
resolve` is timed as its own process (start-up included): wall, CPU (user + system) and bytes
written. Beside it, in the same run: a bare pass reading and parsing every stored event record
(the least any re-resolve must do), and with --against, the same command run by another checkout's
code (e.g. main's) on another copy (--together: both at once, each its own process). Goals:
1,000,000 stored events in under 3 minutes, and 10x the events in at most 12x the time.
"""

from __future__ import annotations

import argparse
import gc
import heapq
import json
import random
import resource
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Iterator

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from conflictlens.model.records import Casualties, DateInfo, Event, Evidence, Location  # noqa: E402
from conflictlens.resolve.cluster import MemoryResolver  # noqa: E402
from conflictlens.evaluation.resolution_metrics import score  # noqa: E402
from conflictlens.resolve.profile import ActorKnowledge, Source, profile_of  # noqa: E402
from conflictlens.resolve.settings import settings  # noqa: E402

COUNTRIES = 40
PROVINCES = 12  # per country
PLACES = 25  # per province
INCIDENTS_PER_PROVINCE_DAY = 0.2
SUBS = ["Suicide bomb", "Remote explosive/landmine/IED", "Grenade", "Armed clash", "Attack",
        "Shelling/artillery/missile attack", "Air/drone strike", "Abduction/forced disappearance",
        "Peaceful protest", "Arrests"]
TARGETS = ["Police", "Military", "Private Citizens & Property", "Government (General)", "Business"]
ACTORS = [f"Group {i}" for i in range(30)]
WORDS = ("market checkpoint convoy school mosque clinic wedding funeral bazaar bridge highway camp office "
         "vehicle motorcycle rocket mortar drone patrol village compound bus truck shop hotel").split()
START = date(2015, 1, 1)
TRUTH_UP_TO = 200_000  # sizes up to this also score the clusters against the generated truth
_SYLLABLES = ("ka bu la ni sha ra go mi ze da ko tu wa ha li na pe so ri ma qa lo ba du fe".split())


def name(*numbers: int) -> str:
    """A made-up place name, distinct for each number tuple (numbers would collide when folded)."""
    value = 0
    for n in numbers:
        value = value * 1009 + n + 1
    parts = []
    while value:
        value, rest = divmod(value, len(_SYLLABLES))
        parts.append(_SYLLABLES[rest])
    return "".join(parts).capitalize()


def incidents(count: int, rng: random.Random) -> Iterator[tuple[int, int, dict]]:
    """(day, incident number, facts) in date order."""
    per_day = COUNTRIES * PROVINCES * INCIDENTS_PER_PROVINCE_DAY
    for n in range(count):
        day = int(n / per_day)
        country, province = rng.randrange(COUNTRIES), rng.randrange(PROVINCES)
        place = rng.randrange(PLACES)
        yield day, n, {
            "cidx": country, "country": f"C{country:02d}", "admin1": name(country, province),
            "admin2": name(country, province, place % 5, 7), "place": name(country, province, place, 3),
            # provinces about 200 km apart, places spread over 100 km within one
            "lat": 5 + (country % 8) * 7 + (province % 3) * 2 + (place % 5) * 0.2,
            "lon": 10 + (country // 8) * 9 + (province // 3) * 2 + (place // 5) * 0.2,
            "sub": rng.choice(SUBS), "target": rng.choice(TARGETS),
            "actor": rng.choice(ACTORS) if rng.random() < 0.4 else None,
            "killed": int(rng.expovariate(0.25)), "words": rng.sample(WORDS, 4),
        }


def reports(total: int, seed: int, worker: int = 0, workers: int = 1) -> Iterator[tuple[Event, Source, int]]:
    """The reports (event, source, true incident) of the first `total`, in the order they would arrive.

    With several workers, each gets the reports of its own countries (country number % workers).
    """
    rng = random.Random(seed)
    made, pending = 0, []  # heap of (arrival day, tie-break, incident, report number, facts)
    for day, n, facts in incidents(total, rng):
        for k in range(1 + int(rng.random() * 2.5)):
            heapq.heappush(pending, (day + rng.choice((0, 0, 1, 1, 2)), rng.random(), n, k, facts))
        while pending and (pending[0][0] < day or made >= total):
            arrival, tie, incident, k, f = heapq.heappop(pending)
            made += 1
            if made > total:
                return
            if f["cidx"] % workers == worker:
                yield (*_report(incident, k, arrival, f, random.Random(tie)), incident)


def _report(incident: int, k: int, arrival: int, f: dict, rng: random.Random) -> tuple[Event, Source]:
    day = START + timedelta(days=arrival - (1 if rng.random() < 0.6 else 0))
    event_day = START + timedelta(days=int(incident / (COUNTRIES * PROVINCES * INCIDENTS_PER_PROVINCE_DAY)))
    if rng.random() < 0.08:
        event_day += timedelta(days=1)  # a report off by a day
    iso = event_day.isoformat()
    precise = rng.random()
    place = f["place"] if precise < 0.7 else None
    location = Location(f["country"], f["admin1"], f["admin2"] if precise < 0.9 else None, place,
                        f["lat"] if place else None, f["lon"] if place else None,
                        "place" if place else "district" if precise < 0.9 else "province")
    killed = f["killed"] + (rng.randrange(3) if k else 0)  # later reports revise the toll upwards
    event_id = f"evt_{incident}_{k}"
    text = f"{' '.join(f['words'])} {f['place']} {killed} killed"
    event = Event(id=event_id, document_id=f"doc_{incident}_{k}", sub_event_type=f["sub"], target_type=f["target"],
                  date=DateInfo(iso, iso, "day"), location=location, perpetrator=f["actor"],
                  fatalities=Casualties.exact(killed), evidence={"summary": [Evidence(f"doc_{incident}_{k}", 0, 1, text)]})
    return event, Source(f"doc:{event.document_id}", f"Outlet {k}", "report", day.isoformat(), "C", event.document_id)


def run(size: int, seed: int, worker: int, workers: int) -> dict:
    """Resolve this worker's share of `size` reports; time it (generation excluded)."""
    s = settings()
    actors = ActorKnowledge({a: None for a in ACTORS})
    resolver = MemoryResolver(s, horizon_days=60)
    wall = cpu = 0.0
    events, predicted, gold = 0, {}, {}
    stream = reports(size, seed, worker, workers)
    for event, source, incident in stream:
        t0, c0 = time.perf_counter(), time.process_time()
        found, _ = resolver.add(profile_of(event, source, s, actors))
        wall += time.perf_counter() - t0
        cpu += time.process_time() - c0
        events += 1
        if size <= TRUTH_UP_TO:
            predicted[event.id], gold[event.id] = found, incident
    out = {"events": events, "wall": wall, "cpu": cpu, "incidents_found": resolver.incidents_started,
           "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    if predicted:
        scores = score(predicted, gold)
        out.update(correct_pairs=scores.correct_pairs, predicted_pairs=scores.predicted_pairs,
                   gold_pairs=scores.gold_pairs, incidents_generated=len(set(gold.values())))
    return out


def measure(size: int, seed: int, workers: int) -> dict:
    """One size: the workers run side by side, one process each (so each has its own peak RSS)."""
    procs = [subprocess.Popen([sys.executable, __file__, "--child", str(size), "--seed", str(seed),
                               "--worker", str(w), "--workers", str(workers)], stdout=subprocess.PIPE, text=True)
             for w in range(workers)]
    parts = []
    for proc in procs:
        stdout, _ = proc.communicate()
        if proc.returncode:
            raise SystemExit(f"worker failed with status {proc.returncode}")
        parts.append(json.loads(stdout))
    total = {"size": size, "workers": workers, "events": sum(p["events"] for p in parts),
             "seconds": round(max(p["wall"] for p in parts), 1), "cpu_seconds": round(sum(p["cpu"] for p in parts), 1),
             "max_worker_cpu_seconds": round(max(p["cpu"] for p in parts), 1),
             "incidents_found": sum(p["incidents_found"] for p in parts),
             "peak_rss_mb_per_worker": round(max(p["peak_rss_mb"] for p in parts))}
    total["cpu_us_per_event"] = round(total["cpu_seconds"] / total["events"] * 1e6)
    if "correct_pairs" in parts[0]:
        correct, found, truth = (sum(p[k] for p in parts) for k in ("correct_pairs", "predicted_pairs", "gold_pairs"))
        total.update(incidents_generated=sum(p["incidents_generated"] for p in parts),
                     pair_precision=round(correct / found, 3), pair_recall=round(correct / truth, 3))
    return total


def stored(size: int, seed: int) -> dict:
    """The same resolution through the SQLite store (what `conflictlens ingest` does), on `size` reports."""
    import tempfile

    from conflictlens.model.records import Document
    from conflictlens.pipeline.resolution import ResolutionContext, resolve_after_save
    from conflictlens.store import Store

    ctx = ResolutionContext(settings(), ActorKnowledge({a: None for a in ACTORS}))
    batch: list = []
    seconds = 0.0
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "bench.db") as store:
        for event, source, _ in reports(size, seed):
            doc = Document(id=event.document_id, text=event.id, published=source.reported_on, outlet=source.label)
            batch.append((doc, [event]))
            if len(batch) == 200:
                seconds += _save_and_resolve(store, batch, ctx, resolve_after_save)
                batch = []
        seconds += _save_and_resolve(store, batch, ctx, resolve_after_save)
    return {"stored_events": size, "seconds": round(seconds, 1), "events_per_second": round(size / seconds)}


def _save_and_resolve(store, batch, ctx, resolve_after_save) -> float:
    if not batch:
        return 0.0
    results = store.save_many(batch, "bench")
    started = time.perf_counter()
    resolve_after_save(store, batch, results, ctx)
    return time.perf_counter() - started


def calibration() -> float:
    """CPU seconds for a fixed pure-Python loop: how fast this machine runs Python right now."""
    started, total = time.process_time(), 0
    for i in range(5_000_000):
        total += i
    return round(time.process_time() - started, 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--workers", type=int, default=2, help="processes, each resolving its own countries")
    parser.add_argument("--stored", type=int, default=0,
                        help="also resolve this many reports through the SQLite store (the ingest path)")
    parser.add_argument("--stores", type=int, nargs="+", default=None,
                        help="time `incidents resolve` on stores of this many events instead (see above)")
    parser.add_argument("--keep", type=Path, default=None, help="folder for the --stores stores (reused)")
    parser.add_argument("--against", type=Path, default=None, help="another checkout to time beside this one")
    parser.add_argument("--keep-copies", action="store_true", help="leave the resolved copies in the --keep folder")
    parser.add_argument("--together", action="store_true",
                        help="with --against: run both checkouts at once, so both see the same load")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--worker", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stores:
        from stored_resolve import stored_runs  # beside this file
        stored_runs(args.stores, args.keep, args.against, args.keep_copies, args.together)
        return
    if args.child:
        # Profiles live long: collect young garbage less often (fewer full passes over the index).
        gc.set_threshold(100_000, 50, 100)
        print(json.dumps(run(args.child, args.seed, args.worker, args.workers)))
        return
    print(f"calibration: a 5,000,000-step Python loop takes {calibration()} s of CPU here "
          "(about 0.2 s on an unloaded recent laptop core)")
    results = []
    for size in args.sizes:
        results.append(measure(size, args.seed, args.workers))
        print(json.dumps(results[-1]), flush=True)
    for small, large in zip(results, results[1:]):
        factor = large["size"] / small["size"]
        print(f"{factor:.0f}x the events took {large['seconds'] / small['seconds']:.1f}x the time "
              f"({large['cpu_seconds'] / small['cpu_seconds']:.1f}x the CPU time); goal <= {factor * 1.2:.0f}x")
    if args.stored:
        print(json.dumps(stored(args.stored, args.seed)))
    largest = results[-1]
    print(f"{largest['size']:,} events resolved in {largest['seconds']} s on {largest['workers']} processes, "
          f"{largest['max_worker_cpu_seconds']} s of CPU for the busier one (goal < 120 s for 1,000,000 on 2 cores; "
          f"wall time exceeds CPU time only when other work shares the cores); "
          f"peak RSS {largest['peak_rss_mb_per_worker']} MB per process")


if __name__ == "__main__":
    main()
