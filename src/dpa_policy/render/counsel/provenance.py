"""Where an imported agreement's terms came from, for counsel to check them against the contract.

An importer (``dpa-policy import``) records the document it read (``source``), the page each
clause was read from (``page``), its citation and its words (``text``), and marks the record a
draft until a person confirms it (``review``). For each finding on such an agreement the report
shows the page and the words the finding's term was read from: the deepest ``page``,
``citation`` and ``text`` on the way to the value the finding names (a disposal window's own
page rather than its clause's).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from .view_models import SourceView

_FORMATS = {"pdf": "a PDF", "docx": "a Word document", "text": "a text file", "html": "a web page"}


def pointer_parts(pointer: str) -> list[str]:
    """A JSON pointer's reference tokens, unescaped ("/clauses/disposal" -> [clauses, disposal])."""
    if not pointer.startswith("/"):
        return []
    return [p.replace("~1", "/").replace("~0", "~") for p in pointer[1:].split("/")]


def _path(agreement: Any, pointer: str) -> list[Any]:
    """The models on the way from the agreement to the value ``pointer`` names."""
    nodes, node = [], agreement
    for part in pointer_parts(pointer):
        if isinstance(node, BaseModel):
            node = getattr(node, part, None)
        elif isinstance(node, (list, tuple)) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            break
        if isinstance(node, BaseModel):
            nodes.append(node)
    return nodes


def source_view(agreement: Any, pointer: str, shown_text: str | None) -> SourceView | None:
    """The page, citation and words a finding's term was read from; None unless the agreement
    was imported. ``shown_text`` is the clause text the report already quotes above the
    finding: the words are repeated only when they are other words."""
    source = getattr(agreement, "source", None)
    if source is None:
        return None
    page = citation = text = None
    for node in _path(agreement, pointer):
        page = getattr(node, "page", None) or page
        citation = getattr(node, "citation", None) or citation
        text = getattr(node, "text", None) or text
    words = text if text and text != shown_text else None
    return SourceView(document=source.file, page=page, citation=citation, words=words)


def imported_from(agreement: Any) -> str | None:
    """"acme-dpa.pdf, a PDF of 12 pages" for an imported agreement, else None."""
    source = getattr(agreement, "source", None)
    if source is None:
        return None
    text = f"{source.file}, {_FORMATS.get(source.format, source.format)}"
    if source.pages:
        text += f" of {source.pages} page" + ("s" if source.pages != 1 else "")
    if source.vendor_entry:
        text += f" (the entry for {source.vendor_entry})"
    return text


def review_status(agreement: Any, long_date: Any) -> str | None:
    """Whether a person has confirmed the record against the contract, in words."""
    review = getattr(agreement, "review", None)
    if review is None:
        return None
    if review.status == "confirmed":
        return f"Confirmed against the signed contract by {review.reviewer} on {long_date(review.reviewed_on)}."
    return ("Draft: read from the document by the importer and not yet confirmed by a person; check each term "
            "against the page it cites.")


__all__ = ["imported_from", "pointer_parts", "review_status", "source_view"]
