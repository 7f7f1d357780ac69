"""Generated Markdown: front matter, and source text that stays text.

Escaping is checked by rendering with the real Markdown converter and the
extensions mkdocs.yml enables, so adding an extension there is checked too.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import markdown
import yaml
from bs4 import BeautifulSoup
from hypothesis import example, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config

from scripts.contract import GENERATED_MARK
from scripts.ingest.model import Article, Block
from scripts.ingest.render import escape_block, render, render_block
from scripts.ingest.text import normalize

from .helpers import ROOT

HOSTILE = [
    "1. Về hợp tác",
    "2) thứ hai",
    "- gạch đầu dòng",
    "+ cộng",
    "* sao",
    "# không phải tiêu đề",
    "| a | b |",
    "> trích dẫn",
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "a < b > c & d &amp; &lt;",
    "*nghiêng* và **đậm** và _gạch_ __dưới__",
    "[liên kết](javascript:alert(1)) ![ảnh](x.png)",
    "[^1] [TOC] *[HTML]: x",
    "{: .class #id } {{ jinja }} {% tag %}",
    "`code` ``more``",
    "---",
    "***",
    "=== ~~~ :::",
    "http://example.com <http://example.com>",
    "tên\\ngược \\* \\\\",
    "C# ##",
]


@lru_cache(maxsize=1)
def converter_settings():
    config = load_config(str(ROOT / "mkdocs.yml"))
    return config["markdown_extensions"], config["mdx_configs"]


def to_html(text: str) -> str:
    extensions, configs = converter_settings()
    return markdown.Markdown(extensions=extensions, extension_configs=configs).convert(text)


def only_element(html: str):
    soup = BeautifulSoup(html, "html.parser")
    elements = [e for e in soup.contents if getattr(e, "name", None)]
    assert len(elements) == 1, html
    return elements[0]


def visible_text(element) -> str:
    for anchor in element.select("a.headerlink"):
        anchor.decompose()  # the toc permalink "¶"
    return element.get_text()


texts = (
    st.text(
        alphabet=st.one_of(st.sampled_from("\\`*_{}[]()#+-.!|<>&=~:^\"' 1"), st.characters(codec="utf-8")),
        min_size=1,
        max_size=60,
    )
    .map(normalize)
    .filter(bool)
)


@settings(max_examples=300, deadline=None)
@given(texts)
@example("1. Về hợp tác")
def test_any_paragraph_renders_as_one_paragraph_of_exactly_its_text(text):
    element = only_element(to_html(render_block(Block("paragraph", text, (1,)))))
    assert element.name == "p"
    assert element.find() is None, "no markup inside"
    assert element.get_text() == text


@settings(max_examples=200, deadline=None)
@given(texts)
def test_any_heading_renders_as_a_heading_of_exactly_its_text(text):
    element = only_element(to_html(render_block(Block("heading", text, (1,), level=2))))
    assert element.name == "h2"
    assert visible_text(element) == text


@settings(max_examples=200, deadline=None)
@given(texts)
def test_any_caption_renders_as_a_figure_caption_of_exactly_its_text(text):
    element = only_element(to_html(render_block(Block("caption", text, (1,)))))
    assert element.name == "figure"
    assert [c.name for c in element.find_all()] == ["figcaption"]
    assert element.get_text() == text


def test_the_hostile_examples_come_out_as_written():
    for text in HOSTILE:
        html = to_html(render_block(Block("paragraph", text, (1,))))
        element = only_element(html)
        assert element.name == "p" and element.find() is None and element.get_text() == text, html
        assert "<script" not in html and "<img" not in html


def test_escaping_leaves_plain_text_readable():
    assert escape_block("Kết thúc buổi gặp gỡ, các bên đã ra thông cáo báo chí chung.") == (
        "Kết thúc buổi gặp gỡ, các bên đã ra thông cáo báo chí chung."
    )
    assert escape_block("1. Về hợp tác") == "1\\. Về hợp tác"


def make_article(**changes) -> Article:
    fields = dict(
        key="2025-02-19-spring-meeting",
        lang="zh",
        title="2025年新春会晤活动",
        blocks=[Block("paragraph", "第一段。", (2,)), Block("heading", "小标题", (4,), 2)],
        source="sources/x/source.txt",
        date=date(2025, 2, 19),
        date_end=date(2025, 2, 21),
        authors=["刘玲"],
        relation="translation",
        translation_of="vi",
        alignment={"vi": [((1,), (1,)), ((2,), (2, 3))]},
    )
    fields.update(changes)
    return Article(**fields)


def front(text: str) -> dict:
    _, matter, _ = text.split("---\n", 2)
    return yaml.safe_load(matter)


def test_front_matter_holds_what_the_site_needs():
    data = front(render(make_article()))
    assert data["title"] == "2025年新春会晤活动"
    assert data["key"] == "2025-02-19-spring-meeting"
    assert data["lang"] == "zh"
    assert data["date"] == date(2025, 2, 19) and data["date_end"] == date(2025, 2, 21)
    assert data["authors"] == ["刘玲"]
    assert data["source"] == "sources/x/source.txt"
    assert (data["relation"], data["translation_of"]) == ("translation", "vi")
    assert data["alignment"] == {"vi": [[1, 1], [2, [2, 3]]]}


def test_generated_files_say_so_at_the_top():
    text = render(make_article())
    assert text.splitlines()[1].startswith(GENERATED_MARK)
    assert "Do not edit" in text.splitlines()[1]


def test_hostile_titles_survive_the_front_matter_intact():
    title = "---\ntitle: x\n<script>alert(1)</script> # not a comment: {{ x }}"
    data = front(render(make_article(title=" ".join(title.split()))))
    assert data["title"] == " ".join(title.split())


def test_body_blocks_are_separated_by_blank_lines():
    body = render(make_article()).split("---\n", 2)[2]
    assert body == "\n第一段。\n\n## 小标题\n"
