"""Built-in policy presets, registered as a plugin like any pack's presets.

``ndpa`` is the NDPA baseline (the default policy, policies/default.yaml).
"""

from __future__ import annotations

from importlib import resources

from .hookspecs import hookimpl


@hookimpl
def dpa_policy_presets():
    return {"ndpa": resources.files("dpa_policy").joinpath("policies", "default.yaml")}
