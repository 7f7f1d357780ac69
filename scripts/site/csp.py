"""A Content-Security-Policy for every page, computed from the page's own inline scripts.

GitHub Pages sets no response headers, so the policy is a
`<meta http-equiv="Content-Security-Policy">`, placed first in <head> (right
after <meta charset>) so that it governs everything after it. The hooks add it
to each page's final HTML (`on_post_page`, after every other change, and the
404 pages in `on_post_template`), so it stays right whatever templates add:

- scripts: the site's own files ('self') and each inline script of this very
  page by its sha256 hash. No 'unsafe-inline', no 'unsafe-eval': an event
  handler attribute (`<svg onload=…>`), a `javascript:` URL, or a script put
  into the page after this was computed (by a later tool, a host, the DOM)
  does not run. 'wasm-unsafe-eval' lets Pagefind compile its WebAssembly.
- styles: the site's own style sheets; Material sets styles from its script
  through the CSSOM (`element.style`), which a policy does not restrict, and
  writes no inline style into the HTML.
- images: the site's own and `data:` URLs (Material's icons are data: SVGs in
  its CSS); fonts, fetches, workers, frames: the site's own (default-src).
- no plugins (object-src 'none'), no <base> elsewhere, forms only to the site.

What a policy computed from the page cannot do: tell a script a template meant
from one a template let in by mistake at build time; the HTML escaping of source
text (and the hostile-site tests) guards that. The policy is the second wall.
"""

from __future__ import annotations

import base64
import hashlib
import re

# A <script> start tag (its attributes may hold quoted ">"), its text, its end tag.
# The HTML parser ends a script's text at the first "</script", as this does.
_SCRIPT = re.compile(r"""<script\b((?:[^>"']|"[^"]*"|'[^']*')*)>(.*?)</script""", re.S | re.I)
_ATTRIBUTE = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_HEAD = re.compile(r"<head\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.I)
_CHARSET = re.compile(r"\s*<meta\s+charset=[\"']?[\w-]+[\"']?\s*/?>", re.I)

# The types a browser runs as script (HTML's "JavaScript MIME type essence
# match", plus modules); any other type is a data block, never run.
_SCRIPT_TYPES = {
    "",
    "module",
    "text/javascript",
    "application/javascript",
    "application/ecmascript",
    "application/x-ecmascript",
    "application/x-javascript",
    "text/ecmascript",
    "text/javascript1.0",
    "text/javascript1.1",
    "text/javascript1.2",
    "text/javascript1.3",
    "text/javascript1.4",
    "text/javascript1.5",
    "text/jscript",
    "text/livescript",
    "text/x-ecmascript",
    "text/x-javascript",
}

POLICY = (
    ("default-src", "'self'"),
    ("script-src", "'self' 'wasm-unsafe-eval'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)


class CspError(ValueError):
    pass


def _attributes(text: str) -> dict[str, str]:
    found = {}
    for match in _ATTRIBUTE.finditer(text):
        name = match.group(1).lower()
        value = next((v for v in match.groups()[1:] if v is not None), "")
        found.setdefault(name, value)
    return found


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script of the page that a browser would run, in order."""
    scripts = []
    for match in _SCRIPT.finditer(html):
        attributes = _attributes(match.group(1))
        kind = attributes.get("type", "").strip().lower()
        if "src" not in attributes and kind in _SCRIPT_TYPES:
            scripts.append(match.group(2))
    return scripts


def source_hash(script: str) -> str:
    # The browser hashes the script's text after the parser's newline normalization.
    text = script.replace("\r\n", "\n").replace("\r", "\n")
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


def policy(html: str) -> str:
    hashes = list(dict.fromkeys(source_hash(script) for script in inline_scripts(html)))
    parts = []
    for directive, sources in POLICY:
        if directive == "script-src" and hashes:
            sources = " ".join([sources, *hashes])
        parts.append(f"{directive} {sources}")
    return "; ".join(parts)


def add(html: str) -> str:
    """The page with its policy as the first thing in <head> (after <meta charset>)."""
    head = _HEAD.search(html)
    if head is None:
        raise CspError("the page has no <head> to hold its Content-Security-Policy")
    at = head.end()
    charset = _CHARSET.match(html, at)
    if charset:
        at = charset.end()
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    return html[:at] + "\n" + meta + html[at:]
