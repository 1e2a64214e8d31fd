"""The agreement's life: when it runs, how it renews or ended, and what was recorded since.

``term`` holds what the contract says (dates, governing law, renewal); ``records`` holds what
the district has received or done after signing (a disposal request, a certificate). The two
are kept apart because a rule must not read a district's filing as a contract promise.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator

from .base import Clause, DurationField, IsoDate, Stated, StateCode, Strict


class Renewal(Clause):
    """How the agreement renews when its term ends."""

    automatic: bool | Stated = Field(
        default=None,
        description="true: the agreement renews by itself unless a party says otherwise; "
        "false: it renews only if the parties act.",
    )
    period_months: Annotated[int, Field(ge=1)] | Stated = Field(
        default=None, description="Length of each renewal period, in whole months (12 = one year)."
    )
    notice: DurationField | Stated = Field(
        default=None,
        description="Notice a party must give before the term ends to stop an automatic renewal "
        "(or to renew one that is not automatic).",
    )


class Term(Strict):
    """When the agreement runs, which law governs it, and which template it follows."""

    effective: IsoDate = Field(description="The date the agreement takes effect (YYYY-MM-DD).")
    expires: IsoDate | Stated = Field(
        default=None, description="The date the agreement ends (YYYY-MM-DD); omit if it states no end date."
    )
    governing_state: StateCode | Stated = Field(
        default=None,
        description="Two-letter postal code of the state whose law governs the agreement. Omit only "
        "when the contract names none: state law then cannot be checked, and a rule says so.",
    )
    model: Literal["ndpa", "state_dpa", "custom"] = Field(
        description="The template the agreement follows: the SDPC National DPA, a state "
        "alliance DPA, or the district's or vendor's own contract."
    )
    model_version: str | Stated = Field(
        default=None,
        examples=["1.0", "2.2"],
        description="Version of the template, as printed on it (NDPA v1 and v2 number sections differently).",
    )
    renewal: Renewal | Stated = Field(default=None, description="The renewal clause, if the contract has one.")
    terminated: IsoDate | Stated = Field(
        default=None,
        description="The date the agreement actually ended early (termination), YYYY-MM-DD. "
        "Omit while it runs or when it simply expired.",
    )

    @field_validator("expires")
    @classmethod
    def _expires_after_effective(cls, expires: date | None, info: ValidationInfo) -> date | None:
        effective = info.data.get("effective")
        if expires is not None and effective is not None and expires < effective:
            raise ValueError(f"the agreement expires ({expires}) before it takes effect ({effective})")
        return expires

    @field_validator("terminated")
    @classmethod
    def _terminated_after_effective(cls, terminated: date | None, info: ValidationInfo) -> date | None:
        effective = info.data.get("effective")
        if terminated is not None and effective is not None and terminated < effective:
            raise ValueError(f"the agreement was terminated ({terminated}) before it took effect ({effective})")
        return terminated


class Records(Strict):
    """What the district has requested or received under the agreement since it was signed."""

    disposal_requested: IsoDate | Stated = Field(
        default=None, description="The date the district asked in writing for its data to be disposed of."
    )
    disposal_certificate_received: IsoDate | Stated = Field(
        default=None,
        description="The date the district received the vendor's written certification that the data "
        "was disposed of.",
    )


__all__ = ["Records", "Renewal", "Term"]
