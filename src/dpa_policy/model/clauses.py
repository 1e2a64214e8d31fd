"""The contract's clauses, one model per clause, gathered under ``clauses:`` by :class:`Clauses`.

A clause the contract does not have is absent (``None``); a term the clause does not state is
``None``; a term that says no is ``False``. Rules treat absent and not-stated as findings, never
as passes. Breach notification and disposal live in their own modules; the contract-mechanics
clauses (precedence, sale or merger, termination) in :mod:`.contract`.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from .base import Clause, DurationField, NonEmptyStr, Stated, Strict
from .breach import BreachNotification
from .contract import Precedence, SaleOrMerger, Termination
from .disposal import Disposal
from .vocabulary import LAWS, SECURITY_FRAMEWORKS


class Ownership(Clause):
    """Who owns and controls the data (NDPA Art. II §1)."""

    district_owns: bool | Stated = Field(default=None, description="The data remains the district's property.")
    district_controls: bool | Stated = Field(
        default=None, description="The data remains under the district's direct control."
    )
    vendor_rights_limited_to_service: bool | Stated = Field(
        default=None,
        description="The vendor gets no right to the data beyond what providing the service needs.",
    )


class Audit(Clause):
    """The district's right to audit the vendor's privacy and security measures (NDPA Art. V §2)."""

    district_may_audit: bool | Stated = Field(
        default=None, description="The district may audit the vendor's privacy and security measures."
    )
    per_year: Annotated[int, Field(ge=0)] | Stated = Field(
        default=None, description="How many audits a year the district may conduct."
    )
    after_unauthorized_access: bool | Stated = Field(
        default=None, description="An extra audit is allowed after unauthorized access."
    )
    notice: DurationField | Stated = Field(
        default=None, description="Notice the district must give before an audit."
    )
    confidentiality_agreement_required: bool | Stated = Field(
        default=None, description="The district must sign a confidentiality agreement before auditing."
    )


class Prohibitions(Strict):
    """True: the contract prohibits it. False: the contract allows it. Omitted: silent."""

    sale: bool | Stated = Field(default=None, description="Selling or renting the data.")
    targeted_advertising: bool | Stated = Field(
        default=None, description="Using the data to target advertising at students or families."
    )
    marketing: bool | Stated = Field(
        default=None, description="Using the data to market products or services to students or families."
    )
    non_educational_profiling: bool | Stated = Field(
        default=None, description="Building a profile of a student for anything but the school purpose."
    )
    commercial_product_development: bool | Stated = Field(
        default=None, description="Using the data to develop commercial products beyond the service."
    )


Redisclosure = Literal["prohibited_without_consent", "to_subprocessors_only", "permitted"]
CarveOut = Literal[
    "adaptive_learning", "contextual_advertising", "product_notices_to_account_holders",
    "recommendations_to_staff",
]


class DataUse(Clause):
    """What the vendor may and may not do with the data (NDPA Art. IV §2, §4, §7)."""

    permitted_purposes: list[NonEmptyStr] = Field(
        default_factory=list, description="The uses the clause allows, as it words them."
    )
    prohibits: Prohibitions | Stated = Field(default=None, description="Uses the clause prohibits or allows.")
    carve_outs: list[CarveOut] = Field(
        default_factory=list, description="Uses the clause expressly allows despite its prohibitions."
    )
    redisclosure: Redisclosure | Stated = Field(
        default=None, description="Whether the vendor may pass the data on to others, and to whom."
    )


class Security(Clause):
    """The vendor's safeguards (NDPA Art. V §3 and Exhibit F)."""

    frameworks: list[Literal[tuple(SECURITY_FRAMEWORKS)]] = Field(  # type: ignore[valid-type]
        default_factory=list,
        description="Cybersecurity frameworks the vendor follows (NDPA Exhibit F, plus NIST CSF 2.0).",
    )
    encryption_at_rest: bool | Stated = Field(default=None, description="The data is encrypted where it is stored.")
    encryption_in_transit: bool | Stated = Field(
        default=None, description="The data is encrypted while it moves over networks."
    )


class Subprocessors(Clause):
    """The vendor's subprocessors and what binds them (NDPA Art. II §5)."""

    bound_no_less_stringent: bool | Stated = Field(
        default=None, description="Subprocessors are bound by terms no less stringent than the agreement."
    )
    named: list[NonEmptyStr] = Field(default_factory=list, description="Subprocessors the agreement names.")
    no_sale: bool | Stated = Field(default=None, description="Subprocessors may not sell the data.")


class LegalCompliance(Clause):
    """The laws the vendor commits to comply with."""

    laws: list[Literal[tuple(LAWS)]] = Field(  # type: ignore[valid-type]
        default_factory=list, description="Laws the clause names, from the controlled list."
    )
    other_laws: list[NonEmptyStr] = Field(
        default_factory=list, description="Laws the clause names that the controlled list lacks, as free text."
    )


class ParentAccess(Clause):
    """Parents' access to their child's data, through the district (NDPA Art. II §2)."""

    parents_may_review: bool | Stated = Field(
        default=None, description="Parents may review their child's data (through the district)."
    )
    window: DurationField | Stated = Field(
        default=None,
        description="Time the vendor has to provide the data once the district asks (NDPA: 45 days).",
    )
    correction: bool | Stated = Field(default=None, description="Parents may have inaccurate data corrected.")


class DeidentifiedData(Clause):
    """What the vendor may do with data stripped of identity (NDPA Art. IV §5)."""

    permitted: bool | Stated = Field(default=None, description="The vendor may use de-identified data.")
    reidentification_prohibited: bool | Stated = Field(
        default=None, description="The vendor may not try to re-identify anyone in de-identified data."
    )
    transfer_prohibited: bool | Stated = Field(
        default=None, description="De-identified data may not go to third parties without the district's consent."
    )
    purposes: list[NonEmptyStr] = Field(
        default_factory=list, description="The uses of de-identified data the clause allows, as it words them."
    )


StorageLocation = Literal["us_only", "named_countries", "anywhere"]
CountryCode = Annotated[
    str,
    Field(
        pattern=r"^[A-Z]{2}$",
        json_schema_extra={"patternErrorMessage": 'A two-letter ISO 3166 country code in capitals, e.g. "US", "CA".'},
    ),
]


class Storage(Clause):
    """Where the data is stored (NDPA Art. V §1; v2 lists non-US countries in Exhibit B)."""

    location: StorageLocation | Stated = Field(
        default=None,
        description="us_only: only in the United States; named_countries: only in the countries "
        "listed; anywhere: the clause sets no limit.",
    )
    countries: list[CountryCode] = Field(
        default_factory=list,
        description="With location named_countries: the countries allowed, as two-letter ISO 3166 codes.",
    )

    @model_validator(mode="after")
    def _countries_match_location(self) -> "Storage":
        if self.location == "named_countries" and not self.countries:
            raise ValueError("location is named_countries: list the countries")
        if self.countries and self.location != "named_countries":
            raise ValueError("countries are listed only with location: named_countries")
        return self


class Confidentiality(Clause):
    """The vendor's staff obligations (NDPA Art. IV §3)."""

    employees_bound: bool | Stated = Field(
        default=None, description="Staff with access to the data are bound to keep it confidential."
    )
    training_required: bool | Stated = Field(
        default=None, description="Staff with access are trained in privacy and security."
    )
    access_limited_to_need: bool | Stated = Field(
        default=None, description="Only staff who need the data to provide the service may access it."
    )


class Clauses(Strict):
    """The contract's clauses. Leave out a clause the contract does not have."""

    ownership: Ownership | Stated = Field(default=None, description="Who owns and controls the data.")
    breach_notification: BreachNotification | Stated = Field(
        default=None, description="How and when the vendor reports a breach."
    )
    audit: Audit | Stated = Field(default=None, description="The district's right to audit the vendor.")
    data_use: DataUse | Stated = Field(default=None, description="What the vendor may do with the data.")
    disposal: Disposal | Stated = Field(default=None, description="Return and disposal of the data.")
    security: Security | Stated = Field(default=None, description="The vendor's safeguards.")
    subprocessors: Subprocessors | Stated = Field(default=None, description="The vendor's subprocessors.")
    legal_compliance: LegalCompliance | Stated = Field(
        default=None, description="The laws the vendor promises to comply with, by name."
    )
    precedence: Precedence | Stated = Field(
        default=None, description="Which document wins when the agreement and the vendor's terms conflict."
    )
    parent_access: ParentAccess | Stated = Field(default=None, description="Parents' access to their child's data.")
    deidentified_data: DeidentifiedData | Stated = Field(
        default=None, description="Use of de-identified data."
    )
    storage: Storage | Stated = Field(default=None, description="Where the data is stored.")
    confidentiality: Confidentiality | Stated = Field(
        default=None, description="The vendor's staff confidentiality obligations."
    )
    sale_or_merger: SaleOrMerger | Stated = Field(
        default=None, description="What happens if the vendor is sold or merges."
    )
    termination: Termination | Stated = Field(default=None, description="Ending the agreement early.")


__all__ = [
    "Audit", "CarveOut", "Clauses", "Confidentiality", "CountryCode", "DataUse", "DeidentifiedData",
    "LegalCompliance", "Ownership", "ParentAccess", "Prohibitions", "Redisclosure", "Security", "Storage",
    "StorageLocation", "Subprocessors",
]
