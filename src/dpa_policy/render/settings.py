"""The run's settings as ``dpa-policy policy show`` prints them: each value the configuration
file may set, and where it came from (the command line, the file at a line and column, or the
default), so a district can see whether its ``.dpa-policy.yaml`` was used; and the sentence
naming the policy and configuration a run used, for the commands' own summaries."""

from __future__ import annotations

from typing import Any

from ..core.config import Setting
from ..core.discover import DEFAULT_PATH
from ..core.policy_file import InlinePolicy

#: How a setting's value reads when nothing set it.
_UNSET = {
    "policy": "the shipped default policy (NDPA baseline)",
    "paths": f"{DEFAULT_PATH} (the default folder)",
    "waivers": "none",
    "as_of": "today",
    "jobs": "1",
}


def settings_text(settings: dict[str, Setting], config_source: str | None, ignored: bool = False) -> str:
    """A block of lines: the configuration file used, then one line per setting."""
    used = config_source or ("none (--no-config)" if ignored else "none found")
    lines = [f"configuration file: {used}"]
    for key, setting in settings.items():
        lines.append(f"  {key}: {_value(key, setting.value)}  [{setting.origin}]")
    return "\n".join(lines) + "\n"


def policy_and_config(report: Any) -> str:
    """"Policy: NAME, config FILE." for the summaries commands print beside their own (report,
    publish), as the text summary names them: which policy and configuration file decided."""
    config = f", config {report.config_source}" if report.config_source else ""
    return f"Policy: {report.policy.name}{config}."


def _value(key: str, value: Any) -> str:
    if isinstance(value, InlinePolicy):
        return f"written in {value.label}"
    if value is None or value == ():
        return _UNSET.get(key, "not set")
    if isinstance(value, (tuple, list)):
        return ", ".join(value)
    return str(value)
