"""Value types that flow from rules and the loader to reporters.

A rule yields :class:`Violation` (what and where, as a data path). The engine turns it into a
:class:`Finding` by stamping the rule's code, slug, severity and outcome and resolving the path
to a line and column. Input problems (the file could not be read, parsed or validated) are
findings too, with reserved codes (``INPUT_CODES``), so every reporter shows them the same way.

A finding has an :class:`Outcome` beside its severity: a *violation* (the terms do not meet the
rule) or a *review* (the tool cannot decide, and a person must: no governing state, a state
with no pack, a draft nobody confirmed). Severity says whether it fails the run; outcome says
what kind of "no" it is.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Union

PathKey = tuple[Union[str, int], ...]


class Severity(enum.IntEnum):
    """Ordered so that ``severity >= fail_on`` decides the exit code."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> "Severity":
        try:
            return cls[text.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r}; use error, warning or info") from None


class Outcome(str, enum.Enum):
    """What a finding says about the agreement: it breaks the rule, or it needs a person."""

    VIOLATION = "violation"
    REVIEW = "review"

    def __str__(self) -> str:
        return self.value


class Position(NamedTuple):
    """1-based line and column. A tuple, not a dataclass: the loader makes one per YAML node,
    and tuple construction is several times cheaper than a frozen dataclass's."""

    line: int
    column: int


# Reserved codes for problems with the input itself. They are always errors: an agreement
# that cannot be read is never a pass.
INPUT_CODES: dict[str, tuple[str, str]] = {
    "DPA001": ("yaml-syntax", "The file is not well-formed YAML."),
    "DPA002": ("schema-violation", "The document does not match the agreement JSON Schema."),
    "DPA003": ("model-validation", "A value is well-formed but invalid (a date, a duration, a date range)."),
    "DPA004": ("duplicate-key", "A mapping repeats a key; the checker never lets a second value silently win."),
    "DPA005": ("ambiguous-yaml-value", "A plain value reads differently under YAML 1.1 and 1.2; quote it or write it plainly."),
    "DPA006": ("file-unreadable", "The file cannot be read: missing permission, not a regular file, a broken "
                                  "link, a path too long, not UTF-8, or too large."),
    "DPA007": ("document-too-complex", "Nesting, alias expansion or a number's size exceeds the loader's bounds."),
    "DPA008": ("duplicate-agreement-id", "Another file in the run has the same agreement id; waivers, reports and "
                                         "the published page name agreements by id."),
}


@dataclass(frozen=True)
class InputProblem:
    code: str
    message: str
    position: Position

    def __lt__(self, other: "InputProblem") -> bool:  # sort by place first
        return (self.position, self.code, self.message) < (other.position, other.code, other.message)


@dataclass(frozen=True)
class Violation:
    """What a rule yields: the data path that offends, and why.

    ``observed`` and ``required`` are short human strings shown beside the message; for a
    missing clause or term, ``observed`` is ``"absent"`` / ``"not stated"``.
    """

    path: PathKey
    message: str
    observed: str | None = None
    required: str | None = None
    #: The rule option this finding enforces, when the finding is about that option alone
    #: (DPA501's ``max_at_termination``). The finding's ``layer`` is then the policy layer
    #: that set the option, which may not be the one that enabled the rule.
    option: str | None = None
    #: True when the rule cannot decide and a person must: the finding's outcome is then
    #: "review" (needs legal review), never a pass. A rule whose findings are always so sets
    #: ``outcome = "review"`` on its class instead.
    review: bool = False


@dataclass(frozen=True, slots=True)
class Finding:
    file: str
    line: int
    column: int
    code: str
    slug: str
    severity: Severity
    message: str
    pointer: str = ""
    observed: str | None = None
    required: str | None = None
    #: The policy layer that required the rule ("preset ndpa", "policies/district.yaml").
    layer: str = ""
    #: The waiver (dpa_policy.core.waivers.Waiver) that accepts this finding, if any. A waived
    #: finding is reported but does not fail the run.
    waiver: Any = field(default=None, compare=False)
    #: Violation, or review: the tool could not decide and a person must ("needs review").
    outcome: Outcome = Outcome.VIOLATION

    @property
    def needs_review(self) -> bool:
        return self.outcome is Outcome.REVIEW

    @property
    def counts(self) -> bool:
        """False for a waived finding: it is shown but does not decide the verdict."""
        return self.waiver is None

    def sort_key(self) -> tuple:
        return (self.file, self.line, self.column, self.code, self.message)


def json_pointer(path: PathKey) -> str:
    """RFC 6901 pointer for a data path: ("clauses", "audit") -> "/clauses/audit"."""
    if not path:
        return ""
    return "/" + "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in path)
