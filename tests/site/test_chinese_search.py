"""Search across Chinese scripts: the character table the build writes (chinese.py) and how the search
box uses it (search-query.js, run in Node like tests/site/test_search_query.py)."""

from __future__ import annotations

import json

from scripts.site import chinese

from .test_search_query import js


def test_opencc_puts_simplified_and_traditional_characters_in_one_class_simplified_first():
    classes = {members[0]: members for members in chinese.classes()}
    assert classes["广"][:2] == ("广", "廣")
    assert classes["宁"][:2] == ("宁", "寧")
    assert set(classes["发"]) >= {"发", "發", "髮"}
    assert "作" not in classes  # written the same in both scripts


def test_the_table_keeps_only_classes_the_articles_use_marking_which_characters_they_hold():
    data = chinese.table(["越南广宁省", "廣西"])
    rows = set(data["classes"])
    assert "广廣|" in rows  # both scripts in the articles
    assert "宁|寧" in rows  # only the Simplified one
    assert not any(row.startswith("发") for row in rows)
    assert all("|" in row for row in rows)


def test_the_table_stays_small_whatever_the_archive_holds():
    every = "".join("".join(members) for members in chinese.classes())
    size = len(json.dumps(chinese.table([every]), ensure_ascii=False).encode("utf-8"))
    assert size < 45_000, size  # about 18 KB gzipped


def test_a_chinese_query_is_also_searched_in_the_script_the_articles_use():
    table = 'q.variantTable({classes: ["广廣|", "宁|寧", "西|"]})'
    assert js(f'q.chineseForms("廣寧", {table})') == ["廣寧", "广宁", "廣宁"]
    assert js(f'q.chineseForms("广宁", {table})') == ["广宁", "廣宁"]
    assert js(f'q.chineseForms("合作", {table})') == ["合作"]
    assert js('q.chineseForms("廣寧", null)') == ["廣寧"]  # no table: the query as typed


def test_the_plan_searches_every_form_as_a_phrase_and_as_words():
    searches = js('q.plan("廣寧", "zh", null, q.variantTable({classes: ["广|廣", "宁|寧"]}))')
    texts = [s["text"] for s in searches]
    assert texts == ['"廣寧"', '"广宁"', "廣寧", "广宁"]
    assert js('q.plan("hợp tác", "vi", null, q.variantTable({classes: ["广|廣"]}))') == js(
        'q.plan("hợp tác", "vi", null)'
    )
