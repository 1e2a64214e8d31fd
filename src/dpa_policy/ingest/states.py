"""US state names and postal codes, as contracts write them ("State of Illinois", "Ill.", "NY")."""

from __future__ import annotations

import re

NAMES = {
    "Alabama": "AL", "Alaska": "AK", "Arizona": "AZ", "Arkansas": "AR", "California": "CA", "Colorado": "CO",
    "Connecticut": "CT", "Delaware": "DE", "District of Columbia": "DC", "Florida": "FL", "Georgia": "GA",
    "Hawaii": "HI", "Idaho": "ID", "Illinois": "IL", "Indiana": "IN", "Iowa": "IA", "Kansas": "KS",
    "Kentucky": "KY", "Louisiana": "LA", "Maine": "ME", "Maryland": "MD", "Massachusetts": "MA",
    "Michigan": "MI", "Minnesota": "MN", "Mississippi": "MS", "Missouri": "MO", "Montana": "MT",
    "Nebraska": "NE", "Nevada": "NV", "New Hampshire": "NH", "New Jersey": "NJ", "New Mexico": "NM",
    "New York": "NY", "North Carolina": "NC", "North Dakota": "ND", "Ohio": "OH", "Oklahoma": "OK",
    "Oregon": "OR", "Pennsylvania": "PA", "Rhode Island": "RI", "South Carolina": "SC", "South Dakota": "SD",
    "Tennessee": "TN", "Texas": "TX", "Utah": "UT", "Vermont": "VT", "Virginia": "VA", "Washington": "WA",
    "West Virginia": "WV", "Wisconsin": "WI", "Wyoming": "WY", "Puerto Rico": "PR",
}
CODES = set(NAMES.values())
# Longest first so "West Virginia" wins over "Virginia" and "New York" over "York".
NAME_PATTERN = "|".join(sorted((re.escape(n) for n in NAMES), key=len, reverse=True))
_NAME = re.compile(rf"\b({NAME_PATTERN})\b")
# "Springfield, Illinois 62701", "Albany, NY 12207": a state in a postal address.
ADDRESS = re.compile(rf",\s*(?:({NAME_PATTERN})|([A-Z]{{2}}))\.?,?\s+\d{{5}}(?:-\d{{4}})?\b")


def code_for(name: str) -> str | None:
    name = " ".join(name.split()).title().replace(" Of ", " of ")
    if name in NAMES:
        return NAMES[name]
    return name.upper() if name.upper() in CODES else None


def names_in(text: str) -> list[str]:
    """State codes named in ``text``, in order of first mention (an all-caps heading too)."""
    text = f"{text} {text.title()}" if any(w.isupper() and len(w) > 3 for w in text.split()) else text
    found: list[str] = []
    for match in _NAME.finditer(text):
        code = NAMES[match.group(1)]
        if code not in found and not (code == "WA" and "Washington, D" in text[match.start():match.start() + 14]):
            found.append(code)
    return found


def address_state(text: str) -> tuple[str, str] | None:
    """(code, words) of the first postal address in ``text``."""
    for match in ADDRESS.finditer(text):
        code = code_for(match.group(1) or match.group(2))
        if code:
            return code, match.group(0).lstrip(", ")
    return None
