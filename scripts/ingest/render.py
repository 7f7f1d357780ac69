"""Articles as Markdown files: YAML front matter and a body that is text.

Source text is text. Nothing a source says may become markup: every
character Markdown (with the extensions mkdocs.yml enables) or HTML would
read as syntax is escaped, so `1. Về …`, `# …`, `<script>`, `*`, `_` and `[`
come out on the page exactly as they were written.
"""

from __future__ import annotations

import html
import re

from ..contract import FrontMatter, Relation
from .model import Article, Block, Role

# Characters that Python-Markdown reads as inline syntax anywhere in a line,
# and their escapes. `&`, `<` and `>` become entities so no HTML can form.
_INLINE = {
    "\\": "\\\\",
    "`": "\\`",
    "*": "\\*",
    "_": "\\_",
    "{": "\\{",
    "}": "\\}",
    "[": "\\[",
    "]": "\\]",
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    "|": "&#124;",
}
_INLINE_RE = re.compile("|".join(re.escape(c) for c in _INLINE))
# Syntax that only counts at the start of a block: headings, lists, rules.
_BLOCK_START = re.compile(r"^(#|[-+=~]|\d+(?=[.)])|:)")


def escape_inline(text: str) -> str:
    return _INLINE_RE.sub(lambda m: _INLINE[m.group(0)], text)


def escape_block(text: str) -> str:
    """A paragraph's text, safe to stand alone as a Markdown block."""
    escaped = escape_inline(text)
    match = _BLOCK_START.match(escaped)
    if match:
        lead = match.group(0)
        if lead.isdigit():
            # `1.` / `1)` opens an ordered list: escape the dot or bracket.
            rest = escaped[len(lead) :]
            escaped = lead + "\\" + rest if rest.startswith(".") else lead + "&#41;" + rest[1:]
        elif lead in "#-+":
            escaped = "\\" + escaped
        else:
            escaped = f"&#{ord(lead)};" + escaped[1:]
    return escaped


def render_block(block: Block) -> str:
    if block.kind == Role.HEADING:
        text = escape_inline(block.text)
        # A closing run of `#` would be read as the heading's optional closing sequence.
        text = re.sub(r"(#+)$", lambda m: "\\#" * len(m.group(1)), text)
        return "#" * block.level + " " + text
    if block.kind == Role.CAPTION:
        # Raw HTML so the caption is a real <figcaption>; the text is escaped for HTML.
        return f'<figure class="caption"><figcaption>{html.escape(block.text, quote=False)}</figcaption></figure>'
    return escape_block(block.text)


def front_matter(article: Article) -> FrontMatter:
    return FrontMatter(
        title=article.title,
        key=article.key,
        lang=article.lang,
        source=article.source,
        kicker=article.kicker,
        script=article.script,
        date=article.date,
        date_end=article.date_end,
        event=article.event,
        authors=tuple(article.authors),
        agency=article.agency,
        source_url=article.source_url,
        relation=Relation(article.relation),
        translation_of=article.translation_of,
        alignment={lang: tuple(pairs) for lang, pairs in article.alignment.items()},
        source_name=article.source_name,
        places=tuple(article.places),
    )


def render(article: Article) -> str:
    body = "\n\n".join(render_block(b) for b in article.blocks)
    return f"{front_matter(article).dump()}\n{body}\n"
