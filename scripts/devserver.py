"""`mkdocs serve`, answering only this machine's names, and live reload under the pages' policy.

    python -m scripts.devserver --config-file mkdocs.yml --dev-addr 127.0.0.1:8000

scripts/serve.py (`make serve`, `make preview`) runs this as its child. Two
changes to MkDocs' development server (mkdocs.livereload.LiveReloadServer):

- **Host names** (DNS rebinding, scripts/loopback.py): a request whose Host
  header is not localhost, 127.0.0.1, [::1] (or the address served at, when it
  is a specific IP) gets 403, live-reload polls included.
- **Live reload**: MkDocs puts an inline script, different on every request,
  into each page; the page's Content-Security-Policy (scripts/site/csp.py)
  rightly blocks it. The page gets `<script src="/livereload/client.js"
  data-epoch=… data-request-id=…>` instead: MkDocs' own client, served by this
  server from the same origin, which the policy allows.

It stops with its parent: SIGTERM and SIGHUP shut it down as Ctrl-C does (the
temporary site folder removed, the port freed), and so does its parent going
away, however that happened.

Tripwire: on import, the MkDocs version and the parts of LiveReloadServer this
relies on are checked (tests/site/test_devserver.py); when an upgrade changes them
the server refuses to start, naming what changed: a safety property must not
turn itself off. ARCHITECTURE.md, "Upgrading what we borrow", says what to do.
"""

from __future__ import annotations

import argparse
import inspect
import logging
import os
import signal
import sys
import threading
import time

import mkdocs
import mkdocs.livereload as livereload
from mkdocs.commands import serve as serve_command

from scripts import logsafe, loopback

MKDOCS_VERSION = "1.6.1"  # the version whose LiveReloadServer this was checked against
CLIENT_PATH = "/livereload/client.js"
_CALL = "livereload(${epoch}, ${request_id});"

log = logging.getLogger("mkdocs.livereload")


class TripwireError(RuntimeError):
    pass


def tripwire() -> list[str]:
    """What no longer holds in MkDocs' dev server that this module relies on."""
    problems = []
    if mkdocs.__version__ != MKDOCS_VERSION:
        problems.append(f"MkDocs is {mkdocs.__version__}, checked against {MKDOCS_VERSION}")
    server = getattr(livereload, "LiveReloadServer", None)
    expected = {
        "serve_request": ["self", "environ", "start_response"],
        "_inject_js_into_html": ["self", "content", "epoch"],
    }
    for name, parameters in expected.items():
        method = getattr(server, name, None)
        if method is None or list(inspect.signature(method).parameters) != parameters:
            problems.append(f"LiveReloadServer.{name}{parameters} is not there any more")
    template = getattr(livereload, "_SCRIPT_TEMPLATE_STR", "")
    if not template.rstrip().endswith(_CALL) or "/livereload/" not in template:
        problems.append(f"mkdocs.livereload._SCRIPT_TEMPLATE_STR no longer ends with {_CALL}")
    if getattr(serve_command, "LiveReloadServer", None) is not server:
        problems.append("mkdocs.commands.serve no longer makes its server from LiveReloadServer")
    return problems


def client_script() -> str:
    """MkDocs' live-reload client, reading its two numbers from its own <script> element."""
    body = livereload._SCRIPT_TEMPLATE_STR.rstrip()[: -len(_CALL)]
    return (
        "(function () {\n"
        + body
        + "var script = document.currentScript;\n"
        + "livereload(Number(script.dataset.epoch), Number(script.dataset.requestId));\n"
        + "})();\n"
    )


class GuardedServer(livereload.LiveReloadServer):
    """LiveReloadServer that answers only loopback names and reloads through a script file."""

    also_allowed: frozenset[str] = frozenset()

    def serve_request(self, environ, start_response):
        host = environ.get("HTTP_HOST")
        if not loopback.allowed(host, self.also_allowed):
            log.warning(logsafe.text(f"refused a request for Host {host!r}: not this machine's name"))
            start_response("403 Forbidden", [("Content-Type", "text/plain; charset=utf-8")])
            return [loopback.REFUSED]
        if environ.get("PATH_INFO") == CLIENT_PATH:
            body = client_script().encode("utf-8")
            start_response(
                "200 OK",
                [
                    ("Content-Type", "application/javascript; charset=utf-8"),
                    ("Content-Length", str(len(body))),
                    ("Cache-Control", "no-store"),
                ],
            )
            return [body]
        return super().serve_request(environ, start_response)

    def _inject_js_into_html(self, content, epoch):
        try:
            body_end = content.rindex(b"</body>")
        except ValueError:
            body_end = len(content)
        tag = f'<script src="{CLIENT_PATH}" data-epoch="{int(epoch)}" data-request-id="{time.monotonic_ns()}"></script>'
        return content[:body_end] + tag.encode("ascii") + content[body_end:]


def _stop_with_parent() -> None:
    """SIGTERM and SIGHUP stop the server as Ctrl-C does; so does the parent going away."""
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.default_int_handler)
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os.kill(os.getpid(), signal.SIGINT)

    threading.Thread(target=watch, daemon=True, name="parent-watch").start()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.devserver", description=__doc__.split("\n\n")[0])
    parser.add_argument("--config-file", required=True)
    parser.add_argument("--dev-addr", required=True, help="HOST:PORT")
    args = parser.parse_args(argv)
    problems = tripwire()
    if problems:
        raise TripwireError(
            "the dev server's safeguards no longer fit MkDocs' (scripts/devserver.py): "
            + "; ".join(problems)
            + ". Read mkdocs/livereload/__init__.py, carry the change over, then update MKDOCS_VERSION."
        )
    host = args.dev_addr.rsplit(":", 1)[0]
    named = loopback.host_name(host)
    GuardedServer.also_allowed = frozenset({named} if named else ())
    serve_command.LiveReloadServer = GuardedServer
    _stop_with_parent()
    from mkdocs.__main__ import cli

    try:
        cli.main(["serve", "--config-file", args.config_file, "--dev-addr", args.dev_addr], prog_name="mkdocs")
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
