"""Build the plugin manager: hook specs, then the built-in plugins, through one path.

Nothing here runs at import time; callers build a manager and pass it on.
"""

from __future__ import annotations

import importlib

import pluggy

from . import hookspecs
from .errors import PluginError

# Built-in plugins, registered exactly as a third-party plugin would be.
BUILTIN_PLUGINS = (
    "dpa_policy.rules",
    "dpa_policy.reporters",
)


def get_plugin_manager() -> pluggy.PluginManager:
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    for name in BUILTIN_PLUGINS:
        register_module(pm, name)
    pm.check_pending()
    return pm


def register_module(pm: pluggy.PluginManager, module_name: str) -> None:
    try:
        module = importlib.import_module(module_name)
        pm.register(module, name=module_name)
    except pluggy.PluginValidationError as exc:
        raise PluginError(f"plugin {module_name!r} is invalid: {exc}") from exc
