"""The rule registry: every rule that plugins contribute, validated once, looked up by code or slug.

Validation happens here, at registration, never at import: a plugin that contributes a
malformed or clashing rule stops the run (exit 2) with a message that names the plugin.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

import pluggy

from .errors import PluginError
from .rule import Rule, RuleOptions

CODE_RE = re.compile(r"^[A-Z]{2,5}[0-9]{3}$")
SLUG_RE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
BUILTIN_PREFIX = "DPA"
BUILTIN_PLUGIN = "dpa_policy.rules"


@dataclass(frozen=True)
class RegisteredRule:
    rule: type[Rule]
    plugin: str

    @property
    def code(self) -> str:
        return self.rule.code

    @property
    def slug(self) -> str:
        return self.rule.slug


class RuleRegistry:
    def __init__(self, entries: list[RegisteredRule]):
        self._by_code = {e.code: e for e in entries}
        self._by_slug = {e.slug: e for e in entries}

    @classmethod
    def from_plugins(cls, pm: pluggy.PluginManager) -> "RuleRegistry":
        entries: list[RegisteredRule] = []
        by_code: dict[str, RegisteredRule] = {}
        by_slug: dict[str, RegisteredRule] = {}
        for impl in pm.hook.dpa_policy_rules.get_hookimpls():
            plugin = impl.plugin_name
            try:
                contributed = impl.function()
            except Exception as exc:  # a plugin's hook itself failing is a load failure
                raise PluginError(f"plugin {plugin!r} failed to provide its rules: {exc.__class__.__name__}: {exc}") from exc
            for rule in contributed or ():
                entry = RegisteredRule(rule, plugin)
                _validate(entry)
                for index, key in ((by_code, entry.code), (by_slug, entry.slug)):
                    if key in index:
                        other = index[key]
                        raise PluginError(
                            f"rule {key!r} is provided twice: by plugin {other.plugin!r} "
                            f"({other.rule.__qualname__}) and by plugin {plugin!r} ({rule.__qualname__})"
                        )
                by_code[entry.code] = by_slug[entry.slug] = entry
                entries.append(entry)
        return cls(entries)

    def __iter__(self):
        return iter(sorted(self._by_code.values(), key=lambda e: e.code))

    def __len__(self) -> int:
        return len(self._by_code)

    def get(self, selector: str) -> RegisteredRule | None:
        return self._by_code.get(selector) or self._by_slug.get(selector)

    def suggest(self, selector: str) -> str | None:
        names = list(self._by_code) + list(self._by_slug)
        close = difflib.get_close_matches(selector, names, n=1, cutoff=0.6)
        return close[0] if close else None


def _validate(entry: RegisteredRule) -> None:
    rule, plugin = entry.rule, entry.plugin
    where = f"plugin {plugin!r}, rule {getattr(rule, '__qualname__', rule)!r}"
    if not (isinstance(rule, type) and issubclass(rule, Rule)):
        raise PluginError(f"{where}: not a subclass of dpa_policy.Rule")
    code, slug = getattr(rule, "code", None), getattr(rule, "slug", None)
    if not isinstance(code, str) or not CODE_RE.match(code):
        raise PluginError(f"{where}: code {code!r} must be 2-5 capital letters and 3 digits, like DPA201")
    if not isinstance(slug, str) or not SLUG_RE.match(slug):
        raise PluginError(f"{where}: slug {slug!r} must be lower kebab-case, like breach-notice-window")
    if code.startswith(BUILTIN_PREFIX) and plugin != BUILTIN_PLUGIN:
        raise PluginError(f"{where}: code {code!r} uses the {BUILTIN_PREFIX} prefix, which is reserved for built-in rules")
    if not rule.documentation():
        raise PluginError(f"{where}: rule {code} has no documentation (class docstring)")
    if not (isinstance(rule.Options, type) and issubclass(rule.Options, RuleOptions)):
        raise PluginError(f"{where}: rule {code} must declare Options as a subclass of dpa_policy.RuleOptions")
    if rule.outcome not in ("violation", "review"):
        raise PluginError(f"{where}: rule {code}: outcome {rule.outcome!r} must be 'violation' or 'review'")
    if rule.confidence not in ("confirmed", "unconfirmed"):
        raise PluginError(f"{where}: rule {code}: confidence {rule.confidence!r} must be 'confirmed' or 'unconfirmed'")
