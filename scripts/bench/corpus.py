"""A synthetic archive of any size, recombined from the real sources' text.

The benchmark needs thousands of articles that look like ours to ingestion
and to the site: the same scripts, paragraph lengths, captions, headings,
bilingual interleaving and furniture. So it takes the real paragraphs (as the
pipeline cleans them) and deals them out again, deterministically, into raw
`source.txt` files with `meta.yml` beside them.

For N articles per language: 60% of keys come from bilingual vi+zh sources,
10% from a Vietnamese source and its Chinese translation in a source of its
own (aligned across the two at ingest), the rest of vi and zh from
one-language sources; N uk sources, 30% of which report an event that a
bilingual source also covers (a shared key).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from scripts.ingest.model import Result

UK_MONTHS = "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня".split()
FURNITURE = {
    "vi": ["Lượt xem: {n}", "Tin khác", "1\u00a02\u00a03\u00a04\u00a05\u00a0\u00a0...\u00a0"],
    "zh": ["浏览次数：{n}", "相关新闻"],
    "uk": ["Коментар (0)", "Переглядів: {n}"],
}


@dataclass
class Pools:
    """Real text to deal from, per language."""

    paragraphs: dict[str, list[str]] = field(default_factory=dict)
    captions: dict[str, list[str]] = field(default_factory=dict)
    headings: dict[str, list[str]] = field(default_factory=dict)
    pairs: list[tuple[str, str]] = field(default_factory=list)  # (zh, vi) translations
    heading_pairs: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class SyntheticSource:
    folder: str
    text: str
    meta: dict


def pools_from(results: list[Result]) -> Pools:
    pools = Pools()
    for result in results:
        by_lang = {a.lang: a for a in result.articles}
        for art in result.articles:
            for block in art.blocks:
                kind = {"paragraph": pools.paragraphs, "caption": pools.captions, "heading": pools.headings}
                if block.kind in kind and not block.text[:3].strip(" (").rstrip(".").isdigit():
                    kind[block.kind].setdefault(art.lang, []).append(block.text)
        vi, zh = by_lang.get("vi"), by_lang.get("zh")
        if vi and zh and "vi" in zh.alignment:
            for ours, theirs in zh.alignment["vi"]:
                if len(ours) == 1 and len(theirs) == 1:
                    zb, vb = zh.blocks[ours[0] - 1], vi.blocks[theirs[0] - 1]
                    target = pools.heading_pairs if zb.kind == "heading" else pools.pairs
                    if zb.kind == vb.kind and zb.kind in ("paragraph", "heading"):
                        target.append((zb.text, vb.text))
    for lang in ("vi", "zh", "uk"):
        if not pools.paragraphs.get(lang):
            raise ValueError(f"no {lang} paragraphs in the sources to build a corpus from")
    return pools


def generate(pools: Pools, n: int, seed: int = 0) -> list[SyntheticSource]:
    """Sources that ingest into exactly `n` articles in each language."""
    rng = random.Random(seed)
    bilingual = round(n * 0.6) if pools.pairs else 0
    translated = round(n * 0.1) if pools.pairs else 0
    shared_uk = round(n * 0.3) if bilingual else 0
    out: list[SyntheticSource] = []
    bilingual_keys: list[tuple[str, date, str | None]] = []
    counter = 0

    def next_key(day: date) -> str:
        nonlocal counter
        counter += 1
        return f"{day.isoformat()}-bench-{counter:05d}"

    for _ in range(bilingual):
        day = _day(rng)
        key = next_key(day)
        event = _event(rng, day)
        bilingual_keys.append((key, day, event))
        out.append(SyntheticSource(key, _bilingual_text(rng, pools, day), _meta(key, event, original="vi")))
    for _ in range(translated):
        day = _day(rng)
        key = next_key(day)
        event = _event(rng, day)
        vi_text, zh_text = _translated_texts(rng, pools, day)
        out.append(SyntheticSource(key, vi_text, _meta(key, event)))
        out.append(
            SyntheticSource(f"{key}-zh", zh_text, _meta(key, event, relation="translation", translation_of="vi"))
        )
    for lang in ("vi", "zh"):
        for _ in range(n - bilingual - translated):
            day = _day(rng)
            key = next_key(day)
            event = _event(rng, day)
            out.append(SyntheticSource(key, _monolingual_text(rng, pools, lang, day), _meta(key, event)))
    for i in range(n):
        if i < shared_uk:
            key, day, event = bilingual_keys[i]
            folder = f"{key}-uk"
            meta = _meta(key, event, relation="report")
        else:
            day = _day(rng)
            key = folder = next_key(day)
            event = _event(rng, day)
            meta = _meta(key, event)
        out.append(SyntheticSource(folder, _monolingual_text(rng, pools, "uk", day), meta))
    return out


def events_of(sources: list[SyntheticSource]) -> dict[str, dict[str, str]]:
    years = sorted({s.meta["event"].rsplit("-", 1)[1] for s in sources if "event" in s.meta})
    return {
        f"spring-meeting-{y}": {"vi": f"Gặp gỡ đầu Xuân {y}", "zh": f"{y}年新春会晤", "uk": f"Весняна зустріч {y}"}
        for y in years
    }


def write(sources: list[SyntheticSource], sources_dir: Path) -> None:
    sources_dir.mkdir(parents=True, exist_ok=True)
    for src in sources:
        folder = sources_dir / src.folder
        folder.mkdir()
        (folder / "source.txt").write_text(src.text, encoding="utf-8")
        (folder / "meta.yml").write_text(
            yaml.safe_dump(src.meta, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    events = yaml.safe_dump(events_of(sources), allow_unicode=True, sort_keys=True)
    (sources_dir / "events.yml").write_text(events, encoding="utf-8")


def _meta(key: str, event: str | None, **extra) -> dict:
    meta = {"key": key}
    if event:
        meta["event"] = event
    meta.update(extra)
    return meta


def _day(rng: random.Random) -> date:
    return date(rng.randint(2005, 2025), rng.randint(1, 12), rng.randint(1, 28))


def _event(rng: random.Random, day: date) -> str | None:
    return f"spring-meeting-{day.year}" if rng.random() < 0.4 else None


def _dated(lang: str, day: date, paragraph: str) -> str:
    if lang == "vi":
        return f"Ngày {day.day} tháng {day.month} năm {day.year}, {paragraph[0].lower()}{paragraph[1:]}"
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日，{paragraph}"
    return f"{day.day} {UK_MONTHS[day.month - 1]} {day.year} року {paragraph[0].lower()}{paragraph[1:]}"


def _title(rng: random.Random, pools: Pools, lang: str, day: date) -> str:
    words = rng.choice(pools.paragraphs[lang])
    if lang == "zh":
        core = "".join(ch for ch in words if ch not in '，。、；：,.;:“”"《》（）()')[:24]
        return f"{day.year}年{core}"
    core = " ".join(words.replace(",", "").replace(".", "").split()[:9])
    return f"{core} {day.year}"


def _body_count(rng: random.Random) -> int:
    return rng.randint(4, 12)


def _monolingual_text(rng: random.Random, pools: Pools, lang: str, day: date) -> str:
    lines = [_title(rng, pools, lang, day), ""]
    paragraphs = rng.sample(pools.paragraphs[lang], min(_body_count(rng), len(pools.paragraphs[lang])))
    for i, para in enumerate(paragraphs):
        if i == 0:
            para = _dated(lang, day, para)
        elif pools.headings.get(lang) and rng.random() < 0.15:
            lines += [rng.choice(pools.headings[lang]), ""]
        lines += [para, ""]
        if pools.captions.get(lang) and rng.random() < 0.25:
            caption = rng.choice(pools.captions[lang])
            lines += [f"| {caption} |" if lang == "uk" else caption.rstrip("."), ""]
    lines += _furniture(rng, lang)
    return "\n".join(lines) + "\n"


def _bilingual_text(rng: random.Random, pools: Pools, day: date) -> str:
    vi_title, zh_title = _title(rng, pools, "vi", day), _title(rng, pools, "zh", day)
    lines = [f"{vi_title} {zh_title}"]
    pairs = rng.sample(pools.pairs, min(_body_count(rng), len(pools.pairs)))
    for i, (zh, vi) in enumerate(pairs):
        if i == 0:
            zh, vi = _dated("zh", day, zh), _dated("vi", day, vi)
        elif pools.heading_pairs and rng.random() < 0.15:
            lines += list(rng.choice(pools.heading_pairs))
        if pools.captions.get("vi") and rng.random() < 0.25:
            lines += ["", rng.choice(pools.captions["vi"])]  # a photo's caption, after the gap it left
        lines += [zh, vi]
    lines += _furniture(rng, "vi")
    return "\n".join(lines) + "\n"


def _translated_texts(rng: random.Random, pools: Pools, day: date) -> tuple[str, str]:
    """A Vietnamese article and its Chinese translation, each a source of its own."""
    pairs = rng.sample(pools.pairs, min(_body_count(rng), len(pools.pairs)))
    texts = {}
    for lang, side in (("vi", 1), ("zh", 0)):
        lines = [_title(rng, pools, lang, day), ""]
        for i, pair in enumerate(pairs):
            lines += [_dated(lang, day, pair[side]) if i == 0 else pair[side], ""]
        texts[lang] = "\n".join(lines + _furniture(rng, lang)) + "\n"
    return texts["vi"], texts["zh"]


def _furniture(rng: random.Random, lang: str) -> list[str]:
    if rng.random() < 0.5:
        return []
    return [line.format(n=rng.randint(10, 9999)) for line in FURNITURE[lang]]
