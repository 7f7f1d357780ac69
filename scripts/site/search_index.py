"""The search index: Pagefind 1.6.0 over the built site.

Each language gets its own Pagefind bundle, `<site>/<prefix>pagefind/` (the
default language's at `<site>/pagefind/`), split in chunks a reader downloads
only as a query needs them. Only article text is
indexed: the article template marks it with `data-pagefind-body`, so home,
listing, "not available" and 404 pages are left out, and so is Material's
chrome (skip link, navigation).

The indexer is npm's Pagefind release, pinned in package-lock.json: the
platform packages of `pagefind` 1.6.0 (`@pagefind/linux-x64`,
`@pagefind/linux-arm64`), which hold the indexer binary with its browser
bundle built in. Its `pagefind_extended` build segments Chinese. The search
box (overrides/assets/javascripts/) also needs the Ukrainian stemmer, copied
here from its pinned npm package.
"""

from __future__ import annotations

import fcntl
import platform
import shutil
import subprocess
from pathlib import Path

NODE_MODULES = Path("node_modules")
STEMMER = NODE_MODULES / "@orama/stemmers/dist/uk.js"
STEMMER_LICENSE = NODE_MODULES / "@orama/stemmers/LICENSE.md"
STEMMER_OUT = Path("assets/javascripts/vendor/orama-stemmer-uk.js")
# Heading permalinks ("¶") are chrome inside the article body.
EXCLUDE = "a.headerlink"
_ARCH = {"x86_64": "x64", "amd64": "x64", "aarch64": "arm64", "arm64": "arm64"}
_INSTALL = "run `make site` (or `make npm`), which installs package-lock.json with `npm ci`"


class SearchIndexError(Exception):
    pass


def binary(project_dir: Path) -> Path:
    """The Pagefind indexer npm installed for this machine (the extended build, with Chinese segmentation)."""
    system = platform.system().lower()
    arch = _ARCH.get(platform.machine().lower(), platform.machine().lower())
    folder = project_dir / NODE_MODULES / "@pagefind" / f"{system}-{arch}" / "bin"
    for name in ("pagefind_extended", "pagefind"):
        if (folder / name).is_file():
            return folder / name
    if not (project_dir / NODE_MODULES / "@pagefind").is_dir():
        raise SearchIndexError(f"Pagefind is not installed ({project_dir / NODE_MODULES} has no @pagefind): {_INSTALL}")
    raise SearchIndexError(
        f"package-lock.json pins no Pagefind binary for {system}-{arch} (only Linux x64 and arm64): "
        "add @pagefind/<platform> 1.6.0 to package.json's optionalDependencies"
    )


def command(site_dir: Path, project_dir: Path, prefix: str) -> list[str]:
    """Index one language: its article pages, into its own bundle at `<prefix>pagefind/`."""
    return [
        str(binary(project_dir)),
        "--site", str(site_dir),
        "--glob", f"{prefix}articles/*/index.html",
        "--output-subdir", f"{prefix}pagefind",
        "--exclude-selectors", EXCLUDE,
        "--quiet",
    ]  # fmt: skip


def build(site_dir: Path, project_dir: Path, prefix: str) -> None:
    """Index the language whose pages live under `prefix` ("" for the default language, "zh/"...).

    One bundle per language keeps what a reader downloads to their own
    language's index, and lets each language be indexed as soon as it is
    built. Builds running side by side still index one language at a time:
    Pagefind holds a language's whole index in memory (about 600 MB for a
    thousand Chinese articles), so two at once would double the build's peak.
    """
    lock = project_dir / "build" / "pagefind.lock"
    lock.parent.mkdir(parents=True, exist_ok=True)
    with open(lock, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        done = subprocess.run(command(site_dir, project_dir, prefix), capture_output=True, text=True, cwd=project_dir)
    if done.returncode != 0:
        raise SearchIndexError(f"Pagefind failed (exit {done.returncode}):\n{done.stderr or done.stdout}")
    if not (site_dir / prefix / "pagefind" / "pagefind.js").is_file():
        raise SearchIndexError(f"Pagefind wrote no search bundle into {site_dir / prefix / 'pagefind'}:\n{done.stdout}")


def install_stemmer(site_dir: Path, project_dir: Path) -> None:
    """The Ukrainian stemmer the search box loads, from its pinned npm package."""
    stemmer = project_dir / STEMMER
    if not stemmer.is_file():
        raise SearchIndexError(f"The Ukrainian stemmer is not installed ({stemmer} is missing): {_INSTALL}")
    out = site_dir / STEMMER_OUT
    out.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(stemmer, out)
    shutil.copyfile(project_dir / STEMMER_LICENSE, out.with_name(out.stem + ".LICENSE.md"))
