"""Accessibility, as axe-core and the keyboard find it, in headless Chromium.

axe-core (pinned in package-lock.json) runs every rule it runs by default
(WCAG 2.0/2.1 A and AA and its best practices) on one page of every kind the
built site has (tests/site/pages.py finds them), in every language, at a
desktop and a phone width, as the page loads, with the menu drawer open
(phone) and with the search dialog open showing results: no violation.
Then a reader with a keyboard alone: the skip link, the menu, the search.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

from scripts.paths import ROOT

from .pages import LANGS, REQUIRED_KINDS, one_of_each_kind

pytestmark = [pytest.mark.browser, pytest.mark.slow]

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 740}}
# A query each language's index finds, with highlighted words in the excerpts.
QUERY = "2025"


@pytest.fixture
def context_for(browser):
    """A browser context with axe-core loaded into every page it opens (not subject to the page's CSP)."""
    contexts = []

    def make(width: str, axe: bool = True):
        context = browser.new_context(viewport=WIDTHS[width])
        if axe:
            context.add_init_script(path=str(AXE))
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


def settle(page) -> None:
    """Wait for every CSS transition (the drawer sliding, the dialog fading in) to end."""
    page.evaluate("Promise.all(document.getAnimations().map((a) => a.finished.catch(() => {})))")


# Every rule axe runs by default; the details of the violations only, and the ids of the rules that passed.
AXE_RUN = """axe.run(document, { resultTypes: ["violations"] }).then((r) => ({
  violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })),
  passes: r.passes.map((p) => ({ id: p.id })),
}))"""


def axe(page) -> dict:
    settle(page)
    return page.evaluate(AXE_RUN)


def violations(result: dict) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {', '.join(' '.join(n['target']) for n in v['nodes'][:3])}"
        for v in result["violations"]
    ]


def open_search(page, width: str, query: str) -> None:
    """With the keyboard: the header's button on a phone, the box itself on a desktop."""
    if width == "phone":
        page.focus("[data-arc-search-open]")
        page.keyboard.press("Enter")
    else:
        page.focus(".md-search__input")
    page.fill(".md-search__input", query)
    page.wait_for_function(
        "q => { const r = document.querySelector('[data-arc-search-result]'); return !!r && r.dataset.query === q; }",
        arg=query,
    )


def open_drawer(page) -> None:
    page.focus("[data-arc-drawer]")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.getElementById('__drawer').checked")


def test_axe_core_is_the_pinned_4x():
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    version = lock["packages"]["node_modules/axe-core"]["version"]
    assert version.startswith("4.") and AXE.is_file(), "make npm installs axe-core from package-lock.json"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
def test_no_axe_violation_on_any_kind_of_page(context_for, site, lang, width):
    kinds = one_of_each_kind(site.dir, lang)
    assert REQUIRED_KINDS <= set(kinds), f"the test site lacks {REQUIRED_KINDS - set(kinds)} in {lang}"
    page = context_for(width).new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    found, checked = {}, set()

    def check(where, kind, state):
        result = axe(page)
        checked.update(rule["id"] for rule in result["passes"])
        if result["violations"]:
            found[f"{where.url_path or '/'} [{kind}, {state}]"] = violations(result)

    for kind, where in sorted(kinds.items()):
        page.goto(site.url + where.url_path)
        check(where, kind, "as loaded")
        open_search(page, width, QUERY)
        assert page.locator(".md-search-result mark").count(), f"{QUERY} must find something in {lang}"
        check(where, kind, "search open")
        if width == "phone":
            page.keyboard.press("Escape")
            open_drawer(page)
            check(where, kind, "menu open")
    assert found == {}, "axe-core violations:\n" + json.dumps(found, ensure_ascii=False, indent=1)
    # The run checked what the issue found wrong (a rule with nothing to check is not in `passes`).
    assert {"aria-dialog-name", "color-contrast", "link-in-text-block", "bypass", "region"} <= checked
    assert errors == []


@pytest.mark.parametrize("lang", LANGS)
def test_no_axe_violation_in_the_language_menu_as_the_keyboard_goes_through_it(context_for, site, lang):
    """Each language in the header's menu, focused in turn: the current one, one with the page, one without."""
    kinds = one_of_each_kind(site.dir, lang)
    page = context_for("desktop").new_page()
    page.goto(site.url + kinds["articles/*/ (noindex)"].url_path)
    links = page.locator(".md-select__link")
    assert links.count() == len(LANGS) and page.locator(".md-select__link.arc-unavailable").count()
    found = {}
    for i in range(links.count()):
        links.nth(i).focus()
        result = axe(page)
        if result["violations"]:
            found[links.nth(i).inner_text()] = violations(result)
    assert found == {}, json.dumps(found, ensure_ascii=False, indent=1)


# The keyboard alone -------------------------------------------------------------------------

FOCUSED = """() => {
  const e = document.activeElement;
  const r = e.getBoundingClientRect();
  let hidden = r.width < 1 || r.height < 1 || getComputedStyle(e).visibility !== "visible"
    || r.right <= 0 || r.left >= innerWidth;
  for (let o = e; o; o = o.parentElement) if (getComputedStyle(o).opacity === "0") hidden = true;
  const label = e.getAttribute("aria-label") || e.textContent.trim().slice(0, 40);
  return { tag: e.tagName, cls: e.className, href: e.getAttribute("href"), label, hidden };
}"""


def tab(page, shift: bool = False) -> dict:
    page.keyboard.press("Shift+Tab" if shift else "Tab")
    settle(page)
    return page.evaluate(FOCUSED)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", ["articles/2025-02-19-spring-meeting/", "zh/years/2025/"])
def test_tab_reaches_only_what_the_reader_sees(context_for, site, width, path):
    page = context_for(width, axe=False).new_page()
    page.goto(site.url + path)
    stops = []
    for _ in range(80):
        stop = tab(page)
        if stop["tag"] == "BODY" or (stops and stop == stops[0]):
            break
        stops.append(stop)
    assert len(stops) > 5
    assert [s for s in stops if s["hidden"]] == []
    assert "md-skip" in stops[0]["cls"].split(), "the skip link comes first"


@pytest.mark.parametrize("lang", LANGS)
def test_the_skip_link_leads_to_the_title(context_for, site, lang):
    prefix = "" if lang == "vi" else f"{lang}/"
    page = context_for("desktop", axe=False).new_page()
    page.goto(site.url + prefix + "articles/2025-02-19-spring-meeting/")
    assert "md-skip" in tab(page)["cls"].split()
    page.keyboard.press("Enter")
    assert urlsplit(page.url).fragment == "arc-main"
    target = page.locator("#arc-main")
    # The target is where the article starts: its first heading is the article's title, before its facts.
    assert target.locator("h1").first.inner_text() == page.locator(".arc-article h1").inner_text()
    first_link = tab(page)
    inside = page.evaluate("document.getElementById('arc-main').contains(document.activeElement)")
    assert inside, f"Tab after the skip link goes into the content, not to {first_link}"


def tab_to(page, selector: str, limit: int = 15) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


@pytest.mark.parametrize("width", WIDTHS)
def test_search_by_keyboard_alone(context_for, site, width):
    page = context_for(width, axe=False).new_page()
    page.goto(site.url + "uk/")
    if width == "phone":
        tab_to(page, "[data-arc-search-open]")
        assert page.get_attribute("[data-arc-search-open]", "aria-expanded") == "false"
        page.keyboard.press("Enter")
        assert page.get_attribute("[data-arc-search-open]", "aria-expanded") == "true"
    else:
        tab_to(page, ".md-search__input")
    assert page.evaluate("document.activeElement.matches('.md-search__input')")
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.type("Хазянг")
    page.wait_for_function(
        "() => { const r = document.querySelector('[data-arc-search-result]'); return !!r && r.dataset.query === 'Хазянг'; }"
    )
    # The count is a status message, announced when it changes.
    assert page.get_attribute(".md-search-result__meta", "role") == "status"
    assert page.get_attribute(".md-search-result__meta", "aria-live") == "polite"
    assert page.locator("[data-arc-search-result] [aria-live]").count() == 1, "only the count is announced"
    # Each result is a Tab stop, with a focus ring that shows; titles are not headings.
    stop = tab(page)
    assert stop["tag"] == "A" and "md-search-result__link" in stop["cls"] and not stop["hidden"]
    ring = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, parseFloat(s.outlineWidth)]; })()"
    )
    assert ring[0] != "none" and ring[1] >= 1, ring
    assert page.locator(".md-search-result :is(h1, h2, h3, h4, h5, h6)").count() == 0
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path == "/uk/articles/2025-02-19-spring-meeting/"


@pytest.mark.parametrize("width", WIDTHS)
def test_escape_and_leaving_the_search_dialog_close_it(context_for, site, width):
    page = context_for(width, axe=False).new_page()
    page.goto(site.url + "zh/")
    open_search(page, width, "合作")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    if width == "phone":
        assert page.evaluate("document.activeElement.matches('[data-arc-search-open]')"), "focus returns to the button"
        assert page.get_attribute("[data-arc-search-open]", "aria-expanded") == "false"
    # Open again (the query and its results are still there), then Tab past every result.
    page.click("[data-arc-search-open]" if width == "phone" else ".md-search__input")
    settle(page)
    count = page.locator(".md-search-result__link").count()
    assert count > 0
    for _ in range(count + 1):  # past the input and every result: out of the dialog
        page.keyboard.press("Tab")
    settle(page)
    assert not page.evaluate("document.getElementById('__search').checked")
    assert not page.evaluate("document.querySelector('[data-arc-search]').contains(document.activeElement)")


def test_the_menu_drawer_by_keyboard_alone(context_for, site):
    page = context_for("phone", axe=False).new_page()
    page.goto(site.url + "uk/articles/2025-02-19-spring-meeting/")
    tab_to(page, "[data-arc-drawer]")
    button = page.locator("[data-arc-drawer]")
    assert button.get_attribute("aria-label") == "Меню" and button.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    settle(page)
    assert button.get_attribute("aria-expanded") == "true"
    in_drawer = "document.querySelector('.md-sidebar--primary').contains(document.activeElement)"
    stops = [page.evaluate(FOCUSED)]
    while page.evaluate(in_drawer) and len(stops) < 20:
        stops.append(tab(page))
    drawer_stops = stops[:-1]
    assert drawer_stops and all(not stop["hidden"] for stop in drawer_stops)
    assert {"Головна", "Усі статті", "За роками", "За подіями"} <= {stop["label"] for stop in drawer_stops}
    # Focus has left the drawer: it closed.
    assert button.get_attribute("aria-expanded") == "false"
    assert not page.evaluate("document.getElementById('__drawer').checked")
    # Escape closes it too, and gives focus back to the button.
    button.focus()
    page.keyboard.press("Enter")
    settle(page)
    assert page.evaluate(in_drawer)
    page.keyboard.press("Escape")
    settle(page)
    assert button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.matches('[data-arc-drawer]')")
    assert not page.evaluate("document.getElementById('__drawer').checked")
