"""What each kind of page shows, as plain data for the templates.

Values stay plain text (titles, names from sources); the templates escape
them. URLs are site-root-relative, for MkDocs' `url` filter, so the site works
under any sub-path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import groupby
from urllib.parse import urlsplit

from scripts.contract import FrontMatter, Relation

from . import sidebyside
from .pagemap import (
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
    place,
)
from .strings import count_text, date_text

NEWEST_ON_HOME = 5


@dataclass
class Item:
    """One article in a list."""

    url: str
    title: str
    lang: str
    date: str | None
    datetime: str | None
    kicker: str | None = None
    event: str | None = None
    event_url: str | None = None
    relation: str | None = None
    count: int | None = None
    count_text: str | None = None  # the count with its noun, in the reader's grammar: 2 статті
    language: str | None = None  # the version's language, named in that language: 中文


@dataclass
class Part:
    """A piece of a sentence: plain text, a link (url), or a date (datetime, ISO)."""

    text: str
    url: str | None = None
    datetime: str | None = None


@dataclass
class Group:
    label: str
    anchor: str | None
    items: list[Item]


@dataclass
class Switch:
    lang: str
    name: str
    url: str
    current: bool
    available: bool


@dataclass
class View:
    lang: str
    path: str
    kind: str
    switcher: list[Switch]
    alternates: list[tuple[str, str]]
    canonical: str | None
    noindex: bool
    home_url: str = ""
    archive_url: str = "articles/"
    title: str | None = None
    lead: str | None = None
    article: FrontMatter | None = None
    facts: list[tuple[str, str]] = field(default_factory=list)
    event: Item | None = None
    source: Item | None = None
    source_file: str | None = None
    original_language: str | None = None
    text_relation: str | None = None
    versions: list[Item] = field(default_factory=list)
    missing_versions: list[str] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    others: list[Item] = field(default_factory=list)
    newest: list[Item] = field(default_factory=list)
    events: list[Item] = field(default_factory=list)  # the events the archive reports
    # Where an article comes from: the publisher's name, and a note for what is not recorded.
    publisher: str | None = None
    source_note: str | None = None
    places: list[Item] = field(default_factory=list)  # an article's places; on /places/, every place
    aliases: list[tuple[str, str]] = field(default_factory=list)  # a place's names: (language, name)
    # For search engines and link previews (seo.py): the article's lead, the Open Graph
    # properties, the JSON-LD (already made safe to print inside <script>).
    description: str | None = None
    open_graph: list[tuple[str, str]] = field(default_factory=list)
    json_ld: str | None = None
    side_by_side: list[sidebyside.Link] = field(default_factory=list)  # an article's: read it beside another
    parallel: sidebyside.ParallelText | None = None  # a side-by-side page's two versions, in rows
    about: list[Part] = field(default_factory=list)  # a "not available" page: the event and date it reports


class Views:
    def __init__(
        self,
        pages: PageMap,
        names: dict[str, str],
        strings: dict[str, dict],
        repo_source_url: str | None = None,
        bodies: sidebyside.Bodies | None = None,
    ):
        self.pages = pages
        self.bodies = bodies  # article bodies, for the side-by-side pages
        self.catalog = pages.catalog
        self.names = names  # each language's own name for itself: Tiếng Việt, 中文, Українська
        self.strings = strings
        self.repo_source_url = repo_source_url  # e.g. https://github.com/o/r/blob/main/ ; None: no link

    # Shared parts -------------------------------------------------------------------------

    def switcher(self, lang: str, path: str | None) -> list[Switch]:
        if path is not None and place(path).kind == SIDE_BY_SIDE:
            key, other = place(path).ref
            switches = []
            for target in self.pages.languages:
                url, available = self.pages.side_by_side_switch(lang, target, key, other)
                switches.append(Switch(target, self.names.get(target, target), url, target == lang, available))
            return switches
        return [
            Switch(
                other,
                self.names.get(other, other),
                self.pages.switch_target(other, path),
                other == lang,
                path is None or self.pages.exists(other, path),
            )
            for other in self.pages.languages
        ]

    def item(self, article: FrontMatter, ui: str) -> Item:
        event = self.catalog.events.get(article.event) if article.event else None
        return Item(
            url=self.pages.url(article.lang, f"articles/{article.key}/"),
            title=article.title,
            lang=article.lang,
            date=date_text(ui, article.date, article.date_end) if article.date else None,
            datetime=article.date.isoformat() if article.date else None,
            kicker=article.kicker,
            event=event.name(ui) if event else None,
            event_url=self.pages.url(ui, f"events/{article.event}/") if event else None,
            relation=self.relation_text(article, ui),
        )

    def relation_text(self, article: FrontMatter, ui: str) -> str:
        s = self.strings[ui]
        if article.relation == Relation.TRANSLATION and article.translation_of in s["translated_from"]:
            return s["translated_from"][article.translation_of]
        return s.get(f"relation_{article.relation}") or s["relation_original"]

    def base(self, lang: str, path: str, kind: str) -> View:
        return View(
            lang=lang,
            path=path,
            kind=kind,
            switcher=self.switcher(lang, path),
            alternates=self.pages.alternates(path),
            canonical=self.pages.canonical(lang, path),
            noindex=not self.pages.exists(lang, path),
            home_url=self.pages.url(lang, ""),
            archive_url=self.pages.url(lang, "articles/"),
        )

    # Pages ------------------------------------------------------------------------------

    def page(self, lang: str, path: str) -> View:
        where = place(path)
        if where.kind == ARTICLE:
            if (lang, where.ref) in self.catalog.articles:
                return self.article(lang, path, self.catalog.articles[(lang, where.ref)])
            return self.missing(lang, path, where.ref)
        if where.kind == ARCHIVE:
            return self.archive(lang, path)
        if where.kind == YEARS:
            return self.years(lang, path)
        if where.kind == YEAR:
            return self.year(lang, path, where.ref)
        if where.kind == EVENTS:
            return self.events(lang, path)
        if where.kind == EVENT:
            return self.event(lang, path, where.ref)
        if where.kind == HOME:
            return self.home(lang, path)
        if where.kind == PLACES:
            return self.places_listing(lang, path)
        if where.kind == PLACE:
            return self.place(lang, path, where.ref)
        if where.kind == SIDE_BY_SIDE:
            return self.side_by_side(lang, path, *where.ref)
        return self.base(lang, path, where.kind)

    def article(self, lang: str, path: str, article: FrontMatter) -> View:
        s = self.strings[lang]
        view = self.base(lang, path, ARTICLE)
        view.article = article
        view.title = article.title
        if article.date:
            view.facts.append((s["label_date"], date_text(lang, article.date, article.date_end)))
        if article.authors:
            view.facts.append((s["label_authors"], ", ".join(article.authors)))
        if article.agency:
            view.facts.append((s["label_agency"], article.agency))
        if article.event:
            event = self.catalog.events.get(article.event)
            view.event = Item(self.pages.url(lang, f"events/{article.event}/"), event.name(lang), lang, None, None)
        self.source(view, article, s)
        view.places = [self.place_item(p, lang) for p in article.places if p in self.catalog.places]
        if article.source and self.repo_source_url:
            view.source_file = self.repo_source_url + article.source
        original = self.catalog.original(article.key)
        if article.relation == Relation.ORIGINAL:
            view.original_language = s["language"][article.lang]
        elif article.relation == Relation.TRANSLATION and article.translation_of in s["language"]:
            view.original_language = s["language"][article.translation_of]
        elif article.relation == Relation.PARALLEL and original and original.relation == Relation.ORIGINAL:
            view.original_language = s["language"][original.lang]
        view.text_relation = self.relation_text(article, lang)
        for other, version in self.catalog.versions(article.key).items():
            if other != lang:
                view.versions.append(self.version(version, lang))
        view.missing_versions = [
            self.names.get(other, other)
            for other in self.pages.languages
            if other not in self.catalog.by_key[article.key]
        ]
        view.side_by_side = [
            sidebyside.link(
                self.pages.url(lang, sidebyside.path(article.key, other)),
                other,
                self.names.get(other, other),
                s["sbs_link"],
            )
            for other in self.pages.side_by_side(lang, article.key)
        ]
        return view

    def source(self, view: View, article: FrontMatter, s: dict) -> None:
        """The publisher and the page's address, each where known; said plainly when neither is."""
        view.publisher = article.source_name
        if article.source_url:
            view.source = Item(article.source_url, _host(article.source_url), article.lang, None, None)
        if not article.source_name and not article.source_url:
            view.source_note = s["source_unrecorded"]
        elif not article.source_url:
            view.source_note = s["source_no_address"]

    def place_item(self, place_id: str, lang: str) -> Item:
        place = self.catalog.places[place_id]
        within = self.catalog.places.get(place.within) if place.within else None
        return Item(
            self.pages.url(lang, f"places/{place_id}/"),
            place.name(lang),
            lang,
            None,
            None,
            kicker=within.name(lang) if within else None,
            count=len(self.catalog.in_place(lang, place_id)),
            count_text=self.count_articles(lang, len(self.catalog.in_place(lang, place_id))),
        )

    def places_listing(self, lang: str, path: str) -> View:
        """Every place an article mentions, by country, with how many articles `lang` holds on each."""
        s = self.strings[lang]
        view = self.base(lang, path, PLACES)
        view.title = s["places_title"]
        view.lead = s["places_lead"]
        by_country: dict[str | None, list[Item]] = {}
        for place_id in self.catalog.mentioned_places:
            country = self.catalog.places[place_id].country
            by_country.setdefault(country, []).append(self.place_item(place_id, lang))
        view.groups = [
            Group(s["country"].get(country, country or ""), country, items) for country, items in by_country.items()
        ]
        return view

    def place(self, lang: str, path: str, place_id: str) -> View:
        s = self.strings[lang]
        locality = self.catalog.places[place_id]
        articles = self.catalog.in_place(lang, place_id)
        view = self.base(lang, path, PLACE)
        view.title = locality.name(lang)
        view.lead = count_text(lang, s["place_lead"], len(articles)) if articles else s["empty"]
        view.aliases = [(other, name) for other in self.pages.languages for name in locality.spellings.get(other, ())]
        view.groups = self.listing_groups(articles, lang)
        view.others = self.others(lang, path, lambda o: len(self.catalog.in_place(o, place_id)))
        return view

    def side_by_side(self, lang: str, path: str, key: str, other: str) -> View:
        """`key` in `lang` (left) beside its `other` version (right); its canonical is the article's."""
        s = self.strings[lang]
        mine, theirs = self.catalog.articles[(lang, key)], self.catalog.articles[(other, key)]
        article_path = f"articles/{key}/"
        view = View(
            lang,
            path,
            SIDE_BY_SIDE,
            self.switcher(lang, path),
            alternates=[],
            canonical=self.pages.absolute(lang, article_path),
            noindex=False,
            home_url=self.pages.url(lang, ""),
            archive_url=self.pages.url(lang, "articles/"),
            title=s["sbs_page_title"].format(title=mine.title),
        )
        if self.bodies is None:
            raise ValueError("Views needs the article bodies (bodies=) to make side-by-side pages")
        rows = sidebyside.rows(
            (lang, self.bodies.blocks(lang, key)),
            (other, self.bodies.blocks(other, key)),
            sidebyside.pairs_between(mine, theirs),
            left_first=self.pages.languages.index(lang) < self.pages.languages.index(other),
        )
        view.parallel = sidebyside.ParallelText(
            self.side_by_side_version(mine, lang),
            self.side_by_side_version(theirs, lang),
            rows,
            sidebyside.differs(rows),
            s["sbs_lead"].format(left=s["language"][lang], right=s["language"][other]),
        )
        return view

    def side_by_side_version(self, article: FrontMatter, ui: str) -> sidebyside.Version:
        return sidebyside.Version(
            lang=article.lang,
            name=self.names.get(article.lang, article.lang),
            title=article.title,
            url=self.pages.url(article.lang, f"articles/{article.key}/"),
            kicker=article.kicker,
            # In the reader's language, as the line that shows it is (`arc-sbs__meta`).
            date=date_text(ui, article.date, article.date_end) if article.date else None,
            datetime=article.date.isoformat() if article.date else None,
            authors=", ".join(article.authors) or None,
            relation=self.relation_text(article, ui),
        )

    def version(self, article: FrontMatter, ui: str) -> Item:
        item = self.item(article, ui)
        item.language = self.names.get(article.lang, article.lang)
        return item

    def missing(self, lang: str, path: str, key: str) -> View:
        s = self.strings[lang]
        view = self.base(lang, path, MISSING)
        view.title = s["missing_title"]
        view.lead = s["missing_lead"] if self.catalog.by_key.get(key) else s["missing_none"]
        view.versions = [self.version(v, lang) for v in self.catalog.versions(key).values()]
        view.about = self.about(lang, key)
        return view

    def about(self, lang: str, key: str) -> list[Part]:
        """What an article reports, said in `lang` whatever its own language: its event (linked) and its date."""
        article = self.catalog.original(key)
        if article is None:
            return []
        s = self.strings[lang]
        event_id = article.event or next((v.event for v in self.catalog.versions(key).values() if v.event), None)
        event = self.catalog.events.get(event_id) if event_id else None
        parts = {}
        if event:
            parts["event"] = Part(event.name(lang), url=self.pages.url(lang, f"events/{event_id}/"))
        if article.date:
            parts["date"] = Part(date_text(lang, article.date, article.date_end), datetime=article.date.isoformat())
        if event and article.date:
            return fill(s["missing_about_event_date"], parts)
        if event:
            return fill(s["missing_about_event"], parts)
        return fill(s["missing_about_date"], parts) if article.date else []

    def listing_groups(self, articles: list[FrontMatter], lang: str) -> list[Group]:
        s = self.strings[lang]
        groups = []
        for year, items in groupby(articles, key=lambda a: a.year):
            label = str(year) if year else s["undated"]
            groups.append(Group(label, str(year) if year else "undated", [self.item(a, lang) for a in items]))
        return groups

    def others(self, lang: str, path: str, count) -> list[Item]:
        """The same listing in the other languages, with how many articles each holds."""
        found = []
        for other in self.pages.languages:
            n = count(other)
            if other != lang and n:
                found.append(
                    Item(
                        self.pages.url(other, path),
                        self.names.get(other, other),
                        other,
                        None,
                        None,
                        count=n,
                        count_text=self.count_articles(lang, n),
                    )
                )
        return found

    def count_articles(self, lang: str, n: int) -> str:
        return count_text(lang, self.strings[lang]["count_articles"], n)

    def archive(self, lang: str, path: str) -> View:
        s = self.strings[lang]
        articles = self.catalog.by_lang.get(lang, [])
        view = self.base(lang, path, ARCHIVE)
        view.title = s["archive_title"]
        view.lead = count_text(lang, s["archive_lead"], len(articles)) if articles else s["empty"]
        view.groups = self.listing_groups(articles, lang)
        view.others = self.others(lang, path, lambda o: len(self.catalog.by_lang.get(o, [])))
        return view

    def years(self, lang: str, path: str) -> View:
        s = self.strings[lang]
        view = self.base(lang, path, YEARS)
        view.title = s["years_title"]
        view.groups = [
            Group(
                str(year),
                None,
                [
                    Item(
                        self.pages.url(lang, f"years/{year}/"),
                        s["year_title"].format(year=year),
                        lang,
                        None,
                        None,
                        count=len(self.catalog.in_year(lang, year)),
                        count_text=self.count_articles(lang, len(self.catalog.in_year(lang, year))),
                    )
                ],
            )
            for year in self.catalog.years
        ]
        return view

    def year(self, lang: str, path: str, year: int) -> View:
        s = self.strings[lang]
        articles = self.catalog.in_year(lang, year)
        view = self.base(lang, path, YEAR)
        view.title = s["year_title"].format(year=year)
        view.lead = None if articles else s["empty"]
        view.groups = [Group(str(year), None, [self.item(a, lang) for a in articles])] if articles else []
        view.others = self.others(lang, path, lambda o: len(self.catalog.in_year(o, year)))
        return view

    def reported_events(self, lang: str) -> list[Item]:
        """The events the archive reports, newest first, with how many articles `lang` holds on each."""
        items = []
        for event_id in self.catalog.reported_events:
            event = self.catalog.events[event_id]
            first = self.catalog.event_first_day.get(event_id)
            items.append(
                Item(
                    self.pages.url(lang, f"events/{event_id}/"),
                    event.name(lang),
                    lang,
                    str(first.year) if first else None,
                    first.isoformat() if first else None,
                    count=len(self.catalog.in_event(lang, event_id)),
                    count_text=self.count_articles(lang, len(self.catalog.in_event(lang, event_id))),
                )
            )
        return items

    def events(self, lang: str, path: str) -> View:
        view = self.base(lang, path, EVENTS)
        view.title = self.strings[lang]["events_title"]
        view.events = self.reported_events(lang)
        return view

    def event(self, lang: str, path: str, event_id: str) -> View:
        s = self.strings[lang]
        articles = self.catalog.in_event(lang, event_id)
        view = self.base(lang, path, EVENT)
        view.title = self.catalog.events[event_id].name(lang)
        view.lead = count_text(lang, s["event_lead"], len(articles)) if articles else s["empty"]
        view.groups = self.listing_groups(articles, lang)
        view.others = self.others(lang, path, lambda o: len(self.catalog.in_event(o, event_id)))
        return view

    def home(self, lang: str, path: str) -> View:
        view = self.base(lang, path, HOME)
        view.newest = [self.item(a, lang) for a in self.catalog.by_lang.get(lang, [])[:NEWEST_ON_HOME]]
        view.events = self.reported_events(lang)
        return view

    def not_found(self, lang: str) -> View:
        s = self.strings[lang]
        return View(
            lang,
            "",
            "404",
            self.switcher(lang, None),
            [],
            None,
            True,
            home_url=self.pages.url(lang, ""),
            archive_url=self.pages.url(lang, "articles/"),
            title=s["not_found_title"],
        )


_FIELD = re.compile(r"\{(\w+)\}")


def fill(template: str, parts: dict[str, Part]) -> list[Part]:
    """A translated sentence with `{name}` fields as parts, so a template can link a field without markup in strings.yml."""
    out = []
    for i, piece in enumerate(_FIELD.split(template)):
        if i % 2 == 0:
            if piece:
                out.append(Part(piece))
        else:
            out.append(parts[piece])
    return out


def _host(url: str) -> str:
    return urlsplit(url).netloc or url
