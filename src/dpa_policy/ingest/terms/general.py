"""Audit rights, precedence, sale or merger, termination, laws named, governing law."""

from __future__ import annotations

import re

from ..layout import Sentence
from ..numbers import as_duration, find_durations, per_year
from ..states import NAME_PATTERN, code_for
from .citations import STATUTE
from .base import NEGATION, Context, Term, words

AUDIT = "clauses.audit"
_AUDIT = words(r"\baudit")


def _review_right(sentence: Sentence):
    """Under an "Audit" heading, the district's "may review the vendor's security controls"."""
    if not _AUDIT.search(sentence.section.heading):
        return None
    return re.search(r"\bmay\b[^.;]{0,60}?\b(?:review|inspect|examine|assess)\s+(?:[\w'\u2019]+\s+){0,4}"
                     r"(?:security|privacy|controls|compliance|practices|records)", sentence.text, re.IGNORECASE)


def _about_audits(sentence: Sentence, ctx: Context) -> bool:
    return bool(_AUDIT.search(sentence.text) or (ctx.actor(sentence.text) == "district" and _review_right(sentence)))


def find_may_audit(sentence: Sentence, ctx: Context):
    text = sentence.text
    if m := re.search(r"(?:not\s+(?:be\s+)?(?:entitled|permitted|allowed)\s+to\s+(?:[\w-]+\s+){0,3}audit|no\s+right\s+to\s+"
                      r"(?:[\w-]+\s+){0,2}audit|in\s+lieu\s+of\s+(?:an?\s+|any\s+)?(?:on-?site\s+)?audit|may\s+not\s+"
                      r"(?:[\w-]+\s+){0,2}audit|does\s+not\s+permit\s+(?:[\w-]+\s+){0,3}audit)", text, re.IGNORECASE):
        yield False, m.group(0)
        return
    actor = ctx.actor(text)
    if actor == "district" and not _AUDIT.search(text) and (m := _review_right(sentence)):
        yield True, m.group(0)  # under an "Audit" heading, "may review the vendor's security controls"
    elif actor == "district" and (m := re.search(r"\b(?:may|shall\s+have\s+the\s+right\s+to|is\s+entitled\s+to|has\s+"
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
    if not _about_audits(sentence, ctx):
        return
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
    if not _about_audits(sentence, ctx):
        return
    hits = [h for h in find_durations(text) if re.match(r"['\u2019s]*\s*(?:\(\w+\)\s*)?(?:advance\s+|prior\s+)?"
                                                         r"(?:written\s+)?notice", text[h.end:], re.IGNORECASE)
            or re.search(r"notice\s+of\s+(?:at\s+least\s+)?$", text[:h.start], re.IGNORECASE)]
    if len({(h.amount, h.unit) for h in hits}) == 1:
        value, note = as_duration(hits[0], ctx.days_mean)
        yield (value, hits[0].words) if value else (None, note)


def find_audit_nda(sentence: Sentence, ctx: Context):
    if m := re.search(r"confidentiality\s+agreement|non-?disclosure\s+agreement|\bNDA\b", sentence.text, re.IGNORECASE):
        yield True, m.group(0)


_THIS = r"\bDPA\b|addendum|rider|this\s+(?:agreement|contract)|these\s+terms|this\s+exhibit|privacy\s+agreement"
_WINS = (r"(?:shall|will|does|must)?\s*(?:apply\s+and\s+)?(?:controls?|governs?|prevails?|takes?\s+precedence|"
         r"supersedes?|shall\s+control)\b")


def find_precedence(target: str):
    """True when this agreement wins over the vendor's terms (or privacy policy), False when they win.

    Reads "X shall control", "X controls", "X prevails over Y", "X takes precedence over Y",
    "X supersedes any conflicting provision of Y"; the winner is the words before the verb."""
    others = {"over_vendor_terms": r"service\s+agreement|terms\s+of\s+(?:service|use)|other\s+(?:agreements?|writings?|"
                                   r"terms)|license\s+agreement|order\s+form|purchase\s+order|click-?(?:wrap|through)|"
                                   r"vendor'?s\s+terms|online\s+terms",
              "over_privacy_policy": r"privacy\s+polic"}[target]

    def find(sentence: Sentence, ctx: Context):
        text = sentence.text
        if not re.search(r"conflict|inconsisten|precedence|prevail|supersede", text, re.IGNORECASE):
            return
        if not re.search(others + r"|\bthe\s+Agreement\b", text, re.IGNORECASE):
            return
        for m in re.finditer(rf"(?P<winner>[^,;:]{{0,80}}?)\s+{_WINS}", text, re.IGNORECASE):
            winner = m.group("winner")
            if target == "over_vendor_terms" and re.search(r"\b(?:rider|addendum)\b", winner, re.IGNORECASE) and \
                    re.search(r"\bthe\s+Agreement\b", text):
                yield True, m.group(0).strip()  # a rider's or addendum's "the Agreement" is the service agreement
                return
            if re.search(_THIS, winner, re.IGNORECASE) and not re.search(others, winner, re.IGNORECASE):
                yield True, m.group(0).strip()
                return
            if re.search(others, winner, re.IGNORECASE):
                yield False, m.group(0).strip()
                return

    return find


MERGER = "clauses.sale_or_merger"
_MERGER = words(r"merger|\bmerges?\b|\bacquire[sd]?\b|acquisition\s+(?:of|by)\s+(?:the\s+)?(?:Provider|Vendor|Company|"
                r"business|all)|changes?\s+(?:of|in)\s+control|sale\s+of\s+(?:all\s+or\s+)?substantially\s+all|successor|"
                r"dissolution|bankrupt")
_NOTIFY = r"\b(?:notif(?:y|ies|ied|ication)|notice)\b"
_BREACH = words(r"unauthori[sz]ed|\bbreach")


def _merger_context(sentence: Sentence) -> bool:
    """The sentence or its heading ("Changes of Control") is about a sale or merger of the vendor."""
    return bool(_MERGER.search(sentence.text) or _MERGER.search(sentence.section.heading))


def find_merger_notice(sentence: Sentence, ctx: Context):
    text = sentence.text
    if _BREACH.search(text) or not _merger_context(sentence):
        return
    for m in re.finditer(_NOTIFY + r"[^.]{0,80}", text, re.IGNORECASE):
        near = text[max(0, m.start() - 40):m.end() + 40]
        negated = re.search(r"\bnot\b[^.;,]{0,30}$", text[:m.start()], re.IGNORECASE)
        if ctx.district.search(near) and ctx.actor(text) != "district" and not negated:
            yield True, m.group(0).strip()
            return


def find_merger_window(sentence: Sentence, ctx: Context):
    text = sentence.text
    if _BREACH.search(text) or not _merger_context(sentence):
        return
    if not re.search(_NOTIFY, text, re.IGNORECASE):
        return
    hits = find_durations(text)
    if len({(h.amount, h.unit) for h in hits}) == 1:
        value, note = as_duration(hits[0], ctx.days_mean)
        yield (value, hits[0].words) if value else (None, note)


_SUCCESSOR = r"successors?(?:\s+entity|\s+in\s+interest)?|acquir(?:er|ing\s+(?:entity|company|party))|purchaser|buyer"


def find_successor_bound(sentence: Sentence, ctx: Context):
    if m := re.search(rf"(?:{_SUCCESSOR})[^.]{{0,120}}?\b(?:bound|assume\w*|subject\s+to)\b|binding\s+(?:up)?on[^.]{{0,80}}?"
                      rf"successors?|\bbinds?\s+(?:the\s+)?(?:parties['\u2019]?\s+)?successors", sentence.text, re.IGNORECASE):
        yield True, m.group(0)


def find_data_transfer(sentence: Sentence, ctx: Context):
    text = sentence.text
    if _BREACH.search(text) or not _merger_context(sentence):
        return
    if m := re.search(r"\b(?:may|can)\s+(?:\w+\s+){0,4}transfer\w*\s+(?:\w+\s+){0,4}(?:data|information)|"
                      r"(?:data|information)\s+(?:may|can|will)\s+(?:not\s+)?(?:be\s+)?transferred", text, re.IGNORECASE):
        yield (False if NEGATION.search(text[:m.end()]) else True), m.group(0)


def find_material_breach(sentence: Sentence, ctx: Context):
    text = sentence.text
    m = re.search(r"terminat\w*[^.]{0,160}?material(?:ly)?\s+breach|material(?:ly)?\s+breach\w*[^.]{0,160}?terminat\w*",
                  text, re.IGNORECASE)
    if m and (re.search(r"either\s+party|both\s+parties", text, re.IGNORECASE) or ctx.district.search(text)):
        yield True, m.group(0)


def find_no_termination_fee(sentence: Sentence, ctx: Context):
    m = re.search(r"\bno\s+(?:early[- ])?termination\s+(?:fee|charge|penalty)|\bwithout\s+(?:any\s+)?(?:early[- ])?"
                  r"termination\s+(?:fee|charge|penalty)|not\s+(?:be\s+)?(?:liable|obligated|required)\s+to\s+pay\s+(?:any\s+)?"
                  r"(?:early[- ])?termination\s+(?:fee|charge|penalty)", sentence.text, re.IGNORECASE)
    if m and ctx.district.search(sentence.text):
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
    ("tx_educ_code_32", r"32\.15\d|Educ(?:ation|\.)\s+Code\s+(?:Chapter|Ch\.)\s*32\b"),
    ("ut_student_data_protection_act", r"53E-9"),
    ("va_22_1_289_01", r"22\.1-289\.01"),
    ("wa_super_act", r"28A\.604"),
]
_LAW_CONTEXT = words(r"comply|compliance|complies|in\s+accordance\s+with|consistent\s+with|requirements?\s+of|"
                     r"obligations?\s+under|subject\s+to|protected\s+by|applicable|pursuant\s+to|governed\s+by")
_OTHER_LAWS = re.compile(STATUTE)


def find_laws(sentence: Sentence, ctx: Context):
    if not _LAW_CONTEXT.search(sentence.text):
        return
    for key, pattern in LAWS:
        if m := re.search(pattern, sentence.text, re.IGNORECASE):
            yield key, m.group(0)


def find_other_laws(sentence: Sentence, ctx: Context):
    """State statutes named by citation that the controlled list lacks ("ORS 336.184")."""
    if not _LAW_CONTEXT.search(sentence.text):
        return
    listed = [m.span() for _, pattern in LAWS for m in re.finditer(pattern, sentence.text, re.IGNORECASE)]
    for m in _OTHER_LAWS.finditer(sentence.text):
        if not any(start < m.end() and m.start() < end for start, end in listed):
            yield " ".join(m.group(0).split()), m.group(0)


_GOVERNED = re.compile(rf"(?:governed\s+by|construed\s+(?:and\s+enforced\s+)?(?:in\s+accordance\s+with|under)|"
                       rf"subject\s+to)\s+(?:and\s+construed\s+in\s+accordance\s+with\s+)?the\s+laws?\s+of\s+"
                       rf"(?:the\s+)?(?:(?:State|Commonwealth)\s+of\s+)?(?P<state>{NAME_PATTERN})|"
                       r"laws?\s+of\s+the\s+state\s+(?:in\s+which|where)\s+the\s+(?P<lea>LEA|District|School|"
                       r"Educational\s+Agency)\s+is\s+located|"
                       rf"governed\s+by\s+(?:the\s+)?(?P<state2>{NAME_PATTERN})\s+law\b", re.IGNORECASE)


def find_governing_state(sentence: Sentence, ctx: Context):
    m = _GOVERNED.search(sentence.text)
    if not m or not re.search(r"govern|constru", sentence.text, re.IGNORECASE):
        return
    if m.group("state") or m.group("state2"):
        yield code_for(m.group("state") or m.group("state2")), m.group(0)
    elif ctx.district_state:
        yield ctx.district_state, m.group(0)
    else:
        yield None, f'"{m.group(0)}": the document does not say where the district is'


TERMS = [
    Term(f"{AUDIT}.district_may_audit", words(r"audit|review|inspect|examine|assess"), find_may_audit),
    Term(f"{AUDIT}.per_year", words(r"once|twice|times?|annual|year"), find_per_year),
    Term(f"{AUDIT}.after_unauthorized_access", _AUDIT, find_after_access),
    Term(f"{AUDIT}.notice", words(r"notice"), find_audit_notice),
    Term(f"{AUDIT}.confidentiality_agreement_required", _AUDIT, find_audit_nda),
    Term("clauses.precedence.over_vendor_terms", words(r"control|govern|prevail|precedence|supersede"),
         find_precedence("over_vendor_terms")),
    Term("clauses.precedence.over_privacy_policy", words(r"privacy\s+polic"), find_precedence("over_privacy_policy")),
    Term(f"{MERGER}.notice_to_district", words(_NOTIFY), find_merger_notice),
    Term(f"{MERGER}.notice", words(_NOTIFY), find_merger_window),
    Term(f"{MERGER}.successor_bound", words(r"successor|acquir|purchaser|buyer"), find_successor_bound),
    Term(f"{MERGER}.data_may_transfer", words(r"transfer"), find_data_transfer),
    Term("clauses.termination.for_material_breach", words(r"terminat"), find_material_breach),
    Term("clauses.termination.by_district_for_convenience", words(r"terminat"), find_convenience),
    Term("clauses.termination.no_termination_fee", words(r"termination\s+(?:fee|charge|penalty)"),
         find_no_termination_fee),
    Term("clauses.legal_compliance.laws", words(r"FERPA|COPPA|PPRA|CIPA|SOPPA|SOPIPA|Act|Law|\d"), find_laws,
         multi=True),
    Term("clauses.legal_compliance.other_laws", words(r"\d"), find_other_laws, multi=True),
    Term("term.governing_state", words(r"\blaws?\b"), find_governing_state),
]
