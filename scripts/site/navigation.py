"""The reader's bearings in Material's chrome: where the skip link leads, which
section of the menu a page belongs to, and the title of each heading's ¶ link.

Material prints these from MkDocs' own objects (the page's table of contents,
the navigation's `active` flags, the toc extension's options), so these
functions set those objects; templates stay as Material writes them.
"""

from __future__ import annotations

from mkdocs.structure.toc import AnchorLink, TableOfContents

# The id overrides/main.html gives the start of a page's own content.
CONTENT_ID = "arc-main"

_lit: list = []  # the menu entries mark_section lit for the page being rendered


def set_permalink_title(config, title: str) -> None:
    """The title of the ¶ link after each heading (`permalink_title`, English by default)."""
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = title


def skip_to_content(page) -> None:
    """Point Material's skip link at the start of the page's content.

    Material's skip link (base.html) leads to the first entry of the page's
    table of contents: on an article, its first subheading, past the title and
    the facts; on a listing, nowhere (no link at all). The table becomes one
    level-1 entry for the content's start holding the page's headings, which is
    what Material shows as the table of contents of a page that starts with a
    level-1 heading: its children.
    """
    entries = list(page.toc)
    children = entries[0].children + entries[1:] if entries and entries[0].level == 1 else entries
    start = AnchorLink(str(page.title or ""), CONTENT_ID, 1)
    start.children = children
    page.toc = TableOfContents([start])


def section_of(nav, page, home: str | None):
    """The menu entry whose URL is the longest one this page's URL extends (not the home page).

    articles/<key>/ belongs to articles/, years/2025/ to years/, and so on for
    whatever the menu lists, a page kind added later included.
    """
    best = None
    for item in nav.items:
        url = getattr(item, "url", None)
        if not getattr(item, "is_page", False) or item is page or url is None or url == home:
            continue
        if page.url.startswith(url) and page.url != url and (best is None or len(url) > len(best.url)):
            best = item
    return best


def mark_section(nav, page, home: str | None) -> None:
    """Light up the menu entry of the section a page belongs to (Material marks only the page itself)."""
    section = section_of(nav, page, home) if nav is not None else None
    if section is not None:
        section.active = True
        _lit.append(section)


def unmark_sections() -> None:
    """Undo mark_section once the page is written: the next page, or the 404 page, has its own."""
    while _lit:
        _lit.pop().active = False
