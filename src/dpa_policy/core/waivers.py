"""Waivers: a district's accountable decision to accept a vendor's deviation, for a while.

Waivers live in a reviewed file (put it under CODEOWNERS), never in comments inside
agreements::

    waivers_version: 1
    waivers:
      - agreement: MDCPS-DSA-2024-0117        # the agreement's id, or its file path
        rule: sanitization-standard            # a code or a slug
        pointer: /clauses/disposal/sanitization/0   # optional: waive only this finding
        justification: Vendor is migrating to crypto-erase; contract amendment signed.
        approver: Dana Whitfield, General Counsel
        expires: 2026-12-31

Every field but ``pointer`` is required. A waived finding is still reported, marked as
waived, in every format (SARIF suppressions, JUnit skipped), and no longer fails the run.
The waiver file itself produces findings, located in it:

- DPA901 waiver-expired: past its date, the waiver no longer applies (error);
- DPA902 waiver-unmatched: its agreement was checked but nothing matched, or it names no
  agreement of the run although the whole folder it would live in was checked (warning);
- DPA903 waiver-expiring: it expires within the policy's warning window (warning);
- DPA904 waiver-not-allowed: the policy forbids waiving that rule or severity (error).

Input problems (DPA0xx) cannot be waived: an agreement that does not load was never checked.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import SetupError
from ..findings import INPUT_CODES, Finding, Position, Severity
from .loader import LoadFailed, load_text, read_text

WAIVER_CODES: dict[str, tuple[str, str, Severity]] = {
    "DPA901": ("waiver-expired", "A waiver is past its expiry date and no longer applies.", Severity.ERROR),
    "DPA902": ("waiver-unmatched", "A waiver matches no finding of an agreement that was checked, or no agreement "
                                   "of a folder that was checked.", Severity.WARNING),
    "DPA903": ("waiver-expiring", "A waiver expires within the policy's warning window.", Severity.WARNING),
    "DPA904": ("waiver-not-allowed", "The policy forbids waiving this rule or severity.", Severity.ERROR),
}


MAX_WARN_DAYS = 3650  # ten years


class WaiverError(SetupError):
    """The waivers file is unreadable or invalid (exit 2)."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class WaiverEntry(_Strict):
    agreement: Annotated[str, Field(min_length=1)]
    rule: Annotated[str, Field(min_length=1)]
    pointer: str | None = None
    justification: Annotated[str, Field(min_length=10)]
    approver: Annotated[str, Field(min_length=1)]
    expires: Annotated[date, Field(strict=False)]


class WaiversFile(_Strict):
    waivers_version: Literal[1]
    waivers: list[WaiverEntry]


class WaiverPolicy(BaseModel):
    """The ``waivers:`` section of a policy."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    #: Rule selectors (code, slug, prefix, tag:...) that may never be waived.
    forbidden_rules: list[str] = Field(default_factory=list)
    #: Severities that may never be waived.
    forbidden_severities: list[Literal["error", "warning", "info"]] = Field(default_factory=list)
    #: Warn this many days before a waiver expires.
    #: Bounded: the window becomes a timedelta, which overflows beyond 999,999,999 days, and a
    #: warning years ahead warns about every waiver at once.
    warn_days_before_expiry: int = Field(default=30, ge=0, le=MAX_WARN_DAYS)


@dataclass(frozen=True)
class Waiver:
    entry: WaiverEntry
    code: str  # the rule code the waiver names
    source: str  # the waivers file as shown
    position: Position

    def describe(self) -> str:
        return f"waived by {self.entry.approver} until {self.entry.expires}"


@dataclass
class WaiverSet:
    waivers: list[Waiver]
    source: str


def load_waivers(path: Path, registry) -> WaiverSet:
    shown = path.as_posix()
    if not os.path.lexists(path):
        raise WaiverError(f"waivers file not found: {shown}")
    try:
        loaded = load_text(read_text(path))
    except LoadFailed as failed:
        raise WaiverError(_join(shown, [(p.position, p.message) for p in failed.problems])) from None
    try:
        parsed = WaiversFile.model_validate(loaded.data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors(include_url=False):
            loc = tuple(error["loc"])
            where = loaded.source_map.key(loc) if error["type"] in ("missing", "extra_forbidden") else loaded.source_map.locate(loc)
            name = ".".join(str(p) for p in loc)
            message = "is not a known field" if error["type"] == "extra_forbidden" else error["msg"]
            if error["type"] == "missing":
                message = "is required: every waiver names agreement, rule, justification, approver and expires"
            problems.append((where, f"{name}: {message}"))
        raise WaiverError(_join(shown, problems)) from None
    waivers, problems = [], []
    for index, entry in enumerate(parsed.waivers):
        position = loaded.source_map.locate(("waivers", index))
        if entry.rule in INPUT_CODES or entry.rule in WAIVER_CODES:
            problems.append((position, f"waivers[{index}].rule: {entry.rule} cannot be waived "
                                       "(input problems mean the agreement was never checked)"))
            continue
        registered = registry.get(entry.rule)
        if registered is None:
            hint = registry.suggest(entry.rule)
            problems.append((loaded.source_map.locate(("waivers", index, "rule")),
                             f"waivers[{index}].rule: unknown rule {entry.rule!r}" + (f" (did you mean {hint!r}?)" if hint else "")))
            continue
        waivers.append(Waiver(entry, registered.code, shown, position))
    if problems:
        raise WaiverError(_join(shown, problems))
    return WaiverSet(waivers, shown)


def _join(shown: str, problems: list[tuple[Position, str]]) -> str:
    return "invalid waivers file:\n  " + "\n  ".join(f"{shown}:{p.line}:{p.column}: {m}" for p, m in sorted(problems))


def _matches_agreement(waiver: Waiver, path: str, agreement_id: str | None) -> bool:
    wanted = waiver.entry.agreement
    return wanted == agreement_id or Path(wanted).as_posix().removeprefix("./") == Path(path).as_posix().removeprefix("./")


def apply(report, waiver_set: WaiverSet, settings: WaiverPolicy, selector_codes, as_of: date,
          folders_checked: tuple[str, ...] = ()) -> None:
    """Mark waived findings in ``report`` and add the waiver file's own findings to it.

    ``settings`` is the base policy's waiver section; an agreement checked under a state
    pack uses its own policy's (packs may forbid more). ``selector_codes(selector)`` returns
    the rule codes a policy selector names. ``folders_checked`` are the folders the run
    searched whole: a waiver naming no agreement of the run is reported (DPA902) when the
    folder its agreement would be in is one of them (a run on files named one by one, as
    pre-commit makes, says nothing about the waivers of other files).
    """
    def forbidden_for(result) -> tuple[set[str], set[Severity]]:
        own = result.policy.waivers if result.policy is not None else settings
        codes = {code for selector in own.forbidden_rules for code in selector_codes(selector)}
        return codes, {Severity.parse(s) for s in own.forbidden_severities}

    used: set[int] = set()
    meta: list[Finding] = []
    reported_forbidden: set[int] = set()

    for result in report.results:
        if result.summary is None:
            continue
        agreement_id = result.summary.id
        # Only the few agreements a waiver names are read back (a large run keeps its findings on disk).
        candidates = [(number, waiver) for number, waiver in enumerate(waiver_set.waivers)
                      if _matches_agreement(waiver, result.path, agreement_id)]
        if not candidates:
            continue
        forbidden_codes, forbidden_severities = forbidden_for(result)
        for i, finding in enumerate(result.findings):
            for number, waiver in candidates:
                if waiver.code != finding.code:
                    continue
                if waiver.entry.pointer is not None and waiver.entry.pointer != finding.pointer:
                    continue
                used.add(number)
                if waiver.entry.expires < as_of:
                    continue  # DPA901 below; the finding counts again
                if finding.code in forbidden_codes or finding.severity in forbidden_severities:
                    if number not in reported_forbidden:
                        reported_forbidden.add(number)
                        why = ("rule " + finding.code) if finding.code in forbidden_codes else f"{finding.severity} findings"
                        meta.append(_meta(waiver, "DPA904", f"the policy forbids waiving {why}; "
                                                            f"the finding at {finding.file}:{finding.line} still counts"))
                    continue
                result.findings[i] = dataclasses.replace(finding, waiver=waiver)
                break

    checked = {(r.path, r.summary.id if r.summary else None) for r in report.results}
    for number, waiver in enumerate(waiver_set.waivers):
        expires = waiver.entry.expires
        if expires < as_of:
            meta.append(_meta(waiver, "DPA901", f"waiver for {waiver.code} on {waiver.entry.agreement!r} expired on "
                                                f"{expires} (approved by {waiver.entry.approver}); it no longer applies"))
            continue
        if number not in used and any(_matches_agreement(waiver, path, aid) for path, aid in checked):
            meta.append(_meta(waiver, "DPA902", f"waiver for {waiver.code} on {waiver.entry.agreement!r} matches no finding; "
                                                "remove it, or check its rule and pointer"))
        elif number not in used and (searched := _searched_folders(waiver, folders_checked)):
            meta.append(_meta(waiver, "DPA902", f"waiver for {waiver.code} on {waiver.entry.agreement!r} names no agreement "
                                                f"checked in {', '.join(searched)}{_closest(waiver, checked)}; "
                                                "correct its agreement, or remove it"))
        if expires - as_of <= timedelta(days=settings.warn_days_before_expiry):
            days = (expires - as_of).days
            meta.append(_meta(waiver, "DPA903", f"waiver for {waiver.code} on {waiver.entry.agreement!r} expires on "
                                                f"{expires} (in {days} day{'s' if days != 1 else ''}); renew or fix the agreement"))
    report.waiver_findings = sorted(meta, key=Finding.sort_key)


def _names_a_file(waiver: Waiver) -> bool:
    wanted = waiver.entry.agreement
    return "/" in wanted or wanted.endswith((".yaml", ".yml"))


def _searched_folders(waiver: Waiver, folders_checked: tuple[str, ...]) -> list[str]:
    """The folders checked whole that the waiver's agreement would be in: for a file path,
    the ones holding its folder; for an id, which could be anywhere, every one."""
    if not _names_a_file(waiver):
        return list(folders_checked)
    home = os.path.realpath(Path(waiver.entry.agreement).parent)

    def holds(folder: str) -> bool:
        try:
            return os.path.commonpath([os.path.realpath(folder), home]) == os.path.realpath(folder)
        except ValueError:  # another drive
            return False

    return [folder for folder in folders_checked if holds(folder)]


def _closest(waiver: Waiver, checked: set[tuple[str, str | None]]) -> str:
    """' (did you mean 'X'?)' for the agreement id (or path) of the run closest to the one named."""
    names = sorted({path for path, _ in checked} if _names_a_file(waiver) else {aid for _, aid in checked if aid})
    close = difflib.get_close_matches(waiver.entry.agreement, names, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _meta(waiver: Waiver, code: str, message: str) -> Finding:
    slug, _, severity = WAIVER_CODES[code]
    return Finding(waiver.source, waiver.position.line, waiver.position.column, code, slug, severity, message,
                   pointer="", observed=str(waiver.entry.expires), required=None, layer="")


__all__ = ["WAIVER_CODES", "Waiver", "WaiverError", "WaiverPolicy", "WaiverSet", "apply", "load_waivers"]
