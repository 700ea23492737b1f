"""Test files made here, not downloaded: a minimal valid .odt (by hand, laid
out like a GB/T 9704 official document), a minimal valid .ofd with a small
typesetter of its own, and LibreOffice conversions of the .odt into the
other formats (.doc, .rtf, .pdf, .docx)."""
from __future__ import annotations

import io
import os
import random
import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
          'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"')

STYLES = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {ODF_NS}>
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:paragraph-properties fo:line-height="28pt" style:punctuation-wrap="simple"/>
   <style:text-properties fo:font-size="16pt" style:font-size-asian="16pt" fo:language="zh" fo:country="CN"/>
  </style:default-style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="pm1">
   <style:page-layout-properties fo:page-width="210mm" fo:page-height="297mm" fo:margin-top="37mm"
     fo:margin-bottom="20mm" fo:margin-left="28mm" fo:margin-right="26mm"/>
   <style:footer-style><style:header-footer-properties fo:min-height="10mm"/></style:footer-style>
  </style:page-layout>
  <style:style style:name="MP1" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/></style:style>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="pm1">
   {{footer}}
  </style:master-page>
 </office:master-styles>
</office:document-styles>"""

FOOTER = '<style:footer><text:p text:style-name="MP1">— <text:page-number text:select-page="current">1</text:page-number> —</text:p></style:footer>'

CONTENT = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {ODF_NS}>
 <office:automatic-styles>
  <style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:text-indent="{{indent}}"/></style:style>
  <style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/></style:style>
 </office:automatic-styles>
 <office:body><office:text>{{body}}</office:text></office:body>
</office:document-content>"""

MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""


def odf_inline(text: str) -> str:
    """Text as ODF paragraph content: runs of spaces, tabs and breaks as elements."""
    out = []
    i = 0
    while i < len(text):
        c = text[i]
        if c == " ":
            j = i
            while j < len(text) and text[j] == " ":
                j += 1
            n = j - i
            out.append(" " if i > 0 and n == 1 else f'<text:s text:c="{n}"/>')
            i = j
            continue
        out.append({"\t": "<text:tab/>", "\n": "<text:line-break/>"}.get(c, escape(c)))
        i += 1
    return "".join(out)


def odt(paragraphs: list[str], *, title: str | None = None, table: list[list[str]] | None = None,
        indent: str = "32pt", footer: bool = True, body_xml: str | None = None) -> bytes:
    """A minimal valid OpenDocument text: a centred title, justified body
    paragraphs indented two characters, an optional table, page numbers."""
    body = []
    if title:
        body.append(f'<text:p text:style-name="Title">{odf_inline(title)}</text:p>')
    for p in paragraphs:
        body.append(f'<text:p text:style-name="Body">{odf_inline(p)}</text:p>')
    if table:
        rows = "".join("<table:table-row>" + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{odf_inline(c)}</text:p></table:table-cell>'
            for c in row) + "</table:table-row>" for row in table)
        body.append(f'<table:table table:name="T1"><table:table-column table:number-columns-repeated='
                    f'"{len(table[0])}"/>{rows}</table:table>')
    content = CONTENT.format(indent=indent, body=body_xml if body_xml is not None else "".join(body))
    return odt_package(content, STYLES.format(footer=FOOTER if footer else ""))


def odt_package(content: str, styles: str | None = None, manifest: str = MANIFEST,
                mimetype: str = "application/vnd.oasis.opendocument.text") -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), mimetype)  # stored, first, as ODF requires
        zf.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        zf.writestr("styles.xml", styles or STYLES.format(footer=""), compress_type=zipfile.ZIP_DEFLATED)
        zf.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


# --- OFD -------------------------------------------------------------------

OFD_NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'


def ofd(paragraphs: list[str], *, title: str | None = None, size: float = 5.6, page=(210.0, 297.0),
        margins=(28.0, 37.0, 26.0, 35.0), pitch: float = 9.9, indent: bool = True, page_numbers: bool = True,
        split_runs: bool = False, shuffle: bool = False, absolute_locs: bool = False, wrap_at: int | None = None,
        seed: int = 1) -> bytes:
    """A minimal valid OFD typeset like a GB/T 9704 document: lines wrapped at
    the right margin (or at ``wrap_at`` characters), justified, the first
    line of each paragraph indented two characters, a centred title, a page
    number at the foot of each page. ``split_runs`` writes each line as
    several TextCode runs and objects, ``shuffle`` writes them out of order:
    the reader must sort them by position."""
    rng = random.Random(seed)
    width, height = page
    left, top, right, bottom = margins
    text_width = width - left - right
    per_line = int(text_width // size)
    lines = []  # (text, x, justified)
    if title:
        for chunk in _chunks(title, per_line):
            lines.append((chunk, left + (text_width - len(chunk) * size) / 2, False))
        lines.append(None)  # a blank line after the title
    for p in paragraphs:
        first = True
        rest = p
        if not rest:
            lines.append(None)
            continue
        while rest:
            room = per_line - (2 if first and indent else 0)
            if wrap_at is not None:
                room = min(room, wrap_at - (2 if first and indent else 0))
            cut = room
            while 0 < cut < len(rest) and rest[cut - 1].isascii() and rest[cut].isascii() \
                    and rest[cut - 1].isalnum() and rest[cut].isalnum():
                cut -= 1  # like a word processor, never break inside a Latin word
            chunk, rest = rest[:cut or room], rest[cut or room:]
            x = left + (2 * size if first and indent else 0)
            lines.append((chunk, x, bool(rest) and wrap_at is None))
            first = False
    per_page = int((height - top - bottom) // pitch)
    pages = [lines[i:i + per_page] for i in range(0, len(lines), per_page)] or [[]]
    ids = iter(range(10, 10_000_000))
    files = {}
    doc_pages = []
    for n, page_lines in enumerate(pages):
        objects = []
        for i, line in enumerate(page_lines):
            if line is None:
                continue
            chunk, x, justified = line
            baseline = top + (i + 1) * pitch
            advances = [0.5 * size if c.isascii() else size for c in chunk]
            if justified and len(chunk) > 1:
                extra = (left + text_width - x - sum(advances)) / (len(chunk) - 1)
                advances = [a + extra for a in advances[:-1]] + advances[-1:]
            starts = [x]
            for a in advances[:-1]:
                starts.append(starts[-1] + a)
            pieces = _split(chunk, rng) if split_runs else [(0, chunk)]
            for offset, piece in pieces:
                bx = starts[offset]
                deltas = advances[offset:offset + len(piece) - 1]
                if deltas and all(abs(d - deltas[0]) < 1e-9 for d in deltas):
                    delta_x = f"g {len(deltas)} {deltas[0]:.4f}"
                else:
                    delta_x = " ".join(f"{d:.4f}" for d in deltas)
                objects.append(
                    f'<ofd:TextObject ID="{next(ids)}" Boundary="{bx:.3f} {baseline - size:.3f} '
                    f'{sum(advances[offset:offset + len(piece)]):.3f} {size * 1.2:.3f}" Font="2" Size="{size}">'
                    f'<ofd:TextCode X="0" Y="{size:.3f}" DeltaX="{delta_x}">'
                    f'{escape(piece)}</ofd:TextCode></ofd:TextObject>')
        if page_numbers:
            label = f"— {n + 1} —"
            objects.append(f'<ofd:TextObject ID="{next(ids)}" Boundary="{width / 2 - 15} {height - 25} 30 8" '
                           f'Font="2" Size="4.9"><ofd:TextCode X="0" Y="5">{escape(label)}</ofd:TextCode>'
                           f'</ofd:TextObject>')
        if shuffle:
            rng.shuffle(objects)
        files[f"Doc_0/Pages/Page_{n}/Content.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {OFD_NS}><ofd:Content>'
            f'<ofd:Layer ID="{next(ids)}">{"".join(objects)}</ofd:Layer></ofd:Content></ofd:Page>')
        loc = f"/Doc_0/Pages/Page_{n}/Content.xml" if absolute_locs else f"Pages/Page_{n}/Content.xml"
        doc_pages.append(f'<ofd:Page ID="{next(ids)}" BaseLoc="{loc}"/>')
    files["Doc_0/Document.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {OFD_NS}><ofd:CommonData>'
        f'<ofd:MaxUnitID>{next(ids)}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 {width} {height}'
        f'</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>'
        f'<ofd:Pages>{"".join(doc_pages)}</ofd:Pages></ofd:Document>')
    files["Doc_0/PublicRes.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res {OFD_NS} BaseLoc="Res"><ofd:Fonts>'
        f'<ofd:Font ID="2" FontName="仿宋" FamilyName="仿宋"/></ofd:Fonts></ofd:Res>')
    files["OFD.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {OFD_NS} Version="1.0" DocType="OFD"><ofd:DocBody>'
        f'<ofd:DocInfo><ofd:DocID>0c0e1ea1b2c34d5e8f90a1b2c3d4e5f6</ofd:DocID><ofd:Title>test</ofd:Title>'
        f'</ofd:DocInfo><ofd:DocRoot>{"/" if absolute_locs else ""}Doc_0/Document.xml</ofd:DocRoot>'
        f'</ofd:DocBody></ofd:OFD>')
    return zip_files(files)


def zip_files(files: dict[str, str | bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _chunks(text: str, n: int) -> list[str]:
    return [text[i:i + n] for i in range(0, len(text), n)] or [""]


def _split(chunk: str, rng: random.Random) -> list[tuple[int, str]]:
    """A line cut into a few runs, as PDF-to-OFD converters write them."""
    cuts = sorted(rng.sample(range(1, len(chunk)), min(3, len(chunk) - 1))) if len(chunk) > 1 else []
    bounds = [0, *cuts, len(chunk)]
    return [(a, chunk[a:b]) for a, b in zip(bounds, bounds[1:])]


# --- LibreOffice -------------------------------------------------------------

def soffice_convert(source: Path, fmt: str, outdir: Path) -> Path:
    """``source`` converted by LibreOffice (tests that need it skip without it)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    outdir.mkdir(parents=True, exist_ok=True)
    profile = outdir / ".lo-profile"
    subprocess.run([soffice, f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless", "--norestore",
                    "--convert-to", fmt, "--outdir", str(outdir), str(source)],
                   check=True, capture_output=True, timeout=180, env=dict(os.environ, HOME=str(outdir)))
    out = outdir / (source.stem + "." + fmt.split(":")[0])
    assert out.exists(), f"LibreOffice did not write {out}"
    return out


def needs(program: str) -> None:
    if shutil.which(program) is None:
        pytest.skip(f"{program} is not installed")


def blank_pdf() -> bytes:
    """A valid one-page PDF with nothing on the page (as a scan without a
    text layer reads)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
               b"<< /Length 0 >>\nstream\n\nendstream"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
