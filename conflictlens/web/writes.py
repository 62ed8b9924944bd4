"""Write endpoints (not on a public server): a bearer token with the `write` scope posts a report for
ingestion or makes an analyst's correction; every write is audited under the token's name (the
analyst of the correction is the token's name too)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path as FilePath
from typing import Annotated, Any, Callable, Optional

from fastapi import APIRouter, Depends, Path, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

from conflictlens.errors import ConflictLensError
from conflictlens.model.ids import document_id
from conflictlens.pipeline.session import Session
from conflictlens.web.context import WebContext
from conflictlens.web.reads import context
from conflictlens.web.schemas import error_responses

router = APIRouter(prefix="/api", responses=error_responses(400, 401, 403, 404, 409, 413, 503))
_bearer = HTTPBearer(auto_error=False, description="A token from `conflictlens tokens create NAME --scope write`")
Id = Annotated[str, Path(min_length=1, max_length=200)]
Reason = Annotated[str, Field(min_length=1, max_length=2000, description="Why (kept in the audit trail)")]
MAX_REPORT_CHARS = 1_000_000  # a posted report; bigger ones go through `conflictlens ingest`


class Holder(BaseModel):
    name: str
    scope: str


def token_holder(request: Request, credentials: Annotated[Optional[HTTPAuthorizationCredentials], Depends(_bearer)]
                 ) -> Holder:
    """The token's holder; CL-E907 without a live token, CL-E908 when its scope is not `write`."""
    ctx: WebContext = context(request)
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise ConflictLensError("CL-E907", "send 'Authorization: Bearer TOKEN' (create one with `conflictlens "
                                "tokens create NAME --scope write`)", "Authorization")
    with ctx.session() as session:
        found = session.token_holder(credentials.credentials)
    if found is None:
        raise ConflictLensError("CL-E907", "this token is unknown or revoked; ask for a new one", "Authorization")
    if found[1] != "write":
        raise ConflictLensError("CL-E908", "this token may only read; writes need a token with --scope write", found[0])
    return Holder(name=found[0], scope=found[1])


Writer = Annotated[Holder, Depends(token_holder)]
Ctx = Annotated[WebContext, Depends(context)]


def audited(ctx: WebContext, holder: Holder, action: str, subject: str | None, detail: dict[str, Any],
            job: Callable[[Session], Any]) -> Any:
    """Run `job` on a session and append the write to the audit trail under the token's name."""
    with ctx.session() as session:
        result = job(session)
        session.record_write(holder.name, action, subject, detail)
    return result


class Report(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_REPORT_CHARS)
    title: Optional[str] = Field(None, max_length=1000)
    published: Optional[str] = Field(None, max_length=40, description="YYYY-MM-DD")
    url: Optional[str] = Field(None, max_length=2000)
    outlet: Optional[str] = Field(None, max_length=500)
    confidential: bool = False


@router.post("/reports", summary="Ingest one report (extract and store its events)", status_code=201)
def post_report(ctx: Ctx, holder: Writer, report: Report) -> dict[str, Any]:
    record = report.model_dump(exclude={"confidential"}, exclude_none=True)

    def ingest(session: Session) -> dict[str, Any]:
        with tempfile.TemporaryDirectory(prefix="conflictlens-api-") as folder:
            path = FilePath(folder) / f"report-by-{holder.name}.json"
            path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
            done = session.ingest([path], confidential=report.confidential)
        if done.errors:
            raise done.errors[0]
        return {**done.to_dict(), "document_id": document_id(report.text)}

    return audited(ctx, holder, "report", report.title, {"confidential": report.confidential}, ingest)


class Override(BaseModel):
    actor: str = Field(min_length=1, max_length=300)
    why: Reason
    phrase: Optional[str] = Field(None, max_length=60, description="ICD 203 phrase, e.g. 'likely'")


class Clearing(BaseModel):
    why: Reason


@router.post("/attribution/{event_id}", summary="Override an event's attribution with the analyst's answer")
def set_override(ctx: Ctx, holder: Writer, event_id: Id, body: Override) -> dict[str, Any]:
    return audited(ctx, holder, "attribution set", event_id, body.model_dump(),
                   lambda s: s.set_override(event_id, body.actor, holder.name, body.why, body.phrase))


@router.post("/attribution/{event_id}/clear", summary="Go back to the rule's answer for an event")
def clear_override(ctx: Ctx, holder: Writer, event_id: Id, body: Clearing) -> dict[str, Any]:
    return audited(ctx, holder, "attribution clear", event_id, body.model_dump(),
                   lambda s: s.clear_override(event_id, holder.name, body.why))


class Split(BaseModel):
    event_ids: list[Annotated[str, Field(min_length=1, max_length=200)]] = Field(min_length=1, max_length=500)
    reason: Reason


class Merge(BaseModel):
    ids: list[Annotated[str, Field(min_length=1, max_length=200)]] = Field(min_length=2, max_length=500)
    reason: Reason


@router.post("/incidents/split", summary="Take events out of their incident into a new one")
def split(ctx: Ctx, holder: Writer, body: Split) -> dict[str, Any]:
    return audited(ctx, holder, "split", None, body.model_dump(),
                   lambda s: _resolved(s).split(body.event_ids, holder.name, body.reason))


@router.post("/incidents/merge", summary="Merge incidents (or events' incidents) into one")
def merge(ctx: Ctx, holder: Writer, body: Merge) -> dict[str, Any]:
    return audited(ctx, holder, "merge", None, body.model_dump(),
                   lambda s: _resolved(s).merge(body.ids, holder.name, body.reason))


class Alias(BaseModel):
    alias: str = Field(min_length=1, max_length=300)
    acronym: bool = False
    note: Optional[str] = Field(None, max_length=2000)


@router.post("/actors/{name}/aliases", summary="Add an alias (or acronym) to a registry actor")
def add_alias(ctx: Ctx, holder: Writer, name: Id, body: Alias) -> dict[str, Any]:
    result = audited(ctx, holder, "actor alias", name, body.model_dump(),
                     lambda s: s.edit_actors("add_alias", name, body.alias, acronym=body.acronym, by=holder.name,
                                             note=body.note))
    return {"recorded": result is not None, "edit": result}


@router.get("/audit", summary="The audit trail of API writes, newest first (needs a write token)")
def audit(ctx: Ctx, holder: Writer) -> dict[str, Any]:
    with ctx.session() as session:
        rows = session.api_writes()
    return {"count": len(rows), "writes": rows}


def _resolved(session: Session) -> Session:
    """Incident corrections start from a store whose events are all in incidents (as the CLI's do)."""
    session.finish_pending()
    return session
