"""The FastAPI application: `create_app(session_factory, public)` wires the routers, the coded error
handlers, the rate limit, the docs (Swagger UI from the swagger-ui-bundle package, served locally)
and the web page (Leaflet from xstatic-leaflet, served locally). Nothing loads from a CDN."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Any, Callable

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from conflictlens.errors import ConflictLensError
from conflictlens.pipeline.session import Session
from conflictlens.web.context import MAX_PAGE, PUBLIC_PAGE_CAP, PUBLIC_RATE, RateLimiter, WebContext, http_status
from conflictlens.web import facades, reads

_HTTP_CODES = {404: ("CL-E902", "no such route; see /docs for the API"),
               405: ("CL-E903", "this route does not take that method; see /docs")}


def create_app(session_factory: Callable[[], Session], public: bool = False, *, rate_per_minute: int | None = None,
               page_cap: int | None = None) -> FastAPI:
    """The web app over the sessions `session_factory` opens. `public`: read-only (no write routes),
    pages of at most `page_cap` rows and `rate_per_minute` requests per client."""
    app = FastAPI(title="conflictlens", version=_version(), docs_url=None, redoc_url=None,
                  description="Structured, sourced event records of political violence: read API, ACLED- and "
                              "UCDP-compatible facades" + ("" if public else ", and analyst writes with a token") + ".")
    limiter = RateLimiter(rate_per_minute or PUBLIC_RATE) if public or rate_per_minute else None
    app.state.context = WebContext(session_factory, public, page_cap or (PUBLIC_PAGE_CAP if public else MAX_PAGE),
                                   limiter)
    app.include_router(reads.router)
    app.include_router(facades.router)
    if not public:
        from conflictlens.web import writes
        app.include_router(writes.router)
    _add_error_handlers(app)
    _add_rate_limit(app)
    _add_pages(app)
    return app


def error_body(exc: ConflictLensError) -> dict[str, Any]:
    return {"error": {"code": exc.code, "message": exc.message, "subject": exc.subject}}


def coded_response(exc: ConflictLensError, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(exc), status_code=http_status(exc.code), headers=headers)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ConflictLensError)
    async def coded(_request: Request, exc: ConflictLensError) -> JSONResponse:
        return coded_response(exc)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return coded_response(_validation_error(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code, message = _HTTP_CODES.get(exc.status_code, ("CL-E901", str(exc.detail)))
        body = {"error": {"code": code, "message": message, "subject": None}}
        return JSONResponse(body, status_code=exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def unexpected(_request: Request, exc: Exception) -> JSONResponse:
        failure = ConflictLensError("CL-E929", "the server failed on this request; please report it with the URL",
                                    type(exc).__name__)
        return coded_response(failure)


def _validation_error(exc: RequestValidationError) -> ConflictLensError:
    """The first invalid parameter, named, with what pydantic expected of it."""
    first = exc.errors()[0] if exc.errors() else {}
    where = ".".join(str(part) for part in first.get("loc", ()) if part not in ("query", "path", "body"))
    code = "CL-E912" if first.get("loc", ("",))[0] == "body" else "CL-E901"
    return ConflictLensError(code, f"{first.get('msg', 'invalid value')}; see /docs for this parameter",
                             where or "request")


def _add_rate_limit(app: FastAPI) -> None:
    limiter = app.state.context.limiter
    if limiter is None:
        return

    @app.middleware("http")
    async def rate_limit(request: Request, call_next):
        if request.url.path.startswith("/api/"):
            try:
                limiter.check(request.client.host if request.client else "unknown")
            except ConflictLensError as exc:
                return coded_response(exc, {"Retry-After": "60"})
        return await call_next(request)


def _add_pages(app: FastAPI) -> None:
    """/docs (Swagger UI), the page at / and its assets, all from installed packages or this package."""
    static = Path(str(files("conflictlens.web").joinpath("static")))
    for route, package in (("swagger", "swagger_ui_bundle"), ("leaflet", "xstatic.pkg.leaflet"),
                           ("markercluster", "xstatic.pkg.leaflet_markercluster")):
        folder = _asset_folder(package)
        if folder is not None:
            app.mount(f"/assets/{route}", StaticFiles(directory=folder), name=route)
    app.mount("/assets/app", StaticFiles(directory=static), name="app")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="conflictlens API",
                                   swagger_js_url="/assets/swagger/swagger-ui-bundle.js",
                                   swagger_css_url="/assets/swagger/swagger-ui.css",
                                   swagger_favicon_url="/assets/swagger/favicon-32x32.png")

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(static / "index.html", media_type="text/html")


def _asset_folder(package: str) -> str | None:
    """Where an asset package keeps its files (None when it is not installed: /docs or the map degrade)."""
    import importlib

    try:
        module = importlib.import_module(package)
    except ImportError:
        return None
    return str(getattr(module, "swagger_ui_path", None) or getattr(module, "BASE_DIR"))


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("conflictlens")
    except PackageNotFoundError:
        return "0"
