"""Violations shared by the New York rules: missing attachments. Absent clauses and unstated
terms use dpa_policy.rule's clause_absent and term_not_stated, as the built-in rules do.

A clause that is absent, a term that is not stated and an attachment that is not listed are
each a finding: silence in a contract is never a pass.
"""

from __future__ import annotations

from ....findings import Violation
from ....model.agreement import Agreement


ATTACHMENT_LABELS = {
    "parents_bill_of_rights": "Parents' Bill of Rights for Data Privacy and Security",
    "supplemental_information": "supplemental information about the agreement",
    "data_security_and_privacy_plan": "data security and privacy plan",
}


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
