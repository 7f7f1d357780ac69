"""`make audit` (scripts/audit.py): which pages it measures, how it serves them, how it reports.

Lighthouse itself is not run here (a run takes minutes and its performance
score depends on the machine's load): `make audit` runs it.
"""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request

import pytest

from scripts import audit


def page(site, path: str, noindex: bool = False) -> None:
    file = site / path / "index.html"
    file.parent.mkdir(parents=True, exist_ok=True)
    robots = '<meta name="robots" content="noindex">' if noindex else ""
    file.write_text(f"<!doctype html><html><head>{robots}</head><body>{path}</body></html>", encoding="utf-8")


@pytest.fixture
def site(tmp_path):
    site = tmp_path / "site"
    for prefix in ("", "zh/", "uk/"):
        page(site, prefix.rstrip("/"))
        page(site, f"{prefix}articles")
    for key in ("2021-04-09-a", "2025-02-19-b"):
        page(site, f"articles/{key}")
        page(site, f"zh/articles/{key}", noindex=key.startswith("2021"))
        page(site, f"uk/articles/{key}", noindex=key.startswith("2021"))
    (site / "404.html").write_text("<!doctype html><title>404</title>", encoding="utf-8")
    (site / "assets").mkdir()
    (site / "assets" / "app.js").write_text("console.log('x');" * 200, encoding="utf-8")
    (site / "assets" / "logo.png").write_bytes(b"\x89PNG" + bytes(200))
    return site


def test_it_measures_home_an_article_in_every_language_the_list_and_a_not_available_page(site):
    chosen = [(t.lang, t.kind, t.path) for t in audit.choose_pages(site)]
    assert chosen == [
        ("vi", "home", ""),
        ("vi", "article", "articles/2025-02-19-b/"),
        ("vi", "listing", "articles/"),
        ("zh", "home", "zh/"),
        ("zh", "article", "zh/articles/2025-02-19-b/"),
        ("zh", "listing", "zh/articles/"),
        ("zh", "not available", "zh/articles/2021-04-09-a/"),
        ("uk", "home", "uk/"),
        ("uk", "article", "uk/articles/2025-02-19-b/"),
        ("uk", "listing", "uk/articles/"),
        ("uk", "not available", "uk/articles/2021-04-09-a/"),
    ]


@pytest.fixture
def served(site):
    port = audit.free_port()
    server = audit.serve(site, port)
    yield f"http://127.0.0.1:{port}/"
    server.shutdown()
    server.server_close()


def get(url: str, gzip_ok: bool = True):
    headers = {"Accept-Encoding": "gzip, deflate, br"} if gzip_ok else {}
    try:
        return urllib.request.urlopen(urllib.request.Request(url, headers=headers))
    except urllib.error.HTTPError as err:
        return err


def test_text_is_served_gzipped_like_github_pages_and_images_as_they_are(served):
    html = get(served + "zh/")
    assert html.status == 200 and html.headers["Content-Encoding"] == "gzip"
    assert b"zh" in gzip.decompress(html.read())
    script = get(served + "assets/app.js")
    body = script.read()
    assert script.headers["Content-Encoding"] == "gzip" and len(body) < 200
    assert gzip.decompress(body).startswith(b"console.log")
    image = get(served + "assets/logo.png")
    assert image.headers["Content-Encoding"] is None and image.read().startswith(b"\x89PNG")
    plain = get(served + "zh/", gzip_ok=False)
    assert plain.headers["Content-Encoding"] is None and b"zh" in plain.read()
    assert html.headers["Cache-Control"] == "max-age=600"


def test_a_missing_page_gets_the_404_page_and_a_folder_its_slash(served):
    missing = get(served + "no/such/page/")
    assert missing.status == 404 and b"404" in gzip.decompress(missing.read())
    request = urllib.request.Request(served + "zh", headers={"Accept-Encoding": "gzip"})
    assert urllib.request.urlopen(request).url == served + "zh/"  # followed the redirect


def test_the_table_holds_the_four_scores_and_excuses_only_a_noindex_pages_seo(site):
    perfect = dict.fromkeys(audit.CATEGORIES, 100)
    home, article, listing, missing = audit.choose_pages(site)[3:7]
    rows = [
        (home, perfect),
        (article, {**perfect, "performance": 93}),
        (missing, {**perfect, "seo": 63}),
    ]
    text = audit.table(rows)
    assert "| accessibility | performance | best-practices | seo |" in text
    assert "| **target** | ≥ 98 | ≥ 95 | 100 | 100 |" in text
    assert "| zh article (`/zh/articles/2025-02-19-b/`) | 100 | 93 ✗ | 100 | 100 |" in text
    assert "| 63 (noindex) |" in text
    assert audit.misses(article, rows[1][1]) == ["performance"]
    assert audit.misses(missing, rows[2][1]) == []
    assert any("noindex" in note for note in audit.notes(rows))


def test_lighthouse_runs_with_its_mobile_defaults_in_debians_chromium(tmp_path):
    command = audit.lighthouse_command("http://127.0.0.1:1/", tmp_path / "r.json")
    assert command[1].endswith("node_modules/lighthouse/cli/index.js")
    assert not any("preset" in part or "form-factor" in part for part in command)  # mobile is the default
    assert "--only-categories=accessibility,performance,best-practices,seo" in command
    assert audit.median_scores([{c: v for c in audit.CATEGORIES} for v in (90, 99, 95)])["seo"] == 95
