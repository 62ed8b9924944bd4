"""The resolver's view of the stored incidents, kept in memory across the batches of one import.

Resolving an event asks two things of the store: which incidents have a member filed under the
event's probe keys (`IncidentStore.incidents_by_keys`), and which members of each such incident to
compare with (`IncidentStore.sample_profiles`). Asked per event, the queries and the JSON parsing of
profiles were most of the cost of an import with resolution. This index reads the keys of a whole
batch in one query, keeps what it read and what the batch added, and so reads each key and each
incident's sample once per import: the same answers, in the same order, as the per-event queries.

It stays true only while this connection is the one writing:
- another connection's commit (an ingest, an analyst's merge) changes SQLite's `data_version`, which
  `begin` checks inside each write transaction: then everything is read again;
- a member removed or updated (a revised row decided again) empties it (`forget`): rare, and the
  keys it was filed under are not known here;
- past `MAX_INCIDENTS` samples it drops the older ones (read again when needed), and past its key
  bound (`key_bound`: a share of the machine's memory) the keys of the older times it holds, so
  memory stays bounded on an import of any size. An index that holds every key of the store
  (*complete*: it began on a store with no keys) stays so: it remembers the latest time it dropped
  keys of, and asks the store only about keys of such times, which a date-ordered file seldom probes
  again.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from itertools import chain

from conflictlens.resolve.blocking import time_position
from conflictlens.resolve.cluster import sample_members
from conflictlens.resolve.profile import Profile, profile_from_json
from conflictlens.store.incidents import IncidentStore

MAX_KEYS: int | None = None  # blocking keys held (each with its incidents); None: `key_bound`
MIN_KEYS = 200_000  # keys held at least, whatever the machine: about 35 MB
KEY_BYTES = 180  # a held key with its tuple of one incident (of none: about 120), measured with tracemalloc
MEMORY_SHARE = 32  # of the machine's memory the held keys may take: 8 GB holds 1.49M keys, a 1M-event store's 1.27M
MAX_INCIDENTS = 50_000  # incidents whose sampled member profiles are held


class IncidentIndex:
    """Blocking keys -> incidents, and incident -> the members a new event is compared with."""

    def __init__(self) -> None:
        # key -> the incidents with a member filed under it, in the order their first such member was
        # filed: the order `incidents_by_keys` returns them in. A tuple, not a dict as an ordered set:
        # a key takes half the memory (most hold no incident or one), so twice as many are held.
        self._keys: dict[str, tuple[str, ...]] = {}
        self._max_keys = key_bound()
        self._samples: dict[str, list[Profile]] = {}
        self._version: int | None = None
        # Whether every key the store files a member under is held, but for the dropped times: true
        # from a store with no keys at all (a first import, re-resolving a store imported with
        # --no-resolve) until it is emptied. Then a key not held has no incidents, and asking the
        # store would only say so; it holds no such empty key.
        self._complete = False
        # Of a complete index: per kind of time part ("d", "m"), the latest whose keys it may have
        # dropped. A key not held of such a time, or of no known time, is asked of the store.
        self._dropped: dict[str, int | str] = {}
        # Of a complete index with dropped times: keys asked about, not held and of a time not dropped,
        # so known to hold no incident. Once keys were dropped (a store past the key bound) a resolve
        # asks this of some 30 probe keys an event, twice: testing them one by one in Python was a
        # sixth of the CPU past 160,000 events; `load_keys` subtracts the held and these in C, and
        # judges only keys not seen before. Emptied when `_dropped` changes and past MIN_KEYS keys.
        self._live_unheld: set[str] = set()
        # Of a complete index with dropped times: time part ("d|184231") -> whether its keys may have been
        # dropped. Probe keys are built as time + place, about 4 times x 8 places an event: a time is
        # judged once per mark, not once per key. Emptied when `_dropped` changes.
        self._time_verdicts: dict[str, bool] = {}

    def begin(self, incidents: IncidentStore) -> None:
        """Call inside each write transaction, before reading: drops what another connection may have changed."""
        version = incidents.data_version()
        if version != self._version:
            self.forget()
            self._complete = not incidents.any_blocks()
        else:
            self._shrink()
        self._version = version

    def _shrink(self) -> None:
        """Bound the memory: past MAX_INCIDENTS only the newest half of that many samples stay (the others
        are read again when needed); past the key bound the keys of the older times held go (a
        complete index stays so), or all of them."""
        if len(self._samples) > MAX_INCIDENTS:  # held in the order first read or founded: the newest stay
            self._samples = dict(list(self._samples.items())[-(MAX_INCIDENTS // 2):])
        if len(self._keys) <= self._max_keys:
            return
        if self._complete:
            self._drop_older_times()
        if len(self._keys) > self._max_keys // 2 or not self._complete:
            self.forget()

    def _drop_older_times(self) -> None:
        located = [(key, _position(key)) for key in self._keys]  # each key's time parsed once
        positions: dict[str, list[int | str]] = {}
        for _, found in located:
            if found is not None:
                positions.setdefault(found[0], []).append(found[1])
        for kind, held in positions.items():  # the newest two fifths of each kind stay
            held.sort()
            cut = held[len(held) - 1 - len(held) * 2 // 5]
            self._dropped[kind] = max(cut, self._dropped.get(kind, cut))  # type: ignore[type-var]
        self._live_unheld, self._time_verdicts = set(), {}
        self._keys = {key: self._keys[key] for key, found in located if not self._dropped_at(found)}

    def _in_dropped_time(self, key: str) -> bool:
        return key not in self._live_unheld and self._time_verdict(_time_part(key))

    def _time_verdict(self, time: str) -> bool:
        """`_time_dropped`, judged once per time part and mark."""
        verdict = self._time_verdicts.get(time)
        if verdict is None:
            verdict = self._time_verdicts[time] = self._time_dropped(time)
        return verdict

    def _of_dropped_times(self, keys: set[str]) -> set[str]:
        """Those of `keys` (none held) of a time whose keys may have been dropped, to be asked of the store;
        the others hold no incident, and are remembered so. Each time part is judged once per mark."""
        dropped = {key for key in keys if self._time_verdict(_time_part(key))}
        if len(self._live_unheld) + len(keys) > MIN_KEYS:
            self._live_unheld = set()
        self._live_unheld.update(keys.difference(dropped))
        return dropped

    def _time_dropped(self, time: str) -> bool:
        """Whether keys of this time part (`_time_part`: "" for a key of no time) may have been dropped."""
        return self._dropped_at(time_position(time))

    def _dropped_at(self, found: tuple[str, int | str] | None) -> bool:
        """Whether a key of this time position (`_position`) is of a time whose keys may have been dropped."""
        if found is None:
            return bool(self._dropped)
        mark = self._dropped.get(found[0])
        return mark is not None and found[1] <= mark  # type: ignore[operator]

    def forget(self) -> None:
        self._keys.clear()
        self._samples.clear()
        self._complete = False
        self._dropped = {}
        self._live_unheld, self._time_verdicts = set(), {}

    def load_keys(self, incidents: IncidentStore, keys: Iterable[str]) -> None:
        """Read the incidents filed under each of `keys` that may have some and is not held (one query per 500 keys)."""
        held, complete = self._keys, self._complete
        if complete and not self._dropped:
            return  # a key not held has no incident
        unknown = set(keys).difference(held)  # in C: most probe keys are held, or known to hold nothing
        if complete:
            unknown.difference_update(self._live_unheld)
            unknown = self._of_dropped_times(unknown)
        if unknown:
            missing = sorted(unknown)  # the order they are filed in here changes no answer
            found = incidents.incidents_under_keys(missing)
            for key in missing:
                held[key] = tuple(dict.fromkeys(found.get(key, ())))

    def incidents_by_keys(self, incidents: IncidentStore, keys: Sequence[str]) -> list[str]:
        """IncidentStore.incidents_by_keys, from memory: keys in sorted order, then filing order,
        as SQLite reads them through the key index."""
        self.load_keys(incidents, keys)
        held = self._keys
        hits = {key for key in keys if key in held}  # most probe keys hold no incident
        if not hits:
            return []
        return list(dict.fromkeys(chain.from_iterable([held[key] for key in sorted(hits)])))

    def sample(self, incidents: IncidentStore, incident_id: str, limit: int) -> list[Profile]:
        """The sampled members an event is compared with (IncidentStore.sample_profiles, parsed)."""
        found = self._samples.get(incident_id)
        if found is None:
            found = [profile_from_json(p) for p in incidents.sample_profiles(incident_id, limit)]
            self._samples[incident_id] = found
        return found

    def added(self, incident_id: str, profile: Profile, keys: Sequence[str], limit: int, founded: bool) -> None:
        """A member just filed under `keys` in `incident_id` (`founded`: the incident is new, with no other member)."""
        for key in keys:
            held = self._keys.get(key)
            if held is not None:
                if incident_id not in held:
                    self._keys[key] = (*held, incident_id)
            elif self._complete and not (self._dropped and self._in_dropped_time(key)):
                self._keys[key] = (incident_id,)  # stays complete: the store's answer is now known
        sample = self._samples.get(incident_id)
        if sample is not None:  # the first half and the latest half, as sample_profiles reads them
            self._samples[incident_id] = sample_members([*sample, profile], limit)
        elif founded:
            self._samples[incident_id] = [profile]


def _position(key: str) -> tuple[str, int | str] | None:
    """The kind and position of a blocking key's time part (blocking.time_position); None for another key."""
    return time_position(_time_part(key))


def _time_part(key: str) -> str:
    """blocking.time_of_key, or "" for a key with no time part."""
    cut = key.find("|", 2)
    return key[:cut] if cut > 0 else ""


def key_bound() -> int:
    """How many blocking keys an index holds: MAX_KEYS if set, else a MEMORY_SHARE of the machine's
    memory (at least MIN_KEYS). A bound never changes an answer: a complete index past it drops the
    keys of its older times and asks the store about them again."""
    if MAX_KEYS is not None:
        return MAX_KEYS
    try:
        memory = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):  # no sysconf (Windows) or no such name
        return MIN_KEYS
    return max(MIN_KEYS, memory // MEMORY_SHARE // KEY_BYTES)
