"""Generate the import test corpus as real files: PDF (fpdf2), DOCX (python-docx) and HTML.

    python tests/ingest/make_corpus.py OUT_DIR

Each contract in tests/ingest/corpus/ is a list of blocks plus the value of every term a
perfect importer writes (EXPECTED). PDFs use the standard Helvetica font (no system fonts, so
any machine renders the same text), a running header and "Page N of M" footers that the
importer must ignore, and "[X]" check boxes; DOCX files tick boxes the three ways Word does
(a Unicode glyph, a Wingdings symbol, a legacy form-field check box).
"""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE.parent.parent) not in sys.path:
    sys.path.insert(0, str(HERE.parent.parent))

from tests.ingest.corpus import (clearinghouse, district_addendum, illinois, ma_alliance, ndpa_v1,  # noqa: E402
                                 ndpa_v2, ny_rider, vendor_paper)

CONTRACTS = [ndpa_v1, ndpa_v2, ny_rider, ma_alliance, district_addendum, vendor_paper, illinois]
PAGES = [clearinghouse]
FIXED_TIME = datetime(2025, 1, 1, tzinfo=timezone.utc)


def render_pdf(module, path: Path) -> None:
    from fpdf import FPDF

    class Contract(FPDF):
        def header(self):
            self.set_font("Helvetica", "I", 8)
            self.cell(0, 6, module.HEADER, align="C", new_x="LMARGIN", new_y="NEXT")
            self.ln(2)

        def footer(self):
            self.set_y(-12)
            self.set_font("Helvetica", "", 8)
            self.cell(0, 6, f"Page {self.page_no()} of {{nb}}", align="C")

    pdf = Contract(format="letter")
    pdf.set_creation_date(FIXED_TIME)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    for block in module.BLOCKS:
        kind = block[0]
        if kind == "title":
            pdf.set_font("Helvetica", "B", 13)
            pdf.multi_cell(0, 7, block[1], align="C", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif kind == "h":
            pdf.ln(2)
            pdf.set_font("Helvetica", "B", 10.5)
            pdf.multi_cell(0, 6, block[1], new_x="LMARGIN", new_y="NEXT")
        elif kind == "p":
            pdf.set_font("Helvetica", "", 10)
            pdf.multi_cell(0, 5, block[1], align="J", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
        elif kind == "table":
            pdf.set_font("Helvetica", "", 8.5)
            header, rows = block[1], block[2]
            widths = (45, 105, 30) if len(header) == 3 else (150, 30)
            with pdf.table(col_widths=widths, text_align="LEFT", line_height=4.5) as table:
                for row in [header, *rows]:
                    cells = table.row()
                    for cell in row:
                        cells.cell(cell)
            pdf.ln(2)
        elif kind == "sig":
            pdf.set_font("Helvetica", "", 10)
            pdf.ln(3)
            for label, value in block[1]:
                pdf.cell(0, 6, f"{label}: {value}", new_x="LMARGIN", new_y="NEXT")
        elif kind == "break":
            pdf.add_page()
    pdf.output(str(path))


def render_docx(module, path: Path) -> None:
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Pt

    document = docx.Document()
    document.core_properties.created = FIXED_TIME.replace(tzinfo=None)
    document.core_properties.modified = FIXED_TIME.replace(tzinfo=None)
    document.sections[0].header.paragraphs[0].text = module.HEADER
    marks = getattr(module, "MARKS", "unicode")

    def write_mark(paragraph, ticked: bool) -> None:
        if marks == "unicode":
            paragraph.add_run("\u2612" if ticked else "\u2610")
        elif marks == "sym":
            run = paragraph.add_run()
            char = "F0FE" if ticked else "F0A8"
            run._r.append(parse_xml(f'<w:sym {nsdecls("w")} w:font="Wingdings" w:char="{char}"/>'))
        else:  # a legacy FORMCHECKBOX field, as older Word templates carry
            value = "1" if ticked else "0"
            for xml in (f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check"/>'
                        f'<w:enabled/><w:checkBox><w:sizeAuto/><w:default w:val="{value}"/></w:checkBox></w:ffData>'
                        f'</w:fldChar></w:r>',
                        f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>',
                        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>'):
                paragraph._p.append(parse_xml(xml))

    for block in module.BLOCKS:
        kind = block[0]
        if kind in ("title", "h"):
            paragraph = document.add_paragraph()
            run = paragraph.add_run(block[1])
            run.bold = True
            run.font.size = Pt(13 if kind == "title" else 11)
        elif kind == "p":
            document.add_paragraph(block[1])
        elif kind == "table":
            header, rows = block[1], block[2]
            table = document.add_table(rows=0, cols=len(header))
            for row in [header, *rows]:
                cells = table.add_row().cells
                for cell, text in zip(cells, row):
                    paragraph = cell.paragraphs[0]
                    if text in ("[X]", "[ ]"):
                        write_mark(paragraph, text == "[X]")
                    else:
                        paragraph.add_run(text)
        elif kind == "sig":
            for label, value in block[1]:
                document.add_paragraph(f"{label}: {value}")
        elif kind == "break":
            document.add_page_break()
    document.save(str(path))


def build(out: Path) -> dict[str, Path]:
    """Write every corpus document into ``out``; returns name -> path."""
    out.mkdir(parents=True, exist_ok=True)
    paths = {}
    for module in CONTRACTS:
        path = out / f"{module.NAME}.{module.FORMAT}"
        (render_pdf if module.FORMAT == "pdf" else render_docx)(module, path)
        paths[module.NAME] = path
    for module in PAGES:
        path = out / f"{module.NAME}.html"
        path.write_text(module.html(), encoding="utf-8")
        paths[module.NAME] = path
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "corpus-out")
    for name, written in build(target).items():
        print(written)
