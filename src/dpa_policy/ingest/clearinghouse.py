"""A district's clearinghouse page (HTML) -> one draft per vendor entry.

The page shape (see shared/seeds): sections headed "Parent Data" / "Student Data", and in each
an entry per vendor with the labels Description, Data Being Shared, How the Data is Being Used,
When & How the Data will be Destroyed, Privacy Policy, Terms of Service, Website. A vendor
listed in several sections becomes one draft. Each element goes under the data subject it
describes: a "Parent Email" listed under "Student Data" is parent data, and the per-source
summary says it was moved. The destruction text is read by the same disposal extractors as a
contract ("single pass overwrite" is a method; "promptly" is no deadline).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .document import Document, Line
from .elements import element_of, subject_of
from .extract import Extraction, resolve
from .layout import Section, sentences
from .limits import MAX_VENDORS_PER_PAGE
from .readers.html import Block, HtmlPage
from .states import address_state
from .terms import TERMS
from .terms.base import Context, Found

LABELS = {
    "description": r"description",
    "data": r"data\s+(?:being\s+)?shared|data\s+elements(?:\s+shared)?",
    "use": r"how\s+(?:the\s+)?data\s+is\s+(?:being\s+)?used",
    "destroyed": r"when\s+(?:&|and)\s+how\s+(?:the\s+)?data\s+will\s+be\s+destroyed",
    "privacy_policy": r"privacy\s+policy",
    "terms_of_service": r"terms\s+of\s+(?:service|use)",
    "website": r"website",
}
_LABEL = {key: re.compile(rf"^(?:{pattern})\s*:?$", re.IGNORECASE) for key, pattern in LABELS.items()}
_SUBJECT = re.compile(r"^(parent|student|staff)\s+data\b", re.IGNORECASE)
_DISTRICT = re.compile(r"([A-Z][\w.'-]*(?:\s+(?:of\s+)?[A-Z][\w.'-]*){0,5}\s+(?:County\s+)?(?:Public\s+Schools|School\s+"
                       r"District|Unified\s+School\s+District|Public\s+School\s+District|City\s+Schools))")


@dataclass
class Entry:
    vendor: str
    vendor_how: str
    subjects: list[str] = field(default_factory=list)
    fields: dict[str, list[Block]] = field(default_factory=dict)


def _label(block: Block) -> str | None:
    if block.links:  # a link reading "Privacy Policy" is the value under the label, not a label
        return None
    for key, pattern in _LABEL.items():
        if pattern.match(block.text):
            return key
    return None


def entries(page: HtmlPage) -> list[Entry]:
    found: dict[str, Entry] = {}
    subject = "unlabelled"
    current: Entry | None = None
    label: str | None = None
    blocks = page.blocks
    for index, block in enumerate(blocks):
        if block.kind != "item" and (m := _SUBJECT.match(block.text)) and len(block.text) < 60:
            subject, current, label = m.group(1).title() + " Data", None, None
            continue
        key = _label(block)
        if key == "description":
            vendor, how = _vendor(blocks, index)
            current = found.get(vendor) if vendor else None
            if vendor and current is None:
                if len(found) >= MAX_VENDORS_PER_PAGE:
                    break
                current = found[vendor] = Entry(vendor, how)
            if current is not None and subject not in current.subjects:
                current.subjects.append(subject)
            label = key
            continue
        if key and current is not None:
            label = key
            continue
        if current is not None and label is not None:
            current.fields.setdefault(f"{subject}|{label}", []).append(block)
    return list(found.values())


def _vendor(blocks: list[Block], index: int) -> tuple[str | None, str]:
    """The vendor's name for the entry whose Description label is at ``index``."""
    if index and blocks[index - 1].kind == "heading" and not _label(blocks[index - 1]) \
            and not _SUBJECT.match(blocks[index - 1].text) and len(blocks[index - 1].text) <= 60:
        return blocks[index - 1].text, "the entry's title"
    for block in blocks[index + 1:index + 30]:
        if m := re.search(r"shared\s+with\s+([A-Z][\w.&' -]{1,40}?)\s*:", block.text):
            return m.group(1).strip(), "the words \"shared with\""
        if _label(block) == "description":
            break
    if index + 1 < len(blocks) and (m := re.match(r"([A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})\s+is\s+(?:a|an|the)\b",
                                                  blocks[index + 1].text)):
        return m.group(1), "the first words of its description"
    return None, ""


def district_of(page: HtmlPage) -> dict:
    texts = [page.title] + [b.text for b in page.blocks]
    found: dict = {}
    for text in texts:
        if "name" not in found and (m := _DISTRICT.search(text)):
            found["name"] = m.group(1)
        if "state" not in found and (state := address_state(text)):
            found["state"] = state
    return found


def _text(blocks: list[Block], kinds=("text", "item", "heading")) -> str:
    return " ".join(b.text for b in blocks if b.kind in kinds)


def _link(blocks: list[Block]) -> tuple[str | None, str]:
    for block in blocks:
        for words, href in block.links:
            return href, words or href
        if re.fullmatch(r"https?://\S+", block.text):
            return block.text, block.text
    return None, _text(blocks)


def read_entry(entry: Entry, ctx: Context) -> tuple[Extraction, dict, list[str]]:
    """The entry as an extraction (clauses, data), its vendor facts, and notes for the summary."""
    document = Document("html", 1)
    notes: list[str] = []
    rows: dict[str, list] = {}
    moved: list[str] = []
    unknown: list[str] = []
    found: list[Found] = []
    for subject in entry.subjects:
        items = [b for b in entry.fields.get(f"{subject}|data", []) if b.kind == "item"]
        for block in items:
            key = element_of(block.text, None)
            if key is None:
                unknown.append(block.text)
                continue
            group = subject_of(key)
            if (group == "parent_guardian") != (subject == "Parent Data"):
                moved.append(f'"{block.text}" (listed under {subject})')
            line = Line(1, block.text)
            section = Section(f"{subject}, {entry.vendor}, Data Being Shared", "Data Being Shared", 1)
            rows.setdefault(group, [])
            if all(r.key != key for r in rows[group]):
                from .terms.schedule import Row

                rows[group].append(Row(key, line, section))
        for label, title in (("use", "How the Data is Being Used"), ("destroyed", "When & How the Data will be Destroyed")):
            text = _text(entry.fields.get(f"{subject}|{label}", []))
            if not text:
                continue
            section = Section(f"{subject}, {entry.vendor}, {title}", title, 1, lines=[Line(1, text)])
            for sentence in sentences(section):
                for term in TERMS:
                    if term.keywords.search(sentence.text):
                        found.extend(Found(term.field, value, words, sentence)
                                     for value, words in term.find(sentence, ctx))
            if label == "use":
                found.append(Found("clauses.data_use.permitted_purposes", text, text, sentences(section)[0]))
    if moved:
        groups = sorted({subject_of(element_of(m.split('"')[1], None)) for m in moved})
        notes.append(f"{entry.vendor}: {len(moved)} element(s) listed under the wrong data subject, filed under "
                     f"{', '.join('data.' + g for g in groups)}: {'; '.join(moved)}")
    if unknown:
        notes.append(f"{entry.vendor}: data elements with no Exhibit B match, left out: {'; '.join(unknown)}")
    # One reading of the page's shared prose per vendor: repeated entries must agree.
    values, resolve_notes = resolve(_dedupe(found))
    extraction = Extraction(document, [])
    extraction.values = {k: v for k, v in values.items() if k.startswith("clauses.")}
    extraction.notes = resolve_notes
    extraction.data = rows
    facts: dict = {}
    for key in ("privacy_policy", "terms_of_service", "website"):
        blocks = [b for s in entry.subjects for b in entry.fields.get(f"{s}|{key}", [])]
        if not blocks:
            continue
        url, words = _link(blocks[:1])  # the label's own value; later blocks belong to the next entry
        if url:
            facts[key] = url
        else:
            notes.append(f'{entry.vendor}: {key.replace("_", " ")} "{words[:60]}" is not a web address; left out')
    description = [b for s in entry.subjects for b in entry.fields.get(f"{s}|description", []) if b.kind == "text"]
    if description:
        facts["description"] = description[0].text
    return extraction, facts, notes


def _dedupe(found: list[Found]) -> list[Found]:
    seen: dict[tuple, Found] = {}
    for item in found:
        seen.setdefault((item.field, repr(item.value), item.sentence.text), item)
    return list(seen.values())
