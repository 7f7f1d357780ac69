"""End-to-end ingestion cases, as data: one folder per case under tests/cases/.

A case holds a source as an editor adds it (`source.txt` or `source.html`, and
`meta.yml`) and what ingestion must make of it, reviewed by a person:
`expected/<lang>.md` for each article, `expected/dropped.yml` for every line
left out with its reason, or `expected/errors.yml` when the source must be
refused. A new case is a new folder; no code changes.

When a change to ingestion is meant to change an output, regenerate with
`UPDATE_CASES=1 make test`, read the diff of tests/cases/, and commit it with
the change.
"""

from __future__ import annotations

import os

import pytest
import yaml

from scripts.ingest.model import SourceError
from scripts.ingest.render import render

from .helpers import ROOT, ingest_case

CASES = sorted(p for p in (ROOT / "tests" / "cases").iterdir() if p.is_dir())


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_case(case):
    expected = case / "expected"
    try:
        result = ingest_case(case)
    except SourceError as err:
        errors = [problem.as_dict() for problem in err.each()]
        if os.environ.get("UPDATE_CASES"):
            _write(expected, {"errors.yml": _yaml(errors)})
        assert (expected / "errors.yml").is_file(), f"{case.name} was refused: {err.render()}"
        assert errors == yaml.safe_load((expected / "errors.yml").read_text(encoding="utf-8"))
        return
    dropped = [{"line": d.line, "reason": d.reason, "text": d.text} for d in result.dropped]
    actual = {f"{a.lang}.md": render(a) for a in result.articles} | {"dropped.yml": _yaml(dropped)}
    if os.environ.get("UPDATE_CASES"):
        _write(expected, actual)
    found = {p.name: p.read_text(encoding="utf-8") for p in sorted(expected.iterdir())}
    assert sorted(actual) == sorted(found), f"{case.name}: the articles made differ from expected/"
    for name, text in actual.items():
        assert text == found[name], f"{case.name}/expected/{name} differs from what ingestion makes"


def _yaml(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1_000_000)


def _write(folder, files: dict[str, str]) -> None:
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
