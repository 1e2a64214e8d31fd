"""Hook implementations of the Illinois pack, registered as the built-in plugin ``il``.

Rules are imported inside the hook, so loading the plugin costs nothing until the registry
is built. The preset and the golden cases are package data, found with importlib.resources.
"""

from __future__ import annotations

from importlib import resources

from ...hookspecs import hookimpl


@hookimpl
def dpa_policy_rules():
    from .rules import RULES

    return list(RULES)


@hookimpl
def dpa_policy_presets():
    # presets/il.yaml declares applies_to: {governing_state: [IL]}: a policy with
    # `state_packs: auto` (the default policy) adds it for agreements governed by Illinois law.
    return {"il": resources.files(__package__).joinpath("presets", "il.yaml")}


@hookimpl
def dpa_policy_rule_cases():
    return [resources.files(__package__).joinpath("rule_cases")]
