"""Search across Chinese scripts: which characters of a query stand for which in the archive.

Chinese sources are kept in the script they were written in (Simplified, or
Traditional with `script: zh-Hant`), and Pagefind indexes the characters as
written, so 廣寧 alone would never find 广宁. The search box (search-query.js)
therefore also searches a Chinese query in the other script. What it needs
for that is built here, per build, from the Chinese articles themselves:

- OpenCC (PyPI `opencc`, pinned) says, character by character, which
  Simplified and Traditional characters stand for one another (its s2t, t2s
  and regional configurations): they form a class (广 廣; 发 發 髮);
- only the classes with a character that occurs in the Chinese articles are
  kept: a query character can only ever match one of those. Each class is
  written `<characters in the articles>|<the others>`, the Simplified form
  first, then OpenCC's Traditional one, so the search box can write a whole
  query in either script.

The table is one small JSON file beside the Chinese search bundle
(`zh/pagefind/zh-variants.json`), fetched only by the Chinese search box; its
size grows with the characters the archive uses, not with its articles (a few
KB today; at most about 20 KB gzipped if the archive used every character
OpenCC converts).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path

TABLE_NAME = "zh-variants.json"
# CJK unified ideographs (with extension A). The compatibility ideographs are left out: a query
# is normalized (NFC) before it is searched, which turns each into its unified character.
_RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000))
_CONFIGS = ("s2t", "t2s", "s2tw", "tw2s", "s2hk", "hk2s")


def _converters() -> dict:
    import opencc

    return {config: opencc.OpenCC(config) for config in _CONFIGS}


@cache
def classes() -> tuple[tuple[str, ...], ...]:
    """Every class of characters OpenCC converts into one another, each Simplified first, then Traditional."""
    convert = _converters()
    parent: dict[str, str] = {}

    def root(ch: str) -> str:
        while parent.get(ch, ch) != ch:
            ch = parent[ch]
        return ch

    chars = [chr(code) for low, high in _RANGES for code in range(low, high)]
    for converter in convert.values():
        # One call per configuration: a line break between characters keeps each converted alone.
        converted = converter.convert("\n".join(chars)).split("\n")
        if len(converted) != len(chars):
            raise RuntimeError(f"OpenCC changed the number of lines it was given ({len(chars)} -> {len(converted)})")
        for ch, other in zip(chars, converted, strict=True):
            if len(other) == 1 and other != ch:
                a, b = root(ch), root(other)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    groups: dict[str, list[str]] = {}
    for ch in parent:
        groups.setdefault(root(ch), []).append(ch)
    for ch in list(groups):
        if ch not in groups[ch]:
            groups[ch].append(ch)
    ordered = []
    for members in groups.values():
        simplified = convert["t2s"].convert(members[0])
        traditional = convert["s2t"].convert(simplified)
        first = [c for c in (simplified, traditional) if c in members]
        ordered.append(tuple(dict.fromkeys([*first, *sorted(members)])))
    return tuple(sorted(ordered))


def table(texts: Iterable[str]) -> dict:
    """The classes the articles' characters belong to: `{"classes": ["广|廣", ...]}`."""
    used: set[str] = set()
    for chunk in texts:
        used.update(chunk)
    rows = []
    for members in classes():
        here = [c for c in members if c in used]
        if here:
            rows.append("".join(here) + "|" + "".join(c for c in members if c not in used))
    return {"version": 1, "classes": rows}


def write_table(site_dir: Path, prefix: str) -> Path:
    """The table for the Chinese articles built under `<site>/<prefix>articles/`, beside their search bundle."""
    pages = sorted((site_dir / prefix / "articles").glob("*/index.html"))
    data = table(page.read_text(encoding="utf-8") for page in pages)
    out = site_dir / prefix / "pagefind" / TABLE_NAME
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return out
