"""Hook implementations of the New York pack (entry point ``ny`` in the ``dpa_policy`` group).

Rule modules are imported inside the hook, as the built-in rules do, so loading the plugin
costs nothing until the registry is built. Presets and rule cases are package data, found
with importlib.resources so they work from a wheel as well as an editable install.
"""

from __future__ import annotations

from importlib import resources

from dpa_policy import hookimpl

PACKAGE = "dpa_policy_ny"


@hookimpl
def dpa_policy_rules():
    from .rules import RULES

    return list(RULES)


@hookimpl
def dpa_policy_presets():
    # presets/ny.yaml declares applies_to: {governing_state: [NY]}, so a policy with
    # `state_packs: auto` (the default policy does) adds it for New York agreements.
    return {"ny": resources.files(PACKAGE).joinpath("presets", "ny.yaml")}


@hookimpl
def dpa_policy_rule_cases():
    return [resources.files(PACKAGE).joinpath("rule_cases")]
