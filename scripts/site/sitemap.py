"""sitemap.xml: every page that has its own content, with its language alternates.

What exists in which language, and at which URL, is the page map's
(pagemap.py); this writes it out for search engines. Each language's build
renders overrides/sitemap.xml, and only the default language's is kept
(hooks.py), so the hooks build the text once per build and reuse it.
"""

from __future__ import annotations

from html import escape

from .pagemap import PageMap


def entries(pages: PageMap) -> list[dict]:
    """Every page with its own content, with its alternates: the sitemap's entries."""
    found = []
    for path in pages.paths():
        alternates = pages.alternates(path)
        for lang in pages.languages:
            if pages.exists(lang, path):
                found.append({"loc": pages.absolute(lang, path), "alternates": alternates})
    return found


def xml(pages: PageMap) -> str:
    """sitemap.xml, with xhtml:link alternates."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for entry in entries(pages):
        lines.append(f"  <url>\n    <loc>{escape(entry['loc'])}</loc>")
        for hreflang, href in entry["alternates"]:
            lines.append(f'    <xhtml:link rel="alternate" hreflang="{escape(hreflang)}" href="{escape(href)}"/>')
        lines.append("  </url>")
    lines.append("</urlset>\n")
    return "\n".join(lines)
