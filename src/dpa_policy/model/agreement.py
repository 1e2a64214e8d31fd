"""The agreement format, version 1: pydantic models that are the single source of truth.

The packaged JSON Schema (``dpa_policy/schema/agreement-1.schema.json``) is generated from
these models (``dpa-policy schema``); a test fails when the two drift apart.

Modelling choices that rules rely on:

- Every model forbids unknown fields and is frozen.
- A clause that the contract does not have is *absent* (``None``). A clause that is present
  but silent on a term leaves that term ``None`` ("not stated"). A clause that says "no"
  holds ``False``. Rules treat absent and not-stated as findings, never as passes.
- Explicit ``null`` is not accepted anywhere (the schema omits it): to say "the contract is
  silent", leave the key out.
- Every clause carries ``citation`` (where it is in the contract) and ``text`` (the clause
  as written), so a finding can show counsel the contract's own words.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    WithJsonSchema,
    create_model,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic.json_schema import SkipJsonSchema

from .duration import DURATION_PATTERN, Duration, parse_duration
from .vocabulary import LAWS, PARENT, SECURITY_FRAMEWORKS, STAFF, STUDENT, US_STATES, elements_for

FORMAT_VERSION = 1


def _to_duration(value: Any) -> Any:
    return value if isinstance(value, Duration) else parse_duration(value)


DurationField = Annotated[
    Duration,
    BeforeValidator(_to_duration),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": DURATION_PATTERN,
            "description": 'A whole number and a unit: "72 hours", "7 calendar days", '
            '"10 business days". "days" alone is ambiguous and rejected.',
            "examples": ["72 hours", "7 calendar days", "10 business days"],
        }
    ),
]

NonEmptyStr = Annotated[str, Field(min_length=1)]
# Dates arrive as ISO text from YAML (the loader keeps them as written); parse that text.
IsoDate = Annotated[date, Field(strict=False)]
StateCode = Literal[US_STATES]  # type: ignore[valid-type]
Url = Annotated[str, Field(pattern=r"^https?://\S+$", examples=["https://www.example.com/privacy"])]

# A term a clause may leave unstated: omitted key = None; explicit null is not in the schema.
Stated = SkipJsonSchema[None]


class Strict(BaseModel):
    """Base of every model: unknown fields forbidden, strict types, no explicit null.

    Strictness keeps the models at least as strict as the JSON Schema generated from them:
    :mod:`dpa_policy.document` validates with the models first and consults the (slower)
    schema only to explain a rejection, so anything the models accept must be schema-valid.
    tests/test_model_schema_agreement.py checks that property on generated documents.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    @model_validator(mode="before")
    @classmethod
    def _no_explicit_null(cls, data: Any) -> Any:
        # The schema omits null everywhere: silence is an absent key, never `key: null`.
        if isinstance(data, dict):
            for key, value in data.items():
                if value is None:
                    raise ValueError(f"{key} is null; leave the key out when the contract is silent")
        return data


# --------------------------------------------------------------------------------- parties
class Contact(Strict):
    name: NonEmptyStr
    title: str | Stated = None
    email: Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")] | Stated = None
    phone: str | Stated = None


class District(Strict):
    name: NonEmptyStr
    state: StateCode = Field(description="Two-letter postal code of the district's state.")
    website: Url | Stated = None
    contact: Contact | Stated = None


class Vendor(Strict):
    name: NonEmptyStr
    website: Url | Stated = None
    contact: Contact | Stated = None
    privacy_policy: Url | Stated = Field(default=None, description="URL of the vendor's privacy policy.")
    terms_of_service: Url | Stated = Field(default=None, description="URL of the vendor's terms of service.")


class Parties(Strict):
    district: District
    vendor: Vendor


class Product(Strict):
    name: NonEmptyStr
    description: NonEmptyStr = Field(description="What the product does, in words a parent understands.")
    website: Url | Stated = None


# ------------------------------------------------------------------------------------ term
class Term(Strict):
    effective: IsoDate
    expires: IsoDate | Stated = None
    governing_state: StateCode
    model: Literal["ndpa", "state_dpa", "custom"] = Field(
        description="The template the agreement follows: the SDPC National DPA, a state "
        "alliance DPA, or the district's or vendor's own contract."
    )
    model_version: str | Stated = Field(default=None, examples=["1.0", "2.2"])

    @field_validator("expires")
    @classmethod
    def _expires_after_effective(cls, expires: date | None, info: ValidationInfo) -> date | None:
        effective = info.data.get("effective")
        if expires is not None and effective is not None and expires < effective:
            raise ValueError(f"the agreement expires ({expires}) before it takes effect ({effective})")
        return expires


# ------------------------------------------------------------------------------------ data
def _group(name: str, subject: str) -> type[Strict]:
    element = Literal[tuple(elements_for(subject))]  # type: ignore[valid-type]
    return create_model(
        name,
        __base__=Strict,
        __doc__=f"Data elements about the {subject.replace('_', '/')} shared with the vendor.",
        elements=(list[element], Field(min_length=1)),  # type: ignore[valid-type]
        other_elements=(
            list[NonEmptyStr],
            Field(default_factory=list, description='Exhibit B "Other - please specify" elements, as free text.'),
        ),
        purposes=(
            list[NonEmptyStr],
            Field(min_length=1, description="How the data is used, as the agreement states it."),
        ),
    )


StudentData = _group("StudentData", STUDENT)
ParentGuardianData = _group("ParentGuardianData", PARENT)
StaffData = _group("StaffData", STAFF)


class DataShared(Strict):
    """Data elements shared with the vendor, grouped by whom they describe."""

    student: StudentData | Stated = None  # type: ignore[valid-type]
    parent_guardian: ParentGuardianData | Stated = None  # type: ignore[valid-type]
    staff: StaffData | Stated = None  # type: ignore[valid-type]


# --------------------------------------------------------------------------------- clauses
class Clause(Strict):
    citation: NonEmptyStr = Field(description='Where the clause is, e.g. "Article II, Section 1".')
    text: NonEmptyStr = Field(description="The clause as written in the contract.")


class Ownership(Clause):
    district_owns: bool | Stated = None
    district_controls: bool | Stated = None
    vendor_rights_limited_to_service: bool | Stated = Field(
        default=None,
        description="The vendor gets no right to the data beyond what providing the service needs.",
    )


BreachTrigger = Literal["incident", "discovery", "confirmation", "determination"]
BreachRecipient = Literal[
    "district", "parents_guardians", "state_education_agency", "law_enforcement", "affected_individuals"
]
BreachContent = Literal[
    "reporter_contact",
    "information_types",
    "breach_date",
    "notice_date",
    "law_enforcement_delay",
    "incident_description",
    "affected_count",
    "remediation_steps",
]


class BreachNotification(Clause):
    window: DurationField | Stated = None
    trigger: BreachTrigger | Stated = Field(
        default=None, description="The event that starts the clock."
    )
    recipients: list[BreachRecipient] = Field(default_factory=list)
    contents: list[BreachContent] = Field(default_factory=list)
    incident_response_plan: bool | Stated = None


class Audit(Clause):
    district_may_audit: bool | Stated = None
    per_year: Annotated[int, Field(ge=0)] | Stated = Field(
        default=None, description="How many audits a year the district may conduct."
    )
    after_unauthorized_access: bool | Stated = Field(
        default=None, description="An extra audit is allowed after unauthorized access."
    )
    notice: DurationField | Stated = Field(
        default=None, description="Notice the district must give before an audit."
    )
    confidentiality_agreement_required: bool | Stated = None


class Prohibitions(Strict):
    """True: the contract prohibits it. False: the contract allows it. Omitted: silent."""

    sale: bool | Stated = None
    targeted_advertising: bool | Stated = None
    marketing: bool | Stated = None
    non_educational_profiling: bool | Stated = None
    commercial_product_development: bool | Stated = None


Redisclosure = Literal["prohibited_without_consent", "to_subprocessors_only", "permitted"]
CarveOut = Literal[
    "adaptive_learning", "contextual_advertising", "product_notices_to_account_holders",
    "recommendations_to_staff",
]


class DataUse(Clause):
    permitted_purposes: list[NonEmptyStr] = Field(default_factory=list)
    prohibits: Prohibitions | Stated = None
    carve_outs: list[CarveOut] = Field(default_factory=list)
    redisclosure: Redisclosure | Stated = None


class DisposalWindow(Strict):
    within: DurationField | Stated = None
    citation: str | Stated = None


Media = Literal["magnetic", "flash", "optical", "paper", "unspecified"]
SanitizationMethod = Literal[
    "delete",
    "factory_reset",
    "single_pass_overwrite",
    "multi_pass_overwrite",
    "ata_secure_erase",
    "block_erase",
    "cryptographic_erase",
    "degauss",
    "shred",
    "disintegrate",
    "pulverize",
    "incinerate",
    "melt",
]
SanitizationLevel = Literal["clear", "purge", "destroy"]
SanitizationStandard = Literal["nist_800_88_r1", "nist_800_88_r2", "ieee_2883", "dod_5220_22_m"]


class Sanitization(Strict):
    media: Media = Field(description="The media this method applies to; unspecified if the contract does not say.")
    method: SanitizationMethod
    level: SanitizationLevel | Stated = Field(
        default=None, description="The NIST SP 800-88 level the contract claims for this method."
    )
    standard: SanitizationStandard | Stated = None


class Disposal(Clause):
    on_request: DisposalWindow | Stated = None
    at_termination: DisposalWindow | Stated = None
    return_before_disposal: bool | Stated = None
    sanitization: list[Sanitization] = Field(default_factory=list)
    written_certification: bool | Stated = None


class Security(Clause):
    frameworks: list[Literal[tuple(SECURITY_FRAMEWORKS)]] = Field(default_factory=list)  # type: ignore[valid-type]
    encryption_at_rest: bool | Stated = None
    encryption_in_transit: bool | Stated = None


class Subprocessors(Clause):
    bound_no_less_stringent: bool | Stated = Field(
        default=None, description="Subprocessors are bound by terms no less stringent than the agreement."
    )
    named: list[NonEmptyStr] = Field(default_factory=list)


class LegalCompliance(Clause):
    laws: list[Literal[tuple(LAWS)]] = Field(default_factory=list)  # type: ignore[valid-type]
    other_laws: list[NonEmptyStr] = Field(default_factory=list)


class Clauses(Strict):
    ownership: Ownership | Stated = None
    breach_notification: BreachNotification | Stated = None
    audit: Audit | Stated = None
    data_use: DataUse | Stated = None
    disposal: Disposal | Stated = None
    security: Security | Stated = None
    subprocessors: Subprocessors | Stated = None
    legal_compliance: LegalCompliance | Stated = None


# ----------------------------------------------------------------------------- attachments
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

    kind: AttachmentKind
    citation: NonEmptyStr = Field(description='Where it is, e.g. "Exhibit G" or "Attachment 2".')
    title: str | Stated = None


# ------------------------------------------------------------------------------- agreement
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
    title: str | Stated = None
    parties: Parties
    products: list[Product] = Field(min_length=1)
    term: Term
    data: DataShared
    clauses: Clauses
    attachments: list[Attachment] = Field(default_factory=list)


__all__ = [
    "Agreement", "Attachment", "Audit", "BreachNotification", "Clause", "Clauses", "DataShared", "DataUse",
    "Disposal", "DisposalWindow", "FORMAT_VERSION", "LegalCompliance", "Ownership", "Prohibitions",
    "Sanitization", "Security", "Subprocessors", "Term",
]
