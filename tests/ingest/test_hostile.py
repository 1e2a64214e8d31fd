"""Hostile sources, built on the fly: each costs bounded time and memory, ends in a one-line
error naming the file (or imports safely), never stops the other sources, executes nothing
and writes nothing outside the output folder."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from dpa_policy.ingest import format_report, run_import
from dpa_policy.ingest import run as runner
from tests.ingest.corpus import vendor_paper
from tests.ingest.make_corpus import render_pdf

DOCUMENT_XML = ('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
                'main"><w:body>{}</w:body></w:document>')


def _docx(path: Path, document_xml: bytes | str, extra: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document_xml)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return path


def _good(folder: Path) -> Path:
    path = folder / "good.pdf"
    render_pdf(vendor_paper, path)
    return path


def _import(folder: Path, tmp_path: Path, **kwargs):
    out = tmp_path / "out"
    report = run_import([folder], out, **kwargs)
    by_name = {Path(s.source).name: s for s in report.sources}
    return report, by_name, out


def _only_good_written(out: Path, tmp_path: Path) -> None:
    assert sorted(p.name for p in out.iterdir()) == ["good.yaml"]
    outside = {p for p in tmp_path.rglob("*") if p.is_file()} - {p for p in out.rglob("*")}
    assert all(p.parent.name == "in" for p in outside), outside


@pytest.fixture()
def folder(tmp_path) -> Path:
    path = tmp_path / "in"
    path.mkdir()
    _good(path)
    return path


def _assert_one_line_error(source, fragment: str) -> None:
    assert source.error and fragment in source.error and "\n" not in source.error and not source.internal


def test_zip_bomb_docx_is_refused_while_inflating(folder, tmp_path):
    with zipfile.ZipFile(folder / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("word/document.xml", "w", force_zip64=True) as entry:
            entry.write(DOCUMENT_XML.split("{}")[0].encode())
            chunk = b"<w:p/>" * (700 * 1024)
            for _ in range(12):  # 50 MiB of well-formed paragraphs compress to about 100 KB
                entry.write(chunk)
    report, by_name, out = _import(folder, tmp_path)
    _assert_one_line_error(by_name["bomb.docx"], "zip bomb")
    assert by_name["good.pdf"].drafts[0].written
    _only_good_written(out, tmp_path)
    assert "bomb.docx: error:" in format_report(report)


def test_docx_entry_named_outside_the_package_is_refused(folder, tmp_path):
    body = DOCUMENT_XML.format("<w:p><w:r><w:t>Vendor shall not sell data.</w:t></w:r></w:p>")
    _docx(folder / "traversal.docx", body, {"../../escaped.txt": b"x", "/etc/evil": b"x"})
    _, by_name, out = _import(folder, tmp_path)
    _assert_one_line_error(by_name["traversal.docx"], "points outside")
    assert not (tmp_path / "escaped.txt").exists()
    _only_good_written(out, tmp_path)


def test_docx_entity_expansion_is_refused(folder, tmp_path):
    laughs = ('<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
              '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><w:document xmlns:w="http://schemas.openxmlformats.org/'
              'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>')
    _docx(folder / "laughs.docx", laughs)
    _, by_name, _ = _import(folder, tmp_path)
    _assert_one_line_error(by_name["laughs.docx"], "DTD")


def test_docx_deep_nesting_and_not_a_zip(folder, tmp_path):
    deep = DOCUMENT_XML.format("<w:sdt>" * 20000 + "<w:p><w:r><w:t>x</w:t></w:r></w:p>" + "</w:sdt>" * 20000)
    _docx(folder / "deep.docx", deep)
    (folder / "fake.docx").write_bytes(b"\xd0\xcf\x11\xe0 an OLE file, as password-protected Word files are")
    _, by_name, _ = _import(folder, tmp_path)
    assert by_name["deep.docx"].error is None or "\n" not in by_name["deep.docx"].error
    assert not by_name["deep.docx"].internal
    _assert_one_line_error(by_name["fake.docx"], "not a zip archive")


def _raw_pdf(objects: list[str], root: int = 1) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode())
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root {root} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def test_pdf_object_loop_huge_page_count_and_deep_nesting_end_in_one_line_errors(folder, tmp_path):
    (folder / "loop.pdf").write_bytes(_raw_pdf(["<< /Type /Catalog /Pages 2 0 R >>",
                                                "<< /Type /Pages /Kids [2 0 R] /Count 1 >>"]))
    (folder / "pages.pdf").write_bytes(_raw_pdf(["<< /Type /Catalog /Pages 2 0 R >>",
                                                 "<< /Type /Pages /Kids [3 0 R] /Count 50000000 >>",
                                                 "<< /Type /Page /Parent 2 0 R >>"]))
    (folder / "nested.pdf").write_bytes(_raw_pdf(["<< /Type /Catalog /Pages 2 0 R >>",
                                                  "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                                  "<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>",
                                                  "<< /Length 5 /X " + "[" * 50000 + "]" * 50000 + " >>\nstream\n"
                                                  "BT ET\nendstream"]))
    (folder / "many.pdf").write_bytes(_raw_pdf(["<< /Type /Catalog /Pages 2 0 R >>",
                                                "<< /Type /Pages /Kids [" + "3 0 R " * 3000 + "] /Count 1 >>",
                                                "<< /Type /Page /Parent 2 0 R >>"]))
    report, by_name, out = _import(folder, tmp_path)
    for name in ("loop.pdf", "pages.pdf", "nested.pdf", "many.pdf"):
        source = by_name[name]
        assert source.error and "\n" not in source.error and not source.internal, (name, source.error)
    assert "50,000,000 pages" in by_name["pages.pdf"].error
    assert "3,000 pages" in by_name["many.pdf"].error
    _only_good_written(out, tmp_path)
    assert report.failed


def test_pdf_javascript_and_embedded_files_are_noted_never_run(folder, tmp_path):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(folder / "good.pdf"))
    from pypdf.actions import JavaScript

    writer.add_open_action(JavaScript("app.launchURL('https://attacker.example/', true);"))
    writer.add_attachment("payload.exe", b"MZ not really a program")
    with open(folder / "active.pdf", "wb") as handle:
        writer.write(handle)
    (folder / "good.pdf").unlink()
    report, by_name, out = _import(folder, tmp_path)
    [draft] = by_name["active.pdf"].drafts
    assert draft.written and any("JavaScript and embedded files" in n for n in draft.notes)
    assert sorted(p.name for p in out.iterdir()) == ["active.yaml"]


def test_encrypted_and_scanned_pdfs_say_so(folder, tmp_path):
    from fpdf import FPDF
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(folder / "good.pdf"))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    with open(folder / "locked.pdf", "wb") as handle:
        writer.write(handle)
    writer = PdfWriter(clone_from=PdfReader(folder / "good.pdf"))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    with open(folder / "print-only.pdf", "wb") as handle:
        writer.write(handle)
    scan = FPDF()
    scan.add_page()
    scan.rect(20, 20, 150, 200, style="F")  # a page that is only a picture
    scan.output(str(folder / "scan.pdf"))
    report, by_name, _ = _import(folder, tmp_path)
    _assert_one_line_error(by_name["locked.pdf"], "encrypted")
    _assert_one_line_error(by_name["scan.pdf"], "OCR")
    assert by_name["print-only.pdf"].drafts[0].written  # no password needed to read it
    assert report.failed


def test_html_scripts_entities_and_deep_nesting_are_inert(folder, tmp_path):
    page = ("<html><head><title>Pine County Public Schools</title><script>fetch('https://x.example')</script></head>"
            "<body>" + "<div>" * 30000 + "<h2>Parent Data</h2><h3>Acme&#x110000;&amp;&lt;b&gt;</h3>"
            "<p>Description</p><p>Acme &bogus; is a homework app.<script>alert(1)</script></p>"
            "<p>Data Being Shared</p><ul><li>Parent Email</li></ul>" + "</div>" * 30000 + "</body></html>")
    (folder / "page.html").write_text(page, encoding="utf-8")
    _, by_name, out = _import(folder, tmp_path)
    [draft] = by_name["page.html"].drafts
    text = draft.path.read_text(encoding="utf-8")
    assert "alert" not in text and "fetch" not in text
    assert "parent_contact.email" in text


def test_existing_files_are_never_replaced_without_force_and_never_through_a_link(folder, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "good.yaml").write_text("mine\n")
    report = run_import([folder], out)
    [draft] = report.sources[0].drafts
    assert not draft.written and "exists" in draft.refused and report.failed
    assert (out / "good.yaml").read_text() == "mine\n"
    report = run_import([folder], out, force=True)
    assert report.sources[0].drafts[0].written and "DRAFT" in (out / "good.yaml").read_text()
    target = tmp_path / "precious.txt"
    target.write_text("keep\n")
    (out / "good.yaml").unlink()
    (out / "good.yaml").symlink_to(target)
    report = run_import([folder], out, force=True)
    assert not report.sources[0].drafts[0].written and target.read_text() == "keep\n"


def test_a_reader_that_hangs_or_eats_memory_is_stopped_and_the_others_import(folder, tmp_path, monkeypatch):
    (folder / "hang.txt").write_text("The Vendor shall not sell data.")
    (folder / "greedy.txt").write_text("The Vendor shall not sell data.")
    real = runner.import_source

    def hostile(path, kind):
        if path.endswith("hang.txt"):
            while True:
                pass
        if path.endswith("greedy.txt"):
            hoard = []
            while True:
                hoard.append(bytearray(64 * 1024 * 1024))
        return real(path, kind)

    monkeypatch.setattr(runner, "import_source", hostile)  # the forked child runs it
    monkeypatch.setattr(runner, "MAX_SECONDS_PER_SOURCE", 3)
    monkeypatch.setattr(runner, "MAX_WORKER_MEMORY_BYTES", 256 * 1024 * 1024)
    if runner._context().get_start_method() != "fork":
        pytest.skip("needs fork to hand the patched reader to the child")
    _, by_name, out = _import(folder, tmp_path, jobs=2)
    _assert_one_line_error(by_name["hang.txt"], "took longer than 3 s")
    assert by_name["greedy.txt"].error and "\n" not in by_name["greedy.txt"].error
    _only_good_written(out, tmp_path)


def test_setup_errors(tmp_path):
    from dpa_policy.errors import NothingToCheck, SetupError

    with pytest.raises(SetupError, match="no such file"):
        run_import([tmp_path / "missing.pdf"], tmp_path / "out")
    (tmp_path / "empty").mkdir()
    with pytest.raises(NothingToCheck):
        run_import([tmp_path / "empty"], tmp_path / "out")
    (tmp_path / "a-file").write_text("x")
    with pytest.raises(SetupError, match="not a folder"):
        run_import([tmp_path / "empty"], tmp_path / "a-file")
