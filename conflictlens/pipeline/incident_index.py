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
- past `MAX_KEYS` keys or `MAX_INCIDENTS` samples it empties itself, so memory stays bounded on an
  import of any size (a date-ordered file reads back only what its next rows need).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from conflictlens.resolve.cluster import sample_members
from conflictlens.resolve.profile import Profile, profile_from_json
from conflictlens.store.incidents import IncidentStore

MAX_KEYS = 200_000  # blocking keys held (each with its incidents); about 60 MB at most
MAX_INCIDENTS = 50_000  # incidents whose sampled member profiles are held


class IncidentIndex:
    """Blocking keys -> incidents, and incident -> the members a new event is compared with."""

    def __init__(self) -> None:
        # key -> the incidents with a member filed under it, in the order their first such member was
        # filed (a dict as an ordered set): the order `incidents_by_keys` returns them in.
        self._keys: dict[str, dict[str, None]] = {}
        self._samples: dict[str, list[Profile]] = {}
        self._version: int | None = None
        # Whether every key the store files a member under is held: true from a store with no keys
        # at all (a first import, re-resolving a store imported with --no-resolve) until it is emptied.
        # Then a key not held has no incidents, and asking the store would only say so.
        self._complete = False

    def begin(self, incidents: IncidentStore) -> None:
        """Call inside each write transaction, before reading: drops what another connection may have changed."""
        version = incidents.data_version()
        if version != self._version:
            self.forget()
            self._complete = not incidents.any_blocks()
        elif len(self._keys) > MAX_KEYS or len(self._samples) > MAX_INCIDENTS:
            self._shrink()
        self._version = version

    def _shrink(self) -> None:
        """Bound the memory: samples are read again when needed; keys known to have no incident can go
        while the index is complete (it stays so), else every key goes."""
        self._samples.clear()
        if self._complete:
            self._keys = {key: held for key, held in self._keys.items() if held}
        if len(self._keys) > MAX_KEYS // 2 or not self._complete:
            self.forget()

    def forget(self) -> None:
        self._keys.clear()
        self._samples.clear()
        self._complete = False

    def load_keys(self, incidents: IncidentStore, keys: Iterable[str]) -> None:
        """Read the incidents filed under each of `keys` not held yet (one query per 500 keys)."""
        missing = [key for key in dict.fromkeys(keys) if key not in self._keys]
        if missing:
            found = {} if self._complete else incidents.incidents_under_keys(missing)
            for key in missing:
                self._keys[key] = dict.fromkeys(found.get(key, ()))

    def incidents_by_keys(self, incidents: IncidentStore, keys: Sequence[str]) -> list[str]:
        """IncidentStore.incidents_by_keys, from memory: keys in sorted order, then filing order,
        as SQLite reads them through the key index."""
        held, wanted = self._keys, set(keys)
        if not wanted <= held.keys():
            self.load_keys(incidents, wanted)
        found: dict[str, None] = {}
        for key in sorted(wanted):
            found.update(held[key])
        return list(found)

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
                held.setdefault(incident_id, None)
            elif self._complete:  # stays complete: the store's answer for this key is now known
                self._keys[key] = {incident_id: None}
        sample = self._samples.get(incident_id)
        if sample is not None:  # the first half and the latest half, as sample_profiles reads them
            self._samples[incident_id] = sample_members([*sample, profile], limit)
        elif founded:
            self._samples[incident_id] = [profile]
