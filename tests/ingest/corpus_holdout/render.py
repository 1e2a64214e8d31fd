"""Render the held-out corpus as real files, each in a layout the first corpus never used.

    python -m tests.ingest.corpus_holdout.render OUT_DIR

- ``two_column_pdf``: two columns of Helvetica, each row written left then right, so the
  content stream interleaves the columns line by line (as some PDF producers do);
- ``scan_pdf``: the text layer of a scan: Courier lines broken at 76 characters, long words
  hyphenated across lines, a running header and "Page N of M" footer on every page;
- ``table_pdf``: Times, justified paragraphs, tables drawn with fpdf's table;
- ``docx``: run-in bold headings, tables whose marks are typed ("X", "Yes"), a Word header
  (not part of the body text);
- ``text``: one paragraph per line, as a web page saved as text.

Nothing here reads the importer: the files are what a district would receive.
"""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE.parents[2]) not in sys.path:
    sys.path.insert(0, str(HERE.parents[2]))

from tests.ingest.corpus_holdout import CONTRACTS, FRESH  # noqa: E402

FIXED_TIME = datetime(2025, 1, 1, tzinfo=timezone.utc)
_BR = "{br}"


def _plain(text: str) -> str:
    return " ".join(text.replace(_BR, " ").split())


# ------------------------------------------------------------------------------ two columns
def render_two_column_pdf(module, path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="letter", unit="mm")
    pdf.core_fonts_encoding = "cp1252"  # en dashes, bullets, curly quotes in the standard fonts
    pdf.set_creation_date(FIXED_TIME)
    pdf.set_auto_page_break(False)
    width, height = 215.9, 279.4
    margin, gutter, leading = 15.0, 9.0, 4.4
    column = (width - 2 * margin - gutter) / 2
    body_top, body_bottom = 24.0, height - 18.0

    rows: list[tuple[str, str]] = []  # (style, text); ("", "") is a blank row

    def wrap(text: str, style: str) -> None:
        pdf.set_font("Helvetica", style, 9)
        line = ""
        for word in text.split():
            candidate = f"{line} {word}".strip()
            if line and pdf.get_string_width(candidate) > column:
                rows.append((style, line))
                line = word
            else:
                line = candidate
        if line:
            rows.append((style, line))

    title = None
    for block in module.BLOCKS:
        kind = block[0]
        if kind == "title":
            title = block[1]
        elif kind == "h":
            rows.append(("", ""))
            wrap(block[1], "B")
        elif kind == "p":
            wrap(_plain(block[1]), "")
            rows.append(("", ""))
        elif kind == "lines":
            for text in block[1]:
                if text:
                    wrap(text, "")
                else:
                    rows.append(("", ""))
            rows.append(("", ""))

    page = 0
    index = 0
    while index < len(rows):
        pdf.add_page()
        page += 1
        pdf.set_font("Helvetica", "I", 7.5)
        pdf.text(margin, 11, module.HEADER)
        pdf.text(width / 2 - 6, height - 9, f"Page {page}")
        top = body_top
        if page == 1 and title:
            pdf.set_font("Helvetica", "B", 13)
            pdf.text((width - pdf.get_string_width(title)) / 2, top + 4, title)
            top += 12
        per_column = int((body_bottom - top) / leading)
        left = rows[index:index + per_column]
        right = rows[index + per_column:index + 2 * per_column]
        index += 2 * per_column
        for row in range(per_column):
            y = top + (row + 1) * leading
            for x, cells in ((margin, left), (margin + column + gutter, right)):
                if row < len(cells) and cells[row][1]:
                    style, text = cells[row]
                    pdf.set_font("Helvetica", style, 9)
                    pdf.text(x, y, text)
    pdf.output(str(path))


# ------------------------------------------------------------------------------ scanned text layer
_SCAN_WIDTH = 76
_SCAN_LINES_PER_PAGE = 46


def _hyphenated(text: str, width: int) -> list[str]:
    """Break ``text`` at ``width`` like a typist would, splitting long words with a hyphen."""
    out: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if len(candidate) <= width:
            line = candidate
            continue
        room = width - len(line) - (2 if line else 1)
        letters = word.rstrip(".,;:)")
        if room >= 4 and len(letters) >= 8 and letters.isalpha():
            cut = min(room, len(letters) - 3)
            out.append(f"{line} {word[:cut]}-" if line else f"{word[:cut]}-")
            line = word[cut:]
        else:
            out.append(line)
            line = word
    if line:
        out.append(line)
    return out


def render_scan_pdf(module, path: Path) -> None:
    from fpdf import FPDF

    body: list[str | None] = []  # None: a page break
    for block in module.BLOCKS:
        kind = block[0]
        if kind == "title":
            body += [block[1].center(_SCAN_WIDTH).rstrip(), ""]
        elif kind == "h":
            body += [block[1], ""]
        elif kind == "p":
            for part in block[1].split(_BR):
                body += _hyphenated(part, _SCAN_WIDTH)
            body.append("")
        elif kind == "lines":
            body += block[1] + [""]
        elif kind == "break":
            body.append(None)
    pages: list[list[str]] = [[]]
    for line in body:
        if line is None or len(pages[-1]) >= _SCAN_LINES_PER_PAGE:
            pages.append([])
        if line is not None:
            pages[-1].append(line)
    pages = [page for page in pages if any(page)]

    pdf = FPDF(format="letter", unit="mm")
    pdf.core_fonts_encoding = "cp1252"  # en dashes, bullets, curly quotes in the standard fonts
    pdf.set_creation_date(FIXED_TIME)
    pdf.set_auto_page_break(False)
    for number, page in enumerate(pages, start=1):
        pdf.add_page()
        pdf.set_font("Courier", "", 9)
        pdf.text(14, 12, module.HEADER)
        pdf.set_font("Courier", "", 10)
        for row, line in enumerate(page):
            if line:
                pdf.text(18, 24 + row * 5.1, line)
        pdf.set_font("Courier", "", 8)
        pdf.text(60, 270, module.FOOTER.format(page=number, pages=len(pages)))
    pdf.output(str(path))


# ------------------------------------------------------------------------------ Times with tables
def render_table_pdf(module, path: Path) -> None:
    from fpdf import FPDF

    class Contract(FPDF):
        def header(self):
            self.set_font("Times", "I", 8)
            self.cell(0, 5, module.HEADER, align="L", new_x="LMARGIN", new_y="NEXT")
            self.ln(3)

        def footer(self):
            self.set_y(-13)
            self.set_font("Times", "", 8)
            self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="R")

    pdf = Contract(format="letter")
    pdf.core_fonts_encoding = "cp1252"
    pdf.set_creation_date(FIXED_TIME)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    for block in module.BLOCKS:
        kind = block[0]
        if kind == "title":
            pdf.set_font("Times", "B", 14)
            pdf.multi_cell(0, 7, block[1], align="C", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif kind == "h":
            pdf.ln(2)
            pdf.set_font("Times", "B", 11)
            pdf.multi_cell(0, 6, block[1], new_x="LMARGIN", new_y="NEXT")
        elif kind == "p":
            pdf.set_font("Times", "", 10.5)
            pdf.multi_cell(0, 5, _plain(block[1]), align="J", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
        elif kind == "lines":
            pdf.set_font("Times", "", 10.5)
            for text in block[1]:
                pdf.cell(0, 5.5, text, new_x="LMARGIN", new_y="NEXT")
        elif kind == "table":
            pdf.set_font("Times", "", 10)
            header, rows = block[1], block[2]
            widths = (70, 110) if len(header) == 2 else tuple([180 / len(header)] * len(header))
            with pdf.table(col_widths=widths, text_align="LEFT", line_height=5) as drawn:
                for row in [header, *rows]:
                    cells = drawn.row()
                    for cell in row:
                        cells.cell(cell)
            pdf.ln(2)
        elif kind == "break":
            pdf.add_page()
    pdf.output(str(path))


# ------------------------------------------------------------------------------ Word
def render_docx(module, path: Path) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = docx.Document()
    document.core_properties.created = FIXED_TIME.replace(tzinfo=None)
    document.core_properties.modified = FIXED_TIME.replace(tzinfo=None)
    document.sections[0].header.paragraphs[0].text = module.HEADER
    document.sections[0].footer.paragraphs[0].text = "Confidential"
    for block in module.BLOCKS:
        kind = block[0]
        if kind == "title":
            paragraph = document.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = paragraph.add_run(block[1])
            run.bold = True
            run.font.size = Pt(14)
        elif kind == "h":
            run = document.add_paragraph().add_run(block[1])
            run.bold = True
        elif kind == "runin":
            paragraph = document.add_paragraph()
            paragraph.add_run(block[1]).bold = True
            paragraph.add_run(" " + _plain(block[2]))
        elif kind == "p":
            document.add_paragraph(_plain(block[1]))
        elif kind == "lines":
            for text in block[1]:
                document.add_paragraph(text)
        elif kind == "table":
            header, rows = block[1], block[2]
            drawn = document.add_table(rows=0, cols=len(header))
            drawn.style = "Table Grid"
            for row in [header, *rows]:
                cells = drawn.add_row().cells
                for cell, text in zip(cells, row):
                    if text:
                        cell.paragraphs[0].add_run(text)
        elif kind == "break":
            document.add_page_break()
    document.save(str(path))


# ------------------------------------------------------------------------------ plain text
def render_text(module, path: Path) -> None:
    out: list[str] = []
    for block in module.BLOCKS:
        kind = block[0]
        if kind in ("title", "h", "p"):
            out += [_plain(block[1]), ""]
        elif kind == "runin":
            out += [f"{block[1]} {_plain(block[2])}", ""]
        elif kind == "lines":
            out += block[1] + [""]
    path.write_text("\n".join(out), encoding="utf-8")


RENDERERS = {
    "two_column_pdf": render_two_column_pdf,
    "scan_pdf": render_scan_pdf,
    "table_pdf": render_table_pdf,
    "docx": render_docx,
    "text": render_text,
}


def build(out: Path, modules=None) -> dict[str, Path]:
    """Write the held-out documents (or ``modules``) into ``out``; returns name -> path."""
    out.mkdir(parents=True, exist_ok=True)
    paths = {}
    for module in CONTRACTS if modules is None else modules:
        path = out / f"{module.NAME}.{module.FORMAT}"
        RENDERERS[module.STYLE](module, path)
        paths[module.NAME] = path
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "holdout-out")
    for written in build(target, CONTRACTS + FRESH).values():
        print(written)
