"""TY on sentences written by the team, four classes, at least 30 bad and 30
good each: fixed-phrase slips, homophones in context, 的/地/得, duplicated words.
Each bad sentence must be flagged with the right fix; each good one must be clean."""
import pytest

from gwlint import Document

from gwlint.api import lint_document as lint
from gwlint.config import Config
from gwlint.fixes import apply_edits

TY = Config(select=("TY",))
TY_REVIEW = Config(select=("TY",), options=(("typo-sensitivity", "review"),))

# (bad sentence, the corrected sentence)
FIXED_PHRASES = [
    ("要市帜鲜明讲政治，坚决做到令行禁止。", "要旗帜鲜明讲政治，坚决做到令行禁止。"),
    ("深入开展以案促改、议案促建、以案促治。", "深入开展以案促改、以案促建、以案促治。"),
    ("坚决整治群众身边的顽瘴固疾。", "坚决整治群众身边的顽瘴痼疾。"),
    ("推动全面从言治党向纵深发展。", "推动全面从严治党向纵深发展。"),
    ("营造风清气争的良好政治生态。", "营造风清气正的良好政治生态。"),
    ("驰而不熄纠治“四风”。", "驰而不息纠治“四风”。"),
    ("坚持守正创心，推动事业发展。", "坚持守正创新，推动事业发展。"),
    ("坚持惩前必后、治病救人的方针。", "坚持惩前毖后、治病救人的方针。"),
    ("以抓铁有恨的劲头抓好落实。", "以抓铁有痕的劲头抓好落实。"),
    ("党员干部要廉洁自率，严守纪律。", "党员干部要廉洁自律，严守纪律。"),
    ("要锲而不设抓落实。", "要锲而不舍抓落实。"),
    ("各单位要举一返三，全面排查。", "各单位要举一反三，全面排查。"),
    ("坚持标本兼制，综合施策。", "坚持标本兼治，综合施策。"),
    ("持续正风素纪，严惩腐败。", "持续正风肃纪，严惩腐败。"),
    ("要防微杜见，警钟长鸣。", "要防微杜渐，警钟长鸣。"),
    ("全面落实一岗双职责任制。", "全面落实一岗双责责任制。"),
    ("干部要敢于担当、善于作围。", "干部要敢于担当、善于作为。"),
    ("坚持久久为公，善作善成。", "坚持久久为功，善作善成。"),
    ("要踔厉奋法、勇毅前行。", "要踔厉奋发、勇毅前行。"),
    ("推动各项工作落地见笑。", "推动各项工作落地见效。"),
    ("要凝心聚利，共同奋斗。", "要凝心聚力，共同奋斗。"),
    ("深入推进反腐唱廉建设。", "深入推进反腐倡廉建设。"),
    ("大力弘扬求真务石的作风。", "大力弘扬求真务实的作风。"),
    ("要真抓石干，务求实效。", "要真抓实干，务求实效。"),
    ("增进民生福址。", "增进民生福祉。"),
    ("要做到对党忠城、个人干净、敢于担当。", "要做到对党忠诚、个人干净、敢于担当。"),
    ("严明政治纪律和政治规距。", "严明政治纪律和政治规矩。"),
    ("要持之以横抓好作风建设。", "要持之以恒抓好作风建设。"),
    ("坚决防止层层加吗。", "坚决防止层层加码。"),
    ("要坚定里想信念，筑牢思想防线。", "要坚定理想信念，筑牢思想防线。"),
    ("各级党组织要推进警示教肓常态化。", "各级党组织要推进警示教育常态化。"),
    ("我们要一以惯之抓好落实。", "我们要一以贯之抓好落实。"),
    ("切实提高政治站为。", "切实提高政治站位。"),
    ("推动经济社会高质量发战。", "推动经济社会高质量发展。"),
    ("要始终保持清醒头脑和政治定利。", "要始终保持清醒头脑和政治定力。"),
]

HOMOPHONES = [
    ("坚决维护党中央的全威。", "坚决维护党中央的权威。"),
    ("开展集中专项行动市从严履行管党治党政治责任的严肃要求。", "开展集中专项行动是从严履行管党治党政治责任的严肃要求。"),
    ("这次行动事从严治党的具体举措。", "这次行动是从严治党的具体举措。"),
    ("加强作风建设市推动高质量发展的重要保障。", "加强作风建设是推动高质量发展的重要保障。"),
    ("坚持问题导向式做好工作的基本方法。", "坚持问题导向是做好工作的基本方法。"),
    ("学习贯彻党的二十大精神事当前的首要政治任务。", "学习贯彻党的二十大精神是当前的首要政治任务。"),
    ("人民群众满意市检验工作成效的根本标准。", "人民群众满意是检验工作成效的根本标准。"),
    ("全面从严治党事党的长期执政能力建设的必然要求。", "全面从严治党是党的长期执政能力建设的必然要求。"),
    ("纪律严明市我们党的光荣传统和独特优势。", "纪律严明是我们党的光荣传统和独特优势。"),
    ("优化营商环境市推动经济发展的关键一招。", "优化营商环境是推动经济发展的关键一招。"),
    ("实事求是市党的思想路线的核心。", "实事求是是党的思想路线的核心。"),
    ("调查研究事基本功。", "调查研究是基本功。"),
    ("作风建设市永恒课题。", "作风建设是永恒课题。"),
    ("制度建设事管根本、管长远的。", "制度建设是管根本、管长远的。"),
    ("坚定理想信念市党员干部的立身之本。", "坚定理想信念是党员干部的立身之本。"),
    ("纪律建设事全面从严治党的治本之策。", "纪律建设是全面从严治党的治本之策。"),
    ("改革开放市决定当代中国命运的关键一招。", "改革开放是决定当代中国命运的关键一招。"),
    ("廉洁自律市共产党人的基本操守。", "廉洁自律是共产党人的基本操守。"),
    ("为人民服务市党的根本宗旨。", "为人民服务是党的根本宗旨。"),
    ("勤俭节约市中华民族的传统美德。", "勤俭节约是中华民族的传统美德。"),
    ("发展市第一要务。", "发展是第一要务。"),
    ("创新事引领发展的第一动力。", "创新是引领发展的第一动力。"),
    ("稳定事硬任务。", "稳定是硬任务。"),
    ("全面提升治理能力现代化水评。", "全面提升治理能力现代化水平。"),
    ("发挥战斗堡垒作用和党员先锋模范作永。", "发挥战斗堡垒作用和党员先锋模范作用。"),
    ("问题整改事否到位要由群众评判。", "问题整改是否到位要由群众评判。"),
    ("人民市历史的创造者。", "人民是历史的创造者。"),
    ("学习市干部成长的阶梯。", "学习是干部成长的阶梯。"),
    ("理论学习事党员的必修课。", "理论学习是党员的必修课。"),
    ("团结统一市党的生命。", "团结统一是党的生命。"),
    ("监督市最好的保护。", "监督是最好的保护。"),
    # two of the nine misses recorded before issue 15: the candidate search now reaches them
    ("各项工作取得了新的近展。", "各项工作取得了新的进展。"),
    ("各单位要认真贯彻落石。", "各单位要认真贯彻落实。"),
]

# The other seven misses recorded before issue 15. The language model's
# margin is small for these: a real word (领到) or a one-character slip whose
# window gains little (事/市 for 是 before a noun). Reporting them at the
# default tier would cost false alarms on real documents, so the review tier
# (typo-sensitivity = "review") reports them, as TY004.
REVIEW_TIER_ONLY = [
    ("要进一步加强组织领到。", "领导"), ("担当作为事干部的应有品格。", "是"),
    ("依法行政事政府工作的基本准则。", "是"), ("安全市发展的前提。", "是"), ("教育事国之大计。", "是"),
]
# One stays missed, for a reason: 市领导 (the city's leaders) is itself a
# common phrase, so 抓落实市领导干部 reads as written. (获得敢, once missed
# because 获得感 is newer than the language model, is now TY001's: its
# lexicon holds the newer terms of new_terms.txt, three characters and up.)
HOMOPHONE_MISSES = ["抓落实市领导干部的基本职责。"]
NEWER_TERMS = [("不断增强人民群众的获得敢。", "获得感"), ("因地制宜发展新质生产立。", "新质生产力")]

DE_DI_DE = [
    ("必须清醒的认识到问题的严重性。", "必须清醒地认识到问题的严重性。"),
    ("要认真的学习党章党规。", "要认真地学习党章党规。"),
    ("我们要坚决的贯彻落实。", "我们要坚决地贯彻落实。"),
    ("必须深刻的认识到肩负的责任。", "必须深刻地认识到肩负的责任。"),
    ("要积极的参与改革。", "要积极地参与改革。"),
    ("要扎实的推进各项工作。", "要扎实地推进各项工作。"),
    ("要主动的接受监督。", "要主动地接受监督。"),
    ("一定要牢牢的把握正确方向。", "一定要牢牢地把握正确方向。"),
    ("要自觉的遵守党的纪律。", "要自觉地遵守党的纪律。"),
    ("务必严格的执行制度。", "务必严格地执行制度。"),
    ("我们清醒的意识到差距。", "我们清醒地意识到差距。"),
    ("大家深刻的认识到教训。", "大家深刻地认识到教训。"),
    ("要全面的落实主体责任。", "要全面地落实主体责任。"),
    ("必须充分的发挥带头作用。", "必须充分地发挥带头作用。"),
    ("要切实的履行监督职责。", "要切实地履行监督职责。"),
    ("要坚定的维护党的团结。", "要坚定地维护党的团结。"),
    ("要及时的处理群众诉求。", "要及时地处理群众诉求。"),
    ("应当依法的查处违纪问题。", "应当依法地查处违纪问题。"),
    ("要准确的把握政策界限。", "要准确地把握政策界限。"),
    ("要持续的推动整改。", "要持续地推动整改。"),
    ("这项工作做的很好。", "这项工作做得很好。"),
    ("大家讲的很好。", "大家讲得很好。"),
    ("任务完成的非常出色。", "任务完成得非常出色。"),
    ("工作落实的不够到位。", "工作落实得不够到位。"),
    ("他们干的十分扎实。", "他们干得十分扎实。"),
    ("材料准备的很充分。", "材料准备得很充分。"),
    ("活动组织的很好。", "活动组织得很好。"),
    ("政策执行的不够严。", "政策执行得不够严。"),
    ("问题解决的比较好。", "问题解决得比较好。"),
    ("这次会议办的很好。", "这次会议办得很好。"),
]
DE_DI_DE_GOOD = [
    "我们有了深刻的认识。", "以认真的态度对待工作。", "这是一次深刻的教训。", "保持清醒的头脑。",
    "坚决的态度和扎实的作风。", "要有主动的意识。", "严格的制度是保障。", "目的很明确。",
    "有的同志认识不到位。", "真的很好。", "他提的建议很好。", "这是发展的需要。", "我们的工作很扎实。",
    "取得了显著的成效。", "值得认真总结。", "心得体会要深刻。", "这是全面的部署。", "要有积极的心态。",
    "把握正确的方向。", "这是及时的提醒。", "准确的数据是决策的基础。", "持续的努力必不可少。",
    "扎实的作风来自严格的要求。", "主动的担当令人敬佩。", "这里是目的地。", "土地流转要规范。",
    "各地方要抓好落实。", "这是我们做的工作。", "他说的话很有道理。", "坚定的信念是前进的动力。",
]

DUPLICATES = [
    ("自治区纪委纪委监委对我市给予指导。", "自治区纪委监委对我市给予指导。"),
    ("要加强加强党的建设。", "要加强党的建设。"),
    ("全市各级各级党组织要落实。", "全市各级党组织要落实。"),
    ("这是一项重要重要任务。", "这是一项重要任务。"),
    ("我们要认真认真抓好落实。", "我们要认真抓好落实。"),
    ("要把把纪律挺在前面。", "要把纪律挺在前面。"),
    ("推动工作在在基层落地。", "推动工作在基层落地。"),
    ("严格落实落实主体责任。", "严格落实主体责任。"),
    ("市委市委决定召开会议。", "市委决定召开会议。"),
    ("推进党风廉政廉政建设。", "推进党风廉政建设。"),
    ("要深入深入调查研究。", "要深入调查研究。"),
    ("坚持问题问题导向。", "坚持问题导向。"),
    ("切实提高提高政治站位。", "切实提高政治站位。"),
    ("全面推进推进依法治国。", "全面推进依法治国。"),
    ("加强监督监督执纪问责。", "加强监督执纪问责。"),
    ("干部干部队伍建设要加强。", "干部队伍建设要加强。"),
    ("要坚持坚持与时俱进。", "要坚持与时俱进。"),
    ("要把群众群众利益放在首位。", "要把群众利益放在首位。"),
    ("这次会议会议的主要任务是部署。", "这次会议的主要任务是部署。"),
    ("推动高质量高质量发展。", "推动高质量发展。"),
    ("要严肃严肃查处违纪行为。", "要严肃查处违纪行为。"),
    ("各部门部门要密切配合。", "各部门要密切配合。"),
    ("完善制度制度体系。", "完善制度体系。"),
    ("增强政治政治意识。", "增强政治意识。"),
    ("强化责任责任担当。", "强化责任担当。"),
    ("开展专项专项整治。", "开展专项整治。"),
    ("严格执行执行纪律。", "严格执行纪律。"),
    ("建立长效长效机制。", "建立长效机制。"),
    ("服务人民人民群众。", "服务人民群众。"),
    ("巩固巩固整改成果。", "巩固整改成果。"),
]
DUPLICATES_GOOD = [
    "这个问题要研究研究。", "一个个问题都要解决。", "我们常常讲要抓落实。", "层层压实责任。",
    "天天讲、月月讲。", "要认认真真抓落实。", "谢谢大家！", "的的确确是这样。", "一步一步往前走。",
    "实实在在为群众办事。", "人人都要遵守纪律。", "处处留心皆学问。", "年年都要考核。", "事事有回音。",
    "时时刻刻绷紧纪律之弦。", "干干净净做事。", "这是工作的一部分。",
    "保险标的的所有权转移。", "现在在线办理。", "大家讨论讨论。", "要一次又一次地检查。",
    "星星点点的火苗。", "各级各部门要落实。", "一一对应。", "轰轰烈烈地开展。", "清清楚楚地交代。",
    "明明白白地告诉群众。", "扎扎实实推进工作。", "家家户户都受益。", "方方面面都要考虑。",
]

# 市 before the name of a city institution is no slip for 是 (found by the
# autocorrect comparison: benchmarks/compare_autocorrect.py).
INSTITUTIONS_GOOD = [
    "牵头单位：市大数据局", "刚才，市大数据局通报了工作进展。", "由市发展和改革委员会牵头。",
    "市人民政府办公室印发了通知。", "市委、市政府高度重视。", "经市中级人民法院审理。",
    # words of official writing that jieba's dictionary lacks (official_words.txt)
    "一些党员干部纪法意识淡薄，有的甚至顶风违纪。", "对失职失责的要严肃问责。", "依规依纪依法追责。",
    "持续纠治“四风”顽疾。", "筑牢拒腐防变的思想防线。",
    "以著作权中的财产权为质物的质押合同，应当办理出质登记。",
]


def _fixed(text):
    found = lint(Document(text), TY)
    edits = [e for d in found[:1] if d.fix for e in d.fix.edits]
    return found, apply_edits(text, edits)


@pytest.mark.parametrize("bad, good", [pytest.param(*case, marks=pytest.mark.needs_lm)
                                       for case in FIXED_PHRASES + HOMOPHONES] + DE_DI_DE + DUPLICATES)
def test_bad_sentence_is_flagged_with_the_right_fix(bad, good):
    found, fixed = _fixed(bad)
    assert found, f"not flagged: {bad}"
    assert fixed == good, [(d.code, d.message) for d in found]


@pytest.mark.parametrize("good", [g for _, g in FIXED_PHRASES + HOMOPHONES + DE_DI_DE + DUPLICATES]
                         + DE_DI_DE_GOOD + DUPLICATES_GOOD + INSTITUTIONS_GOOD)
def test_good_sentence_is_clean(good):
    assert lint(Document(good), TY) == []


@pytest.mark.parametrize("text", HOMOPHONE_MISSES)
@pytest.mark.xfail(reason="known limit of the context layer (see the comment above)", strict=True)
def test_known_homophone_misses(text):
    assert lint(Document(text), TY_REVIEW)


@pytest.mark.parametrize("bad, right", NEWER_TERMS)
def test_slips_in_terms_newer_than_the_language_model_are_fixed_expressions(bad, right):
    found = lint(Document(bad), TY_REVIEW)
    assert [(d.code, d.fix.edits[0].text) for d in found] == [("TY001", right)]


@pytest.mark.parametrize("bad, right", REVIEW_TIER_ONLY)
def test_review_tier_reports_the_weaker_suspects(bad, right):
    assert lint(Document(bad), TY) == []
    found = lint(Document(bad), TY_REVIEW)
    assert [(d.code, d.fix.edits[0].text) for d in found] == [("TY004", right)]
    assert found[0].severity == "info"


def test_each_class_has_thirty_cases():
    for bad in (FIXED_PHRASES, HOMOPHONES, DE_DI_DE, DUPLICATES):
        assert len(bad) >= 30
    assert len(DE_DI_DE_GOOD) >= 30 and len(DUPLICATES_GOOD) >= 30


def test_allow_list_and_user_confusions():
    from gwlint.api import configure

    assert lint(Document("要市帜鲜明讲政治。"), configure({"select": ["TY"], "allow": ["市帜鲜明"]})) == []
    cfg = configure({"select": ["TY"], "confusions": {"工作落石": "工作落实"}})
    found = lint(Document("推动工作落石。"), cfg)
    assert [(d.code, d.fix.edits[0].text) for d in found] == [("TY002", "工作落实")]
    cfg = configure({"select": ["TY"], "lexicon": []})
    assert lint(Document("推动三个一批落实。"), cfg) == []


def test_vectorised_suspects_match_a_plain_reading():
    """The numpy first pass of the context layer (orphans: characters no word
    covers; doubtful words not inside a longer word) must say what a plain
    Python reading of the same word lists says, line by line."""
    import random

    pytest.importorskip("numpy")
    from gwlint.rules._typo_suspects import mark, word_codes

    words = ["发展", "经济", "社会", "机制", "机智", "体制", "创新", "检察院", "检察", "当事人", "当事"]
    doubtful = ["机智", "检察", "当事"]
    rng = random.Random(7)
    alphabet = "发展经济社会机制智体创新检察院当事人法的，A"
    lines = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 30))) for _ in range(200)]
    got = mark(lines, word_codes(words), word_codes(doubtful))
    for text, (orphans, doubts) in zip(lines, got):
        spans = [(a, a + len(w)) for w in words for a in range(len(text)) if text.startswith(w, a)]
        cjk = [i for i, c in enumerate(text) if "\u4e00" <= c <= "\u9fff"]
        assert orphans == [i for i in cjk if not any(a <= i < b for a, b in spans)]
        expected = {(a, b) for a, b in spans if text[a:b] in doubtful
                    and not any(x <= a and b <= y and y - x > b - a for x, y in spans)}
        assert set(map(tuple, doubts)) == expected


@pytest.mark.needs_lm
def test_the_review_tier_asks_for_its_rule_without_select():
    """typo-sensitivity = "review" shows TY004 (an info rule) in a default run:
    asking for the tier is asking for its findings; ignore still wins."""
    import gwlint

    text = "要进一步加强组织领到。"
    assert [d.code for d in gwlint.lint_text(text)] == []
    assert [d.code for d in gwlint.lint_text(text, {"typo-sensitivity": "review"})] == ["TY004"]
    assert gwlint.lint_text(text, {"typo-sensitivity": "review", "ignore": ["TY004"]}) == []


@pytest.mark.needs_lm
def test_one_slip_is_reported_once_even_when_the_context_span_starts_earlier():
    """TY003/TY004 skip every span that overlaps a TY001/TY002 finding, not
    only those that start inside one (要市帜鲜明: 市 is TY001's alone)."""
    import gwlint

    found = gwlint.lint_text("我们要市帜鲜明讲政治。", {"select": ["TY"], "typo-sensitivity": "review"})
    assert [d.code for d in found] == ["TY001"]
