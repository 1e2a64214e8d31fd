"""Use of the data: permitted purposes, what is prohibited (sale, targeted advertising,
marketing, profiling, product development), carve-outs, redisclosure, de-identified data.

A prohibition is True only where a negation governs it ("shall not sell, rent or trade");
False only where the contract grants the use in so many words ("may sell"). A sentence that
limits a prohibition ("this section does not prohibit ... adaptive learning") yields
carve-outs, never prohibitions. A sale allowed with the district's consent ("may sell ... only
with the prior written consent", "shall not sell ... without consent") is neither: it stays
absent, with a note. A prohibition on using the data for advertising at all covers targeted
advertising; "targeted advertising to students" is not marketing.
"""

from __future__ import annotations

import re

from ..layout import Sentence
from .base import CARVE_OUT, NEGATION, Context, Term, words

CLAUSE = "clauses.data_use"
DATA = words(r"\bdata\b|\binformation\b|\bPII\b|\brecords?\b|\bcontent\b")
DEIDENTIFIED = words(r"de-?identified|deidentified|aggregate|anonymi[sz]ed")
PROHIBITED = {
    "sale": r"\b(?:sell|sold|selling|sale\s+of|rent|rented|renting|trade|traded|trading|lease|leasing|barter)\b",
    "targeted_advertising": r"target(?:ed|ing)?\s+advertis\w*|targeted\s+ads?\b|behaviou?ral(?:ly)?[- ]targeted|"
                            r"interest[- ]based\s+advertis\w*|\buse\s+(?:[\w-]+\s+){1,3}for\s+(?:marketing\s+or\s+)?"
                            r"advertis\w*",
    "marketing": r"\bmarket(?:ing)?\b(?!\s+(?:value|research|rate))|\badvertis\w*\s+to\s+(?:students|parents|families)",
    "non_educational_profiling": r"\b(?:develop|build|amass|create|compile)\w*\s+(?:a\s+|any\s+)?(?:personal\s+)?"
                                 r"profiles?\b|\bprofil(?:e|ing)\s+(?:of\s+)?(?:students|children|pupils|users)\b",
    "commercial_product_development": r"develop\w*\s+(?:of\s+)?(?:new\s+)?commercial\s+products|development\s+of\s+"
                                      r"(?:commercial\s+)?products|develop(?:,|\s+or)?\s+(?:or\s+)?improve\w*\s+"
                                      r"(?:\w+\s+)?products",
}
GRANTS = {
    "sale": r"\b(?:may|reserves?\s+the\s+right\s+to|is\s+permitted\s+to)\s+(?:\w+\s+){0,3}sell\b",
    "targeted_advertising": r"\b(?:may|will)\s+(?:\w+\s+){0,10}(?:show|serve|deliver|display)\s+(?:\w+\s+){0,2}"
                            r"(?:targeted|personali[sz]ed|interest-based)\s+(?:ads|advertis\w*)",
    "marketing": r"\b(?:may|will)\s+(?:\w+\s+){0,6}(?:for|in)\s+(?:our\s+)?marketing\b",
}


_CONSENT = re.compile(r"\b(?:without|unless|except\s+(?:with|upon)|only\s+(?:with|upon|after)|absent|subject\s+to)\b"
                      r"[^.;]{0,80}?\b(?:consent|authori[sz]ation|approval|permission)\b", re.IGNORECASE)
# Where the clause that holds a prohibition ends: "; " or ", and shall not disclose ...".
_CLAUSE_END = re.compile(r";|,?\s+(?:and|but|or)\s+(?:shall|will|may|must|agrees?|is|are)\b|\.\s", re.IGNORECASE)


def _clause(text: str, start: int) -> str:
    begin = max(text.rfind(";", 0, start), 0)
    end = _CLAUSE_END.search(text, start)
    return text[begin:end.start() if end else len(text)]


def _matches(pattern: re.Pattern[str], field: str, text: str):
    for match in pattern.finditer(text):
        if field == "marketing" and match.group(0).lower().startswith("advertis") and \
                re.search(r"target\w*\s+$", text[:match.start()], re.IGNORECASE):
            continue  # "targeted advertising to students" is the targeted-advertising term, not marketing
        yield match


def _prohibition(field: str):
    pattern = re.compile(PROHIBITED[field], re.IGNORECASE)
    grant = re.compile(GRANTS[field], re.IGNORECASE) if field in GRANTS else None

    def find(sentence: Sentence, ctx: Context):
        text = sentence.text
        if CARVE_OUT.search(text) or not DATA.search(text) or ctx.actor(text) == "district":
            return
        deidentified = DEIDENTIFIED.search(text)
        match = next(_matches(pattern, field, text), None)
        if match and not deidentified and NEGATION.search(text[max(0, match.start() - 400):match.start()]):
            clause_start = max(text.rfind(";", 0, match.start()), 0)
            if not re.search(r"sub-?(?:processor|contractor)s?", text[clause_start:match.start()], re.I):
                if field == "sale" and _CONSENT.search(_clause(text, match.start())):
                    yield None, f'"{_clause(text, match.start()).strip()[:120]}": sale is allowed with consent'
                    return
                yield True, match.group(0)
                return
        if grant and not deidentified and (granted := grant.search(text)):
            if not NEGATION.search(text[:granted.start()]):
                if _CONSENT.search(_clause(text, granted.start())):
                    yield None, f'"{_clause(text, granted.start()).strip()[:120]}": allowed only with consent'
                    return
                yield False, granted.group(0)

    return find


CARVE_OUTS = [
    ("adaptive_learning", r"adaptive\s+learning|customi[sz]ed\s+(?:student\s+)?learning|personali[sz]ed\s+learning"),
    ("contextual_advertising", r"contextual\s+advertis\w*"),
    ("product_notices_to_account_holders", r"account\s+holders?"),
    ("recommendations_to_staff", r"recommendations?\s+(?:\w+\s+){0,5}to\s+(?:teachers|LEA\s+employees|staff|educators|"
                                 r"school\s+employees|LEA)"),
]


def find_carve_outs(sentence: Sentence, ctx: Context):
    text = sentence.text
    if not CARVE_OUT.search(text) or DEIDENTIFIED.search(text):
        return
    for carve_out, pattern in CARVE_OUTS:
        if match := re.search(pattern, text, re.IGNORECASE):
            yield carve_out, match.group(0)


_DISCLOSE = r"\b(?:disclos|re-?disclos|share|transfer|release|make\s+(?:\w+\s+)?available|provide\s+access)\w*"


def find_redisclosure(sentence: Sentence, ctx: Context):
    text = sentence.text
    if not DATA.search(text) or DEIDENTIFIED.search(text) or ctx.actor(text) == "district":
        return
    match = re.search(_DISCLOSE + r"[^.]{0,300}?\b(?:without|except|unless|other than)\b[^.]{0,120}?"
                      r"(?:consent|authori[sz]|permission|approv|direct|instruct)", text, re.IGNORECASE)
    if match and NEGATION.search(text[max(0, match.start() - 200):match.start()]):
        yield "prohibited_without_consent", match.group(0)
        return
    match = re.search(_DISCLOSE + r"[^.]{0,200}?\b(?:except|other\s+than|only|solely)\b[^.]{0,80}?\b(?:sub-?processors?|"
                      r"sub-?contractors?|service\s+providers?)\b", text, re.IGNORECASE)
    if match and NEGATION.search(text[max(0, match.start() - 200):match.start()]) and not \
            re.search(r"\b(?:to|with)\s+(?:its\s+|our\s+)?(?:affiliates|partners|advertisers)", match.group(0), re.I):
        yield "to_subprocessors_only", match.group(0)
        return
    match = re.search(r"\b(?:may|will|can)\s+(?:\w+\s+){0,4}(?:share|disclose|sell|transfer)\w*[^.]{0,120}?"
                      r"\b(?:with|to)\s+(?:our\s+|its\s+)?(?:business\s+)?(?:partners|affiliates|advertisers|"
                      r"third\s+parties)", text, re.IGNORECASE)
    if match and not NEGATION.search(text[:match.end()]):
        yield "permitted", match.group(0)


_PURPOSE = re.compile(
    r"\buse\s+(?:the\s+|any\s+|such\s+)?(?:Student\s+Data|[\w\s]{0,30}?(?:data|information|records))\s+"
    r"(?:only|solely|exclusively)\s+(?:for\s+(?:the\s+)?(?:purposes?\s+of\s+)?|to\s+|as\s+)"
    r"(?P<purpose>[^.;]{5,200}?)(?=\s+and\s+for\s+no\s+other|[.;]|$)", re.IGNORECASE)


_NO_OTHER_PURPOSE = re.compile(
    r"\b(?:(?:used|use)\s+for\s+no\s+(?:other\s+)?purpose|not\s+(?:be\s+)?use[d]?\s+(?:[\w-]+\s+){0,4}for\s+any\s+"
    r"(?:other\s+)?purpose)\s+other\s+than\s+(?P<purpose>[^.;]{5,200}?)(?=[.;]|$)", re.IGNORECASE)


def find_purposes(sentence: Sentence, ctx: Context):
    if ctx.actor(sentence.text) == "district":
        return
    if match := _PURPOSE.search(sentence.text) or _NO_OTHER_PURPOSE.search(sentence.text):
        yield match.group("purpose").strip(" ,"), match.group(0)


DEID = "clauses.deidentified_data"


def find_deid_permitted(sentence: Sentence, ctx: Context):
    text = sentence.text
    match = re.search(r"(?:may|is\s+permitted\s+to|are\s+permitted\s+to)\s+(?:\w+\s+){0,3}use\s+(?:\w+\s+){0,3}"
                      r"de-?identified|de-?identified\s+(?:student\s+)?data\s+may\s+be\s+used", text, re.IGNORECASE)
    if match and not NEGATION.search(text[:match.start()]):
        yield True, match.group(0)


def find_reidentification(sentence: Sentence, ctx: Context):
    match = re.search(r"re-?identif\w*", sentence.text, re.IGNORECASE)
    if match and NEGATION.search(sentence.text[:match.start()]):
        yield True, match.group(0)


def find_deid_transfer(sentence: Sentence, ctx: Context):
    text = sentence.text
    match = re.search(r"\b(?:transfer|disclose|share)\w*\s+(?:any\s+|such\s+)?de-?identified[^.]{0,200}?"
                      r"\b(?:unless|without|except)\b[^.]{0,160}?(?:consent|approv|authori[sz])", text, re.IGNORECASE)
    if match and NEGATION.search(text[max(0, match.start() - 120):match.start()]):
        yield True, match.group(0)


_PROHIBIT_WORDS = words(r"sell|sold|sale|rent|trade|lease|barter|advertis|market|profile|product")
TERMS = [
    *(Term(f"{CLAUSE}.prohibits.{name}", _PROHIBIT_WORDS, _prohibition(name)) for name in PROHIBITED),
    Term(f"{CLAUSE}.carve_outs", words(r"learning|advertis|account holder|recommend"), find_carve_outs, multi=True),
    Term(f"{CLAUSE}.redisclosure", words(r"disclos|share|transfer|release|available|access"), find_redisclosure),
    Term(f"{CLAUSE}.permitted_purposes", words(r"\buse[ds]?\b"), find_purposes, multi=True),
    Term(f"{DEID}.permitted", DEIDENTIFIED, find_deid_permitted),
    Term(f"{DEID}.reidentification_prohibited", words(r"identif"), find_reidentification),
    Term(f"{DEID}.transfer_prohibited", DEIDENTIFIED, find_deid_transfer),
]
