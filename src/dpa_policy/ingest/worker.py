"""One source -> drafts, inside a child process with a memory cap (the runner adds a clock).

Everything that touches the hostile bytes runs here, so a reader that loops, recurses or
allocates without end costs one killed process and a one-line error, never the whole import.
The worker writes nothing: it returns the drafts' YAML text and the parent writes them.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from .document import Document, SourceError
from .limits import MAX_SOURCE_BYTES

IMPORTED_BY = None  # filled lazily: dpa-policy's version


@dataclass
class DraftText:
    name: str  # file name in the output folder, before collision handling
    yaml: str
    vendor_entry: str | None
    terms_found: int
    clauses_missing: list[str]
    required_missing: list[str]
    notes: list[str]


@dataclass
class SourceResult:
    source: str
    file_format: str
    pages: int = 0
    drafts: list[DraftText] = field(default_factory=list)
    error: str | None = None
    internal: bool = False  # an importer bug, not a bad document
    notes: list[str] = field(default_factory=list)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "agreement"


def safe_stem(path: Path) -> str:
    """The source's name as a file name that cannot leave the output folder."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", path.stem).strip(".-")
    return stem[:80] or "agreement"


def import_source(path: str, kind: str) -> SourceResult:
    result = SourceResult(path, kind)
    try:
        source = Path(path)
        if source.stat().st_size > MAX_SOURCE_BYTES:
            raise SourceError(f"the file is larger than {MAX_SOURCE_BYTES // (1024 * 1024)} MiB")
        data = source.read_bytes()
        from .readers import read

        read_out = read(kind, data)
        digest = hashlib.sha256(data).hexdigest()
        if kind == "html":
            _clearinghouse(result, source, read_out, digest)
        else:
            _contract(result, source, read_out, digest)
    except SourceError as exc:
        result.error = str(exc)
    except MemoryError:
        result.error = "reading it needed more memory than the import allows; a hostile or broken file?"
    except RecursionError:
        result.error = "its structure nests too deeply to read"
    except OSError as exc:
        result.error = f"could not read it ({exc.strerror or exc})"
    except Exception as exc:  # an importer bug: report it, keep the other sources going
        result.error = f"internal error in the importer ({type(exc).__name__}: {str(exc)[:160]})"
        result.internal = True
    return result


def imported_by() -> str:
    """ "dpa-policy 0.1.0". Reading package metadata costs tens of milliseconds, so the parent
    asks once before it forks (see run._preload) and every child inherits the answer."""
    global IMPORTED_BY
    if IMPORTED_BY is None:
        from ..version import tool_version

        IMPORTED_BY = f"dpa-policy {tool_version()}"
    return IMPORTED_BY


def _source_block(source: Path, digest: str, kind: str, pages: int | None, vendor: str | None = None) -> dict:
    block = {"file": source.name, "sha256": digest, "format": kind}
    if pages:
        block["pages"] = pages
    block["imported_by"] = imported_by()
    if vendor:
        block["vendor_entry"] = vendor
    return block


def _contract(result: SourceResult, source: Path, document: Document, digest: str) -> None:
    from .draft import build
    from .extract import extract

    result.pages = document.pages
    extraction = extract(document)
    draft = build(extraction, _source_block(source, digest, document.file_format, document.pages),
                  slug(source.stem), extraction.order)
    result.drafts.append(render(draft, f"{safe_stem(source)}.yaml", source.name, None))


def _clearinghouse(result: SourceResult, source: Path, page, digest: str) -> None:
    from .clearinghouse import district_of, entries, read_entry
    from .draft import _clauses, _data_groups, _validate, Draft
    from .terms.base import Context

    result.pages = 1
    found = entries(page)
    if not found:
        raise SourceError("no vendor entries found (a clearinghouse page lists each vendor with a "
                          "Description and Data Being Shared); not a page this importer reads")
    district = district_of(page)
    for entry in found:
        ctx = Context()
        extraction, facts, notes = read_entry(entry, ctx)
        data: dict = {"dpa_version": 1, "id": f"{slug(source.stem)}-{slug(entry.vendor)}"}
        draft = Draft(data)
        draft.comments[("id",)] = "from the page's file name and the vendor; the page states no agreement number"
        data["source"] = _source_block(source, digest, "html", None, entry.vendor)
        data["review"] = {"status": "draft"}
        parties: dict = {}
        if "name" in district:
            parties["district"] = {"name": district["name"]}
            draft.comments[("parties", "district", "name")] = f'the page: "{district["name"]}"'
        if "state" in district:
            parties.setdefault("district", {})["state"] = district["state"][0]
            draft.comments[("parties", "district", "state")] = f'the page\'s address: "{district["state"][1]}"'
        vendor = {"name": entry.vendor}
        draft.comments[("parties", "vendor", "name")] = f"from {entry.vendor_how}"
        for key in ("website", "privacy_policy", "terms_of_service"):
            if key in facts:
                vendor[key] = facts[key]
                draft.terms_found += 1
        parties["vendor"] = vendor
        data["parties"] = parties
        if "description" in facts:
            data["products"] = [{"name": entry.vendor, "description": facts["description"]}]
            draft.terms_found += 1
        _data_groups(extraction, draft)
        _clauses(extraction, draft, {})
        draft.notes = notes + extraction.notes
        _validate(draft)
        name = f"{safe_stem(source)}--{slug(entry.vendor)}.yaml"
        result.drafts.append(render(draft, name, source.name, entry.vendor))


def render(draft, name: str, file_name: str, vendor: str | None) -> DraftText:
    from ..core.loader import load_text
    from ..model.agreement import Agreement
    from ..model.clauses import Clauses
    from .yamlout import dump

    missing: dict[tuple, list[str]] = {}
    for loc in draft.missing:
        missing.setdefault(tuple(loc[:-1]), []).append(str(loc[-1]))
    what = f"{file_name}" + (f", entry {vendor!r}" if vendor else "")
    header = [
        f"DRAFT imported from {what}. A program read every value below; nothing was",
        "filled in by default. Check each value against the signed copy (the comment above it names",
        "the page and the words it was read from), add what is missing, then replace the review with",
        '  review: {status: confirmed, reviewer: "Name, Title", reviewed_on: YYYY-MM-DD}',
        "Until then `dpa-policy check` gives this agreement the needs-review outcome, never a pass.",
        "",
    ]
    footer = ["Read but not set (check these in the contract):"] + [f"- {n}" for n in draft.notes] if draft.notes else []
    text = dump(draft.data, Agreement, header, draft.comments, missing, footer)
    if load_text(text).data != draft.data:  # the writer and the loader must agree, byte for byte
        raise AssertionError("draft YAML does not read back as written")
    clauses = draft.data.get("clauses", {})
    return DraftText(name, text, vendor, draft.terms_found,
                     [c for c in Clauses.model_fields if c not in clauses],
                     [".".join(map(str, loc)) for loc in draft.missing], list(draft.notes))
