"""Hook implementations of the New York pack, registered as the built-in plugin ``ny``.

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
    # presets/ny.yaml declares applies_to: {governing_state: [NY]}: a policy with
    # `state_packs: auto` (the default policy) adds it for agreements governed by New York law.
    return {"ny": resources.files(__package__).joinpath("presets", "ny.yaml")}


@hookimpl
def dpa_policy_rule_cases():
    return [resources.files(__package__).joinpath("rule_cases")]
