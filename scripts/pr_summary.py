"""What ingestion made of the sources a pull request adds or changes, as Markdown for CI's job summary.

    python -m scripts.pr_summary --base <commit> [--sources-dir sources] >> "$GITHUB_STEP_SUMMARY"

A reviewer reads, per article, its title, date, authors, language and relation;
every line left out with its reason; every warning and everything the pipeline
was not sure of; and any error. Nothing needs downloading. Source text is
untrusted: it is printed as code spans and table cells with Markdown and HTML
characters escaped, so it can neither format the page nor form a link or tag.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from . import paths
from .ingest import report as report_mod
from .ingest import sources as sources_mod
from .ingest.model import SourceError
from .ingest.pipeline import examine

# The longest a quoted line gets in the summary; the full text is in the source.
QUOTE_MAX = 160


def changed_folders(base: str, sources_dir: Path, root: Path) -> list[Path]:
    """Source folders with a file added or changed since `base` (deleted folders are left out)."""
    rel = sources_dir.resolve().relative_to(root.resolve()).as_posix()
    listed = subprocess.run(
        ["git", "diff", "--name-only", "--no-renames", "-z", f"{base}...HEAD", "--", rel],
        cwd=root,
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8", "replace")
    folders = {
        Path(name).parts[len(Path(rel).parts)] for name in listed.split("\0") if name.count("/") > rel.count("/")
    }
    return [sources_dir / f for f in sorted(folders) if (sources_dir / f).is_dir()]


def summarize(folders: list[Path], root: Path, events: set[str] | None) -> str:
    out = ["## What ingestion made of this pull request's sources", ""]
    if not folders:
        return "\n".join([*out, "No source was added or changed.", ""])
    for folder in folders:
        out += _source(folder, root, events)
    return "\n".join(out)


def _source(folder: Path, root: Path, events: set[str] | None) -> list[str]:
    shown = sources_mod.display(folder, root)
    out = [f"### {code(shown)}", ""]
    try:
        result = examine(sources_mod.load(folder, root, events))
    except SourceError as err:
        return [
            *out,
            *[f"- **error** {_where(e.path, e.line)}: {cell(e.message)}; fix: {cell(e.fix)}" for e in err.each()],
            "",
        ]
    fragment = report_mod.fragment(result, "docs")
    out += ["| language | title | date | authors | relation |", "|---|---|---|---|---|"]
    for a in fragment["articles"]:
        date = a["date"] + (f" to {a['date_end']}" if a["date_end"] else "") if a["date"] else "—"
        authors = ", ".join(a["authors"]) or "—"
        out.append(f"| {a['lang']} | {cell(a['title']) or '—'} | {date} | {cell(authors)} | {a['relation']} |")
    out.append("")
    for problem in result.missing:
        out.append(f"- **needs the editor** {_where(problem.path, problem.line)}: {cell(problem.message)}")
    for doubt in fragment["doubts"]:
        first, *rest = report_mod.doubt_lines(doubt)
        out.append(f"- **not sure** {cell(first)}")
        out += [f"  - {cell(line.strip())}" for line in rest]
    out += [f"- **warning** {cell(w['message'])}" for w in fragment["warnings"]]
    dropped = fragment["dropped"]
    out += ["", f"<details><summary>{len(dropped)} lines left out</summary>", ""]
    out += [f"- line {d['line']}: {cell(d['reason'])}: {code(_cut(d['text']))}" for d in dropped]
    out += ["", "</details>", ""]
    return out


def _where(path: str, line: int | None) -> str:
    return code(f"{path}:{line}" if line else path)


def _cut(text: str) -> str:
    return text if len(text) <= QUOTE_MAX else text[: QUOTE_MAX - 1] + "…"


# Characters that Markdown or HTML would read as syntax in a table cell or list item.
_ESCAPES = {c: f"&#{ord(c)};" for c in "\\`*_{}[]()<>#+-!|~&\"'"}


def cell(text: str) -> str:
    """Text shown as text: every character Markdown or HTML reads as syntax becomes an entity,
    and line breaks become spaces (a cell or item is one line)."""
    flat = " ".join(str(text).split())
    return "".join(_ESCAPES.get(ch, ch) for ch in flat)


def code(text: str) -> str:
    """Text in a code span: shown as typed; a backtick in it cannot end the span early."""
    flat = " ".join(str(text).split())
    fence = "`"
    while fence in flat:
        fence += "`"
    return f"{fence} {flat} {fence}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.pr_summary", description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", required=True, help="the commit the pull request is compared with")
    parser.add_argument("--sources-dir", type=Path, default=paths.SOURCES)
    args = parser.parse_args(argv)
    root = args.sources_dir.resolve().parent
    try:
        registry = sources_mod.load_events(args.sources_dir, root)
    except SourceError as err:
        print(f"- **error** {cell(err.render())}")
        return 1
    print(summarize(changed_folders(args.base, args.sources_dir, root), root, set(registry) if registry else None))
    return 0


if __name__ == "__main__":
    sys.exit(main())
