"""The agreement data model: pydantic models, typed durations and controlled vocabularies."""

from .agreement import FORMAT_VERSION, Agreement
from .duration import Duration, DurationUnit, parse_duration

__all__ = ["Agreement", "Duration", "DurationUnit", "FORMAT_VERSION", "parse_duration"]
