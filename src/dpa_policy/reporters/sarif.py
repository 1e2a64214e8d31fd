"""SARIF 2.1.0, for GitHub code scanning and other SARIF consumers.

``tool.driver.rules`` is built from the registry's metadata for the rules that ran (and the
reserved input codes), never derived from the findings: ``id`` is the stable code, ``name``
the slug, descriptions and help come from the rule's own documentation, and
``defaultConfiguration.level`` from its severity in the policy. Each result points at a
repo-relative artifact URI with a real start line and column. ``partialFingerprints`` hash
what identifies a finding (code, file, data pointer, message) but not its line, so a finding
that merely moves keeps its identity across runs.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from urllib.parse import quote

from ..core.report import Reporter, RunReport
from ..core.waivers import WAIVER_CODES
from ..findings import INPUT_CODES, Finding, Severity
from .inert import json_document

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT = "dpaPolicyFinding/v1"


def artifact_uri(path: str) -> str:
    """A relative URI for a checked file: relative to the working directory when it is
    inside it (the repository root in CI), percent-encoded."""
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            candidate = candidate.relative_to(Path.cwd())
        except ValueError:
            return candidate.as_uri()
    # surrogateescape: a file name that is not UTF-8 is percent-encoded as its real bytes.
    return quote(candidate.as_posix().removeprefix("./"), safe="/", errors="surrogateescape")


def fingerprint(finding: Finding) -> str:
    key = "\x1f".join((finding.code, finding.file, finding.pointer, finding.message))
    # surrogateescape: a file name that is not UTF-8 hashes as its real bytes (and every
    # other key exactly as before).
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()


class SarifReporter(Reporter):
    name = "sarif"
    description = "SARIF 2.1.0 (GitHub code scanning)"

    def render(self, report: RunReport) -> str:
        descriptors, index = self._rules(report)
        results = [self._result(f, index, report) for f in report.findings]
        run: dict = {
            "tool": {
                "driver": {
                    "name": "dpa-policy",
                    "version": report.tool_version,
                    "semanticVersion": report.tool_version if report.tool_version[:1].isdigit() else None,
                    "rules": descriptors,
                }
            },
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {"SRCROOT": {"uri": Path.cwd().as_uri() + "/"}},
            "results": results,
            "invocations": [self._invocation(report)],
            "properties": {"policy": report.policy.name, "failOn": str(report.fail_on)},
        }
        if run["tool"]["driver"]["semanticVersion"] is None:
            del run["tool"]["driver"]["semanticVersion"]
        document = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
        # Lossless: the same JSON values, with nothing a CI runner reads as a command.
        return json_document(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"

    def _rules(self, report: RunReport) -> tuple[list[dict], dict[str, int]]:
        descriptors: list[dict] = []
        for code, (slug, summary) in sorted(INPUT_CODES.items()):
            descriptors.append({
                "id": code,
                "name": slug,
                "shortDescription": {"text": summary},
                "fullDescription": {"text": summary + " The agreement is not checked further until it loads."},
                "help": {"text": summary},
                "defaultConfiguration": {"level": "error"},
                "properties": {"tags": ["input"]},
            })
        for code, (slug, summary, severity) in sorted(WAIVER_CODES.items()):
            descriptors.append({
                "id": code,
                "name": slug,
                "shortDescription": {"text": summary},
                "fullDescription": {"text": summary + " Reported at the waiver, in the waivers file."},
                "help": {"text": summary},
                "defaultConfiguration": {"level": LEVELS[severity]},
                "properties": {"tags": ["waiver"]},
            })
        for resolved in report.rules_run():
            rule = resolved.registered.rule
            doc = rule.documentation()
            first_paragraph = doc.split("\n\n")[0].replace("\n", " ")
            descriptors.append({
                "id": resolved.code,
                "name": resolved.slug,
                "shortDescription": {"text": rule.summary()},
                "fullDescription": {"text": first_paragraph},
                "help": {"text": doc, "markdown": _markdown_help(resolved.code, resolved.slug, doc)},
                "defaultConfiguration": {"level": LEVELS[resolved.severity]},
                "properties": {"tags": sorted(set(rule.tags)), "plugin": resolved.registered.plugin},
            })
        return descriptors, {d["id"]: i for i, d in enumerate(descriptors)}

    @staticmethod
    def _result(finding: Finding, index: dict[str, int], report: RunReport) -> dict:
        result = {
            "ruleId": finding.code,
            "ruleIndex": index[finding.code],
            "level": LEVELS[finding.severity],
            "message": {"text": finding.message},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(finding.file), "uriBaseId": "SRCROOT"},
                    "region": {"startLine": finding.line, "startColumn": finding.column},
                },
                **({"logicalLocations": [{"fullyQualifiedName": finding.pointer, "kind": "member"}]}
                   if finding.pointer else {}),
            }],
            "partialFingerprints": {FINGERPRINT: fingerprint(finding)},
            "properties": {
                key: value for key, value in (
                    ("slug", finding.slug), ("pointer", finding.pointer), ("observed", finding.observed),
                    ("required", finding.required), ("layer", finding.layer),
                ) if value
            },
        }
        if finding.severity < report.fail_on:
            result["properties"]["belowFailOn"] = True
        if finding.waiver is not None:
            waiver = finding.waiver
            result["suppressions"] = [{
                "kind": "external",
                "status": "accepted",
                "justification": f"{waiver.entry.justification} (approved by {waiver.entry.approver}; "
                                 f"expires {waiver.entry.expires})",
                "location": {"physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(waiver.source), "uriBaseId": "SRCROOT"},
                    "region": {"startLine": waiver.position.line, "startColumn": waiver.position.column},
                }},
            }]
        return result

    @staticmethod
    def _invocation(report: RunReport) -> dict:
        notifications = [
            {
                "level": "error",
                "message": {"text": f"the run is incomplete: rule {c.code} [{c.slug}] crashed on {c.file}: {c.error}"},
                "descriptor": {"id": c.code},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(c.file), "uriBaseId": "SRCROOT"}}}],
            }
            for c in report.crashes
        ]
        invocation: dict = {
            "executionSuccessful": not report.crashes,
            "exitCode": report.exit_code(),
            "workingDirectory": {"uri": Path.cwd().as_uri() + "/"},
        }
        if notifications:
            invocation["toolExecutionNotifications"] = notifications
        return invocation


def _markdown_help(code: str, slug: str, doc: str) -> str:
    return f"**{code} {slug}**\n\n```text\n{doc}\n```\n"
