"""The agreement format, version 1: pydantic models that are the single source of truth.

The packaged JSON Schema (``dpa_policy/schema/agreement-1.schema.json``) is generated from
these models (``dpa-policy schema``); a test fails when the two drift apart. This module holds
the top level and re-exports every model, so ``from dpa_policy.model.agreement import ...``
keeps working; the models themselves live in the sibling modules by part of the agreement.

Modelling choices that rules rely on:

- Every model forbids unknown fields and is frozen.
- A clause that the contract does not have is *absent* (``None``). A clause that is present
  but silent on a term leaves that term ``None`` ("not stated"). A clause that says "no"
  holds ``False``. Rules treat absent and not-stated as findings, never as passes.
- Explicit ``null`` is not accepted anywhere (the schema omits it): to say "the contract is
  silent", leave the key out.
- Every clause carries ``citation`` (where it is in the contract) and ``text`` (the clause
  as written), so a finding can show counsel the contract's own words; ``page`` points an
  imported clause back to the page of the source document.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import ConfigDict, Field, field_validator

from .base import PAGE_DESCRIPTION, Clause, NonEmptyStr, PageNumber, Stated, Strict
from .base import DurationField, IsoDate, StateCode, Url  # noqa: F401 - importable from here as before the split
from .breach import (
    BreachCategoryWindow,
    BreachContent,
    BreachCosts,
    BreachDataCategory,
    BreachNotification,
    BreachRecipient,
    BreachTrigger,
)
from .clauses import (
    Audit,
    CarveOut,
    Clauses,
    Confidentiality,
    DataUse,
    DeidentifiedData,
    LegalCompliance,
    Ownership,
    ParentAccess,
    Prohibitions,
    Redisclosure,
    Security,
    Storage,
    StorageLocation,
    Subprocessors,
)
from .contract import Precedence, SaleOrMerger, Termination
from .disposal import (
    Disposal,
    DisposalWindow,
    Media,
    Sanitization,
    SanitizationLevel,
    SanitizationMethod,
    SanitizationStandard,
)
from .parties import (
    Contact,
    DataShared,
    District,
    ParentGuardianData,
    Parties,
    Product,
    StaffData,
    StudentData,
    Vendor,
)
from .provenance import Review, Source
from .state_terms import StateRiderTerms, StateTerm
from .term import Records, Renewal, Term

FORMAT_VERSION = 1

AttachmentKind = Literal[
    "parents_bill_of_rights",  # NY 8 NYCRR 121.3: included with every contract
    "supplemental_information",  # NY 121.3(c): purposes, subcontractors, duration, storage, encryption
    "data_security_and_privacy_plan",  # NY 121.6(a)
    "incident_response_plan",
    "exhibit_d_disposition_directive",  # NDPA Exhibit D
    "exhibit_e_general_offer",  # NDPA Exhibit E
    "exhibit_g_state_terms",  # NDPA Exhibit G, supplemental state terms
    "exhibit_h_modifications",  # NDPA Exhibit H, additional terms or modifications
    "security_narrative",  # NDPA Exhibit F, the provider's security measures
]


class Attachment(Strict):
    """A document attached to or incorporated in the agreement."""

    kind: AttachmentKind = Field(
        description="What the document is: an NDPA exhibit, a New York required document, or a plan."
    )
    citation: NonEmptyStr = Field(description='Where it is, e.g. "Exhibit G" or "Attachment 2".')
    title: str | Stated = Field(default=None, description="The document's title, as printed.")
    page: PageNumber | Stated = Field(default=None, description=PAGE_DESCRIPTION)


class Agreement(Strict):
    """A student data privacy agreement between a district and a vendor."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        title="dpa-policy agreement",
        json_schema_extra={"$comment": "Generated from dpa_policy.model.agreement; do not edit."},
    )

    dpa_version: Literal[1] = Field(description="Version of this agreement format.")

    @field_validator("dpa_version", mode="before")
    @classmethod
    def _version_is_an_integer(cls, value: Any) -> Any:
        # Literal[1] would also take True and 1.0, which the schema's const rejects.
        if type(value) is not int:
            raise ValueError(f"dpa_version must be the integer 1, got {value!r}")
        return value

    id: NonEmptyStr = Field(description="The district's identifier for this agreement.")
    title: str | Stated = Field(default=None, description="The agreement's title, as printed.")
    parties: Parties = Field(description="The district and the vendor.")
    products: list[Product] = Field(min_length=1, description="The products and services the agreement covers.")
    term: Term = Field(description="When the agreement runs, its governing law and template.")
    data: DataShared = Field(description="The data elements the vendor receives, by whom they describe.")
    clauses: Clauses = Field(description="The contract's clauses and the terms read from them.")
    attachments: list[Attachment] = Field(
        default_factory=list, description="Documents attached to or incorporated in the agreement."
    )
    state_terms: list[StateTerm] = Field(
        default_factory=list,
        description="State supplemental terms (NDPA Exhibit G or a state rider), one entry per state rider.",
    )
    records: Records | Stated = Field(
        default=None, description="What the district has requested or received since signing."
    )
    source: Source | Stated = Field(
        default=None, description="The document this agreement was imported from; omit when written by hand."
    )
    review: Review | Stated = Field(
        default=None, description="Whether a person has checked this agreement against the contract."
    )


__all__ = [
    "Agreement", "Attachment", "AttachmentKind", "Audit", "BreachCategoryWindow", "BreachContent",
    "BreachCosts", "BreachDataCategory", "BreachNotification", "BreachRecipient", "BreachTrigger", "CarveOut",
    "Clause", "Clauses", "Confidentiality", "Contact", "DataShared", "DataUse", "DeidentifiedData", "Disposal",
    "DisposalWindow", "District", "FORMAT_VERSION", "LegalCompliance", "Media", "Ownership", "ParentAccess",
    "ParentGuardianData", "Parties", "Precedence", "Product", "Prohibitions", "Records", "Redisclosure",
    "Renewal", "Review", "SaleOrMerger", "Sanitization", "SanitizationLevel", "SanitizationMethod",
    "SanitizationStandard", "Security", "Source", "StaffData", "StateRiderTerms", "StateTerm", "Storage",
    "StorageLocation", "StudentData", "Subprocessors", "Term", "Termination", "Vendor",
]
