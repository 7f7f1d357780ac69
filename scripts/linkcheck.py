"""`python -m scripts.linkcheck`: every internal link and anchor of the built site resolves.

    python -m scripts.linkcheck [SITE_DIR] [--site-url URL]

Runs lychee (pinned in requirements.lock; the binary lives in .venv/bin) offline
over every HTML page of site/: a link to a page that is not there, or to a
`#fragment` that no element of the target page carries as its id, fails the
check. External links are not fetched: a build must not depend on other
people's servers, and CI has no network to reach them with.

The site is checked as GitHub Pages will serve it, under the path of its
`site_url` (a project site lives at /<repository>/), so a root-absolute link that
forgets that path fails here, not after the deploy.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlparse

from scripts import logsafe, paths


def base_path(site_url: str | None) -> str:
    """The path the site is served under: "/" or "/a/b/"."""
    path = urlparse(site_url or "").path.strip("/")
    return f"/{path}/" if path else "/"


def serve_root(site_dir: Path, base: str, scratch: Path) -> Path:
    """A folder that holds the site at `base`, as the web server's root would.

    For "/" that is the site itself. Otherwise a scratch folder with the site
    linked in at the base path, so `/repo/x/` resolves and `/x/` does not.
    """
    parts = [p for p in base.split("/") if p]
    if not parts:
        return site_dir.resolve()
    parent = scratch.joinpath(*parts[:-1])
    parent.mkdir(parents=True, exist_ok=True)
    (parent / parts[-1]).symlink_to(site_dir.resolve(), target_is_directory=True)
    return scratch.resolve()


def lychee_command(lychee: str, root: Path) -> list[str]:
    """The lychee run, to be started inside the site folder."""
    return [
        lychee,
        "--offline",  # local files only; external links are not our build's to break
        "--include-fragments",  # `page/#id` needs an element with that id on the page
        "--index-files",  # a link to a folder needs its index.html, as on GitHub Pages
        "index.html",
        "--root-dir",  # where root-absolute links (`/repo/assets/...`) point
        str(root),
        "--no-ignore",  # site/ is in .gitignore; check it all the same
        "--no-progress",
        "--mode",
        "plain",
        "**/*.html",
    ]


def find_lychee() -> str | None:
    beside = Path(sys.executable).parent / "lychee"
    return str(beside) if beside.is_file() else shutil.which("lychee")


def load_site_config(config_file: Path) -> tuple[Path, str | None]:
    """site_dir and site_url as `mkdocs build` sees them (environment included)."""
    from mkdocs.config import load_config

    config = load_config(str(config_file))
    return Path(config["site_dir"]), config["site_url"]


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    site_dir: Path | None = args.site_dir
    site_url: str | None = args.site_url
    if site_dir is None or site_url is None:
        config_dir, config_url = load_site_config(args.config_file)
        site_dir = site_dir or config_dir
        site_url = config_url if site_url is None else site_url

    pages = sorted(site_dir.rglob("*.html")) if site_dir.is_dir() else []
    if not pages:
        print(f"linkcheck: no built site in {site_dir}: run `make site` first", file=sys.stderr)
        return 2
    lychee = find_lychee()
    if lychee is None:
        print("linkcheck: lychee is not installed: run `make venv`", file=sys.stderr)
        return 2

    base = base_path(site_url)
    print(logsafe.text(f"linkcheck: {len(pages)} pages in {_shown(site_dir)}, served at {base}"), flush=True)
    with tempfile.TemporaryDirectory(prefix="linkcheck-") as scratch:
        root = serve_root(site_dir, base, Path(scratch))
        returncode = run_lychee(lychee_command(lychee, root), site_dir)
    if returncode == 0:
        print("linkcheck: every internal link and anchor resolves")
    else:
        print(
            "linkcheck: broken links above: fix the page, template or mkdocs.yml setting that makes "
            "them (never site/ itself, which every build overwrites).",
            file=sys.stderr,
        )
    return returncode


def run_lychee(command: list[str], site_dir: Path) -> int:
    """Run lychee, printing what it says line by line through logsafe: its lines
    name pages and links, and a link's text is whatever a page holds."""
    with subprocess.Popen(command, cwd=site_dir, stdout=subprocess.PIPE, stderr=subprocess.STDOUT) as lychee:
        assert lychee.stdout is not None
        for raw in lychee.stdout:
            print(logsafe.text(raw.decode("utf-8", "replace").rstrip("\n")), flush=True)
    return lychee.returncode


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd()).as_posix() + "/"
    except ValueError:
        return str(path)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m scripts.linkcheck", description=__doc__.split("\n\n")[0])
    parser.add_argument("site_dir", nargs="?", type=Path, help="the built site (default: site_dir of mkdocs.yml)")
    parser.add_argument("--site-url", help="the address it is served at (default: site_url of mkdocs.yml)")
    parser.add_argument("--config-file", type=Path, default=paths.MKDOCS_YML, help="MkDocs configuration")
    return parser


if __name__ == "__main__":
    sys.exit(main())
