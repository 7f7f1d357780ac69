"""What search engines and link previews read in a page's <head>.

- **Open Graph** on every page: its title, description, canonical URL, site
  name, `og:locale` and an `og:locale:alternate` for each language the page
  exists in besides its own; an article is `og:type` article with its date.
- **JSON-LD** on each article: a schema.org `NewsArticle` with its headline,
  date, `inLanguage`, authors, the publisher and the page it is based on
  (`isBasedOn`, the source's address) where known, the places it mentions,
  and how the language versions relate: a translation names the version it
  was translated from (`translationOfWork`), and that version names its
  translations (`workTranslation`). Parallel texts and separate reports are
  not translations, so they are not linked that way.

Every value here is source text. The JSON-LD is printed inside a
`<script type="application/ld+json">` element, whose content the HTML parser
ends at the first `</script`: so `<`, `>` and `&` are written as JSON escapes
(`\\u003c`...), and no title can close the element or open a comment. It is
data, never run, so the page's content security policy needs no hash for it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from scripts.contract import FrontMatter, Relation

from .pagemap import ARTICLE, PageMap

# Open Graph locales (language_TERRITORY) of the site's languages; Chinese in Traditional
# characters is zh_TW (the archive's Traditional sources keep their script).
OG_LOCALES = {"vi": "vi_VN", "zh": "zh_CN", "uk": "uk_UA"}
HANT = "zh-Hant"
# A description longer than this is cut at a word (or, in Chinese, anywhere) and ends with "…":
# about what search engines and link previews show. A feed's summary may be longer.
DESCRIPTION_CHARS = 200
SUMMARY_CHARS = 600
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def og_locale(lang: str, script: str | None = None) -> str:
    if lang == "zh" and script == HANT:
        return "zh_TW"
    return OG_LOCALES.get(lang, lang)


def language_tag(lang: str, script: str | None = None) -> str:
    """The BCP 47 tag of an article's text: `zh-Hant` for Traditional characters, else the language."""
    return HANT if lang == "zh" and script == HANT else lang


def lead(html: str | None) -> str | None:
    """The text of the first paragraph of a page's content (not a heading, not a caption)."""
    if not html:
        return None
    import lxml.html

    try:
        fragments = lxml.html.fragments_fromstring(html)
    except Exception:  # noqa: BLE001 - an unparseable body only means no description
        return None
    for fragment in fragments:
        if not isinstance(fragment, lxml.html.HtmlElement):
            continue
        for p in fragment.iter("p") if fragment.tag != "p" else [fragment]:
            text = " ".join(p.text_content().split())
            if text:
                return text
    return None


def shorten(text: str, limit: int = DESCRIPTION_CHARS) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,.;:—–-") + "…"


def script_json(data: object) -> str:
    """JSON that can stand inside a <script> element: nothing in it can end the element or open a comment."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_SAFE)


@dataclass
class Seo:
    """Fills in a page's view for search engines and link previews; remembers each article's lead (the feeds use it)."""

    pages: PageMap
    leads: dict[tuple[str, str], str] = field(default_factory=dict)

    def fill(self, view, content_html: str | None, site_name: str, site_description: str | None) -> None:
        article = view.article if view.kind == ARTICLE else None
        if article is not None:
            first = lead(content_html)
            if first:
                view.description = shorten(first, DESCRIPTION_CHARS)
                self.leads[(article.lang, article.key)] = shorten(first, SUMMARY_CHARS)
            view.json_ld = script_json(self.news_article(article, view, site_name))
        view.open_graph = self.open_graph(view, article, site_name, view.description or site_description)

    def open_graph(self, view, article: FrontMatter | None, site_name: str, description: str | None) -> list:
        props = [
            ("og:type", "article" if article else "website"),
            ("og:title", view.title or site_name),
            ("og:site_name", site_name),
        ]
        if description:
            props.append(("og:description", description))
        if view.canonical:
            props.append(("og:url", view.canonical))
        props.append(("og:locale", og_locale(view.lang, article.script if article else None)))
        props += [("og:locale:alternate", og_locale(lang, self._script(lang, view))) for lang in self._others(view)]
        if article and article.date:
            props.append(("article:published_time", article.date.isoformat()))
        return props

    def news_article(self, article: FrontMatter, view, site_name: str) -> dict:
        url = self.pages.absolute(article.lang, view.path)
        data: dict = {"@context": "https://schema.org", "@type": "NewsArticle"}
        if url:
            data |= {"@id": url, "url": url}
        data["headline"] = article.title
        if article.kicker:
            data["alternativeHeadline"] = article.kicker
        if view.description:
            data["description"] = view.description
        if article.date:
            data["datePublished"] = article.date.isoformat()
        data["inLanguage"] = language_tag(article.lang, article.script)
        if article.authors:
            data["author"] = [{"@type": "Person", "name": name} for name in article.authors]
        if article.source_name:
            data["publisher"] = {"@type": "Organization", "name": article.source_name}
        if article.source_url:
            data["isBasedOn"] = article.source_url
        if view.places:
            data["contentLocation"] = [{"@type": "Place", "name": p.title, **self._url(p.url)} for p in view.places]
        original = self._translated_from(article)
        if original is not None:
            data["translationOfWork"] = self._work(original)
        translations = self._translations(article)
        if translations:
            data["workTranslation"] = [self._work(t) for t in translations]
        home = self.pages.absolute(article.lang, "")
        data["isPartOf"] = {"@type": "WebSite", "name": site_name, **({"url": home} if home else {})}
        return data

    # The versions of an article -------------------------------------------------------------------

    def _translated_from(self, article: FrontMatter) -> FrontMatter | None:
        if article.relation != Relation.TRANSLATION or not article.translation_of:
            return None
        return self.pages.catalog.versions(article.key).get(article.translation_of)

    def _translations(self, article: FrontMatter) -> list[FrontMatter]:
        return [
            version
            for version in self.pages.catalog.versions(article.key).values()
            if version.relation == Relation.TRANSLATION and version.translation_of == article.lang
        ]

    def _work(self, version: FrontMatter) -> dict:
        work: dict = {"@type": "NewsArticle"}
        url = self.pages.absolute(version.lang, f"articles/{version.key}/")
        if url:
            work["@id"] = url
        work["headline"] = version.title
        work["inLanguage"] = language_tag(version.lang, version.script)
        return work

    def _url(self, path: str) -> dict:
        url = self.pages.site_url and self.pages.site_url + path
        return {"url": url} if url else {}

    def _others(self, view) -> list[str]:
        """The other languages the page exists in (its hreflang alternates, x-default aside)."""
        langs = [lang for lang, _ in view.alternates if lang not in ("x-default", view.lang)]
        return [lang for lang in self.pages.languages if lang in langs]

    def _script(self, lang: str, view) -> str | None:
        if view.kind != ARTICLE or view.article is None:
            return None
        version = self.pages.catalog.versions(view.article.key).get(lang)
        return version.script if version else None
