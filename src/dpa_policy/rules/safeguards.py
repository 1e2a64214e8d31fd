"""DPA4xx/6xx/7xx/8xx: redisclosure, security safeguards, subprocessors, laws named."""

from __future__ import annotations

from dataclasses import replace
from typing import Iterator, Literal

from pydantic import Field

from ..findings import Violation
from ..model.agreement import Agreement
from ..model.vocabulary import LAWS, SECURITY_FRAMEWORKS
from ..rule import Rule, RuleOptions, clause_absent, clause_path, term_not_stated
from . import drafting


class RedisclosureLimited(Rule):
    """The vendor may not redisclose student data without the district's consent.

    What it checks
        ``clauses.data_use.redisclosure`` is ``prohibited_without_consent`` or, when
        ``allow_subprocessors`` is true (the default), ``to_subprocessors_only``.
        ``permitted`` or a silent clause is a finding.

    Why it matters
        A school official may receive education records without parental consent only if it
        does not pass them on. Data that leaves the vendor leaves the district's control.

    Legal basis (confidence as in DOMAIN.md §3.1, §1.3)
        - FERPA, 34 CFR 99.33(a)(1): disclosure only on condition the recipient will not
          redisclose without prior consent; 99.31(a)(1)(i)(B)(3): school officials are
          subject to 99.33(a) [P]. FERPA's duties fall on the district, which imposes this
          condition on the vendor; a third party that improperly rediscloses can be barred
          from access for at least five years (34 CFR 99.67(c) since 2011, 99.33(e) before;
          unconfirmed, U).
        - NDPA Art. IV §4 "No disclosure" except as directed by the LEA or the DPA [S];
          subprocessors are bound by Art. II §5 [V] (see DPA701).

    Options
        ``allow_subprocessors`` (default true): accept disclosure to subprocessors bound by
        the agreement.

    Passing example::

        data_use:
          ...
          redisclosure: prohibited_without_consent

    Failing example::

        data_use:
          ...
          redisclosure: permitted
    """

    code = "DPA402"
    slug = "redisclosure-limited"
    clause = "data_use"
    tags = ("data-use", "ferpa", "federal")

    class Options(RuleOptions):
        allow_subprocessors: bool = True

    def check(self, agreement: Agreement, options: Options) -> Iterator[Violation]:
        clause = agreement.clauses.data_use
        accepted = ["prohibited_without_consent"] + (["to_subprocessors_only"] if options.allow_subprocessors else [])
        required = "redisclosure " + " or ".join(a.replace("_", " ") for a in accepted)
        if clause is None:
            yield clause_absent("data_use", required)
        elif clause.redisclosure is None:
            yield term_not_stated("data_use", "redisclosure", "whether the vendor may redisclose the data", required)
        elif clause.redisclosure not in accepted:
            yield Violation(clause_path("data_use", "redisclosure"),
                            f"the data use clause allows redisclosure ({clause.redisclosure.replace('_', ' ')})",
                            observed=clause.redisclosure, required=required)
        elif clause.redisclosure == "to_subprocessors_only":
            # Disclosure to subprocessors keeps the data in the district's control only if they
            # are bound by the same terms; otherwise it is redisclosure like any other.
            sub = agreement.clauses.subprocessors
            if sub is None or sub.bound_no_less_stringent is not True:
                yield Violation(
                    clause_path("data_use", "redisclosure"),
                    "the data use clause allows disclosure to subprocessors, but no clause binds them to "
                    "terms no less stringent (clauses.subprocessors"
                    + (".bound_no_less_stringent is not true)" if sub is not None else " is absent)"),
                    observed="to_subprocessors_only, subprocessors not bound",
                    required=required + ", with subprocessors bound",
                )

    def model_clause(self, options: Options) -> str:
        return drafting.disclosure(options.allow_subprocessors)


Framework = Literal[tuple(SECURITY_FRAMEWORKS)]  # type: ignore[valid-type]


class SecuritySafeguards(Rule):
    """The vendor must follow a recognised security framework and encrypt data at rest and in transit.

    What it checks
        ``clauses.security`` is present; ``frameworks`` names at least one of
        ``accepted_frameworks``; ``encryption_at_rest`` and ``encryption_in_transit`` are
        true when required. Each gap is its own finding, and names the policy layer that set
        the option it enforces (the framework list, or the encryption requirement).

    Why it matters
        "Reasonable security" is unverifiable; a named framework and encryption are not.

    Legal basis (confidence as in DOMAIN.md §1.3, §1.5, §2.1, §3.3)
        - NDPA Art. V §3: an adequate cybersecurity framework from Exhibit F [V]; Exhibit F
          (v1) lists NIST CSF 1.1, NIST SP 800-53 / 800-171, ISO 27000, SCF, CIS CSC and
          CMMC [V]. NIST CSF 2.0 is not on it; accepting 2.0 is a district choice (New York
          moves its agencies' own policies to 2.0 in 2026 [S, single source]), so the
          ``ndpa-v1``/``ndpa-v2`` presets leave it out and ``district-additions`` adds it.
        - Encryption is not an NDPA term: Art. V §3 does not name it [V]. It is a New York
          contractor duty (Ed. Law 2-d(5) / 121.9, PII encrypted in motion and at rest [V,
          contract paraphrases]; 121.3(c)(6) supplemental information [P/S]) and a common
          district requirement (the ``district-additions`` preset).
        - COPPA 16 CFR 312.8: a written information security program [P].

    Options
        ``accepted_frameworks`` (default: every Exhibit F framework plus NIST CSF 2.0),
        ``require_encryption_at_rest`` (default true), ``require_encryption_in_transit``
        (default true).

    Passing example::

        security:
          citation: Article V, Section 3
          text: Provider follows NIST CSF and encrypts data at rest and in transit.
          frameworks: [nist_csf_1_1]
          encryption_at_rest: true
          encryption_in_transit: true

    Failing example (no framework, encryption in transit only)::

        security:
          citation: Section 6
          text: Vendor uses industry-standard security and TLS.
          encryption_in_transit: true
    """

    code = "DPA601"
    slug = "security-safeguards"
    clause = "security"
    tags = ("security", "ndpa")

    class Options(RuleOptions):
        accepted_frameworks: list[Framework] = Field(default_factory=lambda: list(SECURITY_FRAMEWORKS), min_length=1)  # type: ignore[valid-type]
        require_encryption_at_rest: bool = True
        require_encryption_in_transit: bool = True

    def check(self, agreement: Agreement, options: Options) -> Iterator[Violation]:
        clause = agreement.clauses.security
        if clause is None:
            wanted = ["a recognised security framework"]
            wanted += [f"encryption {where}" for flag, where in ((options.require_encryption_at_rest, "at rest"),
                                                                (options.require_encryption_in_transit, "in transit")) if flag]
            yield replace(clause_absent("security", ", ".join(wanted)), option="accepted_frameworks")
            return
        if not set(clause.frameworks) & set(options.accepted_frameworks):
            yield Violation(
                clause_path("security", "frameworks"),
                "the data security clause names no accepted security framework"
                + (f" (it names {', '.join(clause.frameworks)})" if clause.frameworks else ""),
                observed=", ".join(clause.frameworks) or "not stated",
                required="one of: " + ", ".join(options.accepted_frameworks),
                option="accepted_frameworks",
            )
        for term, required, where in (("encryption_at_rest", options.require_encryption_at_rest, "at rest"),
                                      ("encryption_in_transit", options.require_encryption_in_transit, "in transit")):
            value = getattr(clause, term)
            if required and value is not True:
                yield Violation(
                    clause_path("security", term),
                    f"the data security clause {'does not require' if value is False else 'does not state'} "
                    f"encryption {where}",
                    observed="false" if value is False else "not stated",
                    required=f"encryption {where}",
                    option=f"require_{term}",
                )

    def model_clause(self, options: Options) -> str:
        text = drafting.frameworks(options.accepted_frameworks)
        if options.require_encryption_at_rest or options.require_encryption_in_transit:
            text += " " + drafting.encryption(options.require_encryption_at_rest, options.require_encryption_in_transit)
        return text


class SubprocessorsBound(Rule):
    """Subprocessors must be bound by terms no less stringent than the agreement.

    What it checks
        ``clauses.subprocessors`` is present and states ``bound_no_less_stringent: true``.

    Why it matters
        Hosting, analytics and support vendors see the same data; a promise that binds only
        the vendor stops at the vendor's door.

    Legal basis (confidence as in DOMAIN.md §1.3, §2.1, §6.2)
        - NDPA v1 Art. II §5 / v2 §2.3: written agreements whereby subprocessors protect
          student data in a manner no less stringent than the DPA [V].
        - New York 121.6(a)(5): the plan describes how subcontractors are managed [P].

    Options
        none.

    Passing example::

        subprocessors:
          citation: Article II, Section 5
          text: Provider binds every subprocessor to terms no less stringent than this DPA.
          bound_no_less_stringent: true

    Failing example::

        subprocessors:
          citation: Section 5
          text: Vendor may use service providers of its choosing.
          bound_no_less_stringent: false
    """

    code = "DPA701"
    slug = "subprocessors-bound"
    clause = "subprocessors"
    tags = ("subprocessors", "ndpa")

    def check(self, agreement: Agreement, options: RuleOptions) -> Iterator[Violation]:
        clause = agreement.clauses.subprocessors
        required = "subprocessors bound by terms no less stringent"
        if clause is None:
            yield clause_absent("subprocessors", required)
        elif clause.bound_no_less_stringent is None:
            yield term_not_stated("subprocessors", "bound_no_less_stringent",
                                  "that subprocessors are bound by terms no less stringent", required)
        elif clause.bound_no_less_stringent is False:
            yield Violation(clause_path("subprocessors", "bound_no_less_stringent"),
                            "the subprocessor clause does not bind subprocessors to terms no less stringent",
                            observed="false", required=required)

    def model_clause(self, options: RuleOptions) -> str:
        return drafting.SUBPROCESSORS_BOUND


Law = Literal[tuple(LAWS)]  # type: ignore[valid-type]


class FederalLawsNamed(Rule):
    """The vendor must commit to the federal student privacy laws.

    What it checks
        ``clauses.legal_compliance.laws`` includes every law in ``required_laws`` (default
        FERPA and COPPA). Each missing law is its own finding.

    Why it matters
        Districts' DPAs require compliance with FERPA, COPPA and PPRA by name (Dedham's
        clearinghouse page lists CIPA, COPPA, FERPA and PPRA); a vendor that does not name them
        has not promised to follow them for this district's data.

    Legal basis (confidence as in DOMAIN.md §1.7, §3)
        - Naming the laws is district policy (the ``district-additions`` preset), not a
          requirement of the laws themselves: FERPA (34 CFR Part 99) binds educational
          agencies, which impose its conditions on a vendor [P]; COPPA (16 CFR Part 312)
          binds operators of services directed to children under 13, or with actual
          knowledge of such users (unconfirmed scope wording, U). The NDPA v1 recitals name
          both and Art. IV §1 commits to "all applicable" laws [P/S recitals; U Art. IV §1].
          The ``federal`` preset checks what FERPA and COPPA ask instead (DPA101, DPA402,
          DPA802).
        - PPRA (34 CFR Part 98) mostly binds the district; add ``ppra`` to require it.
        - CIPA binds schools receiving E-rate, not vendors [P/S]; DOMAIN.md advises against
          treating "CIPA compliant" as a DPA control, so it is not required by default.

    Options
        ``required_laws`` (default: ferpa, coppa). COPPA protects children under 13; a
        district whose agreement covers only older students may drop it from the list.

    Passing example::

        legal_compliance:
          citation: Article IV, Section 1
          text: Provider shall comply with FERPA, COPPA and PPRA.
          laws: [ferpa, coppa, ppra]

    Failing example::

        legal_compliance:
          citation: Section 2
          text: Vendor shall comply with applicable law.
          laws: []
    """

    code = "DPA801"
    slug = "federal-laws-named"
    clause = "legal_compliance"
    tags = ("legal-compliance", "federal")

    class Options(RuleOptions):
        required_laws: list[Law] = Field(default_factory=lambda: ["ferpa", "coppa"], min_length=1)  # type: ignore[valid-type]

    def check(self, agreement: Agreement, options: Options) -> Iterator[Violation]:
        clause = agreement.clauses.legal_compliance
        required = list(dict.fromkeys(options.required_laws))  # a law listed twice is one requirement
        if clause is None:
            yield clause_absent("legal_compliance", "compliance with " + "; ".join(LAWS[law] for law in required))
            return
        for law in required:
            if law not in clause.laws:
                yield Violation(clause_path("legal_compliance", "laws"),
                                f"the legal compliance clause does not name {LAWS[law]}",
                                observed=", ".join(clause.laws) or "none named", required=law)

    def model_clause(self, options: Options) -> str:
        return drafting.laws(options.required_laws)


class CoppaRetentionLimited(Rule):
    """Children's data may not be kept indefinitely: the agreement must end retention.

    What it checks
        ``clauses.disposal.at_termination`` is present: the agreement provides for disposing
        of the data when the service ends, so it is not kept indefinitely. A clause that is
        absent, or a disposal clause with no ``at_termination``, is a finding. The number of
        days is DPA501's check, not this one's.

    Why it matters
        COPPA's amended rule says outright that children's personal information may not be
        retained indefinitely. An agreement that never ends retention lets the vendor keep
        what it collected from young children for as long as it likes.

    Legal basis (confidence as in DOMAIN.md §0, §3.3)
        - COPPA, 16 CFR 312.10 (as amended, 90 FR 16918, effective 23 June 2025, compliance
          by 22 April 2026): an operator retains a child's personal information only as long
          as reasonably necessary for the purpose it was collected for, may not retain it
          indefinitely, and keeps a written retention policy with a timeframe for deletion
          [P]. The retention policy is the operator's and has no term in the agreement
          format.
        - Scope: COPPA binds operators of services directed to children under 13, or with
          actual knowledge that they collect from under-13 users (the standard reading;
          unconfirmed wording, U). The agreement format does not record a service's
          audience; K-12 services used by elementary or middle schools usually reach
          under-13s. For an agreement that covers only older students, waive or disable it.

    Options
        none.

    Passing example::

        disposal:
          citation: Section 9
          text: Within sixty (60) days after the agreement ends the vendor deletes all data.
          at_termination: {within: 60 calendar days}

    Failing example (deletion only when asked)::

        disposal:
          citation: Section 9
          text: On the district's written request the vendor deletes the data.
          on_request: {within: 30 calendar days}
    """

    code = "DPA802"
    slug = "coppa-retention-limited"
    clause = "disposal"
    tags = ("coppa", "federal")

    def check(self, agreement: Agreement, options: RuleOptions) -> Iterator[Violation]:
        required = "disposal when the service ends (no indefinite retention)"
        clause = agreement.clauses.disposal
        if clause is None:
            yield clause_absent("disposal", required)
        elif clause.at_termination is None:
            yield Violation(clause_path("disposal", "at_termination"),
                            "the disposal clause never ends retention (at_termination is absent); COPPA 16 CFR "
                            "312.10 forbids keeping children's personal information indefinitely",
                            observed="absent", required=required)

    def model_clause(self, options: RuleOptions) -> str:
        return ("Provider shall keep Student Data, including personal information collected from children under "
                "thirteen (13), only as long as reasonably necessary to provide the services, and never "
                "indefinitely. " + drafting.disposal("at_termination", None))


RULES = [RedisclosureLimited, SecuritySafeguards, SubprocessorsBound, FederalLawsNamed, CoppaRetentionLimited]
