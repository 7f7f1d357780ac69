"""Take the template indentation out of built pages.

Material's templates indent their output for readability; on an article page
that is about an eighth of the HTML. Each line's leading whitespace is removed
(the line break stays, so text never runs together), except inside elements
whose whitespace is content or code: <pre>, <textarea>, <script>, <style>.
"""

from __future__ import annotations

import re

_VERBATIM = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.S | re.I)
_INDENT = re.compile(r"\n[ \t]+")
_BLANK_LINES = re.compile(r"\n{2,}")


def compact(html: str) -> str:
    parts = _VERBATIM.split(html)
    out = []
    # split() with two groups yields: text, whole element, tag name, text, ...
    for index in range(0, len(parts), 3):
        out.append(_BLANK_LINES.sub("\n", _INDENT.sub("\n", parts[index])))
        if index + 1 < len(parts):
            out.append(parts[index + 1])
    return "".join(out)
