"""Built-in rules, registered as a plugin through the same hook as third-party packs.

Rule modules are imported inside the hook, so ``import dpa_policy`` stays cheap.
"""

from __future__ import annotations

from importlib import resources

from ..hookspecs import hookimpl


@hookimpl
def dpa_policy_rules():
    from . import audit, breach, data_use, disposal, lifecycle, minimisation, ownership, review, safeguards

    return [
        *lifecycle.RULES,  # DPA111-DPA113
        *review.RULES,  # DPA121-DPA124
        *ownership.RULES,
        *breach.RULES,
        *audit.RULES,
        *data_use.RULES,
        *minimisation.RULES,  # DPA403, DPA404
        *disposal.RULES,
        *safeguards.RULES,
    ]


@hookimpl
def dpa_policy_rule_cases():
    # Shipped in the package so `dpa-policy verify` works after a plain pip install.
    return [resources.files("dpa_policy").joinpath("rule_cases")]
