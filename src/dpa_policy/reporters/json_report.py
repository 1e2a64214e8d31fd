"""JSON: the whole run as one versioned document (docs/json-report.md describes it).

``format_version`` changes only when a field is removed or changes meaning; new fields may
appear in any release.

The document is written as it is built: the agreements and the findings are generators,
read one agreement at a time from the run (:mod:`.json_stream` writes them exactly as
``json.dumps(document, indent=2, ensure_ascii=False)`` would), so a run of any size is
written in bounded memory.
"""

from __future__ import annotations

import io
from typing import TextIO

from ..core.report import Reporter, RunReport, crashed_rules
from ..findings import Outcome, Severity
from .json_stream import write_json

FORMAT_VERSION = 1
#: Severities and outcomes as the report writes them (str() of each, looked up once).
_WORDS = {**{s: str(s) for s in Severity}, **{o: str(o) for o in Outcome}}


class JsonReporter(Reporter):
    name = "json"
    description = "the whole run as one JSON document (format_version 1)"

    def render(self, report: RunReport) -> str:
        out = io.StringIO()
        self.write(report, out)
        return out.getvalue()

    def write(self, report: RunReport, out: TextIO) -> None:
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
                # What the policy does with findings that need review: their severity (null:
                # each rule's own) and whether rules with an unconfirmed basis give them.
                "review": {"severity": str(report.policy.review_severity) if report.policy.review_severity else None,
                           "unconfirmed": report.policy.review_unconfirmed},
            },
            "fail_on": str(report.fail_on),
            # The date every date judgement was made as of (--as-of, default the day of the run).
            "as_of": report.as_of.isoformat() if report.as_of else None,
            "waivers_file": report.waivers_source,
            "config_file": report.config_source,
            "exit_code": report.exit_code(),
            # complete: False when a rule crashed; crashed_rules names them ("DPA101 [slug]").
            "summary": {**report.summary(), "by_severity": report.counts(), "complete": not report.crashes,
                        "crashed_rules": crashed_rules(report.crashes)},
            "agreements": (
                {
                    "path": r.path,
                    "id": r.summary.id if r.summary else None,
                    "vendor": r.summary.vendor if r.summary else None,
                    "loaded": r.loaded,
                    "verdict": report.verdict(r),
                    "findings": r.finding_count,
                    "policy_layers": list(r.policy.layers) if r.policy else [],
                }
                for r in report.results
            ),
            "findings": (
                {
                    "file": f.file, "line": f.line, "column": f.column, "code": f.code,
                    "slug": f.slug, "severity": _WORDS[f.severity], "message": f.message,
                    "pointer": f.pointer, "observed": f.observed, "required": f.required,
                    "layer": f.layer, "outcome": _WORDS[f.outcome],
                    "waiver": None if f.waiver is None else {
                        "approver": f.waiver.entry.approver,
                        "expires": f.waiver.entry.expires.isoformat(),
                        "justification": f.waiver.entry.justification,
                        "source": f"{f.waiver.source}:{f.waiver.position.line}:{f.waiver.position.column}",
                    },
                }
                for f in report.iter_findings()
            ),
            "internal_errors": [
                {"code": c.code, "slug": c.slug, "file": c.file, "error": c.error} for c in report.crashes
            ],
        }
        # Lossless: the same JSON values, with nothing a CI runner reads as a command.
        write_json(document, out)
