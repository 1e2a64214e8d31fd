"""Drafts and expectations as comparable (field, value) pairs, for the tests and the benchmark.

A field is a dotted path; lists count item by item; a disposal window counts as present (and
its ``within`` as a value); provenance (citation, text, page), free text (descriptions,
purposes) and bookkeeping (source, review, id from the file name) are not terms and are not
counted. An expectation of ``None`` means "must stay absent": reading a value there is wrong.
Free-text law citations (a state rider's statute, ``other_laws``) compare by their numbers
("section 1006.1494, Florida Statutes" and "Fla. Stat. 1006.1494" both name 1006.1494); a
per-category breach window compares as "categories/window[/trigger]".
"""

from __future__ import annotations

import re
from typing import Any

SKIP = {"citation", "text", "page", "description", "purposes", "permitted_purposes", "source", "review",
        "dpa_version", "title_of"}


def pairs(draft: dict) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    if "id" in draft and draft["id"] != draft.get("__fallback_id__"):
        found.add(("id", str(draft["id"])))
    for key, value in draft.items():
        if key in ("id", "__fallback_id__") or key in SKIP:
            continue
        if key == "products":
            found |= {("products.name", item["name"]) for item in value}
        elif key == "attachments":
            found |= {("attachments", item["kind"]) for item in value}
        elif key == "state_terms":
            for item in value:
                state = item["state"]
                found.add(("state_terms", state))
                if "statute" in item:
                    found.add((f"state_terms.{state}.statute", law_key(item["statute"])))
                for name, term in (item.get("terms") or {}).items():
                    found.add((f"state_terms.{state}.terms.{name}", _text(term)))
        else:
            _walk(key, value, found)
    return found


def _walk(path: str, value: Any, found: set) -> None:
    if path.split(".")[-1] in SKIP:
        return
    if isinstance(value, dict):
        if path.endswith(("on_request", "at_termination")):
            found.add((path, "present"))
        for key, item in value.items():
            _walk(f"{path}.{key}", item, found)
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict) and "categories" in item:  # breach windows by class of data
                found.add((path, category_window(item)))
            elif isinstance(item, dict):  # sanitization entries
                found.add((path, "/".join(str(item[k]) for k in ("media", "method", "level", "standard") if k in item)))
            elif path.endswith(".other_laws"):
                found.add((path, law_key(item)))
            else:
                found.add((path, _text(item)))
    else:
        found.add((path, _text(value)))


def law_key(text: str) -> str:
    """A law citation by its numbers: "Conn. Gen. Stat. \u00a7 10-234bb" -> "10-234bb"."""
    numbers = re.findall(r"\d+(?:[.-]\d+)*[a-z]*", text)
    return " ".join(numbers) if numbers else " ".join(text.split())


def category_window(item: dict) -> str:
    parts = [",".join(sorted(item["categories"])), str(item["window"])]
    if item.get("trigger"):
        parts.append(item["trigger"])
    return "/".join(parts)


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def expected_pairs(expected: dict) -> tuple[set[tuple[str, str]], set[str]]:
    """(pairs a perfect draft holds, fields that must stay absent)."""
    wanted: set[tuple[str, str]] = set()
    absent: set[str] = set()
    for path, value in expected.items():
        if value is None:
            absent.add(path)
        elif isinstance(value, dict):
            wanted.add((path, "present"))
            wanted |= {(f"{path}.{k}", _text(v)) for k, v in value.items()}
        elif isinstance(value, list):
            key = law_key if path.endswith(".other_laws") else _text
            wanted |= {(path, key(v)) for v in value}
        elif path.startswith("state_terms.") and path.endswith(".statute"):
            wanted.add((path, law_key(value)))
        else:
            wanted.add((path, _text(value)))
    return wanted, absent


def score(draft: dict, expected: dict) -> dict[str, tuple[int, int, int]]:
    """Per field: (true positives, false positives, false negatives)."""
    got = pairs(draft)
    wanted, absent = expected_pairs(expected)
    fields: dict[str, list[int]] = {}
    for field, value in got:
        counts = fields.setdefault(field, [0, 0, 0])
        if (field, value) in wanted:
            counts[0] += 1
        else:
            counts[1] += 1
    for field, value in wanted - got:
        fields.setdefault(field, [0, 0, 0])[2] += 1
    return {k: tuple(v) for k, v in fields.items()}


def mistakes(draft: dict, expected: dict) -> tuple[set, set]:
    """(values read that are not expected, expected values not read)."""
    got = pairs(draft)
    wanted, _ = expected_pairs(expected)
    return got - wanted, wanted - got
