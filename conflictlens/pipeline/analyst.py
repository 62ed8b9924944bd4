"""The analyst's work on a session: incident corrections, actor edits, attribution overrides, source
grades and confidential marks. Mixed into `pipeline.session.Session`, so every command (and a library
user) reaches them through the one session; each write forgets what the session built from the
store's old contents (`Session.changed`).

What these return has passed the outbound gate (`pipeline.public`), as the jobs they call guarantee.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Sequence

if TYPE_CHECKING:
    from conflictlens.actors import ActorRegistry
    from conflictlens.pipeline.public import Public
    from conflictlens.pipeline.resolution import ResolutionContext
    from conflictlens.store import Store


class AnalystJobs:
    """Needs the Session's `store`, `required_store()`, `registry`, `actor_files`, `public`, `resolution`
    and `changed()`."""

    actor_files: tuple[str, ...]
    registry: ActorRegistry
    resolution: ResolutionContext
    public: Public
    store: Store | None

    # -- incidents (call `finish_pending` first) -------------------------------------------------

    def why(self, event_id: str) -> dict[str, Any]:
        """Why an event is in its incident: the other reports and what matched on each feature."""
        from conflictlens.pipeline.resolution_decisions import why
        return why(self.required_store(), event_id, self.resolution)

    def split(self, event_ids: Sequence[str], analyst: str, reason: str) -> dict[str, Any]:
        from conflictlens.pipeline.resolution_decisions import split
        return split(self.required_store(), event_ids, analyst, reason, self.resolution)

    def merge(self, ids: Sequence[str], analyst: str, reason: str) -> dict[str, Any]:
        from conflictlens.pipeline.resolution_decisions import merge
        return merge(self.required_store(), ids, analyst, reason, self.resolution)

    def decisions(self, ident: str | None = None) -> list[dict[str, Any]]:
        """The audit trail of splits and merges (those naming `ident` when given), oldest first."""
        from conflictlens.pipeline.resolution_decisions import decisions
        return decisions(self.required_store(), ident)

    def resolve_pending(self) -> Any:
        """Resolve every stored event not yet in an incident; the ResolutionReport."""
        from conflictlens.pipeline.resolution import resolve_pending
        return resolve_pending(self.required_store(), self.resolution)

    # -- the actor registry ----------------------------------------------------------------------

    def actors(self, actor_type: str | None = None, country: str | None = None) -> list[dict[str, Any]]:
        """Registry actors (with the analyst's edits), and their stored events when there is a store."""
        from conflictlens.pipeline.actors import list_actors
        return list(list_actors(self.registry, self.store, actor_type, country))

    def actor(self, name: str) -> dict[str, Any]:
        """One actor: names, hierarchy, dataset names; relations and events per year with a store."""
        from conflictlens.pipeline.actors import show_actor
        return show_actor(self.registry, self.store, name, self.public if self.store is not None else None)

    def candidates(self, status: str | None = None) -> list[dict[str, Any]]:
        """Organisations found in stored reports that the registry does not know (`status` filters)."""
        from conflictlens.pipeline.actors import candidates
        return candidates(self.registry, self.required_store(), status, public=self.public)

    def edit_actors(self, op: str, *args: Any, **options: Any) -> dict[str, Any] | None:
        """Record a registry edit: `op` is "merge", "add_alias", "add_actor" or "reject" (the
        functions of `pipeline.actors`, with their arguments); it holds for everything done later."""
        from conflictlens.pipeline import actors as wiring

        action = {"merge": wiring.merge, "add_alias": wiring.add_alias, "add_actor": wiring.add_actor,
                  "reject": wiring.reject}[op]
        try:
            return action(self.required_store(), *args, actor_files=self.actor_files, **options)
        finally:
            self.changed()

    # -- attribution, grades, confidential sources ------------------------------------------------

    def ledger(self, event_id: str) -> dict[str, Any]:
        """An event's attribution ledger (statements, ACH matrix, best answer, overrides)."""
        from conflictlens.pipeline.attribution import event_ledger
        return event_ledger(self.required_store(), event_id)

    def set_override(self, event_id: str, actor: str, analyst: str, why: str,
                     phrase: str | None = None) -> dict[str, Any]:
        from conflictlens.pipeline.attribution import set_override
        try:
            return set_override(self.required_store(), event_id, actor, analyst, why, phrase, self.registry)
        finally:
            self.changed()

    def clear_override(self, event_id: str, analyst: str, why: str) -> dict[str, Any]:
        from conflictlens.pipeline.attribution import clear_override
        try:
            return clear_override(self.required_store(), event_id, analyst, why)
        finally:
            self.changed()

    def grades(self) -> list[dict[str, Any]]:
        """The default reliability rules and the user's grades."""
        from conflictlens.pipeline.attribution import grade_table
        return grade_table(self.required_store())

    def set_grade(self, source: str, grade: str, analyst: str, why: str) -> str:
        from conflictlens.pipeline.attribution import set_source_grade
        try:
            return set_source_grade(self.required_store(), source, grade, analyst, why)
        finally:
            self.changed()

    def mark_confidential(self, *, person: str | None = None, document: str | None = None,
                          by: str | None = None, why: str | None = None) -> None:
        """Mark a person (by name) or a stored document (by id) as a confidential source."""
        from conflictlens.pipeline.attribution import mark_document, mark_person
        try:
            if person is not None:
                mark_person(self.required_store(), person, by, why)
            if document is not None:
                mark_document(self.required_store(), document, by, why)
        finally:
            self.changed()

    def confidential_entries(self) -> list[tuple[str, str, str | None, str | None, str]]:
        """The marks themselves, for the newsroom's own eyes (never for publication)."""
        from conflictlens.pipeline.attribution import confidential_entries
        return confidential_entries(self.required_store())
