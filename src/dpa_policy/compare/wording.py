"""A clause's words against its recorded terms: the change a structured comparison cannot see.

The record of an agreement is what the checker judges, and it is kept by hand or by an
importer. When a new version's clause text says "thirty (30) days" where the old said
"seventy-two (72) hours" and no recorded term changed with it, either the record is stale
or the text was mistyped; either way a number the district relies on moved without the
checker noticing. :func:`number_change` finds that: the periods each text states
(:func:`dpa_policy.model.contract_words.quantities`), compared as multisets.

:func:`phrases` gives the first phrases that differ word by word, for a wording change that
moves no number ("counsel should read the clause").
"""

from __future__ import annotations

from collections import Counter

from ..model.contract_words import quantities


def normalized(text: str) -> str:
    return " ".join(text.split())


def _period(amount: int, unit: str) -> str:
    return f"{amount} {unit[:-1] if amount == 1 else unit}"


def number_change(old: str, new: str) -> str | None:
    """'"72 hours" -> "30 days"' when the periods the two texts state differ, else None.
    Only the periods that differ are named: "within 72 hours ... 60 days" to "within 30 days
    ... 60 days" is '"72 hours" -> "30 days"'."""
    before, after = quantities(old), quantities(new)
    gone, came = Counter(before) - Counter(after), Counter(after) - Counter(before)
    if not gone and not came:
        return None

    def named(found: list[tuple[int, str]], differing: Counter) -> str:
        shown = dict.fromkeys(_period(*q) for q in found if differing[q])  # in the text's order, once
        return ", ".join(f'"{p}"' for p in shown) or "no period"

    return f"{named(before, gone)} -> {named(after, came)}"


def phrases(old: str, new: str, hunks: int = 2, width: int = 60) -> tuple[str, str, str]:
    """The first phrases that differ, word by word, as (old side, new side, one-line summary):
    '"seventy-two (72) hours" -> "ten (10) business days"'."""
    import difflib

    a, b = normalized(old).split(), normalized(new).split()

    def phrase(words: list[str]) -> str:
        text = " ".join(words)
        return f'"{text if len(text) <= width else text[:width - 3] + "..."}"'

    was, now, parts = [], [], []
    ops = [op for op in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if op[0] != "equal"]
    for tag, i1, i2, j1, j2 in ops[:hunks]:
        if tag == "replace":
            was.append(phrase(a[i1:i2]))
            now.append(phrase(b[j1:j2]))
            parts.append(f"{was[-1]} -> {now[-1]}")
        elif tag == "delete":
            was.append(phrase(a[i1:i2]))
            parts.append(f"removed {was[-1]}")
        else:
            now.append(phrase(b[j1:j2]))
            parts.append(f"added {now[-1]}")
    if len(ops) > hunks:
        parts.append(f"and {len(ops) - hunks} more")
    return " ... ".join(was) or "—", " ... ".join(now) or "—", "; ".join(parts)
