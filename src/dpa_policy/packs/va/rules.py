"""VASxxx: Virginia Code 22.1-289.01 (school service providers).

DOMAIN.md §2.9 knows 22.1-289.01's duties from a secondary state guide [S]: an information
security program, use limited by contract, no sale or targeted advertising, and access and
deletion. The two that map to terms the agreement format records are checked. The 2025
amendment's "machine-readable format" for returned data (CSV, JSON or XML, not PDF; SB 1486
[P]) has no term in the format and is not checked.
"""

from __future__ import annotations

from .._common import DisposalTermRule, ProhibitionsRule, prohibitions_options

STATE = "VA"


class VaNoSaleOrTargetedAds(ProhibitionsRule):
    """Virginia: no sale of student data and no targeted advertising.

    What it checks
        ``clauses.data_use.prohibits`` holds ``true`` for every prohibition in
        ``required_prohibitions`` (default: sale, targeted_advertising). A Virginia
        state-terms entry with ``no_sale: true`` or ``no_targeted_advertising: true`` makes
        that prohibition as well. Each prohibition not made is its own finding; an absent
        ``data_use`` clause is one finding.

    Why it matters
        A contract that does not bar them leaves the division relying on the provider's
        privacy policy, which the provider can change.

    Legal basis (confidence as in DOMAIN.md §2.9)
        - Va. Code 22.1-289.01: a school service provider may not sell student personal
          information or use it for targeted advertising [S, a secondary state guide; the
          full text was not read].
        - The Virginia SDPC agreement also forbids marketing, profiling and commercial
          product development [V]; those are contract-form terms, not checked here.

    Options
        ``required_prohibitions`` (default: sale, targeted_advertising).

    Passing example::

        data_use:
          citation: Article IV, Section 4
          text: Provider shall not sell student data or use it for targeted advertising.
          prohibits: {sale: true, targeted_advertising: true}

    Failing example (targeted advertising not mentioned)::

        data_use:
          citation: Article IV, Section 4
          text: Provider shall not sell student data.
          prohibits: {sale: true}
    """

    code = "VAS401"
    slug = "va-no-sale-or-targeted-ads"
    tags = ("va",)
    STATE = STATE
    BASIS = "Va. Code 22.1-289.01"

    Options = prohibitions_options("sale", "targeted_advertising")


class VaDeletionOnRequest(DisposalTermRule):
    """Virginia: the provider deletes student data when the division asks.

    What it checks
        ``clauses.disposal.on_request`` is present. No number of days is known for
        Virginia, so by default any ``on_request`` passes; a policy that sets ``max_within``
        requires a stated period that fits it.

    Why it matters
        Deletion on request is how a division ends a provider's hold on data it no longer
        needs to share.

    Legal basis (confidence as in DOMAIN.md §2.9)
        - Va. Code 22.1-289.01: access to and deletion of student personal information [S, a
          secondary state guide; the full text was not read, and no period was found].

    Options
        ``max_within`` (default none): a division's own maximum, as a duration.

    Passing example::

        disposal:
          citation: Article IV, Section 6
          text: Within sixty (60) days of the Division's written request Provider disposes of
            the data.
          on_request: {within: 60 calendar days}

    Failing example (deletion only at the end)::

        disposal:
          citation: Section 9
          text: Provider deletes all data when the agreement ends.
          at_termination: {within: 60 calendar days}
    """

    code = "VAS501"
    slug = "va-deletion-on-request"
    tags = ("va",)
    WHEN = "on the division's request"
    BASIS = "Va. Code 22.1-289.01"


RULES = [VaNoSaleOrTargetedAds, VaDeletionOnRequest]
