"""Build the plugin manager: hook specs, the built-in plugins, then installed packs.

Third-party packs come only from the ``dpa_policy`` entry-point group of installed
distributions, one entry point at a time, so a failure names the pack that caused it.
Nothing is ever imported from the repository being checked. Nothing here runs at import
time: callers build a manager and pass it on.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from importlib import metadata

import pluggy

from . import hookspecs
from .errors import PluginError

ENTRY_POINT_GROUP = "dpa_policy"
AUTOLOAD_ENV = "DPA_POLICY_DISABLE_PLUGIN_AUTOLOAD"

# Built-in plugins, registered exactly as a third-party plugin would be. They cannot be
# blocked: without them there is no text output and no NDPA baseline.
BUILTIN_PLUGINS = (
    "dpa_policy.rules",
    "dpa_policy.reporters",
    "dpa_policy.presets",
)

# State law packs shipped with dpa-policy (src/dpa_policy/packs/): plugin name -> module.
# They load without autoload, like the built-ins above, but are named like an installed
# pack's entry point so that `--disable-plugin fl` and `dpa-policy verify fl` work the same.
BUILTIN_PACKS = {
    name: f"dpa_policy.packs.{name}.plugin"
    for name in ("ca", "co", "ct", "fl", "il", "md", "ny", "tx", "ut", "va", "wa")
}


@dataclass(frozen=True)
class PluginInfo:
    name: str
    distribution: str
    version: str
    builtin: bool


class PluginManager(pluggy.PluginManager):
    """pluggy's manager, remembering which distribution each entry-point plugin came from."""

    def __init__(self) -> None:
        super().__init__(hookspecs.PROJECT)
        self.distributions: dict[str, metadata.Distribution] = {}


def get_plugin_manager(*, autoload: bool = True, blocked: tuple[str, ...] = ()) -> PluginManager:
    """A manager with the built-ins and, when ``autoload``, every installed pack not ``blocked``."""
    pm = PluginManager()
    pm.add_hookspecs(hookspecs)
    for name in BUILTIN_PLUGINS:
        _register(pm, importlib.import_module(name), name)
    for name in blocked:
        if name in BUILTIN_PLUGINS:
            raise PluginError(f"plugin {name!r} is built in and cannot be disabled")
        pm.set_blocked(name)
    for name, module in BUILTIN_PACKS.items():
        if not pm.is_blocked(name):
            _register(pm, importlib.import_module(module), name)
    if autoload:
        for entry_point in sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda ep: ep.name):
            if pm.is_blocked(entry_point.name) or pm.has_plugin(entry_point.name):
                continue
            try:
                plugin = entry_point.load()
            except Exception as exc:  # noqa: BLE001 - any import failure is the pack's
                dist = _dist_label(entry_point)
                raise PluginError(
                    f"plugin {entry_point.name!r} ({dist}) failed to load: {exc.__class__.__name__}: {exc}"
                ) from exc
            _register(pm, plugin, entry_point.name)
            if entry_point.dist is not None:
                pm.distributions[entry_point.name] = entry_point.dist
    try:
        pm.check_pending()  # a misspelled hook name in a pack must not be silently ignored
    except pluggy.PluginValidationError as exc:
        raise PluginError(f"plugin {pm.get_name(exc.plugin)!r} is invalid: {exc}") from exc
    return pm


def plugin_manager(disabled: list[str] | tuple[str, ...] = ()) -> PluginManager:
    """The manager a command runs with: installed packs load unless the environment says
    ``DPA_POLICY_DISABLE_PLUGIN_AUTOLOAD=1``, minus each one ``--disable-plugin`` names."""
    autoload = os.environ.get(AUTOLOAD_ENV, "").strip().lower() not in ("1", "true", "yes")
    return get_plugin_manager(autoload=autoload, blocked=tuple(disabled))


def _register(pm: pluggy.PluginManager, plugin: object, name: str) -> None:
    try:
        pm.register(plugin, name=name)
    except pluggy.PluginValidationError as exc:
        raise PluginError(f"plugin {name!r} is invalid: {exc}") from exc


def _dist_label(entry_point: metadata.EntryPoint) -> str:
    dist = entry_point.dist
    return f"{dist.name} {dist.version}" if dist is not None else entry_point.value


def list_plugins(pm: pluggy.PluginManager) -> list[PluginInfo]:
    from .version import tool_version

    own_version = tool_version()
    dists = getattr(pm, "distributions", {})
    infos = []
    for name, _plugin in pm.list_name_plugin():
        if name in BUILTIN_PLUGINS or name in BUILTIN_PACKS:
            infos.append(PluginInfo(name, "dpa-policy", own_version, True))
        elif name in dists:
            infos.append(PluginInfo(name, dists[name].name, dists[name].version, False))
        else:  # registered by hand (tests, embedding applications)
            infos.append(PluginInfo(name, "-", "-", False))
    return sorted(infos, key=lambda i: (not i.builtin, i.name))
