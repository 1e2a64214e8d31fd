"""Security, subprocessors, storage location and staff confidentiality."""

from __future__ import annotations

import re

from ..layout import Sentence
from .base import NEGATION, Context, Term, words

FRAMEWORKS = [
    ("nist_csf_2_0", r"(?:Cybersecurity\s+Framework|\bCSF\b)\s*,?\s*(?:\(CSF\)\s*)?(?:version\s*|v\.?\s*)?2\.0"),
    ("nist_csf_1_1", r"(?:Cybersecurity\s+Framework|\bCSF\b)\s*,?\s*(?:\(CSF\)\s*)?(?:version\s*|v\.?\s*)?1\.1"),
    ("nist_800_53", r"800-53"),
    ("nist_800_171", r"800-171"),
    ("iso_27001", r"ISO(?:/IEC)?\s*2700[01]"),
    ("scf", r"Secur(?:e|ity)\s+Controls\s+Framework|\bSCF\b"),
    ("cis_csc", r"CIS\s+(?:Critical\s+Security\s+)?Controls|Center\s+for\s+Internet\s+Security|\bCIS\s+CSC\b"),
    ("cmmc", r"\bCMMC\b|Cybersecurity\s+Maturity\s+Model"),
]
_COMMIT = words(r"\b(?:adhere|align|comply|complies|maintain|implement|based\s+on|consistent\s+with|certified|"
                r"conform|follow|meet|meets)\w*")


def frameworks_in(text: str) -> list[tuple[str, str]]:
    found = []
    for key, pattern in FRAMEWORKS:
        if match := re.search(pattern, text, re.IGNORECASE):
            found.append((key, match.group(0)))
    return found


def find_frameworks(sentence: Sentence, ctx: Context):
    text = sentence.text
    if not _COMMIT.search(text) or ctx.actor(text) == "district":
        return
    found = frameworks_in(text)
    yield from found
    if not found and (m := re.search(r"NIST\s+Cybersecurity\s+Framework|NIST\s+CSF", text, re.IGNORECASE)):
        yield None, f'"{m.group(0)}" names no version (1.1 or 2.0); set security.frameworks by hand'


_AT_REST = r"at\s+rest|in\s+storage|while\s+stored|when\s+stored|stored\s+data|\bstore\w*\s+(?:[\w-]+\s+){0,4}in\s+(?:an?\s+)?encrypted"
_IN_TRANSIT = (r"in\s+transit|in\s+motion|while\s+(?:being\s+)?transmitted|during\s+transmission|in\s+transmission|"
               r"\b(?:TLS|SSL|HTTPS)\b[^.;]{0,40}?\btransmi\w*")
# TLS is encryption in transit even where the sentence never says "encrypt".
_ENCRYPT = r"encrypt\w*|\b(?:TLS|SSL|HTTPS)\b"


def _encryption(where: str):
    def find(sentence: Sentence, ctx: Context):
        text = sentence.text
        encrypt = re.search(_ENCRYPT, text, re.IGNORECASE)
        place = re.search(where, text, re.IGNORECASE)
        if not (encrypt and place) or ctx.actor(text) == "district":
            return
        first = min(encrypt.start(), place.start())
        span = text[first:max(encrypt.end(), place.end())]
        yield (False if NEGATION.search(text[:encrypt.start()]) else True), span

    return find


SUB = words(r"sub-?processors?|sub-?contractors?|third[- ]party\s+service\s+providers?|service\s+providers?")


def find_no_less_stringent(sentence: Sentence, ctx: Context):
    text = sentence.text
    match = re.search(r"no\s+less\s+(?:stringent|protective|restrictive)|at\s+least\s+as\s+(?:stringent|protective|"
                      r"restrictive)", text, re.IGNORECASE)
    if match and SUB.search(text):
        yield True, match.group(0)


def find_sub_no_sale(sentence: Sentence, ctx: Context):
    text = sentence.text
    sub = SUB.search(text)
    sale = re.search(r"\b(?:sell\w*|sale|rent\w*|trade|trading)\b", text, re.IGNORECASE)
    if sub and sale and sub.start() < sale.start() and re.search(
            NEGATION.pattern + r"|\bprohibition\s+(?:on|against)\b", text[sub.start():sale.start()], re.IGNORECASE):
        yield True, text[sub.start():sale.end()]


_NAMED = re.compile(r"(?:following|current|approved)\s+(?:sub-?processors|sub-?contractors)\s*(?:\([^)]*\)\s*)?"
                    r"(?:are|is|include)?\s*:\s*(?P<names>.+)$", re.IGNORECASE)
_ENTITY_END = re.compile(r"\b(?:Inc|LLC|L\.L\.C|Ltd|Corp|Co|PBC|LLP)\.$")


def find_named(sentence: Sentence, ctx: Context):
    match = _NAMED.search(sentence.text)
    if not match:
        return
    for name in re.split(r";|,\s+(?:and\s+)?(?=[A-Z])(?!Inc|LLC|Ltd|Corp)|\s+and\s+(?=[A-Z])", match.group("names")):
        name = name.strip(" ,")
        if name.endswith(".") and not _ENTITY_END.search(name):
            name = name[:-1]
        if 2 <= len(name) <= 80 and name[0].isupper():
            yield name, name


_US = r"(?:the\s+)?(?:continental\s+)?(?:United\s+States|U\.S\.|USA)(?:\s+of\s+America)?"
# Countries data centres are named in; anything else keeps the term absent rather than guessed.
COUNTRIES = {"united states": "US", "u.s.": "US", "usa": "US", "canada": "CA", "united kingdom": "GB", "ireland": "IE",
             "germany": "DE", "france": "FR", "netherlands": "NL", "australia": "AU", "new zealand": "NZ",
             "india": "IN", "japan": "JP", "singapore": "SG", "mexico": "MX"}
_COUNTRY = r"(?:the\s+)?(?:continental\s+)?(?:" + "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in COUNTRIES) + \
    r")(?:\s+of\s+America)?"
_STORED = r"(?:store[sd]?|stored\s+and\s+processed|hosted|host(?:s|ed)?|maintain(?:ed|s)?|kept|reside|located|processed)"


def find_storage(sentence: Sentence, ctx: Context):
    """us_only, named_countries or anywhere; a single value per sentence."""
    for value, words in _storage(sentence.text):
        yield (value if isinstance(value, str) else "named_countries"), words
        return


def find_countries(sentence: Sentence, ctx: Context):
    for value, words in _storage(sentence.text):
        if isinstance(value, list):
            yield from ((code, words) for code in value)
        return


_CONDITION = re.compile(r"\b(?:where|if|when|to\s+the\s+extent|unless)\b[^.]{0,60}?\b(?:required|applicable|requested|"
                        r"feasible|possible)", re.IGNORECASE)


def _storage(text: str):
    for value, words, end in _locations(text):
        if re.match(r"\s*(?:,|\bor\b|\band\b)\s+(?:the\s+)?[A-Z]", text[end:]):
            return  # the list goes on to a place the table does not know ("or the European Union")
        if _CONDITION.search(text[:end - len(words)]):
            return  # "Where required by applicable law, data shall be stored within the United States"
        yield value, words
        return


def _locations(text: str):
    if m := re.search(rf"(?:shall|will|may)\s+not\s+(?:\w+\s+){{0,5}}(?:outside|beyond)\s+(?:of\s+)?{_US}", text,
                      re.IGNORECASE):
        yield "us_only", m.group(0), m.end()
    elif m := re.search(rf"\b(?:store[sd]?|host(?:ed|s)?|maintain(?:ed|s)?|kept|reside)\s+(?:\w+\s+){{0,6}}?"
                        rf"(?:solely|only|exclusively)\s+(?:with)?in\s+{_US}|(?:solely|only|exclusively)\s+(?:on\s+"
                        rf"servers\s+)?(?:located\s+)?(?:with)?in\s+{_US}", text, re.IGNORECASE):
        yield "us_only", m.group(0), m.end()
    elif (m := re.search(rf"\b(?:shall|must|will)\s+(?:keep|store|host|maintain|retain|remain|reside)\s+(?:[\w-]+\s+){{0,4}}"
                         rf"(?:only\s+|solely\s+|exclusively\s+)?(?:with)?in\s+(?:(?:data\s+cent(?:er|re)s?|servers|facilities)"
                         rf"\s+(?:located\s+)?(?:with)?in\s+)?{_US}", text, re.IGNORECASE)) and \
            not NEGATION.search(text[:m.start()]):
        yield "us_only", m.group(0), m.end()
    elif m := re.search(r"\bmay\s+(?:\w+\s+){0,4}(?:store|process|transfer|host)\w*\s+(?:\w+\s+){0,6}(?:outside\s+"
                        r"(?:of\s+)?the\s+United\s+States|in\s+any\s+country|anywhere)", text, re.IGNORECASE):
        if not NEGATION.search(text[:m.start()]):
            yield "anywhere", m.group(0), m.end()
    elif m := re.search(rf"\b(?P<verb>shall|must|will|is|are)\s+(?:be\s+)?{_STORED}\s+(?:(?:and|or)\s+\w+\s+)?(?P<only>only\s+|"
                        rf"solely\s+|exclusively\s+)?(?:with)?in\s+(?P<places>{_COUNTRY}(?:\s*(?:,|or|and)\s+{_COUNTRY})*)",
                        text, re.IGNORECASE):
        if NEGATION.search(text[:m.start()]) or re.search(r"\b(?:may\s+also|including|among\s+others|such\s+as)\b",
                                                          text[m.end():m.end() + 30], re.IGNORECASE):
            return
        if m.group("verb").lower() in ("is", "are") and not m.group("only") and \
                not re.search(r"\bor\b", m.group("places"), re.IGNORECASE):
            return  # "Data is stored in the United States" describes; it does not say "only"
        codes = list(dict.fromkeys(COUNTRIES[" ".join(c.lower().split())] for c in
                                   re.findall(r"united\s+states|u\.s\.|usa|" + "|".join(re.escape(c) for c in COUNTRIES),
                                              re.sub(r"\b(?:the|continental)\s+", "", m.group("places"), flags=re.I),
                                              re.IGNORECASE)))
        if codes == ["US"]:
            yield "us_only", m.group(0), m.end()
        elif codes:
            yield codes, m.group(0), m.end()


STAFF = r"employees|personnel|staff|agents|workforce"


def find_employees_bound(sentence: Sentence, ctx: Context):
    m = re.search(rf"(?:{STAFF})[^.]{{0,160}}?(?:confidentiality\s+(?:agreement|obligation)s?|bound\s+by|"
                  rf"comply\s+with\s+(?:all\s+)?(?:the\s+)?(?:applicable\s+)?(?:terms|provisions|obligations)\s+of\s+this)", sentence.text,
                  re.IGNORECASE)
    if m and ctx.actor(sentence.text) != "district" and not NEGATION.search(sentence.text[:m.start()]):
        yield True, m.group(0)


def find_training(sentence: Sentence, ctx: Context):
    text = sentence.text
    m = re.search(rf"\btrain\w*\b[^.]{{0,120}}?(?:{STAFF})|(?:{STAFF})[^.]{{0,120}}?\btrain\w*", text, re.IGNORECASE)
    if m and re.search(r"privacy|security|confidential|data", text, re.IGNORECASE) and ctx.actor(text) != "district":
        yield True, m.group(0)


def find_need_to_know(sentence: Sentence, ctx: Context):
    text = sentence.text
    m = re.search(rf"need[- ]to[- ]know|(?:limit|restrict)\w*\s+(?:internal\s+)?access\s+(?:\w+\s+){{0,8}}?(?:to\s+"
                  rf"(?:those|individuals|employees|persons|staff))|access\s+(?:\w+\s+){{0,6}}only\s+(?:to|by)\s+"
                  rf"(?:those|individuals|employees|persons|staff)\s+(?:\w+\s+){{0,4}}(?:need|legitimate)|"
                  rf"access\s+(?:\w+\s+){{0,6}}(?:is|shall\s+be|will\s+be)\s+(?:limited|restricted)\s+to\s+[^.;]{{0,60}}?"
                  rf"(?:{STAFF})\s+who\s+(?:\w+\s+)?need|disclos\w*\s+[^.;]{{0,60}}?except\s+to\s+(?:its\s+|our\s+)?"
                  rf"(?:{STAFF})\b[^.;]{{0,60}}?\bwho\s+need", text, re.IGNORECASE)
    if m and ctx.actor(text) != "district":
        yield True, m.group(0)


TERMS = [
    Term("clauses.security.frameworks", words(r"NIST|ISO|CIS|CMMC|SCF|framework|800-"), find_frameworks, multi=True),
    Term("clauses.security.encryption_at_rest", words(r"encrypt"), _encryption(_AT_REST)),
    Term("clauses.security.encryption_in_transit", words(r"encrypt|TLS|SSL|HTTPS"), _encryption(_IN_TRANSIT)),
    Term("clauses.subprocessors.bound_no_less_stringent", words(r"less|least"), find_no_less_stringent),
    Term("clauses.subprocessors.no_sale", SUB, find_sub_no_sale),
    Term("clauses.subprocessors.named", words(r"following|current|approved"), find_named, multi=True),
    Term("clauses.storage.location", words(r"United States|U\.S\.|USA|countr|anywhere|" +
                                           "|".join(re.escape(c) for c in COUNTRIES)), find_storage),
    Term("clauses.storage.countries", words("|".join(re.escape(c) for c in COUNTRIES)), find_countries, multi=True),
    Term("clauses.confidentiality.employees_bound", words(STAFF), find_employees_bound),
    Term("clauses.confidentiality.training_required", words(r"train"), find_training),
    Term("clauses.confidentiality.access_limited_to_need", words(r"access|need"), find_need_to_know),
]
