"""The hook implementations every shipped state pack provides, written once.

A pack's ``plugin`` module binds them to its package with :func:`pack_hooks`. Rules are
imported inside the hook, so loading the plugin costs nothing until the registry is built.
The preset and the golden cases are package data, found with importlib.resources.
"""

from __future__ import annotations

from importlib import import_module, resources
from typing import Callable

from ..hookspecs import hookimpl


def pack_hooks(package: str, name: str) -> tuple[Callable, Callable, Callable]:
    """The three hooks of the pack ``package`` (``dpa_policy.packs.ca``), registered as the
    plugin ``name``: its ``rules.RULES``, its preset ``presets/<name>.yaml`` and its
    ``rule_cases`` folder."""

    @hookimpl
    def dpa_policy_rules():
        return list(import_module(f"{package}.rules").RULES)

    @hookimpl
    def dpa_policy_presets():
        # The preset declares applies_to: {governing_state: [...]}: a policy with
        # `state_packs: auto` (the default policy) adds it for agreements governed by that state's law.
        return {name: resources.files(package).joinpath("presets", f"{name}.yaml")}

    @hookimpl
    def dpa_policy_rule_cases():
        return [resources.files(package).joinpath("rule_cases")]

    return dpa_policy_rules, dpa_policy_presets, dpa_policy_rule_cases
