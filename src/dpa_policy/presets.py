"""Built-in policy presets, registered as a plugin like any pack's presets.

``federal`` is what FERPA and COPPA ask of a vendor arrangement. ``ndpa-v1`` and ``ndpa-v2``
hold the National Data Privacy Agreement's Standard Clauses of each edition, and ``ndpa``
picks one by the agreement's NDPA version. ``district-additions`` holds common district
terms that are not NDPA terms. ``lifecycle-and-review`` holds what every verdict needs: the
agreement in effect on the date judged, and review findings for what the checker cannot
decide. The default policy (policies/default.yaml) extends ``lifecycle-and-review``, ``ndpa``
and ``district-additions`` and adds the state packs. The files live in the repository's
policies/ folder; the package holds copies of them (real files, not links: a Windows checkout
turns a link into a one-line text file), which tests/test_integrations_packaging.py keeps identical.
"""

from __future__ import annotations

from importlib import resources

from .hookspecs import hookimpl


@hookimpl
def dpa_policy_presets():
    policies = resources.files("dpa_policy").joinpath("policies")
    names = ("federal", "ndpa", "ndpa-v1", "ndpa-v2", "district-additions", "lifecycle-and-review")
    return {name: policies.joinpath(f"{name}.yaml") for name in names}
