"""`make serve` and `make preview`: loopback names only, live reload under the policy, nothing left running.

The server is scripts/devserver.py (MkDocs' dev server, guarded) run by
scripts/serve.py. Checked on the real commands in a scratch copy of the
repository: a request for another host name (DNS rebinding) is refused; a
served page reloads through a script file its Content-Security-Policy allows;
SIGTERM to `make serve`, or to the Python process under it, frees the port and
leaves no process; killing that process outright still stops the server.
"""

from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import mkdocs.livereload
import pytest

from scripts import devserver, loopback, worktree

# --- the Host check ------------------------------------------------------------------------


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.1:8000", "localhost", "LOCALHOST:8000", "[::1]", "[::1]:8000"])
def test_loopback_names_are_answered(host):
    assert loopback.allowed(host)


@pytest.mark.parametrize(
    "host",
    [
        None,
        "",
        "evil.example",
        "evil.example:8000",
        "127.0.0.1.evil.example",
        "localhost.evil.example:8000",
        "127.0.0.2",
        "0.0.0.0:8000",
        "192.168.1.5:8000",
        "[::2]:8000",
        "localhost:8000:1",
        "localhost:80a",
        "evil.example\r\nX: 127.0.0.1",
    ],
)
def test_every_other_name_is_refused(host):
    assert not loopback.allowed(host)


def test_the_address_served_at_is_answered_when_it_is_a_specific_ip():
    assert loopback.host_name("0.0.0.0") is None and loopback.host_name("::") is None
    assert loopback.host_name("192.168.1.5") == "192.168.1.5" and loopback.host_name("::1") == "[::1]"
    assert loopback.host_name("localhost") is None
    assert loopback.allowed("192.168.1.5:8000", frozenset({"192.168.1.5"}))


# --- the tripwire --------------------------------------------------------------------------------


def test_the_tripwire_holds_on_the_pinned_mkdocs():
    assert devserver.tripwire() == []


def test_the_tripwire_notices_each_change_and_the_server_refuses_to_start(monkeypatch):
    monkeypatch.setattr(mkdocs, "__version__", "9.9.9")
    monkeypatch.setattr(mkdocs.livereload, "_SCRIPT_TEMPLATE_STR", "livereload(${epoch});")
    monkeypatch.delattr(mkdocs.livereload.LiveReloadServer, "_inject_js_into_html")
    problems = devserver.tripwire()
    assert len(problems) == 3 and "9.9.9" in problems[0]
    assert "_inject_js_into_html" in problems[1] and "_SCRIPT_TEMPLATE_STR" in problems[2]
    with pytest.raises(devserver.TripwireError, match="no longer fit"):
        devserver.main(["--config-file", "mkdocs.yml", "--dev-addr", "127.0.0.1:1"])


def test_the_live_reload_client_is_mkdocs_own_reading_its_numbers_from_its_tag():
    client = devserver.client_script()
    assert 'req.open("GET", "/livereload/" + epoch + "/" + requestId);' in client
    assert "${" not in client and "document.currentScript" in client


# --- the real commands ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port: int, path: str = "/", host: str | None = None) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.putrequest("GET", path, skip_host=True)
        connection.putheader("Host", host or f"127.0.0.1:{port}")
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


def group(pgid: int) -> list[str]:
    """The processes still in a process group (their command lines)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            if int(stat.rsplit(")", 1)[1].split()[2]) == pgid and stat.rsplit(")", 1)[1].split()[0] != "Z":
                found.append((entry / "cmdline").read_bytes().replace(b"\0", b" ").decode())
        except (OSError, IndexError, ValueError):
            continue
    return found


def wait_for(condition, timeout: float) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


class Running:
    """A command serving the site, in a process group of its own (so the test can always clean up)."""

    def __init__(self, repo: Path, command: list[str], port: int):
        self.port = port
        self.process = subprocess.Popen(
            command, cwd=repo, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        if not wait_for(lambda: answers(port) or self.process.poll() is not None, 180) or not answers(port):
            self.close()
            raise AssertionError(f"{' '.join(command)} did not come up")
        assert wait_for(lambda: get(port)[0] == 200, 60)

    def python_pid(self) -> int:
        """The `python -m scripts.serve` process (under make, or the process itself)."""
        for line in subprocess.run(
            ["ps", "-o", "pid=,args=", "-g", str(self.process.pid)], capture_output=True, text=True
        ).stdout.splitlines():
            pid, args = line.strip().split(" ", 1)
            if "-m scripts.serve" in args:
                return int(pid)
        raise AssertionError("no scripts.serve process")

    def close(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait()


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    return worktree.copy(tmp_path_factory.mktemp("serve") / "repo", skip=lambda path: path.parts[0] == "tests")


def make_serve(repo: Path) -> Running:
    port = free_port()
    return Running(repo, ["make", "--no-print-directory", "serve", f"PORT={port}"], port)


@pytest.fixture(scope="module")
def served(repo):
    running = make_serve(repo)
    yield running
    running.close()


@pytest.mark.slow
def test_a_request_for_another_host_name_is_refused(served):
    port = served.port
    for host in ("evil.example", f"evil.example:{port}", f"127.0.0.1.nip.example:{port}"):
        status, body = get(port, "/", host)
        assert status == 403 and "DNS rebinding" in body, host
        assert get(port, "/livereload/1/1", host)[0] == 403
    for host in (f"localhost:{port}", f"127.0.0.1:{port}", f"[::1]:{port}"):
        status, body = get(port, "/", host)
        assert status == 200 and "<html" in body, host


@pytest.mark.slow
@pytest.mark.browser
def test_live_reload_runs_under_the_pages_policy(served, browser):
    status, html = get(served.port, "/articles/2025-02-19-spring-meeting/")
    assert status == 200 and "Content-Security-Policy" in html
    assert not re.search(r"<script>\s*var livereload", html), "no inline live-reload script"
    context = browser.new_context()
    page = context.new_page()
    messages, polls = [], []
    page.on("console", lambda m: messages.append(m.text))
    page.on("request", lambda r: "/livereload/" in r.url and polls.append(r.url))
    try:
        page.goto(f"http://127.0.0.1:{served.port}/articles/2025-02-19-spring-meeting/")
        assert wait_for(lambda: any(re.search(r"/livereload/\d+/\d+$", u) for u in polls), 10), polls
        assert "Enabled live reload" in messages
        assert [m for m in messages if "Content Security Policy" in m] == []
    finally:
        context.close()


def stops_cleanly(running: Running, signum: int, pid: int) -> None:
    os.kill(pid, signum)
    assert wait_for(lambda: not group(running.process.pid), 20), f"still running: {group(running.process.pid)}"
    assert not answers(running.port), "the port is still held"


@pytest.mark.slow
def test_sigterm_to_make_serve_stops_the_server_and_frees_the_port(repo):
    running = make_serve(repo)
    try:
        stops_cleanly(running, signal.SIGTERM, running.process.pid)  # make's pid only, as an IDE does
    finally:
        running.close()


@pytest.mark.slow
def test_sigterm_to_the_serve_process_stops_the_server(repo):
    running = make_serve(repo)
    try:
        stops_cleanly(running, signal.SIGTERM, running.python_pid())
    finally:
        running.close()


@pytest.mark.slow
def test_the_server_stops_itself_when_the_serve_process_is_killed(repo):
    port = free_port()
    command = [sys.executable, "-m", "scripts.serve", "--dev-addr", f"127.0.0.1:{port}"]
    running = Running(repo, command, port)
    try:
        stops_cleanly(running, signal.SIGKILL, running.process.pid)
    finally:
        running.close()
