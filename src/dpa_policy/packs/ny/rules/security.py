"""NYS6xx: security safeguards New York asks of contractors: encryption and the NIST CSF."""

from __future__ import annotations

from typing import Iterator

from ....findings import Violation
from ....model.agreement import Agreement
from ....rule import Rule, RuleOptions, clause_absent, clause_path
from ....rules import drafting

CLAUSE = "security"
CSF_1_1 = "nist_csf_1_1"
CSF_2_0 = "nist_csf_2_0"


class NyEncryption(Rule):
    """Student and teacher data must be encrypted at rest and in transit.

    What it checks
        ``clauses.security`` is present and states ``encryption_at_rest: true`` and
        ``encryption_in_transit: true``. Each term that is false or not stated is its own
        finding; an absent clause is one finding.

    Why it matters
        New York names encryption in three places (the contractor's obligations, the
        supplemental information and the Parents' Bill of Rights); a contract that is silent
        on either half leaves the data readable wherever it is copied or intercepted.

    Legal basis (confidence as in DOMAIN.md §2.1)
        - Education Law 2-d(5) / 8 NYCRR 121.9: the contractor encrypts personally
          identifiable information while in motion and at rest, using a technology or
          methodology specified or permitted by the Secretary of HHS under Public Law 111-5
          [V: contract-clause paraphrases; the text of 121.9 was not retrieved].
        - 8 NYCRR 121.3(c)(6): the supplemental information says how the data will be
          protected using encryption while in motion and at rest [P/S, quoted by a secondary
          page].
        - Parents' Bill of Rights: safeguards including, but not limited to, encryption,
          firewalls and password protection [P].
        - The agreement format does not record the encryption method, so whether it meets
          the HHS guidance is not checked.

    Options
        none.

    Passing example::

        security:
          citation: Section 6
          text: Data is encrypted while in motion and at rest.
          frameworks: [nist_csf_1_1]
          encryption_at_rest: true
          encryption_in_transit: true

    Failing example (in transit only; at rest not stated)::

        security:
          citation: Section 6
          text: All connections to the service use TLS.
          encryption_in_transit: true
    """

    code = "NYS601"
    slug = "ny-encryption"
    clause = CLAUSE
    tags = ("ny",)

    def check(self, agreement: Agreement, options: RuleOptions) -> Iterator[Violation]:
        clause = agreement.clauses.security
        if clause is None:
            yield clause_absent(CLAUSE, "encryption at rest and in transit")
            return
        for term, where in (("encryption_at_rest", "at rest"), ("encryption_in_transit", "in transit")):
            value = getattr(clause, term)
            if value is True:
                continue
            yield Violation(
                clause_path(CLAUSE, term),
                f"the data security clause {'does not require' if value is False else 'does not state'} "
                f"encryption {where} ({term} is {'false' if value is False else 'absent'})",
                observed="false" if value is False else "not stated",
                required=f"encryption {where}",
            )

    def model_clause(self, options: RuleOptions) -> str:
        return drafting.encryption(at_rest=True, in_transit=True)


class NyNistCsf(Rule):
    """The contractor's security must align with the NIST Cybersecurity Framework.

    What it checks
        ``clauses.security.frameworks`` includes the NIST Cybersecurity Framework, version
        1.1 (``nist_csf_1_1``) or 2.0 (``nist_csf_2_0``); with ``require_csf_2_0`` it must
        include 2.0. Another framework alone (NIST SP 800-53, ISO 27001...) is a finding:
        such a framework can be mapped to the CSF, but the contract does not say it aligns
        with it. An absent clause or an empty list is a finding.

    Why it matters
        Part 121 made the NIST CSF the yardstick for New York's schools; a contractor whose
        practices are not stated against it cannot be compared with the agency's own policy.

    Legal basis (confidence as in DOMAIN.md §0, §2.1)
        - 8 NYCRR Part 121 (effective 29 January 2020): educational agencies adopt data
          security and privacy policies aligned with the NIST CSF [P/S]; the version then
          current was 1.1 (DOMAIN.md's inference).
        - Education Law 2-d(5) / 121.9: the contractor adopts technologies, safeguards and
          practices that align with the NIST CSF [V: contract-clause paraphrases; the text of
          121.9 was not retrieved].
        - February 2026 amendments to Part 121 require educational agencies to align their
          own data security and privacy policies with NIST CSF 2.0 by 1 September 2026 [S, a
          single secondary source (RIC One); the amendment text was not read]. The amendment
          binds the agency's policy (121.5), not the contractor, whose duty names no CSF
          version (121.9 [V]). That is why ``require_csf_2_0`` is off by default: requiring
          CSF 2.0 of a vendor is district policy, not New York law.

    Options
        ``require_csf_2_0`` (default false): require NIST CSF 2.0 specifically, as a
        district's own policy (the February 2026 amendment, CSF 2.0 by 2026-09-01 [S],
        binds the agency, not the contractor).

    Passing example::

        security:
          citation: Section 6 and Exhibit C
          text: The Contractor's plan aligns with the NIST Cybersecurity Framework.
          frameworks: [nist_csf_1_1, nist_csf_2_0]
          encryption_at_rest: true
          encryption_in_transit: true

    Failing example (a framework is named, but not the NIST CSF)::

        security:
          citation: Section 6
          text: Vendor maintains an ISO 27001 certified security program.
          frameworks: [iso_27001]
          encryption_at_rest: true
          encryption_in_transit: true
    """

    code = "NYS602"
    slug = "ny-nist-csf"
    clause = CLAUSE
    tags = ("ny",)

    class Options(RuleOptions):
        require_csf_2_0: bool = False

    def check(self, agreement: Agreement, options: Options) -> Iterator[Violation]:
        clause = agreement.clauses.security
        accepted = [CSF_2_0] if options.require_csf_2_0 else [CSF_1_1, CSF_2_0]
        wanted = "NIST CSF 2.0" if options.require_csf_2_0 else "the NIST Cybersecurity Framework (1.1 or 2.0)"
        required = "alignment with " + wanted
        if clause is None:
            yield clause_absent(CLAUSE, required)
            return
        named = list(clause.frameworks)
        if set(named) & set(accepted):
            return
        if not named:
            message = f"the data security clause names no security framework (frameworks is empty); New York expects {wanted}"
        elif options.require_csf_2_0 and CSF_1_1 in named:
            message = ("the data security clause names NIST CSF 1.1 but not 2.0, which the policy requires "
                       "(Part 121 as amended in February 2026, per a single secondary source)")
        else:
            message = f"the data security clause names {', '.join(named)} but not {wanted}"
        yield Violation(clause_path(CLAUSE, "frameworks"), message,
                        observed=", ".join(named) or "not stated", required=required)

    def model_clause(self, options: Options) -> str:
        version = "version 2.0" if options.require_csf_2_0 else "version 1.1 or 2.0"
        return ("Provider's data security and privacy practices shall align with the NIST Cybersecurity Framework, "
                f"{version}.")


RULES = [NyEncryption, NyNistCsf]
