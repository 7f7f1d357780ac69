"""MkDocs hooks (mkdocs.yml `hooks:`): the archive's pages on top of Material and mkdocs-static-i18n.

mkdocs-static-i18n builds the site once per language (vi at /, then zh and uk
into /zh/, /uk/), reusing one config. These hooks:

- read every article's front matter once per build (catalog.py), before the
  first language, so no page ever scans the corpus;
- add the pages that have no Markdown file: listings by year and event, and an
  honest "not available in <language>" page at `articles/<key>/` for every
  language an article lacks (the plugin's own fallback, copying the Vietnamese
  text under /zh/ with lang="zh", is turned off in mkdocs.yml);
- know which page exists in which language, and its URLs (pagemap.py);
- give each page its template and its data (views.py), with front matter
  treated as untrusted text;
- keep one 404 page per language and the root 404 in the default language,
  and build sitemap.xml once per build (sitemap.py);
- make the side-by-side pages (`articles/<key>/parallel/<other>/`, sidebyside.py),
  out of the search index and the sitemap;
- index each language for search with Pagefind as soon as it is built (and,
  for Chinese, write which characters stand for which across scripts,
  chinese.py);
- write each language's Atom feed (feeds.py), and give every page its Open
  Graph tags and each article its JSON-LD (seo.py);
- say the chrome's last words in the page's language (the headings' ¶ link
  titles), point Material's skip link at the page's own content, and light
  up the menu's section on pages the menu does not list (navigation.py);
- on `mkdocs build`, build the other languages in processes of their own, so
  a machine's cores share the work (parallel.py).

ARCHITECTURE.md, "The site", describes how these parts fit together.
"""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path

from jinja2 import pass_context
from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils import normalize_url

# MkDocs loads this file by path; `scripts` is an installed package (`make venv`).
from scripts import contract, paths
from scripts.site import (
    chinese,
    compact,
    csp,
    feeds,
    links,
    navigation,
    parallel,
    search_index,
    seo,
    sidebyside,
    sitemap,
    strings,
)
from scripts.site.catalog import CatalogError, read_catalog
from scripts.site.pagemap import (
    ARCHIVE,
    ARTICLE,
    EVENT,
    EVENTS,
    HOME,
    MISSING,
    PLACE,
    PLACES,
    SIDE_BY_SIDE,
    YEAR,
    YEARS,
    PageMap,
)
from scripts.site.views import Views

TEMPLATES = {
    ARTICLE: "article.html",
    MISSING: "missing.html",
    ARCHIVE: "listing.html",
    YEARS: "listing.html",
    YEAR: "listing.html",
    EVENTS: "listing.html",
    EVENT: "listing.html",
    HOME: "home.html",
    PLACES: "listing.html",
    PLACE: "listing.html",
    SIDE_BY_SIDE: "parallel.html",
}
# `make bench` builds once without the side-by-side pages (and the links to them) to
# measure what they cost: ARCHIVE_SIDE_BY_SIDE=off. Nothing else sets it.
SIDE_BY_SIDE_SWITCH = "ARCHIVE_SIDE_BY_SIDE"


class _Build:
    """What one `mkdocs build` knows about the whole archive, shared by its per-language builds."""

    def __init__(self, config, i18n) -> None:
        docs = Path(config.docs_dir)
        self.default = i18n.default_language
        self.languages = tuple(i18n.build_languages)
        self.names = {lang.locale: lang.name for lang in i18n.config.languages}
        # The project's own sources/events.yml, beside its mkdocs.yml (a scratch project's in tests).
        project = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        events = project / paths.SOURCES.relative_to(paths.ROOT) / contract.EVENTS_NAME
        places = events.with_name(contract.PLACES_NAME)
        try:
            catalog = read_catalog(docs, self.languages, events, places)
            self.pages = PageMap(
                catalog,
                self.default,
                config.site_url,
                handwritten_pages(docs, self.languages),
                side_by_side=os.environ.get(SIDE_BY_SIDE_SWITCH) != "off",
            )
            self.strings = {lang: strings.for_language(lang, self.languages) for lang in self.languages}
        except (CatalogError, strings.StringsError) as err:
            raise PluginError(str(err)) from err
        repo = (config.repo_url or "").rstrip("/")
        self.views = Views(
            self.pages, self.names, self.strings, f"{repo}/blob/HEAD/" if repo else None, sidebyside.Bodies(docs)
        )
        self.seo = seo.Seo(self.pages)
        # Each language's site name and description, for its feed (written after its build).
        self.site_names = {lang.locale: lang.site_name or config.site_name for lang in i18n.config.languages}
        self.descriptions = {
            lang.locale: lang.site_description or config.site_description for lang in i18n.config.languages
        }

    @cached_property
    def sitemap_xml(self) -> str:
        """Built once per build, although each language's build renders sitemap.xml."""
        return sitemap.xml(self.pages)


_build: _Build | None = None
_command: str | None = None  # "build", "serve" or "gh-deploy": how MkDocs was started
_dirty = False


def on_startup(command, dirty):
    global _command, _dirty
    _command, _dirty = command, dirty


def _i18n(config):
    try:
        return config.plugins["i18n"]
    except KeyError as err:
        raise PluginError("scripts/site/hooks.py needs the mkdocs-static-i18n plugin (`i18n` in mkdocs.yml)") from err


def handwritten_pages(docs: Path, languages: tuple[str, ...]) -> dict[str, set[str]]:
    """Language-relative paths of the Markdown pages editors write (not the generated articles)."""
    found: dict[str, set[str]] = {}
    for lang in languages:
        base = docs / lang
        pages = set()
        for md in base.rglob("*.md"):
            rel = md.relative_to(base)
            if rel.parts[0] == "articles":
                continue
            stem = rel.with_suffix("")
            if stem.name in ("index", "README"):
                stem = stem.parent
            pages.add("" if str(stem) == "." else stem.as_posix() + "/")
        found[lang] = pages
    return found


def on_config(config):
    global _build
    i18n = _i18n(config)
    if not i18n.building:  # the first language of a build: read the archive once
        _refuse_links(config)
        _build = _Build(config, i18n)
    # The toc extension's options are one for the whole config (the i18n plugin
    # forbids per-language mdx_configs); each language's build sets its own.
    lang = i18n.current_language or i18n.default_language
    navigation.set_permalink_title(config, _build.strings[lang]["permalink_title"])
    return config


def _refuse_links(config) -> None:
    """Before anything is read: no link under docs/, overrides/ or sources/ leads out of the
    repository's tracked files, or MkDocs would publish what it points at (links.py)."""
    project = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
    folders = [Path(config.docs_dir), project / paths.SOURCES.relative_to(paths.ROOT)]
    if config.theme.custom_dir:
        folders.append(Path(config.theme.custom_dir))
    refused = links.check(project, folders)
    if refused:
        raise PluginError(str(links.LinkError(refused)))


def on_pre_build(config):
    # A one-off `mkdocs build` builds the other languages in processes of their
    # own, starting now; `mkdocs serve` keeps building them one after another.
    if _command == "build" and not _i18n(config).building and parallel.enabled():
        parallel.start(config, _dirty)


@event_priority(-110)  # after mkdocs-static-i18n has picked this language's files
def on_files(files, config):
    lang = _i18n(config).current_language
    for page in _build.pages.generated(lang):
        file = File.generated(config, f"{lang}/{page.path}index.md", content="")
        file.dest_uri = _build.pages.url(lang, page.path) + "index.html"
        files.append(file)
    return files


@pass_context
def _page_url(context, path: str) -> str:
    """MkDocs' `url` filter for a site-root-relative page URL, where "" is the site root.

    `url` turns "" into "." and, on the 404 page (whose base is absolute), into
    "/." ; this gives "../../" and "/" instead.
    """
    url = normalize_url(str(path) or "./", page=context.get("page"), base=context.get("base_url", ""))
    return url[:-2] if url.endswith("/./") else url


def on_env(env, config, files):
    env.filters["page_url"] = _page_url
    env.globals["arc_prefix"] = _build.pages.prefix(_i18n(config).current_language)
    return env


def on_page_markdown(markdown, page, config, files):
    lang = _i18n(config).current_language
    path = page.url.removeprefix(_build.pages.prefix(lang)).lstrip("/")
    view = _build.views.page(lang, "" if path in (".", "./") else path)
    page.archive = view  # read by on_page_context
    meta = page.meta
    if view.kind == ARTICLE and page.file.generated_by is None:
        # Only the front matter ingestion writes (contract.FIELDS; ARCHITECTURE.md, "The
        # contract"): other keys are dropped, so a source cannot switch templates or Material features.
        meta = {k: v for k, v in meta.items() if k in contract.FIELDS}
    template = TEMPLATES.get(view.kind)
    if template and (view.kind != HOME or "template" not in meta):
        meta["template"] = template
    if view.kind == SIDE_BY_SIDE:
        meta["hide"] = ["navigation", "toc"]  # the two columns take the whole width
    title = view.title or meta.get("title")
    if title:
        # Material prints page.meta.title and page.title unescaped (header, <title>,
        # navigation); escaping the value once makes every such place safe. Markup is
        # not escaped again by `| e`.
        meta["title"] = Markup(escape(str(title)))
    page.meta = meta
    return markdown


def on_page_context(context, page, config, nav):
    view = getattr(page, "archive", None)
    if view is not None:
        _build.seo.fill(view, page.content, config.site_name, config.site_description)
        context["arc"] = view
        context["ui"] = _build.strings[view.lang]
    navigation.skip_to_content(page)
    navigation.mark_section(nav, page, _build.pages.url(view.lang, "") if view is not None else None)
    return context


@event_priority(-200)  # last: the Content-Security-Policy hashes the page's final inline scripts
def on_post_page(output, page, config):
    navigation.unmark_sections()
    return _with_csp(compact.compact(output), page.file.src_uri)


def _with_csp(html: str, name: str) -> str:
    """The page with its Content-Security-Policy (csp.py)."""
    try:
        return csp.add(html)
    except csp.CspError as err:
        raise PluginError(f"{name}: {err}") from err


def on_template_context(context, template_name, config):
    lang = _i18n(config).current_language
    if template_name == "404.html":
        context["arc"] = _build.views.not_found(lang)
        context["ui"] = _build.strings[lang]
        context["arc_languages"] = [(other, _build.pages.prefix(other)) for other in _build.languages]
        context["arc_default"] = _build.default
    elif template_name == "sitemap.xml":
        context["arc_sitemap"] = Markup(_build.sitemap_xml)
    return context


@event_priority(-200)  # last, as on_post_page: the 404 pages get their Content-Security-Policy here
def on_post_template(output_content, template_name, config):
    """One 404 page per language, at /<lang>/404.html; the root 404.html and the
    sitemap are the default language build's.

    Each language's build renders 404.html and sitemap.xml to the site root;
    the other languages' builds write their 404 where it belongs and leave the
    root files alone (an empty output is not written), so builds running side
    by side never write the same file.
    """
    if template_name.endswith(".html"):
        output_content = _with_csp(output_content, template_name)
    if template_name not in ("404.html", "sitemap.xml"):
        return output_content
    lang = _i18n(config).current_language
    if lang == _build.default:
        return output_content
    if template_name == "404.html":
        target = Path(config.site_dir) / _build.pages.prefix(lang) / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output_content, encoding="utf-8")
    return ""


@event_priority(-110)  # after mkdocs-static-i18n has built (or started building) the other languages
def on_post_build(config):
    """Index this language for search; after the default language, wait for the others."""
    i18n = _i18n(config)
    # Pagefind and the stemmer come from the repository's node_modules (a scratch project links scripts/ to it).
    site, root = Path(config.site_dir), paths.ROOT
    try:
        if i18n.building:  # one of the other languages, built within the default one's build
            search_index.build(site, root, _build.pages.prefix(i18n.current_language))
            _after_language(site, i18n.current_language)
            return
        search_index.build(site, root, _build.pages.prefix(_build.default))
        _after_language(site, _build.default)
        search_index.install_stemmer(site, root)
    except search_index.SearchIndexError as err:
        parallel.stop()
        raise PluginError(str(err)) from err
    failed = parallel.wait()
    if failed:
        raise PluginError(f"building {', '.join(failed)} failed (its messages are above)")


def _after_language(site: Path, lang: str) -> None:
    """What a language's build writes besides its pages: its feed; for Chinese, its search's character table."""
    feeds.write(site, lang, _build.pages, _build.site_names[lang], _build.descriptions.get(lang), _build.seo.leads)
    if lang == "zh":
        chinese.write_table(site, _build.pages.prefix(lang))
