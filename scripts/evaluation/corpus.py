"""The evaluation corpus: real inputs, each with what a careful editor expects of it.

Each input is a folder `eval/corpus/<id>/` holding the input exactly as found
(`source.html` or `source.txt`) and `expected.yml`, written by reading the
page, never from the pipeline's output. eval/corpus/README.md describes the
format and where each input comes from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import yaml

KINDS = ("html", "page-copy", "article-copy")


class CorpusError(Exception):
    pass


@dataclass(frozen=True)
class Expected:
    """What one language's article must be."""

    title: str | None
    date: dt.date | None
    authors: tuple[str, ...]
    source_url: str | None
    first: str | None
    last: str | None
    headings: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Input:
    id: str
    path: Path  # the raw file
    kind: str
    languages: tuple[str, ...]
    script: str | None = None
    refuse: str | None = None
    articles: dict[str, Expected] = field(default_factory=dict)
    keep: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()

    @property
    def group(self) -> str:
        """The language group its scores are reported under."""
        if self.refuse:
            return "+".join(self.languages) + " (refused)"
        if len(self.languages) > 1:
            return "+".join(self.languages)
        if self.languages == ("zh",):
            return self.script or "zh-Hans"
        return self.languages[0]


def load(corpus: Path) -> list[Input]:
    inputs = []
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
        inputs.append(_input(folder))
    if not inputs:
        raise CorpusError(f"{corpus}: no inputs (folders with expected.yml)")
    return inputs


def _input(folder: Path) -> Input:
    spec_path = folder / "expected.yml"
    try:
        spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise CorpusError(f"{spec_path}: {err}") from err
    raws = [folder / name for name in ("source.html", "source.txt") if (folder / name).is_file()]
    if len(raws) != 1:
        raise CorpusError(f"{folder}: needs exactly one of source.html, source.txt")
    kind = spec.get("kind")
    if kind not in KINDS:
        raise CorpusError(f"{spec_path}: kind {kind!r} is not one of {', '.join(KINDS)}")
    articles = {lang: _expected(value or {}, spec_path, lang) for lang, value in (spec.get("articles") or {}).items()}
    return Input(
        id=folder.name,
        path=raws[0],
        kind=kind,
        languages=tuple(spec.get("languages") or ()),
        script=spec.get("script"),
        refuse=spec.get("refuse"),
        articles=articles,
        keep=tuple(spec.get("keep") or ()),
        drop=tuple(spec.get("drop") or ()),
    )


def _expected(value: dict, path: Path, lang: str) -> Expected:
    date = value.get("date")
    if date is not None and not isinstance(date, dt.date):
        try:
            date = dt.date.fromisoformat(str(date))
        except ValueError as err:
            raise CorpusError(f"{path}: articles.{lang}.date {date!r} is not YYYY-MM-DD") from err
    return Expected(
        title=value.get("title"),
        date=date,
        authors=tuple(value.get("authors") or ()),
        source_url=value.get("source_url"),
        first=value.get("first"),
        last=value.get("last"),
        headings=tuple(value.get("headings") or ()),
        captions=tuple(value.get("captions") or ()),
    )
