"""Disposal: windows on request and at termination, return first, sanitization, certification.

A window is written with its own citation and page. "Promptly" or "within a reasonable time"
gives a window with no ``within`` (the contract provides for disposal but states no deadline).
A duration followed by "notice" ("thirty (30) days' prior notice") is a notice period, and a
retention period ("for up to ninety days") is not a deadline; neither becomes a window.
"You may ask us to delete ...; we will do so within thirty (30) days" is the vendor's duty
although the sentence opens with the district.

Certification: "shall not be required to provide a certificate" is false; "not required to
certify unless the district requests it" is a duty on request, true. Sanitization methods
take the media named in their own part of the sentence ("paper records ... by shredding, and
electronic media ... overwritten"). A statement that the data sits on no other media than the
ones a method covers sets ``sanitization_covers_all_media``.
"""

from __future__ import annotations

import re

from ..layout import Sentence
from ..numbers import as_duration, find_durations
from .base import NEGATION, Context, Term, words

CLAUSE = "clauses.disposal"
DISPOSE = words(r"\bdispos\w*|\bdestr(?:oy|oyed|oys|uction)\b|\bdelet\w*|\beras\w*|\bpurg\w*|\bsanitiz\w*")
REQUEST = words(r"\brequest\w*|\bdirect(?:s|ed|ion|ive)?\b|\binstruct\w*|\bask(?:s|ed)?\s+(?:us|the\s+\w+|[A-Z]\w+)\s+to\b")
TERMINATION = words(r"terminat\w*|expir\w*|account\s+is\s+closed|closure\s+of\s+(?:the\s+|your\s+)?account|"
                    r"cancel\w*|(?:agreement|contract|addendum|subscription|DPA)\s+(?:ends|expires|is\s+terminated)|"
                    r"end\s+of\s+(?:the\s+|this\s+)?(?:term|agreement|contract|services?|DPA|subscription|MOU|"
                    r"memorandum|addendum|rider)|"
                    r"conclusion\s+of|cessation|completion\s+of\s+(?:the\s+|this\s+)?(?:contract|agreement|services?)")
_SEGMENT = re.compile(r";|,?\s+(?:and|or|but)\s+(?=(?:upon|at|after|following|within|no\s+later|in\s+the\s+event|if|"
                      r"when)\b)|,\s+and\s+(?=(?:shall|will|must)\b)", re.IGNORECASE)


def _segments(text: str) -> list[str]:
    return [part for part in _SEGMENT.split(text) if part and part.strip()]


def _deadlines(text: str):
    """Durations in ``text`` that can be deadlines: not notice periods, not retention periods."""
    return [h for h in find_durations(text)
            if not re.match(r"['\u2019]?s?\s*(?:prior\s+|advance\s+)?(?:written\s+)?notice", text[h.end:], re.I)
            and not re.search(r"\bfor\s+(?:a\s+period\s+of\s+)?(?:up\s+to\s+)?$", text[:h.start], re.I)]


def _vendor_duty(text: str, ctx: Context) -> bool:
    """Some part of the sentence obliges the vendor (not only the district)."""
    return any(ctx.actor(part) != "district" for part in re.split(r";", text) if part.strip())


def _windows(sentence: Sentence, ctx: Context, trigger: re.Pattern[str]):
    text = sentence.text
    if not DISPOSE.search(text) or not _vendor_duty(text, ctx):
        return
    whole = {name for name, pattern in (("request", REQUEST), ("termination", TERMINATION)) if pattern.search(text)}
    if not whole:
        return
    for segment in _segments(text):
        kinds = {name for name, pattern in (("request", REQUEST), ("termination", TERMINATION))
                 if pattern.search(segment)} or (whole if len(whole) == 1 else set())
        if not trigger.search(" ".join(kinds)):
            continue
        hits = _deadlines(segment)
        if len({(h.amount, h.unit) for h in hits}) > 1:
            continue
        if hits:
            value, note = as_duration(hits[0], ctx.days_mean)
            yield ({"within": value}, hits[0].words) if value else ({}, hits[0].words)
            if note:
                yield None, note
        elif not _deadlines(text):  # disposal on this trigger, with no deadline ("promptly", or none)
            yield {}, segment.strip()


def find_on_request(sentence: Sentence, ctx: Context):
    yield from _windows(sentence, ctx, re.compile("request"))


def find_at_termination(sentence: Sentence, ctx: Context):
    yield from _windows(sentence, ctx, re.compile("termination"))


def find_return_first(sentence: Sentence, ctx: Context):
    text = sentence.text
    if ctx.actor(text) == "district":
        return
    match = re.search(r"\breturn\w*\b[^.]{0,200}?\b(?:and|then|prior\s+to|before|thereafter|after\s+which)\b"
                      r"[^.]{0,120}?\b(?:dispos|destr|delet|eras)", text, re.IGNORECASE)
    if match and not NEGATION.search(text[:match.start()]):
        yield True, match.group(0)
    elif m := re.search(r"\b(?:not|no\s+obligation\s+to)\s+return\b", text, re.IGNORECASE):
        if DISPOSE.search(text):
            yield False, m.group(0)


def find_certification(sentence: Sentence, ctx: Context):
    text = sentence.text
    match = re.search(r"certif(?:y|ies)\s+(?:\w+\s+){0,3}in\s+writing|written\s+certif\w*|certificate\s+of\s+"
                      r"(?:destruction|disposal|disposition|sanitization|deletion)|certif(?:y|ies)\s+(?:\w+\s+){0,6}"
                      r"(?:in\s+a\s+)?writ|certif(?:y|ies)\s+(?:the\s+|such\s+|any\s+)?(?:destruction|deletion|disposal)|"
                      r"confirm\w*\s+(?:the\s+)?(?:destruction|deletion|disposal)[^.;]{0,60}?in\s+writing", text, re.IGNORECASE)
    if not match or not (DISPOSE.search(text) or DISPOSE.search(sentence.section.heading)):
        return
    negated = re.search(r"\b(?:not|no)\s+(?:\w+\s+){0,3}(?:required|obligat\w*)\s+to\s+(?:provide\s+|issue\s+|give\s+)?"
                        r"(?:an?\s+|any\s+)?$", text[:match.start()], re.IGNORECASE)
    if negated and re.search(r"\bunless\b[^.]{0,80}?\brequest", text[negated.start():], re.IGNORECASE):
        yield True, text[negated.start():].strip()  # certification on request
        return
    yield (False if negated else True), match.group(0)


METHODS = [
    ("single_pass_overwrite", r"single[- ]pass\s+overwrit\w*|one[- ]pass\s+overwrit\w*|overwrit\w*\s+(?:\w+\s+){0,3}"
                              r"(?:once|a\s+single\s+(?:time|pass)|one\s+pass)"),
    ("multi_pass_overwrite", r"(?:multi(?:ple)?|three|seven|3|7|35)[- ]pass(?:es)?\s+overwrit\w*|overwrit\w*\s+"
                             r"(?:\w+\s+){0,3}(?:multiple|three|seven|3|7)\s+(?:times|passes)"),
    ("cryptographic_erase", r"cryptographic(?:ally)?\s+eras\w*|crypto[- ]?eras\w*|crypto[- ]?shred\w*"),
    ("block_erase", r"block\s+eras\w*"),
    ("ata_secure_erase", r"ATA\s+secure\s+erase"),
    ("degauss", r"degauss\w*"),
    ("shred", r"(?<![-o])\b(?:cross[- ]cut\s+)?shred(?:ding|ded|s)?\b"),
    ("disintegrate", r"disintegrat\w*"),
    ("pulverize", r"pulveri[sz]\w*"),
    ("incinerate", r"incinerat\w*"),
    ("melt", r"\bmelt(?:ing|ed)?\b"),
    ("factory_reset", r"factory\s+reset"),
]
MEDIA = [
    ("magnetic", r"magnetic|hard\s+(?:disk\s+)?drives?|\bHDDs?\b"),
    ("flash", r"\bflash\b|solid[- ]state|\bSSDs?\b"),
    ("optical", r"\boptical\b|\bCDs?\b|\bDVDs?\b"),
    ("paper", r"\bpaper\b|hard[- ]?cop(?:y|ies)|printed"),
]
STANDARDS = [
    ("nist_800_88_r1", r"800-88\s*(?:,\s*)?(?:Rev(?:ision|\.)?\s*1|r1)\b"),
    ("nist_800_88_r2", r"800-88\s*(?:,\s*)?(?:Rev(?:ision|\.)?\s*2|r2)\b"),
    ("ieee_2883", r"IEEE\s*(?:Std\.?\s*)?2883"),
    ("dod_5220_22_m", r"DoD\s*(?:Standard\s*|Std\.?\s*)?5220\.22-?M"),
]
_LEVEL = re.compile(r"\b(Clear|Purge|Destroy)\b")


def find_sanitization(sentence: Sentence, ctx: Context):
    # Each part of the sentence names its own media: "paper ... shredding, and electronic media ... overwritten".
    for segment in re.split(r";|,\s+(?:and|while|whereas)\s+(?=(?:all\s+|any\s+)?(?:[\w-]+\s+){0,3}(?:media|records|"
                            r"drives?|devices?|copies|data|documents)\b)|\s+and\s+(?=(?:all\s+|any\s+)?(?:[\w-]+\s+){0,2}"
                            r"(?:media|records|drives?|devices?|copies|documents)\s+(?:by|shall|will|must|are|is)\b)",
                            sentence.text):
        methods = [(name, m) for name, pattern in METHODS if (m := re.search(pattern, segment, re.IGNORECASE))]
        standards = [name for name, pattern in STANDARDS if re.search(pattern, segment, re.IGNORECASE)]
        level = None
        if re.search(r"800-88|NIST|sanitiz|level", segment, re.IGNORECASE) and (lv := _LEVEL.search(segment)):
            level = lv.group(1).lower()
        if not methods:
            if standards or level or re.search(r"800-88", segment):
                yield None, ("names a sanitization standard or level but no method "
                             f'("{segment.strip()[:120]}"); the format needs a method: add it by hand')
            continue
        media = [name for name, pattern in MEDIA if re.search(pattern, segment, re.IGNORECASE)]
        for method, match in methods:
            entry = {"media": media[0] if len(media) == 1 else "unspecified", "method": method}
            if level:
                entry["level"] = level
            if len(standards) == 1:
                entry["standard"] = standards[0]
            yield entry, match.group(0)


def find_covers_all_media(sentence: Sentence, ctx: Context):
    m = re.search(r"(?:held|stored|kept|maintained|resides?|located)\s+(?:\w+\s+){0,3}on\s+no\s+other\s+media|"
                  r"\bno\s+other\s+media\b[^.]{0,60}?(?:hold|store|contain)|\bonly\s+media\s+(?:on\s+which|that|holding)|"
                  r"applies\s+to\s+all\s+(?:the\s+)?media\s+(?:on\s+which|that\s+hold)", sentence.text, re.IGNORECASE)
    if m and not NEGATION.search(sentence.text[:m.start()]):
        yield True, m.group(0)


TERMS = [
    Term(f"{CLAUSE}.on_request", DISPOSE, find_on_request),
    Term(f"{CLAUSE}.at_termination", DISPOSE, find_at_termination),
    Term(f"{CLAUSE}.return_before_disposal", words(r"return"), find_return_first),
    Term(f"{CLAUSE}.written_certification", words(r"certif|confirm"), find_certification),
    Term(f"{CLAUSE}.sanitization", words(r"overwrit|eras|shred|degauss|disintegrat|pulveri|incinerat|melt|factory|"
                                         r"800-88|5220|2883"), find_sanitization, multi=True),
    Term(f"{CLAUSE}.sanitization_covers_all_media", words(r"\bmedia\b"), find_covers_all_media),
]
