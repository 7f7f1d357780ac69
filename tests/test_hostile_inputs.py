"""A hostile contributor's audit: each attack is made here and must be refused or made harmless.

Every refusal names the file (and the line, when there is one) and says what
to do; one bad source never stops the others; nothing is lost silently.
Big inputs are generated here, never committed.
"""

from __future__ import annotations

import dataclasses
import json
import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scripts import worktree
from scripts.contract import (
    GENERATED_MARK,
    EventsError,
    FrontMatter,
    generated_source,
    parse_events,
    printable,
    read_block,
)
from scripts.ingest import keys
from scripts.ingest.meta_yml import load as load_meta
from scripts.ingest.model import SourceError

from .helpers import ROOT, SOURCES
from .test_hostile import GOOD, GOOD_ARTICLE, LEAD, add, refused, run

EVENT_NAMES = {"vi": "Sự kiện", "zh": "活动", "uk": "Подія"}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A scratch repository holding one good source (as in test_hostile.py)."""
    shutil.copytree(SOURCES / GOOD, tmp_path / "sources" / GOOD)
    return tmp_path


def meta_error(text: str, events: set[str] | None = None) -> SourceError:
    with pytest.raises(SourceError) as caught:
        load_meta("sources/x/meta.yml", text, events)
    return caught.value


# 4. A value with a trailing newline passes a check made with `re.match` and `$` ------------------------------


def test_a_key_with_a_trailing_newline_is_not_a_key():
    assert keys.problem("abc\n") is not None
    assert keys.problem("abc") is None


def test_a_quoted_key_with_a_trailing_newline_is_refused_in_meta_yml():
    err = meta_error('key: "2025-02-19-spring-meeting\\n"\n')
    assert err.line == 1 and "not a valid key" in err.message and "lowercase ASCII" in err.fix


def test_a_source_whose_key_ends_in_a_newline_writes_no_file(repo, capsys):
    folder = add(repo, "newline-key", {"source.txt": f"Tiêu đề\n{LEAD}\n"})
    (folder / "meta.yml").write_text('key: "newline-key\\n"\n', encoding="utf-8")
    refused(repo, capsys, "sources/newline-key/meta.yml:1", "is not a valid key", "lowercase ASCII")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("date", '"2025-02-19\\n"'),
        ("date", "20250219"),  # ISO 8601's basic form: Python reads it, the site's YYYY-MM-DD does not
        ("date", "2025-W08-3"),
        ("source_url", '"https://example.vn/a\\n<script>"'),
        ("source_url", '"https://example.vn/a b"'),
        ("source_url", '"https://[example.vn/a"'),  # urlparse raises on an unclosed IPv6 bracket
        ("event", '"spring-meeting-2025\\n"'),
    ],
)
def test_a_value_with_a_trailing_newline_or_another_form_is_refused(field, value):
    err = meta_error(f"key: a\n{field}: {value}\n")
    assert err.line == 2 and f"`{field}`" in err.message


def test_an_event_id_that_cannot_be_part_of_a_url_is_refused_in_events_yml():
    names = "".join(f"  {lang}: {name}\n" for lang, name in EVENT_NAMES.items())
    with pytest.raises(EventsError) as caught:
        parse_events(f'"spring\\n":\n{names}')
    assert caught.value.line == 1 and "event id" in caught.value.message
    assert parse_events(f"spring-2025:\n{names}") == {"spring-2025": EVENT_NAMES}


# 1. Stored XSS through a source folder's name ----------------------------------------------------------------

XSS_NAME = "x\n---\n<svg onload=alert(1)>"


def test_a_folder_name_that_would_end_the_front_matter_is_refused(repo, capsys):
    add(repo, XSS_NAME, {"source.txt": f"Tiêu đề\n{LEAD}\n"}, key="xss-folder")
    out = refused(repo, capsys, printable(f"sources/{XSS_NAME}"), "a control character", "rename the folder")
    assert "<svg onload=alert(1)>\n" not in out and "\n---\n" not in out, "the name is shown escaped, on one line"


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("con", "reserves for a device"),
        ("aux.txt", "reserves for a device"),
        ("Nul.tar.gz", "reserves for a device"),
        ("com¹", "reserves for a device"),
        ("a:b?c*d", "cannot have"),
        ('say "hi"', "cannot have"),
        ("back\\slash", "cannot have"),
        ("trailing.", "ends with a dot or a space"),
        ("trailing ", "ends with a dot or a space"),
        ("x" * 101, "longer than 100"),
        ("tab\there", "a control character"),
        ("bidi\u202ename", "a control character"),
        ("line\u2028separator", "a control character"),
    ],
)
def test_a_folder_name_windows_or_macos_cannot_hold_is_refused(repo, capsys, name, why):
    add(repo, name, {"source.txt": f"Tiêu đề\n{LEAD}\n"}, key="odd-folder")
    refused(repo, capsys, printable(f"sources/{name}"), why, "rename the folder")


def test_folders_whose_names_differ_only_in_case_are_both_refused(repo, capsys):
    add(repo, "Bai-viet", {"source.txt": f"Tiêu đề\n{LEAD}\n"}, key="bai-viet-1")
    if (repo / "sources" / "bai-viet").exists():
        pytest.skip("this file system does not tell names apart by case")
    add(repo, "bai-viet", {"source.txt": f"Tiêu đề khác\n{LEAD}\n"}, key="bai-viet-2")
    code, out = run(repo, capsys)
    assert code == 1
    errors = sorted(line for line in out.splitlines() if line.startswith("error: "))
    assert errors == [
        "error: sources/Bai-viet: the folder name differs only in case from sources/bai-viet; "
        "Windows and macOS hold them as one folder",
        "error: sources/bai-viet: the folder name differs only in case from sources/Bai-viet; "
        "Windows and macOS hold them as one folder",
    ]
    assert (repo / "docs" / GOOD_ARTICLE).is_file(), "the other sources are still ingested"
    assert not list((repo / "docs" / "vi" / "articles").glob("bai-viet*"))


def test_a_folder_named_like_its_key_is_accepted(repo, capsys):
    add(repo, "2025-02-19-hoi-nghi", {"source.txt": f"Tiêu đề\n{LEAD}\n"})
    code, out = run(repo, capsys)
    assert code == 0, out


HOSTILE_PATHS = [
    f"sources/{XSS_NAME}/source.txt",
    "sources/a\r---\r<script>alert(1)</script>/source.txt",
    "sources/a\r\n---\r\ntitle: injected/source.txt",
    "sources/a\u2028---\u2028x/source.txt",
    "sources/a\u2029b\x85c\x0bd\x0ce\x1cf/source.txt",
    "sources/a\x00b\x1b[31mred/source.txt",
    'sources/quote " and back\\slash\n/source.txt',
    "sources/a #b: c/source.txt",
    "sources/\ufeffbom\u202ertl/source.txt",
    "sources/x\n...\n/source.txt",
]


def fence_count(block: str) -> int:
    return sum(1 for line in block.split("\n") if line == "---")


@pytest.mark.parametrize("source", HOSTILE_PATHS)
def test_a_hostile_source_path_stays_inside_the_notice_and_its_field(source):
    plain = FrontMatter(title="Tiêu đề", key="k", lang="vi", source="sources/k/source.txt", authors=("A",))
    block = dataclasses.replace(plain, source=source).dump()
    text = block + "Nội dung.\n"
    assert read_block(text, "k.md")["source"] == source
    assert generated_source(text) == source, "ownership reads back the same source"
    assert block.splitlines() == block.split("\n")[:-1], "no character other than LF breaks a line"
    assert len(block.split("\n")) == len(plain.dump().split("\n")), "the value adds no line"
    assert fence_count(block) == 2 and block.startswith("---\n") and block.endswith("\n---\n")
    notice = block.split("\n")[1]
    assert notice.startswith(GENERATED_MARK) and notice.endswith("the next ingest overwrites it.")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_no_source_path_can_break_out_of_the_front_matter(name):
    source = f"sources/{name}/source.txt"
    fm = FrontMatter(title=name or "t", key="k", lang="vi", source=source, authors=(name,), kicker=name or None)
    block = fm.dump()
    data = read_block(block + "body\n", "k.md")
    assert data["source"] == source and data["title"] == (name or "t") and data["authors"] == [name]
    assert block.splitlines() == block.split("\n")[:-1]
    assert fence_count(block) == 2


def test_an_ordinary_notice_is_unchanged():
    block = FrontMatter(title="T", key="k", lang="vi", source="sources/k/source.txt").dump()
    assert block.split("\n")[1] == (
        "# Generated by `make ingest` from sources/k/source.txt. Do not edit this file: the next ingest overwrites it."
    )
    assert "\nsource: sources/k/source.txt\n" in block


# 3. A bad meta.yml or events.yml: refused for that file, with its line; the others go on ---------------------


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("key: a\ntitle: !!python/object:os.system {vi: x}\n", 2, "tags"),
        ("key: !foo a\n", 1, "tags"),
        ("key: a\ndate: !!timestamp 2025-02-19\n", 2, "tags"),
        ("key: a\ndate: " + "9" * 5000 + "\n", 2, "a number 5000 characters long"),
        ("key: a\n? [a, b]\n: 1\n", 2, "key"),
        ("key: a\n<<: {title: {vi: x}}\n", 2, "<<"),
        ("key: a\nkey: b\n", 2, "`key` is given twice"),
        ("key: a\ntitle:\n  vi: Một\n  vi: Hai\n", 4, "`vi` is given twice"),
        ("key: a\nlines: {3: caption, 3: drop}\n", 2, "`3` is given twice"),
        ("key: a\nlines: {3: {role: caption, role: drop}}\n", 2, "`role` is given twice"),
        ("key: &k a\n", 1, "anchors"),
        ("key: a\ntitle: &t {vi: x}\nauthors: *t\n", 2, "anchors"),
        ("key: a\ntitle:\n" + "".join(" " * i + f"k{i}:\n" for i in range(1, 30)), 12, "levels deep"),
    ],
)
def test_a_meta_yml_that_yaml_would_choke_on_is_refused_with_its_line(text, line, message):
    err = meta_error(text)
    assert err.path == "sources/x/meta.yml" and err.line == line and message in err.message, err.render()
    assert err.fix


def test_a_meta_yml_with_a_tag_is_reported_and_the_other_sources_are_ingested(repo, capsys):
    folder = add(repo, "tagged", {"source.txt": f"Tiêu đề\n{LEAD}\n"})
    (folder / "meta.yml").write_text("key: tagged\ntitle: !!python/object/apply:os.system [id]\n", encoding="utf-8")
    refused(repo, capsys, "sources/tagged/meta.yml:2", "tags", "remove the tag")


def test_a_value_quoted_in_a_message_is_cut_short():
    err = meta_error("key: " + "x" * 5000 + "\n")
    assert "not a valid key" in err.message and len(err.render()) < 400


def in_a_child(code: str, memory: int = 2 << 30) -> subprocess.CompletedProcess:
    """Run `code` in a Python of its own, limited in memory and time: an attack that
    crashes, swells or hangs the interpreter fails the test instead of the test run."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return subprocess.run(
        [sys.executable, "-"], input=code, capture_output=True, text=True, timeout=60, preexec_fn=limit, cwd=ROOT
    )


def alias_bomb(levels: int = 9) -> str:
    """A small YAML value that expands to 9**levels items."""
    rows = ["  - &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    rows += [f"  - &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, levels)]
    return "\n".join(rows) + "\n"


def test_an_alias_bomb_in_meta_yml_is_refused_at_once():
    text = "key:\n" + alias_bomb()
    assert len(text.encode()) < 2000
    done = in_a_child(
        "import time; from scripts.ingest.meta_yml import load; from scripts.ingest.model import SourceError\n"
        f"start = time.monotonic()\ntry:\n    load('sources/x/meta.yml', {text!r})\n"
        "except SourceError as err:\n    print(err.render()); print(time.monotonic() - start)\n"
    )
    assert done.returncode == 0, done.stderr[-2000:]
    message, seconds = done.stdout.rsplit("\n", 2)[:2]
    assert "sources/x/meta.yml:2: " in message and "anchors" in message and float(seconds) < 1


def test_an_alias_bomb_in_events_yml_is_refused_at_once():
    text = "spring:\n  vi: x\n  zh: y\n  uk: z\nbomb:\n  zh: y\n  uk: z\n  vi:\n" + alias_bomb().replace(
        "  - ", "    - "
    )
    done = in_a_child(
        "from scripts.contract import EventsError, parse_events\n"
        f"try:\n    parse_events({text!r})\nexcept EventsError as err:\n    print(err.line, err)\n"
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith("9 ") and "anchors" in done.stdout


@pytest.mark.parametrize("opening", ["[", "{a: ", "- "])
def test_deep_nesting_in_meta_yml_is_refused_not_a_crash(opening):
    text = "key: a\ntitle:\n  " + opening * 60_000 + "\n"
    done = in_a_child(
        "from scripts.ingest.meta_yml import load; from scripts.ingest.model import SourceError\n"
        f"try:\n    load('sources/x/meta.yml', {text!r})\nexcept SourceError as err:\n    print(err.render())\n"
    )
    assert done.returncode == 0, f"the interpreter died ({done.returncode}): {done.stderr[-500:]}"
    assert "sources/x/meta.yml:3: " in done.stdout and "levels deep" in done.stdout


def test_deep_nesting_in_events_yml_is_refused_not_a_crash():
    done = in_a_child(
        "from scripts.contract import EventsError, parse_events\n"
        "try:\n    parse_events('spring: ' + '[' * 60_000)\nexcept EventsError as err:\n    print(err.line, err)\n"
    )
    assert done.returncode == 0, f"the interpreter died ({done.returncode}): {done.stderr[-500:]}"
    assert done.stdout.startswith("1 ") and "levels deep" in done.stdout


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("a: &x {vi: x, zh: y, uk: z}\nb: *x\n", 1, "anchors"),
        ("a: !!python/name:os.system {vi: x, zh: y, uk: z}\n", 1, "tags"),
        ("a: {vi: x, zh: y, uk: z}\na: {vi: x, zh: y, uk: z}\n", 2, "`a` is given twice"),
        ("a: {vi: x, vi: x, zh: y, uk: z}\n", 1, "`vi` is given twice"),
        ("? [a, b]\n: {vi: x, zh: y, uk: z}\n", 1, "key"),
        ("a: {vi: 2025-02-30, zh: y, uk: z}\n", 1, "cannot be read"),
        ('"spring\\n": {vi: x, zh: y, uk: z}\n', 1, "event id"),
        ("a: {vi: x, zh: y}\n", None, "a name in each language"),
        ("a: {vi: [x], zh: y, uk: z}\n", 1, "each name must be text"),
    ],
)
def test_an_events_yml_that_yaml_would_choke_on_is_refused_with_its_line(text, line, message):
    with pytest.raises(EventsError) as caught:
        parse_events(text)
    assert caught.value.line == line and message in caught.value.message, caught.value
    assert caught.value.fix


def test_make_new_reserves_keys_past_a_meta_yml_it_cannot_read(tmp_path):
    from scripts.new import taken_keys

    for name, text in {
        "deep": "key: a\ntitle: " + "[" * 3000 + "\n",
        "bomb": "key: b\nauthors:\n" + alias_bomb(3),
        "good": "key: 2025-02-19-good\n",
    }.items():
        (tmp_path / name).mkdir()
        (tmp_path / name / "meta.yml").write_text(text, encoding="utf-8")
    assert taken_keys(tmp_path) == {"deep", "bomb", "good", "2025-02-19-good"}


def test_an_unexpected_error_in_one_source_is_reported_and_the_others_are_ingested(repo, capsys, monkeypatch):
    from scripts.ingest import batch

    real = batch.ingest

    def ingest(source):
        if "boom" in source.path:
            raise RecursionError("maximum recursion depth exceeded")
        return real(source)

    monkeypatch.setattr(batch, "ingest", ingest)
    add(repo, "boom", {"source.txt": f"Tiêu đề\n{LEAD}\n"})
    out = refused(repo, capsys, "sources/boom", "RecursionError: maximum recursion depth", "report")
    assert "Traceback" not in out


# 2. Saved pages nested deeper than lxml's default limit, or than Python's recursion limit ---------------------

LAST = "Đoạn cuối cùng của bài viết nằm ở tầng sâu nhất của trang, sau hai nghìn lớp thẻ div lồng nhau."


def deep_page(depth: int) -> str:
    return (
        "<html><head><title>Hai tỉnh ký kết thỏa thuận hợp tác</title></head><body><article>"
        f"<h1>Hai tỉnh ký kết thỏa thuận hợp tác</h1><p>{LEAD}</p>"
        + "<div>" * depth
        + f"<p>{LEAD.replace('hai bên', 'các bên')}</p><p>{LAST}</p>"
        + "</div>" * depth
        + "</article></body></html>"
    )


def test_a_page_nested_2000_levels_deep_is_read_to_its_last_paragraph(repo, capsys):
    add(repo, "deep-page", {"source.html": deep_page(2000)})
    code, out = run(repo, capsys)
    assert code == 0, out
    article = (repo / "docs" / "vi" / "articles" / "deep-page.md").read_text(encoding="utf-8")
    assert LAST in article


def test_a_page_nested_deeper_than_the_parser_reads_is_refused(repo, capsys):
    add(repo, "deeper-page", {"source.html": deep_page(3000)})
    refused(repo, capsys, "sources/deeper-page/source.html", "nested more than 2048 levels", "copy the article's text")


# 5. Shell injection through make's variables -----------------------------------------------------------------


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    """A scratch copy of the repository (tests aside) to run make in."""
    return worktree.copy(tmp_path_factory.mktemp("clone") / "repo", skip=lambda path: path.parts[0] == "tests")


def make(repo: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "FILE", "SOURCE")}
    return subprocess.run(
        ["make", "--no-print-directory", f"VENV={ROOT / '.venv'}", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.mark.parametrize(
    "value",
    [
        "x`touch PWNED`.txt",  # a browser names a saved page after its title
        'x"; touch PWNED; echo ".txt',
        "$(shell touch PWNED).txt",  # make's own functions
    ],
)
def test_make_new_runs_nothing_a_file_name_holds(clone, value):
    (clone / "PWNED").unlink(missing_ok=True)
    done = make(clone, "new", f"FILE={value}")
    assert not (clone / "PWNED").exists(), "the file name ran a command"
    assert done.returncode != 0 and "no such file" in done.stdout + done.stderr
    assert value in done.stdout + done.stderr, "the name reached the script as it was typed"


def test_make_new_takes_a_file_whose_name_has_quotes_and_dollars(clone, tmp_path):
    saved = tmp_path / 'Bài "mới" $HOME\'s `date`.txt'
    saved.write_text(f"Hai tỉnh ký kết thỏa thuận hợp tác\n\n{LEAD}\n", encoding="utf-8")
    done = make(clone, "new", f"FILE={saved}")
    assert "Created sources/2024-03-03-hai-tinh-ky-ket-thoa-thuan/" in done.stdout, done.stdout + done.stderr


@pytest.mark.parametrize("value", ["x`touch PWNED`", "x;touch PWNED", "$(shell touch PWNED)"])
def test_make_preview_runs_nothing_a_source_name_holds(clone, value):
    (clone / "PWNED").unlink(missing_ok=True)
    done = make(clone, "preview", f"SOURCE={value}")
    assert not (clone / "PWNED").exists(), "the source name ran a command"
    assert done.returncode != 0 and f"not a source folder (no meta.yml): {value}" in done.stderr


# 6. Two ingests at once; a run killed halfway ------------------------------------------------------------------


def test_a_stale_file_another_run_already_deleted_is_no_error(tmp_path):
    from scripts.ingest import write

    gone = tmp_path / "vi" / "articles" / "gone.md"
    result = write.Plan(delete=[gone])
    write.apply(result, {})  # another ingest deleted it between this one's plan and its writes
    assert not gone.exists()


def test_a_second_ingest_waits_for_the_first(repo):
    import fcntl

    (repo / "build").mkdir()
    held = os.open(repo / "build", os.O_RDONLY)
    fcntl.flock(held, fcntl.LOCK_EX)  # as a first ingest holds it while it writes
    second = subprocess.Popen(
        [sys.executable, "-m", "scripts.ingest", "--sources-dir", str(repo / "sources"), "--quiet"],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    try:
        first_line = second.stderr.readline()  # "" when it ends without waiting
        assert "waiting for another ingest" in first_line, "the second ingest did not wait for the first"
        assert not (repo / "docs").exists(), "it writes nothing while the first holds the lock"
    finally:
        os.close(held)
        rest = second.communicate(timeout=120)[1]
    assert second.returncode == 0, rest
    assert (repo / "docs" / GOOD_ARTICLE).is_file()


def test_half_written_files_a_killed_run_left_are_cleaned_and_ignored_by_git(repo, capsys):
    assert run(repo, capsys)[0] == 0
    leftovers = [
        repo / "docs" / "vi" / "articles" / f".{GOOD}.md.k3_x9a0q.tmp",
        repo / "docs" / "zh" / "articles" / ".other.md.abcdefgh.tmp",
    ]
    for leftover in leftovers:
        leftover.parent.mkdir(parents=True, exist_ok=True)
        leftover.write_text("---\ntitle: half", encoding="utf-8")
    keep = repo / "docs" / "vi" / "articles" / ".notes.tmp"  # not a name write.py makes
    keep.write_text("mine", encoding="utf-8")
    code, out = run(repo, capsys)
    assert code == 0, out
    assert not any(p.exists() for p in leftovers) and keep.exists()
    assert "removed 2 half-written files an interrupted ingest left" in out
    ignored = subprocess.run(
        ["git", "check-ignore", "--no-index", "-q", f"docs/vi/articles/.{GOOD}.md.k3_x9a0q.tmp"], cwd=ROOT
    )
    assert ignored.returncode == 0, "git would commit a half-written file"


# 7. The cache vouches for docs/ by size and mtime only ---------------------------------------------------------


def test_check_compares_content_even_when_size_and_mtime_are_as_the_cache_remembers(repo, capsys):
    assert run(repo, capsys)[0] == 0  # the cache now remembers the article's size and mtime
    article = repo / "docs" / GOOD_ARTICLE
    before = article.stat()
    text = article.read_text(encoding="utf-8")
    tampered = text.replace("Gặp gỡ", "Gặp gở", 1)
    assert tampered != text and len(tampered.encode()) == before.st_size
    article.write_text(tampered, encoding="utf-8")
    os.utime(article, ns=(before.st_atime_ns, before.st_mtime_ns))
    code, out = run(repo, capsys, "--check")
    assert code == 1 and f"would update: docs/{GOOD_ARTICLE.as_posix()}" in out.replace(f"{repo}/", "")


def test_the_cache_fingerprint_holds_the_versions_of_the_libraries_the_pipeline_uses(monkeypatch):
    from importlib import metadata

    from scripts.ingest import cache

    before = cache.code_version()
    real = metadata.version
    for library in ("trafilatura", "lxml", "py3langid", "ftfy", "charset-normalizer", "hanzidentifier", "PyYAML"):
        monkeypatch.setattr(metadata, "version", lambda name, lib=library: "0.0-other" if name == lib else real(name))
        assert cache.code_version() != before, f"a new {library} would not invalidate the cache"
    monkeypatch.setattr(metadata, "version", real)
    assert cache.code_version() == before


def test_the_cache_fingerprint_holds_the_contract_that_writes_front_matter():
    from scripts.ingest import cache

    assert ROOT / "scripts" / "contract.py" in cache.code_files()


# 8. What sources/ holds that is not ingested is said, not skipped in silence -----------------------------------


def test_a_dot_folder_and_a_stray_file_in_sources_are_reported_as_warnings(repo, capsys):
    add(repo, ".draft", {"source.txt": f"Tiêu đề\n{LEAD}\n"}, key="draft")
    (repo / "sources" / "bai-viet.txt").write_text(f"Tiêu đề\n{LEAD}\n", encoding="utf-8")
    (repo / "sources" / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")  # a file system's own: not worth a word
    code, out = run(repo, capsys)
    assert code == 0, out
    assert "warning: sources/.draft: not ingested: its name starts with a dot" in out
    assert "warning: sources/bai-viet.txt: not ingested: a file directly in sources/" in out
    assert ".DS_Store" not in out
    report = json.loads((repo / "build" / "report.json").read_text(encoding="utf-8"))
    assert {w["source"] for w in report["warnings"]} == {"sources/.draft", "sources/bai-viet.txt"}
    assert not (repo / "docs" / "vi" / "articles" / "draft.md").exists()
    code, out = run(repo, capsys, "--check")
    assert code == 0 and "warning: sources/.draft" in out


# 9. Line numbers are an editor's: LF, CRLF and CR end a line, nothing else ------------------------------------


def test_only_lf_crlf_and_cr_end_a_line():
    from scripts.ingest.text import split_lines

    lines = split_lines("a\x0cb\nc\u2028d\r\ne\x85f\rg\x0bh\u2029i\x1cj\n")
    assert [(line.no, line.text) for line in lines] == [(1, "a b"), (2, "c d"), (3, "e f"), (4, "g h i j")]


def test_a_form_feed_does_not_shift_the_line_numbers_of_an_article():
    from .helpers import DAY, article, ingest_text

    text = f"Tiêu đề bài viết\n\n{LEAD}\x0c(tiếp theo)\n\nHai bên nhất trí tăng cường hợp tác.\n"
    result = ingest_text(text, date=DAY)
    assert article(result, "vi").lines[-2:] == (3, 5), "the paragraphs are on lines 3 and 5, as an editor counts"


def test_mojibake_repair_numbers_lines_as_an_editor_does():
    from scripts.ingest.decode import repair_mojibake

    text, repaired = repair_mojibake("Trang 1\x0cTrang 2\u2028vẫn dòng một\nChÆ°Æ¡ng trÃ¬nh\n")
    assert repaired == [2] and text == "Trang 1\x0cTrang 2\u2028vẫn dòng một\nChương trình\n"


def test_a_refusal_in_a_file_with_classic_mac_line_ends_names_the_editors_line():
    from scripts.ingest.decode import decode

    data = b"Line one\rLine two\rLine three\rCaf\xe9 cr\xe8me br\xfbl\xe9e, na\xefve fa\xe7ade.\r"
    with pytest.raises(SourceError) as caught:
        decode(data, "sources/x/source.txt")
    assert caught.value.line == 4


def test_a_meta_yml_that_is_not_utf8_names_the_editors_line_with_cr_line_ends(repo, capsys):
    folder = add(repo, "meta-cr", {"source.txt": f"Tiêu đề\n{LEAD}\n"})
    (folder / "meta.yml").write_bytes(b'key: meta-cr\rdate: 2025-02-19\rtitle: {vi: "\xc4\xe0 N\xb5ng"}\r')
    refused(repo, capsys, "sources/meta-cr/meta.yml:3", "not UTF-8", "save it as UTF-8")


def test_a_meta_yml_error_names_the_editors_line_past_a_unicode_line_separator():
    err = meta_error("key: a # ghi chú\u2028còn ghi chú\ntitle: {vi: Một, vi: Hai}\n")
    assert err.line == 2 and "`vi` is given twice" in err.message


def test_make_new_shows_a_file_name_with_terminal_escapes_escaped(tmp_path, capsys):
    from scripts.new import main as new

    saved = tmp_path / "bài\x1b]0;pwned\x07\x1b[2Jmới.txt"
    saved.write_text(f"Hai tỉnh ký kết thỏa thuận hợp tác\n\n{LEAD}\n", encoding="utf-8")
    new([str(saved), "--sources-dir", str(tmp_path / "sources")])
    missing = tmp_path / "không có\x1b[2J.txt"
    assert new([str(missing), "--sources-dir", str(tmp_path / "sources")]) == 1
    out = capsys.readouterr()
    assert "\x1b" not in out.out + out.err, "a file's name cannot drive the editor's terminal"
    assert "\\x1b[2Jmới.txt" in out.out and "không có\\x1b[2J.txt" in out.err
