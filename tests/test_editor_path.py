"""The editor's path, end to end, in a scratch copy of the repository.

A saved text file goes through `make new`, `make check`, `make site` and
`make linkcheck` exactly as CONTRIBUTING.md tells an editor to, using the
repository's own Makefile and the already installed .venv. Then every mistake
an editor can make in meta.yml is made, and each must come back as a message
naming the file, the line of the field, and the fix.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from scripts import worktree
from scripts.ingest.cli import main as ingest

from .helpers import ROOT, SOURCES

SEED = "2022-02-25-spring-meeting"  # bilingual vi + zh
NEW_KEY = "2022-02-25-gap-go-dau-xuan-4-tinh"


def copy_repo(target: Path) -> Path:
    """What a clone holds (tests/ aside), with the installed .venv and node_modules linked in."""
    return worktree.copy(target, skip=lambda path: path.parts[0] == "tests")


def make(repo: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "REPO_URL", "MAKEFLAGS", "MAKELEVEL")}
    return subprocess.run(
        ["make", "--no-print-directory", f"VENV={ROOT / '.venv'}", *args],
        cwd=repo,
        input=stdin,
        capture_output=True,
        env=env,
        timeout=300,
    )


def text(done: subprocess.CompletedProcess) -> str:
    return done.stdout.decode("utf-8") + done.stderr.decode("utf-8")


@pytest.fixture(scope="module")
def editor(tmp_path_factory) -> dict:
    """A repository where an editor saved a bilingual article and followed CONTRIBUTING.md."""
    repo = copy_repo(tmp_path_factory.mktemp("clone") / "repo")
    # The seed's text, saved under a new name, with the seed gone: a genuinely new article.
    saved = repo.parent / "bài mới.txt"
    shutil.copy(repo / "sources" / SEED / "source.txt", saved)
    shutil.rmtree(repo / "sources" / SEED)
    steps = {"new": make(repo, "new", f"FILE={saved}")}
    steps["check"] = make(repo, "check")
    steps["site"] = make(repo, "site")
    steps["linkcheck"] = make(repo, "linkcheck")
    return {"repo": repo, "saved": saved, **steps}


@pytest.mark.slow
def test_make_new_scaffolds_and_ingests_the_article(editor):
    done = editor["new"]
    assert done.returncode == 0, text(done)
    folder = editor["repo"] / "sources" / NEW_KEY
    assert (folder / "source.txt").read_bytes() == editor["saved"].read_bytes()
    assert f"Created sources/{NEW_KEY}/" in text(done)
    for lang in ("vi", "zh"):
        assert (editor["repo"] / "docs" / lang / "articles" / f"{NEW_KEY}.md").is_file()
    # The seed's own articles went with it: no source makes them any more.
    assert not (editor["repo"] / "docs" / "vi" / "articles" / f"{SEED}.md").exists()


@pytest.mark.slow
def test_the_generated_markdown_is_up_to_date(editor):
    assert editor["check"].returncode == 0, text(editor["check"])
    assert "0 files would change" in text(editor["check"])


@pytest.mark.slow
def test_the_site_builds_strict_with_the_new_article_in_both_languages(editor):
    assert editor["site"].returncode == 0, text(editor["site"])
    site = editor["repo"] / "site"
    vi = (site / "articles" / NEW_KEY / "index.html").read_text(encoding="utf-8")
    zh = (site / "zh" / "articles" / NEW_KEY / "index.html").read_text(encoding="utf-8")
    assert "Gặp gỡ đầu xuân 4 tỉnh biên giới Việt Nam với Quảng Tây - Trung Quốc" in vi
    assert "2022年中国广西与越南边境四省党委书记新春会晤" in zh


@pytest.mark.slow
def test_every_internal_link_and_anchor_of_the_built_site_resolves(editor):
    assert editor["linkcheck"].returncode == 0, text(editor["linkcheck"])
    assert "every internal link and anchor resolves" in text(editor["linkcheck"])


@pytest.mark.slow
@pytest.mark.parametrize("prefix", ["", "zh/"])
def test_the_new_article_is_reachable_from_its_languages_listing(editor, prefix):
    listing = editor["repo"] / "site" / prefix / "articles" / "index.html"
    page = f"https://archive.example/{prefix}articles/"
    soup = BeautifulSoup(listing.read_text(encoding="utf-8"), "html.parser")
    targets = {urljoin(page, a["href"]).split("#")[0] for a in soup.find_all("a", href=True)}
    assert f"https://archive.example/{prefix}articles/{NEW_KEY}/" in targets


@pytest.mark.slow
def test_make_new_reads_an_article_from_standard_input(tmp_path):
    repo = copy_repo(tmp_path / "repo")
    # The Hà Giang report was scraped without its headline: scaffolded, then the editor is asked for it.
    done = make(repo, "new", stdin=(SOURCES / "2025-02-21-spring-meeting-ha-giang" / "source.txt").read_bytes())
    assert done.returncode != 0
    folder = repo / "sources" / "2025-02-21-article"
    meta = folder / "meta.yml"
    assert "TO DO: no Ukrainian title" in meta.read_text(encoding="utf-8")
    assert 'add the title to sources/2025-02-21-article/meta.yml as `title: {uk: "…"}`' in text(done)
    # The editor does what the comment says; the next ingest makes the article.
    meta.write_text(
        meta.read_text(encoding="utf-8").replace('# title: {uk: ""}', 'title: {uk: "Весняна зустріч 2025"}'),
        encoding="utf-8",
    )
    assert make(repo, "ingest").returncode == 0
    assert "title: Весняна зустріч 2025" in (repo / "docs/uk/articles/2025-02-21-article.md").read_text("utf-8")


# --- every mistake in meta.yml, through the ingest command ------------------------------------

NEW = "sources/zz-new"

MISTAKES = [
    # (meta.yml, line, what the message says, what the fix says)
    pytest.param("key: zz-new\n\tevent: x\n", 2, "not valid YAML", "indentation", id="bad-yaml"),
    pytest.param('key: zz-new\ntitle: {vi: "unclosed\n', None, "not valid YAML", "quote values", id="bad-yaml-quote"),
    pytest.param("key zz-new\n", 1, "must be a list of `field: value` lines", "known fields", id="not-a-mapping"),
    pytest.param("key: zz-new\ntitel: Tin\n", 2, "`titel`: unknown field", "did you mean `title`?", id="unknown-field"),
    pytest.param("key: zz-new\nkey: zz-other\n", 2, "given twice", "keep one", id="field-twice"),
    pytest.param("event: spring-meeting-2021\n", None, "`key` is missing", "add `key:", id="no-key"),
    pytest.param("key: Zz New\n", 1, "not a valid key", "lowercase ASCII", id="bad-key"),
    pytest.param(
        "# a second copy\nkey: 2021-04-09-spring-meeting\n",
        2,
        "`key`: 2021-04-09-spring-meeting is also the key of sources/2021-04-09-spring-meeting/source.txt, "
        "and both make its vi article",
        "give one of the two (most likely the one you added) a key of its own, e.g. `key: 2021-04-09-spring-meeting-2`",
        id="key-clash",
    ),
    pytest.param(
        "key: zz-new\ntitle: {en: News}\n",
        2,
        "`title`: 'en' is not a language of the site",
        "use one of: vi, zh, uk",
        id="title-language",
    ),
    pytest.param(
        "key: zz-new\nauthors: {fr: [Anne]}\n",
        2,
        "`authors`: 'fr' is not a language",
        "vi, zh, uk",
        id="authors-language",
    ),
    pytest.param(
        "key: zz-new\noriginal: en\n", 2, "`original`: 'en' is not a language", "vi, zh, uk", id="original-language"
    ),
    pytest.param(
        "key: zz-new\nrelation: translation\ntranslation_of: ru\n",
        3,
        "`translation_of`: 'ru' is not a",
        "vi, zh, uk",
        id="translation-language",
    ),
    pytest.param(
        "key: zz-new\nlines: {3: {lang: en}}\n",
        2,
        "`lines`: line 3: 'en' is not a language",
        "vi, zh, uk",
        id="line-language",
    ),
    pytest.param(
        "key: zz-new\ndate: 2025-02-30\n", 2, "`date`: '2025-02-30' is not a date", "YYYY-MM-DD", id="impossible-date"
    ),
    pytest.param(
        "key: zz-new\ndate: 19/02/2025\n", 2, "`date`: '19/02/2025' is not a date", "YYYY-MM-DD", id="date-format"
    ),
    pytest.param(
        "key: zz-new\ndate_end: next week\n", 2, "`date_end`: 'next week' is not a date", "YYYY-MM-DD", id="end-date"
    ),
    pytest.param(
        "key: zz-new\nevent: spring-meeting-2099\n", 2, "unknown event", "sources/events.yml", id="unknown-event"
    ),
    pytest.param(
        "key: zz-new\nrelation: translation\n",
        2,
        "a translation needs `translation_of`",
        "add `translation_of: vi`",
        id="translation-of-what",
    ),
    pytest.param(
        "key: zz-new\nrelation: copy\n", 2, "'copy' is not a relation", "translation, report", id="unknown-relation"
    ),
    pytest.param("key: zz-new\nlines: {3: picture}\n", 2, "unknown role 'picture'", "caption", id="unknown-role"),
]


@pytest.mark.parametrize(("meta", "line", "message", "fix"), MISTAKES)
def test_each_meta_yml_mistake_names_the_file_line_and_fix(repo_copy, capsys, meta, line, message, fix):
    folder = repo_copy / NEW
    folder.mkdir()
    shutil.copy(SOURCES / "2021-04-09-spring-meeting" / "source.txt", folder / "source.txt")
    (folder / "meta.yml").write_text(meta, encoding="utf-8")
    assert ingest(["--sources-dir", str(repo_copy / "sources"), "--check"]) == 1
    out = capsys.readouterr().out
    # A key clash also fails the other source; the one added here is told first-hand.
    (error,) = [e for e in out.split("\nerror: ")[1:] if e.startswith(NEW + "/")]
    where, _, rest = error.partition(": ")
    if line is None:
        assert where.startswith(f"{NEW}/meta.yml")
    else:
        assert where == f"{NEW}/meta.yml:{line}"
    said, _, fixed = rest.partition("\n  fix: ")
    assert message in said
    assert fix in fixed


def test_sources_in_different_languages_may_share_a_key(repo_copy, capsys):
    # The Hà Giang report (uk) filed under the 2021 article's key, which has vi only.
    folder = repo_copy / NEW
    folder.mkdir()
    shutil.copy(SOURCES / "2025-02-21-spring-meeting-ha-giang" / "source.txt", folder / "source.txt")
    (folder / "meta.yml").write_text(
        'key: 2021-04-09-spring-meeting\nrelation: report\ntitle: {uk: "Весняна зустріч"}\n', encoding="utf-8"
    )
    assert ingest(["--sources-dir", str(repo_copy / "sources"), "--quiet"]) == 0, capsys.readouterr().err
    assert (repo_copy / "docs" / "uk" / "articles" / "2021-04-09-spring-meeting.md").is_file()
    assert (repo_copy / "docs" / "vi" / "articles" / "2021-04-09-spring-meeting.md").is_file()
