"""Audit rights, precedence, sale or merger, termination, laws named, governing law."""

from __future__ import annotations

import re

from ..layout import Sentence
from ..numbers import as_duration, find_durations, per_year
from ..states import NAME_PATTERN, code_for
from .base import NEGATION, Context, Term, words

AUDIT = "clauses.audit"
_AUDIT = words(r"\baudit")


def find_may_audit(sentence: Sentence, ctx: Context):
    text = sentence.text
    if m := re.search(r"(?:not\s+(?:be\s+)?(?:entitled|permitted|allowed)\s+to\s+(?:\w+\s+){0,3}audit|no\s+right\s+to\s+"
                      r"(?:\w+\s+){0,2}audit|in\s+lieu\s+of\s+(?:an?\s+|any\s+)?(?:on-?site\s+)?audit|may\s+not\s+"
                      r"(?:\w+\s+){0,2}audit|does\s+not\s+permit\s+(?:\w+\s+){0,3}audit)", text, re.IGNORECASE):
        yield False, m.group(0)
        return
    actor = ctx.actor(text)
    if actor == "district" and (m := re.search(r"\b(?:may|shall\s+have\s+the\s+right\s+to|is\s+entitled\s+to|has\s+"
                                               r"the\s+right\s+to)\s+(?:\w+\s+){0,3}audit", text, re.IGNORECASE)):
        yield True, m.group(0)
    elif actor == "vendor" and (m := re.search(r"\b(?:permit|allow)\w*\s+(?:\w+\s+){0,4}to\s+(?:\w+\s+){0,3}audit|"
                                               r"submit\s+to\s+(?:an?\s+)?audit|cooperate\s+(?:\w+\s+){0,6}audit",
                                               text, re.IGNORECASE)):
        if not NEGATION.search(text[:m.start()]):
            yield True, m.group(0)
    elif m := re.search(r"right\s+to\s+audit", text, re.IGNORECASE):
        if not NEGATION.search(text[:m.start()]) and ctx.district.search(text):
            yield True, m.group(0)


def find_per_year(sentence: Sentence, ctx: Context):
    found = per_year(sentence.text)
    if found:
        yield found


def find_after_access(sentence: Sentence, ctx: Context):
    m = re.search(r"(?:following|after|in\s+the\s+event\s+of|upon)\s+(?:an?\s+|any\s+)?(?:unauthori[sz]ed\s+(?:access|"
                  r"disclosure|release)|(?:data\s+|security\s+)?breach|security\s+incident)", sentence.text, re.IGNORECASE)
    if m:
        yield True, m.group(0)


def find_audit_notice(sentence: Sentence, ctx: Context):
    text = sentence.text
    hits = [h for h in find_durations(text) if re.match(r"['\u2019s]*\s*(?:\(\w+\)\s*)?(?:advance\s+|prior\s+)?"
                                                         r"(?:written\s+)?notice", text[h.end:], re.IGNORECASE)
            or re.search(r"notice\s+of\s+(?:at\s+least\s+)?$", text[:h.start], re.IGNORECASE)]
    if len({(h.amount, h.unit) for h in hits}) == 1:
        value, note = as_duration(hits[0], ctx.days_mean)
        yield (value, hits[0].words) if value else (None, note)


def find_audit_nda(sentence: Sentence, ctx: Context):
    if m := re.search(r"confidentiality\s+agreement|non-?disclosure\s+agreement|\bNDA\b", sentence.text, re.IGNORECASE):
        yield True, m.group(0)


def find_precedence(target: str):
    others = {"over_vendor_terms": r"service\s+agreement|terms\s+of\s+(?:service|use)|other\s+(?:agreements?|writings?|"
                                   r"terms)|license\s+agreement|order\s+form|purchase\s+order|click-?wrap|vendor'?s\s+terms",
              "over_privacy_policy": r"privacy\s+polic"}[target]

    def find(sentence: Sentence, ctx: Context):
        text = sentence.text
        if not re.search(r"conflict|inconsisten|precedence|prevail", text, re.IGNORECASE):
            return
        if not re.search(others, text, re.IGNORECASE):
            return
        for m in re.finditer(r"(?P<winner>[^,;:]{0,80}?)\s+(?:shall|will)\s+(?:control|govern|prevail|take\s+precedence)",
                             text, re.IGNORECASE):
            winner = m.group("winner")
            if re.search(r"\bDPA\b|addendum|rider|this\s+agreement|these\s+terms|this\s+exhibit|privacy\s+agreement",
                         winner, re.IGNORECASE) and not re.search(others, winner, re.IGNORECASE):
                yield True, m.group(0).strip()
                return
            if re.search(others, winner, re.IGNORECASE):
                yield False, m.group(0).strip()
                return

    return find


MERGER = "clauses.sale_or_merger"
_MERGER = words(r"merger|\bacquire[sd]?\b|acquisition\s+(?:of|by)\s+(?:the\s+)?(?:Provider|Vendor|Company|business|"
                r"all)|change\s+(?:of|in)\s+control|sale\s+of\s+(?:all\s+or\s+)?substantially\s+all|successor|"
                r"dissolution|bankrupt")
_BREACH = words(r"unauthori[sz]ed|\bbreach")


def find_merger_notice(sentence: Sentence, ctx: Context):
    text = sentence.text
    if _BREACH.search(text):
        return
    m = re.search(r"\b(?:notify|notice|notification)\b[^.]{0,80}", text, re.IGNORECASE)
    if m and ctx.district.search(text[m.start():m.end() + 40]) and ctx.actor(text) != "district":
        yield True, m.group(0).strip()


def find_merger_window(sentence: Sentence, ctx: Context):
    text = sentence.text
    if _BREACH.search(text):
        return
    if not re.search(r"\b(?:notify|notice|notification)\b", text, re.IGNORECASE):
        return
    hits = find_durations(text)
    if len({(h.amount, h.unit) for h in hits}) == 1:
        value, note = as_duration(hits[0], ctx.days_mean)
        yield (value, hits[0].words) if value else (None, note)


def find_successor_bound(sentence: Sentence, ctx: Context):
    if m := re.search(r"successors?[^.]{0,120}?\b(?:bound|assume\w*|subject\s+to)\b|binding\s+(?:up)?on[^.]{0,80}?"
                      r"successors?", sentence.text, re.IGNORECASE):
        yield True, m.group(0)


def find_data_transfer(sentence: Sentence, ctx: Context):
    text = sentence.text
    if _BREACH.search(text):
        return
    if m := re.search(r"\b(?:may|can)\s+(?:\w+\s+){0,4}transfer\w*\s+(?:\w+\s+){0,4}(?:data|information)", text,
                      re.IGNORECASE):
        yield (False if NEGATION.search(text[:m.start()]) else True), m.group(0)


def find_material_breach(sentence: Sentence, ctx: Context):
    text = sentence.text
    m = re.search(r"terminat\w*[^.]{0,160}?material(?:ly)?\s+breach|material(?:ly)?\s+breach\w*[^.]{0,160}?terminat\w*",
                  text, re.IGNORECASE)
    if m and (re.search(r"either\s+party|both\s+parties", text, re.IGNORECASE) or ctx.district.search(text)):
        yield True, m.group(0)


def find_convenience(sentence: Sentence, ctx: Context):
    m = re.search(r"(?P<who>[\w'\u2019]+)\s+may\s+terminate[^.]{0,120}?(?:for\s+convenience|for\s+any\s+reason|"
                  r"without\s+cause)", sentence.text, re.IGNORECASE)
    if m and (ctx.district.search(m.group("who")) or m.group("who").lower() == "party"):
        yield True, m.group(0)


LAWS = [
    ("ferpa", r"\bFERPA\b|Family\s+Educational\s+Rights\s+and\s+Privacy\s+Act|1232g"),
    ("coppa", r"\bCOPPA\b|Children'?s\s+Online\s+Privacy\s+Protection"),
    ("ppra", r"\bPPRA\b|Protection\s+of\s+Pupil\s+Rights"),
    ("cipa", r"\bCIPA\b|Children'?s\s+Internet\s+Protection"),
    ("il_soppa", r"\bSOPPA\b|Student\s+Online\s+Personal\s+Protection\s+Act|105\s+ILCS\s+85"),
    ("ny_ed_law_2d", r"Education\s+Law\s+(?:\u00a7+\s*|Section\s+)?2-d|Ed\.?\s+Law\s+(?:\u00a7+\s*)?2-d|Part\s+121\b"),
    ("ca_sopipa", r"\bSOPIPA\b|\bKOPIPA\b|22584"),
    ("ca_ed_code_49073_1", r"49073\.1|AB\s*1584"),
    ("fl_1002_222", r"1002\.222"),
    ("ct_student_data_law", r"10-234(?:aa|bb|cc|dd)"),
    ("co_student_data_act", r"22-16-1\d\d"),
    ("tx_educ_code_32", r"32\.15\d"),
    ("ut_student_data_protection_act", r"53E-9"),
    ("va_22_1_289_01", r"22\.1-289\.01"),
    ("wa_super_act", r"28A\.604"),
]
_LAW_CONTEXT = words(r"comply|compliance|complies|in\s+accordance\s+with|consistent\s+with|requirements?\s+of|"
                     r"obligations?\s+under|subject\s+to|protected\s+by|applicable|pursuant\s+to|governed\s+by")
_OTHER_LAWS = re.compile(r"(?:M\.\s?G\.\s?L\.|Mass\.\s+Gen\.\s+Laws|G\.\s?L\.)\s+c(?:h(?:apter)?)?\.?\s*\d+[A-Z]?"
                         r"(?:,?\s*\u00a7+\s*[\dA-Z]+(?:[.-]\d+)?)?|\b\d{3}\s+CMR\s+\d+(?:\.\d+)?")


def find_laws(sentence: Sentence, ctx: Context):
    if not _LAW_CONTEXT.search(sentence.text):
        return
    for key, pattern in LAWS:
        if m := re.search(pattern, sentence.text, re.IGNORECASE):
            yield key, m.group(0)


def find_other_laws(sentence: Sentence, ctx: Context):
    if _LAW_CONTEXT.search(sentence.text):
        for m in _OTHER_LAWS.finditer(sentence.text):
            yield " ".join(m.group(0).split()), m.group(0)


_GOVERNED = re.compile(rf"(?:governed\s+by|construed\s+(?:and\s+enforced\s+)?(?:in\s+accordance\s+with|under)|"
                       rf"subject\s+to)\s+(?:and\s+construed\s+in\s+accordance\s+with\s+)?the\s+laws?\s+of\s+"
                       rf"(?:the\s+)?(?:(?:State|Commonwealth)\s+of\s+)?(?P<state>{NAME_PATTERN})|"
                       r"laws?\s+of\s+the\s+state\s+(?:in\s+which|where)\s+the\s+(?P<lea>LEA|District|School|"
                       r"Educational\s+Agency)\s+is\s+located", re.IGNORECASE)


def find_governing_state(sentence: Sentence, ctx: Context):
    m = _GOVERNED.search(sentence.text)
    if not m or not re.search(r"govern|constru", sentence.text, re.IGNORECASE):
        return
    if m.group("state"):
        yield code_for(m.group("state")), m.group(0)
    elif ctx.district_state:
        yield ctx.district_state, m.group(0)
    else:
        yield None, f'"{m.group(0)}": the document does not say where the district is'


TERMS = [
    Term(f"{AUDIT}.district_may_audit", _AUDIT, find_may_audit),
    Term(f"{AUDIT}.per_year", _AUDIT, find_per_year),
    Term(f"{AUDIT}.after_unauthorized_access", _AUDIT, find_after_access),
    Term(f"{AUDIT}.notice", _AUDIT, find_audit_notice),
    Term(f"{AUDIT}.confidentiality_agreement_required", _AUDIT, find_audit_nda),
    Term("clauses.precedence.over_vendor_terms", words(r"control|govern|prevail|precedence"),
         find_precedence("over_vendor_terms")),
    Term("clauses.precedence.over_privacy_policy", words(r"privacy\s+polic"), find_precedence("over_privacy_policy")),
    Term(f"{MERGER}.notice_to_district", _MERGER, find_merger_notice),
    Term(f"{MERGER}.notice", _MERGER, find_merger_window),
    Term(f"{MERGER}.successor_bound", words(r"successor"), find_successor_bound),
    Term(f"{MERGER}.data_may_transfer", _MERGER, find_data_transfer),
    Term("clauses.termination.for_material_breach", words(r"terminat"), find_material_breach),
    Term("clauses.termination.by_district_for_convenience", words(r"terminat"), find_convenience),
    Term("clauses.legal_compliance.laws", words(r"FERPA|COPPA|PPRA|CIPA|SOPPA|SOPIPA|Act|Law|\d"), find_laws,
         multi=True),
    Term("clauses.legal_compliance.other_laws", words(r"G\.\s?L\.|Gen\.|CMR"), find_other_laws, multi=True),
    Term("term.governing_state", words(r"laws?\s+of"), find_governing_state),
]
