"""Translation keys: the file name of every language version of an article.

A key becomes `docs/<lang>/articles/<key>.md` and the URL `/articles/<key>/`,
so it must be safe as both, on every operating system an editor may use:
lowercase ASCII letters, digits and single hyphens, at most KEY_MAX
characters, and none of the names a file system or the site reserves.

`slugify` makes such a key from any text (a title in any script, a file
name); `make new` and bare-file ingestion use it. Keys an editor writes in
meta.yml are checked with `problem`.
"""

from __future__ import annotations

import hashlib
import re

from unidecode import unidecode

KEY_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # the whole key: checked with fullmatch
KEY_MAX = 80
# Windows device names (no file may be called `con.md`), and names the site
# uses for its own pages under articles/ (`index.md` is the listing).
RESERVED = frozenset(
    {"con", "prn", "aux", "nul", "index", "readme"} | {f"com{i}" for i in range(10)} | {f"lpt{i}" for i in range(10)}
)
FALLBACK_PREFIX = "article"
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def problem(key: str) -> str | None:
    """Why `key` cannot be a key, or None when it can."""
    if not KEY_PATTERN.fullmatch(key):
        return "not lowercase ASCII letters, digits and single hyphens"
    if len(key) > KEY_MAX:
        return f"longer than {KEY_MAX} characters"
    if key in RESERVED:
        return "a name reserved by the site or by Windows"
    return None


def transliterate(text: str) -> str:
    """Lowercase ASCII words joined by single hyphens, other scripts transliterated;
    "" when nothing readable is left (no fallback: see slugify)."""
    return _NOT_SLUG.sub("-", unidecode(text).lower()).strip("-")


def slugify(text: str, fallback_seed: str | None = None) -> str:
    """A readable ASCII key for `text`: `Gặp gỡ đầu Xuân 2025` → `gap-go-dau-xuan-2025`.

    Scripts with a Latin transliteration (Vietnamese, Chinese, Ukrainian...)
    are transliterated. When nothing readable is left (emoji, punctuation, a
    script Unidecode does not know), the key is `article-` and a short hash
    of `fallback_seed` (or of the text): stable, so the same input always
    gives the same key.
    """
    slug = transliterate(text)
    if len(slug) > KEY_MAX:
        cut = slug[: KEY_MAX + 1]
        # Cut at a word boundary when there is one in the second half.
        boundary = cut.rfind("-")
        slug = cut[:boundary] if boundary > KEY_MAX // 2 else slug[:KEY_MAX]
        slug = slug.strip("-")
    if not slug or slug in RESERVED:
        seed = fallback_seed if fallback_seed is not None else text
        digest = hashlib.sha256(seed.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        slug = f"{FALLBACK_PREFIX}-{slug}-{digest}" if slug else f"{FALLBACK_PREFIX}-{digest}"
    return slug
