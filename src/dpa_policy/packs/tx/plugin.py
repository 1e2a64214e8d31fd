"""Hook implementations of the Texas pack, registered as the built-in plugin ``tx``.

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
    # presets/tx.yaml declares applies_to: {governing_state: [TX]}: a policy with
    # `state_packs: auto` (the default policy) adds it for agreements governed by Texas law.
    return {"tx": resources.files(__package__).joinpath("presets", "tx.yaml")}


@hookimpl
def dpa_policy_rule_cases():
    return [resources.files(__package__).joinpath("rule_cases")]
