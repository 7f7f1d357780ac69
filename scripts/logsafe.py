"""Text from sources (folder names, paths, titles, dropped lines) as it may be printed.

What a command prints is read by more than a person. A terminal obeys escape
sequences (ESC ...) and CR rewrites the line on screen. GitHub Actions' runner
reads every line a step prints for *workflow commands*: a line that starts
with `::` after leading whitespace (`::add-mask::…`, `::error::…`,
`::stop-commands::…`), and the legacy form `##[command]…` anywhere in a line;
it splits lines at CR as well as at LF (actions/runner,
src/Runner.Common/ActionCommand.cs: TryParseV2 trims, then wants `::`; TryParse
looks for `##[` with IndexOf). A source folder named `::add-mask::…`, printed as
it is, would hide text from the log, or `::stop-commands::…` would silence
every real annotation after it.

`text()` is the one place that makes such text safe to print, used by every
printer that shows source data (the ingest summary and `make check`,
`make new`, `make linkcheck`, the dev server):

- always: control characters other than LF and TAB (CR, ESC, C1 controls, DEL)
  and the bidirectional overrides are shown as escapes (`\\r`, `\\x1b`,
  `\\u202e`), so no value can start a line, move the cursor or reorder text;
- under GitHub Actions (GITHUB_ACTIONS=true): a line that would start with
  `::` starts with `\\::` instead, and every `##[` becomes `#\\#[`. The log
  shows the name, visibly escaped; the runner sees no command.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

# C0 controls but TAB and LF, DEL, C1 controls (NEL U+0085 among them), and the
# bidirectional embedding, override and isolate controls ("Trojan source").
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\r": "\\r", "\x0b": "\\v", "\x0c": "\\f", "\x1b": "\\x1b"}
_LEGACY_COMMAND = "##["  # anywhere in a line
_COMMAND = "::"  # at the start of a line, after any whitespace


def under_ci(environ: Mapping[str, str] | None = None) -> bool:
    """Whether the output is read by GitHub Actions' runner."""
    return (os.environ if environ is None else environ).get("GITHUB_ACTIONS") == "true"


def _escape_control(match: re.Match[str]) -> str:
    char = match.group(0)
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def _neutralize(line: str) -> str:
    line = line.replace(_LEGACY_COMMAND, "#\\#[")
    # The runner trims with .NET's Char.IsWhiteSpace; Python's str.isspace
    # covers every character it does (and a few more).
    body = line.lstrip()
    if body.startswith(_COMMAND):
        line = line[: len(line) - len(body)] + "\\" + body
    return line


def text(value: str, environ: Mapping[str, str] | None = None) -> str:
    """`value` (one line or many) as it may be printed to a terminal or a CI log."""
    value = _CONTROL.sub(_escape_control, value)
    if under_ci(environ):
        value = "\n".join(_neutralize(line) for line in value.split("\n"))
    return value
