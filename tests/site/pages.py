"""The built site's pages by kind, found in the build itself (not listed by hand).

A page's kind is the shape of its path, the varying part of each pair of
segments replaced by `*` (`articles/*/`, `years/*/`, `articles/*/parallel/*/`,
`places/*/`), plus whether it is kept out of search engines (`noindex`: the
"not available" pages, a year without articles in that language). Kinds the
site gains later (side-by-side pages, places) are tested without being named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

LANGS = ("vi", "zh", "uk")
PREFIX = {"vi": "", "zh": "zh/", "uk": "uk/"}
NOINDEX = re.compile(r'<meta name="robots" content="noindex"')


@dataclass(frozen=True)
class SitePage:
    lang: str
    path: str  # language-relative: "", "articles/<key>/", "404.html"
    kind: str  # "articles/*/", "articles/*/ (noindex)", "404", "home"

    @property
    def url_path(self) -> str:
        """Site-root-relative URL: zh/articles/<key>/."""
        return PREFIX[self.lang] + self.path


def lang_and_path(rel: str) -> tuple[str, str]:
    """site-relative file path -> (language, language-relative page path)."""
    head, _, rest = rel.partition("/")
    lang, rel = (head, rest) if head in PREFIX and head != "vi" else ("vi", rel)
    path = rel.removesuffix("index.html")
    return lang, path


def shape(path: str) -> str:
    if path == "":
        return "home"
    if path.endswith(".html"):
        return path.removesuffix(".html")
    parts = path.strip("/").split("/")
    return "/".join(p if i % 2 == 0 else "*" for i, p in enumerate(parts)) + "/"


def all_pages(site_dir: Path) -> list[SitePage]:
    found = []
    for file in sorted(site_dir.rglob("*.html")):
        rel = file.relative_to(site_dir).as_posix()
        if rel.split("/")[0] in ("assets", "pagefind") or "/pagefind/" in rel:
            continue
        lang, path = lang_and_path(rel)
        kind = shape(path)
        if kind != "404" and NOINDEX.search(file.read_text(encoding="utf-8")):
            kind += " (noindex)"
        found.append(SitePage(lang, path, kind))
    return found


def one_of_each_kind(site_dir: Path, lang: str) -> dict[str, SitePage]:
    """The first page (by path) of each kind in one language."""
    kinds: dict[str, SitePage] = {}
    for page in all_pages(site_dir):
        if page.lang == lang:
            kinds.setdefault(page.kind, page)
    return kinds


# The kinds every language must have in the test site; a build that loses one fails the tests that use this.
REQUIRED_KINDS = {
    "home",
    "404",
    "articles/",
    "articles/*/",
    "articles/*/ (noindex)",
    "years/",
    "years/*/",
    "events/",
    "events/*/",
}
