"""`make review ARTIFACT=…`: a pull request's built site, served without trusting it (scripts/review.py).

The attack: CONTRIBUTING used to say `python3 -m http.server`, which serves on
every interface and on the dev server's origin; a service worker in the
artifact registered there and answered for the real site afterwards. The
control case below shows the same artifact registering its worker under
http.server, so the browser check is known to catch it.
"""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from scripts import review
from scripts.paths import ROOT

INDEX = """<!doctype html><html><head><meta charset="utf-8"><title>PR</title></head><body>
<h1>Pull request site</h1>
<script src="assets/register.js"></script>
</body></html>"""
# What a hostile artifact would do: register a worker, by the usual name and by any other.
REGISTER = """
window.registrations = Promise.allSettled([
  navigator.serviceWorker.register("sw.js"),
  navigator.serviceWorker.register("assets/app.js"),
]).then((results) => results.map((r) => r.status));
"""
WORKER = "self.addEventListener('fetch', (e) => e.respondWith(new Response('owned')));"


def artifact_folder(root: Path) -> Path:
    root.mkdir(parents=True)
    (root / "index.html").write_text(INDEX, encoding="utf-8")
    (root / "404.html").write_text("<!doctype html><title>404</title><h1>Not here</h1>", encoding="utf-8")
    (root / "sw.js").write_text(WORKER, encoding="utf-8")
    (root / "assets").mkdir()
    (root / "assets" / "register.js").write_text(REGISTER, encoding="utf-8")
    (root / "assets" / "app.js").write_text(WORKER, encoding="utf-8")
    (root / "articles" / "a").mkdir(parents=True)
    (root / "articles" / "a" / "index.html").write_text("<!doctype html><title>a</title>A", encoding="utf-8")
    return root


def zip_of(folder: Path, archive: Path) -> Path:
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in sorted(folder.rglob("*")):
            zipped.write(path, path.relative_to(folder).as_posix())
    return archive


@pytest.fixture
def artifact(tmp_path) -> Path:
    return zip_of(artifact_folder(tmp_path / "site"), tmp_path / "site.zip")


# --- the zip -------------------------------------------------------------------------------------


def hostile_zip(path: Path, name: str, data: bytes = b"x", link: bool = False) -> Path:
    with zipfile.ZipFile(path, "w") as zipped:
        zipped.writestr("index.html", "<title>x</title>")
        info = zipfile.ZipInfo(name)
        if link:
            info.external_attr = (0o120777 << 16) | 0
        zipped.writestr(info, data)
    return path


@pytest.mark.parametrize(
    ("name", "link", "message"),
    [
        ("../outside.html", False, "outside its folder"),
        ("/etc/cron.d/x", False, "outside its folder"),
        ("a/../../x", False, "outside its folder"),
        ("C:/x", False, "outside its folder"),
        ("passwd", True, "a link"),
    ],
)
def test_a_zip_that_would_write_outside_its_folder_is_refused(tmp_path, name, link, message):
    archive = hostile_zip(tmp_path / "a.zip", name, b"/etc/passwd" if link else b"x", link)
    (tmp_path / "into").mkdir()
    with pytest.raises(review.ArtifactError, match=message):
        review.unpack(archive, tmp_path / "into")
    assert [p.name for p in (tmp_path / "into").rglob("*")] == []
    assert not (tmp_path / "outside.html").exists()


def test_a_zip_too_big_or_too_many_files_is_refused(tmp_path, monkeypatch):
    archive = hostile_zip(tmp_path / "a.zip", "big.bin", b"\0" * 100_000)
    (tmp_path / "into").mkdir()
    monkeypatch.setattr(review, "MAX_BYTES", 50_000)
    with pytest.raises(review.ArtifactError, match="more than"):
        review.unpack(archive, tmp_path / "into")
    monkeypatch.setattr(review, "MAX_BYTES", 10**9)
    monkeypatch.setattr(review, "MAX_FILES", 1)
    with pytest.raises(review.ArtifactError, match="files"):
        review.unpack(archive, tmp_path / "into")


def test_a_zip_of_the_site_folder_or_of_its_files_is_served_from_its_index(tmp_path, artifact):
    assert (review.unpack(artifact, tmp_path / "flat") / "index.html").is_file()
    nested = tmp_path / "nested.zip"
    with zipfile.ZipFile(nested, "w") as zipped:
        zipped.writestr("site/index.html", INDEX)
    assert review.unpack(nested, tmp_path / "n") == tmp_path / "n" / "site"


# --- the server ------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(port: int, path: str, host: str | None = None, headers: dict | None = None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.putrequest("GET", path, skip_host=True)
        connection.putheader("Host", host or f"127.0.0.1:{port}")
        for name, value in (headers or {}).items():
            connection.putheader(name, value)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def listening_addresses(port: int) -> set[str]:
    """The local addresses a TCP socket listens on at `port` (from /proc/net/tcp and tcp6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:
                found.add(address)
    return found


class Reviewing:
    """`make review ARTIFACT=…` running, with what it printed first."""

    def __init__(self, artifact: Path, port: int):
        self.port = port
        self.process = subprocess.Popen(
            ["make", "--no-print-directory", "-C", str(ROOT), "review", f"ARTIFACT={artifact}", f"REVIEW_PORT={port}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        self.banner = ""
        while "Ctrl-C" not in self.banner:
            line = self.process.stdout.readline()
            if not line:
                raise AssertionError(f"make review did not start:\n{self.banner}")
            self.banner += line

    def close(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        self.process.wait(10)


@pytest.fixture
def reviewing(artifact):
    running = Reviewing(artifact, free_port())
    yield running
    running.close()


@pytest.mark.slow
def test_make_review_says_how_it_serves(reviewing):
    banner = reviewing.banner
    assert f"http://127.0.0.1:{reviewing.port}/" in banner
    assert "127.0.0.1 only" in banner and "service workers refused" in banner and "8000" in banner


@pytest.mark.slow
def test_it_listens_on_loopback_only_and_answers_loopback_names_only(reviewing):
    port = reviewing.port
    assert listening_addresses(port) == {"0100007F"}, "127.0.0.1, not every interface"
    assert request(port, "/")[0] == 200
    assert request(port, "/", f"localhost:{port}")[0] == 200
    status, _, body = request(port, "/", "evil.example")
    assert status == 403 and b"DNS rebinding" in body


@pytest.mark.slow
def test_service_worker_scripts_are_refused_and_never_allowed_wider(reviewing):
    port = reviewing.port
    assert request(port, "/sw.js")[0] == 403
    assert request(port, "/assets/app.js")[0] == 200
    assert request(port, "/assets/app.js", headers={"Service-Worker": "script"})[0] == 403
    for path in ("/", "/assets/app.js", "/articles/a/", "/missing/"):
        assert "Service-Worker-Allowed" not in request(port, path)[1]


@pytest.mark.slow
def test_it_serves_like_github_pages(reviewing):
    port = reviewing.port
    status, headers, body = request(port, "/articles/a/")
    assert status == 200 and body.endswith(b"A") and headers["Cache-Control"] == "no-store"
    assert request(port, "/articles/a")[0] == 301
    status, _, body = request(port, "/no/such/page/")
    assert status == 404 and b"Not here" in body
    assert request(port, "/articles/")[0] == 404, "no directory listing"
    assert request(port, "/../../etc/passwd")[0] == 404


@pytest.mark.slow
def test_a_link_in_an_unpacked_folder_is_not_followed_out(tmp_path):
    folder = artifact_folder(tmp_path / "site")
    (folder / "passwd.html").symlink_to("/etc/passwd")
    running = Reviewing(folder, free_port())
    try:
        assert request(running.port, "/passwd.html")[0] == 404
    finally:
        running.close()


def register_workers(browser, url: str) -> tuple[list[str], int]:
    """Open the artifact in a fresh profile: how its two registrations ended, and how many workers stayed."""
    context = browser.new_context(service_workers="allow")
    try:
        page = context.new_page()
        page.goto(url)
        outcomes = page.evaluate("window.registrations")
        count = page.evaluate("navigator.serviceWorker.getRegistrations().then((r) => r.length)")
        return outcomes, count
    finally:
        context.close()


@pytest.mark.slow
@pytest.mark.browser
def test_the_artifact_cannot_register_a_service_worker(browser, reviewing, artifact, tmp_path):
    outcomes, count = register_workers(browser, f"http://127.0.0.1:{reviewing.port}/")
    assert outcomes == ["rejected", "rejected"] and count == 0
    # The control: the same artifact under `python3 -m http.server`, as CONTRIBUTING used to say.
    port = free_port()
    plain = subprocess.Popen(
        [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port), "-d", str(tmp_path / "site")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(50):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                import time

                time.sleep(0.1)
        outcomes, count = register_workers(browser, f"http://127.0.0.1:{port}/")
        assert outcomes == ["fulfilled", "fulfilled"] and count == 2, "the check would catch a registration"
    finally:
        plain.terminate()
        plain.wait()


@pytest.mark.slow
@pytest.mark.browser
def test_the_first_page_clears_what_an_earlier_review_stored(browser, artifact):
    port = free_port()
    context = browser.new_context()
    try:
        page = context.new_page()
        first = Reviewing(artifact, port)
        try:
            page.goto(f"http://127.0.0.1:{port}/articles/a/")
            page.evaluate("localStorage.setItem('left', 'by an earlier artifact')")
            page.goto(f"http://127.0.0.1:{port}/articles/a/")
            assert page.evaluate("localStorage.getItem('left')") == "by an earlier artifact"
        finally:
            first.close()
        second = Reviewing(artifact, port)
        try:
            page.goto(f"http://127.0.0.1:{port}/articles/a/")
            assert page.evaluate("localStorage.getItem('left')") is None
        finally:
            second.close()
    finally:
        context.close()


def test_contributing_tells_reviewers_to_use_make_review():
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "python3 -m http.server -d" not in guide, "the old advice is gone"
    assert "make review ARTIFACT=" in guide
