"""Breach notification: the vendor's window to tell the district, what starts the clock, who is
told, what the notice holds, the incident response plan, the law-enforcement delay, costs, and
windows that differ by class of data (Connecticut's 30 and 60 days).

A breach *of the contract* ("materially breaches this Agreement", "Termination for Breach")
is not a breach of the data: a notice duty in such a sentence sets no breach window. "Shall
not be required to notify parents" names no recipient."""

from __future__ import annotations

import re

from ..layout import Sentence
from ..numbers import as_duration, find_durations
from .base import NEGATION, Context, Term, words

CLAUSE = "clauses.breach_notification"
BREACH = words(r"\bbreach|\bunauthori[sz]ed\b|security incident|\bincident\b|\bcompromise")
NOTIFY = words(r"\bnotif(?:y|ies|ied|ication)|\bnotice\b|\breport(?:s|ed)?\b|\binform\b|\balert\b")
_TRIGGERS = [
    ("discovery", r"discover|becom(?:es|ing) aware|learn(?:s|ing)? of|detect"),
    ("confirmation", r"confirm"),
    ("determination", r"determin"),
    ("incident", r"(?:the|such|an?|any)\s+(?:security\s+)?(?:incident|breach|occurrence|unauthori[sz]ed)"),
]
_TRIGGERS[0] = ("discovery", r"discover|becom(?:es|ing) aware|learn(?:s|ing)? of|detect|is\s+aware")
_WHO = r"(?:the|its|such|our|we|it|they|[A-Z][\w&'\u2019.-]*)"
_TRIGGER = re.compile(
    r"^\s*(?:[\w'\u2019]+\s+){0,2}?(?:of|after|from|following|upon|since|once|when)\s+(?:" + _WHO + r"\s+){0,3}?"
    r"(?:initial\s+|first\s+)?(" + "|".join(p for _, p in _TRIGGERS) + ")", re.IGNORECASE)
# Without a number ("shall forthwith notify the District of any Breach of which Contractor becomes
# aware"), the clock's start is still stated.
_TRIGGER_ANYWHERE = re.compile(
    r"\b(?:upon|after|following|of\s+which|once|when|if)\s+(?:" + _WHO + r"\s+){0,3}?(?:initial\s+|first\s+)?"
    r"(discover\w*|becom(?:es|ing)\s+aware|learns?\s+of|confirm\w*)", re.IGNORECASE)
_CONTRACT_BREACH = re.compile(
    r"material(?:ly)?\s+breach\w*|breach\w*\s+(?:of\s+)?(?:this|the|its|any\s+of\s+(?:its|those|the))\s+"
    r"(?:Agreement|Contract|DPA|Addendum|Terms|obligations|Articles?|Sections?|representations|warrant)\w*|"
    r"cure\s+(?:the|such|any)\s+breach|termination\s+for\s+breach|breach\w*\s+(?:Article|Section)s?\s+\d",
    re.IGNORECASE)
_OTHER_RECIPIENT = words(r"\bparents?\b|\bguardians?\b|\bfamil(?:y|ies)\b|affected (?:individuals|students|persons)|"
                         r"eligible students|chief privacy officer|attorney general|law enforcement")


def _breach_context(sentence: Sentence) -> bool:
    """The sentence (or its heading) is about a breach of the data, not of the contract."""
    text = _CONTRACT_BREACH.sub(" ", sentence.text)
    if _CONTRACT_BREACH.search(sentence.text) and not BREACH.search(text):
        return False
    return bool(BREACH.search(text) or BREACH.search(_CONTRACT_BREACH.sub(" ", sentence.section.heading)))


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
    if found:
        _, after = found
        if trigger := _trigger_after(after):
            yield trigger
        return
    windows = _category_windows(sentence, ctx)
    triggers = {t for _, _, t in windows}
    if windows and len(triggers) == 1 and None not in triggers:  # every class of data starts the same clock
        trigger, words = next(iter(triggers))
        yield trigger, words
        return
    if not windows and not find_durations(sentence.text) and _notifies_district(sentence, ctx):
        if m := _TRIGGER_ANYWHERE.search(sentence.text):
            yield _trigger_name(m.group(1)), m.group(0)


def _trigger_after(after: str):
    match = _TRIGGER.match(after)
    if match:
        return _trigger_name(match.group(1)), match.group(0).strip()
    return None


def _trigger_name(words: str) -> str:
    for trigger, pattern in _TRIGGERS:
        if re.match(pattern, words, re.IGNORECASE):
            return trigger
    return "discovery"


def _notifies_district(sentence: Sentence, ctx: Context) -> bool:
    """The vendor's own duty to notify the district of a breach (not a negated or conditional one)."""
    text = sentence.text
    if not _breach_context(sentence) or ctx.actor(text) != "vendor":
        return False
    m = re.search(rf"\b{_DUTY}\s+(?:\w+\s+){{0,2}}(?:notify|provide\s+(?:written\s+)?notice\s+to|give\s+(?:written\s+)?"
                  r"notice\s+to|inform|report\s+to)\b", text, re.IGNORECASE)
    return bool(m and ctx.district.search(text[m.end():m.end() + 60]) and not NEGATION.search(text[:m.end()]))


_RECIPIENTS = [
    ("parents_guardians", r"\bparents?\b|\bguardians?\b|\bfamilies\b"),
    ("state_education_agency", r"chief privacy officer|state education department|department of education|"
                               r"state board of education|\bNYSED\b|\bISBE\b"),
    ("affected_individuals", r"affected (?:individuals|students|persons|users)|eligible students"),
    ("law_enforcement", r"law enforcement"),
]


_DUTY = r"(?:shall|will|must|agrees?\s+to|is\s+required\s+to|undertakes?\s+to)"


def find_recipients(sentence: Sentence, ctx: Context):
    text = sentence.text
    if not _breach_context(sentence) or ctx.actor(text) != "vendor":
        return
    for verb in re.finditer(r"\bnotif(?:y|ication\s+to)\b|\binform\b|\bnotice\s+to\b|\breport\s+(?:\w+\s+){0,10}to\b", text,
                            re.IGNORECASE):
        before = text[:verb.start()]
        if NEGATION.search(before) or not re.search(rf"\b{_DUTY}\s+(?:\w+\s+){{0,6}}$", before, re.IGNORECASE) \
                or re.search(r"\b(?:cost|expense|pay|reimburse|bear)\w*\b[^.]{0,40}$", before, re.IGNORECASE):
            continue  # not the vendor's own duty to notify (negated, or a cost of someone else's notice)
        window = text[verb.end():verb.end() + 90]
        window = re.split(r"\bwithin\b|\bof\b|\bthat\b|[.;]", window)[0]
        if match := ctx.district.search(window):
            yield "district", text[verb.start():verb.end() + match.end()]
        for recipient, pattern in _RECIPIENTS:
            if match := re.search(pattern, window, re.IGNORECASE):
                yield recipient, text[verb.start():verb.end() + match.end()]


_CONTENTS = [
    ("reporter_contact", r"name and contact information of the report|contact (?:information|person) (?:for|of) "
                         r"(?:the )?report|\bcontact\s+person\b|name\s+and\s+contact\s+information\s+of\s+(?:an?|the)\s+"
                         r"(?:\w+\s+)?(?:representative|contact|employee)"),
    ("information_types", r"types? of (?:personal|student|personally identifiable)? ?(?:information|data)|"
                          r"(?:categories|elements) of (?:data|information) (?:involved|affected)|"
                          r"what information was involved|(?:categories|types?|kinds?) of (?:[A-Z]\w+ )?(?:data|"
                          r"information) (?:involved|affected|compromised|at issue)"),
    ("breach_date", r"date,? (?:the )?estimated date,? or (?:the )?date range|date (?:or|and) (?:estimated )?"
                    r"(?:time|date range)? ?of the (?:breach|incident)|date of the (?:\w+ )?(?:breach|incident)"),
    ("notice_date", r"date of (?:the )?notice|date (?:the|of) notification"),
    ("law_enforcement_delay", r"(?:notification|notice) was delayed|delayed as a result of a law enforcement"),
    ("incident_description", r"general description of the (?:breach|incident)|description of the (?:breach|incident)"
                             r"|what happened|(?:describe|description\s+of)\s+the\s+(?:nature|circumstances)\s+of\s+the\s+"
                             r"(?:\w+\s+)?(?:breach|incident)"),
    ("affected_count", r"number of (?:students|individuals|records|persons|users)(?: \w+){0,2} affected|"
                       r"estimated number"),
    ("remediation_steps", r"steps? (?:taken|being taken|the provider has taken)|remediat|remedial|mitigat|"
                          r"what (?:we|the provider) (?:are|is) doing|steps?\s+(?:[A-Z]\w*\s+|it\s+|we\s+)?(?:has|have)\s+"
                          r"taken"),
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


# Connecticut-style windows by class of data: "thirty (30) calendar days ... where the breach
# involves student information other than directory information, and ... sixty (60) calendar
# days ... where the breach involves directory information, student records or ...".
_CATEGORIES = [
    ("student_information", r"student\s+information\s+(?:other\s+than|excluding|except(?:\s+for)?|but\s+not)\s+"
                            r"directory\s+information"),
    ("directory_information", r"directory\s+information"),
    ("student_records", r"student\s+records?"),
    ("student_generated_content", r"student[- ]generated\s+content"),
]


def _categories_in(text: str) -> list[str]:
    found = []
    for category, pattern in _CATEGORIES:
        if m := re.search(pattern, text, re.IGNORECASE):
            found.append(category)
            text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]  # counted once
    return found


def _category_windows(sentence: Sentence, ctx: Context) -> list[tuple[list[str], object, object]]:
    """(categories, duration hit, trigger) per window, when the sentence sets two or more."""
    text = sentence.text
    if not _breach_context(sentence) or ctx.actor(text) == "district" or not NOTIFY.search(text):
        return []
    hits = [h for h in find_durations(text) if not re.match(r"['\u2019]?s?\s+(?:prior\s+|advance\s+)?(?:written\s+)?"
                                                            r"notice", text[h.end:], re.I)]
    if len({(h.amount, h.unit) for h in hits}) < 2:
        return []
    windows = []
    for index, hit in enumerate(hits):
        end = hits[index + 1].start if index + 1 < len(hits) else len(text)
        categories = _categories_in(text[hit.end:end])
        if not categories:
            return []  # a second number that is not a per-category window: nothing is guessed
        windows.append((categories, hit, _trigger_after(text[hit.end:end])))
    seen = [c for categories, _, _ in windows for c in categories]
    return windows if len(seen) == len(set(seen)) else []


def find_by_category(sentence: Sentence, ctx: Context):
    windows = _category_windows(sentence, ctx)
    triggers = {t[0] if t else None for _, _, t in windows}
    for categories, hit, trigger in windows:
        value, note = as_duration(hit, ctx.days_mean)
        if value is None:
            yield None, note
            continue
        entry = {"categories": categories, "window": value}
        if len(triggers) > 1 and trigger:  # a trigger shared by every window is the clause's own
            entry["trigger"] = trigger[0]
        yield entry, hit.words


def find_law_enforcement_delay(sentence: Sentence, ctx: Context):
    text = sentence.text
    match = re.search(r"law enforcement[^.]{0,120}?\b(?:delay|disrupt|imped|interfer|hinder|jeopardi[sz]|"
                      r"compromise|postpone|defer)\w*|\b(?:delay|disrupt|imped|interfer|hinder|jeopardi[sz]|postpone|defer)"
                      r"\w*[^.]{0,120}?law enforcement", text, re.IGNORECASE)
    # "may postpone a notice under paragraph 8 at the request of law enforcement": the only notice a
    # DPA lets law enforcement delay is the breach notice.
    postponed_notice = re.search(r"\b(?:delay|postpone|defer)\w*\s+(?:the\s+|a\s+|any\s+)?(?:notice|notification)", text,
                                 re.IGNORECASE)
    if match and NOTIFY.search(text) and (_breach_context(sentence) or postponed_notice):
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
    Term(f"{CLAUSE}.by_category", words(r"directory|student\s+records?|generated"), find_by_category, multi=True),
]
