"""Run the pipeline on one input as an editor would (no meta.yml), and judge what it made.

Two kinds of judgement, as extraction is judged in the field:

- field checks, per article: its title, date, authors, source address, the
  start of its first paragraph and the end of its last, its headings and
  captions, its script; and per input, the languages found (or the refusal);
- line decisions: each line the expectations say must be kept (a body
  paragraph) or dropped (page furniture), and whether the pipeline did.

Where the expectations say a value is not in the input (a title, a date), the
check passes only when the pipeline reports it missing: a guess is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass

from scripts.ingest import sources
from scripts.ingest.model import Article, Result, Role, SourceError, SourceMeta
from scripts.ingest.pipeline import examine
from scripts.ingest.text import normalize

from .corpus import Expected, Input

LANGUAGE_WORDS = {"ru": ("(ru)", "Russian"), "en": ("(en)", "English")}


@dataclass(frozen=True)
class Check:
    input: str
    field: str
    expected: object
    got: object
    ok: bool


@dataclass(frozen=True)
class Decision:
    input: str
    text: str
    keep: bool  # what the expectations say
    kept: bool  # what the pipeline did

    @property
    def ok(self) -> bool:
        return self.keep == self.kept


@dataclass(frozen=True)
class Judgement:
    input: Input
    checks: list[Check]
    decisions: list[Decision]
    result: Result | None
    error: str | None


def run(item: Input) -> Result:
    """What `make new` makes of the input: no meta.yml, nothing but the raw file."""
    data = item.path.read_bytes()
    shown = f"eval/corpus/{item.id}/{item.path.name}"
    source = sources.from_bytes(data, shown, SourceMeta(key="eval-input"), item.path.name == "source.html")
    return examine(source)


def judge(item: Input) -> Judgement:
    try:
        result, error = run(item), None
    except SourceError as err:
        result, error = None, err.render()
    checks: list[Check] = []
    if item.refuse:
        checks.append(_refusal(item, result, error))
    else:
        checks += _fields(item, result, error)
    return Judgement(item, checks, _decisions(item, result), result, error)


def _refusal(item: Input, result: Result | None, error: str | None) -> Check:
    words = [w for lang in item.languages for w in LANGUAGE_WORDS.get(lang, (f"({lang})",))]
    named = error is not None and any(w in error for w in words)
    got = error if error is not None else "ingested: " + ", ".join(a.lang for a in result.articles)
    return Check(item.id, "refused", f"refused, naming {'/'.join(words)}", got, named)


def _fields(item: Input, result: Result | None, error: str | None) -> list[Check]:
    if result is None:
        return [Check(item.id, "languages", list(item.languages), f"refused: {error}", False)] + [
            Check(item.id, f"{lang}.{name}", "…", "refused", False)
            for lang, expected in item.articles.items()
            for name in _field_names(expected)
        ]
    langs = sorted(a.lang for a in result.articles)
    checks = [Check(item.id, "languages", sorted(item.languages), langs, langs == sorted(item.languages))]
    by_lang = {a.lang: a for a in result.articles}
    doubted = {(d.field, d.lang) for d in result.doubts}
    for lang, expected in item.articles.items():
        checks += _article(item, lang, expected, by_lang.get(lang), doubted)
    return checks


def _field_names(expected: Expected) -> list[str]:
    names = ["title", "date", "authors", "source_url", "first", "last"]
    return names + ["heading"] * len(expected.headings) + ["caption"] * len(expected.captions)


def _article(
    item: Input, lang: str, expected: Expected, article: Article | None, doubted: set[tuple[str, str | None]]
) -> list[Check]:
    def check(name: str, want, got, ok: bool) -> Check:
        return Check(item.id, f"{lang}.{name}", want, got, ok)

    if article is None:
        return [check(name, "…", f"no {lang} article", False) for name in _field_names(expected)]
    paragraphs = [b.text for b in article.blocks if b.kind == Role.PARAGRAPH]
    first = paragraphs[0] if paragraphs else ""
    last = paragraphs[-1] if paragraphs else ""
    checks = [
        check("title", expected.title, article.title or None, _same(expected.title, article.title or None)),
        # A date the input does not state may be offered, if the editor is told it is a guess.
        check("date", expected.date, article.date, expected.date == article.date or _flagged(expected.date, doubted)),
        check(
            "authors",
            sorted(expected.authors),
            sorted(article.authors),
            _names(expected.authors) == _names(article.authors),
        ),
        check(
            "source_url", expected.source_url, article.source_url, _same_url(expected.source_url, article.source_url)
        ),
        check(
            "first",
            expected.first,
            first[:80],
            expected.first is None or _norm(first).startswith(_norm(expected.first)),
        ),
        check("last", expected.last, last[-80:], expected.last is None or _norm(last).endswith(_norm(expected.last))),
    ]
    for kind, wanted in ((Role.HEADING, expected.headings), (Role.CAPTION, expected.captions)):
        texts = [_norm(b.text) for b in article.blocks if b.kind == kind]
        for want in wanted:
            checks.append(check(str(kind), want, texts, any(_norm(want) in t for t in texts)))
    if lang == "zh":
        checks.append(check("script", item.script, article.script, item.script == article.script))
    return checks


def _flagged(expected, doubted: set[tuple[str, str | None]]) -> bool:
    return expected is None and ("date", None) in doubted


def _decisions(item: Input, result: Result | None) -> list[Decision]:
    body = [_norm(b.text) for a in (result.articles if result else []) for b in a.blocks]
    titles = [_norm(a.title) for a in (result.articles if result else []) if a.title]
    out = []
    for text in item.keep:
        out.append(Decision(item.id, text, True, any(_norm(text) in b for b in body)))
    for text in item.drop:
        out.append(Decision(item.id, text, False, any(_norm(text) in t for t in body + titles)))
    return out


def _norm(text: str) -> str:
    return normalize(text)


def _same(want: str | None, got: str | None) -> bool:
    if want is None or got is None:
        return want is got
    return _norm(want) == _norm(got)


def _names(names) -> set[str]:
    return {_norm(n) for n in names}


def _same_url(want: str | None, got: str | None) -> bool:
    if want is None or got is None:
        return want is got
    return want.rstrip("/") == got.rstrip("/")
