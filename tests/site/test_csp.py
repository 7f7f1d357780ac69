"""Every page carries a Content-Security-Policy that lets its own scripts run and nothing else.

scripts/site/csp.py computes it from each page's final HTML. Checked here: on
every built page the policy allows exactly the page's inline scripts (found
by a real HTML parser, not the regular expression csp.py uses); in Chromium,
every kind of page in every language loads and searches without one
violation; a script put into a page after the policy was computed, an event
handler attribute and a `javascript:` URL do not run.
"""

from __future__ import annotations

import base64
import hashlib
import shutil

import pytest
from bs4 import BeautifulSoup

from scripts.site import csp

from .builder import Server
from .conftest import LANGS

CSP = "Content-Security-Policy"


# --- the policy ------------------------------------------------------------------------------


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


PAGE = """<!doctype html>
<html><head >
  <meta charset="utf-8">
<title>t</title>
<script>var a = 1;</script>
<script type="application/json" id="__config">{"x": 1}</script>
<script src="assets/x.js"></script>
<script type="module">import "./y.js";</script>
<script data-note='a > b' type="text/javascript">b()</script>
<script>
line()\r\n</script>
</head><body><script>var a = 1;</script></body></html>"""


def directives(html: str) -> dict[str, list[str]]:
    meta = BeautifulSoup(html, "html.parser").find("meta", attrs={"http-equiv": CSP})
    return {d.split()[0]: d.split()[1:] for d in meta["content"].split("; ")}


def test_each_inline_script_that_runs_is_allowed_by_its_hash_and_nothing_else():
    policy = directives(csp.add(PAGE))
    assert policy["script-src"] == [
        "'self'",
        "'wasm-unsafe-eval'",
        sha256("var a = 1;"),  # once, though it is on the page twice
        sha256('import "./y.js";'),
        sha256("b()"),
        sha256("\nline()\n"),  # the parser's newline normalization, as the browser hashes it
    ]
    assert policy["default-src"] == ["'self'"] and policy["object-src"] == ["'none'"]
    assert "'unsafe-inline'" not in str(policy) and "'unsafe-eval'" not in str(policy)


def test_the_policy_comes_first_in_head_after_the_charset():
    head = BeautifulSoup(csp.add(PAGE), "html.parser").head
    first = [tag.name for tag in head.find_all(True)][:2]
    assert first == ["meta", "meta"]
    assert head.find_all("meta")[0].get("charset") == "utf-8"
    assert head.find_all("meta")[1].get("http-equiv") == CSP


def test_a_page_without_a_head_is_refused():
    with pytest.raises(csp.CspError):
        csp.add("<p>no head</p>")


def html_pages(site_dir):
    return [p for p in sorted(site_dir.rglob("*.html")) if "pagefind" not in p.parts]


def test_every_built_page_allows_exactly_its_own_inline_scripts(site):
    pages = html_pages(site.dir)
    assert len(pages) > 40
    for path in pages:
        html = path.read_text(encoding="utf-8")
        doc = BeautifulSoup(html, "html.parser")
        metas = doc.find_all("meta", attrs={"http-equiv": CSP})
        assert len(metas) == 1, path
        assert doc.head.find_all(True)[1] is metas[0], f"{path}: the policy is not first in <head>"
        inline = {
            sha256(s.string or "")
            for s in doc.find_all("script")
            if not s.get("src") and s.get("type", "") in ("", "module", "text/javascript")
        }
        allowed = set(directives(html)["script-src"]) - {"'self'", "'wasm-unsafe-eval'"}
        assert allowed == inline, path


# --- in Chromium -------------------------------------------------------------------------------

# Records what the policy blocked, before any script of the page runs.
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
"""


@pytest.fixture
def watched(browser):
    context = browser.new_context()
    context.add_init_script(WATCH)
    page = context.new_page()
    page.console = []
    page.on("console", lambda m: page.console.append(m.text))
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    yield page
    context.close()


def violations(page) -> list[str]:
    reported = page.evaluate("window.__violations")
    return reported + [m for m in page.console if "Content Security Policy" in m]


# Every kind of page: home, listings, an article, an article's "not available" page, the 404.
PAGE_KINDS = {
    "home": "",
    "archive": "articles/",
    "years": "years/",
    "year": "years/2025/",
    "events": "events/",
    "event": "events/spring-meeting-2025/",
    "article": "articles/2025-02-19-spring-meeting/",
    "404": "no/such/page/",
}
MISSING = {
    "vi": "articles/2019-01-10-uk-spivpratsi/",
    "zh": "articles/2021-04-09-spring-meeting/",
    "uk": "articles/2021-04-09-spring-meeting/",
}
QUERIES = {"vi": "hợp tác", "zh": "合作", "uk": "співпраця"}


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_every_kind_of_page_runs_under_its_policy_and_search_works(watched, site, lang):
    from .test_site_browser import search

    prefix = "" if lang == "vi" else f"{lang}/"
    kinds = {**PAGE_KINDS, "missing": MISSING[lang]}
    for kind, path in kinds.items():
        response = watched.goto(site.url + prefix + path)
        assert response.status == (404 if kind == "404" else 200), kind
        watched.wait_for_load_state("load")
        assert watched.evaluate("document.documentElement.lang") == lang, kind
        # Material's script ran: it marks the page as having JavaScript.
        assert watched.evaluate("document.documentElement.classList.contains('js')"), kind
        assert violations(watched) == [], f"{kind} ({lang})"
    found = search(watched, QUERIES[lang])
    assert found, f"search finds {QUERIES[lang]!r}"
    assert violations(watched) == [] and watched.errors == []


@pytest.fixture(scope="module")
def tampered(site, tmp_path_factory):
    """A copy of the built site whose article page was changed after its policy was computed."""
    copy = tmp_path_factory.mktemp("tampered") / "site"
    shutil.copytree(site.dir, copy)
    page = copy / "articles" / "2025-02-19-spring-meeting" / "index.html"
    html = page.read_text(encoding="utf-8")
    injected = (
        '<script>document.documentElement.dataset.pwned = "script";</script>'
        "<img src=x onerror=\"document.documentElement.dataset.pwned = 'onerror'\">"
        "<a id=js href=\"javascript:document.documentElement.dataset.pwned = 'link'\">x</a>"
    )
    # In <head>, as a title that escaped its escaping would be, and in the body.
    html = html.replace("<title>", f"<title></title>{injected.replace('x</a>', '</a>')}<title>", 1)
    html = html.replace("</article>", injected + "</article>", 1)
    page.write_text(html, encoding="utf-8")
    server = Server(copy)
    yield server
    server.close()


@pytest.mark.browser
@pytest.mark.slow
def test_a_script_put_into_a_page_after_its_policy_was_computed_does_not_run(watched, tampered):
    watched.goto(tampered.url + "articles/2025-02-19-spring-meeting/")
    watched.wait_for_load_state("load")
    watched.click("article #js")
    watched.evaluate(
        "document.body.insertAdjacentHTML('beforeend', "
        "'<img src=y onerror=\"document.documentElement.dataset.pwned = 1\">')"
    )
    watched.wait_for_timeout(300)
    assert watched.evaluate("document.documentElement.dataset.pwned") is None
    blocked = violations(watched)
    assert any(v.startswith("script-src-elem inline") for v in blocked), blocked
    assert any(v.startswith("script-src-attr inline") for v in blocked), blocked
    # The page's own scripts still ran.
    assert watched.evaluate("document.documentElement.classList.contains('js')")


@pytest.mark.browser
@pytest.mark.slow
def test_search_works_when_pagefind_compiles_its_webassembly_on_the_page(watched, site):
    """Pagefind runs in a web worker and falls back to the page when the worker fails;
    the page's policy must then allow WebAssembly ('wasm-unsafe-eval')."""
    from .test_site_browser import search

    watched.route("**/pagefind-worker.js", lambda route: route.abort())
    watched.goto(site.url + "zh/")
    assert search(watched, "合作"), "search found nothing on the main thread"
    assert any("falling back to main thread" in m for m in watched.console), watched.console
    assert violations(watched) == [] and watched.errors == []
