"""meta.yml: what an editor says about a source, checked field by field.

Every mistake is reported with the file, the line of the field, what is
wrong and how to fix it, because editors are not expected to read Python.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlparse

import yaml

from ..contract import EDITOR_RELATIONS, EDITOR_ROLES, EVENT_ID, YamlError, quoted, read_yaml
from . import keys
from .keys import KEY_MAX
from .model import LANGUAGES, Relation, Role, SourceError, SourceMeta


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe loading, with dates left as text so a bad one gets our message, not a traceback."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load(path: str, text: str, events: set[str] | None = None) -> SourceMeta:
    """Parse and check a meta.yml. `path` is how messages name the file."""
    data, lines = parse(path, text)

    def fail(field: str, message: str, fix: str) -> SourceError:
        return SourceError(path, lines.get(field), f"`{quoted(field)}`: {message}", fix)

    for name in data:
        if name not in FIELDS:
            close = [f for f in FIELDS if f.startswith(str(name)[:3])]
            raise fail(name, "unknown field", (f"did you mean `{close[0]}`? " if close else "") + _fields_hint())
    if data.get("key") is None:
        raise SourceError(
            path, None, "`key` is missing", "add `key: <yyyy-mm-dd-short-name>` (lowercase ASCII, digits, -)"
        )

    meta = SourceMeta(key="")
    context = _Context(fail, events)
    for field in FIELDS.values():
        if field.name in data:
            setattr(meta, field.attr, field.read(data[field.name], context))
    for check in _CONSISTENCY:
        check(meta, fail)
    return meta


def parse(path: str, text: str) -> tuple[dict[Any, Any], dict[Any, int]]:
    """The fields, and the line each is on; refuses what contract.read_yaml refuses
    (aliases, tags, duplicate keys, deep nesting), with the line."""
    try:
        data, lines = read_yaml(text, "meta.yml", _Loader)
    except YamlError as err:
        raise SourceError(path, err.line, err.message, err.fix) from None
    if data is None:
        raise SourceError(path, None, "meta.yml is empty", "write at least `key: <translation-key>`")
    if not isinstance(data, dict):
        raise SourceError(path, 1, "meta.yml must be a list of `field: value` lines", _fields_hint())
    return data, lines


@dataclass(frozen=True)
class _Context:
    fail: Callable[[str, str, str], SourceError]
    events: set[str] | None


@dataclass(frozen=True)
class Field:
    """One meta.yml field: its name, what it is for (shown to editors), how it is read and checked."""

    name: str
    help: str
    read: Callable[[Any, _Context], Any]
    attr: str = ""  # the SourceMeta attribute it sets; the name when empty

    def __post_init__(self):
        if not self.attr:
            object.__setattr__(self, "attr", self.name)


def _key(value, ctx: _Context) -> str:
    key = str(value)
    why = keys.problem(key)
    if why:
        raise ctx.fail(
            "key",
            f"{_q(key)} is not a valid key ({why})",
            f"use lowercase ASCII letters, digits and single hyphens, at most {KEY_MAX} characters, "
            "e.g. 2025-02-19-spring-meeting",
        )
    return key


# Values are checked whole (fullmatch): `$` would let a trailing newline through.
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# An http(s) address: no whitespace or control character anywhere (urlparse drops tabs and newlines).
_URL = re.compile(r"https?://[^\s/?#\x00-\x1f\x7f]+(?:[/?#][^\s\x00-\x1f\x7f]*)?")


def _source_url(url, ctx: _Context) -> str:
    if not isinstance(url, str) or not _URL.fullmatch(url) or not _netloc(url):
        raise ctx.fail("source_url", f"{_q(url)} is not a web address", "give the full address, starting https://")
    return url


def _netloc(url: str) -> str:
    try:
        return urlparse(url).netloc
    except ValueError:  # an unclosed `[` of an IPv6 address
        return ""


def _source_name(value, ctx: _Context) -> str:
    if not isinstance(value, str) or not value.strip() or "\n" in value.strip() or len(value) > 200:
        raise ctx.fail(
            "source_name",
            f"{str(value)[:100]!r} is not a publisher's name",
            'write the name on one line, quoted if it holds `:` or `#`: `source_name: "Báo Hà Giang"`',
        )
    return " ".join(value.split())


def _event(value, ctx: _Context) -> str:
    event = str(value)
    if not EVENT_ID.fullmatch(event):
        raise ctx.fail(
            "event", f"{_q(event)} is not an event id", "use an id from sources/events.yml: letters, digits and -"
        )
    if ctx.events is not None and event not in ctx.events:
        known = ", ".join(sorted(ctx.events)) or "none yet"
        raise ctx.fail("event", f"unknown event {_q(event)}", f"use one of: {known}; or add it to sources/events.yml")
    return event


def _language(name: str):
    def read(value, ctx: _Context) -> str:
        if value not in LANGUAGES:
            raise ctx.fail(name, f"{_q(value)} is not a language of the site", f"use one of: {', '.join(LANGUAGES)}")
        return value

    return read


def _relation(value, ctx: _Context) -> Relation:
    if value not in EDITOR_RELATIONS:
        raise ctx.fail("relation", f"{_q(value)} is not a relation", f"use one of: {', '.join(EDITOR_RELATIONS)}")
    return Relation(value)


def _dates_in_order(meta: SourceMeta, fail) -> None:
    if meta.date_end and not meta.date:
        raise fail("date_end", "given without `date`", "add `date:` (the first day) too")
    if meta.date and meta.date_end and meta.date_end <= meta.date:
        raise fail("date_end", f"{meta.date_end} is not after date {meta.date}", "make date_end the later day")


def _translation_says_of_what(meta: SourceMeta, fail) -> None:
    if meta.relation == Relation.TRANSLATION and not meta.translation_of:
        raise fail("relation", "a translation needs `translation_of`", "add `translation_of: vi` (or zh, uk)")
    if meta.translation_of and meta.relation != Relation.TRANSLATION:
        raise fail("translation_of", "given without `relation: translation`", "add `relation: translation`")


FIELDS: dict[str, Field] = {
    f.name: f
    for f in (
        Field(
            "key",
            "the translation key every language version of the article shares, e.g. 2025-02-19-spring-meeting",
            _key,
        ),
        Field(
            "title",
            'a title per language, e.g. `title: {uk: "…"}`',
            lambda v, ctx: _per_language(v, "title", ctx, _title),
            "titles",
        ),
        Field("date", "the date of the event, YYYY-MM-DD", lambda v, ctx: _date(v, "date", ctx)),
        Field(
            "date_end",
            "the last day of an event that lasted several days, YYYY-MM-DD",
            lambda v, ctx: _date(v, "date_end", ctx),
        ),
        Field("source_url", "the address of the page the text was taken from", _source_url),
        Field(
            "source_name",
            "the publisher (paper or site) the text was taken from, as it names itself, e.g. Báo Hà Giang",
            _source_name,
        ),
        Field("event", "the event the article reports, one of the ids in sources/events.yml", _event),
        Field("original", "for a source in two languages: the one it was first written in", _language("original")),
        Field(
            "relation", "how this text relates to another source under the same key: translation or report", _relation
        ),
        Field(
            "translation_of",
            "with `relation: translation`: the language it was translated from",
            _language("translation_of"),
        ),
        Field(
            "authors",
            "authors per language, e.g. `authors: {vi: [Lưu Linh]}`",
            lambda v, ctx: _per_language(v, "authors", ctx, _names),
        ),
        Field(
            "lines",
            "per-line corrections, e.g. `lines: {12: caption, 40: {lang: vi}}`",
            lambda v, ctx: _line_overrides(v, ctx.fail),
        ),
    )
}
_CONSISTENCY = (_dates_in_order, _translation_says_of_what)


def _q(value: object) -> str:
    """A value as a message quotes it: as Python writes it, cut to 100 characters."""
    return quoted(repr(value))


def _fields_hint() -> str:
    return "known fields: " + ", ".join(FIELDS)


def help_text() -> dict[str, str]:
    """Each field and what it is for, as editors read it."""
    return {name: field.help for name, field in FIELDS.items()}


def _per_language(value, field, ctx: _Context, convert):
    fail = ctx.fail
    if not isinstance(value, dict):
        raise fail(field, "must give a value per language", f"write it as `{field}: {{vi: ..., zh: ...}}`")
    out = {}
    for lang, item in value.items():
        if lang not in LANGUAGES:
            raise fail(field, f"{_q(lang)} is not a language of the site", f"use one of: {', '.join(LANGUAGES)}")
        out[lang] = convert(item, lambda message, fix, lang=lang: fail(field, f"{lang}: {message}", fix))
    return out


def _title(value, fail):
    if not isinstance(value, str) or not value.strip():
        raise fail("must be text", 'quote it: `title: {vi: "…"}`')
    if "\n" in value.strip():
        raise fail("must be one line", "put the title on one line")
    return " ".join(value.split())


def _names(value, fail):
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise fail("must be a list of names", "write `authors: {vi: [Name One, Name Two]}`")
    return [" ".join(v.split()) for v in value]


def _date(value, field, ctx: _Context) -> date:
    try:
        if not _DATE.fullmatch(str(value)):
            raise ValueError(value)
        return date.fromisoformat(str(value))
    except ValueError:
        raise ctx.fail(field, f"{_q(value)} is not a date", "write it as YYYY-MM-DD, e.g. 2025-02-19") from None


def _line_overrides(value, fail) -> dict[int, dict]:
    if not isinstance(value, dict):
        raise fail("lines", "must map line numbers to corrections", "write `lines: {12: caption}`")
    out: dict[int, dict] = {}
    for number, override in value.items():
        if not isinstance(number, int) or isinstance(number, bool) or number < 1:
            raise fail("lines", f"{_q(number)} is not a line number", "use the line number the editor shows, from 1")
        if isinstance(override, str):
            override = {"role": override}
        if not isinstance(override, dict) or not set(override) <= {"role", "lang"} or not override:
            raise fail("lines", f"line {number}: give a role or `{{role: ..., lang: ...}}`", _roles_hint())
        if "role" in override and override["role"] not in EDITOR_ROLES:
            raise fail("lines", f"line {number}: unknown role {_q(override['role'])}", _roles_hint())
        if "lang" in override and override["lang"] not in LANGUAGES:
            raise fail(
                "lines",
                f"line {number}: {_q(override['lang'])} is not a language",
                f"use one of: {', '.join(LANGUAGES)}",
            )
        out[number] = {k: Role(v) if k == "role" else v for k, v in override.items()}
    return out


def _roles_hint() -> str:
    return "roles: " + ", ".join(EDITOR_ROLES)
