"""Golden cases for rules: agreement snippets and the findings they must (and must not) produce.

A case file is YAML, one per rule::

    rule: DPA201
    cases:
      - name: five business days can span seven calendar days
        agreement:                      # deep-merged onto the base agreement
          clauses:
            breach_notification:
              window: 5 business days
        expect:                         # exactly these findings of this rule, in any order
          - pointer: /clauses/breach_notification/window
            message_contains: up to 7 calendar days
            observed: 5 business days
            at: "50:13"                 # line:column of the finding (or line: 50, column: 13)
            severity: error
      - name: the NDPA's own window passes
        agreement:
          clauses:
            breach_notification: {window: 72 hours}
        expect: []                      # must produce no finding
      - name: a stricter district maximum
        options: {max_window: 48 hours} # the rule's options for this case
        expect: [{pointer: /clauses/breach_notification/window}]

A rule that reads the run's context (``check(self, agreement, options, context)``) is given
``as_of`` and ``states_with_packs`` from the case, or from the file's top level for every
case, so a case about dates never depends on the day it runs::

    rule: DPA111
    as_of: 2026-11-30                   # default: today
    states_with_packs: [FL, NY]         # default: none

Each case starts from a base agreement that passes every built-in rule (``base:`` in the
file may name another one, relative to the case file), merges ``agreement`` onto it (a
``null`` removes a key, so ``breach_notification: null`` makes the clause absent), writes it
as YAML and sends it through the real pipeline: strict loader, JSON Schema, model, rule.
A case whose agreement does not load fails with the input problems, so cases cannot rot.

An expectation needs ``pointer``; every other key narrows it, and a finding matches only if
all of them hold:

- ``message_contains``: a substring of the message;
- ``observed``, ``required``: the exact strings shown beside the message;
- ``at: "L:C"``, or ``line`` and/or ``column``: where the finding is reported, 1-based, in the
  agreement the runner writes (the merged agreement as ``yaml.safe_dump`` prints it: base
  keys in the base's order, added keys after them, one line per scalar, no comments).
  :func:`case_text` returns that text; a failing case shows each finding's ``L:C``. Pin the
  place where it matters: a missing clause is reported at its nearest present parent key;
  a value at the value itself; a list item at the item;
- ``severity``: ``error``, ``warning`` or ``info``, the rule's default severity as a
  policy that does not override it would report it;
- ``outcome``: ``violation`` or ``review`` (the finding needs a person's review).

pytest users call :func:`load_case_file` and :func:`run_case` (see tests/rules), and
``dpa-policy verify`` will run a pack's cases with them.
"""

from __future__ import annotations

import copy
import datetime
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .core.document import AgreementDocument
from .core.engine import evaluate
from .core.loader import LoadFailed, load_text, read_text
from .core.policy import ResolvedPolicy, ResolvedRule
from .findings import Finding, Severity
from .registry import RuleRegistry
from . import rule as rule_module  # the clock, read through the module (see dpa_policy.rule.today)
from .rule import RunContext

_EXPECT_KEYS = {"pointer", "message_contains", "observed", "required", "at", "line", "column", "severity", "outcome"}
_CONTEXT_KEYS = ("as_of", "states_with_packs")
_AT = re.compile(r"([1-9][0-9]*):([1-9][0-9]*)")


@dataclass(frozen=True)
class Case:
    rule: str
    name: str
    agreement: dict[str, Any]
    options: dict[str, Any]
    expect: list[dict[str, Any]]
    base: Path | None
    source: str
    #: The run context the rule sees (as_of, states_with_packs), for rules that read it.
    context: RunContext = field(default_factory=RunContext)

    @property
    def id(self) -> str:
        return f"{self.rule}: {self.name}"


@dataclass
class CaseResult:
    case: Case
    findings: list[Finding] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


class CaseFileError(Exception):
    """A case file is malformed; the message names the file and the case."""


def load_case_file(path: Path) -> list[Case]:
    try:
        data = load_text(read_text(path)).data
    except LoadFailed as failed:
        first = failed.problems[0]
        raise CaseFileError(f"{path}:{first.position.line}:{first.position.column}: {first.message}") from None
    if not isinstance(data, dict) or not isinstance(data.get("rule"), str) or not isinstance(data.get("cases"), list):
        raise CaseFileError(f"{path}: a case file needs 'rule: CODE' and a list of 'cases'")
    base = (path.parent / data["base"]) if data.get("base") else None
    defaults = {key: data[key] for key in _CONTEXT_KEYS if key in data}
    cases = []
    for index, raw in enumerate(data["cases"]):
        where = f"{path}: case {index + 1}"
        if not isinstance(raw, dict) or not raw.get("name"):
            raise CaseFileError(f"{where}: every case needs a name")
        unknown = set(raw) - {"name", "agreement", "options", "expect", *_CONTEXT_KEYS}
        if unknown:
            raise CaseFileError(f"{where} ({raw['name']}): unknown key(s) {', '.join(sorted(unknown))}")
        if "expect" not in raw or not isinstance(raw["expect"], list):
            raise CaseFileError(f"{where} ({raw['name']}): 'expect' must be a list (use [] for no finding)")
        for item in raw["expect"]:
            if not isinstance(item, dict) or "pointer" not in item or set(item) - _EXPECT_KEYS:
                raise CaseFileError(f"{where} ({raw['name']}): each expectation needs 'pointer' and may have "
                                    "message_contains, observed, required, at (or line, column), severity")
            problem = _expectation_problem(item)
            if problem:
                raise CaseFileError(f"{where} ({raw['name']}): {problem}")
        context = _context({**defaults, **{key: raw[key] for key in _CONTEXT_KEYS if key in raw}},
                           f"{where} ({raw['name']})")
        cases.append(Case(data["rule"], str(raw["name"]), raw.get("agreement") or {}, raw.get("options") or {},
                          raw["expect"], base, str(path), context))
    return cases


def _context(values: dict[str, Any], where: str) -> RunContext:
    """The run context a case gives its rule: ``as_of`` a date (as YAML text, the strict loader
    keeps it unparsed), ``states_with_packs`` a list of state codes."""
    as_of = values.get("as_of")
    states = values.get("states_with_packs", [])
    try:
        day = datetime.date.fromisoformat(str(as_of)) if as_of is not None else rule_module.today()
    except ValueError:
        raise CaseFileError(f"{where}: as_of must be a date like 2026-11-30, got {as_of!r}") from None
    if not isinstance(states, list) or not all(isinstance(s, str) for s in states):
        raise CaseFileError(f"{where}: states_with_packs must be a list of state codes, e.g. [FL, NY]")
    return RunContext(as_of=day, states_with_packs=frozenset(states))


def _expectation_problem(item: dict[str, Any]) -> str | None:
    """Why an expectation's place or severity cannot be checked as written, or None."""
    if "at" in item:
        if "line" in item or "column" in item:
            return "give 'at' or 'line'/'column', not both"
        if not isinstance(item["at"], str) or not _AT.fullmatch(item["at"]):
            return f"'at' must be \"LINE:COLUMN\" (quoted), e.g. \"12:5\"; got {item['at']!r}"
    for key in ("line", "column"):
        if key in item and (type(item[key]) is not int or item[key] < 1):
            return f"'{key}' must be a whole number from 1; got {item[key]!r}"
    if "severity" in item:
        try:
            Severity.parse(str(item["severity"]))
        except ValueError as exc:
            return str(exc)
    if "outcome" in item and item["outcome"] not in ("violation", "review"):
        return f"'outcome' must be violation or review; got {item['outcome']!r}"
    return None


def _expected_place(want: dict[str, Any]) -> tuple[int | None, int | None]:
    if "at" in want:
        line, column = _AT.fullmatch(want["at"]).groups()
        return int(line), int(column)
    return want.get("line"), want.get("column")


def base_agreement_text(base: Path | None = None) -> str:
    if base is not None:
        return read_text(base)
    return resources.files("dpa_policy").joinpath("testdata", "base-agreement.yaml").read_text("utf-8")


def merge(base: Any, patch: Any) -> Any:
    """Deep merge: mappings merge key by key, a None value removes the key, anything else replaces."""
    if not isinstance(base, dict) or not isinstance(patch, dict):
        return copy.deepcopy(patch)
    merged = copy.deepcopy(base)
    for key, value in patch.items():
        if value is None:
            merged.pop(key, None)
        elif key in merged:
            merged[key] = merge(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def case_text(case: Case) -> str:
    """The agreement a case checks, as the runner writes it: ``at`` positions refer to it."""
    data = merge(load_text(base_agreement_text(case.base)).data, case.agreement)
    # An unbounded width keeps every scalar on one line, so positions are easy to read off.
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=float("inf"))


def run_case(case: Case, registry: RuleRegistry) -> CaseResult:
    from . import schema
    from .model.agreement import Agreement

    result = CaseResult(case)
    entry = registry.get(case.rule)
    if entry is None:
        result.problems.append(f"unknown rule {case.rule!r}")
        return result
    try:
        options = entry.rule.Options.model_validate(case.options)
    except Exception as exc:  # noqa: BLE001 - reported as a case failure
        result.problems.append(f"invalid options for {case.rule}: {exc}")
        return result

    try:
        loaded = load_text(case_text(case))
    except LoadFailed as failed:
        result.problems.extend(f"agreement does not load: {p.message}" for p in failed.problems)
        return result
    input_problems = schema.validate(loaded.data, loaded.source_map)
    if input_problems:
        result.problems.extend(f"agreement is invalid: {p.message}" for p in input_problems)
        return result
    doc = AgreementDocument(Path("<case>"), Agreement.model_validate(loaded.data), loaded.source_map)
    policy = ResolvedPolicy("case", case.source, (ResolvedRule(entry.rule(), entry, entry.rule.default_severity, options),))
    findings, crashes = evaluate(doc, policy, f"{case.source} [{case.name}]", case.context)
    for crash in crashes:
        result.problems.append(f"rule crashed: {crash.error}")
    result.findings = findings
    result.problems.extend(_compare(case.expect, findings))
    return result


def _compare(expected: list[dict[str, Any]], findings: list[Finding]) -> list[str]:
    unmatched = list(findings)
    problems = []
    for want in expected:
        match = next((f for f in unmatched if _matches(want, f)), None)
        if match is None:
            problems.append(f"expected a finding {want}, got: " + (_show(unmatched) or "no finding"))
        else:
            unmatched.remove(match)
    for extra in unmatched:
        problems.append(f"unexpected finding: {_show([extra])}")
    return problems


def _matches(want: dict[str, Any], finding: Finding) -> bool:
    if finding.pointer != want["pointer"]:
        return False
    if "message_contains" in want and str(want["message_contains"]) not in finding.message:
        return False
    for key in ("observed", "required"):
        if key in want and str(want[key]) != (getattr(finding, key) or ""):
            return False
    line, column = _expected_place(want)
    if line is not None and finding.line != line:
        return False
    if column is not None and finding.column != column:
        return False
    if "severity" in want and finding.severity != Severity.parse(str(want["severity"])):
        return False
    if "outcome" in want and str(finding.outcome) != want["outcome"]:
        return False
    return True


def _show(findings: list[Finding]) -> str:
    return "; ".join(f"{f.pointer} at {f.line}:{f.column} {f.severity}{' (needs review)' if f.needs_review else ''} "
                     f"{f.message!r} "
                     f"(observed={f.observed!r}, required={f.required!r})" for f in findings)


#: Agreement keys whose values are free text a report or page may show.
TEXT_KEYS = frozenset({"id", "title", "name", "description", "citation", "text", "model_version"})
#: Agreement keys whose values are lists of free text.
TEXT_LIST_KEYS = frozenset({"purposes", "other_elements", "permitted_purposes", "named", "other_laws"})


def plant_text(data: Any, marker: str) -> Any:
    """Prefix ``marker`` to every free-text value of agreement ``data`` (in place; returns it).

    For testing that renderers escape what agreements say: plant ``<script>alert(1)</script>``
    and check it shows as text and never runs. Lists only get it if they are not empty.
    """
    if isinstance(data, dict):
        for key, value in data.items():
            if key in TEXT_KEYS and isinstance(value, str):
                data[key] = f"{marker} {value}"
            elif key in TEXT_LIST_KEYS and isinstance(value, list):
                data[key] = [f"{marker} {item}" for item in value]
            else:
                plant_text(value, marker)
    elif isinstance(data, list):
        for item in data:
            plant_text(item, marker)
    return data


def write_distribution(folder: Path, name: str, entry_points: dict[str, str], version: str = "1.0") -> Path:
    """Write what pip writes when it installs a distribution ``name`` whose entry points in
    the ``dpa_policy`` group are ``entry_points`` (entry-point name -> ``module[:attribute]``):
    a ``.dist-info`` folder with ``METADATA`` and ``entry_points.txt``. With ``folder`` on
    ``sys.path``, dpa-policy loads those packs as it loads installed ones: for a pack's tests
    of how it installs, without installing it."""
    info = folder / f"{re.sub(r'[-_.]+', '_', name)}-{version}.dist-info"
    info.mkdir(parents=True, exist_ok=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n\n", "utf-8")
    (info / "entry_points.txt").write_text(
        "[dpa_policy]\n" + "".join(f"{entry} = {value}\n" for entry, value in entry_points.items()), "utf-8")
    return info
