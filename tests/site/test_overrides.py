"""The templates hold no executable code of their own: scripts are files under
overrides/assets/javascripts/, and a template passes them data as data-
attributes (or a JSON block), never as inline code."""

from __future__ import annotations

import re

from scripts.paths import ROOT

SCRIPT_TAG = re.compile(r"<script\b[^>]*>", re.IGNORECASE)
DATA_TYPES = ('type="application/json"', 'type="application/ld+json"')


def test_no_override_holds_an_inline_script():
    inline = []
    for template in sorted((ROOT / "overrides").rglob("*.html")):
        for tag in SCRIPT_TAG.findall(template.read_text(encoding="utf-8")):
            if "src=" not in tag and not any(kind in tag for kind in DATA_TYPES):
                inline.append(f"{template.relative_to(ROOT)}: {tag}")
    assert inline == [], "move the code to overrides/assets/javascripts/ and load it with src="


def test_the_404_script_gets_its_data_from_attributes():
    page = (ROOT / "overrides" / "404.html").read_text(encoding="utf-8")
    (tag,) = SCRIPT_TAG.findall(page)
    assert "assets/javascripts/not-found.js" in tag and "data-base=" in tag and "data-prefixes=" in tag
