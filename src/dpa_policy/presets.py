"""Built-in policy presets, registered as a plugin like any pack's presets.

``federal`` is what FERPA and COPPA ask of a vendor arrangement. ``ndpa-v1`` and ``ndpa-v2``
hold the National Data Privacy Agreement's Standard Clauses of each edition, and ``ndpa``
picks one by the agreement's NDPA version. ``district-additions`` holds common district
terms that are not NDPA terms. The default policy (policies/default.yaml) extends ``ndpa``
and ``district-additions`` and adds the state packs. The files live in the repository's
policies/ folder; the package holds links to them, which a wheel build turns into copies.
"""

from __future__ import annotations

from importlib import resources

from .hookspecs import hookimpl


@hookimpl
def dpa_policy_presets():
    policies = resources.files("dpa_policy").joinpath("policies")
    names = ("federal", "ndpa", "ndpa-v1", "ndpa-v2", "district-additions")
    return {name: policies.joinpath(f"{name}.yaml") for name in names}
