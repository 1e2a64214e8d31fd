"""The plugin contract: hook specifications of the ``dpa_policy`` project.

A plugin is a module (or object) with functions marked ``@dpa_policy.hookimpl`` whose names
match these specifications, published through the ``dpa_policy`` entry-point group of an
installed package::

    [project.entry-points.dpa_policy]
    sdpc-regional = "dpa_policy_sdpc_regional.plugin"

Built-in rules, reporters and presets are plugins registered through the same path. Every
hook is a collection hook: each plugin's non-``None`` return value is gathered and none
overrides another. Implementations may accept any subset of a hook's parameters (pluggy's
argument subsetting); these hooks take none today, so future parameters stay compatible.
docs/plugins.md documents each hook; a test fails when one is undocumented.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Mapping, Sequence

import pluggy

if TYPE_CHECKING:
    from importlib.abc import Traversable

    from .core.report import Reporter
    from .rule import Rule

PROJECT = "dpa_policy"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def dpa_policy_rules() -> "Sequence[type[Rule]]":
    """Return the rule classes this plugin provides.

    Called once per run, when the registry is built. Each class is validated at
    registration: its code (2-5 capital letters and 3 digits; the ``DPA`` prefix is reserved
    for built-in rules) and slug (lower kebab-case) must be well formed and unique across
    every plugin, it must document itself (class docstring) and declare an options model
    (a :class:`dpa_policy.RuleOptions` subclass). A failure stops the run with exit code 2
    and names the plugin.

    :return: a sequence of :class:`dpa_policy.Rule` subclasses.
    """


@hookspec
def dpa_policy_reporters() -> "Mapping[str, type[Reporter]]":
    """Return the output formats this plugin provides, keyed by format name.

    The name is what users pass to ``--format``. Two plugins may not provide the same name.

    :return: a mapping of format name to a :class:`dpa_policy.reporters.Reporter` subclass.
    """


@hookspec
def dpa_policy_presets() -> "Mapping[str, Traversable]":
    """Return named policy presets that policies can ``extends:`` by name.

    A preset is a policy file (YAML) shipped in the plugin's package, usually found with
    ``importlib.resources.files(__package__) / "presets" / "ny.yaml"``. A preset that
    declares ``applies_to: {governing_state: [NY]}`` is also picked automatically for
    agreements governed by that state's law when a policy says ``state_packs: auto``. Two
    plugins may not provide the same name.

    :return: a mapping of preset name to a readable file (``Traversable`` or ``pathlib.Path``).
    """


@hookspec
def dpa_policy_rule_cases() -> "Sequence[Traversable]":
    """Return the golden case files (or folders of them) for this plugin's rules.

    ``dpa-policy verify`` runs them (format: :mod:`dpa_policy.testing`) and fails when a
    rule of the plugin has no passing and no failing case, so a pack's tests can simply
    run ``dpa-policy verify NAME``.

    :return: a sequence of YAML case files or folders holding ``*.yaml`` case files.
    """
