"""The pack's hook implementations: what dpa-policy loads through the ``sdpc-regional`` entry point.

Rules are imported inside the hook, so loading the plugin stays cheap. Presets and rule cases
are package data, found with importlib.resources so they work from a wheel as well as an
editable install.
"""

from __future__ import annotations

from importlib import resources

from dpa_policy import hookimpl

PACKAGE = "dpa_policy_sdpc_regional"


@hookimpl
def dpa_policy_rules():
    from .rules import RULES

    return list(RULES)


@hookimpl
def dpa_policy_presets():
    # Each preset says in `applies_to` which agreements follow its form (governing state and
    # term.model), so a policy with `state_packs: auto` (the default policy) adds it to those
    # agreements only: `mspa` to state-alliance DPAs, `regional-ndpa` to NDPA agreements.
    presets = resources.files(PACKAGE).joinpath("presets")
    return {"mspa": presets.joinpath("mspa.yaml"), "regional-ndpa": presets.joinpath("regional-ndpa.yaml")}


@hookimpl
def dpa_policy_rule_cases():
    return [resources.files(PACKAGE).joinpath("rule_cases")]
