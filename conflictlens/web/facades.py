"""ACLED- and UCDP-compatible read facades, so scripts written for those APIs read the local store.

Rows are the export stage's ACLED and UCDP GED rows (`Session.write_events`, through the gate), so
the column names and values are those of `conflictlens export --format acled|ucdp`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
from functools import lru_cache
from importlib.resources import files
from typing import Annotated, Any, Optional

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse, Response

from conflictlens.errors import ConflictLensError
from conflictlens.model.text import fold
from conflictlens.pipeline.filters import country_code
from conflictlens.web.context import MAX_PAGE, media_type
from conflictlens.web.reads import Ctx
from conflictlens.web.schemas import READ_ERRORS, ok_as
from conflictlens.web.selection import EventQuery, select_events

router = APIRouter(prefix="/api", responses=READ_ERRORS)
Text = Annotated[Optional[str], Query(max_length=1000)]


@lru_cache(maxsize=1)
def facade_table() -> dict[str, Any]:
    return json.loads(files("conflictlens.web").joinpath("data/facades.json").read_text(encoding="utf-8"))


def dataset_rows(session, layout: str, query: EventQuery) -> tuple[list[str], list[dict[str, str]]]:
    """The matching events as `layout` (acled, ucdp) export rows, and the layout's columns."""
    out = io.StringIO()
    session.write_events(layout, select_events(session, query), out)
    reader = csv.DictReader(io.StringIO(out.getvalue()))
    return list(reader.fieldnames or ()), list(reader)


# ------------------------------------------------------------------ ACLED

def acled_dates(event_date: str | None, where: str | None) -> tuple[dt.date | None, dt.date | None]:
    """ACLED's event_date (one date, or two joined by '|' with event_date_where=BETWEEN) as since/until."""
    if not event_date:
        return None, None
    parts = [_date(p, "event_date") for p in event_date.split("|")]
    operator = (where or ("BETWEEN" if len(parts) == 2 else "=")).strip().upper()
    if operator == "BETWEEN" and len(parts) == 2:
        return min(parts), max(parts)
    if len(parts) != 1:
        raise ConflictLensError("CL-E901", "give two dates joined by '|' with event_date_where=BETWEEN, "
                                "or one date", "event_date")
    day = parts[0]
    bounds = {"=": (day, day), ">=": (day, None), "<=": (None, day),
              ">": (day + dt.timedelta(days=1), None), "<": (None, day - dt.timedelta(days=1))}
    if operator not in bounds:
        raise ConflictLensError("CL-E901", "event_date_where is one of BETWEEN, =, >, <, >=, <=", "event_date_where")
    return bounds[operator]


def _date(value: str, name: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ConflictLensError("CL-E108", f"{value!r} is not a date; use YYYY-MM-DD", name) from None


def matches(row: dict[str, str], wanted: dict[str, set[str]]) -> bool:
    """Whether the row's column holds one of the wanted values, for every filter (compared folded)."""
    return all(fold(row.get(column, "")) in values for column, values in wanted.items())


def acled_filters(request: Request) -> dict[str, set[str]]:
    columns = facade_table()["acled"]["filters"]
    return {columns[name]: {fold(v) for v in value.split("|")}
            for name, value in request.query_params.items() if name in columns and value}


@router.get("/acled/read", summary="ACLED-compatible read (ACLED's parameters, response shape and columns)",
            responses=ok_as("application/json", "text/csv"))
def acled_read(ctx: Ctx, request: Request, country: Text = None, iso: Text = None, event_date: Text = None,
               event_date_where: Annotated[Optional[str], Query(max_length=10)] = None, event_type: Text = None,
               actor1: Text = None, admin1: Text = None,
               limit: Annotated[Optional[int], Query(ge=0, le=1_000_000)] = None,
               page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
               _format: Annotated[str, Query(pattern="^(json|csv)$")] = "json") -> Response:
    since, until = acled_dates(event_date, event_date_where)
    size = ctx.page_size(limit or min(facade_table()["acled"]["default_limit"], ctx.page_cap))
    with ctx.session() as session:
        header, rows = dataset_rows(session, "acled", EventQuery(since=since, until=until))
    rows = [r for r in rows if matches(r, acled_filters(request))]
    chosen = rows[(page - 1) * size: page * size]
    if _format == "csv":
        return Response(_csv(chosen, header), media_type=media_type("csv"))
    return JSONResponse({"status": 200, "success": True, "last_update": 0, "count": len(chosen),
                         "messages": [], "data": chosen, "filename": "conflictlens_acled"})


def _csv(rows: list[dict[str, str]], header: list[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


# ------------------------------------------------------------------ UCDP GED

@router.get("/gedevents/{version}", summary="UCDP GED-compatible read (UCDP's parameters and response shape)")
def ucdp_read(ctx: Ctx, request: Request,
              version: Annotated[str, Path(pattern=r"^\d{1,2}\.\d{1,2}$", description="e.g. 24.1")],
              pagesize: Annotated[Optional[int], Query(ge=1, le=MAX_PAGE)] = None,
              page: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
              StartDate: Optional[dt.date] = None, EndDate: Optional[dt.date] = None,
              Country: Annotated[Optional[str], Query(max_length=1000, description="ISO codes or names, comma-separated")] = None) -> dict[str, Any]:
    size = ctx.page_size(pagesize or facade_table()["ucdp"]["default_pagesize"])
    codes = {country_code(c.strip(), "Country") for c in Country.split(",") if c.strip()} if Country else set()
    with ctx.session() as session:
        events = [e for e in select_events(session, EventQuery(since=StartDate, until=EndDate))
                  if not codes or e.location.country in codes]
        out = io.StringIO()
        session.write_events("ucdp", events[page * size:(page + 1) * size], out)
    result = [_numbers(row) for row in csv.DictReader(io.StringIO(out.getvalue()))]
    pages = math.ceil(len(events) / size)
    return {"TotalCount": len(events), "TotalPages": pages,
            "PreviousPageUrl": _page_url(request, page - 1) if page > 0 else "",
            "NextPageUrl": _page_url(request, page + 1) if page + 1 < pages else "", "Result": result}


def _page_url(request: Request, page: int) -> str:
    return str(request.url.include_query_params(page=page))


def _numbers(row: dict[str, str]) -> dict[str, Any]:
    numeric = set(facade_table()["ucdp"]["numbers"])
    return {k: _number(v) if k in numeric else v for k, v in row.items()}


def _number(value: str) -> Any:
    if value == "":
        return None
    try:
        return int(value)
    except ValueError:
        try:
            number = float(value)
        except ValueError:
            return value  # an id that is not a number (one of our event ids)
        return number if math.isfinite(number) else value
