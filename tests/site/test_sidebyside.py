"""The side-by-side view model: which versions pair, the blocks of a body, rows, the structure note."""

from __future__ import annotations

import pytest

from scripts.contract import FrontMatter, Relation
from scripts.site import sidebyside
from scripts.site.sidebyside import Block, parse_body, rows


def version(lang: str, relation: str = "original", alignment=None, **fields) -> FrontMatter:
    return FrontMatter(
        title=f"t-{lang}", key="k", lang=lang, relation=Relation(relation), alignment=alignment or {}, **fields
    )


def blocks(*lengths: int, kind: str = "paragraph") -> list[Block]:
    return [Block(kind, f"b{n}", length) for n, length in enumerate(lengths, 1)]


def shape(found) -> list[tuple[list[str], list[str]]]:
    return [
        (
            [str(b.html) for b in row.left.blocks] if row.left else [],
            [str(b.html) for b in row.right.blocks] if row.right else [],
        )
        for row in found
    ]


# Which versions can be read side by side ----------------------------------------------------------


def test_a_translation_and_its_original_with_an_alignment_pair_both_ways():
    found = sidebyside.readable(
        {
            "vi": version("vi", alignment={"zh": (((1,), (1,)),)}),
            "zh": version("zh", "translation", {"vi": (((1,), (1,)),)}, translation_of="vi"),
        }
    )
    assert found == {"vi": ("zh",), "zh": ("vi",)}


def test_a_report_is_never_read_side_by_side_even_with_an_alignment():
    found = sidebyside.readable(
        {"vi": version("vi", alignment={"uk": (((1,), (1,)),)}), "uk": version("uk", "report", {"vi": ()})}
    )
    assert found == {}


def test_versions_without_an_alignment_between_them_are_not_paired():
    found = sidebyside.readable({"vi": version("vi"), "zh": version("zh", "translation", translation_of="vi")})
    assert found == {}


def test_one_side_of_the_alignment_is_enough_and_an_empty_one_still_counts():
    found = sidebyside.readable(
        {
            "vi": version("vi", alignment={"uk": ()}),  # aligned, but nothing paired: still shown (with a note)
            "zh": version("zh", "parallel"),
            "uk": version("uk", "translation", {"zh": (((1,), (1,)),)}, translation_of="vi"),
        }
    )
    assert found == {"vi": ("uk",), "zh": ("uk",), "uk": ("vi", "zh")}


def test_pairs_are_read_from_either_front_matter():
    vi = version("vi", alignment={"zh": (((1,), (1, 2)),)})
    zh = version("zh", "translation", translation_of="vi")
    assert sidebyside.pairs_between(vi, zh) == (((1,), (1, 2)),)
    assert sidebyside.pairs_between(zh, vi) == (((1, 2), (1,)),)


# The blocks of a body --------------------------------------------------------------------------------


def test_a_body_is_read_block_by_block_as_ingestion_writes_it():
    body = (
        "Ngày 25 tháng 2, hai bên \\*không\\* gặp &lt;b&gt; nhau &amp; 1\\. xong\n\n"
        "## Khẳng định cơ chế\n\n"
        "### Một tiểu mục \\#\n\n"
        '<figure class="caption"><figcaption>Quang cảnh &lt;hội nghị&gt;.</figcaption></figure>\n\n'
        "1\\. Về kinh tế\n"
    )
    found = parse_body(body)
    assert [(b.kind, b.level) for b in found] == [
        ("paragraph", 0),
        ("heading", 2),
        ("heading", 3),
        ("caption", 0),
        ("paragraph", 0),
    ]
    assert str(found[0].html) == "Ngày 25 tháng 2, hai bên *không* gặp &lt;b&gt; nhau &amp; 1. xong"
    assert str(found[1].html) == "Khẳng định cơ chế"
    assert str(found[2].html) == "Một tiểu mục #"
    assert str(found[3].html) == "Quang cảnh &lt;hội nghị&gt;."
    assert str(found[4].html) == "1. Về kinh tế", "an escaped list number stays text"
    assert "<b>" not in "".join(str(b.html) for b in found), "source text never becomes markup"


def test_a_block_length_counts_characters_not_markup():
    (block,) = parse_body("a &amp; b\n")
    assert block.length == len("a & b")


# Rows ------------------------------------------------------------------------------------------


def test_pairs_become_rows_and_every_unpaired_block_stands_alone_in_its_column():
    left = blocks(10, 3, 10, 10, 10)
    right = blocks(40, 40, 40, 40, 5)
    pairs = (((1,), (1,)), ((3,), (2, 3)), ((4, 5), (4,)))
    found = rows(("vi", left), ("zh", right), pairs, left_first=True)
    assert shape(found) == [
        (["b1"], ["b1"]),
        (["b2"], []),
        (["b3"], ["b2", "b3"]),
        (["b4", "b5"], ["b4"]),
        ([], ["b5"]),
    ]
    assert [row.id for row in found] == ["p-1", "p-2", "p-3", "p-4", "p-5"]
    assert all(cell.lang == "vi" for row in found if (cell := row.left))
    assert all(cell.lang == "zh" for row in found if (cell := row.right))


def test_rows_are_numbered_alike_from_either_side():
    vi, zh = blocks(10, 10, 10, 10), blocks(40, 5, 40, 40, 6)
    pairs = (((1,), (1,)), ((3,), (3,)), ((4,), (4,)))
    from_vi = rows(("vi", vi), ("zh", zh), pairs, left_first=True)
    from_zh = rows(("zh", zh), ("vi", vi), tuple((t, o) for o, t in pairs), left_first=False)
    # Between two pairs, vi's lone block comes before zh's on both pages.
    assert [(r.left, r.right) for r in from_vi] == [(r.right, r.left) for r in from_zh]
    assert shape(from_vi)[1:3] == [(["b2"], []), ([], ["b2"])]


@pytest.mark.parametrize(
    "broken",
    [
        (((1,), (9,)),),  # outside the other text
        (((2,), (2,)), ((1,), (3,))),  # out of order
        (((1, 3), (1,)),),  # not a run of blocks
        (((), (1,)),),  # half a pair
    ],
)
def test_pairs_that_do_not_fit_are_left_out_and_no_block_is_lost(broken):
    left, right = blocks(10, 10, 10), blocks(40, 40, 40)
    found = rows(("vi", left), ("zh", right), broken, left_first=True)
    shown_left = [str(b.html) for row in found if row.left for b in row.left.blocks]
    shown_right = [str(b.html) for row in found if row.right for b in row.right.blocks]
    assert shown_left == ["b1", "b2", "b3"] and shown_right == ["b1", "b2", "b3"]


# The note: versions that differ in structure ---------------------------------------------------------


def test_a_close_translation_gets_no_note_and_lone_captions_do_not_count():
    left = blocks(10, 10, 10, 10) + blocks(3, 3, 3, kind="caption")
    right = blocks(40, 38, 44, 41)
    pairs = tuple(((n,), (n,)) for n in range(1, 5))
    assert not sidebyside.differs(rows(("vi", left), ("zh", right), pairs, left_first=True))


def test_many_lone_paragraphs_get_the_note():
    left, right = blocks(*[10] * 8), blocks(40, 40, 40, 40, 40)
    pairs = tuple(((n,), (n,)) for n in range(1, 6))
    assert sidebyside.differs(rows(("vi", left), ("zh", right), pairs, left_first=True))  # 3 of 8 alone


def test_lengths_far_from_their_usual_ratio_get_the_note():
    left, right = blocks(10, 10, 10, 10), blocks(40, 40, 400, 4)
    pairs = tuple(((n,), (n,)) for n in range(1, 5))
    assert sidebyside.differs(rows(("vi", left), ("zh", right), pairs, left_first=True))


def test_no_pair_at_all_gets_the_note():
    assert sidebyside.differs(rows(("vi", blocks(10, 10)), ("zh", blocks(40)), (), left_first=True))


def test_the_link_prints_the_language_name_apart():
    link = sidebyside.link("articles/k/parallel/zh/", "zh", "中文", "Đọc song song với {language}")
    assert (link.before, link.name, link.after) == ("Đọc song song với ", "中文", "")


def test_bodies_are_read_from_the_generated_articles_and_only_the_last_few_kept(tmp_path):
    for n in range(12):
        matter = FrontMatter(title=f"t{n}", key=f"k{n}", lang="vi")
        path = tmp_path / "vi" / "articles" / f"k{n}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(matter.dump() + f"\nĐoạn một của bài {n}.\n\n## Mục\n\nĐoạn hai.\n", encoding="utf-8")
    bodies = sidebyside.Bodies(tmp_path)
    found = bodies.blocks("vi", "k0")
    assert [(b.kind, str(b.html)) for b in found] == [
        ("paragraph", "Đoạn một của bài 0."),
        ("heading", "Mục"),
        ("paragraph", "Đoạn hai."),
    ]
    assert bodies.blocks("vi", "k0") is found, "read once while it is recent"
    for n in range(12):
        bodies.blocks("vi", f"k{n}")
    assert len(bodies._recent) == sidebyside.Bodies.KEPT
