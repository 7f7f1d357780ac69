"""`python -m scripts.ingest`: turn sources into per-language Markdown.

    python -m scripts.ingest [SOURCE ...] [--docs DIR] [--report FILE.json] [--check]

With no SOURCE, every folder under sources/ is ingested and generated
articles that no source makes any more are removed. `--check` writes
nothing and exits 1 when any file would change (CI uses it to prove the
committed Markdown matches the sources).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from . import report as report_mod
from . import sources as sources_mod
from . import write
from .model import LANGUAGES, Result, SourceError
from .pipeline import ingest
from .render import render

ROOT = Path(__file__).resolve().parents[2]
PROGRESS_THRESHOLD = 20


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    sources_dir: Path = args.sources_dir
    # Paths in messages and front matter are relative to the tree that holds sources/.
    root = sources_dir.resolve().parent
    docs: Path = args.docs if args.docs is not None else root / "docs"
    errors: list[SourceError] = []

    try:
        registry = sources_mod.load_events(sources_dir, root)
    except SourceError as err:
        print("error: " + err.render(), file=sys.stderr)
        return 1
    events = set(registry) if registry is not None else None

    full_run = not args.sources
    targets = [Path(s) for s in args.sources] if args.sources else sources_mod.discover(sources_dir)
    ingested: list[Result] = []
    for target in _progress(targets):
        try:
            source = sources_mod.load(target, root, events)
            ingested.append(ingest(source))
        except SourceError as err:
            errors.append(err)

    # Two sources that would write the same article both fail, whatever their
    # order: neither may overwrite the other, and the one just added is as
    # likely to be wrong as the one already there.
    claims: dict[Path, set[str]] = {}
    for result in ingested:
        for article in result.articles:
            claims.setdefault(docs / article.path, set()).add(result.source)
    results: list[Result] = []
    outputs: dict[Path, str] = {}
    for result in ingested:
        clash = [a for a in result.articles if len(claims[docs / a.path]) > 1]
        if clash:
            others = sorted({s for a in clash for s in claims[docs / a.path]} - {result.source})
            errors.append(_key_clash(result.source, clash, others, docs, root))
            continue
        taken = next((e for a in result.articles if (e := _taken_on_disk(docs / a.path, result.source, root))), None)
        if taken:
            errors.append(taken)
            continue
        results.append(result)
        for article in result.articles:
            outputs[docs / article.path] = render(article)

    stale = write.generated_files(docs, LANGUAGES) if full_run else []
    # A source that failed this time keeps its earlier articles until it is fixed.
    failed = {_folder(e.path) for e in errors}
    stale = [p for p in stale if _folder(_source_of(p)) not in failed]
    plan = write.plan(outputs, stale)

    if args.report:
        report = report_mod.build(results, errors, docs, sources_mod.display(docs, root))
        if not args.check:
            write.write_atomic(args.report, report_mod.dumps(report).encode("utf-8"))
    if not args.check:
        write.apply(plan, outputs)
    print(report_mod.summary(results, errors, plan, args.check, root), file=sys.stderr if args.quiet else sys.stdout)
    if args.check and plan.changes:
        print("ingest --check: the generated Markdown is out of date; run `make ingest` and commit the result.")
    return 1 if errors or (args.check and plan.changes) else 0


def _taken_on_disk(path: Path, source: str, root: Path) -> SourceError | None:
    """An error when `path` is a file this source must not overwrite.

    Another source that still exists may own it (a run over some sources
    only, or a run where that source failed), or it may be a hand-written page.
    """
    if not path.is_file():
        return None
    shown = sources_mod.display(path, root)
    owner = _source_of(path)
    if not owner:
        return SourceError(
            source, None, f"would overwrite {shown}, which ingestion did not write", "give this source another `key`"
        )
    if _folder(owner) != _folder(source) and (root / owner).exists():
        return SourceError(
            source,
            None,
            f"writes the same file as {owner}: {shown}",
            "give one of the two sources another `key` in its meta.yml "
            "(sources in different languages may share a key; two in one language may not)",
        )
    return None


def _key_clash(source: str, clash: list, others: list[str], docs: Path, root: Path) -> SourceError:
    """Sources would write the same article: point at the `key:` line that says so."""
    key = clash[0].key
    langs = " and ".join(a.lang for a in clash)
    other = ", ".join(others)
    written = ", ".join(sources_mod.display(docs / a.path, root) for a in clash)
    meta_path = root / Path(source).parent / sources_mod.META_NAME
    if Path(source).name not in sources_mod.SOURCE_NAMES or not meta_path.is_file():
        # A bare file: its key comes from its name.
        return SourceError(
            source,
            None,
            f"its key {key!r} (from the file name) is also the key of {other}, and both make the {langs} "
            f"article ({written})",
            "rename the file, or give it a folder and a meta.yml with a key of its own (`make new` does both)",
        )
    return SourceError(
        sources_mod.display(meta_path, root),
        _key_line(meta_path),
        f"`key`: {key} is also the key of {other}, and both make its {langs} article ({written})",
        f"give one of the two (most likely the one you added) a key of its own, e.g. `key: {key}-2`; sources "
        "share a key only when they are the same article in different languages (a translation, or a report "
        "in a language the key lacks)",
    )


def _key_line(meta_path: Path) -> int | None:
    try:
        root = yaml.compose(meta_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    if not isinstance(root, yaml.MappingNode):
        return None
    return next((k.start_mark.line + 1 for k, _ in root.value if k.value == "key"), None)


def _folder(path: str) -> str:
    return str(Path(path).parent) if Path(path).suffix else path


def _source_of(path: Path) -> str:
    """The `source:` a generated article names in its front matter."""
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines()[:40]:
        if line.startswith("source: "):
            return line[len("source: ") :].strip()
    return ""


def _progress(items: list[Path]):
    if len(items) >= PROGRESS_THRESHOLD and sys.stderr.isatty():
        from tqdm import tqdm

        return tqdm(items, desc="ingest", unit="source", file=sys.stderr)
    return items


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m scripts.ingest", description=__doc__.split("\n\n")[0])
    parser.add_argument("sources", nargs="*", metavar="SOURCE", help="a source folder or a bare file (default: all)")
    parser.add_argument("--docs", type=Path, help="output folder (default: docs/ beside sources/)")
    parser.add_argument(
        "--sources-dir", type=Path, default=ROOT / "sources", help="where source folders live (default: sources/)"
    )
    parser.add_argument("--report", type=Path, help="write a JSON report of every article and dropped line")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if any output would change")
    parser.add_argument("--quiet", action="store_true", help="print the summary to stderr")
    return parser
