"""NYS4xx: no sale and no marketing or commercial use of student data (Education Law 2-d, 8 NYCRR 121.9)."""

from __future__ import annotations

from typing import Iterator, Literal

from pydantic import Field

from ....findings import Violation
from ....model.agreement import Agreement, Prohibitions
from ....rule import Rule, RuleOptions, clause_absent, prohibition_violations
from ....rules import drafting

CLAUSE = "data_use"

# Every prohibition the agreement format can record (sale, targeted_advertising, ...).
Prohibition = Literal[tuple(Prohibitions.model_fields)]  # type: ignore[valid-type]

_WORDS = {
    "sale": "sale of the data",
    "targeted_advertising": "targeted advertising",
    "marketing": "use for marketing",
    "non_educational_profiling": "profiling for non-educational purposes",
    "commercial_product_development": "developing commercial products",
}


class NyNoCommercialUse(Rule):
    """The agreement must prohibit selling the data and using it for marketing.

    What it checks
        ``clauses.data_use.prohibits`` holds ``true`` for every prohibition in
        ``required_prohibitions`` (default: sale, marketing). Each one that is missing (the
        contract is silent) or ``false`` (the contract allows it) is its own finding; an
        absent clause is one finding.

    Why it matters
        New York's rule is categorical: student data is not sold and not used or disclosed
        for any marketing or commercial purpose. A contract that does not say so leaves the
        district relying on the vendor's privacy policy, which the vendor can change.

    Legal basis (confidence as in DOMAIN.md §2.1)
        - The contractor's own duty not to sell the data, or use or disclose it for a
          marketing or commercial purpose, is in Education Law 2-d and 8 NYCRR 121.9 (believed
          to be 121.9(a)(8); unconfirmed, U: the text of 121.9 was not retrieved). Education
          Law 2-d(5) / 121.9: the contractor may not use the data beyond the authorized
          purposes [V: contract-clause paraphrases].
        - 8 NYCRR 121.2 binds the educational agency, not the contractor: agencies may not
          sell personally identifiable information or use or disclose it for any marketing or
          commercial purpose, and their contracts must require confidentiality [P, NY State
          Register summaries]. It is why the agency's contracts carry the term.
        - Parents' Bill of Rights: personally identifiable information cannot be sold or
          released for any commercial purpose [P].

    Options
        ``required_prohibitions`` (default: sale, marketing). "Any commercial purpose" can
        be read more widely; add ``targeted_advertising``, ``non_educational_profiling`` or
        ``commercial_product_development`` to require those prohibitions as well (the NDPA
        baseline's DPA401 already requires the first two).

    Passing example::

        data_use:
          citation: Section 4
          text: The Contractor shall not sell the data or use or disclose it for any
            marketing or commercial purpose.
          prohibits: {sale: true, marketing: true}

    Failing example (sale prohibited; marketing allowed)::

        data_use:
          citation: Section 5
          text: Vendor will not sell data but may tell families about its other products.
          prohibits: {sale: true, marketing: false}
    """

    code = "NYS401"
    slug = "ny-no-commercial-use"
    clause = CLAUSE
    tags = ("ny",)

    class Options(RuleOptions):
        required_prohibitions: list[Prohibition] = Field(  # type: ignore[valid-type]
            default_factory=lambda: ["sale", "marketing"], min_length=1
        )

    def check(self, agreement: Agreement, options: Options) -> Iterator[Violation]:
        clause = agreement.clauses.data_use
        if clause is None:
            yield clause_absent(CLAUSE, "prohibits " + ", ".join(options.required_prohibitions))
            return
        yield from prohibition_violations(
            clause, options.required_prohibitions, _WORDS,
            note="New York bars sale and any marketing or commercial use",
        )

    def model_clause(self, options: Options) -> str:
        return drafting.prohibitions(options.required_prohibitions)


RULES = [NyNoCommercialUse]
