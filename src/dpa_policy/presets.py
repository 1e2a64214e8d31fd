"""Built-in policy presets, registered as a plugin like any pack's presets.

``federal`` is the FERPA/COPPA baseline; ``ndpa`` extends it with the National Data Privacy
Agreement's terms. The default policy (policies/default.yaml) extends ``ndpa`` and adds the
installed state packs. The files live in the repository's policies/ folder; the package
holds links to them, which a wheel build turns into copies.
"""

from __future__ import annotations

from importlib import resources

from .hookspecs import hookimpl


@hookimpl
def dpa_policy_presets():
    policies = resources.files("dpa_policy").joinpath("policies")
    return {"federal": policies.joinpath("federal.yaml"), "ndpa": policies.joinpath("ndpa.yaml")}
