"""Attachments (Exhibits D-H, Parents' Bill of Rights, plans) and structured state terms."""

from __future__ import annotations

import re

from ..layout import Section, Sentence
from ..states import names_in
from .base import Context
from .breach import find_trigger, find_window
from .citations import STATUTE
from .data_use import _prohibition

ATTACHMENT_KINDS = [
    ("parents_bill_of_rights", r"bill\s+of\s+rights"),
    ("supplemental_information", r"supplemental\s+information"),
    ("data_security_and_privacy_plan", r"data\s+security\s+and\s+privacy\s+plan|security\s+and\s+privacy\s+plan"),
    ("incident_response_plan", r"incident\s+response\s+plan"),
    ("exhibit_d_disposition_directive", r"directive\s+for\s+disposition|request\s+for\s+(?:return|deletion)"),
    ("exhibit_e_general_offer", r"general\s+offer"),
    ("exhibit_g_state_terms", r"state\s+terms|supplemental\s+(?:sdpc\s+)?state|state[- ]specific"),
    ("exhibit_h_modifications", r"additional\s+terms|modifications"),
    ("security_narrative", r"security\s+(?:narrative|measures)"),
]
STATUTES = [STATUTE]
_BILL_OF_RIGHTS = re.compile(r"bill\s+of\s+rights", re.IGNORECASE)
_PROHIBITED_ELEMENTS = re.compile(r"political\s+affiliation|religio\w+|voting\s+history|biometric", re.IGNORECASE)


def attachments(sections: list[Section]) -> list[tuple[dict, Section]]:
    found: list[tuple[dict, Section]] = []
    seen = set()
    for section in sections:
        opens_exhibit = section.exhibit is not None and section.citation == section.exhibit
        if not (opens_exhibit or (section.title and not section.exhibit)):
            continue
        for kind, pattern in ATTACHMENT_KINDS:
            if not opens_exhibit and kind.startswith("exhibit_"):
                continue  # "Article VI: General Offer of Terms" is a clause, not the exhibit
            if re.search(pattern, section.title or "", re.IGNORECASE) and (kind, section.citation) not in seen:
                seen.add((kind, section.citation))
                entry = {"kind": kind, "citation": section.citation, "title": section.title, "page": section.page}
                found.append((entry, section))
                break
    return found


def state_term(group: list[Section], sentences: list[Sentence], ctx: Context, has_bill_of_rights: bool):
    """One state-terms entry (as a dict plus its evidence sentences), or None without a state."""
    heading = " ".join(s.heading for s in group)
    states = names_in(heading) or names_in(" ".join(s.text for s in sentences[:4]))
    if not states:
        return None
    terms: dict = {}
    evidence: list[tuple[str, str, Sentence]] = []
    finders = [("no_sale", _prohibition("sale")), ("no_targeted_advertising", _prohibition("targeted_advertising")),
               ("breach_window", find_window), ("breach_trigger", find_trigger)]
    for name, finder in finders:
        values = [(value, words, s) for s in sentences for value, words in finder(s, ctx) if value is not None]
        if values and len({repr(v[0]) for v in values}) == 1 and values[0][0] is not False:
            terms[name] = values[0][0]
            evidence.append((name, values[0][1], values[0][2]))
    if "breach_window" not in terms:
        terms.pop("breach_trigger", None)
    for sentence in sentences:
        if _PROHIBITED_ELEMENTS.search(sentence.text) and re.search(r"\b(?:not|never)\s+(?:\w+\s+){0,3}collect",
                                                                      sentence.text, re.IGNORECASE):
            terms["prohibited_elements_excluded"] = True
            evidence.append(("prohibited_elements_excluded", sentence.text, sentence))
            break
    if has_bill_of_rights or _BILL_OF_RIGHTS.search(heading):
        terms["parents_bill_of_rights"] = True
    statute = None
    for pattern in STATUTES:
        if m := re.search(pattern, " ".join(s.text for s in sentences)):
            statute = " ".join(m.group(0).split())
            break
    shown = [s for _, _, s in evidence] or sentences[:1]
    if not shown:
        return None
    entry = {"state": states[0], "citation": group[0].exhibit or group[0].citation, "page": group[0].page,
             "text": _text(shown)}
    if statute:
        entry["statute"] = statute
    if terms:
        entry["terms"] = terms
    return entry, evidence


def _text(sentences: list[Sentence]) -> str:
    seen: list[str] = []
    for sentence in sentences:
        if sentence.text not in seen:
            seen.append(sentence.text)
    return " ... ".join(seen)
