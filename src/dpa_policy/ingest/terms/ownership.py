"""Ownership and control of the data, and parents' access to it."""

from __future__ import annotations

import re

from ..layout import Sentence
from ..numbers import as_duration, find_durations
from .base import NEGATION, Context, Term, words

CLAUSE = "clauses.ownership"


def find_owns(sentence: Sentence, ctx: Context):
    """True for "is and shall remain the (sole) property of the District", "you own all Student
    Data", and for "are not the property of the Contractor" (the statute's way of saying the data
    stays the district's); False only for data that "is the property of" the vendor."""
    text = sentence.text
    owner = re.search(r"\b(?:is|are|remains?|shall\s+(?:remain|be)|will\s+(?:remain|be)|continues?\s+to\s+be)\s+"
                      r"(?:and\s+(?:shall|will)\s+(?:continue\s+to\s+be|remain)\s+)?(?P<not>not\s+)?(?:the\s+)?"
                      r"(?:sole\s+(?:and\s+exclusive\s+)?|exclusive\s+)?property\s+of\s+(?P<who>(?:the\s+)?[\w' \u2019]{1,40})",
                      text, re.IGNORECASE)
    if owner and owner.group("not"):
        if ctx.vendor.search(owner.group("who")) and re.search(r"data|information|records|content",
                                                                text[:owner.start()], re.IGNORECASE):
            yield True, owner.group(0)
        return
    if owner and re.search(r"data|information|records|content", text[:owner.start()], re.IGNORECASE):
        if ctx.district.search(owner.group("who")):
            yield True, owner.group(0)
        elif ctx.vendor.search(owner.group("who")):
            yield False, owner.group(0)
        return
    if (m := re.search(r"\b(?:belongs?|shall\s+belong)\s+(?:solely\s+|exclusively\s+)?to\s+(?P<who>(?:the\s+)?[\w'\u2019 ]{1,30})",
                       text, re.IGNORECASE)) and re.search(r"data|information|records", text[:m.start()], re.IGNORECASE):
        if ctx.district.search(m.group("who")) and not NEGATION.search(text[:m.start()]):
            yield True, m.group(0)
        return
    claim = re.search(r"(?P<who>\b[\w\u2019']+)\s+(?:owns?|retains?\s+(?:all\s+)?(?:right,\s+title,?\s+and\s+interest|"
                      r"ownership))\b", text, re.IGNORECASE)
    if claim and re.search(r"data|information|records|content", text, re.IGNORECASE):
        if ctx.district.search(claim.group("who")) and not NEGATION.search(text[:claim.start()]):
            yield True, claim.group(0)


def find_controls(sentence: Sentence, ctx: Context):
    text = sentence.text
    if m := re.search(r"property\s+of\s+(?P<who>(?:the\s+)?[\w'\u2019 ]{1,30}?)\s+and\s+(?:remains?\s+)?under\s+its\s+"
                      r"(?:direct\s+)?control", text, re.IGNORECASE):
        if ctx.district.search(m.group("who")):
            yield True, m.group(0)
            return
    for m in re.finditer(r"under\s+the\s+(?:direct\s+)?control\s+of\s+(?P<who>(?:the\s+)?[\w'\u2019 ]{1,30})|"
                         r"(?P<who2>\b[\w'\u2019]+)\s+(?:retains?|shall\s+retain|will\s+retain|maintains?)\s+"
                         r"(?:\w+\s+){0,2}control", text, re.IGNORECASE):
        who = m.group("who") or m.group("who2")
        if ctx.district.search(who) and re.search(r"data|information|records", text, re.IGNORECASE):
            yield True, m.group(0)
            return


def find_rights_limited(sentence: Sentence, ctx: Context):
    text = sentence.text
    m = re.search(r"(?:no|any)\s+rights?,?\s+title,?\s+(?:or|and)\s+interest[^.]{0,200}?(?:other\s+than|except|beyond|"
                  r"limited)|(?:does|shall|will)\s+not\s+(?:\w+\s+){0,3}(?:grant|convey|transfer|give)\w*\s+(?:\w+\s+)"
                  r"{0,4}(?:rights?|license)[^.]{0,120}?(?:except|other\s+than|beyond)|limited\s+(?:right|license)\s+"
                  r"to\s+use[^.]{0,120}?(?:provid|perform)\w*\s+(?:the\s+)?(?:Services?|Products?)", text, re.IGNORECASE)
    if m:
        yield True, m.group(0)
    elif m := re.search(r"(?:perpetual|irrevocable)[^.]{0,60}?licen[cs]e\s+to\s+(?:use|copy|modify)", text, re.IGNORECASE):
        yield False, m.group(0)


PARENT = "clauses.parent_access"
_PARENTS = words(r"parents?|guardians?|eligible\s+students?")


def _parent_review(text: str):
    return re.search(r"(?:parents?|guardians?|eligible\s+students?)[^.]{0,120}?\b(?:review|inspect|access)\w*|"
                     r"\b(?:review|inspect|access)\w*\s+(?:\w+\s+){0,8}by\s+(?:a\s+|the\s+)?(?:parents?|guardians?)",
                     text, re.IGNORECASE)


def find_parents_review(sentence: Sentence, ctx: Context):
    m = _parent_review(sentence.text)
    if m and re.search(r"student\s+data|records|information|PII", sentence.text, re.IGNORECASE):
        yield True, m.group(0)


def find_parent_window(sentence: Sentence, ctx: Context):
    text = sentence.text
    if not _parent_review(text) or ctx.actor(text) == "district":
        return
    hits = find_durations(text)
    if len({(h.amount, h.unit) for h in hits}) == 1:
        value, note = as_duration(hits[0], ctx.days_mean)
        yield (value, hits[0].words) if value else (None, note)


def find_correction(sentence: Sentence, ctx: Context):
    m = re.search(r"correct\w*[^.]{0,100}?(?:erroneous|inaccurate|incorrect|errors?|misleading)|(?:erroneous|"
                  r"inaccurate|incorrect|misleading)[^.]{0,100}?correct\w*|amend\w*\s+(?:\w+\s+){0,4}(?:inaccurate|"
                  r"erroneous)", sentence.text, re.IGNORECASE)
    if m and (_PARENTS.search(sentence.text) or _PARENTS.search(sentence.section.heading)):
        yield True, m.group(0)


TERMS = [
    Term(f"{CLAUSE}.district_owns", words(r"property|owns?\b|ownership|belongs?\b|right,\s+title"), find_owns),
    Term(f"{CLAUSE}.district_controls", words(r"control"), find_controls),
    Term(f"{CLAUSE}.vendor_rights_limited_to_service", words(r"right|license|licence"), find_rights_limited),
    Term(f"{PARENT}.parents_may_review", _PARENTS, find_parents_review),
    Term(f"{PARENT}.window", _PARENTS, find_parent_window),
    Term(f"{PARENT}.correction", words(r"correct"), find_correction),
]
