"""What the archive holds, read once per build.

Every page that points across articles (an article's other languages, the
listings, the "not available" pages, the sitemap) reads this catalog instead of
scanning files itself, so the cost of knowing the whole corpus is paid once per
build, not once per page.

The catalog reads the front matter that ingestion writes (see STATE.md's
contract) and `sources/events.yml`. Every value in it is source text: it is
kept as plain text here and escaped where it is printed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

try:  # libyaml is several times faster on thousands of front matters
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

RELATIONS = ("original", "translation", "parallel", "report")


class CatalogError(Exception):
    """A generated article the site cannot use; says which file and what to do."""


@dataclass(frozen=True)
class Article:
    key: str
    lang: str
    title: str
    date: dt.date | None
    date_end: dt.date | None = None
    kicker: str | None = None
    event: str | None = None
    authors: tuple[str, ...] = ()
    agency: str | None = None
    source: str | None = None
    source_url: str | None = None  # only ever an http(s) URL, see safe_url()
    relation: str = "original"
    translation_of: str | None = None

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None

    @property
    def sort_key(self) -> tuple:
        # Newest first; undated articles last; ties broken by key for a stable order.
        return (self.date is not None, self.date or dt.date.min, self.key)


@dataclass(frozen=True)
class Event:
    id: str
    names: dict[str, str]

    def name(self, lang: str) -> str:
        return self.names.get(lang) or self.id


@dataclass
class Catalog:
    languages: tuple[str, ...]
    articles: dict[tuple[str, str], Article] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_key: dict[str, dict[str, Article]] = {}
        self.by_lang: dict[str, list[Article]] = {lang: [] for lang in self.languages}
        for (lang, key), article in self.articles.items():
            self.by_key.setdefault(key, {})[lang] = article
            self.by_lang.setdefault(lang, []).append(article)
        for items in self.by_lang.values():
            items.sort(key=lambda a: a.sort_key, reverse=True)
        # Events that at least one article reports, newest first by their first day.
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
        self.years = sorted({a.year for a in self.articles.values() if a.year}, reverse=True)
        # Listings by year and by event, per language, grouped once (each already newest first).
        self._by_year: dict[tuple[str, int], list[Article]] = {}
        self._by_event: dict[tuple[str, str], list[Article]] = {}
        for lang, items in self.by_lang.items():
            for article in items:
                if article.year:
                    self._by_year.setdefault((lang, article.year), []).append(article)
                if article.event:
                    self._by_event.setdefault((lang, article.event), []).append(article)

    def versions(self, key: str) -> dict[str, Article]:
        """The languages an article exists in, in site order."""
        found = self.by_key.get(key, {})
        return {lang: found[lang] for lang in self.languages if lang in found}

    def original(self, key: str) -> Article | None:
        """The version the others derive from: the original, else what translations name."""
        versions = self.versions(key)
        for article in versions.values():
            if article.relation == "original":
                return article
        for article in versions.values():
            if article.relation == "translation" and article.translation_of in versions:
                return versions[article.translation_of]
        return next(iter(versions.values()), None)

    def in_year(self, lang: str, year: int) -> list[Article]:
        return self._by_year.get((lang, year), [])

    def in_event(self, lang: str, event: str) -> list[Article]:
        return self._by_event.get((lang, event), [])


def safe_url(value: object) -> str | None:
    """An http(s) URL, or None: a `javascript:` or `data:` link from a source never becomes a link."""
    if not isinstance(value, str):
        return None
    url = value.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return url
    return None


def front_matter(text: str, path: Path) -> dict:
    """The YAML between the leading `---` fences, without parsing the body."""
    if not text.startswith("---\n"):
        raise CatalogError(f"{path}: no front matter. Articles are written by `make ingest`; re-run it.")
    end = text.find("\n---\n", 3)
    if end == -1 and text.endswith("\n---"):
        end = len(text) - 4
    if end == -1:
        raise CatalogError(f"{path}: front matter is not closed by a `---` line. Re-run `make ingest`.")
    try:
        data = yaml.load(text[4 : end + 1], Loader=_Loader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"{path}:{mark.line + 2}" if mark else str(path)  # +2: 1-based, after the opening ---
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise CatalogError(f"{where}: front matter is not valid YAML ({problem}). Re-run `make ingest`.") from err
    if not isinstance(data, dict):
        raise CatalogError(f"{path}: front matter is not a mapping. Re-run `make ingest`.")
    return data


def _text(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _date(value: object, path: Path, name: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as err:
        raise CatalogError(f"{path}: `{name}: {value}` is not a date (YYYY-MM-DD). Re-run `make ingest`.") from err


def article_from(data: dict, lang: str, key: str, path: Path) -> Article:
    if data.get("key", key) != key:
        raise CatalogError(
            f"{path}: front matter says `key: {data.get('key')}` but the file is named {key}.md; "
            "the file name is the article's URL. Re-run `make ingest`."
        )
    title = _text(data.get("title"))
    if not title:
        raise CatalogError(f"{path}: front matter has no `title`. Add one to the source's meta.yml and re-run `make ingest`.")
    relation = _text(data.get("relation")) or "original"
    if relation not in RELATIONS:
        raise CatalogError(f"{path}: `relation: {relation}` is not one of {', '.join(RELATIONS)}. Re-run `make ingest`.")
    authors = data.get("authors") or []
    if isinstance(authors, str):
        authors = [authors]
    return Article(
        key=key,
        lang=lang,
        title=title,
        date=_date(data.get("date"), path, "date"),
        date_end=_date(data.get("date_end"), path, "date_end"),
        kicker=_text(data.get("kicker")),
        event=_text(data.get("event")),
        authors=tuple(t for t in (_text(a) for a in authors) if t),
        agency=_text(data.get("agency")),
        source=_text(data.get("source")),
        source_url=safe_url(data.get("source_url")),
        relation=relation,
        translation_of=_text(data.get("translation_of")) if relation == "translation" else None,
    )


def read_events(path: Path) -> dict[str, Event]:
    if not path.is_file():
        return {}
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    except yaml.YAMLError as err:
        raise CatalogError(f"{path}: not valid YAML ({err}).") from err
    if not isinstance(data, dict):
        raise CatalogError(f"{path}: expected a mapping of event ids to names per language.")
    events = {}
    for event_id, names in data.items():
        names = names if isinstance(names, dict) else {}
        events[str(event_id)] = Event(str(event_id), {str(k): str(v) for k, v in names.items() if v})
    return events


def read_catalog(docs_dir: Path, languages: tuple[str, ...], events_file: Path | None = None) -> Catalog:
    """Every generated article under docs/<lang>/articles/, and the event names."""
    articles: dict[tuple[str, str], Article] = {}
    for lang in languages:
        folder = docs_dir / lang / "articles"
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.md")):
            if path.stem == "index":
                continue
            data = front_matter(path.read_text(encoding="utf-8"), path)
            articles[(lang, path.stem)] = article_from(data, lang, path.stem, path)
    events = read_events(events_file) if events_file else {}
    return Catalog(tuple(languages), articles, events)
