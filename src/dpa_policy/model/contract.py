"""Clauses about the contract itself: which document wins, and what happens on sale or termination.

These are NDPA Art. VII ("Miscellaneous") and cover-page terms (DOMAIN.md §1.8): the DPA's
precedence over the vendor's own terms, successors bound on a sale or merger, and termination.
"""

from __future__ import annotations

from pydantic import Field, model_validator

from .base import Clause, DurationField, Stated


class Precedence(Clause):
    """Which document controls when the agreement and the vendor's own terms conflict."""

    over_vendor_terms: bool | Stated = Field(
        default=None,
        description="The agreement prevails over the vendor's service agreement and terms of service "
        "where they conflict.",
    )
    over_privacy_policy: bool | Stated = Field(
        default=None, description="The agreement prevails over the vendor's privacy policy where they conflict."
    )


class SaleOrMerger(Clause):
    """What happens to the agreement and the data when the vendor is sold or merges."""

    notice_to_district: bool | Stated = Field(
        default=None, description="The vendor must tell the district of a sale, merger or acquisition."
    )
    notice: DurationField | Stated = Field(
        default=None, description="The notice period the clause states for telling the district."
    )
    successor_bound: bool | Stated = Field(
        default=None, description="The buyer or successor is bound by the agreement."
    )
    data_may_transfer: bool | Stated = Field(
        default=None,
        description="true: the data may pass to the buyer or successor; false: it may not.",
    )

    @model_validator(mode="after")
    def _notice_needs_a_duty_to_notify(self) -> "SaleOrMerger":
        if self.notice is not None and self.notice_to_district is False:
            raise ValueError(
                "notice is set but notice_to_district is false: a notice period implies the district is told"
            )
        return self


class Termination(Clause):
    """When the agreement may be ended early, and by whom."""

    for_material_breach: bool | Stated = Field(
        default=None, description="The district may terminate if the vendor materially breaches the agreement."
    )
    by_district_for_convenience: bool | Stated = Field(
        default=None, description="The district may terminate at any time, without giving a reason."
    )
    no_termination_fee: bool | Stated = Field(
        default=None,
        description="The district owes no termination fee when it terminates because the vendor "
        "broke the privacy terms.",
    )


__all__ = ["Precedence", "SaleOrMerger", "Termination"]
