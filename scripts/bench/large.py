"""A bilingual source of about 2 MB (the largest source.txt ingestion accepts), and its alignment measured.

    python -m scripts.bench.large FOLDER     (prints one line of JSON)

`write` deals the real sources' translation pairs out into one long
bilingual text, Chinese paragraph then Vietnamese, with a photo caption now
and then and, here and there, a Vietnamese paragraph with no translation: the
shapes the alignment meets in real sources. The command ingests it as
`make ingest` would, then aligns its two articles' blocks once more on their
own, and prints how long each took; `make bench` runs it in a process of its
own to measure that process's peak memory.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

import yaml

from scripts.ingest import pairing
from scripts.ingest import sources as sources_mod
from scripts.ingest.align import align
from scripts.ingest.pipeline import ingest

from .corpus import Pools

SIZE = 2_000_000  # bytes: source.txt's limit (scripts/ingest/decode.py)


def write(pools: Pools, folder: Path, size: int = SIZE, seed: int = 0) -> Path:
    """A source folder holding a bilingual source.txt of just under `size` bytes."""
    rng = random.Random(seed)
    lines = ["Gặp gỡ đầu Xuân: toàn văn các bài phát biểu 2025 新春会晤讲话全文二〇二五年"]
    total = len(lines[0].encode()) + 1
    while True:
        zh, vi = rng.choice(pools.pairs)
        chunk = [zh, vi]
        if rng.random() < 0.1 and pools.captions.get("vi"):
            chunk = ["", rng.choice(pools.captions["vi"]), *chunk]
        if rng.random() < 0.03:
            chunk.append(rng.choice(pools.paragraphs["vi"]))
        grown = sum(len(line.encode()) + 1 for line in chunk)
        if total + grown > size:
            break
        lines += chunk
        total += grown
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "source.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    meta = {"key": "bench-large-bilingual", "original": "vi", "date": "2025-02-19"}
    (folder / "meta.yml").write_text(yaml.safe_dump(meta), encoding="utf-8")
    return folder


def measure(folder: Path) -> dict:
    """Ingest the source, then align its articles' blocks alone: the seconds each took, and the sizes."""
    source = sources_mod.load(folder, folder.parent, None)
    start = time.perf_counter()
    result = ingest(source)
    ingested = time.perf_counter() - start
    vi, zh = sorted(result.articles, key=lambda a: a.lang != "vi")
    units_vi, units_zh = pairing.units(vi), pairing.units(zh)
    start = time.perf_counter()
    pairs = align(units_vi, units_zh)
    aligned = time.perf_counter() - start
    return {
        "bytes": (folder / "source.txt").stat().st_size,
        "paragraphs": [len(units_vi), len(units_zh)],
        "pairs": sum(1 for xs, ys in pairs if xs and ys),
        "ingest_s": round(ingested, 2),
        "align_s": round(aligned, 2),
    }


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]))))
