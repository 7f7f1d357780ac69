"""Source names, paths and titles never become workflow commands in a CI log (scripts/logsafe.py).

GitHub's runner acts on a printed line that starts with `::` after leading
whitespace, and on `##[` anywhere in a line; it splits lines at CR too. The
tests read our commands' output as the runner would and find no command in
it, with hostile names and titles under GITHUB_ACTIONS=true.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scripts import linkcheck, logsafe, new

from .helpers import ROOT, SOURCES

CI = {"GITHUB_ACTIONS": "true"}


def runner_commands(output: str) -> list[str]:
    """The lines of `output` GitHub's runner would take for workflow commands.

    A model of actions/runner's ActionCommand: TryParseV2 (`::name …::data` at the start
    after TrimStart) and TryParse (`##[name …]data` anywhere). Any name counts, registered or not.
    """
    found = []
    for line in re.split(r"\r\n|\r|\n", output):
        body = line.lstrip()
        legacy = line.find("##[")
        if (body.startswith("::") and body.find("::", 2) > 0) or (legacy >= 0 and "]" in line[legacy + 3 :]):
            found.append(line)
    return found


def test_the_model_of_the_runner_finds_commands():
    assert runner_commands("ok\n  ::add-mask::x\n") == ["  ::add-mask::x"]
    assert runner_commands("a\r::error::b") == ["::error::b"]
    assert runner_commands("name x##[add-mask]y z") == ["name x##[add-mask]y z"]
    assert runner_commands("\u3000::stop-commands::t") == ["\u3000::stop-commands::t"]
    assert runner_commands("a :: b ::c\n# [x]") == []


# --- the helper ------------------------------------------------------------------------------

HOSTILE = [
    "::add-mask::secret",
    "  ::set-output name=x::y",
    "\t\u3000\u00a0::stop-commands::token",
    "folder\n::error file=a::injected",
    "folder\r::add-mask::after a carriage return",
    "folder\r\n::warning::after CRLF",
    "a##[add-mask]b",
    "###[set-output name=x;]y",
    "sources/x##[error]y/source.txt: message",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_under_ci_no_command_survives(value):
    assert runner_commands(value), "the case is an attack"
    shown = logsafe.text(value, CI)
    assert runner_commands(shown) == []


@pytest.mark.parametrize("value", HOSTILE)
def test_the_name_stays_readable(value):
    shown = logsafe.text(value, CI)
    # Only escapes are added: the letters of the name are all there, in order.
    assert re.sub(r"[^\w]", "", shown.replace("\\r", "").replace("\\x", "")) == re.sub(r"[^\w]", "", value)


def test_escaping_twice_changes_nothing_more():
    for value in HOSTILE:
        once = logsafe.text(value, CI)
        assert logsafe.text(once, CI) == once


def test_control_characters_are_shown_as_escapes_everywhere():
    value = "a\x1b[2Jb\rc\x07d\x85e\u202ef\x7fg"
    assert logsafe.text(value, {}) == "a\\x1b[2Jb\\rc\\x07d\\x85e\\u202ef\\x7fg"


def test_outside_ci_and_for_ordinary_text_nothing_changes():
    assert logsafe.text("::add-mask::x", {}) == "::add-mask::x"
    text = "  sources/2024-01-01-gap-go: vi zh · 3 lines dropped\n\twarning: 会晤 · Весняна зустріч → …"
    assert logsafe.text(text, CI) == text
    assert logsafe.under_ci({"GITHUB_ACTIONS": "true"}) and not logsafe.under_ci({"GITHUB_ACTIONS": "false"})


# --- the printers ----------------------------------------------------------------------------


def hostile_source(sources: Path, name: str) -> Path:
    folder = sources / name
    folder.mkdir()
    shutil.copy(SOURCES / "2021-04-09-spring-meeting" / "source.txt", folder / "source.txt")
    (folder / "meta.yml").write_text("key: 2021-04-09-hostile-name\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    "name", ["x##[add-mask]Chương trình", "x\n::add-mask::Chương trình"], ids=["legacy", "newline"]
)
def test_the_ingest_summary_and_make_check_print_no_command(repo_copy, name):
    hostile_source(repo_copy / "sources", name)
    for args in ([], ["--check"]):
        done = subprocess.run(
            [sys.executable, "-m", "scripts.ingest", "--sources-dir", str(repo_copy / "sources"), *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={**os.environ, **CI},
        )
        output = done.stdout + done.stderr
        assert "add-mask" in output, "the name is printed"
        assert runner_commands(output) == [], output


def test_make_new_prints_no_command_from_a_file_name_or_a_title(repo_copy, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    text = (SOURCES / "2021-04-09-spring-meeting" / "source.txt").read_text(encoding="utf-8")
    saved = tmp_path / "tin ##[add-mask]bí mật.txt"  # "Save page as" names the file after the page's title
    saved.write_text("::add-mask::" + text, encoding="utf-8")
    new.main([str(saved), "--sources-dir", str(repo_copy / "sources")])
    out, err = capsys.readouterr()
    assert "add-mask]bí mật" in out and "::add-mask::Chương" in out, "the name and the title are printed"
    assert runner_commands(out + err) == [], out + err


def test_linkcheck_prints_no_command_from_a_page(tmp_path, capfd, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    (tmp_path / "index.html").write_text(
        '<a href="gone##[add-mask]secret">x</a> <a href="%0D::add-mask::s2">y</a>', encoding="utf-8"
    )
    assert linkcheck.main([str(tmp_path), "--site-url", "http://127.0.0.1:8000/"]) != 0
    out, err = capfd.readouterr()
    assert "add-mask]secret" in out, "lychee names the broken link"
    assert runner_commands(out + err) == [], out + err
