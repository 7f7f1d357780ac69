"""What an ingest did, for machines (JSON) and for people (a short summary)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from .. import logsafe
from .model import LANGUAGES, Doubt, Result, Role, SourceError
from .write import Plan

# Past this many, a list in the summary is cut short; the JSON report has everything.
LISTED = 20


def fragment(result: Result, shown_docs: str) -> dict:
    """One source's part of the report: its articles, dropped lines and warnings."""
    articles = [
        {
            "key": article.key,
            "lang": article.lang,
            "path": f"{shown_docs}/{article.path.as_posix()}",
            "title": article.title,
            "date": article.date.isoformat() if article.date else None,
            "date_end": article.date_end.isoformat() if article.date_end else None,
            "authors": list(article.authors),
            "source": article.source,
            "relation": article.relation,
            "paragraphs": article.count(Role.PARAGRAPH),
            "headings": article.count(Role.HEADING),
            "captions": article.count(Role.CAPTION),
            "lines": list(article.lines),
        }
        for article in result.articles
    ]
    return {
        "source": result.source,
        "articles": articles,
        "dropped": [
            {"source": result.source, "line": d.line, "text": d.text, "reason": d.reason} for d in result.dropped
        ],
        "warnings": [{"source": result.source, "message": w} for w in result.warnings],
        "doubts": [_doubt(result.source, d) for d in result.doubts],
    }


def _doubt(source: str, doubt: Doubt) -> dict:
    return {
        "source": source,
        "field": doubt.field,
        "lang": doubt.lang,
        "chosen": doubt.chosen,
        "why": doubt.why,
        "candidates": [{"line": c.line, "text": c.text, "why": c.why} for c in doubt.candidates],
        "pick": doubt.pick,
    }


def doubt_lines(doubt: dict) -> list[str]:
    """A doubt as an editor reads it: what was written, why it is not sure, what else was seen,
    and the meta.yml line that settles it."""
    field = doubt["field"] + (f" ({doubt['lang']})" if doubt["lang"] else "")
    chosen = f"wrote {doubt['chosen']!r}" if doubt["chosen"] else "wrote nothing"
    out = [f"{field}: {chosen}: {doubt['why']}"]
    for c in doubt["candidates"]:
        where = f"line {c['line']}" if c["line"] else "the text"
        text = c["text"] if len(c["text"]) <= 70 else c["text"][:67] + "..."
        out.append(f"    {where}: {text!r} ({c['why']})")
    out.append(f"    to settle it, write in meta.yml: {doubt['pick']}")
    return out


def notes(found: list[tuple[str, str]]) -> list[dict]:
    """Warnings about the run rather than about one source's text (a folder it skipped), as the report lists them."""
    return [{"source": path, "message": message} for path, message in found]


def build(fragments: list[dict], errors: list[SourceError], warnings: list[dict] = ()) -> dict:
    return {
        "articles": [a for f in fragments for a in f["articles"]],
        "dropped": [d for f in fragments for d in f["dropped"]],
        "warnings": [*warnings, *(w for f in fragments for w in f["warnings"])],
        "doubts": [d for f in fragments for d in f.get("doubts", [])],
        "errors": [e.as_dict() for e in errors],
    }


def dumps(report: dict) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def summary(
    fragments: list[dict], errors: list[SourceError], plan: Plan, check: bool, root: Path, warnings: list[dict] = ()
) -> str:
    per_lang = Counter(a["lang"] for f in fragments for a in f["articles"])
    reasons = Counter(d["reason"] for f in fragments for d in f["dropped"])
    articles = sum(per_lang.values())
    out = []
    for part in fragments[:LISTED]:
        langs = " ".join(a["lang"] for a in part["articles"])
        out.append(f"  {part['source']}: {langs or '-'} · {len(part['dropped'])} lines dropped")
    if len(fragments) > LISTED:
        out.append(f"  … and {len(fragments) - LISTED} more sources (the report lists them all)")
    langs = ", ".join(f"{lang} {per_lang[lang]}" for lang in LANGUAGES if per_lang[lang])
    out.append(
        f"{len(fragments)} source{'s' if len(fragments) != 1 else ''} ingested → {articles} articles"
        + (f" ({langs})" if langs else "")
    )
    if reasons:
        out.append(f"{sum(reasons.values())} lines dropped:")
        out += [f"  {count:4d}  {reason}" for reason, count in sorted(reasons.items(), key=lambda x: (-x[1], x[0]))]
    verb = "would " if check else ""
    changes = [
        (plan.create, f"{verb}create"),
        (plan.update, f"{verb}update"),
        (plan.delete, f"{verb}delete (no source makes it any more)"),
    ]
    for paths, what in changes:
        for path in paths[:LISTED]:
            out.append(f"  {what}: {_rel(path, root)}")
        if len(paths) > LISTED:
            out.append(f"  … and {len(paths) - LISTED} more to {what.split(' (')[0]}")
    plural = "s" if plan.changes != 1 else ""
    changed = "would change" if check else "changed"
    out.append(f"{plan.changes} file{plural} {changed}, {len(plan.unchanged) + plan.reused} unchanged")
    for part in [{"warnings": warnings}, *fragments]:
        out += [f"warning: {w['source']}: {w['message']}" for w in part["warnings"]]
        for doubt in part.get("doubts", []):
            first, *rest = doubt_lines(doubt)
            out += [f"unsure: {doubt['source']}: {first}", *rest]
    for error in errors:
        out.append("error: " + error.render())
    # Source names, titles and messages quoting them, printed to terminals and CI logs.
    return logsafe.text("\n".join(out))


def _rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
