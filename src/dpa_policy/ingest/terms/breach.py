"""Breach notification: the vendor's window to tell the district, what starts the clock, who is
told, what the notice holds, the incident response plan, the law-enforcement delay, costs."""

from __future__ import annotations

import re

from ..layout import Sentence
from ..numbers import as_duration, find_durations
from .base import Context, Term, words

CLAUSE = "clauses.breach_notification"
BREACH = words(r"\bbreach|\bunauthori[sz]ed\b|security incident|\bincident\b|\bcompromise")
NOTIFY = words(r"\bnotif(?:y|ies|ied|ication)|\bnotice\b|\breport(?:s|ed)?\b|\binform\b|\balert\b")
_TRIGGERS = [
    ("discovery", r"discover|becom(?:es|ing) aware|learn(?:s|ing)? of|detect"),
    ("confirmation", r"confirm"),
    ("determination", r"determin"),
    ("incident", r"(?:the|such|an?|any)\s+(?:security\s+)?(?:incident|breach|occurrence|unauthori[sz]ed)"),
]
_TRIGGER = re.compile(
    r"^\s*(?:[\w'\u2019]+\s+){0,2}?(?:of|after|from|following|upon|since)\s+(?:(?:the|its|Provider'?s?|Vendor'?s?|"
    r"Contractor'?s?|our|such)\s+)?(?:initial\s+)?(" + "|".join(p for _, p in _TRIGGERS) + ")", re.IGNORECASE)
_OTHER_RECIPIENT = words(r"\bparents?\b|\bguardians?\b|\bfamil(?:y|ies)\b|affected (?:individuals|students|persons)|"
                         r"eligible students|chief privacy officer|attorney general|law enforcement")


def _breach_context(sentence: Sentence) -> bool:
    return bool(BREACH.search(sentence.text) or BREACH.search(sentence.section.heading))


def _window(sentence: Sentence, ctx: Context):
    """(duration hit, text after it) of the vendor's notice to the district, else None."""
    text = sentence.text
    if not _breach_context(sentence) or ctx.actor(text) == "district" or re.search(r"\baudit", text, re.I):
        return None
    notify = NOTIFY.search(text)
    if not notify:
        return None
    hits = [h for h in find_durations(text) if h.start > notify.start() - 40
            and not re.match(r"['\u2019]?s?\s+(?:prior\s+|advance\s+)?(?:written\s+)?notice", text[h.end:], re.I)]
    if not hits or len({(h.amount, h.unit) for h in hits}) != 1:
        return None  # no number, or several different numbers in one sentence: not guessed
    after_verb = text[notify.start():hits[0].start]
    if _OTHER_RECIPIENT.search(after_verb) and not ctx.district.search(after_verb):
        return None  # a window for parents or authorities, not for the district
    if ctx.actor(text) is None and not ctx.district.search(text):
        return None
    return hits[0], text[hits[0].end:]


def find_window(sentence: Sentence, ctx: Context):
    found = _window(sentence, ctx)
    if found:
        hit, _ = found
        value, note = as_duration(hit, ctx.days_mean)
        yield (value, hit.words) if value else (None, note)


def find_trigger(sentence: Sentence, ctx: Context):
    found = _window(sentence, ctx)
    if not found:
        return
    _, after = found
    match = _TRIGGER.match(after)
    if match:
        for trigger, pattern in _TRIGGERS:
            if re.match(pattern, match.group(1), re.IGNORECASE):
                yield trigger, match.group(0).strip()
                return


_RECIPIENTS = [
    ("parents_guardians", r"\bparents?\b|\bguardians?\b|\bfamilies\b"),
    ("state_education_agency", r"chief privacy officer|state education department|department of education|"
                               r"state board of education|\bNYSED\b|\bISBE\b"),
    ("affected_individuals", r"affected (?:individuals|students|persons|users)|eligible students"),
    ("law_enforcement", r"law enforcement"),
]


def find_recipients(sentence: Sentence, ctx: Context):
    text = sentence.text
    if not _breach_context(sentence) or ctx.actor(text) != "vendor":
        return
    for verb in re.finditer(r"\bnotif(?:y|ication\s+to)\b|\bnotice\s+to\b|\breport\s+(?:\w+\s+){0,6}to\b", text,
                            re.IGNORECASE):
        window = text[verb.end():verb.end() + 90]
        window = re.split(r"\bwithin\b|\bof\b|\bthat\b|[.;]", window)[0]
        if match := ctx.district.search(window):
            yield "district", text[verb.start():verb.end() + match.end()]
        for recipient, pattern in _RECIPIENTS:
            if match := re.search(pattern, window, re.IGNORECASE):
                yield recipient, text[verb.start():verb.end() + match.end()]


_CONTENTS = [
    ("reporter_contact", r"name and contact information of the report|contact (?:information|person) (?:for|of) "
                         r"(?:the )?report"),
    ("information_types", r"types? of (?:personal|student|personally identifiable)? ?(?:information|data)|"
                          r"(?:categories|elements) of (?:data|information) (?:involved|affected)|"
                          r"what information was involved"),
    ("breach_date", r"date,? (?:the )?estimated date,? or (?:the )?date range|date (?:or|and) (?:estimated )?"
                    r"(?:time|date range)? ?of the (?:breach|incident)|date of the (?:breach|incident)"),
    ("notice_date", r"date of (?:the )?notice|date (?:the|of) notification"),
    ("law_enforcement_delay", r"(?:notification|notice) was delayed|delayed as a result of a law enforcement"),
    ("incident_description", r"general description of the (?:breach|incident)|description of the (?:breach|incident)"
                             r"|what happened"),
    ("affected_count", r"number of (?:students|individuals|records|persons|users)(?: \w+){0,2} affected|"
                       r"estimated number"),
    ("remediation_steps", r"steps? (?:taken|being taken|the provider has taken)|remediat|mitigat|"
                          r"what (?:we|the provider) (?:are|is) doing"),
]


def find_contents(sentence: Sentence, ctx: Context):
    if not (BREACH.search(sentence.section.heading) or (_breach_context(sentence) and NOTIFY.search(sentence.text))):
        return
    for content, pattern in _CONTENTS:
        if match := re.search(pattern, sentence.text, re.IGNORECASE):
            yield content, match.group(0)


def find_plan(sentence: Sentence, ctx: Context):
    match = re.search(r"(?:incident|breach)[ -]response plan", sentence.text, re.IGNORECASE)
    if match and ctx.actor(sentence.text) != "district" and re.search(
            r"\b(?:maintain|have|implement|establish|keep|adopt|develop)", sentence.text, re.IGNORECASE):
        yield True, match.group(0)


def find_law_enforcement_delay(sentence: Sentence, ctx: Context):
    text = sentence.text
    match = re.search(r"law enforcement[^.]{0,120}?\b(?:delay|disrupt|imped|interfer|hinder|jeopardi[sz]|"
                      r"compromise)\w*|\b(?:delay|disrupt|imped|interfer|hinder|jeopardi[sz])\w*[^.]{0,120}?"
                      r"law enforcement", text, re.IGNORECASE)
    if match and _breach_context(sentence) and NOTIFY.search(text):
        yield True, match.group(0)


def find_costs(sentence: Sentence, ctx: Context):
    text = sentence.text
    match = re.search(r"\b(?:pay|bear|reimburse|responsible for|at (?:its|the \w+'s) (?:own )?(?:sole )?(?:cost|"
                      r"expense))[^.]{0,160}?(?:cost|expense)s?[^.]{0,120}?(?:notif|breach|credit monitoring)|"
                      r"(?:cost|expense)s?[^.]{0,80}?(?:notif|credit monitoring)[^.]{0,120}?\b(?:pay|bear|reimburse|"
                      r"responsib)", text, re.IGNORECASE)
    if not match:
        return
    actor = ctx.actor(text)
    if re.search(r"\bshared\b|\bequally\b", match.group(0), re.IGNORECASE):
        yield "shared", match.group(0)
    elif actor in ("vendor", "district"):
        yield actor, match.group(0)


TERMS = [
    Term(f"{CLAUSE}.window", NOTIFY, find_window),
    Term(f"{CLAUSE}.trigger", NOTIFY, find_trigger),
    Term(f"{CLAUSE}.recipients", NOTIFY, find_recipients, multi=True),
    Term(f"{CLAUSE}.contents", words(r"date|type|name|description|number|steps|delay|what"), find_contents,
         multi=True),
    Term(f"{CLAUSE}.incident_response_plan", words(r"response plan"), find_plan),
    Term(f"{CLAUSE}.law_enforcement_delay", words(r"law enforcement"), find_law_enforcement_delay),
    Term(f"{CLAUSE}.costs", words(r"cost|expense"), find_costs),
]
