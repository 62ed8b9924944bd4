"""The page at /: served with local assets only; in headless Chromium (Debian's, driven by Playwright) the
map draws points and a choropleth, a filter changes the count, an event shows its evidence highlighted,
and no request leaves 127.0.0.1. Screenshots go to $CONFLICTLENS_ARTIFACTS (else the test's tmp folder)."""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.web.web_helpers import client_over

pytest.importorskip("fastapi", reason="the web extra (fastapi) is not installed")
pytest.importorskip("httpx", reason="httpx (FastAPI's TestClient) is not installed")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


def test_page_and_its_assets_are_served_locally(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert sources and all(s.startswith("/") for s in sources), sources
    for source in sources:
        assert client.get(source).status_code == 200, source
    for script in ("app.js", "timeline.js", "network.js"):
        assert "http" not in client.get(f"/assets/app/{script}").text.replace("history", ""), script


@pytest.fixture(scope="module")
def server(demo_db):
    """uvicorn serving the demo store on a free local port, in a thread."""
    uvicorn = pytest.importorskip("uvicorn")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = client_over(demo_db).app
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(100):
        if server.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install -y chromium)")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def artifacts(tmp_path):
    folder = Path(os.environ.get("CONFLICTLENS_ARTIFACTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def loaded(page, before=None):
    page.wait_for_function("(before) => document.body.dataset.loaded && document.body.dataset.loaded !== before",
                           arg=before, timeout=20000)
    return page.evaluate("document.body.dataset.loaded")


def opened(browser, server, height=900):
    """The page at / loaded, the URLs it requests (kept as it goes on) and its load stamp."""
    page = browser.new_page(viewport={"width": 1400, "height": height})
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(server + "/")
    return page, requested, loaded(page)


def only_local(requested):
    hosts = {urlparse(url).hostname for url in requested if not url.startswith(("data:", "blob:"))}
    assert hosts == {"127.0.0.1"}, hosts


def test_map_timeline_filter_and_event_page_in_chromium(server, browser, artifacts):
    page, requested, stamp = opened(browser, server)
    assert not page.is_visible("#error")
    total = int(page.text_content("#count"))
    assert total > 10
    assert page.locator("path.cl-point").count() > 0  # points
    assert page.locator("path.cl-area-counted").count() > 0  # the choropleth
    assert page.locator("#timeline rect.bar").count() > 1
    page.screenshot(path=str(artifacts / "web_map.png"))

    page.fill("input[name=actor]", "Taliban")
    page.click("#filters button[type=submit]")
    loaded(page, stamp)
    filtered = int(page.text_content("#count"))
    assert 0 < filtered < total
    assert "actor=Taliban" in page.url  # the view lives in the URL
    page.screenshot(path=str(artifacts / "web_filtered.png"))

    page.click("#events tbody tr >> nth=0")
    page.wait_for_selector("#event-id", timeout=20000)
    page.wait_for_function("document.querySelector('main').hidden")
    page.wait_for_timeout(300)  # a painted frame for the screenshot
    assert page.locator("#event-body mark").count() > 0  # evidence highlighted in its sentence
    assert page.locator("#sources li").count() > 0 and not page.is_visible("#map")
    assert page.is_visible("#why")
    page.screenshot(path=str(artifacts / "web_event.png"))
    page.go_back()  # back to the filtered list, as it was
    page.wait_for_selector("#map", timeout=20000)
    assert int(page.text_content("#count")) == filtered
    page.close()

    only_local(requested)


def drag(page, selector_from, selector_to):
    start, end = page.locator(selector_from).bounding_box(), page.locator(selector_to).bounding_box()
    page.mouse.move(start["x"] + start["width"] / 2, start["y"] + 20)
    page.mouse.down()
    page.mouse.move(end["x"] + end["width"] / 2, end["y"] + 20, steps=8)
    page.mouse.up()


def test_clusters_weekly_brush_and_network_in_chromium(server, browser, artifacts):
    page, requested, stamp = opened(browser, server, height=1100)
    total = int(page.text_content("#count"))
    page.evaluate("state.map.setZoom(4)")
    page.wait_for_timeout(500)
    assert page.locator(".marker-cluster").count() > 0  # zoomed out, nearby points gather
    page.evaluate("state.map.setZoom(10)")
    page.wait_for_timeout(500)
    assert page.locator(".marker-cluster").count() == 0  # zoomed in, every point stands alone

    months = page.locator("#timeline rect.bar").count()
    page.click("#timeline-by button[data-by=week]")
    stamp = loaded(page, stamp)
    assert "timeline=week" in page.url and page.get_attribute("#timeline-by button[data-by=week]", "aria-pressed") == "true"
    weeks = page.get_attribute("#timeline", "data-periods").split(",")
    assert len(weeks) > months and all(re.fullmatch(r"\d{4}-W\d{2}", w) for w in weeks)
    assert int(page.text_content("#count")) == total

    first = weeks.index(next(w for w in weeks if w >= "2021-W10"))
    drag(page, f"#timeline rect.slot[data-i='{first}']", f"#timeline rect.slot[data-i='{first + 8}']")
    stamp = loaded(page, stamp)
    query = dict(p.split("=", 1) for p in page.url.split("?", 1)[1].split("&"))
    assert query["since"] == "2021-03-08" and query["until"] == "2021-05-09"  # ISO weeks 10 to 18 of 2021
    assert query["timeline"] == "week" and 0 < int(page.text_content("#count")) < total
    page.screenshot(path=str(artifacts / "web_brushed.png"))

    page.click("#clear")
    stamp = loaded(page, stamp)
    everyone = int(page.get_attribute("#network", "data-nodes"))
    assert everyone > 2 and page.locator("#network line.cl-edge").count() > 0
    page.click("#network g.cl-actor[data-name='Taliban'] circle")
    page.wait_for_selector("#actor-name", timeout=20000)
    assert page.text_content("#actor-name") == "Taliban"
    page.locator("#network-panel").screenshot(path=str(artifacts / "web_network.png"))
    page.click("#actor-filter")
    loaded(page, stamp)
    assert "actor=Taliban" in page.url and int(page.text_content("#count")) < total
    assert 1 < int(page.get_attribute("#network", "data-nodes")) <= everyone  # Taliban's own network
    assert page.locator("#network circle.cl-ego").count() == 1
    page.close()
    only_local(requested)
