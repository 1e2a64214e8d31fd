"""DOCX -> Document, reading the zip and its WordprocessingML with the standard library.

Why not python-docx: it inflates every part of the package into memory at open, trusting
the sizes the zip declares. Here only ``word/document.xml`` is read, inflated in chunks and
counted as it goes (a zip bomb stops at :data:`DOCX_MAX_PART_BYTES` or at the compression
ratio limit, whatever the header claims), streamed through expat so the tree never exists in
full, and refused if it declares a DTD (WordprocessingML never does; a DTD is how entity
expansion attacks start). Nothing is extracted to disk, so entry names cannot escape a
folder; a name that tries (``../``, absolute) marks a crafted file and is refused anyway.

Pages: a DOCX has no pages until Word lays it out. A page ends at an explicit page break, a
section break, or where Word last rendered one (``w:lastRenderedPageBreak``, saved by Word);
breaks with no text between them count once. Paragraph numbers Word generates
(``w:numPr``) are not in the text; citations then fall back to the heading's words.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from xml.etree.ElementTree import ParseError, XMLPullParser

from ..document import Document, SourceError
from ..limits import DOCX_MAX_ENTRIES, DOCX_MAX_PART_BYTES, DOCX_MAX_RATIO, DOCX_MAX_TOTAL_BYTES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CHUNK = 64 * 1024
_CHECKED, _UNCHECKED = "\u2612", "\u2610"
# Symbol-font code points Word uses for ticked and empty boxes (Wingdings, Wingdings 2).
_SYMBOLS = {"F0FE": _CHECKED, "F078": _CHECKED, "F0FD": _CHECKED, "F053": _CHECKED, "F0A8": _UNCHECKED,
            "F06F": _UNCHECKED, "F0A3": _UNCHECKED, "F052": _CHECKED, "F0FC": "\u2713"}


def read_docx(data: bytes) -> Document:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise SourceError("not a DOCX: not a zip archive (a password-protected Word file is not a zip "
                          "either: save an unprotected copy)") from None
    with archive:
        infos = archive.infolist()
        _check_package(infos)
        try:
            info = archive.getinfo("word/document.xml")
        except KeyError:
            raise SourceError("not a Word document: the package has no word/document.xml") from None
        return _parse(_inflate(archive, info))


def _check_package(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > DOCX_MAX_ENTRIES:
        raise SourceError(f"the DOCX package holds {len(infos):,} entries, more than {DOCX_MAX_ENTRIES:,}")
    total = 0
    for info in infos:
        name = info.filename
        if name.startswith(("/", "\\")) or ".." in name.replace("\\", "/").split("/") or ":" in name:
            raise SourceError(f"the DOCX package has an entry named {name[:80]!r} that points outside it; "
                              "refusing a crafted file")
        if info.flag_bits & 0x1:
            raise SourceError("the DOCX package is encrypted; save an unprotected copy")
        total += info.file_size
    if total > DOCX_MAX_TOTAL_BYTES:
        raise SourceError(f"the DOCX package declares {total:,} bytes uncompressed, more than "
                          f"{DOCX_MAX_TOTAL_BYTES:,}: a zip bomb?")


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo):
    """Yield the part's bytes in chunks, stopping a bomb by actual size and ratio."""
    limit = min(DOCX_MAX_PART_BYTES, max(info.compress_size, 1) * DOCX_MAX_RATIO)
    seen = 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                seen += len(chunk)
                if seen > limit:
                    raise SourceError(f"word/document.xml inflates past {limit:,} bytes "
                                      f"({DOCX_MAX_RATIO}x its compressed size at most): a zip bomb?")
                yield chunk
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, ValueError) as exc:
        raise SourceError(f"the DOCX package is damaged ({type(exc).__name__}: {str(exc)[:120]})") from None


class _State:
    def __init__(self) -> None:
        self.document = Document("docx", 1)
        self.page = 1
        self.text_since_break = False
        self.parts: list[str] = []
        self.break_after = False
        # One entry per open table: the rows' cells so far and the current cell's paragraphs.
        self.tables: list[dict] = []

    def page_break(self) -> None:
        if self.text_since_break:
            self.page += 1
            self.text_since_break = False

    def emit(self, text: str) -> None:
        if not text.strip():
            return
        if self.tables:
            self.tables[-1]["cell"].append(text)
            return
        self.document.add(self.page, text)
        self.text_since_break = True

    def flush(self) -> None:
        text = "".join(self.parts)
        self.parts = []
        for line in text.split("\n"):
            self.emit(line)

    def end_paragraph(self) -> None:
        self.flush()
        if self.break_after:
            self.break_after = False
            self.page_break()


def _parse(chunks) -> Document:
    parser = XMLPullParser(events=("start", "end"))
    state = _State()
    checkbox: dict = {}
    try:
        first = True
        for chunk in chunks:
            if first:
                first = False
                if b"<!DOCTYPE" in chunk[:4096].upper():
                    raise SourceError("word/document.xml declares a DTD; refusing it (entity expansion attack?)")
            elif b"<!DOCTYPE" in chunk.upper():
                raise SourceError("word/document.xml declares a DTD; refusing it (entity expansion attack?)")
            parser.feed(chunk)
            for event, elem in parser.read_events():
                _handle(event, elem, state, checkbox)
        parser.close()
        for event, elem in parser.read_events():
            _handle(event, elem, state, checkbox)
    except ParseError as exc:
        raise SourceError(f"word/document.xml is not well-formed XML ({str(exc)[:120]})") from None
    state.document.pages = state.page if state.text_since_break or state.page == 1 else state.page - 1
    return state.document


def _handle(event: str, elem, state: _State, checkbox: dict) -> None:
    tag = elem.tag
    if event == "start":
        if tag == W + "tbl":
            state.tables.append({"rows": [], "cells": [], "cell": []})
        elif tag == W + "checkBox":
            checkbox.clear()
            checkbox["open"] = True
        return
    if tag == W + "t":
        state.parts.append(elem.text or "")
    elif tag == W + "tab":
        state.parts.append(" ")
    elif tag == W + "br":
        kind = elem.get(W + "type")
        if kind == "page":
            state.end_paragraph()
            state.page_break()
        elif kind != "column":
            state.parts.append("\n")
    elif tag == W + "lastRenderedPageBreak":  # may fall mid-paragraph: the text before stays on its page
        state.flush()
        state.page_break()
    elif tag == W + "sym":
        state.parts.append(_SYMBOLS.get((elem.get(W + "char") or "").upper(), ""))
    elif tag in (W + "checked", W + "default") and checkbox:
        checkbox[tag == W + "checked"] = elem.get(W + "val", "1") not in ("0", "false")
    elif tag == W + "checkBox":  # legacy form-field check box: w:checked wins over w:default
        ticked = checkbox.get(True, checkbox.get(False, False))
        state.parts.append(_CHECKED if ticked else _UNCHECKED)
        checkbox.clear()
    elif tag == W + "pageBreakBefore" and elem.get(W + "val", "1") not in ("0", "false"):
        state.page_break()
    elif tag == W + "sectPr" and not state.tables:
        kind = elem.find(W + "type")
        if kind is None or kind.get(W + "val") != "continuous":
            state.break_after = True
    elif tag == W + "p":
        state.end_paragraph()
        elem.clear()
    elif tag == W + "tc" and state.tables:
        table = state.tables[-1]
        table["cells"].append(" ".join(table["cell"]))
        table["cell"] = []
    elif tag == W + "tr" and state.tables:
        table = state.tables[-1]
        cells = table["cells"]
        table["cells"] = []
        if any(cells):  # empty cells stay: which column a mark is in ("Yes" or "No") matters
            table["rows"].append(" | ".join(cells))
    elif tag == W + "tbl" and state.tables:
        rows = state.tables.pop()["rows"]
        for row in rows:
            state.emit(row)
        elem.clear()
