"""The disposal clause: when the vendor disposes of the data, and how (NIST SP 800-88 terms)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import PAGE_DESCRIPTION, Clause, DurationField, PageNumber, Stated, Strict

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


class DisposalWindow(Strict):
    """A deadline for disposing of the data, and where the contract sets it."""

    within: DurationField | Stated = Field(
        default=None, description="Longest time allowed to dispose of the data once this deadline's clock starts."
    )
    citation: str | Stated = Field(default=None, description='Where this deadline is, e.g. "Section 9(a)".')
    page: PageNumber | Stated = Field(default=None, description=PAGE_DESCRIPTION)


class Sanitization(Strict):
    """One way the contract says the data is destroyed, on one kind of media."""

    media: Media = Field(description="The media this method applies to; unspecified if the contract does not say.")
    method: SanitizationMethod = Field(description="How the data is destroyed, as the contract names it.")
    level: SanitizationLevel | Stated = Field(
        default=None, description="The NIST SP 800-88 level the contract claims for this method."
    )
    standard: SanitizationStandard | Stated = Field(
        default=None, description="The sanitization standard the contract names for this method."
    )


class Disposal(Clause):
    """When and how the vendor returns or disposes of the district's data."""

    on_request: DisposalWindow | Stated = Field(
        default=None, description="Disposal after the district asks in writing (NDPA: 60 days)."
    )
    at_termination: DisposalWindow | Stated = Field(
        default=None, description="Disposal when the agreement ends without a request."
    )
    return_before_disposal: bool | Stated = Field(
        default=None, description="The vendor returns (or offers to transfer) the data before disposing of it."
    )
    sanitization: list[Sanitization] = Field(
        default_factory=list, description="The methods the contract names for destroying the data, per media."
    )
    written_certification: bool | Stated = Field(
        default=None, description="The vendor certifies the disposal in writing."
    )
    sanitization_covers_all_media: bool | Stated = Field(
        default=None,
        description="true: the contract says the media listed under sanitization are the only media that "
        "hold the data (so a method valid only for those media is enough).",
    )


__all__ = [
    "Disposal", "DisposalWindow", "Media", "Sanitization", "SanitizationLevel", "SanitizationMethod",
    "SanitizationStandard",
]
