"""State statutes as contracts cite them, for laws the controlled vocabulary does not list
("ORS 336.184", "section 1006.1494, Florida Statutes", "M.G.L. c. 71, \u00a7 34D").

One pattern serves ``clauses.legal_compliance.other_laws`` and a state rider's ``statute``.
It recognises the citation forms of state codes (a code's abbreviation and its section
numbering), never a bare number, so "within 30 days" or "Version 2.0" is no law.
"""

from __future__ import annotations

_SECTION = r"(?:\u00a7{1,2}\s*|[Ss]ec(?:tion|s?\.)\s*)?"
_FORMS = [
    r"(?:M\.\s?G\.\s?L\.|Mass\.\s+Gen\.\s+Laws|G\.\s?L\.)\s+c(?:h(?:apter)?)?\.?\s*\d+[A-Z]?(?:,?\s*\u00a7+\s*[\dA-Z]+(?:[.-]\d+)?)?",
    r"\b\d{3}\s+CMR\s+\d+(?:\.\d+)?",
    r"\bORS\s+(?:\u00a7\s*)?\d{1,3}[A-Z]?\.\d{2,4}",
    r"\bRCW\s+(?:\u00a7\s*)?\d{1,2}[A-Z]?\.\d{2,3}(?:\.\d{2,4})?",
    rf"\b(?:Va\.|Virginia)\s+Code(?:\s+Ann\.)?\s*,?\s*{_SECTION}\d+(?:\.\d+)?-\d+(?:\.\d+)?",
    rf"\b(?:Conn\.\s+Gen\.\s+Stat\.|C\.\s?G\.\s?S\.)\s*{_SECTION}\d+[a-z]?-\d+[a-z]*",
    r"\b\d{1,3}\s+ILCS\s+\d+(?:/\d+(?:-\d+)?)?",
    r"\bN\.\s?J\.\s?S\.\s?A\.\s*(?:\u00a7\s*)?\d+[A-Z]?:\d+[A-Z]?-\d+(?:\.\d+)?",
    rf"\b(?:Tex\.|Texas)\s+Educ(?:\.|ation)\s+Code(?:\s+Ann\.)?\s*,?\s*{_SECTION}\d+\.\d+",
    rf"\bCal\.\s+(?:Educ?\.|Bus\.\s+&\s+Prof\.|Civ\.)\s+Code\s*{_SECTION}\d+(?:\.\d+)?",
    rf"\bFla\.\s+Stat\.\s*(?:Ann\.\s*)?{_SECTION}\d+\.\d+",
    r"\b(?:[Ss]ection|\u00a7)\s*\d+\.\d+,\s+Florida\s+Statutes",
    rf"\bC\.\s?R\.\s?S\.\s*{_SECTION}\d+-\d+-\d+",
    rf"\bUtah\s+Code(?:\s+Ann\.)?\s*{_SECTION}\d+[A-Z]?-\d+-\d+",
    rf"\bOhio\s+Rev\.\s+Code(?:\s+Ann\.)?\s*{_SECTION}\d+\.\d+",
    rf"\bMd\.\s+Code(?:\s+Ann\.)?,?\s+Educ\.\s*{_SECTION}\d+-\d+",
    r"\b\d\s+NYCRR\s+Part\s+\d+",
    r"(?:N\.Y\.\s+)?Education\s+Law\s+(?:\u00a7+\s*|Section\s+)?2-d",
]
STATUTE = "|".join(f"(?:{form})" for form in _FORMS)
