"""``dpa-policy diff``: what changed between two versions of an agreement, and what it means.

The comparison is semantic: the two agreements are loaded into the models and compared term
by term, never as text. Every change is classified from the district's point of view:

- ``WEAKENED``: an obligation the vendor owed is weaker or gone (a longer breach window, a
  later trigger, a prohibition or certification lost, a clause removed...);
- ``EXPANDED``: more data is shared or used (a data element, purpose or subprocessor added;
  sensitive elements say so);
- ``CHANGED``: neutral (a party's contact, the expiry date, a clause's wording alone);
- ``STRENGTHENED``: an obligation is stronger or new;
- ``NARROWED``: less data is shared or used.

Durations compare conservatively, as everywhere in this checker: a new window is weakened
unless it provably fits in the old one (``Duration.within``), so "72 hours" to "3 business
days" is weakened (3 business days can span 5 calendar days).

Both versions are also checked with the same policy (each resolved for its own governing
state), and every rule whose verdict flipped between pass and fail is listed with its
findings.

The heavy modules (models, engine) are imported when a diff runs, not when the command line
is built, so ``dpa-policy --help`` stays fast.
"""

from __future__ import annotations

import argparse
import enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, NamedTuple, Sequence, TextIO

from .errors import UsageError
from .report import ExitCode

if TYPE_CHECKING:  # pragma: no cover
    from .document import AgreementDocument
    from .engine import RuleCrash
    from .findings import Finding, InputProblem, Severity
    from .model.agreement import Agreement
    from .model.duration import Duration
    from .policy import PolicySet

DESCRIPTION = """\
Compare two versions of an agreement: which obligations changed, and which rule verdicts
flipped. Give two files (OLD NEW), or --rev REV and one file to compare it with its version
at a git revision. Each change is one line, classified from the district's point of view:
WEAKENED, EXPANDED (more data shared), CHANGED (neutral), STRENGTHENED, NARROWED (less data);
rules that went from pass to fail are NOW-FAILS lines, the reverse NOW-PASSES."""

EPILOG = """\
exit codes:
  0  no obligation weakened and no rule newly failing at or above --fail-on
  1  an obligation weakened, a rule now fails, or either file cannot be read, parsed or
     validated (its problems, DPA001-DPA007, are listed and nothing is compared)
  2  the run could not be set up: bad flag, file not found, invalid policy, plugin
     failure, git could not give the file at --rev, or --output would overwrite an
     input (either agreement or the policy)
  3  internal error: a rule crashed, or dpa-policy itself failed
"""


def add_parser(sub: Any, parents: list[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    """Register ``diff`` on the CLI's subcommand parsers."""
    parser = sub.add_parser(
        "diff", help="compare two versions of an agreement: obligations changed, verdicts flipped",
        description=DESCRIPTION, epilog=EPILOG, parents=parents,
        usage="dpa-policy diff [options] OLD NEW\n       dpa-policy diff [options] --rev REV PATH",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="OLD NEW: two agreement files; with --rev, the one file to compare")
    parser.add_argument("--rev", metavar="REV",
                        help="compare FILE with its version at git revision REV (HEAD, main, a1b2c3d...)")
    parser.add_argument("--format", default="text", choices=("text", "markdown"),
                        help="text (one change per line, default) or markdown (tables for a pull request)")
    parser.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of standard output")
    parser.add_argument("--fail-on", default="error", choices=("error", "warning"),
                        help="lowest severity of a newly failing rule that fails the run (default: error)")
    return parser


# ------------------------------------------------------------------------------- the model
class Impact(enum.IntEnum):
    """How a change affects the district; the order is the report's order."""

    WEAKENED = 0
    EXPANDED = 1
    CHANGED = 2
    STRENGTHENED = 3
    NARROWED = 4


# NamedTuples and a plain class, not dataclasses: the CLI imports this module to build its
# parser, and three dataclass definitions would cost every `dpa-policy` run a few milliseconds.
class Change(NamedTuple):
    impact: Impact
    path: str
    #: Rendered values. ``old`` None: a member was added; ``new`` None: a member was removed.
    old: str | None
    new: str | None
    note: str = ""
    #: Document order, to keep the report stable within one impact.
    order: int = 0
    #: Replaces "old -> new" in text output (a wording change shows the phrases that differ).
    summary: str = ""

    def describe(self) -> str:
        if self.summary:
            return self.summary
        if self.old is None:
            return f"added {self.new}"
        if self.new is None:
            return f"removed {self.old}"
        return f"{self.old} -> {self.new}"


class Flip(NamedTuple):
    """A rule whose verdict changed between the two versions."""

    code: str
    slug: str
    was: str  # "pass", "fail" or "not applied"
    now: str
    #: The new version's findings when the rule now fails; the old one's when it now passes.
    findings: tuple["Finding", ...]

    @property
    def to_fail(self) -> bool:
        return self.now == "fail"

    @property
    def severity(self) -> "Severity":
        return max(f.severity for f in self.findings)


class DiffReport:
    def __init__(self, old: str, new: str, policy: str, fail_on: "Severity") -> None:
        self.old, self.new, self.policy, self.fail_on = old, new, policy, fail_on
        self.changes: list[Change] = []
        self.flips: list[Flip] = []
        self.still_failing: list[str] = []
        #: (display, problem) for a file that could not be loaded: nothing is compared then.
        self.problems: list[tuple[str, "InputProblem"]] = []
        self.crashes: list["RuleCrash"] = []

    def count(self, impact: Impact) -> int:
        return sum(1 for c in self.changes if c.impact is impact)

    def failing_flips(self) -> list[Flip]:
        """Rules that now fail at or above --fail-on: these fail the run."""
        return [f for f in self.flips if f.to_fail and f.severity >= self.fail_on]

    def exit_code(self) -> int:
        if self.crashes:
            return ExitCode.INTERNAL_ERROR
        if self.problems or self.count(Impact.WEAKENED) or self.failing_flips():
            return ExitCode.FINDINGS
        return ExitCode.OK


# ------------------------------------------------------------------------------ comparison
def _show(value: Any) -> str:
    if value is None:
        return "not stated"
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)


class _Changes:
    def __init__(self) -> None:
        self.items: list[Change] = []

    def add(self, impact: Impact, path: str, old: str | None, new: str | None, note: str = "",
            summary: str = "") -> None:
        self.items.append(Change(impact, path, old, new, note, len(self.items), summary))

    def commitment(self, path: str, old: bool | None, new: bool | None, *, burden: bool = False,
                   note: str = "") -> None:
        """A yes/no term. A commitment (``burden`` False) counts only when true: losing it is
        weakened whether it becomes false or unstated. A burden on the district (a
        confidentiality agreement before an audit) is the reverse."""
        if old == new:
            return
        was, now = old is True, new is True
        if was == now:  # false <-> not stated: neither commits to anything
            impact = Impact.CHANGED
        elif burden:
            impact = Impact.WEAKENED if now else Impact.STRENGTHENED
        else:
            impact = Impact.STRENGTHENED if now else Impact.WEAKENED
        self.add(impact, path, _show(old), _show(new), note if impact is not Impact.CHANGED else "")

    def ranked(self, path: str, old: Any, new: Any, rank: Callable[[Any], float], *, note_worse: str = "",
               note_better: str = "", render: Callable[[Any], str] = _show) -> None:
        """An ordered term; ``rank`` is lower for what is better for the district."""
        if old == new:
            return
        before, after = rank(old), rank(new)
        if after > before:
            self.add(Impact.WEAKENED, path, render(old), render(new), note_worse)
        elif after < before:
            self.add(Impact.STRENGTHENED, path, render(old), render(new), note_better)
        else:
            self.add(Impact.CHANGED, path, render(old), render(new))

    def duration(self, path: str, old: "Duration | None", new: "Duration | None", *,
                 unstated_is_best: bool = False) -> None:
        """A window: longer is weaker, judged conservatively. An unstated window is the worst
        (no deadline) unless ``unstated_is_best`` (an audit notice the district need not give)."""
        if old == new:
            return
        if old is None or new is None:
            gained = new is not None
            better = (not gained) if unstated_is_best else gained
            self.add(Impact.STRENGTHENED if better else Impact.WEAKENED, path, _show(old), _show(new),
                     _bound_note(new) if new is not None else "")
            return
        if not new.within(old):
            self.add(Impact.WEAKENED, path, str(old), str(new), _longer_note(old, new))
        elif not old.within(new):
            self.add(Impact.STRENGTHENED, path, str(old), str(new))
        else:
            self.add(Impact.CHANGED, path, str(old), str(new), "the same length")

    def members(self, path: str, old: Iterable[str], new: Iterable[str], *, added: Impact, removed: Impact,
                note: Callable[[str], str] = lambda item: "") -> None:
        """List terms compared as sets; reported in each list's own order."""
        old_items, new_items = list(dict.fromkeys(old)), list(dict.fromkeys(new))
        for item in old_items:
            if item not in new_items:
                self.add(removed, path, item, None, note(item))
        for item in new_items:
            if item not in old_items:
                self.add(added, path, None, item, note(item))

    def tree(self, path: str, old: Any, new: Any) -> None:
        """Neutral descriptive data (parties, term, products): every leaf that differs."""
        if isinstance(old, dict) or isinstance(new, dict):
            old = old if isinstance(old, dict) else {}
            new = new if isinstance(new, dict) else {}
            for key in dict.fromkeys([*old, *new]):
                self.tree(f"{path}.{key}", old.get(key), new.get(key))
        elif old != new:
            if isinstance(old, list) or isinstance(new, list):
                self.members(path, [_show(v) for v in old or []], [_show(v) for v in new or []],
                             added=Impact.CHANGED, removed=Impact.CHANGED)
            else:
                self.add(Impact.CHANGED, path, _show(old), _show(new))


def _bound_note(duration: "Duration") -> str:
    if duration.unit.value == "business days":
        return f"up to {duration.max_hours() // 24} calendar days once weekends are counted"
    return ""


def _longer_note(old: "Duration", new: "Duration") -> str:
    note = _bound_note(new)
    if note:
        return note
    if old.unit is not new.unit:  # e.g. 5 business days -> 6 calendar days
        return f"{old} can be as short as {old.min_hours() // 24} calendar days"
    return ""


_TRIGGER_RANK = {"incident": 0, "discovery": 1, "confirmation": 2, "determination": 2, None: 3}
_REDISCLOSURE_RANK = {"prohibited_without_consent": 0, "to_subprocessors_only": 1, "permitted": 2, None: 2}
_PROHIBITIONS = ("sale", "targeted_advertising", "marketing", "non_educational_profiling",
                 "commercial_product_development")
_MEDIA = ("magnetic", "flash", "optical", "paper", "unspecified")
_SUBJECTS = ("student", "parent_guardian", "staff")
_CLAUSES = ("ownership", "breach_notification", "audit", "data_use", "disposal", "security",
            "subprocessors", "legal_compliance")


def compare(old: "Agreement", new: "Agreement") -> list[Change]:
    """Every change from ``old`` to ``new``, weakened first, then in document order."""
    d = _Changes()
    d.tree("id", old.id, new.id)
    d.tree("title", old.title, new.title)
    d.tree("parties", old.parties.model_dump(mode="json"), new.parties.model_dump(mode="json"))
    _products(d, old, new)
    before = len(d.items)
    d.tree("term", old.term.model_dump(mode="json"), new.term.model_dump(mode="json"))
    if old.term.governing_state != new.term.governing_state:
        d.items[before:] = [
            c._replace(note="each version is checked with its own state's rules")
            if c.path == "term.governing_state" else c
            for c in d.items[before:]
        ]
    _data(d, old, new)
    for name in _CLAUSES:
        _clause(d, name, getattr(old.clauses, name), getattr(new.clauses, name))
    d.members("attachments", [_attachment(a) for a in old.attachments], [_attachment(a) for a in new.attachments],
              added=Impact.CHANGED, removed=Impact.CHANGED)
    return sorted(d.items, key=lambda c: (c.impact, c.order))


def _products(d: _Changes, old: "Agreement", new: "Agreement") -> None:
    olds = {p.name: p.model_dump(mode="json") for p in old.products}
    news = {p.name: p.model_dump(mode="json") for p in new.products}
    d.members("products", list(olds), list(news), added=Impact.CHANGED, removed=Impact.CHANGED)
    for name, product in olds.items():
        if name in news:
            for key in ("description", "website"):
                d.tree(f"products[{name}].{key}", product.get(key), news[name].get(key))


def _attachment(attachment: Any) -> str:
    text = f"{attachment.kind} ({attachment.citation})"
    return text + (f": {attachment.title}" if attachment.title else "")


def _data(d: _Changes, old: "Agreement", new: "Agreement") -> None:
    from .model.vocabulary import ELEMENTS

    def element_note(key: str) -> str:
        element = ELEMENTS[key]
        return ("sensitive: " if element.sensitive else "") + element.label

    for subject in _SUBJECTS:
        before, after = getattr(old.data, subject), getattr(new.data, subject)
        path = f"data.{subject}"
        for term, note in (("elements", element_note),
                           ("other_elements", lambda item: "free text, not in the vocabulary"),
                           ("purposes", lambda item: "")):
            d.members(f"{path}.{term}", getattr(before, term, None) or [], getattr(after, term, None) or [],
                      added=Impact.EXPANDED, removed=Impact.NARROWED, note=note)


def _normalized(text: str) -> str:
    return " ".join(text.split())


def _clause(d: _Changes, name: str, old: Any, new: Any) -> None:
    path = f"clauses.{name}"
    if old is None and new is None:
        return
    if new is None:
        d.add(Impact.WEAKENED, path, f"the clause ({old.citation})", None)
        return
    if old is None:
        d.add(Impact.STRENGTHENED, path, None, f"the clause ({new.citation})")
        return
    before = len(d.items)
    _TERMS[name](d, path, old, new)
    structured = any(not c.path.endswith(".citation") for c in d.items[before:])
    if old.citation != new.citation:
        d.add(Impact.CHANGED, f"{path}.citation", old.citation, new.citation)
    if not structured and _normalized(old.text) != _normalized(new.text):
        was, now, summary = _wording(old.text, new.text)
        d.add(Impact.CHANGED, f"{path}.text", was, now,
              "no structured term changed; counsel should read the clause", summary=f"wording changed: {summary}")


def _wording(old: str, new: str, hunks: int = 2, width: int = 60) -> tuple[str, str, str]:
    """The first phrases that differ, word by word, as (old side, new side, one-line summary):
    '"seventy-two (72) hours" -> "ten (10) business days"'."""
    import difflib

    a, b = _normalized(old).split(), _normalized(new).split()

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


def _ownership(d: _Changes, path: str, old: Any, new: Any) -> None:
    for term in ("district_owns", "district_controls", "vendor_rights_limited_to_service"):
        d.commitment(f"{path}.{term}", getattr(old, term), getattr(new, term))


def _breach(d: _Changes, path: str, old: Any, new: Any) -> None:
    d.duration(f"{path}.window", old.window, new.window)
    d.ranked(f"{path}.trigger", old.trigger, new.trigger, _TRIGGER_RANK.__getitem__,
             note_worse="the clock starts later", note_better="the clock starts earlier")
    d.members(f"{path}.recipients", old.recipients, new.recipients,
              added=Impact.STRENGTHENED, removed=Impact.WEAKENED)
    d.members(f"{path}.contents", old.contents, new.contents, added=Impact.STRENGTHENED, removed=Impact.WEAKENED)
    d.commitment(f"{path}.incident_response_plan", old.incident_response_plan, new.incident_response_plan)


def _audit(d: _Changes, path: str, old: Any, new: Any) -> None:
    d.commitment(f"{path}.district_may_audit", old.district_may_audit, new.district_may_audit)
    # No per_year limit stated: the district may audit as often as it needs.
    d.ranked(f"{path}.per_year", old.per_year, new.per_year,
             lambda n: -float("inf") if n is None else -n,
             render=lambda n: "no limit stated" if n is None else str(n),
             note_worse="fewer audits a year", note_better="more audits a year")
    d.commitment(f"{path}.after_unauthorized_access", old.after_unauthorized_access, new.after_unauthorized_access)
    d.duration(f"{path}.notice", old.notice, new.notice, unstated_is_best=True)
    d.commitment(f"{path}.confidentiality_agreement_required", old.confidentiality_agreement_required,
                 new.confidentiality_agreement_required, burden=True,
                 note="a condition on the district's audits")


def _data_use(d: _Changes, path: str, old: Any, new: Any) -> None:
    d.members(f"{path}.permitted_purposes", old.permitted_purposes, new.permitted_purposes,
              added=Impact.EXPANDED, removed=Impact.NARROWED)
    for term in _PROHIBITIONS:
        d.commitment(f"{path}.prohibits.{term}", getattr(old.prohibits, term, None),
                     getattr(new.prohibits, term, None))
    d.members(f"{path}.carve_outs", old.carve_outs, new.carve_outs,
              added=Impact.WEAKENED, removed=Impact.STRENGTHENED,
              note=lambda item: "an exception to the prohibitions")
    d.ranked(f"{path}.redisclosure", old.redisclosure, new.redisclosure, _REDISCLOSURE_RANK.__getitem__,
             note_worse="more permissive", note_better="more restrictive")


def _disposal(d: _Changes, path: str, old: Any, new: Any) -> None:
    for term in ("on_request", "at_termination"):
        before, after = getattr(old, term), getattr(new, term)
        d.duration(f"{path}.{term}.within", getattr(before, "within", None), getattr(after, "within", None))
        d.tree(f"{path}.{term}.citation", getattr(before, "citation", None), getattr(after, "citation", None))
    d.commitment(f"{path}.return_before_disposal", old.return_before_disposal, new.return_before_disposal)
    _sanitization(d, f"{path}.sanitization", old.sanitization, new.sanitization)
    d.commitment(f"{path}.written_certification", old.written_certification, new.written_certification)


def _sanitization(d: _Changes, path: str, old: Sequence[Any], new: Sequence[Any]) -> None:
    """Per media: the level committed is the weakest entry's (the vendor may use any of them),
    each entry judged as DPA502 judges it (the method's reach, capped by the level claimed)."""
    from .rules.disposal import _RANK, effective

    def entry(e: Any) -> str:
        extras = [f"{k}: {getattr(e, k)}" for k in ("level", "standard") if getattr(e, k) is not None]
        return e.method + (f" [{', '.join(extras)}]" if extras else "")

    def level(entries: list[Any]) -> str | None:
        return min((effective(e) for e in entries), key=lambda lvl: _RANK[lvl])

    def level_text(lvl: str | None) -> str:
        return f"NIST SP 800-88 {lvl.capitalize()}" if lvl else "no NIST SP 800-88 level"

    for media in _MEDIA:
        before = [e for e in old if e.media == media]
        after = [e for e in new if e.media == media]
        if before == after:
            continue
        where = f"{path}[{media}]"
        if not after:
            lost = level(before)
            d.add(Impact.WEAKENED if lost else Impact.CHANGED, where, "; ".join(map(entry, before)), None,
                  f"{media} media no longer covered ({level_text(lost)})")
            continue
        if not before:
            gained = level(after)
            d.add(Impact.STRENGTHENED if gained else Impact.CHANGED, where, None, "; ".join(map(entry, after)),
                  level_text(gained))
            continue
        was, now = level(before), level(after)
        impact = (Impact.WEAKENED if _RANK[now] < _RANK[was]
                  else Impact.STRENGTHENED if _RANK[now] > _RANK[was] else Impact.CHANGED)
        note = f"{level_text(was)} -> {level_text(now)}" if was != now else level_text(now)
        d.add(impact, where, "; ".join(map(entry, before)), "; ".join(map(entry, after)), note)


def _security(d: _Changes, path: str, old: Any, new: Any) -> None:
    from .model.vocabulary import SECURITY_FRAMEWORKS

    removed_all = bool(old.frameworks) and not new.frameworks
    d.members(f"{path}.frameworks", old.frameworks, new.frameworks,
              added=Impact.STRENGTHENED if not old.frameworks else Impact.CHANGED,
              removed=Impact.WEAKENED if removed_all else Impact.CHANGED,
              note=lambda key: SECURITY_FRAMEWORKS.get(key, ""))
    d.commitment(f"{path}.encryption_at_rest", old.encryption_at_rest, new.encryption_at_rest)
    d.commitment(f"{path}.encryption_in_transit", old.encryption_in_transit, new.encryption_in_transit)


def _subprocessors(d: _Changes, path: str, old: Any, new: Any) -> None:
    d.commitment(f"{path}.bound_no_less_stringent", old.bound_no_less_stringent, new.bound_no_less_stringent)
    d.members(f"{path}.named", old.named, new.named, added=Impact.EXPANDED, removed=Impact.NARROWED,
              note=lambda item: "a subprocessor that receives the data")


def _legal(d: _Changes, path: str, old: Any, new: Any) -> None:
    from .model.vocabulary import LAWS

    d.members(f"{path}.laws", old.laws, new.laws, added=Impact.STRENGTHENED, removed=Impact.WEAKENED,
              note=lambda key: LAWS.get(key, ""))
    d.members(f"{path}.other_laws", old.other_laws, new.other_laws,
              added=Impact.STRENGTHENED, removed=Impact.WEAKENED)


_TERMS: dict[str, Callable[[_Changes, str, Any, Any], None]] = {
    "ownership": _ownership,
    "breach_notification": _breach,
    "audit": _audit,
    "data_use": _data_use,
    "disposal": _disposal,
    "security": _security,
    "subprocessors": _subprocessors,
    "legal_compliance": _legal,
}


# -------------------------------------------------------------------------------- verdicts
def verdict_flips(old: "AgreementDocument", new: "AgreementDocument", policy_set: "PolicySet",
                  old_display: str, new_display: str) -> tuple[list[Flip], list[str], list["RuleCrash"]]:
    """Check both versions, each with the policy for its governing state; return the rules
    whose verdict flipped (newly failing first, then by code), the rules failing in both,
    and any rule crashes (a crashed rule has no verdict and is never a flip)."""
    from .engine import evaluate

    sides = []
    crashes = []
    for doc, display in ((old, old_display), (new, new_display)):
        policy = policy_set.for_agreement(doc.agreement)
        findings, crashed = evaluate(doc, policy, display)
        crashes.extend(crashed)
        by_code: dict[str, list] = {r.code: [] for r in policy.rules}
        for finding in findings:
            by_code[finding.code].append(finding)
        slugs = {r.code: r.slug for r in policy.rules}
        sides.append((by_code, slugs, {c.code for c in crashed}))
    (before, old_slugs, old_crashed), (after, new_slugs, new_crashed) = sides

    def verdict(by_code: dict[str, list], code: str) -> str:
        if code not in by_code:
            return "not applied"
        return "fail" if by_code[code] else "pass"

    flips, still = [], []
    for code in sorted(set(before) | set(after)):
        if code in old_crashed or code in new_crashed:
            continue
        was, now = verdict(before, code), verdict(after, code)
        slug = new_slugs.get(code) or old_slugs[code]
        if was == "fail" and now == "fail":
            still.append(code)
        elif now == "fail":
            flips.append(Flip(code, slug, was, now, tuple(sorted(after[code], key=lambda f: f.sort_key()))))
        elif was == "fail":
            flips.append(Flip(code, slug, was, now, tuple(sorted(before[code], key=lambda f: f.sort_key()))))
    flips.sort(key=lambda f: (not f.to_fail, f.code))
    return flips, still, sorted(crashes, key=lambda c: (c.file, c.code))


# ------------------------------------------------------------------------------- the run
def run_diff(args: argparse.Namespace, policy_set: "PolicySet", out: TextIO) -> int:
    """The ``dpa-policy diff`` command, from parsed arguments to exit code."""
    from .findings import Severity

    if args.rev is not None:
        if len(args.files) != 1:
            raise UsageError("diff --rev REV takes one agreement file: dpa-policy diff --rev REV PATH")
        new_path = _existing_file(args.files[0])
        old_display, raw = git_show(args.rev, new_path)
        old = _load_bytes(raw, old_display)
    else:
        if len(args.files) != 2:
            raise UsageError("diff takes two agreement files, OLD and NEW (or --rev REV and one file)")
        old_path, new_path = (_existing_file(f) for f in args.files)
        old_display = old_path.as_posix()
        old = _load_path(old_path)
    new_display = new_path.as_posix()
    if args.output:  # before anything is read or written: never overwrite what the user wrote
        from .output_guard import Inputs

        inputs = Inputs().add_file(new_path, "the agreement being compared").add_policy(policy_set)
        if args.rev is None:
            inputs.add_file(old_path, "the agreement being compared")
        inputs.refuse_file(Path(args.output), "--output")
    new = _load_path(new_path)

    report = build_report(old, new, old_display, new_display, policy_set, Severity.parse(args.fail_on))
    text = render_markdown(report) if args.format == "markdown" else render_text(report)
    if args.output:
        from .cli import write_atomic

        write_atomic(Path(args.output), text)
    else:
        out.write(text)
    return report.exit_code()


def build_report(old: "AgreementDocument | list[InputProblem]", new: "AgreementDocument | list[InputProblem]",
                 old_display: str, new_display: str, policy_set: "PolicySet", fail_on: "Severity") -> DiffReport:
    report = DiffReport(old_display, new_display, policy_set.name, fail_on)
    for loaded, display in ((old, old_display), (new, new_display)):
        if isinstance(loaded, list):
            report.problems.extend((display, p) for p in sorted(loaded))
    if report.problems:
        return report
    report.changes = compare(old.agreement, new.agreement)
    report.flips, report.still_failing, report.crashes = verdict_flips(old, new, policy_set, old_display, new_display)
    return report


def _existing_file(given: str) -> Path:
    path = Path(given)
    if not path.exists():
        raise UsageError(f"file not found: {given}")
    if not path.is_file():
        raise UsageError(f"not a file: {given} (diff compares one agreement file with another)")
    return path


def _load_path(path: Path) -> "AgreementDocument | list[InputProblem]":
    from .document import load_agreement

    return load_agreement(path)


def _load_bytes(raw: bytes, display: str) -> "AgreementDocument | list[InputProblem]":
    from .document import load_agreement_bytes

    return load_agreement_bytes(raw, Path(display))


def git_show(rev: str, path: Path) -> tuple[str, bytes]:
    """The content of ``path`` at git revision ``rev``, and how to name it (``REV:repo/path``).
    Any git failure is a usage error (exit 2) quoting git's own reason."""
    if not rev.strip() or rev.startswith("-"):
        raise UsageError(f"--rev {rev!r} is not a git revision")
    directory = path.resolve().parent
    top = _git(["rev-parse", "--show-toplevel"], directory, f"{path.as_posix()} is not in a git repository")
    root = Path(top.decode("utf-8", errors="replace").strip()).resolve()
    try:
        relative = path.resolve().relative_to(root).as_posix()
    except ValueError:
        raise UsageError(f"{path.as_posix()} is outside its git repository {root.as_posix()}") from None
    raw = _git(["show", f"{rev}:{relative}"], directory, f"cannot read {relative} at revision {rev!r}")
    return f"{rev}:{relative}", raw


def _git(arguments: list[str], cwd: Path, failure: str) -> bytes:
    import subprocess

    try:
        done = subprocess.run(["git", *arguments], cwd=cwd, capture_output=True, timeout=60, check=False)
    except FileNotFoundError:
        raise UsageError("--rev needs git, and no git command was found") from None
    except subprocess.TimeoutExpired:
        raise UsageError(f"{failure}: git {' '.join(arguments)} did not finish within 60 seconds") from None
    if done.returncode != 0:
        lines = [line.strip() for line in done.stderr.decode("utf-8", errors="replace").splitlines() if line.strip()]
        reason = next((line for line in lines if line.startswith("fatal:")), lines[0] if lines else "")
        reason = reason or f"exit status {done.returncode}"
        raise UsageError(f"{failure}: git {' '.join(arguments)}: {reason}")
    return done.stdout


# ------------------------------------------------------------------------------ reporting
def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else plural or word + 's'}"


def _problem_line(display: str, problem: "InputProblem") -> str:
    from .findings import INPUT_CODES
    from .reporters.inert import line_start, text

    slug = INPUT_CODES[problem.code][0]
    return (f"{line_start(display)}:{problem.position.line}:{problem.position.column}: {problem.code} [{slug}] "
            f"{text(problem.message)}")


def _flip_tag(flip: Flip) -> str:
    return "NOW-FAILS" if flip.to_fail else "NOW-PASSES"


def _flip_context(flip: Flip) -> str:
    if flip.was == "not applied":
        return " (not applied before)"
    if flip.now == "not applied":
        return " (no longer applied)"
    return ""


def render_text(report: DiffReport) -> str:
    """One change per line; every value made inert (reporters.inert), so a newline in a
    value or a file name cannot start a line of its own."""
    from .reporters.inert import line_start, text

    lines = [_problem_line(display, p) for display, p in report.problems]
    for change in report.changes:
        lines.append(text(f"{change.impact.name} {change.path}: {change.describe()}"
                          + (f" ({change.note})" if change.note else "")))
    for flip in report.flips:
        for f in flip.findings:
            marker = "" if f.severity >= report.fail_on else f" ({f.severity})"
            lines.append(text(f"{_flip_tag(flip)} {flip.code} [{flip.slug}]{_flip_context(flip)} "
                              f"{f.file}:{f.line}:{f.column}: {f.message}{marker}"))
    for crash in report.crashes:
        lines.append(f"{line_start(crash.file)}: internal error: rule {text(crash.code)} [{text(crash.slug)}] "
                     f"crashed: {text(crash.error)}")
    lines.append(_summary(report))
    return "\n".join(lines) + "\n"


def _summary(report: DiffReport) -> str:
    from .reporters.inert import line_start, text

    return line_start(report.old) + text(_summary_text(report)[len(report.old):])


def _summary_text(report: DiffReport) -> str:
    from .report import incomplete_note

    head = f"{report.old} -> {report.new}: "
    if report.problems:
        files = sorted({d for d, _ in report.problems}, key=[report.old, report.new].index)
        return (head + "cannot compare: " + " and ".join(files) + " cannot be loaded ("
                + _plural(len(report.problems), "input problem") + ").")
    if report.changes:
        counts = ", ".join(f"{report.count(i)} {i.name.lower()}" for i in Impact if report.count(i))
        text = head + _plural(len(report.changes), "change") + f" ({counts}); "
    else:
        text = head + "no changes; "
    to_fail = [f.code for f in report.flips if f.to_fail]
    to_pass = [f.code for f in report.flips if not f.to_fail]
    text += (_plural(len(to_fail), "rule") + " now " + ("fails" if len(to_fail) == 1 else "fail")
             + (f" ({', '.join(to_fail)})" if to_fail else "")
             + f", {len(to_pass)} now pass" + (f" ({', '.join(to_pass)})" if to_pass else ""))
    if report.still_failing:
        text += f", {len(report.still_failing)} fail in both ({', '.join(report.still_failing)})"
    if report.crashes:
        text += "; " + _plural(len(report.crashes), "internal error")
    note = incomplete_note(report.crashes)
    return text + "." + (f" {note}" if note else "") + f" Policy: {report.policy}."


def headline(report: DiffReport) -> str:
    """One line for the top of a pull-request comment."""
    if report.problems:
        return ("cannot compare: " + _plural(len(report.problems), "input problem")
                + " (the agreement must load before it can be compared)")
    parts = []
    weakened = report.count(Impact.WEAKENED)
    if weakened:
        parts.append(_plural(weakened, "obligation") + " weakened")
    expanded = [c for c in report.changes if c.impact is Impact.EXPANDED]
    if expanded:
        sensitive = sum(1 for c in expanded if c.note.startswith("sensitive"))
        parts.append("data sharing expanded (" + _plural(len(expanded), "addition")
                     + (f", {sensitive} sensitive" if sensitive else "") + ")")
    to_fail = [f for f in report.flips if f.to_fail]
    to_pass = [f for f in report.flips if not f.to_fail]
    if to_fail:
        parts.append(_plural(len(to_fail), "rule") + (" now fails" if len(to_fail) == 1 else " now fail"))
    if to_pass:
        parts.append(_plural(len(to_pass), "rule") + " now pass" + ("es" if len(to_pass) == 1 else ""))
    others = len(report.changes) - weakened - len(expanded)
    if others:
        parts.append(_plural(others, "other change"))
    if report.crashes:
        from .report import crashed_rules

        parts.append(_plural(len(report.crashes), "rule crash", "rule crashes") + " (incomplete: "
                     + ", ".join(crashed_rules(report.crashes)) + ")")
    return ", ".join(parts) if parts else "no change to obligations, data shared or rule verdicts"


def _md(text: str) -> str:
    """Plain text made safe for a Markdown table cell (see reporters.inert.markdown)."""
    from .reporters.inert import markdown

    return markdown(text)


def _code(text: str) -> str:
    """Text as a code span, safe in a table cell (see reporters.inert.markdown_code)."""
    from .reporters.inert import markdown_code

    return markdown_code(text)


_MD_IMPACT = {
    Impact.WEAKENED: "**weakened**",
    Impact.EXPANDED: "**expanded**",
    Impact.CHANGED: "changed",
    Impact.STRENGTHENED: "strengthened",
    Impact.NARROWED: "narrowed",
}


def render_markdown(report: DiffReport) -> str:
    lines = [f"**dpa-policy diff: {_md(headline(report))}**", "",
             f"{_code(report.old)} → {_code(report.new)}, policy: {_md(report.policy)}", ""]
    if report.problems:
        lines += ["| File | Line | Code | Problem |", "| --- | --- | --- | --- |"]
        from .findings import INPUT_CODES

        for display, p in report.problems:
            lines.append(f"| {_code(display)} | {p.position.line}:{p.position.column} | "
                         f"{p.code} {_code(INPUT_CODES[p.code][0])} | {_md(p.message)} |")
        return "\n".join(lines) + "\n"
    if report.changes:
        lines += ["#### Obligations and data", "", "| Impact | Term | Old | New | Note |", "| --- | --- | --- | --- | --- |"]
        for c in report.changes:
            lines.append(f"| {_MD_IMPACT[c.impact]} | {_code(c.path)} | {'—' if c.old is None else _md(c.old)} | "
                         f"{'—' if c.new is None else _md(c.new)} | {_md(c.note)} |")
        lines.append("")
    if report.flips:
        lines += ["#### Rule verdicts", "", "| Rule | Was | Now | Findings |", "| --- | --- | --- | --- |"]
        for flip in report.flips:
            findings = "<br>".join(f"{_code(f'{f.file}:{f.line}:{f.column}')} {_md(f.message)}"
                                   + ("" if f.severity >= report.fail_on else f" ({f.severity})")
                                   for f in flip.findings)
            now = f"**{flip.now}**" if flip.to_fail else flip.now
            lines.append(f"| {flip.code} {_code(flip.slug)} | {flip.was} | {now} | {findings} |")
        lines.append("")
    if report.still_failing:
        lines += [f"Failing in both versions: {', '.join(report.still_failing)}.", ""]
    if report.crashes:
        lines += ["#### Internal errors", ""]
        lines += [f"- {_code(c.file)}: rule {c.code} {_code(c.slug)} crashed: {_md(c.error)}" for c in report.crashes]
        lines.append("")
    if not report.changes and not report.flips:
        lines += ["No term changed and no rule verdict flipped.", ""]
    return "\n".join(lines).rstrip("\n") + "\n"
