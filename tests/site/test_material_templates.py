"""The overrides copied from Material's own templates still match the Material they were copied from.

Material renders its templates, ours included, by name: an override replaces
Material's file of the same name whatever Material's new version puts in it.
So each Material template an override was derived from is pinned here by its
digest, and an upgrade that changes one fails until the override is re-synced.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
from pathlib import Path

import material
import pytest

from scripts.paths import ROOT

MATERIAL_VERSION = "9.8.1"
TEMPLATES = Path(material.__file__).parent / "templates"

# Our override -> (the Material template it derives from, its sha256 as Material MATERIAL_VERSION ships it).
DERIVED = {
    "overrides/partials/header.html": (
        "partials/header.html",
        "8cf3fb15bcf969ff596649616fd99366b3c31c08d57a86d05308efc16d8fa75f",
    ),
    "overrides/partials/search.html": (
        "partials/search.html",
        "bfd556535abcddb99396ab2a7e3acc2ebcd3f36756007d3969396caa4126be30",
    ),
    "overrides/partials/source.html": (
        "partials/source.html",
        "6847616d67be4920d39c278c2799bf20222bbc02ee2a8393aca85e3eaa518752",
    ),
    "overrides/partials/alternate.html": (
        "partials/alternate.html",
        "572b1d4dae611aa5fd65107edec95e44331b6141abf86834ea4dc6c1ddd7241b",
    ),
    # main.html extends base.html and replaces its site_meta and htmltitle blocks with edited copies.
    "overrides/main.html": (
        "base.html",
        "8536d352b0093623df9e0032894f321cbe264b15a9b48cdd962583772455dadb",
    ),
}


@pytest.mark.parametrize(
    ("override", "template", "digest"), [(o, t, d) for o, (t, d) in DERIVED.items()], ids=list(DERIVED)
)
def test_the_material_template_an_override_derives_from_is_unchanged(override, template, digest):
    installed = importlib.metadata.version("mkdocs-material")
    found = hashlib.sha256((TEMPLATES / template).read_bytes()).hexdigest()
    assert found == digest, (
        f"Material {installed}'s templates/{template} is not the one {override} was derived from "
        f"(Material {MATERIAL_VERSION}, sha256 {digest}; now {found}). Re-sync {override}: diff Material's "
        f"templates/{template} between {MATERIAL_VERSION} and {installed} (e.g. `git diff {MATERIAL_VERSION} "
        f"{installed} -- src/templates/{template}` in squidfunk/mkdocs-material), carry the changes into {override} "
        f"while keeping ours (its top comment says what they are), then update its first line, and the digest "
        f"and MATERIAL_VERSION in {Path(__file__).relative_to(ROOT)}."
    )


@pytest.mark.parametrize(("override", "template"), [(o, t) for o, (t, _) in DERIVED.items()], ids=list(DERIVED))
def test_each_derived_override_names_its_material_template_and_version_on_its_first_line(override, template):
    first = (ROOT / override).read_text(encoding="utf-8").splitlines()[0]
    assert f"Material for MkDocs {MATERIAL_VERSION}, templates/{template} " in first, first
