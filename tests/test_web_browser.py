"""The web face in Debian's chromium, driven by Playwright against the real server.

Main paths: search → entity → quote → source; who with `at`; the SPARQL page with a named query
and a download; the language switch; an error page; keyboard use; pages without JavaScript; an
axe-core accessibility check (axe shipped in tests/data, MPL-2.0). Writes the README screenshot
docs/images/web-start.png.

In CI (CI=true) these tests must run; locally they are skipped only when chromium is missing.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from system_parts import need
from web_server import running_server

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
need(CHROMIUM, "chromium", "apt-get install chromium", module=True)

from playwright.sync_api import Page, expect, sync_playwright  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
AXE = Path(__file__).parent / "data" / "axe.min.js"
SCREENSHOT = REPO / "docs" / "images" / "web-start.png"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]


@pytest.fixture(scope="module")
def base_url():
    with running_server() as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(base_url=base_url, viewport={"width": 1200, "height": 800})
    outside: list[str] = []
    context.on(
        "request",
        lambda r: outside.append(r.url) if not r.url.startswith((base_url, "data:")) else None,
    )
    errors: list[str] = []
    pg = context.new_page()
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield pg
    context.close()
    assert not outside, f"requests left the server: {outside}"
    assert not [e for e in errors if "Content Security Policy" in e], errors


def test_search_entity_quote_source(page: Page):
    page.goto("/")
    box = page.get_by_label("Name, Abkürzung oder Thema")
    box.press_sequentially("NOOT", delay=30)
    suggestion = page.locator("#q-suggestions a").first
    expect(suggestion).to_contain_text("National Once Only")
    box.press("ArrowDown")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/entity\?id=ggd%3Anoots$"))
    expect(page.locator("h1")).to_contain_text("National Once Only Technical System")
    expect(page.get_by_role("heading", name="Beziehungen")).to_be_visible()
    link = page.locator("a.quote-link").first
    quote = page.locator("ul.evidence blockquote p").first.inner_text().strip("»«")
    link.click()
    page.wait_for_url(re.compile(r"/source\?id=.*#q-[0-9a-f]{12}$"))
    target = page.evaluate(
        "() => { const a = document.querySelector(location.hash);"
        " let n = a; while (n && n.tagName !== 'MARK') n = n.nextElementSibling;"
        " return n ? n.textContent : null; }"
    )
    assert target and quote.startswith(target[:40])
    assert page.evaluate("() => document.querySelectorAll('mark').length") > 20


def test_who_with_at(page: Page):
    page.goto("/who")
    page.get_by_label("Thema, Vorhaben, System").fill("Registermodernisierung")
    page.get_by_label("Stand am").fill("01.06.2025")
    page.get_by_role("button", name="Anzeigen").click()
    page.wait_for_url(re.compile(r"/who\?subject=Registermodernisierung&at=01\.06\.2025"))
    expect(page.locator("h1")).to_contain_text("Stand 1. Juni 2025")
    assert page.locator("li.entry").count() > 0
    expect(page.get_by_label("Stand am")).to_have_value("2025-06-01")


def test_sparql_named_query_and_download(page: Page):
    page.goto("/sparql")
    page.get_by_role("link", name="who-responsible").click()
    page.get_by_label(re.compile(r"^subject")).fill("NOOTS")
    page.get_by_role("button", name="Ausführen").click()
    expect(page.locator("table.results tbody tr").first).to_be_visible()
    with page.expect_download() as info:
        page.locator("a.download", has_text="CSV").click()
    download = info.value
    assert download.suggested_filename == "who-responsible.csv"
    text = Path(download.path()).read_text(encoding="utf-8")
    assert text.startswith("fact,") and "noots" in text
    with page.expect_download() as info:
        page.locator("a.download", has_text="JSON").click()
    data = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert data["results"]["bindings"]


def test_own_sparql_query_is_guarded(page: Page):
    page.goto("/sparql")
    page.get_by_label("SPARQL-Text").fill("DELETE WHERE { ?s ?p ?o }")
    page.get_by_role("button", name="Ausführen").click()
    expect(page.locator("h1")).to_contain_text("Ungültige Eingabe")
    expect(page.locator(".problem")).to_contain_text("UPDATE refused")


def test_language_switch(page: Page):
    page.goto("/entity?id=IT-PLR")
    expect(page.locator("html")).to_have_attribute("lang", "de")
    page.locator("#lang-switch").click()
    page.wait_for_url(re.compile(r"lang=en"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_contain_text("IT Planning Council")
    page.get_by_role("link", name="Who is responsible?").first.click()
    page.wait_for_url(re.compile(r"lang=en"))
    expect(page.locator("h1")).to_contain_text("Who is responsible")
    page.locator("#lang-switch").click()
    expect(page.locator("html")).to_have_attribute("lang", "de")


def test_error_page(page: Page):
    response = page.goto("/who?subject=RegMo&at=31.02.2026")
    assert response is not None and response.status == 400
    expect(page.locator("h1")).to_contain_text("Ungültige Eingabe")
    expect(page.locator(".problem")).to_contain_text("not a date")
    response = page.goto("/entity?id=Arbeitskreis")
    assert response is not None and response.status == 404
    page.get_by_role("link", name="Arbeitskreis Schul-IT").click()
    expect(page.locator("h1")).to_have_text("Arbeitskreis Schul-IT")


def test_keyboard_skip_link_and_search(page: Page):
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.type("Registermodernisierung")
    page.keyboard.press("Tab")  # the search button (suggestions are not in the tab order)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search\?q=Registermodernisierung"))
    expect(page.locator("table.results")).to_be_visible()


def test_works_without_javascript(browser, base_url):
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    pg = context.new_page()
    pg.goto("/")
    pg.get_by_label("Name, Abkürzung oder Thema").fill("Städtetag")
    pg.get_by_role("button", name="Suchen").click()
    pg.get_by_role("link", name="Städtetag Rheinland-Pfalz").first.click()
    expect(pg.locator("h1")).to_contain_text("Städtetag Rheinland-Pfalz")
    context.close()


AXE_PAGES = [
    "/",
    "/search?q=IT",
    "/entity?id=NOOTS",
    "/who?subject=RegMo&at=2026-01-01",
    "/what?actor=IT-PLR",
    "/deadlines",
    "/demands",
    "/sources",
    "/source?id=ggd:source-000_2f97107a3c89067a",
    "/network?focus=NOOTS",
    "/sparql?name=who-responsible&p.subject=NOOTS&run=1",
    "/who?subject=RegMo&lang=en",
    "/entity?id=Arbeitskreis",
    "/conflicts",
    "/source?id=NOOTSStVtr",
    "/who?subject=NOOTS&all=1&all_claims=1",
    "/path?a=IT-PLR&b=Bund",
    "/conflicts?about=NOOTS&at=2026-01-15",
]


def test_accessibility_axe(browser, base_url):
    """No serious or critical axe-core violations (WCAG 2 A/AA rules and best practices)."""
    # axe is injected as a script: only the test's context lifts the page's CSP for it.
    context = browser.new_context(base_url=base_url, bypass_csp=True)
    pg = context.new_page()
    found = {}
    for path in AXE_PAGES:
        pg.goto(path)
        pg.add_script_tag(path=str(AXE))
        result = pg.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
            ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length,"
            " sample: v.nodes[0] && v.nodes[0].html}))"
        )
        bad = [v for v in result if v["impact"] in ("serious", "critical")]
        if bad:
            found[path] = bad
    context.close()
    assert not found, json.dumps(found, indent=1, ensure_ascii=False)


def test_network_page_embeds_the_interactive_view(page: Page):
    page.goto("/entity?id=NOOTS")
    page.get_by_role("link", name="Netzwerk").last.click()
    page.wait_for_url(re.compile(r"/network\?focus=ggd%3Anoots"))
    frame = page.frame_locator("iframe.network")
    expect(frame.locator("#gg-network canvas")).to_be_visible()
    expect(frame.locator("body")).to_have_attribute("data-state", "stable", timeout=60_000)


def test_print_stylesheet_hides_navigation(page: Page):
    page.goto("/who?subject=RegMo")
    page.emulate_media(media="print")
    assert not page.locator("header.site nav").is_visible()
    assert not page.locator("form.filters").is_visible()
    assert page.locator("li.entry").first.is_visible()


def test_screenshot_for_readme(page: Page):
    """docs/images/web-start.png: the start page with search-as-you-type suggestions open."""
    page.goto("/")
    page.get_by_label("Name, Abkürzung oder Thema").press_sequentially("Regist", delay=30)
    expect(page.locator("#q-suggestions a").first).to_be_visible()
    png = page.screenshot(full_page=False)
    assert png.startswith(b"\x89PNG")


def _differs(old: bytes, new: bytes) -> bool:
    """More than anti-aliasing noise (a few pixels of the focus ring differ from run to run)."""
    import io

    from PIL import Image, ImageChops

    a, b = (Image.open(io.BytesIO(x)).convert("RGB") for x in (old, new))
    if a.size != b.size:
        return True
    box = ImageChops.difference(a, b).getbbox()
    return box is not None and (box[2] - box[0]) * (box[3] - box[1]) > 16


ANSWER_PAGES = [
    "/who?subject=NOOTS&at=2027-06-01",
    "/who?subject=Registermodernisierung",
    "/what?actor=FITKO",
    "/what?actor=Staedtetag",
    "/deadlines",
    "/demands",
    "/entity?id=ggd:noots-staatsvertrag",
    "/conflicts",
    "/conflicts?at=2026-01-15&source=NOOTSStVtr",
    "/sources",
    "/path?a=RegMo&b=MASTD",
    "/path?a=IT-PLR&b=Bund",
]


@pytest.mark.parametrize("width", [1280, 390])
def test_answer_pages_fit_the_screen(browser, base_url, width):
    """Every answer page at a desktop and a phone width: no sideways scrolling of the page,
    entries as cards whose text stays inside the screen."""
    context = browser.new_context(base_url=base_url, viewport={"width": width, "height": 900})
    pg = context.new_page()
    try:
        for path in ANSWER_PAGES:
            assert pg.goto(path).status == 200, path
            overflow = pg.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, (path, width, overflow)
            wider = pg.evaluate(
                """w => [...document.querySelectorAll('li.entry, main p, main h1, main h2')]
                   .filter(e => e.getBoundingClientRect().right > w + 1).length""",
                width,
            )
            assert wider == 0, (path, width)
            if path.startswith(
                ("/who", "/what", "/deadlines", "/demands", "/conflicts", "/sources", "/path")
            ):
                assert pg.locator("li.entry").count() > 0, path
            if os.environ.get("GOVGRAPH_SCREENSHOTS"):
                name = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-")
                Path(os.environ["GOVGRAPH_SCREENSHOTS"], f"{name}-{width}.png").write_bytes(
                    pg.screenshot(full_page=False)
                )
    finally:
        context.close()


def test_who_noots_page_shows_the_treaty_shares_and_the_overruled_report(page: Page):
    page.goto("/who?subject=NOOTS&at=2027-06-01")
    funding = page.locator("section.group", has=page.get_by_role("heading", name="Finanzierung"))
    expect(funding).to_contain_text("Finanzierung 53,4 % ab 2027")
    expect(funding).to_contain_text("Finanzierung 46,6 % ab 2027")
    expect(funding.locator("p.overruled").first).to_contain_text(
        "GB StT RLP sagte »Ab dem Jahr 2027 soll die Finanzierung hälftig"
    )
    # The report's "hälftig" stands in no evidence quote.
    assert not [q for q in funding.locator("blockquote").all_inner_texts() if "hälftig" in q]
