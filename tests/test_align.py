"""Pairing the paragraphs of a bilingual source."""

import math
import random

import pytest

from scripts.ingest import align as align_mod
from scripts.ingest.align import Unit, align
from scripts.ingest.pipeline import ingest

from .helpers import SOURCES, load_source
from .seed_pairs import SEEDS, UNITS, matches

ZH = "会晤结束后,各方发表了联合新闻公报。"  # 18 characters
VI = "Kết thúc buổi gặp gỡ, các bên đã ra thông cáo báo chí chung."  # about 3.3 times longer


def test_translations_in_order_pair_one_to_one():
    zh = [Unit(ZH * 3), Unit(ZH), Unit(ZH * 2)]
    vi = [Unit(VI * 3), Unit(VI), Unit(VI * 2)]
    assert align(zh, vi) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]


def test_one_paragraph_may_answer_two():
    zh = [Unit(ZH * 3), Unit(ZH * 2), Unit(ZH * 2), Unit(ZH)]
    vi = [Unit(VI * 3), Unit(VI * 4), Unit(VI)]
    assert align(zh, vi) == [((0,), (0,)), ((1, 2), (1,)), ((3,), (2,))]


def test_a_caption_candidate_with_no_counterpart_stays_unpaired():
    zh = [Unit(ZH * 3), Unit(ZH * 3)]
    vi = [Unit(VI * 3), Unit("Quang cảnh hội nghị.", skip=0.5), Unit(VI * 3)]
    assert align(zh, vi) == [((0,), (0,)), ((), (1,)), ((1,), (2,))]


def test_shared_numbers_decide_between_close_lengths():
    zh = [Unit("签署了29项合作协议。" * 4), Unit("举行了第16次会晤。" * 4)]
    vi = [Unit("đã ký kết 29 thỏa thuận hợp tác." * 4), Unit("Hội nghị lần thứ 16 được tổ chức." * 4)]
    assert align(zh, vi) == [((0,), (0,)), ((1,), (1,))]


def test_an_untranslated_paragraph_is_left_alone():
    zh = [Unit(ZH * n) for n in (3, 2, 4, 3, 2)]
    vi = (
        [Unit(VI * n) for n in (3, 2)]
        + [Unit("Đây là một đoạn dài không được dịch sang tiếng Trung. " * 4)]
        + [Unit(VI * n) for n in (4, 3, 2)]
    )
    assert align(zh, vi) == [((0,), (0,)), ((1,), (1,)), ((), (2,)), ((2,), (3,)), ((3,), (4,)), ((4,), (5,))]


# The banded search ------------------------------------------------------------------------------
#
# `reference` is the whole-table search the band replaced (every cell of the n × m
# table, as align.py did before): on every input below, the band must find the
# very same path.


def reference(a: list[Unit], b: list[Unit]):
    def search(ratio):
        n, m = len(a), len(b)
        cost = [[math.inf] * (m + 1) for _ in range(n + 1)]
        back = [[None] * (m + 1) for _ in range(n + 1)]
        cost[0][0] = 0.0
        skip_a = [3.0 if u.skip is None else u.skip for u in a]
        skip_b = [3.0 if u.skip is None else u.skip for u in b]

        def pair(xs, ys):
            la = sum(u.length for u in xs) * ratio
            lb = sum(u.length for u in ys)
            c = 6.0 * abs(math.log((lb + 20.0) / (la + 20.0))) + (1.5 if len(xs) + len(ys) > 2 else 0)
            nx = frozenset().union(*(u.numbers for u in xs))
            ny = frozenset().union(*(u.numbers for u in ys))
            if nx and ny:
                shared = len(nx & ny)
                c += -0.4 * min(3, shared) if shared else 0.6
            return c

        def relax(i, j, di, dj, step):
            if cost[i][j] + step < cost[i + di][j + dj]:
                cost[i + di][j + dj] = cost[i][j] + step
                back[i + di][j + dj] = (di, dj)

        for i in range(n + 1):
            for j in range(m + 1):
                if cost[i][j] == math.inf:
                    continue
                if i < n:
                    relax(i, j, 1, 0, skip_a[i])
                if j < m:
                    relax(i, j, 0, 1, skip_b[j])
                if i < n and j < m:
                    relax(i, j, 1, 1, pair((a[i],), (b[j],)))
                    if i + 1 < n and not (a[i].optional or a[i + 1].optional or b[j].optional):
                        relax(i, j, 2, 1, pair((a[i], a[i + 1]), (b[j],)))
                    if j + 1 < m and not (a[i].optional or b[j].optional or b[j + 1].optional):
                        relax(i, j, 1, 2, pair((a[i],), (b[j], b[j + 1])))
        pairs, i, j = [], n, m
        while i or j:
            di, dj = back[i][j]
            pairs.append((tuple(range(i - di, i)), tuple(range(j - dj, j))))
            i, j = i - di, j - dj
        return pairs[::-1]

    pairs = search(align_mod._ratio(a, b))
    ratios = sorted(
        b[ys[0]].length / a[xs[0]].length
        for xs, ys in pairs
        if len(xs) == 1 and len(ys) == 1 and min(a[xs[0]].length, b[ys[0]].length) >= 10
    )
    return search(ratios[len(ratios) // 2]) if len(ratios) >= 3 else pairs


def translated(rng: random.Random, n: int, gaps: dict[int, int] | None = None, captions: float = 0.1):
    """n source paragraphs and their 'translations' (3.5 times the length, some split in two or merged),
    with `gaps[i]` untranslated paragraphs inserted before translation i and some captions."""
    zh, vi = [], []
    i = 0
    while i < n:
        for _ in range((gaps or {}).get(i, 0)):
            vi.append(Unit("x" * rng.randint(80, 900)))
        if rng.random() < captions:
            vi.append(Unit("c" * rng.randint(20, 90), skip=0.5))
        length = rng.randint(30, 400)
        number = f" {rng.randint(1, 60)} " if rng.random() < 0.3 else ""
        shape = rng.random()
        if shape < 0.08 and i + 1 < n:  # two source paragraphs, one translation
            second = rng.randint(30, 400)
            zh += [Unit("z" * length + number), Unit("z" * second)]
            vi.append(Unit("v" * int(3.5 * (length + second) * rng.uniform(0.85, 1.15)) + number))
            i += 2
            continue
        zh.append(Unit("z" * length + number))
        if shape > 0.93:  # one source paragraph, translated in two
            vi += [Unit("v" * int(1.6 * length) + number), Unit("v" * int(1.9 * length))]
        else:
            vi.append(Unit("v" * int(3.5 * length * rng.uniform(0.8, 1.2)) + number))
        i += 1
    return zh, vi


@pytest.mark.parametrize("seed", range(8))
def test_the_band_finds_the_path_the_whole_table_finds(seed):
    rng = random.Random(seed)
    zh, vi = translated(rng, rng.randint(60, 160))
    assert align(zh, vi) == reference(zh, vi)


@pytest.mark.parametrize("seed", range(4))
def test_a_long_untranslated_stretch_widens_the_band_until_the_path_fits(seed):
    rng = random.Random(100 + seed)
    # 70 untranslated paragraphs in a row: far more than the narrowest band holds.
    zh, vi = translated(rng, 120, gaps={30 + seed * 20: 70})
    assert align(zh, vi) == reference(zh, vi)


def test_texts_within_the_narrowest_band_are_searched_whole():
    width = align_mod.MIN_WIDTH
    band = align_mod.diagonal_band([10] * width, [35] * (width - 3), width)
    assert band.lo == (0,) * (width + 1) and band.hi == (width - 3,) * (width + 1)


def test_the_band_follows_the_diagonal_and_grows_with_n_plus_m_not_n_times_m():
    rng = random.Random(7)
    a = [rng.randint(30, 400) for _ in range(4000)]
    b = [int(3.5 * x) for x in a]
    width = align_mod.MIN_WIDTH
    band = align_mod.diagonal_band(a, b, width)
    assert band.lo[0] == 0 and band.hi[-1] == len(b), "from (0, 0) to (n, m)"
    assert all(lo <= hi for lo, hi in zip(band.lo, band.hi, strict=True))
    assert all(band.lo[i + 1] <= band.hi[i] for i in range(len(a))), "consecutive rows overlap: a path exists"
    assert all(band.lo[i] <= i <= band.hi[i] for i in range(len(a) + 1)), "the diagonal is inside"
    assert band.cells <= (len(a) + 1) * (2 * width + 1)
    assert band.cells < len(a) * len(b) / 30


def test_aligning_thousands_of_paragraphs_searches_a_band_not_the_table(monkeypatch):
    searched = []
    real = align_mod._align
    monkeypatch.setattr(align_mod, "_align", lambda a, b, ratio, band: searched.append(band) or real(a, b, ratio, band))
    zh, vi = translated(random.Random(3), 3000)
    pairs = align(zh, vi)
    assert sum(len(xs) for xs, _ in pairs) == len(zh) and sum(len(ys) for _, ys in pairs) == len(vi)
    assert len(searched) == 2, "two passes, each in the narrowest band"
    # Memory is one byte per cell searched plus three rows of costs (make bench measures a 2 MB source).
    assert all(band.cells <= (len(zh) + 1) * (2 * align_mod.MIN_WIDTH + 1) for band in searched)
    assert all(band.cells < len(zh) * len(vi) / 30 for band in searched)


# The seeds ------------------------------------------------------------------------------------


def shown_units(vi, zh) -> list[tuple[list[str], list[str]]]:
    """Every block of both articles, in the units the alignment makes of them, in order."""
    units, i, j = [], 1, 1
    for ours, theirs in [*vi.alignment["zh"], ((len(vi.blocks) + 1,), (len(zh.blocks) + 1,))]:
        units += [([vi.blocks[n - 1].text], []) for n in range(i, ours[0])]
        units += [([], [zh.blocks[n - 1].text]) for n in range(j, theirs[0])]
        if ours[0] <= len(vi.blocks):
            units.append(([vi.blocks[n - 1].text for n in ours], [zh.blocks[n - 1].text for n in theirs]))
        i, j = ours[-1] + 1, theirs[-1] + 1
    return units


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_every_unit_of_the_bilingual_seeds_pairs_a_text_with_its_translation(seed):
    result = ingest(load_source(SOURCES / SEEDS[seed]))
    vi, zh = sorted(result.articles, key=lambda a: a.lang != "vi")
    units = shown_units(vi, zh)
    assert len(units) == len(UNITS[seed])
    for expected, (vi_texts, zh_texts) in zip(UNITS[seed], units, strict=True):
        assert matches(expected, vi_texts, zh_texts), (expected, [t[:40] for t in vi_texts + zh_texts])
