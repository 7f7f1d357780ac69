"""The evaluation harness: how a real input is judged, and how scores meet their floors."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from scripts.evaluation import corpus, scores
from scripts.evaluation.__main__ import main
from scripts.evaluation.judge import judge

from .helpers import ROOT

PAGE = (
    "星期二, 10/12/2024 10:05 (GMT +7)\n\nHai lối mở biên giới tạm thời mở để vận chuyển hành khách\n\n"
    "星期三, 20/11/2024 | 21:28:30 [GMT +7]\n\n"
    "Ngày 17/11, lối mở Bát Bố (Trung Quốc) - Nghĩa Thuận (Việt Nam) tạm thời mở để vận chuyển hành khách.\n\n"
    "Chia sẻ\n"
)


def write_input(folder: Path, expected: dict, text: str = PAGE) -> Path:
    folder.mkdir(parents=True)
    (folder / "source.txt").write_text(text, encoding="utf-8")
    (folder / "expected.yml").write_text(yaml.safe_dump(expected, allow_unicode=True), encoding="utf-8")
    return folder


def expected(**article) -> dict:
    base = {
        "title": "Hai lối mở biên giới tạm thời mở để vận chuyển hành khách",
        "date": "2024-11-20",
        "authors": [],
        "source_url": None,
        "first": "Ngày 17/11, lối mở Bát Bố",
        "last": "để vận chuyển hành khách.",
    }
    return {
        "origin": {"url": "https://example.org/a"},
        "kind": "page-copy",
        "languages": ["vi"],
        "articles": {"vi": base | article},
        "keep": ["lối mở Bát Bố (Trung Quốc)"],
        "drop": ["10/12/2024 10:05", "Chia sẻ"],
    }


def test_an_input_the_pipeline_gets_right_passes_every_check(tmp_path):
    (item,) = corpus.load(write_input(tmp_path / "corpus" / "ok", expected()).parent)
    judgement = judge(item)
    assert [c.field for c in judgement.checks if not c.ok] == []
    assert all(d.ok for d in judgement.decisions) and len(judgement.decisions) == 3


def test_a_wrong_value_fails_its_check_and_says_what_was_got(tmp_path):
    (item,) = corpus.load(write_input(tmp_path / "corpus" / "bad", expected(date="2024-12-10", authors=["X Y"])).parent)
    failed = {c.field: c.got for c in judge(item).checks if not c.ok}
    assert set(failed) == {"vi.date", "vi.authors"}
    assert str(failed["vi.date"]) == "2024-11-20"


def test_a_value_the_input_does_not_state_must_not_be_guessed_silently(tmp_path):
    undated = PAGE.replace("星期二, 10/12/2024 10:05 (GMT +7)\n\n", "").replace(
        "星期三, 20/11/2024 | 21:28:30 [GMT +7]\n\n", ""
    )
    item = corpus.load(write_input(tmp_path / "c" / "x", expected(date=None), undated).parent)[0]
    (check,) = [c for c in judge(item).checks if c.field == "vi.date"]
    assert check.ok and check.got is None


def test_line_decisions_count_furniture_kept_and_body_dropped(tmp_path):
    spec = expected() | {"drop": ["Ngày 17/11, lối mở"], "keep": ["Chia sẻ"]}
    item = corpus.load(write_input(tmp_path / "c" / "x", spec).parent)[0]
    score = scores.Score()
    score.add(judge(item))
    assert (score.keep_dropped, score.drop_kept) == (1, 1)
    assert score.lines == 0.0 and score.precision_recall(keep=True) == (0.0, 0.0)


def test_a_russian_page_must_be_refused_naming_its_language(tmp_path):
    spec = {"origin": {"url": "https://example.org/ru"}, "kind": "article-copy", "languages": ["ru"], "refuse": "ru"}
    text = "Заголовок\n\nСтороны согласились, что этот год очень важный для всех участников встречи.\n"
    (check,) = judge(corpus.load(write_input(tmp_path / "c" / "ru", spec, text).parent)[0]).checks
    assert check.field == "refused" and check.ok


def test_scores_under_a_floor_fail_the_run(tmp_path, capsys):
    folder = write_input(tmp_path / "corpus" / "bad", expected(title="Another title"))
    floors = tmp_path / "floors.yml"
    floors.write_text("fields: 0.99\nlines: 0.5\n", encoding="utf-8")
    assert main(["--corpus", str(folder.parent), "--floors", str(floors)]) == 1
    assert "BELOW FLOOR  all: fields" in capsys.readouterr().out
    floors.write_text("fields: 0.5\nlines: 0.5\n", encoding="utf-8")
    assert main(["--corpus", str(folder.parent), "--floors", str(floors)]) == 0


def test_an_expectations_file_that_is_not_readable_is_an_error_naming_it(tmp_path):
    folder = write_input(tmp_path / "corpus" / "x", expected() | {"kind": "pdf"})
    with pytest.raises(corpus.CorpusError, match="kind 'pdf'"):
        corpus.load(folder.parent)


def test_the_committed_corpus_is_as_large_and_mixed_as_the_issue_asks():
    inputs = corpus.load(ROOT / "eval" / "corpus")
    kinds = {k: sum(1 for i in inputs if i.kind == k) for k in corpus.KINDS}
    groups = {i.group for i in inputs}
    assert len(inputs) >= 40 and kinds["html"] >= 15 and kinds["page-copy"] >= 10 and kinds["article-copy"] >= 1
    assert {"vi", "zh-Hans", "zh-Hant", "uk", "vi+zh", "ru (refused)"} <= groups
    for item in inputs:
        spec = yaml.safe_load((item.path.parent / "expected.yml").read_text(encoding="utf-8"))
        assert spec["origin"].get("url") or spec["origin"].get("repository"), item.id
