"""Put generated files on disk: only what changed, never half a file.

Every write goes to a temporary file in the target folder and is renamed
over the target, so a reader (or `mkdocs serve`) sees the old file or the
new one, never a mix. Files whose bytes would not change are not touched,
which keeps a second ingest from rebuilding the site.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..contract import HEAD_BYTES, generated_source


@dataclass
class Plan:
    create: list[Path] = field(default_factory=list)
    update: list[Path] = field(default_factory=list)
    delete: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    reused: int = 0  # files known unchanged without being read (the ingest cache vouches for them)

    @property
    def changes(self) -> int:
        return len(self.create) + len(self.update) + len(self.delete)


def plan(outputs: dict[Path, str], existing_generated: list[Path]) -> Plan:
    """What writing `outputs` would do; `existing_generated` are stale-file candidates."""
    result = Plan()
    for path, text in sorted(outputs.items()):
        if not path.exists():
            result.create.append(path)
        elif path.read_bytes() != text.encode("utf-8"):
            result.update.append(path)
        else:
            result.unchanged.append(path)
    result.delete = sorted(p for p in existing_generated if p not in outputs)
    return result


def apply(result: Plan, outputs: dict[Path, str]) -> None:
    for path in (*result.create, *result.update):
        write_atomic(path, outputs[path].encode("utf-8"))
    for path in result.delete:
        path.unlink()


def write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def article_files(docs: str, languages: tuple[str, ...]) -> dict[str, str]:
    """Every Markdown file in the articles folders: path under docs/ -> full path."""
    found: dict[str, str] = {}
    for lang in languages:
        try:
            entries = list(os.scandir(f"{docs}/{lang}/articles"))
        except (FileNotFoundError, NotADirectoryError):
            continue
        for entry in entries:
            if entry.name.endswith(".md") and entry.is_file():
                found[f"{lang}/articles/{entry.name}"] = entry.path
    return found


def generated_by(path: str) -> str | None:
    """The `source:` a generated article names in its front matter: "" when it
    names none, None when ingestion did not write the file (no notice on top)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(HEAD_BYTES).decode("utf-8", "replace")
    except OSError:
        return None
    return generated_source(head)
