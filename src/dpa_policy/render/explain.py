"""Text for `dpa-policy rules` and `dpa-policy explain RULE`."""

from __future__ import annotations

import json
import textwrap

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
    clause = rule().model_clause(rule.Options())
    if clause:
        # The counsel report builds the same clause from each agreement's resolved policy.
        parts.append("Model clause (with the default options; `dpa-policy report` uses the policy's):")
        parts.extend(textwrap.wrap(clause, width=88, initial_indent="  ", subsequent_indent="  ",
                                   break_on_hyphens=False, break_long_words=False))
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
    lines = [head, "layers, first to last: " + " -> ".join(resolved.layers)]
    if policy_set.has_dated_values:
        day = policy_set.resolved_as_of().isoformat()
        lines.append(f"values written by date: as of {day} (--as-of DATE chooses another day)")
    if resolved.review_severity is not None or resolved.review_unconfirmed:
        severity = resolved.review_severity or "each rule's own"
        lines.append(f"findings that need review: severity {severity}"
                     + ("; findings of rules with an unconfirmed legal basis need review" if resolved.review_unconfirmed
                        else ""))
    lines.append("")
    for rule in resolved.rules:
        where = dict(rule.provenance)
        dated = dict(rule.dated)

        def origin_of(name: str, layer: str) -> str:  # the layer, and the dated entry if one chose the value
            return f"{layer}; {dated[name]}" if name in dated else layer

        enabled_by = origin_of("enabled", rule.required_by)
        severity_from = origin_of("severity", where["severity"]) if "severity" in where else "rule default"
        lines.append(f"{rule.code} {rule.slug}: {rule.severity}  [enabled by {enabled_by}; severity from {severity_from}]")
        defaults = rule.registered.rule.Options().model_dump(mode="json")
        for name, value in rule.options.model_dump(mode="json").items():
            layer = where.get(f"options.{name}")
            origin = origin_of(f"options.{name}", layer) if layer else (
                "rule default" if value == defaults.get(name) else "?")
            lines.append(f"    {name}: {json.dumps(value)}  [{origin}]")
    return "\n".join(lines) + "\n"
