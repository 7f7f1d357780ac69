"""Site furniture: what a news page puts around an article.

View and comment counters, pagination, share and print buttons, visitor
statistics widgets and related-article lists come along when a page is
scraped. None of it is the article. Each rule names the reason it gives, so
the ingest report says why every dropped line was dropped.

The rules describe shapes, in the three languages, not particular sites or
files; a new kind of furniture is one more rule here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import dates
from .model import Drop, Line
from .overrides import Overrides
from .text import ends_sentence


@dataclass(frozen=True)
class Rule:
    reason: str
    pattern: re.Pattern


def _rule(reason: str, pattern: str) -> Rule:
    return Rule(reason, re.compile(pattern, re.IGNORECASE))


_NUMBER = r"[\d.,  ]*\d"
WHITESPACE = "whitespace-only line"

LINE_RULES: tuple[Rule, ...] = (
    _rule(
        "view counter",
        r"^(?:lượt xem|lượt đọc|số lượt xem|đã xem|lượt truy cập|views?|переглядів|перегляди|переглянуто"
        r"|просмотров|浏览(?:次数|量)?|阅读(?:次数|量|数)?|点击(?:次数|量|数|率)?|访问量)\s*[:：]?\s*"
        + _NUMBER
        + r"\s*(?:lượt|раз(?:ів|и)?|次)?$",
    ),
    _rule(
        "comment counter",
        r"^(?:bình luận|ý kiến(?: bạn đọc)?|коментар(?:і|ів)?|комментари(?:и|ев)|评论|留言|comments?)"
        r"\s*[(（\[]?\s*\d*\s*[)）\]]?$",
    ),
    _rule(
        "pagination",
        r"^(?:(?:trang|page|сторінка|页)\s*)?(?:[«‹<]\s*)?(?:\d{1,4}\s+){1,}\d{1,4}"
        r"(?:\s*(?:\.\.\.|…|»|›|>>?|tiếp|sau|next|下一页|далі))*$",
    ),
    _rule(
        "page number", r"^(?:[-–—]\s*)?(?:trang|page|сторінка|第)?\s*\d{1,3}\s*(?:/\s*\d{1,3})?\s*(?:页)?(?:\s*[-–—])?$"
    ),
    _rule(
        "share, print or font-size buttons",
        r"^(?:(?:chia sẻ(?: bài viết)?|in bài(?: viết)?|in trang|bản in|gửi bài|gửi email|lưu bài|cỡ chữ"
        r"|quay lại|về đầu trang|đầu trang|facebook|twitter|zalo|email|e-mail|print|share|tweet"
        r"|sao chép (?:liên kết|link)|copy link|tải (?:ứng dụng|app)|nghe bài(?: viết)?|theo dõi"
        r"|分享(?:到)?|打印(?:本页)?|列印(?:本頁)?|关闭(?:窗口)?|關閉(?:視窗|窗口)?|返回(?:顶部|頂部)?|反馈|反饋"
        r"|[大中小]字[号號]|字[号號]|复制链接|複製連結|收藏|客户端(?:下载)?|下载客户端|扫码|扫一扫|手机看|手机版"
        r"|поділитися|друк|версія для друку|нагору|копіювати посилання|скопіювати посилання|підписатися"
        r"|читати (?:в|у) telegram)"
        r"[\s:：|/,·•\-]*)+$",
    ),
    _rule(
        "share, print or font-size buttons",
        r"^[【\[]?\s*(?:cỡ chữ|字号|字號|字体|字體|розмір шрифту)?\s*[:：]?\s*[【\[]?\s*(?:(?:a\s*[+-]?|大|中|小)\s*){2,}[】\]]?$",
    ),
    _rule("breadcrumb navigation", r"^(?:trang chủ|home|首页|首頁|головна)\s*[>»/›|]"),
    # `新华网 > > 正文`, `Trang chủ › Kinh tế › Chứng khoán`: short items between arrows.
    _rule("breadcrumb navigation", r"^(?=.{0,80}$)[^>»›.。!?]{0,24}(?:\s*[>»›]\s*[^>»›.。!?]{0,24}){2,}$"),
    # A whole menu copied as one line: the home item, then the sections, no sentence.
    _rule(
        "site menu",
        r"^(?:(?:首页|首頁)[\u3400-\u9fff ]{4,}|(?:trang chủ|home|головна)(?:\s*[|•·/]\s*[^|•·/.。!?]{1,30}){2,})$",
    ),
    _rule(
        "skip-to-content link",
        r"^(?:nhảy đến nội dung|bỏ qua nội dung|chuyển (?:đến|tới) nội dung(?: chính)?|đi tới nội dung"
        r"|跳[到至转](?:主要|正文)?(?:内容|內容|正文)|跳過導覽|перейти до (?:основного )?(?:вмісту|змісту|контенту)"
        r"|skip to (?:main )?content|skip navigation)$",
    ),
    _rule(
        "comment box",
        r"^(?:tối đa:? ?\d+ ?ký tự|hiện chưa có (?:bình luận|ý kiến) nào.*|(?:gửi|viết) (?:bình luận|ý kiến)(?: của bạn)?"
        r"|ý kiến của bạn|bạn đọc bình luận|đăng nhập để bình luận|发表评论|我要评论|我來說兩句|网友评论|評論|写评论"
        r"|додати коментар|залишити коментар|ваш коментар|коментарів (?:поки )?немає|увійдіть, щоб коментувати)$",
    ),
    # A credit line naming nobody (`责任编辑：`, a bare `新华社记者`): a template's leftovers.
    _rule(
        "empty credit line",
        r"^(?:责任编辑|責任編輯|编辑|編輯|记者|記者|新华社记者|新華社記者|biên tập|phóng viên|редактор)\s*[:：]?\s*$",
    ),
    _rule("tag list", r"^(?:từ khóa|từ khoá|tags?|标签|標籤|关键词|關鍵詞|теги|мітки)\s*[:：]"),
    _rule("tag list", r"^(?:#[^\s#]+(?:\s+[^\s#]+){0,4}\s*)+$"),
    _rule(
        "a link to the author's other articles",
        r"^(?:xem (?:các|thêm) bài viết của tác giả|các bài viết của tác giả|всі (?:матеріали|публікації) автора"
        r"|作者(?:的)?(?:其他|更多)文章)$",
    ),
    _rule(
        "a prompt to read on, subscribe or support the site",
        r"^(?:請繼續往下閱讀|请继续往下阅读|继续阅读|繼續閱讀|阅读下一篇|閱讀下一篇|下一篇|上一篇|更多精彩内容请进入.*"
        r"|点击(?:进入|查看).{0,20}|(?:扫描|掃描|扫码|掃碼).{0,30}(?:二维码|二維碼|关注|關注).*"
        r"|đọc tiếp|xem tiếp|bài tiếp theo|bài trước|đăng ký nhận tin.*"
        r"|сподобався матеріал\??|підтримайте (?:нас|\S+)|допоможіть нам.*|підпишіться.*|читайте нас у .*"
        r"|перейти до .{1,80}|наступна (?:новина|стаття)|попередня (?:новина|стаття))\s*[:：.…]*$",
    ),
    _rule(
        "copyright notice",
        r"^.{0,60}(?:版权所有|版權所有|all rights reserved|bản quyền thuộc về|© ?\d{4}|©|усі права захищено"
        r"|всі права захищені|不得转载|不得轉載|转载请注明|轉載請註明).{0,80}$",
    ),
    _rule("the title it was first published under", r"^(?:原标题|原標題)\s*[:：].*$"),
    # `Хочете дізнаватися першими про нові дослідження …? Підпишіться на …`: a box asking to subscribe.
    _rule(
        "a prompt to read on, subscribe or support the site",
        r"^(?=.{0,200}$).*(?:підпишіться|подпишитесь|đăng ký nhận|hãy đăng ký|订阅我们|訂閱我們|点我订阅|點我訂閱|关注我们|關注我們).*$",
    ),
    _rule("comment counter", r"^(?:参与互动|參與互動|评论|網友評論|网友评论)\s*[(（]\s*\d+\s*[)）]$"),
    _rule(
        "share, print or font-size buttons",
        r"^(?:【纠错】|【糾錯】|纠错|糾錯|分享到(?:微信|微博|qq|facebook)?[:：]?.*)$",
    ),
    _rule(
        "share, print or font-size buttons",
        r"^(?:поширити|поділитися|chia sẻ|share)\s+(?:на|у|в|lên|qua|on|to)?\s*"
        r"(?:facebook|twitter|telegram|viber|whatsapp|linkedin|zalo|x)\s*$",
    ),
)

# A header that starts a block of furniture, and the shape of the lines in it.
RELATED_HEADER = re.compile(
    r"^[>»·•]?\s*(?:tin khác|các tin khác|tin liên quan|tin cùng chuyên mục|cùng chuyên mục|bài viết liên quan|bài liên quan"
    r"|tin mới(?: nhất)?|tin nóng|đọc nhiều(?: nhất)?|xem nhiều(?: nhất)?|tin nổi bật|có thể bạn quan tâm|xem thêm|đọc thêm"
    r"|相关新闻|相關新聞|相关阅读|相關閱讀|相关文章|相關文章|延伸阅读|延伸閱讀|热门新闻|熱門新聞|最新新闻|最新新聞|阅读推荐"
    r"|推荐阅读|热帖排行|新闻热搜词|精彩推荐|今日热点|[\u3400-\u9fff]{2,6}新闻精选|更多新闻|看更多"
    r"|читайте також|інші новини|інші (?:матеріали|статті|моніторинги|публікації)|схожі новини|новини за темою"
    r"|останні новини|популярне|related(?: articles| news)?)\s*[:：]?$",
    re.IGNORECASE,
)
WIDGET_HEADER = re.compile(
    r"^(?:thống kê(?: lượt)? truy cập|số lượt truy cập|lượt truy cập|trực tuyến|访问统计|访客统计|网站统计"
    r"|статистика(?: відвідувань)?|відвідувачі)\s*[:：]?$",
    re.IGNORECASE,
)
WIDGET_ITEM = re.compile(r"^[•·●▪◦*\-–]?\s*[^\d:：]{1,40}[:：]\s*" + _NUMBER + r"$")


def clean(lines: list[Line], overrides: Overrides) -> tuple[list[Line], list[Drop]]:
    """The clean stage: furniture out, except where the editor said otherwise.

    A line meta.yml gives a role is kept whatever it looks like; one it marks
    `drop` goes, with that as the reason.
    """
    keep, drop = overrides.kept, overrides.dropped
    kept, dropped = strip([line for line in lines if line.no not in keep and line.no not in drop])
    kept_nos = {line.no for line in kept} | keep
    # A line of spaces is dropped, yet to a reader it is an empty line: a gap between paragraphs.
    gaps = {d.line for d in dropped if d.reason == WHITESPACE}
    dropped += [Drop(line.no, line.raw, "dropped in meta.yml") for line in lines if line.no in drop]
    out = [line if line.no in kept_nos else Line(line.no, "", "") for line in lines if line.no in kept_nos | gaps]
    return out, dropped


def strip(lines: list[Line]) -> tuple[list[Line], list[Drop]]:
    """Split lines into those that may be article text and dropped furniture.

    Blank lines are kept (the structure stage reads the gaps); whitespace-only
    lines are dropped, since they are not blank in the file.
    """
    kept: list[Line] = []
    drops: list[Drop] = []
    block: str | None = None  # the furniture block we are inside, if any
    for index, line in enumerate(lines):
        if not line.raw:
            kept.append(line)
            continue
        if not line.text:
            drops.append(Drop(line.no, line.raw, WHITESPACE))
            block = block if block == "related" else None
            continue
        reason = _line_reason(line.text)
        if reason:
            drops.append(Drop(line.no, line.raw, reason))
            continue
        if WIDGET_HEADER.match(line.text):
            block = "widget"
            drops.append(Drop(line.no, line.raw, "visitor-statistics widget"))
            continue
        if block == "widget" and WIDGET_ITEM.match(line.text):
            drops.append(Drop(line.no, line.raw, "visitor-statistics widget"))
            continue
        if RELATED_HEADER.match(line.text):
            block = "related"
            drops.append(Drop(line.no, line.raw, "related-articles list"))
            continue
        if block == "related" and _looks_like_list_item(line.text) and not _dated_next(lines, index):
            drops.append(Drop(line.no, line.raw, "related-articles list"))
            continue
        block = None
        kept.append(line)
    return kept, drops


def _dated_next(lines: list[Line], index: int) -> bool:
    """The next line with text is a date line: this one is a headline (its own article's, on a
    page copied whole, where a list of other headlines runs straight into it), not a list item."""
    following = next((line.text for line in lines[index + 1 :] if line.text), "")
    return bool(following) and bool(dates.timestamp(following) or dates.labelled_timestamp(following))


def _line_reason(text: str) -> str | None:
    for rule in LINE_RULES:
        if rule.pattern.match(text):
            return rule.reason
    if _toolbar(text):
        return "share, print or font-size buttons"
    return None


# The words of a page's toolbar (`【字号 大 中 小】 打印 留言 论坛 网摘 纠错 E-mail推荐:`): a line
# made of them, and little else, is the toolbar.
TOOLBAR_WORDS = frozenset(
    "打印 列印 留言 论坛 論壇 网摘 網摘 纠错 糾錯 推荐 推薦 收藏 分享 关闭 關閉 字号 字號 字体 字體 大 中 小 "
    "手机点评 e-mail推荐: e-mail 复制 返回 顶部 评论 評論 in chia sẻ lưu bản gửi друк поділитися "
    "【字号 大 中 小】 【字号 【字號".split()
)


def _toolbar(text: str) -> bool:
    tokens = [t.strip("【】[]:：").lower() for t in text.split()]
    tokens = [t for t in tokens if t]
    known = sum(1 for t in tokens if t in TOOLBAR_WORDS or t.rstrip(":：") in TOOLBAR_WORDS)
    return len(tokens) >= 3 and known * 4 >= len(tokens) * 3


def _looks_like_list_item(text: str) -> bool:
    # Related lists hold other articles' titles: short, never a finished
    # paragraph. The first line that reads as a paragraph ends the list.
    return len(text) <= 250 and not (len(text) > 120 and ends_sentence(text))
