"""Build the real site from a docs tree, and serve it the way a static host does.

Tests build in a scratch project: the repository's mkdocs.yml, overrides/
and scripts/ (linked, not copied), a docs/ tree and sources/events.yml of the
test's choosing. The build is the real one: `mkdocs build --strict`, the
hooks, and Pagefind from the repository's node_modules.
"""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from scripts import worktree
from scripts.contract import FrontMatter
from scripts.ingest.render import escape_block


@dataclass
class Built:
    project: Path
    site: Path
    stderr: str


def scratch_project(tmp: Path, docs: Path | None = None, events: Path | None = None) -> Path:
    """A project folder whose docs/ and events the test may change; the rest is the repository's."""
    return worktree.site_project(tmp / "project", docs, events=events)


@dataclass(frozen=True)
class Written:
    """An article as ingestion writes it: its front matter (the contract's) and one paragraph."""

    front_matter: FrontMatter
    text: str

    @property
    def key(self) -> str:
        return self.front_matter.key

    @property
    def lang(self) -> str:
        return self.front_matter.lang

    def markdown(self) -> str:
        """The file's bytes: front matter, a blank line, the paragraph escaped as ingestion escapes it
        (the tests use ingestion's own escaping, so the two cannot drift apart)."""
        return f"{self.front_matter.dump()}\n{escape_block(self.text)}\n"


def write_article(project: Path, article: Written) -> Path:
    """An article as ingestion writes it (same front matter, same escaping)."""
    path = project / "docs" / article.lang / "articles" / f"{article.key}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(article.markdown(), encoding="utf-8")
    return path


def build(project: Path, site_url: str, site: Path | None = None) -> Built:
    site = site or project / "site"
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": os.environ.get("HOME", "/tmp"),
        "NO_MKDOCS_2_WARNING": "1",
        "SITE_URL": site_url,
    }
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
    )
    if done.returncode != 0:
        raise AssertionError(f"mkdocs build failed:\n{done.stderr}")
    return Built(project, site, done.stderr)


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves `directory` under `mount`, and /404.html for anything missing, as GitHub Pages does."""

    mount = "/"

    def log_message(self, *args):  # keep test output quiet
        pass

    def translate_path(self, path):
        path = path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(self.mount):
            return os.path.join(self.directory, "__outside_the_mount__", "missing")
        return super().translate_path("/" + path[len(self.mount) :])

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and not os.path.isfile(os.path.join(path, "index.html")) or not os.path.exists(path):
            body = Path(self.directory, "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return None
        return super().send_head()


class Server:
    """A static server on 127.0.0.1 in a thread, serving `site` under `mount`."""

    def __init__(self, site: Path, mount: str = "/", port: int = 0):
        handler = type("Handler", (_Handler,), {"mount": mount})
        self.httpd = http.server.ThreadingHTTPServer(
            ("127.0.0.1", port), functools.partial(handler, directory=str(site))
        )
        self.mount = mount
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def port(self) -> int:
        return self.httpd.server_address[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{self.mount}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
