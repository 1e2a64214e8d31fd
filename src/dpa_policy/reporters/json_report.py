"""JSON: the whole run as one versioned document (docs/json-report.md describes it).

``format_version`` changes only when a field is removed or changes meaning; new fields may
appear in any release.
"""

from __future__ import annotations

import json

from ..core.report import Reporter, RunReport, crashed_rules
from .inert import json_document

FORMAT_VERSION = 1


class JsonReporter(Reporter):
    name = "json"
    description = "the whole run as one JSON document (format_version 1)"

    def render(self, report: RunReport) -> str:
        document = {
            "format": "dpa-policy-report",
            "format_version": FORMAT_VERSION,
            "tool": {"name": "dpa-policy", "version": report.tool_version},
            "policy": {
                "name": report.policy.name,
                "source": report.policy.source,
                "rules": [
                    {"code": r.code, "slug": r.slug, "severity": str(r.severity),
                     "options": r.options.model_dump(mode="json"), "required_by": r.required_by}
                    for r in report.policy.rules
                ],
            },
            "fail_on": str(report.fail_on),
            "waivers_file": report.waivers_source,
            "exit_code": report.exit_code(),
            # complete: False when a rule crashed; crashed_rules names them ("DPA101 [slug]").
            "summary": {**report.summary(), "by_severity": report.counts(), "complete": not report.crashes,
                        "crashed_rules": crashed_rules(report.crashes)},
            "agreements": [
                {
                    "path": r.path,
                    "id": r.agreement.id if r.agreement else None,
                    "vendor": r.agreement.parties.vendor.name if r.agreement else None,
                    "loaded": r.loaded,
                    "verdict": report.verdict(r),
                    "findings": len(r.findings),
                    "policy_layers": list(r.policy.layers) if r.policy else [],
                }
                for r in report.results
            ],
            "findings": [
                {
                    "file": f.file, "line": f.line, "column": f.column, "code": f.code,
                    "slug": f.slug, "severity": str(f.severity), "message": f.message,
                    "pointer": f.pointer, "observed": f.observed, "required": f.required,
                    "layer": f.layer,
                    "waiver": None if f.waiver is None else {
                        "approver": f.waiver.entry.approver,
                        "expires": f.waiver.entry.expires.isoformat(),
                        "justification": f.waiver.entry.justification,
                        "source": f"{f.waiver.source}:{f.waiver.position.line}:{f.waiver.position.column}",
                    },
                }
                for f in report.findings
            ],
            "internal_errors": [
                {"code": c.code, "slug": c.slug, "file": c.file, "error": c.error} for c in report.crashes
            ],
        }
        # Lossless: the same JSON values, with nothing a CI runner reads as a command.
        return json_document(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"
