"""TY: 的/地/得 misuse and duplicated words.

的/地/得 is decided by what stands around it: an adverbial (认真、清醒、
坚决…) before a verb takes 地; a verb before a degree complement takes 得.
The word lists are small and curated, and each pattern needs both sides, so
ordinary 的 (认真的态度, 深刻的认识) is never touched.
"""
from __future__ import annotations

import bisect
import re

from gwlint.model import Diagnostic, Edit, Fix, Span
from gwlint.registry import checks

# Two-character adjectives used adverbially in official writing.
ADVERBIALS = ("认真 清醒 深刻 坚决 积极 主动 扎实 切实 全面 充分 自觉 严格 有效 牢牢 紧紧 不断 持续 深入 广泛 "
              "稳步 有序 大力 坚定 坚强 严肃 热情 耐心 细致 科学 合理 依法 精准 准确 有力 迅速 及时 彻底 "
              "高度 深切 真正 真切 实实在在 认认真真 扎扎实实 明确 清楚 客观 全力 努力 奋力 勇敢 大胆 "
              "果断 正确 辩证 系统 统筹 创造性 创新性 历史性 根本性 逐步 逐渐 更好 更加 进一步 不折不扣 "
              "旗帜鲜明 理直气壮 义无反顾 毫不动摇 坚定不移 深深 默默 悄悄 静静 慢慢 好好").split()
# Verbs that can only be read as verbs after an adverbial (they take 到/了/着 or an object).
VERBS = ("认识到 意识到 看到 感受到 体会到 把握 领会 落实 贯彻 推进 推动 开展 执行 履行 维护 加强 完成 "
         "解决 抓好 抓住 做好 学习 理解 坚持 参与 投入 支持 配合 接受 践行 遵守 改正 整改 回应 处理 "
         "发挥 承担 担负 行使 查处 惩治 纠正 防范 应对 提高 提升 改进 转变 统一 融入 结合 运用 工作 "
         "为民 服务 奉献 思考 谋划 研究 部署 安排 检查 监督 督促 指导 帮助 教育 引导 告诫 提醒 表达 "
         "反映 报告 说明 指出 强调 要求 回答 对待 看待 面对 抵制 反对 拥护 捍卫 树立 铭记 牢记 站稳").split()
_ADV = "|".join(sorted(map(re.escape, ADVERBIALS), key=len, reverse=True))
_VERB = "|".join(sorted(map(re.escape, VERBS), key=len, reverse=True))
_MODAL = r"(?:要|必须|应当|应该|务必|需要|一定要|始终|才能|能够|就要|还要|更要|都要|坚持|努力|进一步|将|会|去)"
# 必须清醒的认识到 / 要认真的学习 / 清醒的认识到
DE_FOR_DI = re.compile(rf"(?:{_MODAL}(?P<a1>{_ADV})的(?=(?:{_VERB}))|(?P<a2>{_ADV})的(?=(?:认识到|意识到|看到|感受到|体会到|把握住)))")

# Verbs followed by a degree complement: 做的很好 → 做得很好
COMPLEMENT_VERBS = ("做 干 搞 抓 讲 说 写 办 学 跑 走 变 长 来 去 过 落实 完成 发展 推进 开展 执行 贯彻 "
                    "建设 发挥 体现 表现 解决 处理 准备 组织 安排 配合 坚持 理解 掌握 领会 认识 总结 "
                    "管 用 读 听 看 想 活 吃 睡").split()
_CVERB = "|".join(sorted(map(re.escape, COMPLEMENT_VERBS), key=len, reverse=True))
_DEGREE = r"(?:很|非常|十分|特别|比较|相当|更加|越来越|不够|不太|太|极其|尤为|较为|还不够)"
DE_FOR_DE = re.compile(rf"(?P<v>{_CVERB})(?P<m>的)(?={_DEGREE}(?:好|差|快|慢|多|少|实|细|深|透|扎实|到位|出色|突出|严|紧|牢|稳|准|足|充分|认真|积极|好些|明显))")


_ADV_SET = frozenset(ADVERBIALS)
_ADV_LENGTHS = sorted({len(a) for a in ADVERBIALS})
_DE = re.compile("的")


def _candidate_de(text: str):
    """DE_FOR_DI matches, sought only around a 的 that follows an adverbial
    (a few per page), not at every position of the line."""
    last = -1
    for m in _DE.finditer(text):
        p = m.start()
        if not any(text[p - L:p] in _ADV_SET for L in _ADV_LENGTHS if p >= L):
            continue
        found = DE_FOR_DI.search(text, max(0, p - 12, last), p + 1 + 8)
        while found is not None and found.end() - 1 < p:
            found = DE_FOR_DI.search(text, found.end(), p + 1 + 8)
        if found is not None and found.end() - 1 == p:
            last = found.end()
            yield found


@checks("TY010", scope="line")
def de_for_di(doc, ctx):
    """的 after an adverbial before a verb should be 地."""
    text = doc.text
    for m in _candidate_de(text):
        adv = m.group("a1") or m.group("a2")
        pos = m.end() - 1
        verb = re.match(rf"{_VERB}", text[pos + 1:])
        shown = f"{adv}的{verb.group() if verb else ''}"
        yield Diagnostic("TY010", f"“{shown}”中的“的”应为“地”（状语后用“地”）", Span(pos, pos + 1),
                         Fix("改为“地”", (Edit(pos, pos + 1, "地"),), safe=True))


@checks("TY011", scope="line")
def de_for_complement(doc, ctx):
    """的 between a verb and a degree complement should be 得."""
    text = doc.text
    for m in DE_FOR_DE.finditer(text):
        pos = m.start("m")
        yield Diagnostic("TY011", f"“{m.group('v')}的”后接程度补语，“的”应为“得”", Span(pos, pos + 1),
                         Fix("改为“得”", (Edit(pos, pos + 1, "得"),), safe=True))


# Words that may legitimately repeat (ABAB verbs, measure words, numbers).
REDUPLICABLE = set("研究 讨论 学习 考虑 商量 休息 活动 锻炼 调查 了解 检查 打听 琢磨 比划 收拾 整理 清理 "
                   "总结 交流 沟通 走访 看看 想想 说说 谈谈 试试 一个 一次 一步 一天 一年 一件 一项 一批 "
                   "一点 一遍 一层 一级 一条 一家 一户 一人 一位 哈哈 嘻嘻 呵呵 谢谢 轰隆 滴答 叮当 "
                   "分析 比较 思考 准备 介绍 解释 帮助 指导 关心 照顾 打扫 练习 复习 放松 熟悉 体验 感受 "
                   "尝试 咨询 请教 观察 核实 核对 对比 梳理 盘算 计划 安排 协调 评估 参观 考察 调研 酝酿 "
                   "提醒 交代 议论 活络 暖和 凉快 热闹 高兴 舒服 溜达 折腾 拾掇 "
                   "大口 大步 大把 小口 小步 一口 一把 一片 一串 一群 一排 一句 一声 一下 一页 一棵 一笔 "
                   "一封 一辆 一座 一间 一处 一阵 一趟 一份 一张 一回 一段 一块 一门 一名 一支 一列 一队".split())


_DOUBLED = [re.compile(r"([\u4e00-\u9fff]{%d})\1" % L) for L in (4, 3, 2)]


def _doubled_runs(text: str):
    """(start, word) where a 2–4 character Chinese word is written twice in a
    row: one fixed-length pattern per length (no backtracking), longest first.
    Runs taken are disjoint, so a new match can only overlap its neighbours
    in start order (one bisection each: a run of one repeated character gives
    a match every few characters, and testing them all was quadratic)."""
    starts: list[int] = []
    ends: list[int] = []
    for pattern in _DOUBLED:
        for m in pattern.finditer(text):
            s, e = m.span()
            i = bisect.bisect_left(starts, s)
            if (i > 0 and ends[i - 1] > s) or (i < len(starts) and starts[i] < e):
                continue
            starts.insert(i, s)
            ends.insert(i, e)
            yield s, m.group(1)


@checks("TY015", scope="line")
def duplicated_words(doc, ctx):
    """纪委纪委监委: a word typed twice."""
    from gwlint.rules import _typo_data as data

    text = doc.text
    words = data.words()
    lm = data.language_model()
    for start, word in _doubled_runs(text):
        end = start + 2 * len(word)
        if word in REDUPLICABLE or len(set(word)) == 1:
            continue
        known = word in words or (lm is not None and lm.is_word(word))
        if not known:
            continue
        if text[start:end] in words or (lm is not None and lm.is_word(text[start:end])):
            continue  # a word that is itself reduplicated (e.g. 星星点点)
        s = start + len(word)
        yield Diagnostic("TY015", f"“{word}”重复", Span(start, end),
                         Fix(f"删去重复的“{word}”", (Edit(s, end, ""),), safe=True))
    words = data.words()
    for m in re.finditer(r"(?<![的])([的在把被与及])\1(?![的在把被与及])", text):
        s = m.start()
        after, before = text[s + 2:s + 4], text[max(0, s - 2):s]
        if (len(after) == 2 and after[0] == after[1]) or (len(before) == 2 and before[0] == before[1]):
            continue  # 的的确确, 实实在在: AABB reduplication
        if (s and text[s - 1:s + 1] in words) or text[s + 1:s + 3] in words:
            continue  # 目的的, 现在在线: a word ends or starts with the character
        yield Diagnostic("TY015", f"“{m.group(1)}”重复", Span(s, s + 2),
                         Fix(f"删去重复的“{m.group(1)}”", (Edit(s + 1, s + 2, ""),), safe=True))
