"""PDF text layer -> Document, with pypdf (pure Python: nothing compiled parses hostile bytes).

pypdf never runs a PDF's JavaScript and this reader never opens embedded files or follows
launch actions; it only notes that they were there. Page count is checked before any page is
read; a reference loop or a deeply nested object ends in RecursionError, caught here. The
process around the reader (see :mod:`dpa_policy.ingest.worker`) bounds time and memory.
"""

from __future__ import annotations

import io
import logging

from ..document import Document, SourceError
from ..limits import MAX_PDF_PAGES
from .columns import Collector, reading_order

# A page with fewer visible characters than this is treated as having no text layer.
_MIN_CHARS_PER_TEXT_PAGE = 20


def read_pdf(data: bytes) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PyPdfError

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # malformed files warn on every page
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            _decrypt(reader)
        declared = _declared_pages(reader)
        if declared > MAX_PDF_PAGES:  # refuse before pypdf walks a page tree that large
            raise SourceError(f"the PDF declares {declared:,} pages, more than the {MAX_PDF_PAGES:,} this tool reads")
        count = len(reader.pages)
        if count > MAX_PDF_PAGES:
            raise SourceError(f"the PDF has {count:,} pages, more than the {MAX_PDF_PAGES:,} this tool reads")
        document = Document("pdf", count)
        text_pages = 0
        for number, text in enumerate(reading_order([_page_text(page) for page in reader.pages]), start=1):
            if sum(1 for ch in text if not ch.isspace()) >= _MIN_CHARS_PER_TEXT_PAGE:
                text_pages += 1
            document.add(number, text)
        _note_active_content(reader, document)
    except SourceError:
        raise
    except FileNotDecryptedError:
        raise SourceError("the PDF is encrypted and needs a password; save an unencrypted copy and import that") from None
    except RecursionError:
        raise SourceError("the PDF's objects nest too deeply or refer to themselves in a loop") from None
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError,
            AssertionError, ZeroDivisionError, UnicodeError, NotImplementedError) as exc:
        raise SourceError(f"not a readable PDF ({type(exc).__name__}: {_first_line(exc)})") from None
    if count == 0:
        raise SourceError("the PDF has no pages")
    if text_pages == 0:
        raise SourceError("the PDF has no text layer (a scanned image?); run it through OCR "
                          "(for example `ocrmypdf in.pdf out.pdf`) and import the result")
    if text_pages < count:
        document.notes.append(f"{count - text_pages} of {count} pages have no text layer (scanned?); "
                              "terms on them were not read - OCR the file to read them")
    return document


def _page_text(page) -> tuple[str, list, float]:
    """pypdf's text of the page, where each piece of it starts, and the page's width."""
    collector = Collector()
    text = page.extract_text(visitor_text=collector) or ""
    try:
        width = float(page.mediabox.width)
    except (TypeError, ValueError, KeyError, AttributeError):
        return text, [], 0.0
    return text, collector.pieces, width


def _declared_pages(reader) -> int:
    try:
        count = reader.trailer["/Root"]["/Pages"].get("/Count", 0)
        return int(count) if isinstance(count, int) else 0
    except Exception:  # a broken catalog: pypdf's own page walk reports it
        return 0


def _decrypt(reader) -> None:
    """Open a PDF encrypted only against editing (empty user password); refuse the rest."""
    try:
        opened = reader.decrypt("")
    except Exception as exc:  # pypdf raises its own errors, or needs the optional AES library
        raise SourceError(f"the PDF is encrypted and could not be opened ({_first_line(exc)}); "
                          "save an unencrypted copy and import that") from None
    if not opened:
        raise SourceError("the PDF is encrypted and needs a password; save an unencrypted copy and import that")


def _note_active_content(reader, document: Document) -> None:
    """Say (never act on) JavaScript, embedded files and launch actions the PDF carries."""
    try:
        root = reader.trailer["/Root"]
        names = root.get("/Names") or {}
        found = []
        if "/JavaScript" in names or "/JS" in (root.get("/OpenAction") or {}) or "/AA" in root:
            found.append("JavaScript")
        if "/EmbeddedFiles" in names:
            found.append("embedded files")
    except Exception:  # a broken catalog is no reason to drop the text already read
        return
    if found:
        document.notes.append(f"the PDF carries {' and '.join(found)}; ignored (never run or opened)")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else "no detail")[:160]
