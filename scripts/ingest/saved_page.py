"""Saved HTML pages: the article, numbered like the lines of a text source.

A saved news page holds the article and everything around it: menus, share
buttons, view counters, related links, comments, the footer. The lines of an
HTML source are the page's **visible text blocks** in document order: each
heading, paragraph, list item, caption, table cell or `<br>`-separated run of
text is one line, numbered from 1; the alt text of an image inside the
article is one line too, where the image sits. (Scripts, styles and the
`<head>` are not text a reader sees, so they are not lines.)

Which lines are the article is decided by trafilatura, a well-kept extractor
judged on real news pages: a block is article text when trafilatura's
extraction holds it. The markup then says what the page's own layout says:

- the headline (`<h1>`, matched with the page's og:title) is the title, even
  when the `<title>` element says something else (often the site's name);
- `<figcaption>`, and a caption cell or paragraph next to an image, are
  captions; an image's alt text is a caption only when the image has no
  caption of its own and the alt reads like one (words, not a file name or
  the headline again);
- `<h2>`–`<h4>` and short paragraphs that are bold throughout are headings.

Every other block is dropped with the part of the page it came from as the
reason (navigation, comments, sidebar...), so nothing is lost: each line
ends in an article or in the ingest report. The kept lines then go through
the same pipeline as a text source (furniture, languages, structure).
The page's publication date, author, canonical address and publisher's name
(og:site_name) come from its metadata, and count only where the text itself
says nothing.
"""

from __future__ import annotations

import copy
import logging
import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from .model import Drop, Page, Role, SourceError
from .structure import heading_shaped
from .text import normalize

# Elements whose content is not text a reader sees.
_INVISIBLE = {
    "script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object",
    "embed", "canvas", "audio", "video", "map", "picture", "source", "track",
}  # fmt: skip
# Elements that start a new block of text.
_BLOCKS = {
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "option", "p", "pre",
    "section", "select", "summary", "table", "tbody", "td", "textarea", "tfoot", "th", "thead", "tr", "ul",
    "button",
}  # fmt: skip
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 3, "h5": 3, "h6": 3}

# Parts of a page that are never the article, by tag and by class or id.
_REGIONS: tuple[tuple[str, re.Pattern], ...] = (
    ("comments", re.compile(r"comment|binh-?luan|y-?kien|reply|disqus|pinglun|评论", re.I)),
    (
        "related-articles list",
        re.compile(
            r"related|lien-?quan|tin-?khac|cung-?chuyen-?muc|more-?news|other|read-?more|most-?read|doc-?nhieu|popular|xem-?nhieu|hot-?news",
            re.I,
        ),
    ),
    (
        "share, print or font-size buttons",
        re.compile(
            r"share|social|sharing|print|font-?size|text-?size|toolbar|tools|fb-|zalo|twitter|facebook|like", re.I
        ),
    ),
    ("navigation", re.compile(r"\bnav|menu|breadcrumb|pagination|paging|pager", re.I)),
    ("tag list", re.compile(r"\btags?\b|keyword|tu-?khoa", re.I)),
    ("sidebar", re.compile(r"sidebar|side-?bar|col-?side|widget|aside|banner|advert|\bads?\b|qc-|quang-?cao", re.I)),
    ("page header", re.compile(r"^header$|site-?header|masthead|top-?bar", re.I)),
    ("page footer", re.compile(r"footer|copyright", re.I)),
)
_TAG_REGIONS = {
    "nav": "navigation", "aside": "sidebar", "footer": "page footer", "header": "page header",
    "form": "form", "button": "button", "select": "form", "option": "form",
    "textarea": "form", "menu": "navigation",
}  # fmt: skip
_CAPTION_CLASS = re.compile(
    r"caption|desc|chu-?thich|image-?note|pic-?note|img-?note|photo-?note|figcaption|图注|说明", re.I
)
_FILE_NAME = re.compile(r"^\S+\.(?:jpe?g|png|gif|webp|bmp|svg|tiff?)$|^(?:img|dsc|image|photo|ảnh)[-_ ]?\d+", re.I)
_GENERIC_ALT = re.compile(
    r"^(?:ảnh|hình|hình ảnh|ảnh minh họa|ảnh minh hoạ|photo|image|picture|logo|avatar|icon|banner|图片|图|照片|фото|зображення)"
    r"(?:\s*\d*)?$",
    re.I,
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
ALT_REASON = "image description (alt text) that is not a caption"


@dataclass
class TextBlock:
    no: int
    text: str
    element: object  # the lxml element the block's text belongs to
    kind: str = "text"  # text | alt


@dataclass(frozen=True)
class Extracted:
    """An HTML page read as a source: its lines, and what its markup says about them."""

    text: str  # the article's lines, one per block, joined with "\n"; lines left out are blank
    lines: tuple[str, ...]  # every line's text, in order (line n is lines[n - 1])
    page: Page


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (`<meta charset=...>`)."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def extract(page: str, shown: str) -> Extracted:
    """Number the page's text blocks and keep the article's."""
    page = page.replace("\x00", "")
    root, blocks, deep = _parse(page, shown)
    # A page nested deeper than trafilatura's own parser reads is given to it parsed, whole.
    doc, units = _article_units(page if deep is None else deep, shown)
    kept = _match(blocks, units)
    names, title = _page_titles(root, doc)
    roles = _roles(blocks, kept, names)
    lede = _lede(blocks, kept, roles, _description(root, doc))
    if lede is not None:
        kept.add(lede)
    text, dropped = _lines_out(blocks, kept, roles)
    headline = next((no for no, role in roles.items() if role == Role.TITLE), None)
    beside, byline = _date_beside(blocks, headline)
    info = Page(
        roles=roles,
        dropped=tuple(dropped),
        title=title if headline is None and _usable_title(title, doc) else None,
        date=beside or _date(doc.date),
        date_from="beside the headline" if beside else "the page's metadata",
        metadata_date=_date(doc.date),
        authors=tuple(_authors(doc.author, getattr(doc, "sitename", None)) or ([byline] if byline else [])),
        url=_url(doc.url),
        site_name=_site_name(getattr(doc, "sitename", None), title),
    )
    return Extracted(text, tuple(b.text for b in blocks), info)


# lxml's parser stops reading a page nested deeper than this (libxml2's limit; beyond it the
# rest of the page is left out without an error), unless told it may read a huge tree.
DEFAULT_DEPTH = 255


def _parse(page: str, shown: str):
    """The parsed page, its blocks, and the page parsed whole when it is nested deeper than
    DEFAULT_DEPTH (else None); refuses a page with nothing a reader would see, and one
    nested deeper than even a huge tree may be, whose end would be lost."""
    import lxml.html
    from lxml import etree

    parser = lxml.html.HTMLParser(huge_tree=True)
    try:
        root = lxml.html.document_fromstring(page, parser=parser)
    except (etree.ParserError, ValueError):
        root = None
    too_deep = [e.message for e in parser.error_log if e.type_name == "ERR_RESOURCE_LIMIT"]
    if too_deep:
        levels = re.search(r"[0-9]+", too_deep[0])
        raise SourceError(
            shown,
            None,
            f"the page's markup is nested more than {levels.group() if levels else 'a few thousand'} levels deep; "
            "the rest of the page could not be read",
            "copy the article's text into source.txt instead: a page nested this deep cannot be read whole",
        )
    reader = _BlockReader(root)
    if root is not None:
        reader.walk(root)
        reader.flush(root)
    blocks = reader.blocks
    if not any(b.kind == "text" for b in blocks):
        raise SourceError(shown, None, "the page has no visible text", _RESAVE_PAGE)
    # trafilatura changes the tree it is given: it gets a copy.
    return root, blocks, (copy.deepcopy(root) if reader.depth > DEFAULT_DEPTH - 5 else None)


# What separates a headline from the site's name in a page's <title>: `… _网易财经`, `… - 自由時報電子報`.
_TITLE_PARTS = re.compile(r"\s+[-|–—_»·]\s+|\s*(?:[_｜|]|--|——)\s*")


def _description(root, doc) -> str:
    said = [*(root.xpath("//meta[@name='description']/@content") if root is not None else []), doc.description or ""]
    return normalize(next((d for d in said if normalize(d)), ""))


def _lede(blocks: list[TextBlock], kept: set[int], roles: dict[int, Role], description: str) -> int | None:
    """The lede the extractor left out: the block between the headline and the article that
    says what the page's description says (news pages print their summary there, often in an
    <h2> that extractors take for a heading)."""
    if len(description) < 30 or not kept:
        return None
    from .region import prose_weight

    headline = next((no for no, role in roles.items() if role == Role.TITLE), 0)
    text = {b.no: b.text for b in blocks}
    prose = [no for no in sorted(kept) if no > headline and prose_weight(text[no])]
    if not prose:
        return None
    probe = description[:40]
    for block in blocks:
        if headline < block.no < prose[0] and block.kind == "text" and block.no not in kept:
            if probe in block.text or block.text[:40] in description:
                return block.no
    return None


def _page_titles(root, doc) -> tuple[list[str], str | None]:
    """What the page says its headline is, most trusted first: og:title, then <title>, then the
    extractor's guess; each also without the site's name it carries. And the headline to use
    when no block of the page holds it: the longest part of the first of them."""
    markup = [
        *(root.xpath("//meta[@property='og:title']/@content") if root is not None else []),
        *(root.xpath("//title/text()") if root is not None else []),
    ]
    said = [*markup, doc.title or ""]
    names: list[str] = []
    for text in said:
        whole = normalize(text)
        parts = [normalize(p) for p in _TITLE_PARTS.split(whole) if normalize(p)]
        for name in [whole, *sorted(parts, key=len, reverse=True)]:
            if name and name not in names:
                names.append(name)
    first = normalize(next((m for m in said if normalize(m)), ""))
    parts = [normalize(p) for p in _TITLE_PARTS.split(first) if normalize(p)]
    return names, max(parts, key=len) if parts else None


def _article_units(page: str, shown: str):
    """trafilatura's reading of the page, and the article's text units (its lines, normalized)."""
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    try:
        doc = trafilatura.bare_extraction(
            page,
            include_comments=False,
            include_images=True,
            include_tables=True,
            with_metadata=True,
            deduplicate=False,
            config=_config(),
        )
    except Exception:  # noqa: BLE001 - a page the extractor cannot parse is the editor's to fix, not a crash
        doc = None
    units = [normalize(u) for u in (doc.text or "").split("\n")] if doc is not None else []
    units = [u for u in units if u]
    if not units:
        raise SourceError(
            shown,
            None,
            "no article text could be found in the page",
            _RESAVE_PAGE + "; or copy the article's text into source.txt instead",
        )
    return doc, units


def _roles(blocks: list[TextBlock], kept: set[int], names: list[str]) -> dict[int, Role]:
    """What the markup says of the kept blocks (the headline, captions, headings); adds them to `kept`."""
    roles: dict[int, Role] = {}
    title = names[0] if names else None
    headline = _headline(blocks, kept, names)
    if headline is not None:
        kept.add(headline.no)
        roles[headline.no] = Role.TITLE
    container = _container([b.element for b in blocks if b.no in kept])
    first_kept = min(kept) if kept else 0
    last_kept = max(kept) if kept else 0
    for no, role in _captions(
        blocks, container, title, first_kept, last_kept, headline.no if headline else None
    ).items():
        kept.add(no)
        roles[no] = role
    for block in blocks:
        if block.no in kept and block.no not in roles and block.kind == "text":
            role = _heading_role(block)
            if role:
                roles[block.no] = role
    return roles


def _lines_out(blocks: list[TextBlock], kept: set[int], roles: dict[int, Role]) -> tuple[str, list[Drop]]:
    """The source text (a line per block, blank where a block is left out) and what was left out, with why."""
    dropped = []
    out = []
    for block in blocks:
        if block.no in kept and (block.kind == "text" or roles.get(block.no) == Role.CAPTION):
            out.append(block.text)
            continue
        out.append("")
        if block.kind == "alt":
            reason = ALT_REASON
        else:
            reason = f"left out of the article by the HTML extractor ({_region(block.element)})"
        dropped.append(Drop(block.no, block.text, reason))
    return "\n".join(out), dropped


@lru_cache(maxsize=1)
def _config():
    from trafilatura.settings import use_config

    config = use_config()
    # Below this many characters trafilatura gives up on its main extraction
    # and falls back to taking nearly the whole page. Its default (250) is a
    # long paragraph in Latin script but three in Chinese, whose short news
    # items then came out with the page's furniture.
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "50")
    return config


_RESAVE_PAGE = 'open the article in a browser and save it again with "Save page as… → Webpage, HTML only"'


class _BlockReader:
    """Reads text into blocks as a browser lays it out: a block element or <br> ends the text before it.

    The walk keeps its own stack rather than recursing: a page may be nested deeper than
    Python's recursion limit."""

    def __init__(self, root):
        self.blocks: list[TextBlock] = []
        self.buffer: list[str] = []
        self.owner = [root]  # the block element the text being read belongs to
        self.depth = 0  # the deepest nesting walked

    def flush(self, element) -> None:
        text = normalize(re.sub(r"\s+", " ", "".join(self.buffer)))
        self.buffer.clear()
        if text:
            self.blocks.append(TextBlock(len(self.blocks) + 1, text, element))

    def walk(self, root) -> None:
        children = self.enter(root)
        if children is None:
            return
        stack = [(root, children)]
        while stack:
            self.depth = max(self.depth, len(stack))
            element, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                self.leave(element)
                if stack and element.tail:
                    self.buffer.append(element.tail)
                continue
            grandchildren = self.enter(child)
            if grandchildren is not None:
                stack.append((child, grandchildren))
            elif child.tail:
                self.buffer.append(child.tail)

    def enter(self, element):
        """Read an element's own text; its children to walk, or None when they are not read."""
        tag = _tag(element)
        if _invisible(element, tag):
            if tag == "picture":
                for img in element.iter("img"):
                    self.alt(img)
            return None
        if tag == "img":
            self.alt(element)
            return None
        if tag in _BLOCKS:
            self.flush(self.owner[-1])
            self.owner.append(element)
        if tag == "br":
            self.flush(self.owner[-1])
        if element.text:
            self.buffer.append(element.text)
        return iter(element)

    def leave(self, element) -> None:
        if _tag(element) in _BLOCKS:
            self.flush(element)
            self.owner.pop()

    def alt(self, img) -> None:
        alt = normalize(re.sub(r"\s+", " ", img.get("alt") or ""))
        if alt:
            self.flush(self.owner[-1])
            self.blocks.append(TextBlock(len(self.blocks) + 1, alt, img, "alt"))


def _invisible(element, tag: str) -> bool:
    return tag in _INVISIBLE or not tag or element.get("hidden") is not None or _display_none(element)


def _display_none(element) -> bool:
    style = (element.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def _match(blocks: list[TextBlock], units: list[str]) -> set[int]:
    """Lines whose text the extraction holds: the same block, or a part of one."""
    remaining: dict[str, int] = {}
    for unit in units:
        remaining[unit] = remaining.get(unit, 0) + 1
    kept: set[int] = set()
    texts = [b for b in blocks if b.kind == "text"]
    for block in texts:
        if remaining.get(block.text, 0) > 0:
            remaining[block.text] -= 1
            kept.add(block.no)
    # A block the extractor split or joined differently: containment, for text
    # long enough not to match by chance.
    left = [u for u, n in remaining.items() if n > 0]
    if left:
        joined = "\n".join(left)
        for block in texts:
            if block.no in kept or len(block.text) < 15:
                continue
            if block.text in joined or any(len(u) >= 15 and u in block.text for u in left):
                kept.add(block.no)
    return kept


def _headline(blocks: list[TextBlock], kept: set[int], names: list[str]) -> TextBlock | None:
    """The block that is the page's headline: a heading matching what the page says its title
    is (og:title, <title> without the site's name, the extractor's guess) — of several, the one
    nearest above the article (a logo or a sidebar's heading can match too) — else the last
    <h1> before the article."""
    headings = [b for b in blocks if b.kind == "text" and _tag(b.element) in _HEADINGS]
    first = min(kept) if kept else 0
    matching = [b for b in headings if b.text in names]
    matching = matching or [b for b in headings if len(b.text) >= 10 and any(b.text in n or n in b.text for n in names)]
    if matching:
        above = [b for b in matching if b.no <= first]
        return above[-1] if above else matching[0]
    h1s = [b for b in headings if _tag(b.element) == "h1"]
    first = min(kept) if kept else None
    if first is not None:
        before = [b for b in h1s if b.no <= first] or [b for b in h1s if b.no in kept]
        if before:
            return before[-1]
    return None


def _container(elements: list) -> object | None:
    """The innermost element holding every kept block: the article's box."""
    if not elements:
        return None
    paths = [list(reversed([e, *e.iterancestors()])) for e in elements]
    common = None
    for level in zip(*paths, strict=False):  # down to the shortest path
        if all(x is level[0] for x in level):
            common = level[0]
        else:
            break
    return common


def _captions(
    blocks: list[TextBlock], container, title: str | None, first: int, last: int, headline: int | None = None
) -> dict[int, Role]:
    """Lines that are captions of the article's photos: inside the article's box, or of its lead
    photo, between the headline and the text (pages often put it outside the text's box)."""
    roles: dict[int, Role] = {}
    if container is None:
        return roles
    # Sets of the elements themselves: lxml keeps one Python object per node
    # only while it is referenced, so ids of dropped proxies are not stable.
    inside = set(container.iter())
    figures_with_caption: set = set()
    for block in blocks:
        lead = headline is not None and headline < block.no < first
        if block.kind != "text" or not (lead or block.element in inside) or _region(block.element, default=None):
            continue
        figure = _caption_of(block.element)
        if figure is not None:
            roles[block.no] = Role.CAPTION
            figures_with_caption.add(figure)
    for block in blocks:
        if block.kind != "alt" or block.element not in inside or _region(block.element, default=None):
            continue
        if not first <= block.no <= last + 1:
            continue
        figure = _figure_of(block.element)
        if figure is not None and figure in figures_with_caption:
            continue  # the photo has a caption of its own
        if _alt_is_caption(block.text, title) and not _is_linked(block.element):
            roles[block.no] = Role.CAPTION
    return roles


def _caption_of(element) -> object | None:
    """The figure a caption block belongs to, if the block is a caption."""
    if _wraps_caption(element):
        figure = _figure_of(element)
        figure = figure if figure is not None else _image_before(element)
        if figure is not None:
            return figure
    for node in [element, *element.iterancestors()]:
        tag = _tag(node)
        if tag == "figcaption":
            figure = _figure_of(node)
            return node if figure is None else figure
        if tag in ("article", "main", "body", "section"):
            return None
        if _CAPTION_CLASS.search(_classes(node)):
            figure = _figure_of(node)
            figure = figure if figure is not None else _image_before(node)
            if figure is not None:
                return figure
        if tag == "td" and _caption_sized(element):
            table = next((a for a in node.iterancestors() if _tag(a) == "table"), None)
            if table is not None and any(True for _ in table.iter("img")) and not any(True for _ in node.iter("img")):
                return table
    return None


def _caption_sized(element) -> bool:
    """Text a caption could be: one sentence at most, not long. On old pages laid out in
    tables, the article's paragraphs sit in a cell beside the photos: they are text."""
    from .structure import CAPTION_MAX_HAN, CAPTION_MAX_LATIN, is_han_text, several_sentences

    text = normalize(" ".join(element.itertext()))
    limit = CAPTION_MAX_HAN if is_han_text(text) else CAPTION_MAX_LATIN
    return len(text) <= limit and not several_sentences(text)


def _wraps_caption(element) -> bool:
    """A block whose text is all inside one element marked as a caption (`<div><em><span
    class="img_caption">…`)."""
    text = normalize(" ".join(element.itertext()))
    return any(
        _CAPTION_CLASS.search(_classes(inner)) and normalize(" ".join(inner.itertext())) == text
        for inner in element.iterdescendants()
        if isinstance(inner.tag, str)
    )


def _image_before(node) -> object | None:
    """The photo a caption box follows: the element just before it, or before its parent,
    holding an image (`<div><img></div><div><span class="caption">…`)."""
    for element in (node, node.getparent()):
        if element is None:
            continue
        before = element.getprevious()
        if before is not None and isinstance(before.tag, str) and any(True for _ in before.iter("img")):
            return before
    return None


def _figure_of(element) -> object | None:
    """The nearest ancestor that holds an image: a <figure>, an image table or a captioned box."""
    for node in element.iterancestors():
        tag = _tag(node)
        if tag in ("figure", "table") and any(True for _ in node.iter("img")):
            return node
        if tag in ("article", "main", "body", "section"):
            return None
        if tag == "div" and _CAPTION_CLASS.search(_classes(node)) is None and any(True for _ in node.iter("img")):
            if len(list(node.iter("img"))) == 1 and len(normalize(" ".join(node.itertext()))) < 400:
                return node
    return None


def _alt_is_caption(alt: str, title: str | None) -> bool:
    if _FILE_NAME.search(alt) or _GENERIC_ALT.match(alt) or alt.startswith(("http://", "https://", "/")):
        return False
    if title and (alt == title or alt in title or title in alt):
        return False
    han = sum(1 for ch in alt if "\u3400" <= ch <= "\u9fff")
    return han >= 6 or len(alt.split()) >= 4


def _is_linked(img) -> bool:
    return any(_tag(a) == "a" for a in img.iterancestors())


def _heading_role(block: TextBlock) -> Role | None:
    tag = _tag(block.element)
    if tag in ("h2", "h3", "h4", "h5", "h6") and heading_shaped(block.text):
        return Role.HEADING if tag == "h2" else Role.SUBHEADING
    if tag == "p" and heading_shaped(block.text) and _all_bold(block.element):
        from .credits import byline, is_author_name

        if not is_author_name(block.text) and not byline(block.text):
            return Role.HEADING
    return None


def _all_bold(element) -> bool:
    children = [c for c in element if isinstance(c.tag, str)]
    if (element.text or "").strip() or len(children) != 1:
        return False
    child = children[0]
    return _tag(child) in ("strong", "b") and not (child.tail or "").strip()


def _region(element, default: str | None = "page text outside the article") -> str | None:
    for node in [element, *element.iterancestors()]:
        tag = _tag(node)
        if tag in _TAG_REGIONS:
            return _TAG_REGIONS[tag]
        names = _classes(node)
        if names:
            for region, pattern in _REGIONS:
                if pattern.search(names):
                    return region
    return default


def _classes(node) -> str:
    return " ".join(filter(None, (node.get("class"), node.get("id"), node.get("role"))))


def _tag(node) -> str:
    return node.tag.lower() if isinstance(node.tag, str) else ""


def _usable_title(title: str | None, doc) -> bool:
    """A title from the page's metadata, unless it is only the site's name."""
    if not title:
        return False
    site = normalize(getattr(doc, "sitename", "") or "")
    return title != site and len(title.split()) >= 3 or sum(1 for ch in title if "\u3400" <= ch <= "\u9fff") >= 6


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


# What a page's author metadata holds besides people: the site, the paper, a desk.
_NOT_A_PERSON = re.compile(
    r"\.(?:vn|com|net|org|cn|tw|ua)\b|\b(?:vn|news|online|media|corp|group|desk|editor|admin)\b"
    r"|^(?:báo|tạp chí|đài|cổng|ban biên tập|тов|редакція)\b|(?:网|網|报|報|社|台|新闻|新聞|中心|频道|頻道)$",
    re.IGNORECASE,
)
# Words a name may come with: `Theo Hồ Hương` (according to), `By …`, `Автор: …`.
_BEFORE_NAME = re.compile(r"^(?:theo|by|bài|tác giả|автор(?:ка)?|作者|记者|記者)\s*[:：]?\s+", re.IGNORECASE)


def _authors(value: str | None, site: str | None = None) -> list[str]:
    """People named in a page's author metadata: never the site, a paper or a desk."""
    if not value:
        return []
    names = [_BEFORE_NAME.sub("", normalize(a)) for a in re.split(r"\s*;\s*", value) if normalize(a)]
    site_name = normalize(site or "").lower()
    return [n for n in names if n and n.lower() != site_name and not _NOT_A_PERSON.search(n)]


def _date_beside(blocks: list[TextBlock], headline: int | None):
    """The date a page prints beside its headline: a date line among the blocks just under it
    (the article's own date; a page's metadata may give its last change or the site's); and the
    author's name when the line holds one (`Nguyên Minh - 07/03/2026 08:47`)."""
    from .credits import fields_line, is_author_name
    from .dates import labelled_timestamp, timestamp

    if headline is None:
        return None, None
    after = [b for b in blocks if b.kind == "text" and b.no > headline][:BESIDE_HEADLINE]
    for block in after:
        fields = fields_line(block.text)
        labelled = labelled_timestamp(block.text)
        found = timestamp(block.text) or (labelled.found if labelled else None)
        if found is None and fields and fields.date_text:
            found = timestamp(fields.date_text)
        if found is not None and found.year_given:
            name = labelled.label if labelled and labelled.before and is_author_name(labelled.label) else None
            return found.start, name
    return None, None


# How many text blocks under a headline are searched for its date.
BESIDE_HEADLINE = 6


# What trafilatura falls back to when a page does not name its publisher: an address,
# a domain, a social-media handle. None of them is a name a reader can be shown as one.
_NOT_A_NAME = re.compile(r"://|^www\.|^[\w.-]+\.[a-z]{2,}(?:/.*)?$|^@", re.I)


def _site_name(value: str | None, title: str | None) -> str | None:
    """The publisher as the page names itself (og:site_name and the like), never an address or the headline."""
    name = normalize(value or "")
    if not name or len(name) > 120 or name == title or _NOT_A_NAME.search(name):
        return None
    return name


def _url(value: str | None) -> str | None:
    if value and re.match(r"^https?://[^\s/]+", value):
        return value
    return None


def restore(extracted: Extracted, numbers: set[int]) -> Extracted:
    """Bring lines the extractor left out back into the article (meta.yml names them)."""
    back = {d.line for d in extracted.page.dropped if d.line in numbers}
    if not back:
        return extracted
    out = extracted.text.split("\n")
    for no in back:
        out[no - 1] = extracted.lines[no - 1]
    page = replace(extracted.page, dropped=tuple(d for d in extracted.page.dropped if d.line not in back))
    return Extracted("\n".join(out), extracted.lines, page)
