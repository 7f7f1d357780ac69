"""`make eval`: ingestion judged on real pages, with scores and the floors CI holds them to.

    python -m scripts.evaluation [--corpus eval/corpus] [--floors eval/floors.yml] [--markdown]

Prints, per language group and per input kind, the share of field checks
right and the keep/drop precision and recall of line decisions; then the
share right per field; then every failure (input, field, expected, got).
Exits 1 when a score falls below its floor.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scripts import paths

from . import corpus, scores
from .judge import judge

EVAL = paths.ROOT / "eval"


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        inputs = corpus.load(args.corpus)
    except corpus.CorpusError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    if args.only:
        inputs = [i for i in inputs if any(name in i.id for name in args.only)]
    judgements = [judge(item) for item in inputs]
    result = scores.score(judgements)
    print(f"Ingestion judged on {len(inputs)} real inputs ({_shown(args.corpus)})")
    print()
    print(table(result, markdown=args.markdown))
    print()
    print(failures(judgements))
    if args.only:
        return 0
    short = scores.shortfalls(result, scores.load_floors(args.floors))
    print()
    if short:
        for s in short:
            print(f"BELOW FLOOR  {s.what}: {_pct(s.score)} < {_pct(s.floor)} ({_shown(args.floors)})")
        return 1
    print(f"Every score is at or above its floor ({_shown(args.floors)}).")
    return 0


def table(result: scores.Scores, markdown: bool = False) -> str:
    head = ["", "inputs", "fields right", "lines right", "keep P / R", "drop P / R"]
    rows = []
    for title, part in (("language", result.by_group), ("kind", result.by_kind)):
        rows.append([f"by {title}", "", "", "", "", ""])
        rows += [_row(name, s) for name, s in part.items()]
    rows.append(_row("all", result.total))
    rows.append(["", "", "", "", "", ""])
    rows.append(["by field", "checks", "right", "", "", ""])
    rows += [[name, str(n), _pct(right / n if n else None), "", "", ""] for name, (right, n) in result.by_field.items()]
    return _markdown(head, rows) if markdown else _plain(head, rows)


def _row(name: str, s: scores.Score) -> list[str]:
    kp, kr = s.precision_recall(keep=True)
    dp, dr = s.precision_recall(keep=False)
    return [
        name,
        str(s.inputs),
        f"{_pct(s.fields)} ({s.right}/{s.checks})",
        f"{_pct(s.lines)} ({s.keep_kept + s.drop_dropped}/{s.decisions})",
        f"{_pct(kp)} / {_pct(kr)}",
        f"{_pct(dp)} / {_pct(dr)}",
    ]


def failures(judgements) -> str:
    out = ["Failures (input · field: expected → got):"]
    for j in judgements:
        for c in j.checks:
            if not c.ok:
                out.append(f"  {c.input} · {c.field}: {_short(c.expected)} → {_short(c.got)}")
        for d in j.decisions:
            if not d.ok:
                what = "body text dropped" if d.keep else "furniture kept"
                out.append(f"  {d.input} · line: {what}: {_short(d.text)}")
    return "\n".join(out) if len(out) > 1 else "No failures."


def _plain(head: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(head, widths, strict=True)).rstrip()]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return "\n".join(lines)


def _markdown(head: list[str], rows: list[list[str]]) -> str:
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(r) + " |" for r in rows if any(r)]
    return "\n".join(out)


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f}%"


def _short(value: object, limit: int = 70) -> str:
    text = repr(value) if not isinstance(value, str) else value
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(paths.ROOT).as_posix()
    except ValueError:
        return str(path)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m scripts.evaluation", description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=EVAL / "corpus", help="the inputs (default: eval/corpus)")
    parser.add_argument("--floors", type=Path, default=EVAL / "floors.yml", help="the pinned floors")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown (for the README)")
    parser.add_argument("--only", nargs="*", metavar="ID", help="judge only inputs whose id contains one of these")
    return parser


if __name__ == "__main__":
    sys.exit(main())
