"""Which pages the site has in which language, and how they point at each other.

A page is named by its language and its path inside that language
(`articles/<key>/`, `years/2025/`, `places/cao-bang/`, `` for the home page). The URL contract
(`contract.url_prefix`; ARCHITECTURE.md, "The contract") puts language `lang`
at `/{prefix}{path}`, prefix "" for the default language and "<lang>/" for the
others.

Every page has the same path in every language, so the language switcher
always goes to the same place in the other language. A page "exists" in a
language when that language has real content there: an article version, a
listing with at least one article, a hand-written page. Only existing pages
are announced to search engines (hreflang, and the sitemap that sitemap.py
writes from this map); an article path without its own version serves an
honest "not available" page that points its canonical at the original.

An article readable side by side with another language's version also has
`articles/<key>/parallel/<other>/` (sidebyside.py): in the languages of the
pair only, announced to no search engine (its canonical is the article's).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scripts.contract import url_prefix

from . import sidebyside
from .catalog import Catalog, CatalogError

SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")

# Listing pages the site generates in every language.
ARCHIVE, YEARS, YEAR, EVENTS, EVENT, ARTICLE, MISSING, HOME, PAGE = (
    "archive",
    "years",
    "year",
    "events",
    "event",
    "article",
    "missing",
    "home",
    "page",
)
# The places listing and a place's page (sources/places.yml).
PLACES, PLACE = "places", "place"
SIDE_BY_SIDE = "side-by-side"


@dataclass(frozen=True)
class Place:
    """What a language-relative path is."""

    kind: str
    ref: str | int | None = None


@dataclass(frozen=True)
class Generated:
    """A page the site makes itself (it has no Markdown file)."""

    lang: str
    path: str
    kind: str
    ref: str | int | None = None


def place(path: str) -> Place:
    parts = [p for p in path.split("/") if p]
    if not parts:
        return Place(HOME)
    if parts[0] == "articles":
        if len(parts) == 4 and parts[2] == "parallel":
            return Place(SIDE_BY_SIDE, (parts[1], parts[3]))
        return Place(ARCHIVE) if len(parts) == 1 else Place(ARTICLE, parts[1])
    if parts[0] == "years":
        if len(parts) == 1:
            return Place(YEARS)
        if parts[1].isdigit():
            return Place(YEAR, int(parts[1]))
    if parts[0] == "events":
        return Place(EVENTS) if len(parts) == 1 else Place(EVENT, parts[1])
    if parts[0] == "places":
        return Place(PLACES) if len(parts) == 1 else Place(PLACE, parts[1])
    return Place(PAGE, path)


class PageMap:
    """Every page of the site in every language: whether it exists, its URLs, its alternates."""

    def __init__(
        self,
        catalog: Catalog,
        default: str,
        site_url: str | None,
        handwritten: dict[str, set[str]],
        side_by_side: bool = True,
    ) -> None:
        self.catalog = catalog
        self.languages = catalog.languages
        self.default = default
        # urljoin is slow and every page asks for several absolute URLs: keep a base ending in "/".
        self.site_url = (site_url.rstrip("/") + "/") if site_url else None
        # Language-relative paths of the hand-written pages ("" is the home page).
        self.handwritten = handwritten
        # key -> language -> the languages its version can be read side by side with.
        self.readable = (
            {key: sidebyside.readable(catalog.versions(key)) for key in catalog.by_key} if side_by_side else {}
        )
        for event in catalog.reported_events:
            if not SLUG.fullmatch(event):
                raise CatalogError(
                    f"event id {event!r} cannot be part of a URL: use letters, digits and '-' "
                    "in sources/events.yml and the sources' meta.yml"
                )

    # URLs -------------------------------------------------------------------------------

    def prefix(self, lang: str) -> str:
        return url_prefix(lang, self.default)

    def url(self, lang: str, path: str) -> str:
        """Site-root-relative URL, for MkDocs' `url` filter: `zh/articles/<key>/`."""
        return self.prefix(lang) + path

    def absolute(self, lang: str, path: str) -> str | None:
        if not self.site_url:
            return None
        return self.site_url + self.url(lang, path)

    # What exists --------------------------------------------------------------------------

    def generated(self, lang: str) -> list[Generated]:
        """The listing pages and "not available" pages of one language."""
        pages = [
            Generated(lang, "articles/", ARCHIVE),
            Generated(lang, "years/", YEARS),
            Generated(lang, "events/", EVENTS),
        ]
        pages += [Generated(lang, f"years/{year}/", YEAR, year) for year in self.catalog.years]
        pages += [Generated(lang, f"events/{event}/", EVENT, event) for event in self.catalog.reported_events]
        pages.append(Generated(lang, "places/", PLACES))
        pages += [Generated(lang, f"places/{p}/", PLACE, p) for p in self.catalog.mentioned_places]
        for key, versions in sorted(self.catalog.by_key.items()):
            if lang not in versions:
                pages.append(Generated(lang, f"articles/{key}/", MISSING, key))
        for key, readable in sorted(self.readable.items()):
            for other in readable.get(lang, ()):
                pages.append(Generated(lang, sidebyside.path(key, other), SIDE_BY_SIDE, (key, other)))
        return pages

    def side_by_side(self, lang: str, key: str) -> tuple[str, ...]:
        """The languages whose version of `key` its `lang` version can be read side by side with."""
        return self.readable.get(key, {}).get(lang, ())

    def exists(self, lang: str, path: str) -> bool:
        """Whether `lang` has its own content at `path` (not a "not available" page)."""
        where = place(path)
        catalog = self.catalog
        if where.kind == ARTICLE:
            return (lang, where.ref) in catalog.articles
        if where.kind == SIDE_BY_SIDE:
            return where.ref[1] in self.side_by_side(lang, where.ref[0])
        if where.kind in (ARCHIVE, YEARS, EVENTS):
            return bool(catalog.by_lang.get(lang))
        if where.kind == YEAR:
            return bool(catalog.in_year(lang, where.ref))
        if where.kind == EVENT:
            return bool(catalog.in_event(lang, where.ref))
        if where.kind == PLACES:
            return any(catalog.in_place(lang, p) for p in catalog.mentioned_places)
        if where.kind == PLACE:
            return bool(catalog.in_place(lang, where.ref))
        return path in self.handwritten.get(lang, ())

    def servable(self, lang: str, path: str) -> bool:
        """Whether the site has any page at `path` in `lang` (its own or a generated one)."""
        where = place(path)
        if where.kind in (ARCHIVE, YEARS, EVENTS, PLACES):
            return True
        if where.kind == PLACE:
            return where.ref in self.catalog.mentioned_places
        if where.kind == ARTICLE:
            return where.ref in self.catalog.by_key
        if where.kind == SIDE_BY_SIDE:
            return self.exists(lang, path)
        if where.kind == YEAR:
            return where.ref in self.catalog.years
        if where.kind == EVENT:
            return where.ref in self.catalog.reported_events
        return path in self.handwritten.get(lang, ())

    # How pages point at each other ----------------------------------------------------------

    def switch_target(self, lang: str, path: str | None) -> str:
        """Where the language switcher goes from `path` to `lang`: the same page, else that language's home."""
        if path is not None and self.servable(lang, path):
            return self.url(lang, path)
        return self.url(lang, "")

    def side_by_side_switch(self, current: str, lang: str, key: str, other: str) -> tuple[str, bool]:
        """Where the switcher goes to `lang` from `key` in `current` read beside `other`, and whether
        `lang` has its own page there: the same pair seen from `lang`'s side, else `lang`'s article."""
        if lang == current:
            return self.url(lang, sidebyside.path(key, other)), True
        if lang == other and current in self.side_by_side(lang, key):
            return self.url(lang, sidebyside.path(key, current)), True
        return self.url(lang, f"articles/{key}/"), self.exists(lang, f"articles/{key}/")

    def original_lang(self, path: str) -> str | None:
        where = place(path)
        if where.kind == ARTICLE:
            original = self.catalog.original(where.ref)
            return original.lang if original else None
        return (
            self.default
            if self.exists(self.default, path)
            else next((lang for lang in self.languages if self.exists(lang, path)), None)
        )

    def alternates(self, path: str) -> list[tuple[str, str]]:
        """(hreflang, absolute URL) for the languages that have their own version, plus x-default."""
        if not self.site_url:
            return []
        found = [(lang, self.absolute(lang, path)) for lang in self.languages if self.exists(lang, path)]
        if not found:
            return []
        fallback = self.original_lang(path)
        if fallback:
            found.append(("x-default", self.absolute(fallback, path)))
        return found

    def canonical(self, lang: str, path: str) -> str | None:
        """A page's own URL; for a page without its own version, the original's."""
        if self.exists(lang, path):
            return self.absolute(lang, path)
        fallback = self.original_lang(path)
        return self.absolute(fallback, path) if fallback else None

    def paths(self) -> list[str]:
        """Every language-relative path the site has a page at, in any language, for search engines
        (the sitemap): side-by-side pages, which repeat their articles' text, are left out."""
        paths = {""} | {p for pages in self.handwritten.values() for p in pages}
        paths |= {"articles/", "years/", "events/"}
        paths |= {f"years/{y}/" for y in self.catalog.years}
        paths |= {f"events/{e}/" for e in self.catalog.reported_events}
        paths |= {"places/"} | {f"places/{p}/" for p in self.catalog.mentioned_places}
        paths |= {f"articles/{k}/" for k in self.catalog.by_key}
        return sorted(paths)
