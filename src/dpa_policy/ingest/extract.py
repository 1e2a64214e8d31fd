"""A document's words -> every term found, resolved to one value per field with its evidence.

Which sentences count for which terms, and what wins when the document says two things:

- definitions, blank forms (Exhibit D, Exhibit E), the data schedule and the framework list
  are not read for clause terms (a definition of "Targeted Advertising" prohibits nothing);
  the schedules have their own readers;
- an amendment (Exhibit H, "Article V, Section 4 is amended", a state rider's
  "notwithstanding") outranks the body; the body outranks exhibits and state riders, whose
  terms are also kept in ``state_terms``;
- within one rank, two different values for a field leave it absent, with a note naming both
  (a wrong value could become a pass; a missing one becomes a finding).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .document import Document
from .layout import Section, Sentence, sections, sentences
from .numbers import days_definition
from .states import names_in
from .terms import TERMS
from .terms import agreement as whole
from .terms.base import AMENDMENT, Context, Found
from .terms.exhibits import attachments, state_term
from .terms.schedule import as_sentence, framework_rows, grouped, schedule_rows

SKIPPED_ROLES = {"definitions", "form", "schedule", "frameworks"}


def role(section: Section) -> str:
    heading = section.heading.lower()
    if "definition" in heading:
        return "definitions"
    if re.search(r"schedule\s+of\s+data|data\s+elements|categories\s+of\s+(?:student\s+)?data|student\s+data\s+"
                 r"(?:collected|elements)", heading) or (section.exhibit and _opens_like_a_schedule(section)):
        return "schedule"
    if section.exhibit and re.search(r"cybersecurity\s+frameworks?|security\s+(?:requirements|frameworks)", heading):
        return "frameworks"
    if re.search(r"directive\s+for\s+disposition|request\s+for\s+(?:return|deletion)|general\s+offer|verification",
                 heading):
        return "form"
    if re.search(r"state\s+terms|supplemental\s+(?:sdpc\s+)?(?:state\s+)?terms|bill\s+of\s+rights|"
                 r"supplemental\s+information|state[- ]specific", heading) or (
            re.search(r"\brider\b", heading) and (section.exhibit or names_in(heading))):
        return "state"  # a "rider" that is the whole document (its title) is the agreement itself
    if re.search(r"additional\s+terms|modifications?\b|amendments?\b", heading):
        return "modification"
    return "body"


def whole_words(text: str, words: str) -> str:
    """``words`` as quoted evidence, widened to whole words ("after such discover" -> "... discovery")."""
    start = text.find(words)
    if start < 0 or not words:
        return words
    end = start + len(words)
    while start > 0 and text[start - 1].isalnum() and words[0].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum() and words[-1].isalnum():
        end += 1
    return text[start:end]


def _opens_like_a_schedule(section: Section) -> bool:
    """An exhibit whose table starts with a data-element header ("Data Element | Collected")."""
    return any(re.match(r"(?:data\s+elements?|category\s+of\s+data|elements?)\b", line.text, re.IGNORECASE)
               for line in section.lines[:3])


@dataclass
class Resolved:
    value: Any
    evidence: list[Found]


@dataclass
class Extraction:
    document: Document
    sections: list[Section]
    values: dict[str, Resolved] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    data: dict[str, list] = field(default_factory=dict)  # subject -> schedule rows
    attachments: list[tuple[dict, Section]] = field(default_factory=list)
    state_terms: list[tuple[dict, list]] = field(default_factory=list)
    order: dict[int, int] = field(default_factory=dict)  # id(sentence) -> its place in the document


def extract(document: Document) -> Extraction:
    parts = sections(document)
    by_section = {id(section): sentences(section) for section in parts}
    roles = {id(section): role(section) for section in parts}
    everything = [s for section in parts for s in by_section[id(section)]]
    ctx = Context()
    for sentence in everything:
        if meaning := days_definition(sentence.text):
            ctx.days_mean = meaning
            break
    found: list[Found] = []

    def add(items, priority: int = 2) -> None:
        found.extend(Found(f, value, words, sentence, priority) for f, value, words, sentence in items)

    preamble = [s for section in parts[:6] if roles[id(section)] == "body" for s in by_section[id(section)]]
    parties = whole.find_parties(preamble, ctx)
    add(parties)
    add(whole.find_signature_parties(parts), priority=1)
    for name in (f[2] for f in parties if f[0].endswith(".name")):
        (ctx.vendor_words if any(f[1] == name and "vendor" in f[0] for f in parties) else ctx.district_words).append(name)
    ctx.refresh()
    first_page = [s for s in everything if s.page == 1] + [as_sentence(l, parts[0]) for l in parts[0].lines[:3]]
    add(whole.find_model(first_page or everything[:20], everything))
    add(whole.find_title(parts))
    add(whole.find_id(everything[:60]))
    add(whole.find_dates([s for s in everything if roles[id(s.section)] not in SKIPPED_ROLES], parts))
    add(whole.find_products(parts, lambda section: by_section[id(section)]), priority=2)

    for section in parts:
        kind = roles[id(section)]
        if kind in SKIPPED_ROLES:
            continue
        for sentence in by_section[id(section)]:
            if kind == "modification" or (kind == "state" and AMENDMENT.search(sentence.text)):
                priority = 3
            else:
                priority = 2 if kind == "body" else 1
            for term in TERMS:
                if not term.keywords.search(sentence.text):
                    continue
                for value, words in term.find(sentence, ctx):
                    found.append(Found(term.field, value, whole_words(sentence.text, words), sentence, priority))

    frameworks = [s for s in parts if roles[id(s)] == "frameworks"]
    add((("clauses.security.frameworks", key, words, as_sentence(line, section))
         for key, words, line, section in framework_rows(frameworks)), priority=2)

    result = Extraction(document, parts)
    result.order = {id(sentence): index for index, sentence in enumerate(everything)}
    result.values, result.notes = resolve(found)
    rows, notes = schedule_rows([s for s in parts if roles[id(s)] == "schedule"])
    result.data = grouped(rows)
    result.notes.extend(notes)
    result.attachments = attachments(parts)
    has_bill = any(entry["kind"] == "parents_bill_of_rights" for entry, _ in result.attachments)
    result.state_terms = _state_terms(parts, roles, by_section, ctx, has_bill)
    return result


def _state_terms(parts, roles, by_section, ctx, has_bill) -> list:
    groups: list[list[Section]] = []
    for section in parts:
        if roles[id(section)] != "state":
            continue
        if groups and section.exhibit and groups[-1][0].exhibit == section.exhibit:
            groups[-1].append(section)
        else:
            groups.append([section])
    entries = []
    seen_states = set()
    for group in groups:
        said = [s for section in group for s in by_section[id(section)]]
        entry = state_term(group, said, ctx, has_bill)
        if entry and entry[0]["state"] not in seen_states:
            seen_states.add(entry[0]["state"])
            entries.append(entry)
    return entries


def _canon(value: Any) -> str:
    return repr(sorted(value.items())) if isinstance(value, dict) else repr(value)


def resolve(found: list[Found]) -> tuple[dict[str, Resolved], list[str]]:
    from .terms import BY_FIELD

    by_field: dict[str, list[Found]] = {}
    for item in found:
        by_field.setdefault(item.field, []).append(item)
    values: dict[str, Resolved] = {}
    notes: list[str] = []
    for name in sorted(by_field):
        items = by_field[name]
        stated = [i for i in items if i.value is not None]
        term = BY_FIELD.get(name)
        if term is not None and term.multi:
            kept: dict[str, Found] = {}
            for item in stated:
                kept.setdefault(_canon(item.value), item)
            if kept:
                values[name] = Resolved([i.value for i in kept.values()], list(kept.values()))
            notes.extend(_unset(name, items) if not kept else [])
            continue
        if not stated:
            notes.extend(_unset(name, items))
            continue
        top = max(i.priority for i in stated)
        stated = [i for i in stated if i.priority == top]
        if any(isinstance(i.value, dict) and i.value for i in stated):  # a deadline beats "promptly"
            stated = [i for i in stated if not (isinstance(i.value, dict) and not i.value)]
        distinct = {_canon(i.value) for i in stated}
        if len(distinct) == 1:
            values[name] = Resolved(stated[0].value, stated)
            if stated[0].value == {}:  # present, but its deadline could not be read: say why
                notes.extend(_unset(name, items))
        else:
            shown = "; ".join(sorted({f'{_show(i.value)} ({i.sentence.section.citation}, p. {i.sentence.page})'
                                      for i in stated}))
            notes.append(f"{name}: the document says different things ({shown}); left out - set it by hand")
    return values, notes


def _unset(name: str, items: list[Found]) -> list[str]:
    reasons = sorted({i.words for i in items if i.value is None})
    return [f"{name}: {reason}" for reason in reasons[:2]]


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return str(value.get("within", "no deadline"))
    return str(value)
