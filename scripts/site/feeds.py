"""An Atom feed per language: `/feed.xml`, `/zh/feed.xml`, `/uk/feed.xml`.

Each holds the language's newest articles (at most FEED_SIZE, undated ones
left out): the full title, the article's lead as its summary, its date, its
authors, its event and places as categories, the page it was based on (a
`via` link), and its language (`xml:lang`, `zh-Hant` for Traditional
characters). Every page of the language links its feed from its `<head>`
(overrides/partials/arc-head.html).

The XML is built with ElementTree, which escapes what it writes; characters
XML 1.0 cannot hold at all (most control characters) are left out, since a
source's text is not to be trusted to avoid them. The feed's `updated` is
its newest entry's date, so an unchanged archive builds the same bytes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from scripts.contract import FrontMatter

from .pagemap import PageMap
from .seo import language_tag

FEED_NAME = "feed.xml"
FEED_SIZE = 50
ATOM = "http://www.w3.org/2005/Atom"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

ET.register_namespace("", ATOM)


def text(value: str) -> str:
    """`value` without the characters an XML document cannot contain."""
    return _NOT_XML.sub("", value)


def _add(parent: ET.Element, tag: str, value: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: text(v) for k, v in attrs.items()})
    if value is not None:
        element.text = text(value)
    return element


def _stamp(article: FrontMatter) -> str:
    return f"{article.date.isoformat()}T00:00:00Z"


def atom(
    lang: str, pages: PageMap, title: str, subtitle: str | None, leads: dict[tuple[str, str], str]
) -> bytes | None:
    """The feed of `lang`, or None when the site has no address (feeds need absolute URLs)."""
    home = pages.absolute(lang, "")
    if home is None:
        return None
    catalog = pages.catalog
    articles = [a for a in catalog.by_lang.get(lang, []) if a.date][:FEED_SIZE]
    feed = ET.Element(f"{{{ATOM}}}feed", {_XML_LANG: lang})
    _add(feed, "id", home)
    _add(feed, "title", title)
    if subtitle:
        _add(feed, "subtitle", subtitle)
    _add(feed, "link", rel="self", type="application/atom+xml", href=pages.absolute(lang, FEED_NAME))
    _add(feed, "link", rel="alternate", type="text/html", hreflang=lang, href=home)
    _add(feed, "updated", _stamp(articles[0]) if articles else "1970-01-01T00:00:00Z")
    # Atom asks every entry for an author; an article without a byline is credited to the archive.
    author = _add(feed, "author")
    _add(author, "name", title)
    _add(author, "uri", home)
    for article in articles:
        _entry(feed, article, pages, leads.get((lang, article.key)))
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _entry(feed: ET.Element, article: FrontMatter, pages: PageMap, summary: str | None) -> None:
    catalog = pages.catalog
    url = pages.absolute(article.lang, f"articles/{article.key}/")
    entry = _add(feed, "entry", **{_XML_LANG: language_tag(article.lang, article.script)})
    _add(entry, "id", url)
    _add(entry, "title", article.title, type="text")
    _add(entry, "link", rel="alternate", type="text/html", href=url)
    if article.source_url:
        _add(entry, "link", rel="via", href=article.source_url)
    _add(entry, "published", _stamp(article))
    _add(entry, "updated", _stamp(article))
    for name in article.authors:
        _add(_add(entry, "author"), "name", name)
    if summary:
        _add(entry, "summary", summary, type="text")
    if article.event:
        event = catalog.events.get(article.event)
        _add(
            entry,
            "category",
            term=article.event,
            label=event.name(article.lang) if event else article.event,
            scheme=pages.absolute(article.lang, "events/"),
        )
    for place in article.places:
        found = catalog.places.get(place)
        _add(
            entry,
            "category",
            term=place,
            label=found.name(article.lang) if found else place,
            scheme=pages.absolute(article.lang, "places/"),
        )


def write(site_dir: Path, lang: str, pages: PageMap, title: str, subtitle: str | None, leads: dict) -> Path | None:
    """Write `lang`'s feed where its pages are; the path written, or None when there is none to write."""
    data = atom(lang, pages, title, subtitle, leads)
    if data is None:
        return None
    path = site_dir / pages.prefix(lang) / FEED_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
