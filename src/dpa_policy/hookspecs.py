"""The plugin contract: hook specifications of the ``dpa_policy`` project.

A plugin is any module or object with functions marked ``@dpa_policy.hookimpl`` whose names
match these specifications. Built-in rules and reporters are plugins registered through the
same path as third-party packs. Implementations may accept any subset of a hook's
parameters (pluggy's argument subsetting), and every hook is a collection hook: each plugin's
non-``None`` return value is gathered, none overrides another.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Mapping, Sequence

import pluggy

if TYPE_CHECKING:
    from .reporters import Reporter
    from .rule import Rule

PROJECT = "dpa_policy"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def dpa_policy_rules() -> "Sequence[type[Rule]]":
    """Return the rule classes this plugin provides.

    Called once per run, when the registry is built. Each class is validated at
    registration: its code and slug must be well formed and unique across every plugin, it
    must document itself (class docstring) and declare an options model. A failure stops
    the run with exit code 2 and names the plugin.

    :return: a sequence of :class:`dpa_policy.Rule` subclasses.
    """


@hookspec
def dpa_policy_reporters() -> "Mapping[str, type[Reporter]]":
    """Return the output formats this plugin provides, keyed by format name.

    The name is what users pass to ``--format`` (``text``, ``json``...). Two plugins may
    not provide the same name.

    :return: a mapping of format name to a :class:`dpa_policy.reporters.Reporter` class.
    """
