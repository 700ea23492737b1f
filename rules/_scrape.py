"""Recognising lines left over from web pages and document sites (文库):
view counts, file sizes, page counts, lone dates, UI words, and an abstract
(摘要) block that repeats the opening. Shared by LY002 and ST004."""
from __future__ import annotations

import re

UI_WORDS = {
    "海报", "侵权投诉", "举报", "分享", "收藏", "点赞", "下载", "立即下载", "免费下载", "下载文档", "阅读全文",
    "展开全文", "展开", "收起", "展开>>", "收起<<", "展开全部", "收起全部", "VIP", "VIP专免", "VIP专享", "会员专享",
    "原创", "原创力文档", "相关推荐", "猜你喜欢", "相关文档", "热门文档", "上传者", "关注", "评论", "打印",
    "加入文库", "转发", "点击查看", "查看更多", "更多", "返回顶部", "目录", "上一篇", "下一篇", "首页", "登录", "注册",
    "扫码下载", "App内打开", "APP内打开", "复制", "全文", "阅读", "一键复制", "编辑", "引用",
}
_PATTERNS = [
    re.compile(r"\d+(?:\.\d+)?[万千kKwW]?\+?(?:\s*(?:次|人)?(?:阅读|浏览|下载|收藏|点赞|播放))?"),  # 999+, 1.2万阅读
    re.compile(r"\d+(?:\.\d+)?\s*(?:[KMG]B|[kmg]b|KB|字节)"),  # 24.88KB
    re.compile(r"(?:共\s*)?\d+\s*页|第\s*\d+\s*页(?:\s*/?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+\s*页?"),  # 10 页
    re.compile(r"(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"),  # lone web date
    re.compile(r"(?:阅读|浏览|下载|收藏|点赞|评论)(?:量|数)?\s*[:：]?\s*\d+[万+]?"),
    re.compile(r"(?:VIP|会员)\S{0,4}"),
    re.compile(r"(?:展开|收起|查看全文|阅读全文)\s*[>›»<‹«]{1,2}"),
    re.compile(r"本文(?:由|来源|档由)\S{0,30}(?:上传|提供|整理)\S*"),
    re.compile(r"(?:来源|作者|编辑|责任编辑)\s*[:：]\s*\S{1,20}"),
    re.compile(r"(?:文档格式|格式|页数|字数|大小|文件大小|上传时间|发布时间|更新时间)\s*[:：]\s*\S{1,20}"),
]
ABSTRACT_LABEL = re.compile(r"\s*(?:摘要|内容摘要|内容简介|简介)\s*[:：]?\s*")


def is_residue_line(text: str) -> bool:
    """A whole line that is page furniture, not part of the speech."""
    t = text.strip()
    if not t or len(t) > 40:
        return False
    if t in UI_WORDS:
        return True
    if ABSTRACT_LABEL.fullmatch(t):
        return True
    return any(p.fullmatch(t) for p in _PATTERNS)


_LABEL_CORE = re.compile(r"(?:摘要|内容摘要|内容简介|简介)\s*[:：]?\s*")


def _without_label(text: str) -> str:
    """``ABSTRACT_LABEL.sub("", text, count=1)`` in linear time: the search
    starts at the label, then takes in the spaces before it (a pattern that
    starts with a run of spaces retries every start of a long run)."""
    m = _LABEL_CORE.search(text)
    if not m:
        return text
    start = m.start()
    while start and text[start - 1].isspace():
        start -= 1
    return text[:start] + text[m.end():]


def abstract_repeats_opening(text: str, opening: str) -> bool:
    """A 摘要 paragraph copies the beginning of the document."""
    body = _without_label(text).strip().rstrip(".…")
    if len(body) < 20:
        return False
    squash = lambda s: re.sub(r"\s+", "", s)
    probe = squash(body)[:30]
    return probe in squash(opening)


def residue_lines(doc, ctx) -> list[int]:
    """Line numbers of scrape residue: furniture lines, and an abstract block
    (label plus the paragraph that repeats the opening)."""
    return ctx.memo("scrape-residue", lambda: _residue_lines(doc.lines))


def _residue_lines(lines) -> list[int]:
    opening = "".join(l.text for l in lines[:60])
    found = []
    after_label = 0
    for line in lines:
        t = line.text
        if is_residue_line(t):
            found.append(line.number)
            if ABSTRACT_LABEL.fullmatch(t.strip()) or t.strip().startswith(("摘要", "内容摘要")):
                after_label = 4
            continue
        if after_label and t.strip():
            after_label -= 1
            if abstract_repeats_opening(t, opening[:len(opening) // 2 + 200]) and line.number > 20:
                found.append(line.number)
                continue
        if ABSTRACT_LABEL.match(t) and t.strip().startswith(("摘要", "内容摘要")) and abstract_repeats_opening(t, opening):
            found.append(line.number)
        elif line.number > 20 and t.rstrip().endswith(("...", "…")) and abstract_repeats_opening(t, opening[:300]):
            found.append(line.number)  # a teaser that repeats the opening, cut off with "..."
    return found
