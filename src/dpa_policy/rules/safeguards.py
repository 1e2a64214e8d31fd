"""DPA4xx/6xx/7xx/8xx: redisclosure, security safeguards, subprocessors, laws named."""

from __future__ import annotations

from typing import Iterator, Literal

from pydantic import Field

from ..findings import Violation
from ..model.agreement import Agreement
from ..model.vocabulary import LAWS, SECURITY_FRAMEWORKS
from ..rule import Rule, RuleOptions, clause_absent, clause_path, term_not_stated


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
          subject to 99.33(a) [P].
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


Framework = Literal[tuple(SECURITY_FRAMEWORKS)]  # type: ignore[valid-type]


class SecuritySafeguards(Rule):
    """The vendor must follow a recognised security framework and encrypt data at rest and in transit.

    What it checks
        ``clauses.security`` is present; ``frameworks`` names at least one of
        ``accepted_frameworks``; ``encryption_at_rest`` and ``encryption_in_transit`` are
        true when required. Each gap is its own finding.

    Why it matters
        "Reasonable security" is unverifiable; a named framework and encryption are not.

    Legal basis (confidence as in DOMAIN.md §1.3, §1.5, §2.1, §3.3)
        - NDPA Art. V §3: an adequate cybersecurity framework from Exhibit F [V]; Exhibit F
          lists NIST CSF 1.1, NIST SP 800-53 / 800-171, ISO 27000, SCF, CIS CSC and CMMC [V].
          NIST CSF 2.0 is accepted too (New York moved to it in 2026 [S, single source]).
        - New York: encryption of PII in motion and at rest [V, 121.9 paraphrase]; the
          supplemental information must say how data is encrypted [P, 121.3(c)].
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
            yield clause_absent("security", ", ".join(wanted))
            return
        if not set(clause.frameworks) & set(options.accepted_frameworks):
            yield Violation(
                clause_path("security", "frameworks"),
                "the data security clause names no accepted security framework"
                + (f" (it names {', '.join(clause.frameworks)})" if clause.frameworks else ""),
                observed=", ".join(clause.frameworks) or "not stated",
                required="one of: " + ", ".join(options.accepted_frameworks),
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
                )


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


Law = Literal[tuple(LAWS)]  # type: ignore[valid-type]


class FederalLawsNamed(Rule):
    """The vendor must commit to the federal student privacy laws.

    What it checks
        ``clauses.legal_compliance.laws`` includes every law in ``required_laws`` (default
        FERPA and COPPA). Each missing law is its own finding.

    Why it matters
        Districts' DPAs require compliance with FERPA, COPPA and PPRA by name (the seeds'
        Dedham page lists CIPA, COPPA, FERPA and PPRA); a vendor that does not name them
        has not promised to follow them for this district's data.

    Legal basis (confidence as in DOMAIN.md §3)
        - FERPA 34 CFR Part 99 and COPPA 16 CFR Part 312 [P] bind vendors of schools.
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


RULES = [RedisclosureLimited, SecuritySafeguards, SubprocessorsBound, FederalLawsNamed]
