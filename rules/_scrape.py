"""Recognising lines left over from web pages and document sites (文库):
page chrome (toolbars, font-size widgets, print/close links, share and scan
prompts, breadcrumbs), source/time/editor/reading-count lines, photo
captions, view counts, file sizes, page counts, lone dates, hash lines,
licence templates and record fields, and an abstract (摘要) block that
repeats the opening. Shared by LY002 (which deletes them), LY001, ST004 and
PU002 (which look past them).

Residue is always a whole line, or a block of whole lines (a toolbar split
one word per line). Nothing inside a line is residue, and a line that is
glued to its neighbours as part of a token or a sentence (PM / 2.5 / ）) is
never residue, whatever it looks like.
"""
from __future__ import annotations

import re

UI_WORDS = {
    "海报", "侵权投诉", "举报", "分享", "收藏", "点赞", "下载", "立即下载", "免费下载", "下载文档", "阅读全文",
    "展开全文", "展开", "收起", "展开>>", "收起<<", "展开全部", "收起全部", "VIP", "VIP专免", "VIP专享", "会员专享",
    "原创", "原创力文档", "相关推荐", "猜你喜欢", "相关文档", "热门文档", "上传者", "关注", "评论", "打印",
    "加入文库", "转发", "点击查看", "查看更多", "更多", "返回顶部", "上一篇", "下一篇", "首页", "登录", "注册",
    "扫码下载", "App内打开", "APP内打开", "复制", "全文", "阅读", "一键复制", "编辑", "引用",
    # page toolbars of government and newspaper sites
    "全屏", "打印本页", "打印此页", "打印文章", "关闭窗口", "关闭本页", "关闭", "返回首页", "返回列表", "返回",
    "手机版", "网站首页", "纠错", "我要纠错", "字号", "字体", "默认", "放大", "缩小", "朗读", "语音播报", "分享到",
}
# Labels of the lines that list a page's related links (at the end of a page).
RELATED = r"(?:相关(?:报道|新闻|阅读|链接|文章|稿件|专题|推荐)|延伸阅读|推荐阅读|热点推荐|更多阅读|相关附件)"
# Font-size and print widgets, in brackets or not: 【字号：大 中 小】【打印本页】【关闭窗口】
_SIZE = r"(?:大|中|小|加大|还原|减小|默认|放大|缩小|标准|超大|特大)"
_WIDGET = (rf"(?:【\s*(?:字号|字体|文字|字体大小)\s*[:：]?(?:\s*{_SIZE})+\s*】"
           r"|【\s*(?:打印本页|打印此页|打印文章|打印|关闭窗口|关闭本页|关闭|收藏|返回顶部|纠错|我要纠错|分享)\s*】"
           rf"|(?:字号|字体)\s*[:：](?:\s*{_SIZE})+)")
WIDGETS = re.compile(rf"(?:\s*{_WIDGET}\s*)+")
# Breadcrumbs: 当前位置：首页 > 政务信息 > 宁夏要闻
_CRUMB_LABEL = r"(?:当前位置|您的位置|你的位置|所在位置|您现在的位置|当前页面)"
BREADCRUMB = re.compile(rf"(?:{_CRUMB_LABEL}\s*[:：]?\s*)?(?:网站)?首页(?:\s*[>›»/＞]\s*[^\s>›»/＞]{{1,20}}){{1,6}}\s*[>›»/＞]?"
                        rf"|{_CRUMB_LABEL}\s*[:：].{{0,60}}")
CRUMB_SEPARATOR = re.compile(r"[>›»/＞|]")
# Meta lines of a page: source, author, editor, time, reading count.
# A date as web pages print it (2026-02-09 09:45:30); 2024年5月13日 is a document's own date.
_WEB_DATE = r"(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
_META_ITEM = (r"(?:(?:来源|稿源|出处|作者|编辑|责任编辑|编审|审核|审校|校对|记者|通讯员|摄影|供稿)\s*[:：]\s*[^\s:：]{1,24}"
              rf"|(?:发布时间|发表时间|更新时间|发布日期|发稿时间|时间|日期)\s*[:：]\s*{_WEB_DATE}"
              r"|(?:浏览次数|阅读量|阅读次数|阅读数|点击数|点击量|访问量|浏览量|浏览)\s*[:：]\s*\d*[万+]?(?:次)?)")
META_LINE = re.compile(rf"[（(]?\s*{_META_ITEM}(?:\s+{_META_ITEM})*\s*[）)]?")
# A label left alone on its line, its value on the next (来源：⏎宁夏日报客户端).
META_LABEL = re.compile(r"(来源|稿源|作者|编辑|责任编辑|发布时间|发表时间|更新时间|发布日期|时间|日期|"
                        r"浏览次数|阅读量|阅读次数|点击数|访问量|字号|字体)\s*[:：]\s*")
LABEL_VALUE = {  # what may follow a lone label on the next line
    "time": re.compile(_WEB_DATE),
    "count": re.compile(r"\d+[万+]?次?"),
    "name": re.compile(r"[^\s，。；：,.;:！？]{1,20}"),
}
_LABEL_KIND = {"发布时间": "time", "发表时间": "time", "更新时间": "time", "发布日期": "time", "时间": "time",
               "日期": "time", "浏览次数": "count", "阅读量": "count", "阅读次数": "count", "点击数": "count",
               "访问量": "count", "字号": None, "字体": None}
SCAN = re.compile(r"(?:微信|手机)?(?:扫一扫|扫码|扫描二维码|用手机扫描)[^\s，。]{0,16}")
SHARE = re.compile(r"分享(?:到)?\s*[:：]?(?:\s*(?:微信|微博|朋友圈|QQ|QQ空间|空间|好友|新浪微博))*")
# A photo caption: a line that ends with the credit (记者 李森 摄, 新华社记者 鞠鹏/摄).
CAPTION = re.compile(r".{0,160}?(?:记者|摄影|通讯员|摄影记者|特约摄影)\s*[\u4e00-\u9fff·]{2,5}"
                     r"(?:\s*[、，]\s*[\u4e00-\u9fff·]{2,5})*\s*/?\s*摄[）)]?")
# Newspaper jump lines: （下转第四版）（紧接第一版）
JUMP = re.compile(r"(?:[（(]\s*(?:下转|上接|紧接|转|接)第?[\d一二三四五六七八九十]{1,3}版\s*[）)]\s*)+")
# A newspaper's source line: 《 人民日报 》（ 2020年09月04日 02 版）
PAPER_SOURCE = re.compile(r"《\s*\S{2,12}\s*》\s*[（(]\s*\d{4}年\d{1,2}月\d{1,2}日\s*\d{1,2}\s*版\s*[）)]")
# Hash lines: a hex digest or a UUID on a line of its own.
HASH = re.compile(r"(?:(?:md5|sha1|sha256|sha-256|hash)\s*[:：]?\s*)?(?=[0-9]*[a-fA-F])[0-9a-fA-F]{16,}"
                  r"|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", re.I)
# Fields of the record the text was stored in, left after it: Public domain, false.
RECORD_FIELD = re.compile(r"public domain|false|true|null|none|nan|undefined|n/a", re.I)
# A site's licence template (Wikisource): 本作品来自⏎…⏎公有领域⏎。
LICENCE_START = re.compile(r"本作品(?:来自|在全世界|采用|已|属于|是|不适用|依据|根据)")
LICENCE_END = re.compile(r"公有领域|许可协议")

# Numbers, sizes, page counts and dates on a line of their own: residue only
# when not glued to the lines around them (PM⏎2.5⏎浓度 is running text).
_NUMERIC = [
    re.compile(r"\d+(?:\.\d+)?[万千kKwW]?\+?(?:\s*(?:次|人)?(?:阅读|浏览|下载|收藏|点赞|播放))?"),  # 999+, 1.2万阅读
    re.compile(r"\d+(?:\.\d+)?\s*(?:[KMG]B|[kmg]b|KB|字节)"),  # 24.88KB
    re.compile(r"(?:共\s*)?\d+\s*页|第\s*\d+\s*页(?:\s*/?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+\s*页?"),  # 10 页
    re.compile(_WEB_DATE),  # lone web date
]
_PATTERNS = [
    re.compile(r"(?:阅读|浏览|下载|收藏|点赞|评论)(?:量|数)?\s*[:：]?\s*\d+[万+]?"),
    re.compile(r"(?:VIP|会员)\S{0,4}"),
    re.compile(r"(?:展开|收起|查看全文|阅读全文)\s*[>›»<‹«]{1,2}"),
    re.compile(r"本文(?:由|来源|档由)\S{0,30}(?:上传|提供|整理)\S*"),
    re.compile(r"(?:文档格式|格式|页数|字数|大小|文件大小|上传时间)\s*[:：]\s*\S{1,20}"),
    re.compile(rf"【?{RELATED}】?\s*[:：]?"),
    WIDGETS, BREADCRUMB, META_LINE, SCAN, SHARE, JUMP, PAPER_SOURCE, HASH,
]
ABSTRACT_LABEL = re.compile(r"\s*(?:摘要|内容摘要|内容简介|简介)\s*[:：]?\s*")


def _numeric(t: str) -> bool:
    return any(p.fullmatch(t) for p in _NUMERIC)


def is_residue_line(text: str) -> bool:
    """A whole line that is page furniture, not part of the document."""
    t = text.strip()
    if not t:
        return False
    if len(t) <= 200 and CAPTION.fullmatch(t):
        return True
    if len(t) > 60:
        return False
    if t in UI_WORDS or ABSTRACT_LABEL.fullmatch(t) or _numeric(t):
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
    """Line numbers of scrape residue: furniture lines and blocks, and an
    abstract block (label plus the paragraph that repeats the opening)."""
    return ctx.memo("scrape-residue", lambda: _residue_lines(doc.lines))


def _blocks(lines) -> set[int]:
    """Residue that only a block of lines shows: a widget or a breadcrumb
    split one word per line, a lone label and its value, a licence template,
    the record fields after the last line of Chinese text."""
    found: set[int] = set()
    texts = [l.text.strip() for l in lines]
    n = len(lines)
    for i, t in enumerate(texts):
        if not t:
            continue
        # 【字号：⏎加大⏎还原⏎减小⏎】 and 【⏎打印本页⏎】【⏎关闭窗口⏎】
        if t.startswith("【") and "】" not in t:
            end = None
            for j in range(i + 1, min(n, i + 14)):
                if not texts[j] or len(texts[j]) > 8:
                    break
                if texts[j].endswith("】") and WIDGETS.fullmatch("".join(texts[i:j + 1])):
                    end = j
            if end is not None:
                found.update(range(i, end + 1))
        # 当前位置：⏎首页⏎>⏎政务信息⏎>⏎宁夏要闻
        if re.fullmatch(rf"{_CRUMB_LABEL}\s*[:：]?|(?:网站)?首页", t):
            j = i + (1 if texts[i] != "首页" and i + 1 < n and texts[i + 1] in ("首页", "网站首页") else 0)
            end = j
            while end + 2 < n and CRUMB_SEPARATOR.fullmatch(texts[end + 1]) and 0 < len(texts[end + 2]) <= 20 \
                    and not re.search(r"[，。；！？]", texts[end + 2]):
                end += 2
            if end > j:
                found.update(range(i, end + 1))
        # 来源：⏎宁夏日报客户端, 发表时间：⏎2026-02-09 09:45:30, 阅读量：
        m = META_LABEL.fullmatch(t)
        if m:
            kind = _LABEL_KIND.get(m.group(1), "name")
            if kind and i + 1 < n and LABEL_VALUE[kind].fullmatch(texts[i + 1]):
                found.update((i, i + 1))
            elif kind in (None, "count"):
                found.add(i)  # 阅读量：, 字号： mean nothing without the page
        # 本作品来自⏎中华人民共和国法律⏎。依据《⏎…⏎公有领域⏎。
        if LICENCE_START.match(t) and len(t) <= 40:
            for j in range(i + 1, min(n, i + 10)):
                if LICENCE_END.search(texts[j]):
                    end = j + 1 if j + 1 < n and re.fullmatch(r"[。.）)]", texts[j + 1]) else j
                    found.update(range(i, end + 1))
                    break
    last_cjk = max((i for i, t in enumerate(texts) if re.search(r"[\u4e00-\u9fff]", t)), default=-1)
    found.update(i for i in range(last_cjk + 1, n) if RECORD_FIELD.fullmatch(texts[i]))
    return found


def _glued(lines, i: int, residue: set[int]) -> bool:
    """A line that is part of a token or a sentence with its neighbours:
    the line before ends in a Latin letter, a digit or an opening bracket
    (PM⏎2.5), or the line after begins with a closing bracket or a
    punctuation mark (2.5⏎）浓度)."""
    before = lines[i - 1].text.rstrip() if i > 0 and i - 1 not in residue else ""
    after = lines[i + 1].text.lstrip() if i + 1 < len(lines) and i + 1 not in residue else ""
    return bool(re.search(r"[A-Za-z0-9_（(“‘《\[{+\-/.·]$", before)
                or re.match(r"[）)”’》\]}%％，。、；：,.;:!?！？A-Za-z0-9_]", after))


def _residue_lines(lines) -> list[int]:
    opening = "".join(l.text for l in lines[:60])
    found = _blocks(lines)
    after_label = 0
    for line in lines:
        t = line.text
        if line.number in found:
            continue
        if is_residue_line(t):
            found.add(line.number)
            if ABSTRACT_LABEL.fullmatch(t.strip()) or t.strip().startswith(("摘要", "内容摘要")):
                after_label = 4
            continue
        if after_label and t.strip():
            after_label -= 1
            if abstract_repeats_opening(t, opening[:len(opening) // 2 + 200]) and line.number > 20:
                found.add(line.number)
                continue
        if ABSTRACT_LABEL.match(t) and t.strip().startswith(("摘要", "内容摘要")) and abstract_repeats_opening(t, opening):
            found.add(line.number)
        elif line.number > 20 and t.rstrip().endswith(("...", "…")) and abstract_repeats_opening(t, opening[:300]):
            found.add(line.number)  # a teaser that repeats the opening, cut off with "..."
    # a number, a size or a date glued to the text around it is part of that text
    for i in sorted(found):
        if _numeric(lines[i].text.strip()) and _glued(lines, i, found):
            found.discard(i)
    return sorted(found)
