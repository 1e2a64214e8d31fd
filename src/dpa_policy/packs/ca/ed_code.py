"""CAS1xx/5xx/8xx: California Education Code 49073.1 (AB 1584), the terms an LEA's contract
for digital pupil-record storage or educational software must contain.

49073.1(b) lists nine terms [S]; seven map to terms the agreement format records and are
checked here or by the SOPIPA rules (the ban on targeted advertising, (b)(9), is CAS401's).
Not checked: (b)(2), how pupils keep control of content they create (the format has no
"separate account" term), and (b)(6), procedures for notifying an affected parent or pupil of
an unauthorized disclosure (the format records whom the vendor notifies, not the district's
procedure to reach parents; under the NDPA the district notifies parents). Whether a contract
lacking the terms is voidable is unconfirmed [U] and no rule says so. Facts and confidence
come from DOMAIN.md §0 and §2.3.
"""

from __future__ import annotations

from typing import Iterator, Literal

from pydantic import Field

from ...findings import Violation
from ...model.agreement import Agreement
from ...model.vocabulary import LAWS
from ...rule import Rule, RuleOptions, clause_absent, clause_path
from .._common import Term, TermsRequiredRule, disposal_term_violations
from ...rules import drafting

ED_CODE = "Cal. Ed. Code 49073.1"

# ------------------------------------------------------------------------------ CAS1xx
_OWNS = Term("district_owns", "that pupil records remain the LEA's property", "the LEA does not own the pupil records",
             "pupil records remain the property of the LEA")
_CONTROLS = Term("district_controls", "that pupil records remain under the LEA's control",
                 "the LEA does not control the pupil records", "pupil records remain under the control of the LEA")


class CaPupilRecordsProperty(TermsRequiredRule):
    """California: pupil records remain the property of and under the control of the LEA.

    What it checks
        ``clauses.ownership`` states ``district_owns: true`` and ``district_controls:
        true``. Each term that is not stated or false is its own finding; an absent clause is
        one finding.

    Why it matters
        Ownership and control decide who may direct use, correction and deletion of pupil
        records; California makes both a required contract term.

    Legal basis (confidence as in DOMAIN.md §2.3)
        - Cal. Ed. Code 49073.1(b)(1): the contract states that pupil records continue to be
          the property of and under the control of the LEA [S, summaries of AB 1584; a
          district addendum's text is V].

    Options
        none.

    Passing example::

        ownership:
          citation: Article II, Section 1
          text: Pupil records continue to be the property of and under the control of the LEA.
          district_owns: true
          district_controls: true

    Failing example (control not stated)::

        ownership:
          citation: Section 3
          text: The LEA owns its pupil records.
          district_owns: true
    """

    code = "CAS101"
    slug = "ca-pupil-records-property"
    clause = "ownership"
    tags = ("ca",)
    TERMS = (_OWNS, _CONTROLS)
    BASIS = "Cal. Ed. Code 49073.1(b)(1)"
    ABSENT_REQUIRED = "pupil records remain the property of and under the control of the LEA"


_USE = Term("vendor_rights_limited_to_service", "that the vendor may use pupil records only for the contract",
            "the vendor gets rights beyond providing the service",
            "pupil records used only for the purposes of the contract")


class CaUseLimitedToContract(TermsRequiredRule):
    """California: the vendor may use pupil-record information only for the contract's purposes.

    What it checks
        ``clauses.ownership.vendor_rights_limited_to_service`` is true: the vendor gets no
        right to the data beyond what providing the contracted service needs. Not stated or
        false is a finding; an absent clause is one finding.

    Why it matters
        A vendor that may use pupil records "to improve its products" or "for any lawful
        purpose" can carry them into uses the LEA never agreed to.

    Legal basis (confidence as in DOMAIN.md §2.3)
        - Cal. Ed. Code 49073.1(b)(3): the contract prohibits the third party from using any
          information in the pupil record for any purpose other than those required or
          specifically permitted by the contract [S].

    Options
        none.

    Passing example::

        ownership:
          citation: Article II, Section 1
          text: Provider may use pupil records only to provide the Services under this DPA.
          district_owns: true
          district_controls: true
          vendor_rights_limited_to_service: true

    Failing example (a licence beyond the service)::

        ownership:
          citation: Section 3
          text: The LEA grants Vendor a licence to use pupil data to develop its products.
          district_owns: true
          district_controls: true
          vendor_rights_limited_to_service: false
    """

    code = "CAS102"
    slug = "ca-use-limited-to-contract"
    clause = "ownership"
    tags = ("ca",)
    TERMS = (_USE,)
    BASIS = "Cal. Ed. Code 49073.1(b)(3)"
    ABSENT_REQUIRED = "pupil records used only for the purposes of the contract"


_REVIEW = Term("parents_may_review", "that parents may review their child's records",
               "parents may not review their child's records", "parents may review their child's records")
_CORRECT = Term("correction", "that parents may have erroneous records corrected",
                "parents may not have erroneous records corrected", "parents may correct erroneous records")


class CaParentReviewCorrection(TermsRequiredRule):
    """California: the contract sets out how parents review and correct their child's records.

    What it checks
        ``clauses.parent_access`` is present and states ``parents_may_review: true`` and
        ``correction: true``. Each term that is not stated or false is its own finding; an
        absent clause is one finding. The time the vendor has to help (``window``) is not
        judged here: 49073.1 sets no number (the CA-NDPA form's 45 days is a form term [S]).

    Why it matters
        Parents (and pupils of 18 or older) have a right to see and correct their records;
        when the records sit with a vendor, the contract is what makes that right work.

    Legal basis (confidence as in DOMAIN.md §1.3, §2.3)
        - Cal. Ed. Code 49073.1(b)(4): a description of the procedures by which a parent,
          legal guardian or eligible pupil may review pupil records and correct erroneous
          information [S].
        - NDPA Art. II §2: parent access through the LEA, the Provider responding within 45
          days [V]; the CA-NDPA v1.5 says the same [S].

    Options
        none.

    Passing example::

        parent_access:
          citation: Article II, Section 2
          text: Parents may review their child's records and have errors corrected through
            the LEA; Provider responds within forty-five (45) days.
          parents_may_review: true
          window: 45 calendar days
          correction: true

    Failing example (review but no correction)::

        parent_access:
          citation: Section 6
          text: Parents may ask the school to see their child's data.
          parents_may_review: true
    """

    code = "CAS103"
    slug = "ca-parent-review-correction"
    clause = "parent_access"
    tags = ("ca",)
    TERMS = (_REVIEW, _CORRECT)
    BASIS = "Cal. Ed. Code 49073.1(b)(4)"
    ABSENT_REQUIRED = "procedures for parents to review and correct pupil records"


_BOUND = Term("employees_bound", "that staff with access are bound to keep the records confidential",
              "staff with access are not bound to confidentiality", "staff with access bound to confidentiality")
_TRAINED = Term("training_required", "that staff with access are trained",
                "staff with access need not be trained", "staff with access trained in privacy and security")


class CaSecurityConfidentiality(TermsRequiredRule):
    """California: the contract commits the vendor's staff to confidentiality and training.

    What it checks
        ``clauses.confidentiality`` is present and states ``employees_bound: true`` (the
        individuals with access are designated and bound) and ``training_required: true``.
        Each term that is not stated or false is its own finding; an absent clause is one
        finding. The vendor's technical safeguards are the built-in DPA601's check.

    Why it matters
        Most breaches of pupil records go through people: a contract that names no duty for
        the vendor's staff leaves the LEA without a remedy when one of them mishandles data.

    Legal basis (confidence as in DOMAIN.md §2.3)
        - Cal. Ed. Code 49073.1(b)(5): a description of the actions the third party will take
          to ensure the security and confidentiality of pupil records, including designating
          and training responsible individuals [S].
        - NDPA Art. IV §3 (employee obligation) is the NDPA's matching term [U].

    Options
        none.

    Passing example::

        confidentiality:
          citation: Article IV, Section 3
          text: Provider requires every employee with access to Student Data to sign a
            confidentiality agreement and to complete privacy and security training.
          employees_bound: true
          training_required: true

    Failing example (confidentiality without training)::

        confidentiality:
          citation: Section 7
          text: Vendor staff keep customer data confidential.
          employees_bound: true
    """

    code = "CAS104"
    slug = "ca-security-confidentiality"
    clause = "confidentiality"
    tags = ("ca",)
    TERMS = (_BOUND, _TRAINED)
    BASIS = "Cal. Ed. Code 49073.1(b)(5)"
    ABSENT_REQUIRED = "designated staff bound to confidentiality and trained"



# ------------------------------------------------------------------------------ CAS5xx
class CaNoRetentionCertification(Rule):
    """California: the vendor certifies that it keeps no pupil records after the contract ends.

    What it checks
        ``clauses.disposal.at_termination`` is present (the records are disposed of when the
        contract ends) and ``clauses.disposal.written_certification`` is true (the vendor
        certifies it). Each missing part is its own finding; an absent clause is one finding.

    Why it matters
        The certification is how the LEA knows, and can show, that pupil records are not
        still available to a vendor it no longer works with.

    Legal basis (confidence as in DOMAIN.md §0, §1.7, §2.3)
        - Cal. Ed. Code 49073.1(b)(7): a certification that pupil records will not be
          retained or available to the third party after the contract ends, and how that is
          enforced [S].
        - This is one of the places the written disposal certificate really comes from; the
          NDPA's Standard Clauses do not require one (DOMAIN.md §1.7).

    Options
        none.

    Passing example::

        disposal:
          citation: Article IV, Section 6
          text: Within sixty (60) days after this DPA ends Provider disposes of all pupil
            records and certifies in writing that none is retained.
          at_termination: {within: 60 calendar days}
          written_certification: true

    Failing example (disposal without a certification)::

        disposal:
          citation: Section 9
          text: Vendor deletes customer data when the subscription ends.
          at_termination: {within: 60 calendar days}
          written_certification: false
    """

    code = "CAS502"
    slug = "ca-no-retention-certification"
    clause = "disposal"
    tags = ("ca",)

    def check(self, agreement: Agreement, options: RuleOptions) -> Iterator[Violation]:
        basis = "Cal. Ed. Code 49073.1(b)(7)"
        yield from disposal_term_violations(agreement, "at_termination", "when the contract ends", None, basis)
        clause = agreement.clauses.disposal
        if clause is not None and clause.written_certification is not True:
            stated = clause.written_certification is not None
            yield Violation(
                clause_path("disposal", "written_certification"),
                "the disposal clause " + ("does not require" if stated else "does not state")
                + f" a written certification that no pupil records are retained; {basis} requires one",
                observed="false" if stated else "not stated",
                required="certification that pupil records are not retained after the contract",
            )

    def model_clause(self, options: RuleOptions) -> str:
        return (drafting.disposal("at_termination", None) + " " + drafting.written_certification(
            "that no pupil records obtained under this Agreement are retained by or available to Provider"))


# ------------------------------------------------------------------------------ CAS8xx
Law = Literal[tuple(LAWS)]  # type: ignore[valid-type]


class CaFerpaCompliance(Rule):
    """California: the contract says how the LEA and the vendor comply with FERPA.

    What it checks
        ``clauses.legal_compliance.laws`` names every law in ``required_laws`` (default:
        FERPA). Each law not named is its own finding; an absent clause is one finding.

    Why it matters
        49073.1 requires the contract to address FERPA compliance jointly, so the vendor's
        duties as a school official are written down for this LEA.

    Legal basis (confidence as in DOMAIN.md §2.3)
        - Cal. Ed. Code 49073.1(b)(8): a description of how the LEA and the third party will
          jointly ensure compliance with FERPA [S]. DOMAIN.md records COPPA beside it in
          parentheses; whether (b)(8) names COPPA is unconfirmed, so it is not required by
          default.
        - The format records the laws a contract names, not how the parties share the work;
          naming FERPA is the checkable part.

    Options
        ``required_laws`` (default: ferpa). Add ``coppa`` to require it as well.

    Passing example::

        legal_compliance:
          citation: Article IV, Section 1
          text: The parties shall jointly ensure compliance with FERPA and COPPA.
          laws: [ferpa, coppa]

    Failing example (FERPA not named)::

        legal_compliance:
          citation: Section 2
          text: Vendor complies with applicable privacy laws.
          laws: [ca_sopipa]
    """

    code = "CAS801"
    slug = "ca-ferpa-compliance"
    clause = "legal_compliance"
    tags = ("ca",)

    class Options(RuleOptions):
        required_laws: list[Law] = Field(default_factory=lambda: ["ferpa"], min_length=1)  # type: ignore[valid-type]

    def check(self, agreement: Agreement, options: Options) -> Iterator[Violation]:
        clause = agreement.clauses.legal_compliance
        if clause is None:
            yield clause_absent("legal_compliance", "; ".join(LAWS[law] for law in options.required_laws))
            return
        for law in dict.fromkeys(options.required_laws):
            if law not in clause.laws:
                yield Violation(clause_path("legal_compliance", "laws"),
                                f"the legal compliance clause does not name {LAWS[law]}; {ED_CODE}(b)(8) asks the "
                                "contract to say how FERPA compliance is ensured",
                                observed=", ".join(clause.laws) or "none named", required=law)

    def model_clause(self, options: Options) -> str:
        return drafting.laws(options.required_laws) + (
            " The parties shall each ensure that pupil records are handled as those laws require, the LEA as the "
            "educational agency and Provider as a school official under the LEA's direct control.")


RULES = [
    CaPupilRecordsProperty,
    CaUseLimitedToContract,
    CaParentReviewCorrection,
    CaSecurityConfidentiality,
    CaNoRetentionCertification,
    CaFerpaCompliance,
]
