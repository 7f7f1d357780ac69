"""`make review`: look at a pull request's built site (CI's artifact) without trusting it.

    python -m scripts.review [ARTIFACT] [--port 8765]     (ARTIFACT: site.zip or a folder; default $ARTIFACT)

A pull request's site is built from its own templates and sources: its HTML
and scripts are untrusted. `python3 -m http.server` would serve them on every
network interface, on the origin the dev server uses (127.0.0.1:8000), where a
service worker the artifact registers would stay and answer for the real site
on later visits. This serves it:

- on 127.0.0.1 only, and only to requests for localhost, 127.0.0.1 or [::1]
  (DNS rebinding, scripts/loopback.py);
- on a port of its own (8765, never the dev server's), so what the artifact
  stores in the browser stays on an origin nothing else uses; the first page
  served each time asks the browser to clear that origin's storage and cache
  (`Clear-Site-Data`), so one review never sees another's leftovers;
- with service workers refused: any request the browser makes for a service
  worker script (the `Service-Worker: script` header) and any file named like
  one (sw.js, service-worker.js) gets 403, and no `Service-Worker-Allowed`
  header is ever sent;
- as GitHub Pages would serve it: index.html for folders, the site's 404.html
  for anything missing, no directory listings, nothing outside the artifact
  (links inside it are not followed out), nothing cached (`no-store`).

A zip is read without trusting it either: members with absolute paths, `..`,
or links are refused, and so is more than MAX_BYTES or MAX_FILES unpacked. It
is unpacked into a temporary folder, removed when the server stops (Ctrl-C).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import shutil
import signal
import stat
import sys
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

from scripts import logsafe, loopback

PORT = 8765
MAX_BYTES = 2 * 1024**3  # unpacked; the real site is about 120 MB at 1000 articles per language
MAX_FILES = 200_000
SERVICE_WORKER_NAMES = frozenset({"sw.js", "service-worker.js", "serviceworker.js"})


class ArtifactError(Exception):
    pass


# --- the artifact ------------------------------------------------------------------------------


def unpack(archive: Path, into: Path) -> Path:
    """Unpack a zip safely into `into`; returns the folder that holds the site."""
    try:
        with zipfile.ZipFile(archive) as zipped:
            members = zipped.infolist()
            _check_members(members)
            for member in members:
                _extract(zipped, member, into)
    except zipfile.BadZipFile as err:
        raise ArtifactError(f"{archive}: not a zip file ({err})") from err
    return site_root(into)


def _check_members(members: list[zipfile.ZipInfo]) -> None:
    if len(members) > MAX_FILES:
        raise ArtifactError(f"the zip holds {len(members)} files, more than the {MAX_FILES} a site has")
    if sum(m.file_size for m in members) > MAX_BYTES:
        raise ArtifactError(f"the zip unpacks to more than {MAX_BYTES // 1024**2} MB")
    for member in members:
        name = PurePosixPath(member.filename.replace("\\", "/"))
        if name.is_absolute() or ".." in name.parts or (name.parts and ":" in name.parts[0]):
            raise ArtifactError(f"the zip holds a path outside its folder: {member.filename!r}")
        if stat.S_ISLNK(member.external_attr >> 16):
            raise ArtifactError(f"the zip holds a link: {member.filename!r}")


def _extract(zipped: zipfile.ZipFile, member: zipfile.ZipInfo, into: Path) -> None:
    target = into / PurePosixPath(member.filename.replace("\\", "/"))
    if member.is_dir():
        target.mkdir(parents=True, exist_ok=True)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    with zipped.open(member) as source, open(target, "xb") as out:
        # The sizes a zip declares can lie; count what is really written.
        while chunk := source.read(1 << 20):
            written += len(chunk)
            if written > member.file_size:
                raise ArtifactError(f"{member.filename!r} unpacks to more than it declares")
            out.write(chunk)


def site_root(folder: Path) -> Path:
    """The folder holding index.html: the artifact's root, or its one folder (a zip of site/)."""
    if (folder / "index.html").is_file():
        return folder
    children = [child for child in folder.iterdir() if not child.name.startswith(".")]
    if len(children) == 1 and children[0].is_dir() and (children[0] / "index.html").is_file():
        return children[0]
    raise ArtifactError(f"{folder}: no index.html: is this the `site` artifact of a CI run?")


# --- the server -----------------------------------------------------------------------------------


class ReviewHandler(http.server.SimpleHTTPRequestHandler):
    """Serves one untrusted site: loopback names only, no service workers, as GitHub Pages does."""

    cleared = False  # the first page served asks the browser to clear this origin

    def log_message(self, format, *args):
        sys.stderr.write(logsafe.text(f"{self.address_string()} - {format % args}") + "\n")

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def refuse(self, why: str) -> None:
        body = f"403 Forbidden: {why}\n".encode()
        self.send_response(403)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def send_head(self):
        if not loopback.allowed(self.headers.get("Host")):
            self.refuse(loopback.REFUSED.decode().removeprefix("403 Forbidden: ").strip())
            return None
        name = self.path.split("?", 1)[0].split("#", 1)[0].rsplit("/", 1)[-1].lower()
        if self.headers.get("Service-Worker", "").strip().lower() == "script" or name in SERVICE_WORKER_NAMES:
            self.refuse("service workers are refused when reviewing an artifact")
            return None
        path = self.translate_path(self.path)
        root = os.path.realpath(self.directory)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
            if not self.path.split("?", 1)[0].endswith("/") and os.path.isfile(path):
                self.send_response(301)
                self.send_header("Location", self.path.split("?", 1)[0] + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
        real = os.path.realpath(path)
        if not (real.startswith(root + os.sep) and os.path.isfile(real)):
            return self.not_found()
        return self.open_file(real, 200)

    def not_found(self):
        page = os.path.join(self.directory, "404.html")
        if os.path.isfile(page) and os.path.realpath(page).startswith(os.path.realpath(self.directory) + os.sep):
            return self.open_file(page, 404)
        self.send_error(404)
        return None

    def open_file(self, path: str, status: int):
        try:
            handle = open(path, "rb")
        except OSError:
            self.send_error(404)
            return None
        size = os.fstat(handle.fileno()).st_size
        kind = self.guess_type(path)
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(size))
        if kind.startswith("text/html") and not ReviewHandler.cleared:
            ReviewHandler.cleared = True
            self.send_header("Clear-Site-Data", '"cache", "storage"')
        self.end_headers()
        return handle


def server(site: Path, port: int) -> http.server.ThreadingHTTPServer:
    ReviewHandler.cleared = False
    handler = functools.partial(ReviewHandler, directory=str(site))
    return http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.review", description=__doc__.split("\n\n")[0])
    parser.add_argument("artifact", nargs="?", type=Path, help="the CI artifact: site.zip or an unpacked folder")
    parser.add_argument("--port", type=int, default=PORT, help=f"port on 127.0.0.1 (default {PORT})")
    args = parser.parse_args(argv)
    artifact = args.artifact or (Path(os.environ["ARTIFACT"]) if os.environ.get("ARTIFACT") else None)
    if artifact is None:
        parser.error("give the artifact: make review ARTIFACT=path/to/site.zip (or an unpacked folder)")
    if args.port == 8000:
        parser.error("port 8000 is the dev server's origin: review on a port of its own")
    scratch = Path(tempfile.mkdtemp(prefix="review-"))
    try:
        if artifact.is_dir():
            site = site_root(artifact)
        elif artifact.is_file():
            site = unpack(artifact, scratch)
        else:
            raise ArtifactError(f"{artifact}: no such file or folder")
        httpd = server(site, args.port)
    except (ArtifactError, OSError) as err:
        shutil.rmtree(scratch, ignore_errors=True)
        print(logsafe.text(f"review: {err}"), file=sys.stderr)
        return 2
    for signum in (signal.SIGTERM, signal.SIGHUP):  # stop as Ctrl-C does: the unpacked copy is removed
        signal.signal(signum, signal.default_int_handler)
    url = f"http://127.0.0.1:{httpd.server_address[1]}/"
    print(
        logsafe.text(
            f"Reviewing {artifact} at {url}\n"
            "  untrusted: served on 127.0.0.1 only, to requests for localhost/127.0.0.1/[::1] only;\n"
            f"  on port {httpd.server_address[1]}, never the dev server's 8000; the first page clears what "
            "this origin stored before (Clear-Site-Data);\n"
            "  service workers refused (403 for any service worker script, no Service-Worker-Allowed).\n"
            "Ctrl-C to stop (the unpacked copy is removed)."
        ),
        flush=True,
    )
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
