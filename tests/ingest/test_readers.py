"""Readers keep what the layout needs: a two-column PDF in reading order, a DOCX table's empty
cells in place (so a mark stays under its "Yes" or "No")."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from dpa_policy.ingest.readers import read
from tests.ingest.corpus_holdout import blocks
from tests.ingest.corpus_holdout.render import render_docx, render_two_column_pdf

pytest.importorskip("fpdf")

LEFT = ("The Provider shall notify the LEA within seventy-two (72) hours of confirmation of any breach of "
        "Student Data, and shall describe the breach and the data involved in the notice. ") * 3
RIGHT = ("The LEA may audit the Provider once a year on ten (10) business days' notice, and the Provider shall "
         "cooperate with the audit and give the auditors access to its records. ") * 3


def test_two_column_pdf_written_row_by_row_is_read_column_by_column(tmp_path):
    module = SimpleNamespace(HEADER="Two-column test", BLOCKS=[
        blocks.title("TWO COLUMN AGREEMENT"), blocks.h("1. Breach"), blocks.p(LEFT), blocks.h("2. Audit"),
        *[blocks.p(RIGHT)] * 12])  # enough to fill the right column beside the breach clause
    path = tmp_path / "two.pdf"
    render_two_column_pdf(module, path)
    text = " ".join(line.text for line in read("pdf", path.read_bytes()).lines)
    assert text.count("within seventy-two (72) hours of confirmation of any breach of Student Data") == 3
    assert text.count("once a year on ten (10) business days' notice") == 36
    assert text.index("TWO COLUMN AGREEMENT") < text.index("1. Breach") < text.index("2. Audit")


def test_single_column_pdf_keeps_pypdfs_text(tmp_path):
    from pypdf import PdfReader

    from tests.ingest.corpus_holdout import norwich_falls
    from tests.ingest.corpus_holdout.render import render_table_pdf

    path = tmp_path / "one.pdf"
    render_table_pdf(norwich_falls, path)  # a key-terms table: two columns of cells, not of text
    lines = [line.text for line in read("pdf", path.read_bytes()).lines if line.page == 1]
    plain = [" ".join(x.split()) for x in (PdfReader(str(path)).pages[0].extract_text() or "").splitlines()]
    assert lines == [x for x in plain if x]


def test_docx_table_keeps_empty_cells_so_marks_stay_in_their_column(tmp_path):
    module = SimpleNamespace(HEADER="", BLOCKS=[blocks.table(("Data Element", "Yes", "No"),
                                                             [("Date of birth", "", "X"), ("Grade level", "X", "")])])
    path = tmp_path / "t.docx"
    render_docx(module, path)
    assert [line.text for line in read("docx", path.read_bytes()).lines] == [
        "Data Element | Yes | No", "Date of birth | | X", "Grade level | X |"]
