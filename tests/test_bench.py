"""The benchmark's corpus and its run at a tiny N (its figures are not judged here)."""

from __future__ import annotations

from collections import Counter

import pytest

from scripts.bench import corpus, large
from scripts.bench.__main__ import bench
from scripts.contract import FrontMatter
from scripts.ingest import sources as sources_mod
from scripts.ingest.cli import main as ingest_main
from scripts.ingest.model import Source, SourceMeta
from scripts.ingest.pipeline import ingest

from .helpers import ROOT


@pytest.fixture(scope="module")
def pools():
    results = [ingest(sources_mod.load(p, ROOT, None)) for p in sources_mod.discover(ROOT / "sources")]
    return corpus.pools_from(results)


def test_the_corpus_is_deterministic(pools):
    assert corpus.generate(pools, 10, seed=1) == corpus.generate(pools, 10, seed=1)
    assert corpus.generate(pools, 10, seed=1) != corpus.generate(pools, 10, seed=2)


def test_the_corpus_ingests_into_n_articles_per_language_with_a_realistic_mix(pools):
    generated = corpus.generate(pools, 20, seed=3)
    results = [ingest(Source(f"sources/{s.folder}/source.txt", s.text, SourceMeta(**_meta(s.meta)))) for s in generated]
    langs = Counter(a.lang for r in results for a in r.articles)
    assert langs == {"vi": 20, "zh": 20, "uk": 20}
    bilingual = [r for r in results if len(r.articles) == 2]
    assert bilingual and all(r.articles[0].alignment for r in bilingual), "bilingual sources stay bilingual"
    keys = Counter(a.key for r in results for a in r.articles)
    assert any(count == 3 for count in keys.values()), "some keys exist in all three languages"
    assert any(count == 1 for count in keys.values()), "some articles exist in one language only"
    assert len({a.date.year for r in results for a in r.articles}) > 5, "dates spread over years"
    assert any(r.dropped for r in results), "furniture is there to be cleaned"


def test_the_corpus_has_translations_from_sources_of_their_own_aligned_at_ingest(pools, tmp_path):
    generated = corpus.generate(pools, 20, seed=3)
    translations = [s for s in generated if s.meta.get("relation") == "translation"]
    assert len(translations) == 2 and all(s.meta["translation_of"] == "vi" for s in translations)
    corpus.write(generated, tmp_path / "sources")
    assert ingest_main(["--sources-dir", str(tmp_path / "sources"), "--quiet", "--no-cache"]) == 0
    for source in translations:
        key = source.meta["key"]
        path = tmp_path / "docs" / "vi" / "articles" / f"{key}.md"
        vi = FrontMatter.read(path.read_text(encoding="utf-8"), "vi", key, path)
        assert vi.source != f"sources/{source.folder}/source.txt", "the original is another source"
        assert len(vi.alignment["zh"]) >= 4, "aligned across the two sources"


def test_the_large_source_is_bilingual_and_just_under_the_size_limit(pools, tmp_path):
    folder = large.write(pools, tmp_path / "big", size=200_000)
    size = (folder / "source.txt").stat().st_size
    assert 190_000 < size <= 200_000
    got = large.measure(folder)
    n_vi, n_zh = got["paragraphs"]
    assert n_vi > n_zh > 100 and got["pairs"] >= 0.95 * n_zh, "nearly every Chinese paragraph finds its Vietnamese"


def _meta(raw: dict) -> dict:
    meta = {
        "key": raw["key"],
        "event": raw.get("event"),
        "relation": raw.get("relation"),
        "original": raw.get("original"),
        "translation_of": raw.get("translation_of"),
    }
    return {k: v for k, v in meta.items() if v is not None}


@pytest.mark.slow
def test_a_tiny_run_prints_every_figure(tmp_path):
    rows = dict(bench(3, 0, tmp_path, build=True, search=True, loop=True))
    assert rows["sources / articles"].endswith("/ 9 (3 per language)")
    assert "0 files touched" in rows["re-ingest, unchanged"]
    for measure in ("ingest (make ingest)", "full build (make site)", "article page HTML", "site size", "peak memory"):
        assert any(ch.isdigit() for ch in rows[measure]), measure
    assert "MB, " in rows["a 2 MB bilingual source"] and "alignment" in rows["a 2 MB bilingual source"]
    assert "pages · HTML median" in rows["side-by-side pages"] and "ms/page" in rows["side-by-side pages"]
    assert "a saved source shows in" in rows["editor loop (make serve)"]
    assert "a saved source shows in" in rows["editor loop (make preview)"]
    searches = {k: v for k, v in rows.items() if k.startswith("first search, ")}
    assert len(searches) == 3, "one search per language, measured in Chromium"
    for measure, value in searches.items():
        assert int(value.split(" KB")[0]) > 0 and "results shown" in value, measure
