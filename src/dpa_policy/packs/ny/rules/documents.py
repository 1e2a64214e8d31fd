"""NYS3xx: documents every New York contract must include (8 NYCRR 121.3, 121.6)."""

from __future__ import annotations

from typing import Iterator

from ....findings import Violation
from ....model.agreement import Agreement
from ....rule import Rule, RuleOptions

from ._common import attachment_kinds, attachment_missing

PLAN = "data_security_and_privacy_plan"
BILL_OF_RIGHTS = "parents_bill_of_rights"
SUPPLEMENTAL = "supplemental_information"


class NyDataSecurityPrivacyPlan(Rule):
    """Every contract must include the contractor's data security and privacy plan.

    What it checks
        ``attachments`` lists an attachment of kind ``data_security_and_privacy_plan``. An
        agreement with no attachments, or with other kinds only (an NDPA Exhibit F
        ``security_narrative``, an ``incident_response_plan``), is a finding: those are not
        the plan that 121.6(a) describes. A clause citation that merely mentions a plan does
        not count; list the plan under ``attachments`` with its citation.

    Why it matters
        The plan is where the contractor commits, in the contract itself, to its safeguards,
        staff training, subcontractor management, incident handling and what happens to the
        data at the end. Without it the district has no contractual text to hold those to.

    Legal basis (confidence as in DOMAIN.md §0, §2.1)
        - 8 NYCRR 121.6(a): each contract with a third-party contractor includes a data
          security and privacy plan [P]. The plan must (1) implement state, federal and local
          requirements consistent with the agency's policy, (2) list administrative,
          operational and technical safeguards, (3) comply with 121.3(c), (4) describe
          training of staff with access, (5) describe subcontractor management, (6) describe
          incident management, breach identification and prompt notification, and (7) state
          whether, how and when data is returned, transitioned, deleted or destroyed at
          termination or expiry [P].
        - The agreement format records that the plan is attached, not what it says, so this
          rule cannot check items (1)-(7); counsel reviews the plan's contents.

    Options
        none.

    Passing example::

        attachments:
          - kind: data_security_and_privacy_plan
            citation: Exhibit C
            title: Data Security and Privacy Plan

    Failing example (only an NDPA Exhibit F security narrative is attached)::

        attachments:
          - kind: security_narrative
            citation: Exhibit F
    """

    code = "NYS301"
    slug = "ny-data-security-privacy-plan"
    tags = ("ny",)

    def check(self, agreement: Agreement, options: RuleOptions) -> Iterator[Violation]:
        if PLAN not in attachment_kinds(agreement):
            yield attachment_missing(agreement, PLAN, "a data security and privacy plan (8 NYCRR 121.6(a))")

    def model_clause(self, options: RuleOptions) -> str:
        return ("Provider's data security and privacy plan, attached to this Agreement, is part of it. The plan "
                "sets out how Provider implements the state, federal, and local data security and privacy "
                "requirements that apply to Student Data, consistent with the LEA's policy; its administrative, "
                "operational, and technical safeguards; the training of its staff who have access to Student Data; "
                "how it manages its subcontractors; how it manages incidents and identifies and promptly reports "
                "breaches; and whether, how, and when it returns, transfers, deletes, or destroys Student Data when "
                "this Agreement ends.")


class NyParentsBillOfRights(Rule):
    """Every contract must include the Parents' Bill of Rights and its supplemental information.

    What it checks
        ``attachments`` lists an attachment of kind ``parents_bill_of_rights`` and, when
        ``require_supplemental_information`` is true (the default), one of kind
        ``supplemental_information``. Each missing attachment is its own finding. When one
        document holds both (districts often append the supplemental information to the Bill
        of Rights), list it twice, once per kind, with the same citation.

    Why it matters
        The Bill of Rights tells parents what the law promises them: that student data is
        not sold or released for a commercial purpose, that it is safeguarded, and that they
        are told of a breach. The supplemental information is the contract-specific part:
        what this vendor uses the data for, where it is stored, how it is encrypted and what
        happens to it when the contract ends.

    Legal basis (confidence as in DOMAIN.md §2.1)
        - 8 NYCRR 121.3: the Parents' Bill of Rights is published on the educational
          agency's website and included with every contract under which a contractor
          receives student data or teacher and principal (APPR) data [P/S: NYSED's own page
          is primary; the regulation text was read through a page quoting it].
        - 8 NYCRR 121.3(c): each contract also carries supplemental information on (1) the
          exclusive purposes of data use, (2) how subcontractors abide by the data protection
          requirements, (3) duration, expiry and what happens to the data then, (4) how to
          challenge the data's accuracy, (5) where data is stored and how it is protected,
          and (6) how it is encrypted in motion and at rest [P/S, quoted by a secondary page].

    Options
        ``require_supplemental_information`` (default true): also require the supplemental
        information attachment.

    Passing example::

        attachments:
          - kind: parents_bill_of_rights
            citation: Exhibit A
          - kind: supplemental_information
            citation: Exhibit A, Supplemental Information

    Failing example (the Bill of Rights without the supplemental information)::

        attachments:
          - kind: parents_bill_of_rights
            citation: Exhibit A
    """

    code = "NYS302"
    slug = "ny-parents-bill-of-rights"
    tags = ("ny",)

    class Options(RuleOptions):
        require_supplemental_information: bool = True

    def check(self, agreement: Agreement, options: Options) -> Iterator[Violation]:
        kinds = attachment_kinds(agreement)
        if BILL_OF_RIGHTS not in kinds:
            yield attachment_missing(agreement, BILL_OF_RIGHTS,
                                     "the Parents' Bill of Rights included with the contract (8 NYCRR 121.3)")
        if options.require_supplemental_information and SUPPLEMENTAL not in kinds:
            yield attachment_missing(agreement, SUPPLEMENTAL,
                                     "supplemental information about the contract (8 NYCRR 121.3(c))")

    def model_clause(self, options: Options) -> str:
        text = "The LEA's Parents' Bill of Rights for Data Privacy and Security is attached to and part of this Agreement."
        if options.require_supplemental_information:
            text += (" So is the supplemental information about this Agreement, which states the exclusive purposes "
                     "for which Provider uses Student Data; how Provider's subcontractors will meet the data "
                     "protection requirements; when this Agreement expires and what happens to Student Data then; "
                     "how a parent or eligible student may challenge the accuracy of the data; where the data is "
                     "stored and how it is protected; and how it is encrypted in motion and at rest.")
        return text


RULES = [NyDataSecurityPrivacyPlan, NyParentsBillOfRights]
