"""Resolved terms -> a draft agreement (a dict in the format) with a comment per value.

The draft is built only from what was found: no default is ever filled in. Keys the format
requires but the document does not state are left out and listed (the YAML says where to add
them), so such a draft does not load until a person completes it. A value that the format
rejects (an expiry before the effective date, say) is dropped with a note, never repaired.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from ..model.agreement import Agreement
from .extract import Extraction, Resolved
from .layout import Sentence
from .terms.base import Found

_EVIDENCE_CHARS = 200


@dataclass
class Draft:
    data: dict
    comments: dict[tuple, str] = field(default_factory=dict)
    missing: list[tuple] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    terms_found: int = 0
    clauses_missing: list[str] = field(default_factory=list)


def evidence(found: Found | Sentence, words: str | None = None) -> str:
    sentence = found.sentence if isinstance(found, Found) else found
    shown = " ".join((words if words is not None else found.words).split())
    if len(shown) > _EVIDENCE_CHARS:
        shown = shown[:_EVIDENCE_CHARS - 3] + "..."
    return f'p. {sentence.page}, {sentence.section.citation}: "{shown}"'


def _set(data: dict, path: tuple, value: Any) -> None:
    for key in path[:-1]:
        data = data.setdefault(key, {})
    data[path[-1]] = value


def clause_header(items: list[Found], order: dict[int, int]) -> dict:
    sentences: list[Sentence] = []
    for item in items:
        if all(item.sentence is not s and item.sentence.text != s.text for s in sentences):
            sentences.append(item.sentence)
    sentences.sort(key=lambda s: (order.get(id(s), 10**9), s.page))
    citations: list[str] = []
    for s in sentences:
        if s.section.citation not in citations:
            citations.append(s.section.citation)
    return {"citation": "; ".join(citations), "text": " ... ".join(s.text for s in sentences),
            "page": sentences[0].page}


CLAUSE_ORDER_FIELDS = ("citation", "text", "page")


def build(extraction: Extraction, source: dict, fallback_id: str, order: dict[int, int]) -> Draft:
    values = extraction.values
    data: dict = {"dpa_version": 1}
    draft = Draft(data)

    def put(path: tuple, resolved: Resolved, value: Any = None) -> None:
        _set(data, path, resolved.value if value is None else value)
        draft.comments[path] = evidence(resolved.evidence[0])
        draft.terms_found += 1

    if "id" in values:
        put(("id",), values["id"])
    else:
        data["id"] = fallback_id
        draft.comments[("id",)] = "from the file name: the document states no agreement number"
    if "title" in values:
        put(("title",), values["title"])
    data["source"] = source
    data["review"] = {"status": "draft"}
    for role in ("district", "vendor"):
        for key in ("name", "state"):
            if f"parties.{role}.{key}" in values:
                put(("parties", role, key), values[f"parties.{role}.{key}"])
    if "products" in values:
        put(("products",), values["products"], [dict(values["products"].value)])
    for key in ("effective", "expires", "governing_state", "model", "model_version"):
        if f"term.{key}" in values:
            put(("term", key), values[f"term.{key}"])
    _renewal(extraction, draft, order)
    _data_groups(extraction, draft)
    _clauses(extraction, draft, order)
    if extraction.attachments:
        data["attachments"] = [entry for entry, _ in extraction.attachments]
    if extraction.state_terms:
        data["state_terms"] = []
        for index, (entry, proof) in enumerate(extraction.state_terms):
            data["state_terms"].append(entry)
            for name, words, sentence in proof:
                draft.comments[("state_terms", index, "terms", name)] = evidence(sentence, words)
                draft.terms_found += 1
    draft.notes = list(extraction.notes) + list(extraction.document.notes)
    _validate(draft)
    return draft


def _renewal(extraction: Extraction, draft: Draft, order: dict[int, int]) -> None:
    """term.renewal: a clause of its own (citation, text, page) under term."""
    found = sorted((name.split(".")[-1], resolved) for name, resolved in extraction.values.items()
                   if name.startswith("term.renewal."))
    if not found:
        return
    body = clause_header([item for _, resolved in found for item in resolved.evidence], order)
    for key, resolved in found:
        body[key] = resolved.value
        draft.comments[("term", "renewal", key)] = evidence(resolved.evidence[0])
        draft.terms_found += 1
    draft.data.setdefault("term", {})["renewal"] = body


def _data_groups(extraction: Extraction, draft: Draft) -> None:
    purposes = extraction.values.get("clauses.data_use.permitted_purposes")
    for subject, rows in sorted(extraction.data.items()):
        group: dict = {"elements": [row.key for row in rows]}
        others = [row.other for row in rows if row.other]
        if others:
            group["other_elements"] = others
        if purposes:
            group["purposes"] = list(purposes.value)
            draft.comments[("data", subject, "purposes")] = (
                "from the permitted-use clause: " + evidence(purposes.evidence[0]))
        draft.data.setdefault("data", {})[subject] = group
        for index, row in enumerate(rows):
            draft.comments[("data", subject, "elements", index)] = f'p. {row.line.page}: "{row.line.text[:120]}"'
        draft.terms_found += len(rows)
    draft.data.setdefault("data", {})


def _clauses(extraction: Extraction, draft: Draft, order: dict[int, int]) -> None:
    by_clause: dict[str, list[tuple[tuple, Resolved]]] = {}
    for name, resolved in extraction.values.items():
        if name.startswith("clauses."):
            parts = tuple(name.split("."))
            by_clause.setdefault(parts[1], []).append((parts[2:], resolved))
    clauses: dict = {}
    for clause in sorted(by_clause):
        entries = sorted(by_clause[clause])
        items = [item for _, resolved in entries for item in resolved.evidence]
        body = clause_header(items, order)
        for path, resolved in entries:
            value = resolved.value
            full = ("clauses", clause) + path
            if isinstance(value, dict) and path[-1] in ("on_request", "at_termination"):
                first = resolved.evidence[0].sentence
                value = {**value, "citation": first.section.citation, "page": first.page}
            _set(body, path, value)
            if isinstance(value, list):
                for index, item in enumerate(resolved.evidence):
                    draft.comments[full + (index,)] = evidence(item)
            else:
                draft.comments[full] = evidence(resolved.evidence[0])
            draft.terms_found += len(value) if isinstance(value, list) else 1
        clauses[clause] = body
    draft.data["clauses"] = clauses


def _validate(draft: Draft) -> None:
    """Drop values the format rejects (with a note); list required keys that are missing."""
    for _ in range(8):
        try:
            Agreement.model_validate(draft.data)
            draft.missing = []
            return
        except ValidationError as exc:
            errors = exc.errors(include_url=False)
        # A union's other branch ("or absent") reports "none_required"; its tag names a model class.
        errors = [{**e, "loc": tuple(p for p in e["loc"] if isinstance(p, int) or re.fullmatch(r"[a-z_][a-z0-9_]*", p))}
                  for e in errors if e["type"] != "none_required"]
        draft.missing = sorted({e["loc"] for e in errors if e["type"] == "missing"}, key=str)
        rejected = [e for e in errors if e["type"] != "missing"]
        if not rejected:
            return
        for error in rejected:
            loc = tuple(error["loc"])
            if not _drop(draft.data, loc):
                draft.notes.append(f"{'.'.join(map(str, loc))}: {error['msg']}")
                return
            message = re.sub(r"^Value error, ", "", error["msg"])
            draft.notes.append(f"{'.'.join(map(str, loc))}: left out, the format rejects what was read ({message})")


def _drop(data: Any, loc: tuple) -> bool:
    """Remove the value at ``loc`` (or its nearest droppable parent); False when nothing fits."""
    path = list(loc)
    while path:
        parent = data
        try:
            for key in path[:-1]:
                parent = parent[key]
            last = path[-1]
            if isinstance(parent, dict) and last in parent and last not in ("dpa_version", "source", "review"):
                del parent[last]
                return True
        except (KeyError, IndexError, TypeError):
            pass
        path.pop()
    return False
