"""The agreement as a whole: title, parties, dates, template, products, the district's id.

These are read from the document's opening (preamble, first page), its signature blocks,
a key-terms table ("Effective Date | July 1, 2025") and Exhibit A, not sentence by sentence
like clause terms. Dates are taken only as written: an effective date "on the date of full
execution" becomes the latest signature date when the signature blocks are dated; "for three
(3) years" is not turned into an expiry date; the date of another agreement ("under the
Subscription Agreement dated March 3, 2024") is not this one's.
"""

from __future__ import annotations

import re
from datetime import date

from ..layout import Section, Sentence
from ..states import NAME_PATTERN, address_state, code_for
from .base import DISTRICT_WORDS, Context

_MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                       "september", "october", "november", "december"], start=1)}
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|" \
         r"Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
DATE = (rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?{_MONTH},?"
        rf"\s+\d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})")


def parse_date(text: str) -> date | None:
    text = text.strip()
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text):
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text):
            return date(int(m.group(3)), int(m.group(1)), int(m.group(2)))
        month = re.search(_MONTH, text, re.IGNORECASE)
        numbers = re.findall(r"\d+", text)
        if month and len(numbers) == 2:
            name = month.group(0).lower().rstrip(".")
            number = next(n for m_, n in _MONTHS.items() if m_.startswith(name[:3]))
            return date(int(numbers[1]), number, int(numbers[0]))
    except ValueError:
        return None
    return None


_EFFECTIVE = re.compile(rf"(?:effective\s+(?:as\s+of\s+|on\s+)?|takes?\s+effect\s+(?:on|as\s+of)\s+|shall\s+take\s+"
                        rf"effect\s+(?:on|as\s+of)\s+|Effective\s+Date[^.\d]{{0,30}}?(?:is|:|shall\s+be|of)"
                        rf"\s*|entered\s+into\s+(?:on|as\s+of|this)\s+|(?P<dated>(?:dated|made)\s+(?:as\s+of\s+)?))"
                        rf"(?:the\s+)?(?P<d>{DATE})", re.IGNORECASE)
# "... under the Software Subscription Agreement dated March 3, 2024": another document's date.
_OTHER_DOCUMENT = re.compile(r"(?:[A-Z][\w-]*\s+)+(?:Agreement|Contract|Order|Terms|License)\s*,?\s*$")
_RANGE = re.compile(rf"(?P<a>{DATE})\s+(?:through|to|until|[-\u2013\u2014])\s+(?P<b>{DATE})", re.IGNORECASE)
_EXPIRES = re.compile(rf"(?:expir\w*|terminat\w*|remains?\s+in\s+(?:full\s+)?(?:force|effect)(?:\s+and\s+effect)?|"
                      rf"in\s+(?:effect|force)|continue)[^.]{{0,60}}?(?:on|until|through)\s+(?:the\s+)?(?P<d>{DATE})|"
                      rf"\bexpires?\s+(?P<d2>{DATE})", re.IGNORECASE)
_EXECUTION = re.compile(r"date\s+of\s+(?:full\s+|final\s+)?execution|date\s+of\s+(?:the\s+)?last\s+signature|"
                        r"last\s+(?:party\s+)?(?:to\s+)?sign|fully\s+executed|(?:is|are|has\s+been)\s+signed\s+by\s+"
                        r"(?:both|all\s+(?:the\s+)?)\s*parties", re.IGNORECASE)
_ROW_LAW = re.compile(rf"^(?:Governing|Applicable|Choice\s+of)\s+Law\s*[|:]?\s*(?:the\s+)?(?:(?:State|Commonwealth)\s+of\s+)?"
                      rf"(?P<state>{NAME_PATTERN})\s*$", re.IGNORECASE)
# A key-terms table row: "Effective Date | July 1, 2025" (DOCX) or "Effective Date July 1, 2025" (PDF).
_ROW_DATE = re.compile(rf"^(?P<label>(?:Agreement\s+|Contract\s+)?(?:Effective|Start|Commencement)\s+Date|"
                       rf"(?:Expiration|Expiry|End|Termination)\s+Date|(?:Initial\s+)?Term\s+(?:Ends|End\s+Date|Expires))"
                       rf"\s*[|:]?\s*(?P<d>{DATE})\s*$", re.IGNORECASE)
_SIGNED = re.compile(rf"^(?:Date|Dated|Date\s+Signed|Signature\s+Date)\s*:\s*(?P<d>{DATE})\s*$", re.IGNORECASE)


def find_dates(sentences: list[Sentence], sections: list[Section]):
    """(field, value, words, sentence) for term.effective and term.expires."""
    found = _table_dates(sections)
    executed = None
    for sentence in sentences:
        text = sentence.text
        if m := _RANGE.search(text):
            if re.search(r"\bterm\b|effect", text, re.IGNORECASE):
                start, end = parse_date(m.group("a")), parse_date(m.group("b"))
                if start and end:
                    found += [("term.effective", start.isoformat(), m.group(0), sentence),
                              ("term.expires", end.isoformat(), m.group(0), sentence)]
                    continue
        effective = [m for m in _EFFECTIVE.finditer(text)
                     if not (m.group("dated") and _OTHER_DOCUMENT.search(text[max(0, m.start() - 80):m.start()]))]
        if effective and (value := parse_date(effective[0].group("d"))):
            found.append(("term.effective", value.isoformat(), effective[0].group(0), sentence))
        elif executed is None and _EXECUTION.search(text) and re.search(r"effect", text, re.IGNORECASE):
            executed = sentence
        if (m := _EXPIRES.search(text)) and (value := parse_date(m.group("d") or m.group("d2"))):
            if re.search(r"\b(?:DPA|Agreement|Addendum|Rider|Contract|term|Terms)\b", text):
                found.append(("term.expires", value.isoformat(), m.group(0), sentence))
    if executed is not None and not any(f[0] == "term.effective" for f in found):
        signed = [(parse_date(m.group("d")), line, section) for section in sections for line in section.lines
                  if (m := _SIGNED.match(line.text))]
        signed = [s for s in signed if s[0]]
        if signed:
            latest, line, section = max(signed, key=lambda s: s[0])
            found.append(("term.effective", latest.isoformat(), f"{executed.text} ... {line.text}",
                          Sentence(line.text, line.page, section)))
    return found


def _table_dates(sections: list[Section]):
    """Dates and governing law from a key-terms table, one row per line."""
    found = []
    for section in sections:
        for line in section.lines:
            if (m := _ROW_DATE.match(line.text)) and (value := parse_date(m.group("d"))):
                start = re.match(r"(?:agreement\s+|contract\s+)?(?:effective|start|commencement)", m.group("label"), re.I)
                found.append(("term.effective" if start else "term.expires", value.isoformat(), line.text,
                              Sentence(line.text, line.page, section)))
            elif (m := _ROW_LAW.match(line.text)) and (code := code_for(m.group("state"))):
                found.append(("term.governing_state", code, line.text, Sentence(line.text, line.page, section)))
    return found


_DEFINED = re.compile(r"\((?:the\s+|hereinafter\s+(?:referred\s+to\s+as\s+)?)?(?P<names>[\"\u201c][^)]{1,120})\)")
_QUOTED = re.compile(r"[\"\u201c]([^\"\u201d]{1,40})[\"\u201d]")
_DISTRICT_NAME = re.compile(r"\b(?:School|Schools|District|Board\s+of\s+Education|BOCES|Unified|Academy|Charter|"
                            r"Educational\s+Service|County\s+Public|Union\s+Free|Regional|Community\s+Unit)\b")
_NAME_END = re.compile(r",\s+(?!(?:Inc|LLC|L\.L\.C|Ltd|Corp|Co|PBC|LLP)\b)|\s+(?:located|with\s+(?:its|a)\s+principal|"
                       r"whose|having|organized|existing|of\s+\d)|\s*\(")


def _party(text: str) -> str:
    text = re.sub(r"^(?:by\s+and\s+)?between\s*:?\s*|^and\s+", "", text.strip(" ,;:"), flags=re.IGNORECASE)
    match = _NAME_END.search(text)
    name = (text[:match.start()] if match else text).strip(" ,;:")
    return re.sub(r"^the\s+(?=[A-Z])", "", name)


_INTRODUCES = re.compile(r"\bbetween\b|\b(?:entered\s+into|made|executed)\b[^.;]{0,80}?\bby\b(?!\s+and\s+between)",
                         re.IGNORECASE)


def find_parties(sentences: list[Sentence], ctx: Context):
    """(field, value, words, sentence) for the parties, and the aliases they define (into ``ctx``).

    Parties are introduced "between A ("LEA") and B ("Provider")" or "entered into ... by A
    ("CFSD") and B ("Company")"; each needs a defined name in quotes."""
    for sentence in sentences[:40]:
        text = sentence.text
        between = _INTRODUCES.search(text)
        if not between:
            continue
        parties = []
        start = between.end()
        for defined in _DEFINED.finditer(text, start):
            names = _QUOTED.findall(defined.group("names"))
            if names:
                parties.append((text[start:defined.start()], names, defined))
                start = defined.end()
        if len(parties) < 2:
            continue
        found = []
        for raw, names, defined in parties[:2]:
            name = _party(raw)
            is_district = (any(n in DISTRICT_WORDS or n.lower() in ("lea", "district", "school", "you", "customer")
                               for n in names) or bool(_DISTRICT_NAME.search(name)))
            role = "district" if is_district else "vendor"
            (ctx.district_words if is_district else ctx.vendor_words).extend(
                n for n in names if len(n) > 1 and n[0].isupper())
            if name and name[0].isupper() and len(name) <= 120:
                found.append((f"parties.{role}.name", name, name, sentence))
            if is_district and (state := address_state(raw)):
                ctx.district_state = state[0]
                found.append(("parties.district.state", state[0], state[1], sentence))
        ctx.refresh()
        if len({f[0] for f in found if f[0].endswith(".name")}) == 2 or found:
            return found
    return []


_SIGNATURE_PARTY = re.compile(r"^(?:Name\s+of\s+)?(?P<role>LEA|Local\s+Education\s+Agency|School\s+District|District|"
                              r"Educational\s+Agency|Provider|Vendor|Contractor|Company)(?:\s+Name)?\s*:\s*"
                              r"(?P<name>[A-Z][^_|:]{2,100}?)\s*$")


def find_signature_parties(sections: list[Section]):
    found = []
    for section in sections:
        for line in section.lines:
            if m := _SIGNATURE_PARTY.match(line.text):
                role = "vendor" if m.group("role").lower() in ("provider", "vendor", "contractor", "company") else "district"
                found.append((f"parties.{role}.name", m.group("name").strip(), line.text,
                              Sentence(line.text, line.page, section)))
    return found


_ID = re.compile(r"(?:Agreement|Contract|DPA|Reference|Rider|Addendum|MOU)\s+(?:No\.|Number|ID|#|Reference(?:\s+No\.)?|Ref\.)\s*[:#]?\s*"
                 r"(?P<id>[A-Z0-9][A-Za-z0-9./-]{2,40})")


def find_id(sentences: list[Sentence]):
    for sentence in sentences:
        if (m := _ID.search(sentence.text)) and re.search(r"\d", m.group("id")):
            return [("id", m.group("id").rstrip("."), m.group(0), sentence)]
    return []


_NDPA = re.compile(r"National\s+(?:Student\s+)?Data\s+Privacy\s+Agreement|\bNDPA\b", re.IGNORECASE)
_STATE_DPA = re.compile(r"(?:State|Alliance|Consortium|Model)\b[^.]{0,60}Data\s+Privacy\s+Agreement|Student\s+Privacy\s+"
                        r"Alliance|\b(?:Massachusetts|Rhode\s+Island|Maine|New\s+Hampshire|Vermont|Virginia|Utah|California|"
                        r"New\s+York\s+State(?:\s+Model)?)\s+(?:Student\s+)?Data\s+Privacy\s+Agreement", re.IGNORECASE)
_VERSION = re.compile(r"\b(?:Version|Ver\.|v)\s*(?P<v>\d{1,2}(?:\.\d{1,2})?(?:r\d+)?)\b", re.IGNORECASE)


def find_model(first_page: list[Sentence], everything: list[Sentence]):
    """ndpa or state_dpa when the opening names the template; custom when no template is named
    anywhere in the document (a district's or vendor's own paper)."""
    for sentence in first_page:
        text = sentence.text
        for model, pattern in (("ndpa", _NDPA), ("state_dpa", _STATE_DPA)):
            if m := pattern.search(text):
                found = [("term.model", model, m.group(0), sentence)]
                if v := _VERSION.search(text):
                    found.append(("term.model_version", v.group("v"), v.group(0), sentence))
                return found
    if everything and not any(_NDPA.search(s.text) or _STATE_DPA.search(s.text) or
                              re.search(r"Data\s+Privacy\s+Consortium|\bSDPC\b", s.text) for s in everything):
        return [("term.model", "custom", "no NDPA or state-alliance template is named in the document",
                 everything[0])]
    return []


def find_title(sections: list[Section]):
    for section in sections[:4]:
        title = section.title
        if title and re.search(r"agreement|addendum|rider|terms|contract|\bDPA\b|memorandum|\bMOU\b", title, re.IGNORECASE):
            line = section.lines[0] if section.lines else None
            return [("title", " ".join(title.split()), title, Sentence(title, line.page if line else section.page,
                                                                       section))]
    return []


_PRODUCT = re.compile(r"^(?P<name>[A-Z][\w&.'\u2019+ -]{1,50}?)\s*(?:\((?:the\s+)?[\"\u201c][^)]*\)\s*)?"
                      r"(?:[:\u2013\u2014]\s+|\s+-\s+|,?\s+is\s+(?:an?|the)\s+)")


# "These Terms apply to Brightwave Tutor, our online tutoring service", "provides the Tallow Roster
# Sync service": a product named where the agreement says what it covers.
_KIND = r"(?:service|platform|app|application|software|program|product|tool|system|curriculum|dashboard|portal|suite)"
_SCOPE = re.compile(rf"\b(?:appl(?:y|ies)\s+to|provides?|providing|licen[cs]es?|subscri(?:bes?|ption)\s+to)\s+(?:the\s+)?"
                    rf"(?P<name>(?:[A-Z][\w&'\u2019+.-]*\s+){{0,3}}[A-Z][\w&'\u2019+.-]*)"
                    rf"(?:,\s+(?:our|its|an?|the)\s+(?:[\w-]+\s+){{0,3}}{_KIND}\b|\s+(?P<kind>(?:[a-z][\w-]*\s+){{0,2}}){_KIND}\b)")
_GENERIC = {"services", "service", "products", "product", "software", "platform", "student", "data", "district",
            "school", "lea", "provider", "vendor", "company", "contractor", "customer", "educational", "digital",
            "online", "the", "a", "an", "our", "its"}


def find_products(sections: list[Section], sentences_of):
    return _exhibit_products(sections, sentences_of) or _scope_products(sections[:6], sentences_of)


def _scope_products(sections: list[Section], sentences_of):
    for section in sections:
        for sentence in sentences_of(section):
            for m in _SCOPE.finditer(sentence.text):
                name = m.group("name").strip(" .")
                # one word names a product only before its kind ("the Lexigo platform"), never bare
                if any(w.lower() not in _GENERIC for w in name.split()) and (len(name.split()) >= 2 or m.group("kind") is not None):
                    return [("products", {"name": name, "description": sentence.text}, m.group(0), sentence)]
    return []


def _exhibit_products(sections: list[Section], sentences_of):
    for section in sections:
        if not re.search(r"description\s+of\s+(?:the\s+)?(?:services|products)|products?\s+and\s+services|"
                         r"services\s+description|^(?:products?|services?)$", section.title.strip(), re.IGNORECASE) \
                and not re.search(r"description\s+of\s+(?:the\s+)?(?:services|products)", section.exhibit_title,
                                  re.IGNORECASE):
            continue
        for sentence in sentences_of(section):
            if (m := _PRODUCT.match(sentence.text)) and not re.match(r"(?:The|This|Provider|Vendor)\b", m.group("name")):
                name = m.group("name").strip()
                return [("products", {"name": name, "description": sentence.text}, sentence.text, sentence)]
    return []
