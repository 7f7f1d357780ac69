"""Fixtures for the site: small docs trees written as ingestion writes them,
one real build of the repository's docs shared by the whole session, and one
headless Chromium."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from scripts.contract import FrontMatter, Relation
from scripts.site.catalog import read_catalog

from .builder import Written

LANGS = ("vi", "zh", "uk")


def article(key: str, lang: str, title: str | None = None, text: str = "Nội dung.", **fields) -> Written:
    """An article as ingestion writes it, with a one-paragraph body; dates default to the key's date."""
    if "date" not in fields and key[:10].count("-") == 2:
        fields["date"] = dt.date.fromisoformat(key[:10])
    fields["authors"] = tuple(fields.get("authors", ()))
    fields["relation"] = Relation(fields.get("relation", Relation.ORIGINAL))
    front_matter = FrontMatter(
        title=title or f"{key} ({lang})",
        key=key,
        lang=lang,
        source=fields.pop("source", f"sources/{key}/source.txt"),
        **fields,
    )
    return Written(front_matter, text)


def write_docs(docs: Path, articles: list[Written], homes: bool = True) -> Path:
    for lang in LANGS:
        (docs / lang / "articles").mkdir(parents=True, exist_ok=True)
        if homes:
            (docs / lang / "index.md").write_text(f"# Home {lang}\n", encoding="utf-8")
    for a in articles:
        (docs / a.lang / "articles" / f"{a.key}.md").write_text(a.markdown(), encoding="utf-8")
    return docs


EVENTS_YML = """\
spring-meeting-2024:
  vi: Gặp gỡ đầu Xuân 2024
  zh: 2024年新春会晤
  uk: Весняна зустріч 2024
spring-meeting-2025:
  vi: Gặp gỡ đầu Xuân 2025
  zh: 2025年新春会晤
  uk: Весняна зустріч 2025
"""


def small_corpus() -> list[Written]:
    """Three keys: one in every language, one only in vi, one only in zh (a report)."""
    return [
        article("2025-02-19-meeting", "vi", "Gặp gỡ 2025", event="spring-meeting-2025", authors=["Lưu Linh"]),
        article(
            "2025-02-19-meeting",
            "zh",
            "2025年会晤",
            event="spring-meeting-2025",
            relation="translation",
            translation_of="vi",
        ),
        article(
            "2025-02-19-meeting",
            "uk",
            "Зустріч 2025",
            event="spring-meeting-2025",
            relation="report",
            source_url="https://example.org/a",
        ),
        article("2024-02-20-vi-only", "vi", "Chỉ tiếng Việt", event="spring-meeting-2024"),
        article("2024-03-01-zh-only", "zh", "只有中文", relation="report"),
    ]


@pytest.fixture
def corpus_catalog(tmp_path):
    docs = write_docs(tmp_path / "docs", small_corpus())
    (tmp_path / "events.yml").write_text(EVENTS_YML, encoding="utf-8")
    return read_catalog(docs, LANGS, tmp_path / "events.yml")


# The site as readers get it ----------------------------------------------------------------

# Articles added to the repository's docs for the search tests: each holds one
# inflected form and not the others, so a match proves the forms find each
# other (the seed article holds them all).
SEARCH_FIXTURES = [
    article(
        "2019-01-10-uk-spivpratsi",
        "uk",
        "Тестова стаття: туризм",
        text="Сторони обговорили розвиток співпраці в галузі туризму.",
    ),
    article(
        "2019-01-11-uk-spivpratsia",
        "uk",
        "Тестова стаття: прикордоння",
        text="Головною темою зустрічі була співпраця прикордонних районів.",
    ),
    article(
        "2019-01-12-uk-spivrobitnytstva",
        "uk",
        "Тестова стаття: освіта",
        text="Підписано угоду щодо співробітництва в галузі освіти.",
    ),
    article(
        "2019-01-13-uk-spivrobitnytstvo",
        "uk",
        "Тестова стаття: митниця",
        text="Сторони високо оцінили співробітництво митних служб.",
    ),
]


class Site:
    """A built site, served on 127.0.0.1 like GitHub Pages serves it."""

    def __init__(self, built, server):
        self.built = built
        self.dir = built.site
        self.server = server
        self.url = server.url
        self.project = built.project

    def html(self, path: str) -> str:
        return (self.dir / path).read_text(encoding="utf-8")


def _serve_build(tmp: Path, mount: str, articles=()) -> Site:
    from .builder import Server, build, free_port, scratch_project, write_article

    port = free_port()
    project = scratch_project(tmp)
    for a in articles:
        write_article(project, a)
    built = build(project, f"http://127.0.0.1:{port}{mount}")
    return Site(built, Server(built.site, mount, port))


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The repository's docs plus SEARCH_FIXTURES, built once and served at /."""
    served = _serve_build(tmp_path_factory.mktemp("site"), "/", SEARCH_FIXTURES)
    yield served
    served.server.close()


@pytest.fixture(scope="session")
def subpath_site(tmp_path_factory):
    """The repository's docs built for, and served under, a project Pages path."""
    served = _serve_build(tmp_path_factory.mktemp("subpath"), "/spring-meetings/")
    yield served
    served.server.close()


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(
            "The browser tests need Debian's Chromium at /usr/bin/chromium: apt-get install chromium (.ci/run does)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # Playwright gives each launch a fresh, throwaway profile.
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


class Requests:
    """Every request a page made, and every one that failed."""

    def __init__(self, page):
        self.urls: list[str] = []
        self.failed: list[str] = []
        page.on("request", lambda r: self.urls.append(r.url))
        # A navigation cancels the previous page's pending requests (ERR_ABORTED): not a failure.
        page.on("requestfailed", lambda r: "ERR_ABORTED" not in (r.failure or "") and self.failed.append(r.url))
        page.on("response", lambda r: r.status >= 400 and self.failed.append(f"{r.status} {r.url}"))


# Every browser test also checks the pages' Content-Security-Policy (scripts/site/csp.py) blocked nothing.
CSP_WATCH = """
document.addEventListener("securitypolicyviolation", (e) => {
  console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
"""


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(CSP_WATCH)
    page = context.new_page()
    page.requests = Requests(page)
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on(
        "console",
        lambda m: ("Content Security Policy" in m.text or "CSP violation" in m.text) and errors.append(m.text),
    )
    yield page
    context.close()
    assert errors == [], f"JavaScript errors: {errors}"
