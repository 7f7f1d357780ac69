"""A reader of the side-by-side pages in headless Chromium: the counterpart lights up on hover and
focus, a linked row opens in view, a phone shows the two versions interleaved, the page reads
with JavaScript off, and the language switcher turns the pair around.

The site is the session's real build of the repository's docs, served as GitHub Pages serves it.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from ..seed_pairs import SEEDS

pytestmark = [pytest.mark.browser, pytest.mark.slow]

VI_2022 = f"articles/{SEEDS['2022']}/parallel/zh/"
ZH_2025 = f"zh/articles/{SEEDS['2025']}/parallel/vi/"

MARKED = """row => [...document.querySelectorAll('#' + row + ' .arc-sbs__cell')].map(
    c => [c.lang, c.classList.contains('arc-sbs__cell--active'), c.classList.contains('arc-sbs__cell--counterpart'),
          getComputedStyle(c).backgroundColor])"""
ANY_MARKED = "document.querySelectorAll('.arc-sbs__cell--active, .arc-sbs__cell--counterpart').length"


def test_pointing_at_a_paragraph_highlights_its_counterpart_and_nothing_else(page, site):
    page.goto(site.url + VI_2022)
    plain = page.evaluate(MARKED, "p-3")
    page.hover("#p-3 .arc-sbs__cell--left")
    (vi, vi_active, vi_counter, _), (zh, zh_active, zh_counter, zh_background) = page.evaluate(MARKED, "p-3")
    assert (vi, vi_active, vi_counter) == ("vi", True, False)
    assert (zh, zh_active, zh_counter) == ("zh", False, True)
    assert zh_background != plain[1][3], "the counterpart looks different"
    assert page.evaluate(ANY_MARKED) == 2, "only the pointed-at row"
    page.hover("#p-5 .arc-sbs__cell--right")
    assert [c[1:3] for c in page.evaluate(MARKED, "p-5")] == [[False, True], [True, False]]
    assert [c[1:3] for c in page.evaluate(MARKED, "p-3")] == [[False, False], [False, False]]
    page.mouse.move(5, 5)
    assert page.evaluate(ANY_MARKED) == 0


def test_focusing_a_paragraph_with_the_keyboard_highlights_its_counterpart(page, site):
    page.goto(site.url + VI_2022)
    page.focus("#p-2 .arc-sbs__anchor")
    page.keyboard.press("Tab")  # from the row's link to its first paragraph
    assert page.evaluate("document.activeElement.closest('.arc-sbs__row').id") == "p-2"
    assert page.evaluate("document.activeElement.lang") == "vi"
    assert [c[1:3] for c in page.evaluate(MARKED, "p-2")] == [[True, False], [False, True]]
    page.keyboard.press("Tab")
    assert [c[1:3] for c in page.evaluate(MARKED, "p-2")] == [[False, True], [True, False]]
    page.evaluate("document.activeElement.blur()")
    assert page.evaluate(ANY_MARKED) == 0


@pytest.mark.parametrize("row", ["p-8", "p-14"])
def test_a_link_to_a_row_opens_with_that_row_in_view_below_the_header(page, site, row):
    page.goto(site.url + ZH_2025 + "#" + row)
    top, bottom = page.evaluate(f"(r => [r.top, r.bottom])(document.getElementById('{row}').getBoundingClientRect())")
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    assert header <= top < page.viewport_size["height"] / 2, (header, top)
    assert page.evaluate(f"getComputedStyle(document.getElementById('{row}')).backgroundColor") != page.evaluate(
        "getComputedStyle(document.getElementById('p-1')).backgroundColor"
    ), "the linked row is marked"
    assert bottom > top


def test_a_phone_shows_each_paragraph_then_its_counterpart_set_apart(browser, site):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
    try:
        phone = context.new_page()
        phone.goto(site.url + VI_2022)
        boxes = phone.evaluate(
            """() => [...document.querySelectorAll('.arc-sbs__cell')].map(c => {
                const r = c.getBoundingClientRect(), s = getComputedStyle(c);
                return [c.closest('.arc-sbs__row').id, c.lang, r.left, r.top, r.bottom, r.width,
                        s.borderLeftWidth, s.backgroundColor];
            })"""
        )
        assert [(row, lang) for row, lang, *_ in boxes[:4]] == [
            ("p-1", "vi"),
            ("p-1", "zh"),
            ("p-2", "vi"),
            ("p-2", "zh"),
        ]
        tops = [top for _, _, _, top, *_ in boxes]
        assert tops == sorted(tops), "one column, in reading order: vi, its zh, the next vi, its zh..."
        for (_, _, _, _, bottom, _, _, _), (_, _, _, top, *_) in zip(boxes, boxes[1:], strict=False):
            assert top >= bottom - 1, "no two cells side by side"
        vi, zh = boxes[0], boxes[1]
        assert vi[5] > 300 and zh[5] > 250, "each takes the width of the screen"
        assert zh[2] > vi[2], "the counterpart is indented"
        assert zh[6] != "0px" and zh[7] != vi[7], "and set off by a rule and a tint"
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390, "nothing runs off the screen"
    finally:
        context.close()


def test_the_rows_read_the_same_with_javascript_off(browser, site):
    context = browser.new_context(java_script_enabled=False)
    try:
        static = context.new_page()
        static.goto(site.url + ZH_2025)
        rows = static.eval_on_selector_all(".arc-sbs__row", "rows => rows.map(r => r.id)")
        assert rows == [f"p-{n}" for n in range(1, 17)]
        assert static.eval_on_selector_all(".arc-sbs__cell", "cells => cells.map(c => c.lang)").count("zh") == 11
        widths = static.eval_on_selector_all(
            "#p-1 .arc-sbs__cell", "cells => cells.map(c => c.getBoundingClientRect().left)"
        )
        assert widths[0] < widths[1], "side by side"
    finally:
        context.close()


def test_switching_language_turns_the_pair_around(page, site):
    page.goto(site.url + VI_2022)
    page.hover(".md-header__option .md-select")
    with page.expect_navigation():
        page.click(".md-select__link[hreflang=zh]")
    assert urlsplit(page.url).path == f"/zh/articles/{SEEDS['2022']}/parallel/vi/"
    assert page.evaluate("document.documentElement.lang") == "zh"
    assert page.locator(".arc-sbs__cell--left").first.get_attribute("lang") == "zh"
    page.hover(".md-header__option .md-select")
    with page.expect_navigation():
        page.click(".md-select__link[hreflang=uk]")
    assert urlsplit(page.url).path == f"/uk/articles/{SEEDS['2022']}/", "no Ukrainian pair: the article's page"
    assert page.requests.failed == []


def test_the_article_leads_to_the_side_by_side_page(page, site):
    page.goto(site.url + f"articles/{SEEDS['2025']}/")
    with page.expect_navigation():
        page.click("text=Đọc song song với")
    assert urlsplit(page.url).path == f"/articles/{SEEDS['2025']}/parallel/zh/"
    assert page.locator("h1").inner_text().startswith("Chương trình Gặp gỡ đầu Xuân 2025")
