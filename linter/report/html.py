"""``--format html``: one self-contained page for people who do not use a
terminal — a summary (by family, severity, rule and file, each file linked
to its findings), a table per file, each finding in context with the span
highlighted and the suggested fix, and a filter by family that the summary
follows. Files in natural order (d1, d2, d10). No network."""
from __future__ import annotations

import html
import re
from collections import Counter
from datetime import datetime

from ..display import printable

FAMILY_NAMES = {"TY": "错别字", "PH": "占位符", "NU": "序号", "ST": "结构", "PU": "标点", "NM": "数字",
                "EX": "规范表述", "CO": "前后一致", "LY": "版式"}
SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示", "hint": "建议"}
CONTEXT = 40

STYLE = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#222;max-width:1200px}
h1{font-size:1.6em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;margin:.5em 0}td,th{border:1px solid #ddd;padding:.35em .5em;vertical-align:top}
th{background:#f3f3f3;text-align:left}.ctx{font-size:1.05em}.ctx mark{background:#ffd54f;padding:0 1px}
.sev-error{color:#b71c1c}.sev-warning{color:#e65100}.sev-info,.sev-hint{color:#1565c0}
.tables{display:flex;gap:2em;align-items:flex-start}.tables table{width:auto}
.filters label{margin-right:1em;cursor:pointer}.fix{color:#2e7d32}.hidden{display:none}.num{text-align:right}
"""

SCRIPT = """
function applyFilter(){
  var on={};document.querySelectorAll('.filters input').forEach(function(b){on[b.value]=b.checked;});
  var shown=0,perFile={},perRule={},perFam={},perSev={};
  document.querySelectorAll('tr.finding').forEach(function(r){
    var v=!!on[r.dataset.family];r.classList.toggle('hidden',!v);
    if(v){shown++;perFile[r.dataset.file]=(perFile[r.dataset.file]||0)+1;
      perRule[r.dataset.code]=(perRule[r.dataset.code]||0)+1;perFam[r.dataset.family]=(perFam[r.dataset.family]||0)+1;
      perSev[r.dataset.severity]=(perSev[r.dataset.severity]||0)+1;}});
  document.getElementById('shown').textContent=shown;
  function fill(sel,counts,key){document.querySelectorAll(sel).forEach(function(row){
    var n=counts[row.dataset[key]]||0;row.querySelector('.count').textContent=n;row.classList.toggle('hidden',!n);});}
  fill('#summary tr[data-family]',perFam,'family');fill('#rules tr[data-code]',perRule,'code');
  fill('#severity tr[data-severity]',perSev,'severity');
  document.querySelectorAll('#per-file tr[data-file]').forEach(function(row){
    row.querySelector('.count').textContent=perFile[row.dataset.file]||0;
    row.querySelectorAll('td[data-family]').forEach(function(td){td.classList.toggle('hidden',!on[td.dataset.family]);});});
  document.querySelectorAll('#per-file th[data-family]').forEach(function(th){th.classList.toggle('hidden',!on[th.dataset.family]);});
  document.querySelectorAll('section.file').forEach(function(sec){sec.classList.toggle('hidden',!perFile[sec.dataset.file]);});
}
document.addEventListener('DOMContentLoaded',function(){
  var m=location.hash.match(/family=([A-Z,]+)/);
  if(m){var keep=m[1].split(',');document.querySelectorAll('.filters input').forEach(function(b){
    b.checked=keep.indexOf(b.value)>=0;});}
  document.querySelectorAll('.filters input').forEach(function(b){b.addEventListener('change',applyFilter);});
  applyFilter();
});
"""


def _e(s: str) -> str:
    return html.escape(printable(s), quote=True)


def _context(doc, d) -> str:
    line = doc.line_at(d.span.start)
    s = d.span.start - line.start
    e = min(d.span.end, line.end) - line.start
    before = line.text[max(0, s - CONTEXT):s]
    after = line.text[e:e + CONTEXT]
    return (("…" if s > CONTEXT else "") + _e(before) + "<mark>" + _e(line.text[s:e] or " ") + "</mark>"
            + _e(after) + ("…" if len(line.text) - e > CONTEXT else ""))


def _natural(path: str):
    """d1, d2, d10: digits compare as numbers."""
    return [int(t) if i % 2 else t.casefold() for i, t in enumerate(re.split(r"(\d+)", path))], path


def render(results, stream, color: bool = False, rules=None) -> None:
    """The page: a summary (by family, by rule, by severity, by file, each
    file a link to its findings), the family filter (which the summary
    follows), then each file's findings. Files in natural order."""
    results = sorted(results, key=lambda r: _natural(r.path))
    anchors = {r.path: f"f{i + 1}" for i, r in enumerate(results)}
    findings = [(r, d) for r in results for d in r.diagnostics]
    fam = Counter(d.code[:2] for _, d in findings)
    by_rule = Counter((d.code, d.name) for _, d in findings)
    sev = Counter(d.severity for _, d in findings)
    rules = rules or {}
    out = ["<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'>",
           "<title>gwlint 检查报告</title><style>", STYLE, "</style></head><body>",
           "<h1>gwlint 公文检查报告</h1>",
           f"<p>生成时间：{datetime.now():%Y-%m-%d %H:%M}　文件数：<b id='files'>{len(results)}</b>　"
           f"问题数：<b id='total'>{len(findings)}</b>　当前显示：<b id='shown'>{len(findings)}</b></p>",
           "<h2>汇总</h2><div class='tables'><table id='summary'><tr><th>类别</th><th>数量</th></tr>"]
    for f, n in sorted(fam.items()):
        out.append(f"<tr data-family='{f}'><td>{f} {FAMILY_NAMES.get(f, '')}</td><td class='num count'>{n}</td></tr>")
    out.append("</table><table id='severity'><tr><th>级别</th><th>数量</th></tr>")
    for s_, n in sorted(sev.items(), key=lambda kv: list(SEVERITY_NAMES).index(kv[0]) if kv[0] in SEVERITY_NAMES else 9):
        out.append(f"<tr data-severity='{_e(s_)}'><td class='sev-{_e(s_)}'>{SEVERITY_NAMES.get(s_, _e(s_))}</td>"
                   f"<td class='num count'>{n}</td></tr>")
    out.append("</table></div><h3>按规则</h3><table id='rules'><tr><th>规则</th><th>名称</th><th>说明</th><th>数量</th></tr>")
    for (code, name), n in sorted(by_rule.items()):
        summary = rules[code].summary if code in rules else ""
        out.append(f"<tr data-code='{_e(code)}' data-family='{_e(code[:2])}'><td>{_e(code)}</td><td>{_e(name)}</td>"
                   f"<td>{_e(summary)}</td><td class='num count'>{n}</td></tr>")
    out.append("</table><h3>按文件</h3><table id='per-file'><tr><th>文件</th><th>问题数</th>"
               + "".join(f"<th data-family='{f}'>{f}</th>" for f in sorted(fam)) + "</tr>")
    for r in results:
        c = Counter(d.code[:2] for d in r.diagnostics)
        name = (f"<a href='#{anchors[r.path]}'>{_e(r.path)}</a>" if r.diagnostics else _e(r.path))
        out.append(f"<tr data-file='{anchors[r.path]}'><td>{name}</td><td class='num count'>{len(r.diagnostics)}</td>"
                   + "".join(f"<td class='num' data-family='{f}'>{c.get(f, '')}</td>" for f in sorted(fam)) + "</tr>")
    out.append("</table><h2>筛选</h2><div class='filters'>")
    for f in sorted(fam):
        out.append(f"<label><input type='checkbox' value='{f}' checked> {f} {FAMILY_NAMES.get(f, '')}"
                   f"（{fam[f]}）</label>")
    out.append("</div>")
    for r in results:
        if not r.diagnostics:
            continue
        a = anchors[r.path]
        out.append(f"<section class='file' id='{a}' data-file='{a}'><h2>{_e(r.path)}</h2><table class='file'>"
                   "<tr><th>位置</th><th>规则</th><th>问题</th><th>原文</th><th>修改建议</th></tr>")
        for d in r.diagnostics:
            line, col = r.document.position(d.span.start)
            fix = _e(d.fix.title) if d.fix else ""
            out.append(f"<tr class='finding' data-family='{d.code[:2]}' data-code='{d.code}' data-file='{a}' "
                       f"data-severity='{_e(d.severity)}'>"
                       f"<td>{line + 1}:{col + 1}</td><td class='sev-{_e(d.severity)}'>{d.code}</td>"
                       f"<td>{_e(d.message)}</td><td class='ctx'>{_context(r.document, d)}</td>"
                       f"<td class='fix'>{fix}</td></tr>")
        out.append("</table></section>")
    out.append(f"<script>{SCRIPT}</script></body></html>\n")
    stream.write("".join(out))
