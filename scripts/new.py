"""`make new`: turn an article an editor saved into a source folder, then ingest it.

    python -m scripts.new FILE      (FILE `-`: read the article from standard input)

1. The raw bytes are kept exactly as given, as sources/<key>/source.txt.
2. The ingestion pipeline itself says what the text holds: its languages, the
   title of each, the date. Nothing here re-implements a stage of it.
3. A key is proposed from the date and the first words of the title, and kept
   clear of every key and folder already under sources/.
4. meta.yml says what was found and what the editor still has to give (a title
   that is not in the text, a date; the page's address and the publisher when
   the text does not say them), as commented lines ready to fill in.
5. All sources are ingested, as `make ingest` does, so a key that clashes with
   another source shows at once; what became of the new one is printed: its
   articles per language, every dropped line with the reason, warnings, errors,
   and the next steps.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from . import logsafe, paths
from .contract import LANGUAGE_NAMES, printable, url_prefix
from .ingest import cli as ingest_cli
from .ingest import keys, meta_yml, sources
from .ingest import report as report_mod
from .ingest.keys import KEY_MAX
from .ingest.model import LANGUAGES, Source, SourceError, SourceMeta
from .ingest.pipeline import examine
from .ingest.write import write_atomic

STDIN = "-"

# Key proposal: the date, then the first few words of a title. Vietnamese and
# Ukrainian transliterate to words; Chinese only to one pinyin syllable per
# character, so it comes last.
KEY_TITLE_LANGS = ("vi", "uk", "zh")
KEY_WORDS = 6
KEY_TITLE_CHARS = 40


@dataclass
class Findings:
    """What the pipeline found in a text, and what it could not find."""

    langs: list[str]
    titles: dict[str, str] = field(default_factory=dict)
    missing_titles: list[str] = field(default_factory=list)
    date: date | None = None
    date_end: date | None = None
    source_url: str | None = None  # where the text says it was published (`Джерело: https://…`)
    source_name: str | None = None  # the publisher the text names (`Nguồn: Báo Quảng Ninh`)
    doubts: list = field(default_factory=list)  # what the pipeline filled in without being sure

    def source_missing(self) -> list[str]:
        """The meta.yml fields for what the text does not say about its source."""
        return [
            name for name, value in (("source_url", self.source_url), ("source_name", self.source_name)) if not value
        ]


# --- what the text holds ----------------------------------------------------------------


def analyze(source: Source) -> Findings:
    """Ask the pipeline for languages, titles and date: one run, which lists everything missing.

    Raises SourceError when the text has no article in it at all (nothing to scaffold).
    """
    result = examine(replace(source, meta=SourceMeta(key="new-article")))
    found = Findings([a.lang for a in result.articles])
    found.titles = {a.lang: a.title for a in result.articles if a.title}
    found.missing_titles = [a.lang for a in result.articles if not a.title]
    if result.articles:
        found.date, found.date_end = result.articles[0].date, result.articles[0].date_end
        found.source_url = next((a.source_url for a in result.articles if a.source_url), None)
        found.source_name = next((a.source_name for a in result.articles if a.source_name), None)
    found.doubts = list(result.doubts)
    return found


# --- the key -------------------------------------------------------------------------------

# Words of a title as a key uses them; unlike keys.slugify no fallback, so
# a title with no readable words gives way to the file's name.
slugify = keys.transliterate


def propose_key(day: date | None, titles: dict[str, str], taken: set[str], fallback: str = "article") -> str:
    """`<date>-<first words of the title>`, made unique against `taken` with -2, -3, ...

    Without a title, the words come from `fallback` (the file's name).
    """
    title = next((titles[lang] for lang in KEY_TITLE_LANGS if titles.get(lang)), "")
    words = _words(title, day) or _words(fallback, day) or ["article"]
    picked: list[str] = []
    for word in words[:KEY_WORDS]:
        if picked and len("-".join([*picked, word])) > KEY_TITLE_CHARS:
            break
        picked.append(word)
    base = "-".join(([day.isoformat()] if day else []) + picked)
    base = base[: KEY_MAX - 4].strip("-")  # room for a -NNN suffix
    if keys.problem(base):  # a reserved name such as `index`
        base = keys.slugify(f"{base}-article")
    key, n = base, 2
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    return key


def _words(text: str, day: date | None) -> list[str]:
    # The year is already in the date in front.
    return [w for w in slugify(text).split("-") if w and not (day and w == str(day.year))]


def taken_keys(sources_dir: Path) -> set[str]:
    """Every folder name under sources/ and every key a meta.yml there declares."""
    taken: set[str] = set()
    for folder in sources.discover(sources_dir):
        taken.add(folder.name)
        meta_path = folder / sources.META_NAME
        try:
            data, _ = meta_yml.parse(str(meta_path), meta_path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, SourceError):
            continue  # ingest reports a broken meta.yml; here it only cannot reserve a key
        if isinstance(data.get("key"), str | int):
            taken.add(str(data["key"]))
    return taken


# --- meta.yml ----------------------------------------------------------------------------


def render_meta(key: str, found: Findings, events: list[str] | None) -> str:
    """The meta.yml `make new` writes: the key, and comments on everything else."""
    names = ", ".join(found.langs)
    out = [
        "# What we know about source.txt beside this file, written by `make new` from what it",
        "# found in the text. Check it, fill in what it asks for, then run `make ingest`.",
        "# CONTRIBUTING.md explains every field.",
        "",
        "# The translation key: every language version of one article shares it, and the page",
        "# is /articles/<key>/. To add this text to an article already in the archive (its",
        "# translation, or another report of the same event in a language it lacks), put that",
        "# article's key here and uncomment one relation:",
        f"key: {key}",
        "# relation: translation",
        "# translation_of: vi        # with relation: translation, the language it was translated from",
        "# relation: report          # a separate report of the same event",
        "",
        f"# Languages found: {names}.",
    ]
    if len(found.langs) > 1:
        out += [
            "# Which one was it first published in? Without `original`, the versions are shown as",
            "# parallel texts of equal standing.",
            f"# original: {found.langs[0]}",
        ]
    out.append("")
    if found.titles:
        out.append("# Titles found (the opening line of each language's text):")
        out += [f"#   {lang}: {title}" for lang, title in found.titles.items()]
    if found.missing_titles:
        missing = ", ".join(LANGUAGE_NAMES[lang] for lang in found.missing_titles)
        example = ", ".join(f'{lang}: ""' for lang in found.missing_titles)
        out += [
            f"# TO DO: no {missing} title: the text does not open with a title line. Copy the",
            "# headline from the page the text came from (never make one up) between the quotes,",
            "# then remove the `# ` in front:",
            f"# title: {{{example}}}",
        ]
    elif found.titles:
        example = ", ".join(f'{lang}: "…"' for lang in found.titles)
        out.append(f"# To correct one: title: {{{example}}}")
    out.append("")
    if found.date:
        span = f"{found.date} to {found.date_end}" if found.date_end else str(found.date)
        out.append(f"# Date found in the text: {span}. To correct it: date: YYYY-MM-DD")
    else:
        out += [
            "# TO DO: no date in the text (no timestamp line, no date in the opening paragraphs).",
            "# Write the date of the event, then remove the `# `:",
            "# date: YYYY-MM-DD",
        ]
    for doubt in found.doubts:
        out.append(f"# NOT SURE of the {doubt.field}{f' ({doubt.lang})' if doubt.lang else ''}: {doubt.why}.")
        out += [f"#   seen{f' on line {c.line}' if c.line else ''}: {c.text[:80]} ({c.why})" for c in doubt.candidates]
        out.append(f"#   settle it: {doubt.pick}")
    out.append("")
    out.append("# The event it reports, one of the ids in sources/events.yml:")
    if events:
        out.append("#   " + ", ".join(events))
    guess = _event_guess(found.date, events or [])
    out.append(f"# event: {guess or '<event-id>'}")
    out += ["", *_source_lines(found), ""]
    return "\n".join(out)


def _source_lines(found: Findings) -> list[str]:
    """Where the text was published: what the text says, or commented lines asking for it."""
    out = []
    if found.source_url:
        out.append(f"# The page's address, as the text gives it: {found.source_url}")
    else:
        out += [
            "# NOT IN THE TEXT: the address of the page the text was copied from. Paste it, then",
            "# remove the `# ` (until then the article says its address is not recorded):",
            "# source_url: https://…",
        ]
    if found.source_name:
        out.append(f"# The publisher, as the text names it: {found.source_name}")
    else:
        out += [
            "# NOT IN THE TEXT: the publisher (the paper or site, as it names itself, e.g. Báo Hà",
            "# Giang). Write it between the quotes, then remove the `# ` (until then the article",
            "# says its publisher is not recorded):",
            '# source_name: ""',
        ]
    return out


def _event_guess(day: date | None, events: list[str]) -> str | None:
    if day is None:
        return None
    matching = [e for e in events if str(day.year) in e]
    return matching[0] if len(matching) == 1 else None


# --- the printed account -------------------------------------------------------------------


def outcome(report: dict, source_path: str) -> tuple[str, bool]:
    """What ingestion made of the new source, from the ingest report; and whether it is done."""
    folder = source_path.rsplit("/", 1)[0]
    articles = [a for a in report["articles"] if a["source"] == source_path]
    dropped = [d for d in report["dropped"] if d["source"] == source_path]
    warnings = [w for w in report["warnings"] if w["source"] == source_path]
    ours = [e for e in report["errors"] if e["source"].startswith(folder + "/") or e["source"] == folder]
    others = [e for e in report["errors"] if e not in ours]

    out = []
    if not articles:
        out.append("Not ingested yet: it needs you first (below).")
    else:
        out.append(f"Articles ({len(articles)}):")
        for a in articles:
            counts = f"{a['paragraphs']} paragraphs, {a['headings']} headings, {a['captions']} captions"
            out.append(f"  {a['lang']}  {a['path']}")
            out.append(f"      {a['title']}")
            out.append(f"      {a['date']} · {counts}")
        out.append(f"Dropped lines ({len(dropped)}):" if dropped else "Dropped lines: none")
        for d in dropped:
            text = d["text"] if len(d["text"]) <= 60 else d["text"][:57] + "..."
            out.append(f"  line {d['line']:>3}  {d['reason']}: {text!r}")
        out.append(f"Warnings ({len(warnings)}):" if warnings else "Warnings: none")
        out += [f"  {w['message']}" for w in warnings]
        doubts = [d for d in report.get("doubts", []) if d["source"] == source_path]
        if doubts:
            out.append(f"Not sure ({len(doubts)}), check these against the page:")
            out += [f"  {line}" for d in doubts for line in report_mod.doubt_lines(d)]
    for title, errors in (("Needs you", ours), ("Errors in other sources", others)):
        if errors:
            out.append(f"{title}:")
            for e in errors:
                where = f"{e['source']}:{e['line']}" if e["line"] else e["source"]
                out.append(f"  {where}: {e['message']}")
                out.append(f"    fix: {e['fix']}")
    per_lang = {lang: sum(1 for a in report["articles"] if a["lang"] == lang) for lang in LANGUAGES}
    total = ", ".join(f"{lang} {n}" for lang, n in per_lang.items() if n)
    every = len({a["source"] for a in report["articles"]})
    out.append(f"All sources: {every} ingested → {len(report['articles'])} articles ({total})")
    done = bool(articles) and not ours and not others
    return "\n".join(out), done


def next_steps(
    folder: str,
    key: str,
    langs: list[str],
    done: bool,
    root_url: str = "http://127.0.0.1:8000/",
    source_missing: tuple[str, ...] = ("source_url",),
) -> str:
    pages = ", ".join(f"{root_url}{url_prefix(lang)}articles/{key}/" for lang in langs)
    open_fields = ", ".join(["event", *(["original"] if len(langs) > 1 else []), *source_missing])
    steps = (
        ["Fix what is listed above (the message says where and how), then run `make ingest`."]
        if not done
        else [f"Read {folder}/meta.yml and fill in what it leaves open ({open_fields}), then run `make ingest`."]
    )
    steps += [
        f"Preview: `make preview SOURCE={folder}` (this article alone, rebuilt as you save) "
        f"or `make serve` (the whole site), then open {pages}",
        f"Commit {folder}/ and docs/, then open a pull request (its checklist says what to look at).",
    ]
    return "Next:\n" + "\n".join(f"  {n}. {step}" for n, step in enumerate(steps, 1))


# --- I/O ---------------------------------------------------------------------------------------


def read_input(name: str) -> tuple[bytes, str]:
    """The article's bytes and how messages name where they came from."""
    if name == STDIN:
        if sys.stdin.isatty():
            print("Paste the article, then press Ctrl-D on a new line:", file=sys.stderr)
        return sys.stdin.buffer.read(), "standard input"
    path = Path(name).expanduser()
    if not path.is_file():
        raise SourceError(
            printable(name),
            None,
            "no such file",
            "give the path of the saved article: make new FILE=path/to/article.txt",
        )
    # A browser names a saved page after its title: shown escaped, it cannot drive the terminal.
    return path.read_bytes(), printable(str(path))


def raw_name(name: str) -> str:
    """What the raw file is called in its folder: source.html for a saved page, else source.txt."""
    return sources.HTML_NAME if name != STDIN and sources.is_html(name) else sources.TEXT_NAME


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    sources_dir: Path = args.sources_dir
    root = sources_dir.resolve().parent
    try:
        data, origin = read_input(args.file)
        filename = raw_name(args.file)
        if not data.strip():
            raise SourceError(origin, None, "the article is empty", "save or paste the article's text first")
        source = sources.from_bytes(data, origin, SourceMeta(key="new-article"), filename == sources.HTML_NAME)
        found = analyze(source)
    except SourceError as err:
        print("error: " + logsafe.text(err.render()), file=sys.stderr)
        print("Nothing was created.", file=sys.stderr)
        return 1

    registry = _events(sources_dir, root)
    fallback = "article" if args.file == STDIN else Path(args.file).stem
    key = propose_key(found.date, found.titles, taken_keys(sources_dir), fallback)
    folder = sources_dir / key
    folder.mkdir(parents=True)
    write_atomic(folder / filename, data)
    write_atomic(folder / sources.META_NAME, render_meta(key, found, registry).encode("utf-8"))

    shown = sources.display(folder, root)
    date_note = f"date {found.date} (from the text)" if found.date else "no date found"
    # The file's name and everything the text holds are the editor's, printed through logsafe.
    print(logsafe.text(f"Created {shown}/"))
    print(logsafe.text(f"  {filename:<11} {origin}, as it was ({len(data):,} bytes)"))
    print(f"  {sources.META_NAME:<11} key {key} · languages {', '.join(found.langs)} · {date_note}")
    print()
    print("Ingesting every source, as `make ingest` does...")
    report_path = root / paths.REPORT.relative_to(paths.ROOT)
    report_path.unlink(missing_ok=True)
    captured = io.StringIO()
    with contextlib.redirect_stdout(captured), contextlib.redirect_stderr(captured):
        ingest_cli.main(["--sources-dir", str(sources_dir), "--report", str(report_path)])
    if not report_path.is_file():  # the run stopped before ingesting anything (a broken events.yml)
        print(logsafe.text(captured.getvalue()), end="", file=sys.stderr)
        return 1
    report = json.loads(report_path.read_text(encoding="utf-8"))
    account, done = outcome(report, f"{shown}/{filename}")
    print(logsafe.text(account))
    missing = found.source_missing()
    if missing:
        print(
            f"Source: the text does not give {' or '.join(_SOURCE_WORDS[m] for m in missing)}: "
            f"fill in {', '.join(f'`{m}`' for m in missing)} in {shown}/meta.yml "
            "(until then the article says it is not recorded)."
        )
    print()
    print(logsafe.text(next_steps(shown, key, found.langs, done, source_missing=tuple(missing))))
    return 0 if done else 1


_SOURCE_WORDS = {"source_url": "the page's address", "source_name": "the publisher's name"}


def _events(sources_dir: Path, root: Path) -> list[str] | None:
    try:
        registry = sources.load_events(sources_dir, root)
    except SourceError:
        return None  # the ingest below reports it
    return sorted(registry) if registry else None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m scripts.new", description=__doc__.split("\n\n")[0])
    parser.add_argument("file", metavar="FILE", help="the saved article (`-`: read it from standard input)")
    parser.add_argument(
        "--sources-dir", type=Path, default=paths.SOURCES, help="where source folders live (default: sources/)"
    )
    return parser


if __name__ == "__main__":
    sys.exit(main())
