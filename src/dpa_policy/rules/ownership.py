"""DPA1xx: the district owns and controls student data."""

from __future__ import annotations

from typing import Iterator

from ..findings import Violation
from ..model.agreement import Agreement
from ..rule import Rule, RuleOptions, clause_absent, clause_path, term_not_stated


class DistrictDataOwnership(Rule):
    """The district must own and control the data; the vendor gets no rights beyond the service.

    What it checks
        ``clauses.ownership`` is present and states ``district_owns: true`` (unless
        ``require_ownership`` is false), ``district_controls: true`` and
        ``vendor_rights_limited_to_service: true``. Each term that is false or not stated is
        its own finding; a missing clause is one finding (pointer ``/clauses/ownership``,
        located at the ``clauses`` key).

    Why it matters
        Ownership and control decide who may direct use, correction, disclosure and deletion.
        A vendor that "co-owns" or licenses student data can keep using it after the service
        ends. FERPA lets a district share records with a vendor without consent only when the
        vendor is a school official under the district's *direct control* and uses them only
        for the purposes of the disclosure.

    Legal basis (confidence as in DOMAIN.md §1.3, §3.1)
        - Control and use limits: FERPA, 34 CFR 99.31(a)(1)(i)(B): an outside party under the
          direct control of the agency for the use and maintenance of records [P]; 34 CFR
          99.33(a)(2): recipients use the data only for the purposes of the disclosure [P].
        - Ownership is not a FERPA requirement (the ``federal`` preset sets
          ``require_ownership: false``). It comes from the NDPA, Article II §1 "Student Data
          Property of LEA" (unconfirmed NDPA v1 wording [U], a close older-DPA variant is V;
          v2 §2.1 [S]), California Education Code 49073.1(b)(1) (property of and under the
          control of the LEA [S]) and Connecticut C.G.S. 10-234bb(a)(1) (not the property of
          or under the control of the contractor [P]).

    Options
        ``require_ownership`` (default true): require ``district_owns: true``.
        ``require_control`` (default true): also require ``district_controls: true``.
        ``require_vendor_rights_limited`` (default true): also require
        ``vendor_rights_limited_to_service: true``.

    Passing example::

        ownership:
          citation: Article II, Section 1
          text: All student data remains the property of and under the control of the LEA.
          district_owns: true
          district_controls: true
          vendor_rights_limited_to_service: true

    Failing example (vendor keeps a license; control not stated)::

        ownership:
          citation: Section 4
          text: The district owns its data and grants the vendor a perpetual license to it.
          district_owns: true
          vendor_rights_limited_to_service: false
    """

    code = "DPA101"
    slug = "district-data-ownership"
    clause = "ownership"
    tags = ("ownership", "ferpa", "ndpa")

    class Options(RuleOptions):
        require_ownership: bool = True
        require_control: bool = True
        require_vendor_rights_limited: bool = True

    def check(self, agreement: Agreement, options: Options) -> Iterator[Violation]:
        clause = agreement.clauses.ownership
        if clause is None:
            wanted = "district owns and controls the data" if options.require_ownership else "district controls the data"
            yield clause_absent("ownership", wanted)
            return
        # (term, what an absent term fails to state, what a false term says, the requirement)
        terms = []
        if options.require_ownership:
            terms.append(("district_owns", "that the district owns the data",
                          "the district does not own the data", "the district owns the data"))
        if options.require_control:
            terms.append(("district_controls", "that the district controls the data",
                          "the district does not control the data", "the district controls the data"))
        if options.require_vendor_rights_limited:
            terms.append(("vendor_rights_limited_to_service",
                          "that the vendor's rights are limited to providing the service",
                          "the vendor gets rights beyond providing the service",
                          "the vendor gets no rights beyond providing the service"))
        for term, unstated, denied, required in terms:
            value = getattr(clause, term)
            if value is None:
                yield term_not_stated("ownership", term, unstated, required)
            elif value is False:
                yield Violation(
                    clause_path("ownership", term),
                    f"the data ownership clause says {denied} ({term}: false)",
                    observed="false",
                    required=required,
                )

    def model_clause(self, options: Options) -> str:
        held = [w for flag, w in ((options.require_ownership, "the property of"),
                                  (options.require_control, "under the control of")) if flag]
        sentences = []
        if held:
            sentences.append(f"All Student Data provided to or collected by Provider under this Agreement is and "
                             f"remains {' and '.join(held)} the LEA.")
        if options.require_vendor_rights_limited or not held:
            sentences.append("Provider acquires no right, title, license, or interest in Student Data beyond what "
                             "it needs to provide the services to the LEA under this Agreement.")
        return " ".join(sentences)


RULES = [DistrictDataOwnership]
