"""Where an agreement came from and whether a person has confirmed it.

An importer (PDF, DOCX, web page) fills ``source`` and marks the result ``review: {status:
draft}``; counsel confirms it after checking every clause against the pages cited. Rules read
these to refuse a pass to an agreement nobody has checked.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field, model_validator

from .base import IsoDate, NonEmptyStr, PageNumber, Stated, Strict

Sha256 = Annotated[
    str,
    Field(
        pattern=r"^[0-9a-f]{64}$",
        json_schema_extra={"patternErrorMessage": "64 lowercase hexadecimal digits, as sha256sum prints them."},
    ),
]
SourceFormat = Literal["pdf", "docx", "text", "html"]
ReviewStatus = Literal["draft", "confirmed"]


class Source(Strict):
    """The document this agreement was imported from."""

    file: NonEmptyStr = Field(description='The imported file\'s name, e.g. "acme-dpa.pdf".')
    sha256: Sha256 = Field(description="SHA-256 of the imported file, so anyone can check it is the same document.")
    pages: PageNumber | Stated = Field(default=None, description="How many pages the document has (PDF, DOCX).")
    format: SourceFormat = Field(description="The document's format: pdf, docx, text or html.")
    imported_by: NonEmptyStr | Stated = Field(
        default=None, description='The tool and version that imported it, e.g. "dpa-policy 0.1.0".'
    )
    vendor_entry: NonEmptyStr | Stated = Field(
        default=None,
        description="On a page listing several vendors (a district's clearinghouse), the entry this "
        "agreement was read from.",
    )


class Review(Strict):
    """Whether a person has checked the agreement against the contract."""

    # Also in the schema, so editors flag a confirmed review without a reviewer or date.
    model_config = ConfigDict(
        json_schema_extra={
            "if": {"properties": {"status": {"const": "confirmed"}}, "required": ["status"]},
            "then": {
                "description": "a confirmed review names who checked it (reviewer) and when (reviewed_on)",
                "required": ["reviewer", "reviewed_on"],
            },
        }
    )

    status: ReviewStatus = Field(
        description="draft: not yet checked against the contract (rules give it no pass); "
        "confirmed: a reviewer checked it (needs reviewer and reviewed_on)."
    )
    reviewer: NonEmptyStr | Stated = Field(
        default=None, description='Who checked it, e.g. "J. Ruiz, General Counsel". Required when confirmed.'
    )
    reviewed_on: IsoDate | Stated = Field(
        default=None, description="The date it was checked (YYYY-MM-DD). Required when confirmed."
    )

    @model_validator(mode="after")
    def _confirmed_names_who_and_when(self) -> "Review":
        if self.status == "confirmed":
            missing = [name for name in ("reviewer", "reviewed_on") if getattr(self, name) is None]
            if missing:
                raise ValueError(f"a confirmed review needs {' and '.join(missing)}")
        return self


__all__ = ["Review", "ReviewStatus", "Sha256", "Source", "SourceFormat"]
