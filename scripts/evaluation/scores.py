"""Scores from judgements: per language group, per input kind, per field; and the floors they must keep."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

from .judge import Judgement


@dataclass
class Score:
    inputs: int = 0
    checks: int = 0
    right: int = 0
    keep_kept: int = 0  # kept, as expected
    keep_dropped: int = 0  # dropped, but it is body text
    drop_dropped: int = 0  # dropped, as expected
    drop_kept: int = 0  # kept, but it is furniture

    def add(self, judgement: Judgement) -> None:
        self.inputs += 1
        self.checks += len(judgement.checks)
        self.right += sum(c.ok for c in judgement.checks)
        for d in judgement.decisions:
            if d.keep:
                self.keep_kept += d.kept
                self.keep_dropped += not d.kept
            else:
                self.drop_dropped += not d.kept
                self.drop_kept += d.kept

    @property
    def fields(self) -> float | None:
        return self.right / self.checks if self.checks else None

    @property
    def decisions(self) -> int:
        return self.keep_kept + self.keep_dropped + self.drop_dropped + self.drop_kept

    @property
    def lines(self) -> float | None:
        return (self.keep_kept + self.drop_dropped) / self.decisions if self.decisions else None

    def precision_recall(self, keep: bool) -> tuple[float | None, float | None]:
        hit = self.keep_kept if keep else self.drop_dropped
        claimed = self.keep_kept + self.drop_kept if keep else self.drop_dropped + self.keep_dropped
        actual = self.keep_kept + self.keep_dropped if keep else self.drop_dropped + self.drop_kept
        return (hit / claimed if claimed else None, hit / actual if actual else None)


@dataclass
class Scores:
    total: Score
    by_group: dict[str, Score]
    by_kind: dict[str, Score]
    by_field: dict[str, tuple[int, int]]  # field -> (right, checked)


def score(judgements: list[Judgement]) -> Scores:
    total = Score()
    groups: dict[str, Score] = defaultdict(Score)
    kinds: dict[str, Score] = defaultdict(Score)
    fields: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for j in judgements:
        total.add(j)
        groups[j.input.group].add(j)
        kinds[j.input.kind].add(j)
        for c in j.checks:
            name = c.field.split(".", 1)[-1]
            fields[name][0] += c.ok
            fields[name][1] += 1
    return Scores(
        total,
        dict(sorted(groups.items())),
        dict(sorted(kinds.items())),
        {k: tuple(v) for k, v in sorted(fields.items())},
    )


# Floors ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Shortfall:
    what: str
    score: float | None
    floor: float


def load_floors(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def shortfalls(scores: Scores, floors: dict) -> list[Shortfall]:
    """Every pinned score that fell below its floor."""
    found = []
    pinned = [("all", scores.total, floors)] + [
        (f"kind {kind}", scores.by_kind.get(kind, Score()), values)
        for kind, values in (floors.get("kinds") or {}).items()
    ]
    for name, score_, values in pinned:
        for measure in ("fields", "lines"):
            floor = values.get(measure)
            got = getattr(score_, measure)
            if floor is not None and (got is None or got < floor):
                found.append(Shortfall(f"{name}: {measure}", got, floor))
    return found
