"""Read endpoints: events, incidents, actors, the network, attribution, search, aggregates, exports.
Every view reads through the request's Session and its outbound gate (pipeline.public), never the store."""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Annotated, Any, Literal, Optional

import orjson
from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse, Response

from conflictlens.errors import ConflictLensError
from conflictlens.model.records import Event
from conflictlens.pipeline.filters import country_code
from conflictlens.pipeline.interop import ExportFilters
from conflictlens.pipeline.session import Session
from conflictlens.web.aggregates import check_dimension, counted, grouped
from conflictlens.web.context import MAX_PAGE, WebContext, media_type
from conflictlens.web.schemas import READ_ERRORS, ok_as
from conflictlens.web.selection import EventQuery, event_json, page_of, select_events

router = APIRouter(prefix="/api", responses=READ_ERRORS)
Limit = Annotated[Optional[int], Query(ge=1, le=MAX_PAGE, description="Rows a page (a public server caps it).")]
Id = Annotated[str, Path(min_length=1, max_length=200)]
EventFormat = Literal["json", "ndjson", "csv", "geojson"]


def context(request: Request) -> WebContext:
    return request.app.state.context


Ctx = Annotated[WebContext, Depends(context)]


def event_query(
    country: Annotated[Optional[str], Query(max_length=100, description="ISO code or name, e.g. AF")] = None,
    admin1: Annotated[Optional[str], Query(max_length=200, description="First-level division")] = None,
    actor: Annotated[Optional[str], Query(max_length=200, description="Perpetrator: any name the registry knows")] = None,
    perpetrator: Annotated[Optional[str], Query(max_length=200, description="Same as actor")] = None,
    type: Annotated[Optional[str], Query(max_length=200, description="ACLED event or sub-event type, GTD attack type")] = None,
    since: Annotated[Optional[dt.date], Query(description="Earliest date, YYYY-MM-DD")] = None,
    until: Annotated[Optional[dt.date], Query(description="Latest date, YYYY-MM-DD")] = None,
    text: Annotated[Optional[str], Query(max_length=500, description="Words every source report contains")] = None,
    bbox: Annotated[Optional[str], Query(max_length=200, description="WEST,SOUTH,EAST,NORTH in degrees")] = None,
    near: Annotated[Optional[str], Query(max_length=200, description="LAT,LON,KM: within KM km of a point")] = None,
) -> EventQuery:
    return EventQuery(country, admin1, actor or perpetrator, type, since, until, text, bbox, near)


Filters = Annotated[EventQuery, Depends(event_query)]


class PageResponse(JSONResponse):
    """JSON of a page of events written by orjson: on 100 events (135 kB) 0.2 ms where json.dumps took
    5-13 ms, a good part of the page's time. The same bytes for what events hold (text, whole numbers,
    coordinates, dict keys that are text); a NaN would be written null, where json.dumps failed the request."""

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


def rendered(fmt: str, events: list[Event], session: Session, extra: dict[str, Any]) -> Response:
    """A page of events as json (with the next cursor), ndjson, csv or geojson (the cursor in a header)."""
    headers = {"X-Next-Cursor": extra["next_cursor"]} if extra.get("next_cursor") else {}
    if fmt == "json":
        return PageResponse({**extra, "count": len(events), "events": [event_json(e) for e in events]})
    if fmt == "ndjson":
        body = "".join(json.dumps(event_json(e), ensure_ascii=False) + "\n" for e in events)
    else:
        out = io.StringIO()
        session.write_events(fmt, events, out)
        body = out.getvalue()
    return Response(body, media_type=media_type(fmt), headers=headers)


@router.get("/events", summary="Events, filtered, a page at a time",
            responses=ok_as("application/json", "application/x-ndjson", "text/csv", "application/geo+json"))
def list_events(ctx: Ctx, filters: Filters, limit: Limit = None,
                cursor: Annotated[Optional[str], Query(max_length=200)] = None,
                format: EventFormat = "json") -> Response:
    size = ctx.page_size(limit)
    with ctx.session() as session:
        events, next_cursor = page_of(session, filters, size, cursor)
        return rendered(format, events, session, {"next_cursor": next_cursor})


@router.get("/events/{event_id}", summary="One event: every value with its evidence and source sentence")
def show_event(ctx: Ctx, event_id: Id) -> dict[str, Any]:
    with ctx.session() as session:
        return session.event(event_id)


@router.get("/incidents", summary="Merged incidents (one per real-world attack)")
def list_incidents(ctx: Ctx, country: Annotated[Optional[str], Query(max_length=100)] = None,
                   since: Optional[dt.date] = None, until: Optional[dt.date] = None,
                   min_members: Annotated[int, Query(ge=1, le=1000)] = 1, limit: Limit = None) -> dict[str, Any]:
    size = ctx.page_size(limit)
    with ctx.session() as session:
        rows = list(session.incidents(_country_code(country), _iso(since), _iso(until), min_members, size))
    return {"count": len(rows), "incidents": rows}


@router.get("/incidents/{incident_id}", summary="One incident (by its id, or a member event's id)")
def show_incident(ctx: Ctx, incident_id: Id) -> dict[str, Any]:
    with ctx.session() as session:
        record = session.incident(incident_id)
    if record is None:
        raise ConflictLensError("CL-E601", "no such incident; list them at /api/incidents", incident_id)
    return record


@router.get("/incidents/{incident_id}/why", summary="Why the reports of an incident were merged")
def why_incident(ctx: Ctx, incident_id: Id) -> dict[str, Any]:
    with ctx.session() as session:
        record = session.incident(incident_id)
        if record is None or not record.get("members"):
            raise ConflictLensError("CL-E601", "no such incident; list them at /api/incidents", incident_id)
        member = incident_id if incident_id.startswith("evt_") else record["members"][0]
        return session.why(member)


@router.get("/incidents/{incident_id}/decisions", summary="The analysts' splits and merges naming an incident or event")
def incident_decisions(ctx: Ctx, incident_id: Id) -> dict[str, Any]:
    with ctx.session() as session:
        rows = session.decisions(incident_id)
    return {"count": len(rows), "decisions": rows}


@router.get("/actors", summary="Registry actors, with their stored events")
def list_actors(ctx: Ctx, type: Annotated[Optional[str], Query(max_length=100)] = None,
                country: Annotated[Optional[str], Query(max_length=100)] = None) -> dict[str, Any]:
    with ctx.session() as session:
        rows = session.actors(type, country)
    return {"count": len(rows), "actors": rows}


# {name:path}: actor names may hold a slash ("Sipah-e-Sahaba/Pakistan (SSP)"), and the server decodes
# %2F before routing.
@router.get("/actors/{name:path}", summary="One actor: names, hierarchy, relations, events per year")
def show_actor(ctx: Ctx, name: Id) -> dict[str, Any]:
    with ctx.session() as session:
        return session.actor(name)


@router.get("/network", summary="The actor network (node-link JSON, dated and typed edges)")
def network(ctx: Ctx, since: Optional[dt.date] = None, until: Optional[dt.date] = None,
            actor: Annotated[Optional[str], Query(max_length=200)] = None,
            depth: Annotated[int, Query(ge=1, le=5)] = 2) -> dict[str, Any]:
    with ctx.session() as session:
        return session.network(_iso(since), _iso(until), actor, depth)


@router.get("/attribution/{event_id}", summary="Attribution ledger: statements, grades, ACH matrix, answer")
def attribution(ctx: Ctx, event_id: Id) -> dict[str, Any]:
    with ctx.session() as session:
        return session.ledger(event_id)


@router.get("/search", summary="Full-text search over stored reports")
def search(ctx: Ctx, q: Annotated[str, Query(min_length=1, max_length=500)],
           limit: Annotated[int, Query(ge=1, le=200)] = 20) -> dict[str, Any]:
    with ctx.session() as session:
        hits = session.public.search(q, limit)
        dropped = session.public.searched_words_dropped(q)
    return {"count": len(hits), "hits": hits, "words_dropped": dropped}


@router.get("/aggregates", summary="Counts and fatalities by admin1, admin2, country, week, month, type or actor")
def aggregates(ctx: Ctx, filters: Filters, by: Annotated[str, Query(max_length=20)] = "admin1") -> dict[str, Any]:
    dimension = check_dimension(by)
    with ctx.session() as session:
        if filters.text or filters.bbox or filters.near:  # words of the reports, places: only the events know
            groups = counted(select_events(session, filters), by)
        else:
            groups = grouped(session.aggregate_counts(
                dimension.column, country=filters.country or None, event_type=filters.event_type or None,
                perpetrator=filters.actor or None, admin1=filters.admin1 or None, since=filters.since,
                until=filters.until), by)
    return {"by": by, "groups": groups}


@router.get("/export/{fmt}", summary="Every matching event in an export format (acled, gtd, ucdp, geojson, ...)",
            responses=ok_as("text/csv", "application/geo+json", "application/json", "application/xml",
                            "application/x-ndjson"))
def export(ctx: Ctx, fmt: Annotated[str, Path(max_length=20)], filters: Filters, limit: Limit = None) -> Response:
    size = ctx.page_size(limit) if ctx.public else limit
    with ctx.session() as session:
        out = io.StringIO()
        session.write_events(fmt, list(select_events(session, filters, size)), out)
    return Response(out.getvalue(), media_type=media_type(fmt))


@router.get("/areas", summary="Province (admin1) or district (admin2) polygons with event counts and fatalities",
            responses=ok_as("application/geo+json"))
def areas(ctx: Ctx, filters: Filters, level: Literal["admin1", "admin2"] = "admin1") -> Response:
    """For a choropleth: the bundled boundaries (export --areas), one level, counted over the filtered events.
    admin1 and text filters are not applied here (the areas are counted by the export's own filters)."""
    chosen = ExportFilters(country=filters.country, since=_iso(filters.since), until=_iso(filters.until),
                           event_type=filters.event_type, perpetrator=filters.actor)
    with ctx.session() as session:
        out = io.StringIO()
        session.export("geojson", out, chosen, areas=True)
    collection = json.loads(out.getvalue())
    collection["features"] = [f for f in collection["features"] if f["properties"].get("level") == level]
    return JSONResponse(collection, media_type=media_type("geojson"))


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _country_code(country: str | None) -> str | None:
    """A country as users write it (code or name), as incidents store it (ISO alpha-2)."""
    return country_code(country, "country") if country else None
