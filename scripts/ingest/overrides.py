"""What is said of particular lines before any heuristic runs.

Two voices: a saved page's markup (this block is the headline, that one a
caption) and the editor's `lines:` in meta.yml. The markup is a default; the
editor has the last word. Every later stage asks here first, so a line an
editor gave a role keeps it whatever the heuristics would have made of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Line, Role, Source, SourceError

# What a page's markup says that binds like an editor's word: its headline and its captions.
# Its headings are only hints: a heading can be a related list's or a sidebar's.
_BINDING = (Role.TITLE, Role.CAPTION)


@dataclass(frozen=True)
class Overrides:
    by_line: dict[int, dict]  # line number -> {"role": Role, "lang": str}, either or both
    hints: dict[int, Role] = field(default_factory=dict)  # what the markup suggests (headings)

    def role(self, no: int) -> Role | None:
        return self.by_line.get(no, {}).get("role")

    def hint(self, no: int) -> Role | None:
        return self.hints.get(no)

    def lang(self, no: int) -> str | None:
        return self.by_line.get(no, {}).get("lang")

    @property
    def kept(self) -> set[int]:
        """Lines given a role other than drop: article text, whatever they look like."""
        return {no for no, o in self.by_line.items() if o.get("role") not in (None, Role.DROP)}

    @property
    def dropped(self) -> set[int]:
        return {no for no, o in self.by_line.items() if o.get("role") == Role.DROP}


def gather(source: Source, lines: list[Line]) -> Overrides:
    """The page's roles overlaid with meta.yml's, after checking meta.yml names real lines."""
    _check(source, lines)
    roles = source.page.roles if source.page else {}
    by_line: dict[int, dict] = {no: {"role": role} for no, role in roles.items() if role in _BINDING}
    hints = {no: role for no, role in roles.items() if role not in _BINDING and no not in source.meta.lines}
    for no, override in source.meta.lines.items():
        by_line[no] = {**by_line.get(no, {}), **override}
    return Overrides(by_line, hints)


def _check(source: Source, lines: list[Line]) -> None:
    by_no = {line.no: line for line in lines}
    for no in source.meta.lines:
        line = by_no.get(no)
        if line is None or not line.text:
            raise SourceError(
                source.path,
                no,
                f"meta.yml sets `lines: {{{no}: ...}}` but line {no} is {'blank' if line else 'past the end'}",
                "point the override at the line number of a line with text",
            )
