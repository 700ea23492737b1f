"""The outline parser on its own: families, levels, numbers, residue."""
from gwlint import Document, load_path
from gwlint.outline import outline_residue, parse_outline, walk
from gwlint.text import cn_to_int, int_to_cn


def test_chinese_numerals_round_trip():
    for n in range(1, 100):
        assert cn_to_int(int_to_cn(n)) == n
    assert cn_to_int("两") == 2


def test_gb9704_levels():
    doc = Document("一、总体要求\n（一）提高认识\n1.加强学习\n（1）细化要求\n（2）严格考核\n2.严格管理\n（二）压实责任\n二、主要任务\n")
    roots = parse_outline(doc)
    assert [(n.label, n.level) for n in roots] == [("一、", 1), ("二、", 1)]
    first = roots[0]
    assert [c.label for c in first.children] == ["（一）", "（二）"]
    assert [c.label for c in first.children[0].children] == ["1.", "2."]
    assert [c.label for c in first.children[0].children[0].children] == ["（1）", "（2）"]
    assert first.children[0].children[0].children[0].level == 4
    assert first.title == "总体要求" and first.span == first.span.__class__(0, 2)


def test_inline_lists_are_children_of_their_heading():
    doc = Document("一、总体要求\n要做到：一是坚持标准；二是压实责任。第一，提高认识。\n")
    (root,) = parse_outline(doc)
    assert [(c.family, c.number) for c in root.children] == [("yi-shi", 1), ("yi-shi", 2), ("di-yi", 1)]
    assert root.children[0].level == 2


def test_words_that_only_look_like_markers():
    doc = Document("这是唯一是非标准。统一思想，第一书记带头，一要求也没有。\n")
    assert parse_outline(doc) == []


def test_circled_and_separators_recorded():
    doc = Document("①加强学习\n(一)、提高认识\n一.总体要求\n")
    nodes = list(walk(parse_outline(doc)))
    assert [(n.family, n.separator, n.brackets) for n in nodes] == [
        ("circled", "", ""), ("cn-paren", "、", "()"), ("cn-dun", ".", "")]


def test_outline_residue_is_kept_out_of_the_tree(seeds_dir):
    doc = load_path(seeds_dir / "004_f95eedb844636dc0.txt")
    assert outline_residue(doc) == (0, 1, 2, 3)
    labels = [n.label for n in parse_outline(doc)]
    assert labels == ["一、", "二、", "三、"]


def test_outline_command(seeds_dir):
    from tests.helpers import run_cli

    proc = run_cli("outline", seeds_dir / "000_0033c06120a015d5.txt")
    out = proc.stdout.decode()
    assert proc.returncode == 0
    assert out.splitlines()[0].startswith("3:1  一、 深刻认识开展集中专项行动的重要意义")
    assert "  5:1  一是 " in out


def test_scopes_attachments_articles_and_decimal_sections():
    """附件, 第X条 and 2.1 open scopes that hold lists; each 附件 is a root."""
    doc = Document("一、总体要求\n附件：1.方案\n2.名单\n国务院\n附件1\n方案\n一、目标\n第三条　有下列情形之一的：\n"
                   "（一）未备案；\n2.1　指挥部\n2.1.1　职责\n（1）掌握形势。\n")
    roots = parse_outline(doc)
    assert [(n.family, n.label) for n in roots] == [("cn-dun", "一、"), ("attachment", "附件1")]
    attachment = roots[1]
    assert [(n.family, n.label) for n in walk(attachment.children)] == [
        ("cn-dun", "一、"), ("article", "第三条"), ("cn-paren", "（一）"), ("decimal", "2.1"), ("decimal", "2.1.1"),
        ("arabic-paren", "（1）")]


def test_a_bare_marker_is_a_heading_and_latin_after_a_dot_may_open_one():
    doc = Document("一、质量\n（一）\n功能定位\n9. I类切口手术部位感染率\n10 页\n")
    assert [(n.family, n.number) for n in walk(parse_outline(doc))] == [
        ("cn-dun", 1), ("cn-paren", 1), ("arabic-dot", 9)]


def test_ordinals_of_a_ranking_are_no_list_but_a_caption_does_not_hide_one():
    doc = Document("居全国第二、第七、第九。 新华社记者 鞠鹏/摄第一，要稳增长。\n")
    assert [(n.family, n.number) for n in parse_outline(doc)] == [("di-yi", 1)]
