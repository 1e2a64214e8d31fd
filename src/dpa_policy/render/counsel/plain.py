"""Plain legal English for counsel: findings and rule prose without the checker's vocabulary.

Rules word their findings for the people who keep the agreement records: a message names the
term it read (``prohibits.marketing is false``), a value is a vocabulary key
(``reporter_contact``), and a rule's documentation marks each source's confidence with a
letter (``[S]``) and a note for the maintainers. Counsel reads none of that. This module
rewrites such text for the counsel report:

- :func:`finding_text` drops the parenthesised references to record keys and turns
  vocabulary keys (quoted or bare) into words;
- :func:`basis_text` turns confidence letters into words ("secondary source", "unconfirmed
  source"), drops the notes beside them, and never names the project's research file;
- :func:`value_text` words an observed or required value ("breach_date, notice_date").

Everything is plain text in, plain text out; the renderers escape it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...model.vocabulary import BREACH_DATA_CATEGORIES, ELEMENTS, LAWS, SECURITY_FRAMEWORKS, US_STATE_NAMES

#: How each confidence letter of a legal basis reads in the report.
CONFIDENCE_WORDS = {
    "P": "primary source",
    "V": "verbatim contract text",
    "S": "secondary source",
    "U": "unconfirmed source",
}

# Words for the vocabulary keys rules put in messages and values. Element, law and framework
# keys come from the format's own vocabularies; these are the rest.
_WORDS = {
    # breach notice contents, recipients, triggers, costs
    "reporter_contact": "the reporter's name and contact information",
    "information_types": "the types of information involved",
    "breach_date": "the date of the breach",
    "notice_date": "the date of the notice",
    "law_enforcement_delay": "whether law enforcement delayed the notice",
    "incident_description": "a description of the incident",
    "affected_count": "the number of people affected",
    "remediation_steps": "the steps taken in response",
    "affected_individuals": "affected individuals",
    "parents_guardians": "parents and guardians",
    "state_education_agency": "the state education agency",
    "law_enforcement": "law enforcement",
    # data use
    "prohibited_without_consent": "prohibited without the district's consent",
    "to_subprocessors_only": "to subprocessors only",
    "targeted_advertising": "targeted advertising",
    "non_educational_profiling": "non-educational profiling",
    "commercial_product_development": "commercial product development",
    "adaptive_learning": "adaptive learning",
    "contextual_advertising": "contextual advertising",
    "product_notices_to_account_holders": "product notices to account holders",
    "recommendations_to_staff": "recommendations to staff",
    # disposal
    "single_pass_overwrite": "single-pass overwrite",
    "multi_pass_overwrite": "multi-pass overwrite",
    "ata_secure_erase": "ATA Secure Erase",
    "block_erase": "block erase",
    "cryptographic_erase": "cryptographic erase",
    "factory_reset": "factory reset",
    "nist_800_88_r1": "NIST SP 800-88 Rev. 1",
    "nist_800_88_r2": "NIST SP 800-88 Rev. 2",
    "ieee_2883": "IEEE 2883",
    "dod_5220_22_m": "DoD 5220.22-M",
    "on_request": "disposal on request",
    "at_termination": "disposal at termination",
    "written_certification": "written certification",
    "return_before_disposal": "return before disposal",
    # attachments
    "parents_bill_of_rights": "the Parents' Bill of Rights",
    "supplemental_information": "the supplemental information",
    "data_security_and_privacy_plan": "the data security and privacy plan",
    "incident_response_plan": "an incident response plan",
    "exhibit_g_state_terms": "Exhibit G (state terms)",
    # data subjects, policy layers and terms that appear in rule prose
    "parent_guardian": "parent or guardian",
    "by_category": "windows by class of data",
    "permitted_purposes": "permitted purposes",
    **{key: label.lower() for key, label in BREACH_DATA_CATEGORIES.items() if key != "other"},
    **{key: label for key, label in SECURITY_FRAMEWORKS.items()},
    **{key: label for key, label in LAWS.items()},
}

# A record key or path: snake_case, or dotted (clauses.audit, data.student.purposes).
_KEY = r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+|[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+"
_KEY_RE = re.compile(rf"(?<![\w./-])(?:{_KEY})(?![\w/-])")
_QUOTED_KEY = re.compile(rf"'({_KEY}|[a-z0-9_]+)'")
_RECORD_NOTE = re.compile(rf"(?:{_KEY})|\bis (?:absent|false|true|empty)\b|:\s*(?:false|true)\b")
_PAREN = re.compile(r"\s*\(([^()]*)\)")


@lru_cache(maxsize=None)
def _element_words() -> dict[str, str]:
    return {key: element.label for key, element in ELEMENTS.items()}


def word(key: str) -> str:
    """A vocabulary key or record path in words: "reporter_contact" -> "the reporter's name
    and contact information", "data.student.purposes" -> "the purposes stated for student data"."""
    if key in _WORDS:
        return _WORDS[key]
    if key in _element_words():
        return _element_words()[key]
    if "." in key:
        parts = [p for p in key.split(".") if p not in ("clauses", "data", "terms")]
        if len(parts) >= 2 and parts[0] in ("student", "parent_guardian", "staff"):
            subject = word(parts[0]) if parts[0] != "student" else "student"
            return f"the {' '.join(word(p) for p in parts[1:])} stated for {subject} data"
        if parts and parts[0] in ("student", "parent_guardian", "staff"):
            return f"the {word(parts[0]) if parts[0] != 'student' else 'student'} data"
        return "the " + " ".join(word(p) for p in parts)
    return key.replace("_", " ")


def _drop_record_notes(match: re.Match[str]) -> str:
    """A parenthesis that cites record keys ("(costs is absent)") is dropped; the parts of it
    that are plain words ("'promptly' is not a deadline") stay."""
    parts = [p.strip() for p in match.group(1).split(";")]
    kept = [p for p in parts if p and not _RECORD_NOTE.search(p)]
    if len(kept) == len(parts):
        return match.group(0)
    return f" ({'; '.join(kept)})" if kept else ""


_MONTH = "January|February|March|April|May|June|July|August|September|October|November|December"
_DAY_FIRST = re.compile(rf"\b(\d{{1,2}}) ({_MONTH}) (\d{{4}})\b")


def us_dates(text: str) -> str:
    """"10 August 2016" -> "August 10, 2016": the one date style of every page (render.dates)."""
    return _DAY_FIRST.sub(lambda m: f"{m.group(2)} {int(m.group(1))}, {m.group(3)}", text)


@lru_cache(maxsize=8192)  # a portfolio repeats the same messages agreement after agreement
def finding_text(text: str) -> str:
    """A finding's message in plain words (see the module docstring)."""
    text = us_dates(_PAREN.sub(_drop_record_notes, text))
    text = _QUOTED_KEY.sub(lambda m: word(m.group(1)) if ("_" in m.group(1) or "." in m.group(1)) else m.group(0),
                           text)
    text = _KEY_RE.sub(lambda m: word(m.group(0)), text)
    return text.replace("no purpose in the purposes stated for", "no purpose stated for")


def value_text(text: str | None) -> str | None:
    """An observed or required value: each comma-separated vocabulary key in words."""
    if text is None:
        return None
    if ", " in text and all(re.fullmatch(_KEY + "|[a-z]+", part) for part in text.split(", ")):
        return ", ".join(word(part) for part in text.split(", "))
    if re.fullmatch(_KEY, text) or text in _WORDS:
        return word(text)
    return finding_text(text)


# ------------------------------------------------------------------------------ rule prose
_BRACKET = re.compile(r"\[([^\]]*)\]")
_LETTER = re.compile(r"(?<![\w.§])([PVSU])(?![\w.])")
_TRAILING_U = re.compile(r",\s*U\)")  # "(unconfirmed scope wording, U)": the words already say it
_PROJECT_FILE = re.compile(r"\s*\((?:see |as in )?DOMAIN\.md[^)]*\)|DOMAIN\.md(?:\s*§[\d.]+(?:-§?[\d.]+)?"
                           r"(?:,\s*§[\d.]+(?:-§?[\d.]+)?)*)?(?P<possessive>'s)?")
_NOTED_U = re.compile(r"\bunconfirmed,\s*U(?::[^)\]]*)?")  # "unconfirmed, U: the text was not retrieved"
_BARE_MARK = re.compile(r"\bis ([PVSU])\b(?![.\w])")  # "a close variant is V"
_SETTING_IN_PARENS = re.compile(r"\s*\([^()]*``[^`]*[:\[][^`]*``[^()]*\)")  # "(the preset sets ``x: false``)"
_LITERAL = re.compile(r"``(.+?)``")


def _confidence(match: re.Match[str]) -> str:
    """"[S, statute text cut off]" -> "(secondary source)"; the note is for maintainers."""
    inside = match.group(1)
    letters = list(dict.fromkeys(_LETTER.findall(inside)))
    if not letters or not re.match(r"\s*[PVSU](?![\w.])", inside):
        return match.group(0)
    return "(" + "; ".join(CONFIDENCE_WORDS[letter] for letter in letters) + ")"


def _project_file(match: re.Match[str]) -> str:
    # The research notes are not shipped: a citation of them goes, a mention becomes words.
    if match.group(0).lstrip().startswith("("):
        return ""
    return "the research's" if match.group("possessive") else "the project's research"


def _literal(match: re.Match[str]) -> str:
    inside = match.group(1)
    if inside.upper() in US_STATE_NAMES and len(inside) == 2:  # a state pack: ``ct``
        return US_STATE_NAMES[inside.upper()]
    if ":" in inside or "[" in inside:  # a policy setting, which counsel does not write
        return "a policy setting"
    return word(inside) if ("_" in inside or "." in inside or inside in _WORDS) else inside


@lru_cache(maxsize=1024)  # the same rules' prose, for every agreement in a report
def basis_text(text: str) -> str:
    """A rule's "Why it matters" or "Legal basis" prose in plain words (module docstring)."""
    text = us_dates(_SETTING_IN_PARENS.sub("", text))
    text = _BRACKET.sub(_confidence, text)
    text = _NOTED_U.sub(CONFIDENCE_WORDS["U"], text)
    text = _TRAILING_U.sub(")", text)
    text = _BARE_MARK.sub(lambda m: "is " + CONFIDENCE_WORDS[m.group(1)], text)
    text = _PROJECT_FILE.sub(_project_file, text)
    text = _LITERAL.sub(_literal, text)
    text = re.sub(r"\*(\w[^*]*?)\*", r"\1", text)
    text = re.sub(r"([.!?]\s+)the\b", r"\1The", text)  # a sentence that now starts with "the project's..."
    return re.sub(r"[ \t]+([,;.])", r"\1", text)


__all__ = ["CONFIDENCE_WORDS", "basis_text", "finding_text", "us_dates", "value_text", "word"]
