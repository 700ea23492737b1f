"""PU and NM: fix results, clean mixed-language text, and --fix on the seeds."""
import shutil

import pytest

from gwlint import Document, cli, load_path

from gwlint.api import lint_document as lint
from gwlint.config import Config
from gwlint.fixes import fix_text

PU_NM = Config(select=("PU", "NM"))


def fixed(text: str) -> str:
    return fix_text(text, lambda t: lint(Document(t, path="x.txt"), PU_NM))[0]


@pytest.mark.parametrize("bad, good", [
    ("同志们:", "同志们："),
    ("今天召开会议,主要任务是部署工作。", "今天召开会议，主要任务是部署工作。"),
    ("各级党委(党组)要落实。", "各级党委（党组）要落实。"),
    ("坚决做到‘两个维护'。", "坚决做到‘两个维护’。"),
    ("他说\"要抓落实\"。", "他说“要抓落实”。"),
    ("要认真落实，，确保实效。", "要认真落实，确保实效。"),
    ("作风、纪律、担当...", "作风、纪律、担当……"),
    ("等等。。。", "等等……"),
    ("根本目标--为人民服务。", "根本目标——为人民服务。"),
    ("2020以来，全市", "2020年以来，全市"),
    ("２０２３年", "2023年"),
    ("2024年01月05日", "2024年1月5日"),
    ("增长15～30%", "增长15%～30%"),
    ("二零二四年", "二〇二四年"),
    ("党的20大", "党的二十大"),
    ("“14五”规划", "“十四五”规划"),
    ("第3季度", "第三季度"),
])
def test_safe_fixes(bad, good):
    assert fixed(bad) == good


CLEAN_MIXED = [
    "会议定于上午10:30在市政府召开，请于9:45前到场。",
    "详见 https://www.gov.cn/zhengce/2024-05/13/content_123.htm?id=1,2 的通知。",
    "全年GDP增长5.2%，CPI上涨0.2个百分点。",
    "系统升级到v2.3.1版本，兼容Windows 11和macOS 14.5。",
    "执行命令 gwlint --fix draft.txt 即可自动修复。",
    "调用 config.load(path) 读取配置，返回 dict 对象。",
    "请发送邮件至 office@example.gov.cn 联系。",
    "使用 Python 3.11 和 pytest 8.0 运行测试。",
    "He said: \"Hello, world!\" and left.",
    "共计1,000,000元，其中专项资金350,000元。",
    "文件编号为〔2024〕12号，联系电话0371-12345678。",
    "2020—2022年，全市累计完成投资3.5亿元。",
    "检测指标：pH值7.2～7.8，温度20℃～25℃。",
    "第1.2节规定了适用范围。",
]


@pytest.mark.parametrize("text", CLEAN_MIXED)
def test_mixed_chinese_english_is_clean(text):
    assert lint(Document(text, path="x.txt"), PU_NM) == []


@pytest.mark.parametrize("seed", ["001_fdbb133df198b9b9.txt", "004_f95eedb844636dc0.txt"])
def test_fix_on_seed_leaves_no_pu_and_is_idempotent(tmp_path, seeds_dir, seed):
    target = tmp_path / seed
    shutil.copy(seeds_dir / seed, target)
    cli.main(["--fix", "--format", "json", str(target)])
    once = target.read_bytes()
    assert [d for d in lint(load_path(target), Config(select=("PU",)))
            if d.fix and d.fix.safe] == []
    remaining = [d.code for d in lint(load_path(target), Config(select=("PU",)))]
    assert remaining == [], remaining
    cli.main(["--fix", "--format", "json", str(target)])
    assert target.read_bytes() == once


def test_thousands_separator_related_locations():
    doc = Document("投资12,000元，收入35000元，支出28000元。")
    found = lint(doc, Config(select=("NM006",)))
    assert len(found) == 1 and doc.text[found[0].span.start:found[0].span.end] == "12,000"
    assert len(found[0].related) == 2
