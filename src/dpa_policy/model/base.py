"""Building blocks every agreement model shares: the strict base, field types and ``Clause``.

- :class:`Strict` forbids unknown fields, freezes instances, uses strict types and refuses an
  explicit ``null`` (silence is an absent key).
- ``X | Stated = None`` declares a term a contract may leave unstated: the key may be left
  out (``None``), but ``key: null`` is in neither the schema nor the model.
- :class:`Clause` is a contract clause: where it is (``citation``), what it says (``text``)
  and, for imported agreements, the page it was read from (``page``).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    WithJsonSchema,
)
from pydantic.json_schema import SkipJsonSchema

from .duration import DURATION_PATTERN, Duration, parse_duration
from .vocabulary import US_STATES

DURATION_HELP = (
    'Write a whole number and a unit: "72 hours", "7 calendar days" or "10 business days". '
    '"days" alone is ambiguous: say calendar or business days, as the contract means it.'
)


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
            # yaml-language-server (VS Code) shows this instead of the bare regex.
            "patternErrorMessage": DURATION_HELP,
            "description": 'A whole number and a unit: "72 hours", "7 calendar days", '
            '"10 business days". "days" alone is ambiguous and rejected.',
            "examples": ["72 hours", "7 calendar days", "10 business days"],
        }
    ),
]

_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _iso_date_text(value: Any) -> Any:
    # The schema says "a string in date format"; lax pydantic would also take 0 (1970-01-01) or
    # "2024-07-01T00:00:00", which the schema's type or an editor's format check rejects.
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value):
        return value
    raise ValueError(f"a date is written YYYY-MM-DD, such as 2024-07-01; got {value!r}")


NonEmptyStr = Annotated[str, Field(min_length=1)]
# Dates arrive as ISO text from YAML (the loader keeps them as written); parse that text.
IsoDate = Annotated[date, BeforeValidator(_iso_date_text), Field(strict=False)]
StateCode = Literal[US_STATES]  # type: ignore[valid-type]
Url = Annotated[
    str,
    Field(
        pattern=r"^https?://\S+$",
        examples=["https://www.example.com/privacy"],
        json_schema_extra={"patternErrorMessage": "A web address starting with http:// or https://."},
    ),
]
Email = Annotated[
    str,
    Field(
        pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$",
        json_schema_extra={"patternErrorMessage": "An email address, such as privacy@example.com."},
    ),
]
PageNumber = Annotated[int, Field(ge=1)]

def _refuse_null(value: None) -> None:
    raise ValueError("is null; leave the key out when the contract is silent")


# A term a clause may leave unstated: omitted key = None (the field's default). An explicit
# null is in neither the schema nor the model: the None of the union is there for the type
# checker and the default, and refuses a null written out. Refusing it here, in the one field
# that holds it, costs nothing for values that are not null; a validator on every model,
# called for every object of every agreement, cost ~10 us per agreement.
Stated = SkipJsonSchema[Annotated[None, AfterValidator(_refuse_null)]]

PAGE_DESCRIPTION = (
    "The page of the source document this was read from (1 = first page), so a reviewer can "
    "find it; set by importers, optional when the agreement is written by hand."
)


class Strict(BaseModel):
    """Base of every model: unknown fields forbidden, strict types, no explicit null.

    Strictness keeps the models at least as strict as the JSON Schema generated from them:
    :mod:`dpa_policy.core.document` validates with the models first and consults the (slower)
    schema only to explain a rejection, so anything the models accept must be schema-valid.
    tests/test_model_schema_agreement.py checks that property on generated documents.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Clause(Strict):
    """A clause of the contract: where it is, its words, and the terms read from them."""

    citation: NonEmptyStr = Field(description='Where the clause is, e.g. "Article II, Section 1".')
    text: NonEmptyStr = Field(description="The clause as written in the contract.")
    page: PageNumber | Stated = Field(default=None, description=PAGE_DESCRIPTION)


__all__ = [
    "Clause", "DURATION_HELP", "DurationField", "Email", "IsoDate", "NonEmptyStr", "PAGE_DESCRIPTION",
    "PageNumber", "Stated", "StateCode", "Strict", "Url",
]
