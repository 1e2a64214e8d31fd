"""CTS4xx: no targeted advertising, non-school profiles or sale (C.G.S. 10-234cc, 10-234bb(a)(3))."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, Literal

from pydantic import Field

from ....findings import Violation
from ....rule import Rule, RuleOptions, clause_absent, prohibition_violations
from ....rules import drafting

if TYPE_CHECKING:
    from ....model.agreement import Agreement


Prohibition = Literal[
    "sale", "targeted_advertising", "marketing", "non_educational_profiling", "commercial_product_development"
]

_WORDS = {
    "sale": "sale of student data",
    "targeted_advertising": "targeted advertising",
    "marketing": "marketing to students or families",
    "non_educational_profiling": "building profiles for non-school purposes",
    "commercial_product_development": "developing commercial products",
}


class CtOperatorProhibitions(Rule):
    """Connecticut: no targeted advertising, no non-school profiles, no sale of student data.

    What it checks
        ``clauses.data_use.prohibits`` holds ``true`` for every prohibition in
        ``required_prohibitions`` (default: targeted_advertising,
        non_educational_profiling, sale). Each prohibition that is not stated (the contract
        is silent) or ``false`` (the contract allows it) is its own finding; an absent
        ``data_use`` clause is one finding.

    Why it matters
        Connecticut forbids operators of school websites, services and apps these uses of
        student data. A contract that does not repeat the prohibitions leaves the board
        without a contractual remedy and the vendor's staff without a clear rule.

    Legal basis (confidence as in DOMAIN.md §2.4)
        - C.G.S. 10-234cc (operators): no targeted advertising, no profile of a student for
          purposes other than school purposes, no sale of student data [S]. The
          prohibitions come from district pages and a vendor compliance chart; the statute
          text was not read, so re-check the wording before relying on it.
        - C.G.S. 10-234bb(a)(3): the contract bars the contractor from using student data
          for any purpose other than those the contract allows [P].

    Options
        ``required_prohibitions`` (default: targeted_advertising, non_educational_profiling,
        sale). A district may add ``marketing`` or ``commercial_product_development``; those
        are district policy, not Connecticut statute as DOMAIN.md records it.

    Passing example::

        data_use:
          citation: Section 4
          text: The Contractor shall not sell student data, use it for targeted advertising,
            or build a profile of a student except for school purposes.
          prohibits: {sale: true, targeted_advertising: true, non_educational_profiling: true}

    Failing example (profiling not mentioned, advertising allowed)::

        data_use:
          citation: Section 4
          text: Vendor will not sell data but may show sponsored content.
          prohibits: {sale: true, targeted_advertising: false}
    """

    code = "CTS401"
    slug = "ct-operator-prohibitions"
    clause = "data_use"
    tags = ("ct",)

    class Options(RuleOptions):
        required_prohibitions: list[Prohibition] = Field(
            default_factory=lambda: ["targeted_advertising", "non_educational_profiling", "sale"], min_length=1
        )

    def check(self, agreement: Agreement, options: Options) -> Iterator[Violation]:
        clause = agreement.clauses.data_use
        if clause is None:
            yield clause_absent("data_use", "prohibits " + ", ".join(options.required_prohibitions))
            return
        yield from prohibition_violations(clause, options.required_prohibitions, _WORDS,
                                          note="Connecticut C.G.S. 10-234cc forbids it")

    def model_clause(self, options: Options) -> str:
        return drafting.prohibitions(options.required_prohibitions)


RULES = [CtOperatorProhibitions]
