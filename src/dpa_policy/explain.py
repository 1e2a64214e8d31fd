"""Text for `dpa-policy rules` and `dpa-policy explain RULE`."""

from __future__ import annotations

import json

from .errors import UsageError
from .registry import RuleRegistry


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
