"""A translation that comes as a source of its own is aligned with its original, and kept aligned.

The sources here are the 2022 bilingual seed cut in two: its Vietnamese lines
in one source, its Chinese lines in another that says it is a translation.
Aligned across the two sources, they must pair exactly as the bilingual
source pairs (tests/test_seeds.py), its one-to-two pair included.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from scripts.contract import FrontMatter
from scripts.ingest import batch, pairing
from scripts.ingest.cli import main

from .helpers import SOURCES

KEY = "2022-cross-source"
VI = "sources/a-vi"
ZH = "sources/b-zh"
# Read from the two texts: Vietnamese paragraph 2 holds both what Chinese 2 says
# (Liu Ning's speech) and what Chinese 3 says (the four secretaries' reply).
EXPECTED_VI_ZH = [
    ((1,), (1,)),
    ((2,), (2, 3)),
    ((3,), (4,)),
    ((4,), (5,)),
    ((5,), (6,)),
    ((6,), (7,)),
    ((7,), (8,)),
    ((8,), (9,)),
]


def _han(line: str) -> bool:
    return len(re.findall(r"[\u4e00-\u9fff]", line)) > len(line) / 4


def split_seed(root: Path) -> Path:
    """sources/a-vi (the Vietnamese original) and sources/b-zh (its translation), from the 2022 seed."""
    lines = (SOURCES / "2022-02-25-spring-meeting" / "source.txt").read_text(encoding="utf-8").splitlines()
    vi_title, zh_title = lines[0].split(" 2022年", 1)
    texts = {
        VI: [vi_title] + [line for line in lines[1:] if line and not _han(line)],
        ZH: ["2022年" + zh_title] + [line for line in lines[1:] if line and _han(line)],
    }
    metas = {
        VI: f"key: {KEY}\ndate: 2022-02-25\n",
        ZH: f"key: {KEY}\ndate: 2022-02-25\nrelation: translation\ntranslation_of: vi\n",
    }
    for folder, text in texts.items():
        (root / folder).mkdir(parents=True)
        (root / folder / "source.txt").write_text("\n\n".join(text) + "\n", encoding="utf-8")
        (root / folder / "meta.yml").write_text(metas[folder], encoding="utf-8")
    return root


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return split_seed(tmp_path)


def run(repo: Path, *args: str) -> int:
    return main(["--sources-dir", str(repo / "sources"), "--quiet", *args])


def front(repo: Path, lang: str, docs: Path | None = None) -> FrontMatter:
    path = (docs or repo / "docs") / lang / "articles" / f"{KEY}.md"
    return FrontMatter.read(path.read_text(encoding="utf-8"), lang, KEY, path)


def from_scratch(repo: Path, lang: str) -> FrontMatter:
    """What ingesting every source anew, with no cache, into an empty folder makes of an article."""
    docs = repo / "scratch-docs"
    shutil.rmtree(docs, ignore_errors=True)
    assert run(repo, "--no-cache", "--docs", str(docs)) == 0
    return front(repo, lang, docs)


def record_ingests(monkeypatch) -> list[str]:
    seen: list[str] = []
    real = batch.ingest
    monkeypatch.setattr(batch, "ingest", lambda source: seen.append(source.path.rsplit("/", 1)[0]) or real(source))
    return seen


def edit(repo: Path, folder: str, name: str, old: str, new: str) -> None:
    path = repo / folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


# The alignment ---------------------------------------------------------------------------------


def test_a_translation_from_its_own_source_pairs_as_the_bilingual_source_does(repo):
    assert run(repo) == 0
    assert list(front(repo, "vi").alignment["zh"]) == EXPECTED_VI_ZH
    assert list(front(repo, "zh").alignment["vi"]) == [(theirs, ours) for ours, theirs in EXPECTED_VI_ZH]


def test_a_report_of_the_same_event_is_not_aligned(repo):
    edit(repo, ZH, "meta.yml", "relation: translation\ntranslation_of: vi\n", "relation: report\n")
    assert run(repo) == 0
    assert front(repo, "vi").alignment == {} and front(repo, "zh").alignment == {}


def test_the_same_result_from_worker_processes(repo, tmp_path, monkeypatch):
    for n in range(3):  # more sources than the threshold below, so the pool is used
        shutil.copytree(SOURCES / "2021-04-09-spring-meeting", repo / "sources" / f"other-{n}")
        edit(repo, f"sources/other-{n}", "meta.yml", "key: 2021-04-09-spring-meeting", f"key: other-{n}")
    monkeypatch.setattr(batch, "PARALLEL_THRESHOLD", 2)
    assert run(repo, "--no-cache") == 0
    assert list(front(repo, "vi").alignment["zh"]) == EXPECTED_VI_ZH


# Kept current as either source changes ----------------------------------------------------------


def test_an_unchanged_pair_is_taken_from_the_cache(repo, monkeypatch):
    assert run(repo) == 0
    seen = record_ingests(monkeypatch)
    assert run(repo) == 0
    assert seen == []


def test_editing_the_translation_realigns_the_original_too(repo, monkeypatch):
    assert run(repo) == 0
    seen = record_ingests(monkeypatch)
    # The translation loses its closing paragraph (the joint press release).
    edit(repo, ZH, "source.txt", "\n\n会晤结束后,各方发表了联合新闻公报。", "")
    assert run(repo, "--check") == 1, "the original's alignment is out of date"
    assert run(repo) == 0
    assert sorted(set(seen)) == [VI, ZH]
    assert front(repo, "vi").alignment == from_scratch(repo, "vi").alignment
    assert len(front(repo, "vi").alignment["zh"]) == len(EXPECTED_VI_ZH) - 1


def test_editing_the_original_realigns_the_translation_too(repo, monkeypatch):
    assert run(repo) == 0
    seen = record_ingests(monkeypatch)
    edit(repo, VI, "source.txt", "\n\nKết thúc buổi gặp gỡ, các bên đã ra thông cáo báo chí chung.", "")
    assert run(repo) == 0
    assert sorted(set(seen)) == [VI, ZH]
    assert front(repo, "zh").alignment == from_scratch(repo, "zh").alignment
    assert len(front(repo, "zh").alignment["vi"]) == len(EXPECTED_VI_ZH) - 1


def test_a_translation_added_later_is_aligned_with_the_cached_original(repo, monkeypatch):
    zh = repo / ZH
    shutil.move(zh, repo / "zh-later")
    assert run(repo) == 0
    assert front(repo, "vi").alignment == {}
    shutil.move(repo / "zh-later", zh)
    seen = record_ingests(monkeypatch)
    assert run(repo) == 0
    assert sorted(set(seen)) == [VI, ZH], "the original, vouched for by the cache, is ingested again"
    assert list(front(repo, "vi").alignment["zh"]) == EXPECTED_VI_ZH
    seen.clear()
    assert run(repo) == 0
    assert seen == [], "and then both come from the cache"


def test_removing_the_translation_removes_the_alignment(repo):
    assert run(repo) == 0
    shutil.rmtree(repo / ZH)
    assert run(repo) == 0
    assert not (repo / "docs" / "zh" / "articles" / f"{KEY}.md").exists()
    assert front(repo, "vi").alignment == {}


def test_a_translation_turned_into_a_report_is_no_longer_aligned(repo):
    assert run(repo) == 0
    edit(repo, ZH, "meta.yml", "relation: translation\ntranslation_of: vi\n", "relation: report\n")
    assert run(repo) == 0
    assert front(repo, "vi").alignment == {}


def test_a_run_over_the_translation_alone_realigns_the_original_on_disk(repo, monkeypatch):
    assert run(repo) == 0
    edit(repo, ZH, "source.txt", "\n\n会晤结束后,各方发表了联合新闻公报。", "")
    seen = record_ingests(monkeypatch)
    assert main(["--sources-dir", str(repo / "sources"), "--quiet", str(repo / ZH)]) == 0
    assert sorted(set(seen)) == [VI, ZH]
    assert front(repo, "vi").alignment == from_scratch(repo, "vi").alignment
    assert len(front(repo, "vi").alignment["zh"]) == len(EXPECTED_VI_ZH) - 1


def test_a_run_over_the_translation_alone_without_a_cache_still_finds_the_original(repo):
    assert run(repo, "--no-cache") == 0
    edit(repo, ZH, "source.txt", "\n\n会晤结束后,各方发表了联合新闻公报。", "")
    assert main(["--sources-dir", str(repo / "sources"), "--quiet", "--no-cache", str(repo / ZH)]) == 0
    assert front(repo, "vi").alignment == from_scratch(repo, "vi").alignment
    assert len(front(repo, "vi").alignment["zh"]) == len(EXPECTED_VI_ZH) - 1


# The parts ---------------------------------------------------------------------------------------


def test_partners_are_the_sources_sharing_a_key():
    found = pairing.partners(
        {
            "sources/a": ["vi/articles/k.md"],
            "sources/b": ["zh/articles/k.md"],
            "sources/c": ["uk/articles/k.md", "uk/articles/other.md"],
            "sources/d": ["vi/articles/alone.md"],
        }
    )
    assert found == {
        "sources/a": {"sources/b", "sources/c"},
        "sources/b": {"sources/a", "sources/c"},
        "sources/c": {"sources/a", "sources/b"},
        "sources/d": set(),
    }


def test_a_combined_fingerprint_changes_with_any_partner_and_needs_them_all():
    alone = pairing.combined("own", [])
    with_b = pairing.combined("own", [("sources/b", "1")])
    assert alone == "own"
    assert with_b != alone and with_b != pairing.combined("own", [("sources/b", "2")])
    assert pairing.combined("own", [("sources/b", "1"), ("sources/c", "2")]) == pairing.combined(
        "own", [("sources/c", "2"), ("sources/b", "1")]
    ), "in any order"
    assert pairing.combined("own", [("sources/b", None)]) is None, "a partner that cannot be fingerprinted"
    assert pairing.combined(None, []) is None


def test_a_translation_of_a_bilingual_article_is_aligned_with_both_its_languages(tmp_path, monkeypatch):
    root = tmp_path
    shutil.copytree(SOURCES / "2022-02-25-spring-meeting", root / "sources" / "bilingual")
    (root / "sources" / "bilingual" / "meta.yml").write_text(f"key: {KEY}\noriginal: vi\n", encoding="utf-8")
    uk = root / "sources" / "uk"
    uk.mkdir()
    # The Vietnamese translated into Ukrainian paragraph by paragraph (tests/pairing/uk-2022.txt), added later.
    shutil.copyfile(Path(__file__).parent / "pairing" / "uk-2022.txt", uk / "source.txt")
    (uk / "meta.yml").write_text(f"key: {KEY}\ndate: 2022-02-25\nrelation: translation\ntranslation_of: vi\n")
    shutil.move(uk, root / "uk-later")
    assert run(root) == 0
    shutil.move(root / "uk-later", uk)
    seen = record_ingests(monkeypatch)
    assert run(root) == 0
    assert sorted(seen) == ["sources/bilingual", "sources/uk"], "the bilingual source is ingested again, once"
    vi, zh, ua = front(root, "vi"), front(root, "zh"), front(root, "uk")
    # Paragraph for paragraph with the Vietnamese; so with the Chinese as the Vietnamese is.
    assert list(ua.alignment["vi"]) == [((n,), (n,)) for n in range(1, 9)]
    assert list(ua.alignment["zh"]) == EXPECTED_VI_ZH
    assert list(vi.alignment["uk"]) == [((n,), (n,)) for n in range(1, 9)]
    assert list(zh.alignment["uk"]) == [(theirs, ours) for ours, theirs in EXPECTED_VI_ZH]
    assert list(vi.alignment["zh"]) == EXPECTED_VI_ZH, "the bilingual pairs stay as they were"
