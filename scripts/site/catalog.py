"""What the archive holds, read once per build.

Every page that points across articles (an article's other languages, the
listings, the "not available" pages, the sitemap) reads this catalog instead of
scanning files itself, so the cost of knowing the whole corpus is paid once per
build, not once per page.

The catalog reads what ingestion writes through the contract
(`scripts/contract.py`, see ARCHITECTURE.md, "The contract"): each article's
front matter is a `contract.FrontMatter`, `sources/events.yml` names the
events and `sources/places.yml` the places. Every value in it is source text: it is kept as plain text here and
escaped where it is printed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from scripts import contract
from scripts.contract import FrontMatter, Relation


class CatalogError(Exception):
    """A generated article (or events.yml) the site cannot use; says which file and what to do."""


def sort_key(article: FrontMatter) -> tuple:
    """Newest first (sorted in reverse); undated articles last; ties broken by key for a stable order."""
    return (article.date is not None, article.date or dt.date.min, article.key)


@dataclass(frozen=True)
class Event:
    id: str
    names: dict[str, str]

    def name(self, lang: str) -> str:
        return self.names.get(lang) or self.id


@dataclass(frozen=True)
class Locality:
    """A place of the gazetteer, as the site names it: its name in each language, its country, where it lies."""

    id: str
    names: dict[str, str]
    spellings: dict[str, tuple[str, ...]] = field(default_factory=dict)
    country: str | None = None
    within: str | None = None

    def name(self, lang: str) -> str:
        return self.names.get(lang) or self.id


@dataclass
class Catalog:
    languages: tuple[str, ...]
    articles: dict[tuple[str, str], FrontMatter] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    places: dict[str, Locality] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_key: dict[str, dict[str, FrontMatter]] = {}
        self.by_lang: dict[str, list[FrontMatter]] = {lang: [] for lang in self.languages}
        for (lang, key), article in self.articles.items():
            self.by_key.setdefault(key, {})[lang] = article
            self.by_lang.setdefault(lang, []).append(article)
        for items in self.by_lang.values():
            items.sort(key=sort_key, reverse=True)
        self._index_events()
        self.years = sorted({a.year for a in self.articles.values() if a.year}, reverse=True)
        # Listings by year and by event, per language, grouped once (each already newest first).
        self._by_year: dict[tuple[str, int], list[FrontMatter]] = {}
        self._by_event: dict[tuple[str, str], list[FrontMatter]] = {}
        for lang, items in self.by_lang.items():
            for article in items:
                if article.year:
                    self._by_year.setdefault((lang, article.year), []).append(article)
                if article.event:
                    self._by_event.setdefault((lang, article.event), []).append(article)
        self._index_places()

    def _index_events(self) -> None:
        """The events at least one article reports, newest first by their first day.

        An event id that events.yml does not name is named by its id.
        """
        firsts: dict[str, dt.date] = {}
        for article in self.articles.values():
            if article.event and article.date:
                firsts[article.event] = min(article.date, firsts.get(article.event, article.date))
        for article in self.articles.values():
            if article.event and article.event not in self.events:
                self.events[article.event] = Event(article.event, {})
        self.event_first_day = firsts
        self.reported_events = sorted(
            {a.event for a in self.articles.values() if a.event},
            key=lambda e: (e in firsts, firsts.get(e, dt.date.min), e),
            reverse=True,
        )

    def _index_places(self) -> None:
        """The places at least one article mentions, in the gazetteer's order; their articles per language.

        A place an article names that places.yml no longer has is named by its id.
        """
        self._by_place: dict[tuple[str, str], list[FrontMatter]] = {}
        for lang, items in self.by_lang.items():
            for article in items:
                for place in article.places:
                    self._by_place.setdefault((lang, place), []).append(article)
                    if place not in self.places:
                        self.places[place] = Locality(place, {})
        mentioned = {place for _, place in self._by_place}
        self.mentioned_places = [place for place in self.places if place in mentioned]

    def in_place(self, lang: str, place: str) -> list[FrontMatter]:
        return self._by_place.get((lang, place), [])

    def versions(self, key: str) -> dict[str, FrontMatter]:
        """The languages an article exists in, in site order."""
        found = self.by_key.get(key, {})
        return {lang: found[lang] for lang in self.languages if lang in found}

    def original(self, key: str) -> FrontMatter | None:
        """The version the others derive from: the original, else what translations name."""
        versions = self.versions(key)
        for article in versions.values():
            if article.relation == Relation.ORIGINAL:
                return article
        for article in versions.values():
            if article.relation == Relation.TRANSLATION and article.translation_of in versions:
                return versions[article.translation_of]
        return next(iter(versions.values()), None)

    def in_year(self, lang: str, year: int) -> list[FrontMatter]:
        return self._by_year.get((lang, year), [])

    def in_event(self, lang: str, event: str) -> list[FrontMatter]:
        return self._by_event.get((lang, event), [])


def read_article(path: Path, lang: str) -> FrontMatter:
    """One generated article's front matter; its key is its file name."""
    try:
        return FrontMatter.read(path.read_text(encoding="utf-8"), lang, path.stem, path)
    except contract.FrontMatterError as err:
        raise CatalogError(str(err)) from err


def read_events(path: Path) -> dict[str, Event]:
    """The events `path` (sources/events.yml) names, each with a name in every language; none if it is absent."""
    if not path.is_file():
        return {}
    try:
        events = contract.parse_events(path.read_text(encoding="utf-8"))
    except contract.EventsError as err:
        where = f"{path}:{err.line}" if err.line else str(path)
        raise CatalogError(f"{where}: {err}") from err
    return {event_id: Event(event_id, names) for event_id, names in events.items()}


def read_places(path: Path) -> dict[str, Locality]:
    """The places `path` (sources/places.yml) names; none if it is absent."""
    if not path.is_file():
        return {}
    try:
        places = contract.parse_places(path.read_text(encoding="utf-8"))
    except contract.PlacesError as err:
        where = f"{path}:{err.line}" if err.line else str(path)
        raise CatalogError(f"{where}: {err.message}; {err.fix}") from err
    return {
        place.id: Locality(
            place.id,
            {lang: place.name(lang) for lang in place.spellings},
            dict(place.spellings),
            place.country,
            place.within,
        )
        for place in places.values()
    }


def read_catalog(
    docs_dir: Path, languages: tuple[str, ...], events_file: Path | None = None, places_file: Path | None = None
) -> Catalog:
    """Every generated article under docs/<lang>/articles/, and the names of events and places."""
    articles: dict[tuple[str, str], FrontMatter] = {}
    for lang in languages:
        folder = docs_dir / lang / "articles"
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.md")):
            if path.stem == "index":
                continue
            articles[(lang, path.stem)] = read_article(path, lang)
    events = read_events(events_file) if events_file else {}
    places = read_places(places_file) if places_file else {}
    return Catalog(tuple(languages), articles, events, places)
