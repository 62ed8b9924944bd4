"""What every dataset importer shares: the imported record, actor links and the per-import context."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, NamedTuple

from conflictlens.model.records import Attribution, Casualties, Document, Event

# Bump when a mapping changes: every row then counts as revised and is rewritten on re-import.
IMPORTER_VERSION = "3"  # 3: UCDP place only at a place's where_prec, no sub-event type; GTD "X district" as the district
# 2: UCDP where_prec 5 is "country" (UCDP GED codebook), no longer "province"


@dataclass(frozen=True)
class ActorLink:
    """A dataset's actor name linked to the registry.

    `canonical` is the registry name, or the dataset's own name when the registry lacks it;
    `unidentified` marks placeholders ("Unidentified Armed Group (Afghanistan)", GTD "Unknown"),
    which never become a perpetrator.
    """

    canonical: str
    in_registry: bool = False
    unidentified: bool = False


# (dataset "acled"|"gtd"|"ucdp", name as the dataset writes it, ISO alpha-2 country, ISO date) -> link.
ActorLookup = Callable[[str, str, "str | None", "str | None"], ActorLink]


def names_as_given(dataset: str, name: str, country: str | None, date: str | None) -> ActorLink:
    """The lookup used when no registry is passed in: every name stays as the dataset writes it."""
    return ActorLink(name)


class Imported(NamedTuple):
    """One dataset row as stored: its document, its event, and the version string the store keys on."""

    document: Document
    event: Event
    version: str  # "<dataset>-import/<IMPORTER_VERSION>+<row digest>": a revised row is rewritten


class ImportContext:
    """Per-import state: the dataset, the file, its columns kept in Event.extra, and the actor look-up
    (which caches as it sees fit)."""

    def __init__(self, dataset: str, path: str, lookup: ActorLookup | None, extra_columns: tuple[str, ...]) -> None:
        self.dataset = dataset  # "ACLED", "GTD" or "UCDP": Event.dataset and the documents' outlet
        self.path = path
        # The file's columns with no field of their own, worked out once per file rather than per row.
        self.extra_columns = extra_columns
        self._lookup = lookup or names_as_given
        self._key = dataset.lower()

    def actor(self, name: str, country: str | None, date: str | None) -> ActorLink | None:
        name = name.strip()
        return self._lookup(self._key, name, country, date) if name else None

    def perpetrator(self, name: str, country: str | None, date: str | None) -> str | None:
        """The canonical actor a dataset names, or None for no one or an unidentified placeholder."""
        link = self.actor(name, country, date)
        return None if link is None or link.unidentified else link.canonical

    def version(self, digest: str) -> str:
        return f"{self.dataset.lower()}-import/{IMPORTER_VERSION}+{digest}"

    def document(self, doc_id: str, dataset_id: str, text: str, published: str | None = None) -> Document:
        return Document(id=doc_id, text=text.strip(), published=published, outlet=self.dataset,
                        source_path=self.path, external_id=dataset_id)

    def attribution(self, actor: str, stance: str, doc_id: str, channel: str | None = None) -> Attribution:
        return Attribution(actor=actor, stance=stance, by=self.dataset, channel=channel, document_id=doc_id)


def exact(n: int | None) -> Casualties:
    return Casualties() if n is None else Casualties.exact(n)
