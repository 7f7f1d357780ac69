"""The article's region on a page copied whole: prose, and what lies around it."""

from scripts.ingest.region import prose_weight

from .helpers import DAY, article, ingest_text

PARA = "Ngày 17/11, lối mở Bát Bố (Trung Quốc) - Nghĩa Thuận (Việt Nam) tạm thời mở để vận chuyển hành khách."
PARA2 = "Hai lối mở biên giới này là những kênh đường bộ quan trọng trong giao lưu giữa cư dân hai bên biên giới."
MENU = "\n".join(["Trang chủ", "Thời sự", "Kinh tế", "Xã hội", "Văn hóa", "Thể thao", "Du lịch"])
RELATED = "\n".join(f"Tỉnh {n} ký kết thỏa thuận hợp tác mới với các đối tác nước ngoài" for n in range(1, 9))


def test_prose_is_sentences_not_menus_headlines_or_teasers():
    assert prose_weight(PARA)
    assert not prose_weight("Hai lối mở biên giới Trung Quốc - Việt Nam tạm thời mở")  # a headline: no stop
    assert not prose_weight("Thời sự")
    assert not prose_weight("台南市一名女子昨帶著她精心製作、重達18公斤的拉糖作品「浴火...")  # a teaser, cut
    assert prose_weight("11月17日,位于云南省文山壮族苗族自治州麻栗坡县的中国八布通道临时开放客运功能。")


def test_a_long_paragraph_may_end_and_so_on():
    assert prose_weight(PARA * 2 + " kinh tế, văn hóa, giáo dục...")


def test_a_whole_page_copy_keeps_the_article_and_drops_menus_and_the_related_list_after_it():
    text = f"{MENU}\n\nTiêu đề bài viết về cửa khẩu\n\n{PARA}\n\n{PARA2}\n\nTin khác\n{RELATED}\n© 2024 Báo điện tử\n"
    result = ingest_text(text, date=DAY)
    vi = article(result, "vi")
    assert vi.title == "Tiêu đề bài viết về cửa khẩu"
    assert [b.text for b in vi.blocks] == [PARA, PARA2]
    dropped = {d.text: d.reason for d in result.dropped}
    assert dropped["Thời sự"].startswith("above the headline")


def test_text_after_the_article_is_furniture_when_there_is_much_of_it():
    tail = "\n".join(f"Chuyên mục số {n}" for n in range(1, 8))
    result = ingest_text(f"Tiêu đề\n\n{PARA}\n\n{PARA2}\n\n{tail}\n", date=DAY)
    reasons = {d.reason for d in result.dropped}
    assert reasons == {"page text after the article (related links, comments, footer)"}
    assert [b.text for b in article(result, "vi").blocks] == [PARA, PARA2]


def test_a_caption_or_a_name_after_the_last_paragraph_stays():
    result = ingest_text(
        f"Tiêu đề\n\n{PARA}\n\n{PARA2}\n\nCác đại biểu dự hội nghị tại Cao Bằng\n\nDương Liễu\n", date=DAY
    )
    vi = article(result, "vi")
    assert vi.authors == ["Dương Liễu"]
    assert [b.kind for b in vi.blocks] == ["paragraph", "paragraph", "caption"]


def test_a_date_line_splits_a_page_header_from_the_article():
    legal = "Theo quy định của pháp luật, nội dung dưới đây chỉ dành cho người đủ 18 tuổi trở lên đọc." * 4
    text = f"{legal}\n\nTiêu đề bài viết\n\n23/04/2020 10:15\n\n{PARA}\n\n{PARA2}\n\n{PARA}\n"
    vi = article(ingest_text(text), "vi")
    assert vi.title == "Tiêu đề bài viết"
