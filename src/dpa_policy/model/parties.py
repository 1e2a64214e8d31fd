"""Who signed, what they provide, and which data elements the vendor receives."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, create_model

from .base import Email, NonEmptyStr, Stated, StateCode, Strict, Url
from .vocabulary import PARENT, STAFF, STUDENT, elements_for


# --------------------------------------------------------------------------------- parties
class Contact(Strict):
    """A person or office to contact about the agreement."""

    name: NonEmptyStr = Field(description='A person or an office, e.g. "Privacy Office".')
    title: str | Stated = Field(default=None, description="The person's job title.")
    email: Email | Stated = Field(default=None, description="Email address for privacy matters.")
    phone: str | Stated = Field(default=None, description="Phone number, as written.")


class District(Strict):
    """The school district (local education agency) that shares the data."""

    name: NonEmptyStr = Field(description="The district's legal name.")
    state: StateCode = Field(description="Two-letter postal code of the district's state.")
    website: Url | Stated = Field(default=None, description="The district's website.")
    contact: Contact | Stated = Field(default=None, description="Who at the district handles this agreement.")


class Vendor(Strict):
    """The company (provider, operator, contractor) that receives the data."""

    name: NonEmptyStr = Field(description="The vendor's legal name.")
    website: Url | Stated = Field(default=None, description="The vendor's website.")
    contact: Contact | Stated = Field(default=None, description="Who at the vendor handles privacy questions.")
    privacy_policy: Url | Stated = Field(default=None, description="URL of the vendor's privacy policy.")
    terms_of_service: Url | Stated = Field(default=None, description="URL of the vendor's terms of service.")


class Parties(Strict):
    """The two parties to the agreement."""

    district: District = Field(description="The district that shares the data.")
    vendor: Vendor = Field(description="The vendor that receives the data.")


class Product(Strict):
    """A product or service the agreement covers (NDPA Exhibit A)."""

    name: NonEmptyStr = Field(description="The product's name, as parents would know it.")
    description: NonEmptyStr = Field(description="What the product does, in words a parent understands.")
    website: Url | Stated = Field(default=None, description="The product's own web page.")


# ------------------------------------------------------------------------------------ data
def _group(name: str, subject: str) -> type[Strict]:
    element = Literal[tuple(elements_for(subject))]  # type: ignore[valid-type]
    who = subject.replace("_", "/")
    return create_model(
        name,
        __base__=Strict,
        __doc__=f"Data elements about the {who} shared with the vendor.",
        elements=(
            list[element],  # type: ignore[valid-type]
            Field(
                min_length=1,
                description=f"NDPA Exhibit B data elements about the {who}, keyed category.element "
                "(e.g. student_contact.email).",
            ),
        ),
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

    student: StudentData | Stated = Field(  # type: ignore[valid-type]
        default=None, description="Data about students."
    )
    parent_guardian: ParentGuardianData | Stated = Field(  # type: ignore[valid-type]
        default=None, description="Data about parents and guardians."
    )
    staff: StaffData | Stated = Field(  # type: ignore[valid-type]
        default=None, description="Data about teachers, principals and other staff."
    )


__all__ = [
    "Contact", "DataShared", "District", "ParentGuardianData", "Parties", "Product", "StaffData",
    "StudentData", "Vendor",
]
