"""An event id as a user gives it: whole, a confidential event's pseudonym, or the start of either.

Tables on a narrow terminal used to cut ids short, and nobody types sixteen hex digits by hand, so
every command taking an event id accepts any unique start of one. Starts are matched against the
ids output shows (a confidential event's pseudonym, never its real id), so a list of candidates
gives nothing away.
"""

from __future__ import annotations

from conflictlens.errors import ConflictLensError
from conflictlens.model.redaction import ConfidentialityPolicy
from conflictlens.store import Store
from conflictlens.store import ledger as stored
from conflictlens.store.lookup import event_ids_starting

SHOWN_CANDIDATES = 10  # an ambiguous start lists this many of the ids it matches
_COPIED_ELLIPSIS = "…"  # what a cut-off table cell ended with


def resolve_event_id(store: Store, given: str, policy: ConfidentialityPolicy) -> str:
    """The stored id of the event `given` names; a coded error when it names none or several."""
    text = given.strip().removesuffix(_COPIED_ELLIPSIS)
    if text and event_ids_starting(store, text, limit=1) == [text]:
        return text  # a whole id (also a confidential event's real id, as before)
    hidden = {policy.pseudonym(real): real for real in stored.event_ids_of_documents(store, policy.documents)}
    if text in hidden:
        return hidden[text]
    shown = _shown_ids_starting(store, text, hidden)
    if len(shown) == 1:
        return hidden.get(shown[0], shown[0])
    if not shown or not text:
        raise ConflictLensError("CL-E202", "no such event; list ids with `conflictlens events`", given)
    raise _ambiguous(given, shown)


def _shown_ids_starting(store: Store, text: str, hidden: dict[str, str]) -> list[str]:
    """Ids as output shows them that start with `text`, in order; enough of them to list candidates."""
    real_hidden = set(hidden.values())
    wanted = SHOWN_CANDIDATES + 1
    public = [i for i in event_ids_starting(store, text, limit=wanted + len(real_hidden)) if i not in real_hidden]
    return sorted(public + [p for p in hidden if p.startswith(text)])[:wanted]


def _ambiguous(given: str, shown: list[str]) -> ConflictLensError:
    listed = ", ".join(shown[:SHOWN_CANDIDATES]) + (", ..." if len(shown) > SHOWN_CANDIDATES else "")
    return ConflictLensError("CL-E401", f"more than one event id starts with this: {listed}; give more of the id",
                             given)
