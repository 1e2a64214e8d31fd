"""The pack's hook implementations: what dpa-policy loads through the ``ct`` entry point.

Rule modules are imported inside the hook, so loading the plugin stays cheap.
"""

from __future__ import annotations

from importlib import resources

from dpa_policy import hookimpl

PACKAGE = "dpa_policy_ct"


@hookimpl
def dpa_policy_rules():
    from .rules import RULES

    return list(RULES)


@hookimpl
def dpa_policy_presets():
    # `extends: [ct]` by name; `applies_to: {governing_state: [CT]}` inside the file makes
    # `state_packs: auto` add it for agreements governed by Connecticut law.
    return {"ct": resources.files(PACKAGE).joinpath("presets", "ct.yaml")}


@hookimpl
def dpa_policy_rule_cases():
    # Shipped in the package, so `dpa-policy verify ct` works after a plain pip install.
    return [resources.files(PACKAGE).joinpath("rule_cases")]
