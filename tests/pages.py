"""Saved news pages, made for the tests from an article's clean text.

Each site template is shaped after the news sites our sources come from: a
header with the site's logo and menu, a breadcrumb, the headline, a line
with the date and a view counter, font-size and share buttons, the article
(paragraphs with `&nbsp;` runs, photos with captions, a right-aligned
author), tags, a related-articles list with pagination, reader comments with
a form, a sidebar with most-read links and a visitor counter, a footer, and
scripts. A `<title>` that is only the site's name tests that the headline
comes from the page, not from it.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date

from scripts.ingest.model import Article


@dataclass
class Site:
    name: str
    lang: str
    menu: list[str]
    home: str
    views: str  # "Lượt xem: {n}"
    font: str
    share: str
    tags: str
    related_title: str
    related: list[str]
    comments_title: str
    comments: list[tuple[str, str]]
    send: str
    most_read: str
    stats: list[str]
    footer: list[str]
    weekday_date: str  # the date line as the site prints it


SITES = {
    "vi": Site(
        name="Báo Cao Bằng điện tử",
        lang="vi",
        menu=["Trang chủ", "Thời sự", "Chính trị", "Kinh tế", "Xã hội", "Văn hóa", "Thể thao"],
        home="Trang chủ",
        views="Lượt xem: {n}",
        font="Cỡ chữ: <a>A-</a> <a>A</a> <a>A+</a>",
        share='<a class="print">In bài</a> <a class="fb">Chia sẻ</a>',
        tags="Từ khóa:",
        related_title="Tin khác",
        related=[
            "Cao Bằng: Hội nghị tổng kết công tác đối ngoại năm 2020",
            "Tăng cường hợp tác thương mại qua cửa khẩu Trà Lĩnh",
            "Đoàn công tác tỉnh Quảng Tây thăm và làm việc tại Cao Bằng",
        ],
        comments_title="Ý kiến bạn đọc (2)",
        comments=[
            (
                "Nguyễn Văn Hùng",
                "Chúc mừng thành công tốt đẹp của chương trình, mong hai bên hợp tác ngày càng bền chặt.",
            ),
            ("Trần Thị Mai", "Bài viết rất hay và đầy đủ thông tin, cảm ơn phóng viên đã đưa tin."),
        ],
        send="Gửi bình luận",
        most_read="Đọc nhiều nhất",
        stats=["Thống kê truy cập", "Đang truy cập: 12", "Hôm nay: 3.456", "Tổng lượt truy cập: 1.234.567"],
        footer=["Báo Cao Bằng điện tử - Cơ quan của Đảng bộ tỉnh Cao Bằng", "© Bản quyền thuộc Báo Cao Bằng"],
        weekday_date="Thứ Sáu, {d:%d/%m/%Y} 16:30",
    ),
    "zh": Site(
        name="广西新闻网",
        lang="zh",
        menu=["首页", "时政", "经济", "社会", "文化", "东盟", "图片"],
        home="首页",
        views="阅读量：{n}",
        font="字号：<a>大</a> <a>中</a> <a>小</a>",
        share='<a class="print">打印本页</a> <a class="close">关闭窗口</a> <span class="share">分享到：<a>微信</a> <a>微博</a></span>',
        tags="关键词：",
        related_title="相关新闻",
        related=["广西与越南边境四省加强经贸合作", "中越边境口岸通关便利化水平持续提升", "东兴口岸迎来春节出入境高峰"],
        comments_title="网友评论",
        comments=[
            ("南宁网友", "中越友谊源远流长，期待合作更上一层楼。"),
            ("桂林网友", "好消息！边境地区发展越来越好。"),
        ],
        send="发表评论",
        most_read="热门排行",
        stats=["访问统计", "今日访问：1024", "总访问量：9876543"],
        footer=["广西新闻网版权所有", "未经授权禁止转载"],
        weekday_date="{d:%Y年%m月%d日} 08：05  来源：广西日报",
    ),
    "uk": Site(
        name="Новини провінції",
        lang="uk",
        menu=["Головна", "Політика", "Економіка", "Суспільство", "Культура", "Спорт"],
        home="Головна",
        views="Переглядів: {n}",
        font="Розмір шрифту: <a>A-</a> <a>A+</a>",
        share='<a class="print">Версія для друку</a> <a class="share">Поділитися</a>',
        tags="Теги:",
        related_title="Читайте також",
        related=[
            "Провінція Хазянг розвиває прикордонну торгівлю",
            "Делегація Гуансі відвідала Каобанг",
            "Весняний фестиваль у горах",
        ],
        comments_title="Коментарі (2)",
        comments=[
            ("Олена", "Дуже цікава стаття, дякую за новини з В'єтнаму."),
            ("Петро", "Гарна співпраця між провінціями, так тримати."),
        ],
        send="Надіслати коментар",
        most_read="Найпопулярніше",
        stats=["Статистика відвідувань", "Сьогодні: 512", "Усього: 76 543"],
        footer=["© Новини провінції, усі права захищено", "Передрук лише з посиланням на джерело"],
        weekday_date="{d:%d.%m.%Y} 14:27",
    ),
}


@dataclass
class PageBlock:
    kind: str  # paragraph | heading | caption | author
    text: str
    level: int = 2


@dataclass
class PageArticle:
    title: str
    blocks: list[PageBlock]
    published: date
    url: str = "https://example.vn/tin-tuc/bai-viet-1234.html"
    og_title: bool = True
    extra_meta: str = ""
    alt_only_captions: bool = False  # photos whose caption is only their alt text
    photo_names: list[str] = field(default_factory=list)


def from_articles(articles: list[Article], raw_lines: list[str]) -> list[PageBlock]:
    """The blocks of one or more language versions of an article, in source order.

    Byline and author lines (`文:刘玲`, `Dương Liễu`) come as the source wrote them.
    """
    blocks = []
    for article in articles:
        in_blocks = {n for b in article.blocks for n in b.lines}
        for n, block in enumerate(article.blocks):
            text = block.text
            if n == 0 and article.agency:
                text = f"{article.agency} – {text}"  # the dateline the pipeline reads the agency from
            blocks.append((block.lines[0], PageBlock(block.kind, text, block.level)))
        body_start = min(in_blocks)
        for no in article.lines:
            if no not in in_blocks and no > body_start:
                blocks.append((no, PageBlock("author", raw_lines[no - 1].strip())))
    return [b for _, b in sorted(blocks, key=lambda x: x[0])]


def _paragraph(text: str, n: int) -> str:
    escaped = html.escape(text, quote=False)
    # What CMS editors leave behind: a run of &nbsp; after the first sentence
    # and an inline span, neither of which is text.
    if n % 3 == 0 and ". " in escaped:
        escaped = escaped.replace(". ", ".&nbsp;&nbsp; ", 1)
    if n % 4 == 1:
        words = escaped.split(" ")
        escaped = f'<span style="font-family: Arial">{" ".join(words[:3])}</span> ' + " ".join(words[3:])
    return f"<p>{escaped}</p>"


def render(site: Site, article: PageArticle) -> str:
    e = lambda s: html.escape(s, quote=True)  # noqa: E731
    body = []
    photo = 0
    for n, block in enumerate(article.blocks):
        if block.kind == "paragraph":
            body.append(_paragraph(block.text, n))
        elif block.kind == "heading":
            if block.level == 2 and n % 2 == 0:
                body.append(f"<p><strong>{e(block.text)}</strong></p>")
            else:
                body.append(f"<h{block.level}>{e(block.text)}</h{block.level}>")
        elif block.kind == "caption":
            photo += 1
            src = f"/uploads/2025/02/{photo:02d}-{article.published:%Y%m%d}.jpg"
            if article.alt_only_captions:
                body.append(f'<p style="text-align:center"><img src="{src}" alt="{e(block.text)}" width="800"></p>')
            elif photo % 2:
                body.append(
                    f'<figure class="image"><img src="{src}" alt="{e(block.text)}" width="800">'
                    f"<figcaption>{e(block.text)}</figcaption></figure>"
                )
            else:
                # The table layout many Vietnamese CMSs use for photos.
                body.append(
                    f'<table class="image center"><tbody><tr><td><img src="{src}" alt="{photo}.jpg" width="800"></td></tr>'
                    f'<tr><td class="image_desc">{e(block.text)}</td></tr></tbody></table>'
                )
        elif block.kind == "author":
            body.append(f'<p style="text-align: right;"><strong>{e(block.text)}</strong></p>')
    menu = "".join(f'<li><a href="/c{i}">{e(m)}</a></li>' for i, m in enumerate(site.menu))
    related = "".join(f'<li><a href="/r{i}.html">{e(r)}</a></li>' for i, r in enumerate(site.related))
    comments = "".join(
        f'<div class="comment-item"><strong>{e(who)}</strong> <span class="time">{article.published:%d/%m/%Y} 09:15</span>'
        f"<p>{e(what)}</p></div>"
        for who, what in site.comments
    )
    stats = "".join(f"<li>{e(s)}</li>" for s in site.stats[1:])
    footer = "".join(f"<p>{e(f)}</p>" for f in site.footer)
    og = f'<meta property="og:title" content="{e(article.title)}">' if article.og_title else ""
    return f"""<!DOCTYPE html>
<html lang="{site.lang}">
<head>
<meta charset="utf-8">
<title>{e(site.name)}</title>
{og}
<meta property="og:url" content="{e(article.url)}">
<meta property="article:published_time" content="{article.published:%Y-%m-%d}T16:30:00+07:00">
{article.extra_meta}
<link rel="stylesheet" href="/css/style.css">
<script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}</script>
<style>.share-bar a {{ color: #333 }}</style>
</head>
<body>
<header class="site-header">
  <a class="logo" href="/"><img src="/images/logo.png" alt="{e(site.name)}"></a>
  <nav class="main-menu"><ul>{menu}</ul></nav>
  <form class="search-form" action="/search"><input name="q"><button type="submit">🔍</button></form>
</header>
<div class="breadcrumb"><a href="/">{e(site.home)}</a> » <a href="/c1">{e(site.menu[1])}</a></div>
<main class="container">
<div class="col-main">
<article class="detail">
  <h1 class="detail-title">{e(article.title)}</h1>
  <div class="detail-meta"><span class="date">{site.weekday_date.format(d=article.published)}</span>
    <span class="views">{site.views.format(n=5205)}</span></div>
  <div class="detail-tools"><span class="font-size">{site.font}</span> {site.share}</div>
  <div class="detail-content">
{chr(10).join(body)}
  </div>
  <div class="share-bar">{site.share}</div>
  <div class="tags">{e(site.tags)} <a href="/tag/1">{e(site.menu[2])}</a>, <a href="/tag/2">{e(site.menu[3])}</a></div>
</article>
<section class="related-news"><h3 class="box-title">{e(site.related_title)}</h3><ul>{related}</ul>
  <div class="pagination">1 2 3 4 5 ...</div></section>
<div class="comments" id="comments"><h3>{e(site.comments_title)}</h3>{comments}
  <form class="comment-form"><textarea name="c"></textarea><input name="n"><button>{e(site.send)}</button></form></div>
</div>
<aside class="sidebar">
  <div class="widget most-read"><h3>{e(site.most_read)}</h3><ol>{related}</ol></div>
  <div class="widget stats"><h3>{e(site.stats[0])}</h3><ul>{stats}</ul></div>
</aside>
</main>
<footer class="site-footer">{footer}</footer>
<script src="/js/app.js"></script>
<script>document.querySelectorAll('.fb').forEach(function (a) {{ a.onclick = function () {{ return false; }}; }});</script>
</body>
</html>
"""
