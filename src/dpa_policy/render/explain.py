"""Text for `dpa-policy rules` and `dpa-policy explain RULE`."""

from __future__ import annotations

import json

from ..errors import UsageError
from ..registry import RuleRegistry


def rules_table(registry: RuleRegistry) -> str:
    rows = [(e.code, e.slug, str(e.rule.default_severity), e.rule.summary()) for e in registry]
    width = max(len(r[1]) for r in rows)
    lines = [f"{code}  {slug:<{width}}  {sev:<7}  {summary}" for code, slug, sev, summary in rows]
    return "\n".join(lines) + "\n"


def explain(registry: RuleRegistry, selector: str) -> str:
    entry = registry.get(selector)
    if entry is None:
        hint = registry.suggest(selector)
        raise UsageError(f"unknown rule {selector!r}" + (f" (did you mean {hint!r}?)" if hint else ""))
    rule = entry.rule
    head = f"{rule.code} {rule.slug}  (default severity: {rule.default_severity}; from plugin {entry.plugin})"
    parts = [head, "=" * len(head), "", rule.documentation(), ""]
    fields = rule.Options.model_fields
    if fields:
        parts.append("Option defaults:")
        defaults = rule.Options().model_dump(mode="json")
        for name in fields:
            parts.append(f"  {name}: {json.dumps(defaults[name])}")
        parts.append("")
    return "\n".join(parts)


def plugins_table(pm, registry: RuleRegistry) -> str:
    from ..plugins import list_plugins

    lines = []
    for info in list_plugins(pm):
        plugin = pm.get_plugin(info.name)
        provides = []
        rules = [e.code for e in registry if e.plugin == info.name]
        if rules:
            provides.append(f"{len(rules)} rules ({rules[0]}-{rules[-1]})" if len(rules) > 1 else f"rule {rules[0]}")
        for hook, word in (("dpa_policy_reporters", "formats"), ("dpa_policy_presets", "presets")):
            impl = getattr(plugin, hook, None)
            if impl is not None:
                names = sorted(impl() or {})
                if names:
                    provides.append(f"{word}: {', '.join(names)}")
        origin = "built in" if info.builtin else f"{info.distribution} {info.version}"
        lines.append(f"{info.name:<24} {origin:<28} {'; '.join(provides) or '-'}")
    return "\n".join(lines) + "\n"


def policy_show(policy_set, state: str | None) -> str:
    resolved = policy_set.for_state(state)
    head = f"{resolved.name} ({resolved.source})" + (f", for agreements governed by {state} law" if state else "")
    lines = [head, "layers, first to last: " + " -> ".join(resolved.layers), ""]
    for rule in resolved.rules:
        where = dict(rule.provenance)
        severity_from = where.get("severity", "rule default")
        lines.append(f"{rule.code} {rule.slug}: {rule.severity}  [enabled by {rule.required_by}; severity from {severity_from}]")
        defaults = rule.registered.rule.Options().model_dump(mode="json")
        for name, value in rule.options.model_dump(mode="json").items():
            origin = where.get(f"options.{name}") or ("rule default" if value == defaults.get(name) else "?")
            lines.append(f"    {name}: {json.dumps(value)}  [{origin}]")
    return "\n".join(lines) + "\n"
