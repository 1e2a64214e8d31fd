"""State terms: NDPA Exhibit G ("Supplemental State Terms") or a state rider, structured.

A state's rider adds terms its law requires. Each entry keeps the rider's words (``citation``,
``text``) and the few terms state packs check, as named fields: no free-form mapping, so a
misspelled term is an error rather than a silently ignored key.
"""

from __future__ import annotations

from pydantic import Field

from .base import Clause, DurationField, NonEmptyStr, Stated, StateCode, Strict
from .breach import TRIGGER_DESCRIPTION, BreachTrigger


class StateRiderTerms(Strict):
    """The terms of a state rider that state packs check. Omit a term the rider does not state."""

    no_sale: bool | Stated = Field(default=None, description="The rider prohibits selling or renting the data.")
    no_targeted_advertising: bool | Stated = Field(
        default=None, description="The rider prohibits targeted advertising based on the data."
    )
    breach_window: DurationField | Stated = Field(
        default=None, description="The breach-notice window the rider sets."
    )
    breach_trigger: BreachTrigger | Stated = Field(
        default=None, description="For breach_window: " + TRIGGER_DESCRIPTION
    )
    parents_bill_of_rights: bool | Stated = Field(
        default=None, description="The rider includes or incorporates the state's parents' bill of rights."
    )
    prohibited_elements_excluded: bool | Stated = Field(
        default=None,
        description="The rider excludes the data elements state law bars from collection "
        "(e.g. political or religious affiliation, voting history, biometric information).",
    )


class StateTerm(Clause):
    """One state's supplemental terms, as attached to the agreement."""

    state: StateCode = Field(description="Two-letter postal code of the state the terms are for.")
    statute: NonEmptyStr | Stated = Field(
        default=None, description='The statute the terms implement, e.g. "Fla. Stat. 1006.1494".'
    )
    terms: StateRiderTerms | Stated = Field(
        default=None, description="The rider's terms that state packs check."
    )


__all__ = ["StateRiderTerms", "StateTerm"]
