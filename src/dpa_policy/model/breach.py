"""The breach-notification clause: the clock, who is told, what they are told, who pays.

The window and its trigger are separate terms because laws start the clock at different
events (NDPA: confirmation; New York 121.10: discovery; Illinois: determination). Windows that
differ by class of data (Connecticut 10-234dd) go in ``by_category``; ``window`` stays the
clause's general window.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from .base import Clause, DurationField, Stated, Strict
from .vocabulary import BREACH_DATA_CATEGORIES

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
BreachCosts = Literal["vendor", "district", "shared"]
BreachDataCategory = Literal[tuple(BREACH_DATA_CATEGORIES)]  # type: ignore[valid-type]

TRIGGER_DESCRIPTION = (
    "The event that starts the clock: incident (the breach itself), discovery (the vendor "
    "learns of it), confirmation (the vendor confirms it), determination (the vendor "
    "determines a breach occurred)."
)


class BreachCategoryWindow(Strict):
    """A notice window that applies to some classes of data only."""

    categories: list[BreachDataCategory] = Field(  # type: ignore[valid-type]
        min_length=1,
        description="The classes of data this window covers: "
        + "; ".join(f"{key} ({label.lower()})" for key, label in BREACH_DATA_CATEGORIES.items())
        + ".",
    )
    window: DurationField = Field(description="Longest time allowed to notify for a breach of these classes of data.")
    trigger: BreachTrigger | Stated = Field(
        default=None, description=TRIGGER_DESCRIPTION + " Omit when it is the clause's own trigger."
    )


class BreachNotification(Clause):
    """How and when the vendor must report a breach of the district's data."""

    window: DurationField | Stated = Field(
        default=None, description="Longest time allowed between the trigger and the notice to the district."
    )
    trigger: BreachTrigger | Stated = Field(default=None, description=TRIGGER_DESCRIPTION)
    recipients: list[BreachRecipient] = Field(
        default_factory=list, description="Whom the vendor itself must notify."
    )
    contents: list[BreachContent] = Field(
        default_factory=list, description="What the notice must contain (NDPA: as far as known)."
    )
    incident_response_plan: bool | Stated = Field(
        default=None, description="The vendor keeps a written incident response plan."
    )
    law_enforcement_delay: bool | Stated = Field(
        default=None,
        description="true: notice may be delayed while it would hinder a law-enforcement investigation "
        "(as NDPA Art. V §4 allows); false: the clause rules such a delay out.",
    )
    costs: BreachCosts | Stated = Field(
        default=None,
        description="Who pays the costs of breach notification: vendor (pays or reimburses, e.g. when "
        "the breach is its fault), district, or shared.",
    )
    by_category: list[BreachCategoryWindow] = Field(
        default_factory=list,
        description="Windows that differ by class of data (e.g. Connecticut: 30 days for student "
        "information, 60 for directory information, student records and student-generated content).",
    )

    @field_validator("by_category")
    @classmethod
    def _each_category_once(cls, windows: list[BreachCategoryWindow]) -> list[BreachCategoryWindow]:
        seen: set[str] = set()
        for window in windows:
            for category in window.categories:
                if category in seen:
                    raise ValueError(
                        f"{category} is listed in more than one window; give each class of data one window"
                    )
                seen.add(category)
        return windows


__all__ = [
    "BreachCategoryWindow", "BreachContent", "BreachCosts", "BreachDataCategory", "BreachNotification",
    "BreachRecipient", "BreachTrigger",
]
