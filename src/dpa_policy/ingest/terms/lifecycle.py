"""The agreement's renewal: automatic or not, for how long, on what notice (term.renewal).

"Renews automatically for successive twelve (12) month periods unless either party gives
notice of non-renewal at least ninety (90) calendar days before the end of the term" gives
automatic true, 12 months, 90 calendar days. "Does not renew automatically" and "may be
extended ... by mutual written agreement" give automatic false. A renewal period is read only
in months or years; a notice period only where the sentence ties it to notice.
"""

from __future__ import annotations

import re

from ..layout import Sentence
from ..numbers import as_duration, find_durations
from .base import Context, Term, words

CLAUSE = "term.renewal"
_ABOUT = re.compile(r"\b(?:renew\w*|extend|extension|extended)\b", re.IGNORECASE)
_THIS = re.compile(r"\b(?:agreement|contract|addendum|DPA|terms?|subscription|it)\b", re.IGNORECASE)
_AUTOMATIC = re.compile(r"renew(?:s|ed)?\s+automatically|automatic(?:ally)?\s+renew\w*|auto-?renew\w*|"
                        r"(?:shall|will)\s+(?:thereafter\s+)?renew\s+for\s+(?:successive|additional|subsequent|consecutive)",
                        re.IGNORECASE)
_NOT_AUTOMATIC = re.compile(
    r"(?:does|shall|will)\s+not\s+(?:\w+\s+)?renew\s+automatically|(?:does|shall|will)\s+not\s+(?:be\s+)?automatically\s+"
    r"renew\w*|no\s+automatic\s+renewal|(?:renewed|extended)\s+(?:only\s+)?(?:by|upon|through)\s+(?:a\s+)?(?:mutual\s+)?"
    r"(?:written\s+)?(?:amendment|agreement)|may\s+(?:renew|extend)\b[^.;]{0,100}?\bby\s+(?:a\s+)?(?:mutual\s+)?written\s+"
    r"(?:amendment|agreement)", re.IGNORECASE)


def _renewal(sentence: Sentence) -> bool:
    text = sentence.text
    return bool(_ABOUT.search(text) and (_THIS.search(text) or re.search(r"renew|term", sentence.section.heading, re.I)))


def find_automatic(sentence: Sentence, ctx: Context):
    if not _renewal(sentence):
        return
    if m := _NOT_AUTOMATIC.search(sentence.text):
        yield False, m.group(0)
    elif m := _AUTOMATIC.search(sentence.text):
        yield True, m.group(0)


def find_period(sentence: Sentence, ctx: Context):
    if not _renewal(sentence):
        return
    text = sentence.text
    months = set()
    words_read = ""
    for hit in find_durations(text):
        if hit.unit not in ("months", "years") or hit.amount is None:
            continue
        if re.match(r"\s*(?:periods?|terms?|renewals?|extensions?)\b", text[hit.end:], re.IGNORECASE) or \
                re.search(r"\b(?:successive|additional|subsequent|consecutive|renewal)\s+$", text[:hit.start], re.I):
            months.add(hit.amount * (12 if hit.unit == "years" else 1))
            words_read = hit.words
    if len(months) == 1:
        yield months.pop(), words_read


def find_notice(sentence: Sentence, ctx: Context):
    if not _renewal(sentence) or not re.search(r"non-?renewal|notice", sentence.text, re.IGNORECASE):
        return
    text = sentence.text
    hits = [h for h in find_durations(text) if h.unit not in ("months", "years") and (
        re.match(r"['\u2019]?s?\s+(?:prior\s+|advance\s+)?(?:written\s+)?notice", text[h.end:], re.I)
        or re.search(r"\bnotice\b[^.;]{0,60}?\b(?:at\s+least|no\s+(?:less|later)\s+than|not\s+less\s+than)\s*$",
                     text[:h.start], re.I))]
    if len({(h.amount, h.unit) for h in hits}) == 1:
        value, note = as_duration(hits[0], ctx.days_mean)
        yield (value, hits[0].words) if value else (None, note)


TERMS = [
    Term(f"{CLAUSE}.automatic", _ABOUT, find_automatic),
    Term(f"{CLAUSE}.period_months", _ABOUT, find_period),
    Term(f"{CLAUSE}.notice", _ABOUT, find_notice),
]
