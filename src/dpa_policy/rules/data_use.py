"""DPA4xx: no sale, no advertising or marketing, no non-educational profiling."""

from __future__ import annotations

from typing import Iterator, Literal

from pydantic import Field

from ..findings import Violation
from ..model.agreement import Agreement
from ..rule import Rule, RuleOptions, clause_absent, prohibition_violations
from . import drafting

CLAUSE = "data_use"

Prohibition = Literal[
    "sale", "targeted_advertising", "marketing", "non_educational_profiling", "commercial_product_development"
]

_WORDS = {
    "sale": "sale of the data",
    "targeted_advertising": "targeted advertising",
    "marketing": "marketing to students or families",
    "non_educational_profiling": "profiling for non-educational purposes",
    "commercial_product_development": "developing commercial products",
}


class NoMarketingUse(Rule):
    """The agreement must prohibit sale, targeted advertising, marketing and non-educational profiling.

    What it checks
        ``clauses.data_use.prohibits`` holds ``true`` for every prohibition in
        ``required_prohibitions``. Each prohibition that is missing (the contract is silent)
        or ``false`` (the contract allows it) is its own finding, so a report shows exactly
        which use is left open.

    Why it matters
        Selling student data or using it to advertise or market to children is the misuse
        that student privacy laws were written against; silence in a contract is not a
        prohibition.

    Legal basis (confidence as in DOMAIN.md §1.3, §2, §6.1)
        - NDPA Art. IV §7 "Advertising limitations": no use to inform, influence or enable
          targeted advertising or to develop a profile for any purpose other than the
          service [U for the exact wording; S corroboration].
        - California SOPIPA (B&P 22584): no targeted advertising, no profiles except for K-12
          school purposes, no sale [P]. Texas Educ. Code 32.152 and Washington RCW 28A.604.030
          likewise [P]. Colorado 22-16-109: no sale, no targeted advertising to students [P].
        - PPRA: district policies on collecting student data for marketing or sale [P].
        - Older state DPAs also bar developing commercial products [V]; add
          ``commercial_product_development`` to the options to require it.

    Options
        ``required_prohibitions`` (default: sale, targeted_advertising, marketing,
        non_educational_profiling).

    Passing example::

        data_use:
          citation: Article IV, Sections 4 and 7
          text: Provider shall not sell Student Data, use it for targeted advertising or
            marketing, or build a profile except to provide the service.
          prohibits: {sale: true, targeted_advertising: true, marketing: true,
                      non_educational_profiling: true}

    Failing example (marketing allowed, profiling not mentioned)::

        data_use:
          citation: Section 5
          text: Vendor will not sell data but may tell families about its other products.
          prohibits: {sale: true, targeted_advertising: true, marketing: false}
    """

    code = "DPA401"
    slug = "no-marketing-use"
    clause = CLAUSE
    tags = ("data-use", "marketing", "ndpa")

    class Options(RuleOptions):
        required_prohibitions: list[Prohibition] = Field(
            default_factory=lambda: ["sale", "targeted_advertising", "marketing", "non_educational_profiling"],
            min_length=1,
        )

    def check(self, agreement: Agreement, options: Options) -> Iterator[Violation]:
        clause = agreement.clauses.data_use
        if clause is None:
            yield clause_absent(CLAUSE, "prohibits " + ", ".join(options.required_prohibitions))
            return
        yield from prohibition_violations(clause, options.required_prohibitions, _WORDS)

    def model_clause(self, options: Options) -> str:
        return drafting.prohibitions(options.required_prohibitions)


RULES = [NoMarketingUse]
