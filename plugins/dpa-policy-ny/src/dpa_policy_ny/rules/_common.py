"""Violations shared by the New York rules, worded like the built-in rules' (dpa_policy.rules._common).

A clause that is absent, a term that is not stated and an attachment that is not listed are
each a finding: silence in a contract is never a pass.
"""

from __future__ import annotations

from dpa_policy import Violation
from dpa_policy.model.agreement import Agreement
from dpa_policy.rule import clause_path

LABELS = {
    "breach_notification": "breach notification",
    "data_use": "data use",
    "security": "data security",
}

ATTACHMENT_LABELS = {
    "parents_bill_of_rights": "Parents' Bill of Rights for Data Privacy and Security",
    "supplemental_information": "supplemental information about the agreement",
    "data_security_and_privacy_plan": "data security and privacy plan",
}


def clause_absent(clause: str, required: str) -> Violation:
    return Violation(
        clause_path(clause),
        f"the agreement has no {LABELS[clause]} clause (clauses.{clause}); a missing clause is never a pass",
        observed="absent",
        required=required,
    )


def term_not_stated(clause: str, term: str, what: str, required: str) -> Violation:
    return Violation(
        clause_path(clause, term),
        f"the {LABELS[clause]} clause does not state {what} ({term} is absent)",
        observed="not stated",
        required=required,
    )


def attachment_kinds(agreement: Agreement) -> list[str]:
    return [attachment.kind for attachment in agreement.attachments]


def attachment_missing(agreement: Agreement, kind: str, required: str) -> Violation:
    """The agreement lists no attachment of ``kind``; points at ``/attachments``."""
    kinds = attachment_kinds(agreement)
    listed = f"it lists {', '.join(kinds)}" if kinds else "it lists no attachments"
    return Violation(
        ("attachments",),
        f"the agreement does not include the {ATTACHMENT_LABELS[kind]} (no attachment of kind {kind}; "
        f"{listed}); a missing attachment is never a pass",
        observed=", ".join(kinds) or "no attachments",
        required=required,
    )
