"""SARIF 2.1.0, for GitHub code scanning and other SARIF consumers.

``tool.driver.rules`` is built from the registry's metadata for the rules that ran (and the
reserved input codes), never derived from the findings: ``id`` is the stable code, ``name``
the slug, descriptions come from the rule's own documentation, ``help.markdown`` lays that
documentation out as Markdown sections, ``defaultConfiguration.level`` and
``properties.security-severity`` follow its severity in the policy.

Locations are relative to the repository root (:func:`~.locations.source_root`: ``--sarif-root``, else
``GITHUB_WORKSPACE``, else the enclosing git work tree, else the working directory), which
is what code scanning resolves them against, whatever folder dpa-policy ran from. A file
outside that root gets an absolute ``file:`` URI and no ``uriBaseId``.

Fingerprints are keyed on what identifies a finding, the normalised URI, the rule code and
the data's JSON pointer, never on the line, the path as typed or the message (which quotes
policy values), so an alert survives a moved line, a path spelled differently and a tuned
policy. GitHub reads only ``primaryLocationLineHash``; it gets the same key.

Waived findings are left out of ``results``: GitHub code scanning ignores SARIF
``suppressions`` (they are not in its supported subset), so a suppressed result would open
an alert, or keep one open. They are listed in ``run.properties.waived`` instead, with the
waiver that accepted each (docs/ci.md).
"""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path
from typing import Iterator, TextIO

from ..core.report import Reporter, RunReport
from ..core.waivers import WAIVER_CODES
from ..findings import INPUT_CODES, Finding, Severity
from .json_stream import write_json
from .locations import ROOT_ID, artifact_location, file_uri, source_root
from .sarif_help import help_markdown, information_uri, rule_help_uri

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
#: GitHub's scale: 7.0-8.9 is "high", 4.0-6.9 "medium", 0.1-3.9 "low" (9.0 and over
#: "critical" is kept for nothing: a contract term is not an exploit).
SECURITY_SEVERITY = {Severity.ERROR: "8.0", Severity.WARNING: "5.0", Severity.INFO: "2.0"}
FINGERPRINT = "dpaPolicyFinding/v2"
GITHUB_FINGERPRINT = "primaryLocationLineHash"


def fingerprint(uri: str, code: str, pointer: str) -> str:
    key = "\x1f".join((uri, code, pointer))
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()


class SarifReporter(Reporter):
    name = "sarif"
    description = "SARIF 2.1.0 (GitHub code scanning)"

    def __init__(self, root: str | os.PathLike | None = None) -> None:
        self.root = source_root(root)

    def render(self, report: RunReport) -> str:
        out = io.StringIO()
        self.write(report, out)
        return out.getvalue()

    def write(self, report: RunReport, out: TextIO) -> None:
        descriptors, index = self._rules(report)
        # A generator, written as it is read: a large run's results are never in memory at once.
        results = self._results(report, index)
        driver: dict = {"name": "dpa-policy", "version": report.tool_version}
        if report.tool_version[:1].isdigit():
            driver["semanticVersion"] = report.tool_version
        home = information_uri()
        if home:
            driver["informationUri"] = home
        driver["rules"] = descriptors
        properties: dict = {"policy": report.policy.name, "failOn": str(report.fail_on)}
        if report.config_source:  # the .dpa-policy.yaml the run's settings came from
            properties["configFile"] = report.config_source
        if report.as_of:
            properties["asOf"] = report.as_of.isoformat()
        waived = [self._waived(f) for f in report.iter_findings() if f.waiver is not None]
        if waived:
            properties["waived"] = waived
        run: dict = {
            "tool": {"driver": driver},
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {ROOT_ID: {
                "uri": file_uri(self.root) + "/",
                "description": {"text": "The repository root: locations are relative to it."},
            }},
            "results": results,
            "invocations": [self._invocation(report)],
            "properties": properties,
        }
        document = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
        # Lossless: the same JSON values, with nothing a CI runner reads as a command.
        write_json(document, out)

    def _results(self, report: RunReport, index: dict[str, int]) -> Iterator[dict]:
        seen: dict[str, int] = {}
        file = None
        for f in report.iter_findings():
            if f.waiver is not None:
                continue
            if f.file != file:  # a fingerprint names its file, so occurrences are counted per file
                seen.clear()
                file = f.file
            yield self._result(f, index, report, seen)

    def _rules(self, report: RunReport) -> tuple[list[dict], dict[str, int]]:
        descriptors: list[dict] = []
        own_help = rule_help_uri("dpa_policy")
        for code, (slug, summary) in sorted(INPUT_CODES.items()):
            full = summary + " The agreement is not checked further until it loads."
            descriptors.append(_descriptor(code, slug, summary, full, Severity.ERROR, ["input"], own_help))
        for code, (slug, summary, severity) in sorted(WAIVER_CODES.items()):
            full = summary + " Reported at the waiver, in the waivers file."
            descriptors.append(_descriptor(code, slug, summary, full, severity, ["waiver"], own_help))
        for resolved in report.rules_run():
            rule = resolved.registered.rule
            doc = rule.documentation()
            first_paragraph = doc.split("\n\n")[0].replace("\n", " ")
            descriptor = _descriptor(resolved.code, resolved.slug, rule.summary(), first_paragraph,
                                     resolved.severity, sorted(set(rule.tags)), rule_help_uri(rule.__module__))
            descriptor["help"] = {"text": doc, "markdown": help_markdown(resolved.code, resolved.slug, rule)}
            descriptor["properties"]["plugin"] = resolved.registered.plugin
            descriptors.append(descriptor)
        return descriptors, {d["id"]: i for i, d in enumerate(descriptors)}

    def _location(self, path: str, line: int | None = None, column: int | None = None) -> dict:
        physical: dict = {"artifactLocation": artifact_location(path, self.root)}
        if line is not None:
            physical["region"] = {"startLine": line, "startColumn": column}
        return {"physicalLocation": physical}

    def _result(self, finding: Finding, index: dict[str, int], report: RunReport, seen: dict[str, int]) -> dict:
        location = self._location(finding.file, finding.line, finding.column)
        if finding.pointer:
            location["logicalLocations"] = [{"fullyQualifiedName": finding.pointer, "kind": "member"}]
        key = fingerprint(location["physicalLocation"]["artifactLocation"]["uri"], finding.code, finding.pointer)
        # The same rule at the same pointer twice in one file: GitHub's ":N" occurrence suffix.
        seen[key] = seen.get(key, 0) + 1
        result = {
            "ruleId": finding.code,
            "ruleIndex": index[finding.code],
            "level": LEVELS[finding.severity],
            "message": {"text": finding.message},
            "locations": [location],
            "partialFingerprints": {GITHUB_FINGERPRINT: f"{key[:16]}:{seen[key]}", FINGERPRINT: key},
            "properties": {
                key: value for key, value in (
                    ("slug", finding.slug), ("pointer", finding.pointer), ("observed", finding.observed),
                    ("required", finding.required), ("layer", finding.layer),
                ) if value
            },
        }
        if finding.severity < report.fail_on:
            result["properties"]["belowFailOn"] = True
        result["properties"]["outcome"] = str(finding.outcome)
        if finding.needs_review:
            # SARIF's own word for "a person must decide" is kind "review"; a result whose kind
            # is not "fail" must have level "none" (SARIF 2.1.0 §3.27.10), so the severity the
            # policy gave it, which decides the exit code, is kept as a property.
            result["kind"] = "review"
            result["level"] = "none"
            result["message"] = {"text": "needs review: " + finding.message}
            result["properties"]["severity"] = str(finding.severity)
        return result

    def _waived(self, finding: Finding) -> dict:
        """A waived finding, where it is and who accepted it: a record, not a result."""
        waiver = finding.waiver
        return {
            "ruleId": finding.code,
            "message": finding.message,
            "location": self._location(finding.file, finding.line, finding.column),
            **({"pointer": finding.pointer} if finding.pointer else {}),
            "justification": waiver.entry.justification,
            "approver": waiver.entry.approver,
            "expires": waiver.entry.expires.isoformat(),
            "waiver": self._location(waiver.source, waiver.position.line, waiver.position.column),
        }

    def _invocation(self, report: RunReport) -> dict:
        notifications = [
            {
                "level": "error",
                "message": {"text": f"the run is incomplete: rule {c.code} [{c.slug}] crashed on {c.file}: {c.error}"},
                "descriptor": {"id": c.code},
                "locations": [self._location(c.file)],
            }
            for c in report.crashes
        ]
        invocation: dict = {
            "executionSuccessful": not report.crashes,
            "exitCode": report.exit_code(),
            "workingDirectory": {"uri": file_uri(Path(os.path.realpath(os.getcwd()))) + "/"},
        }
        if notifications:
            invocation["toolExecutionNotifications"] = notifications
        return invocation


def _descriptor(code: str, slug: str, summary: str, full: str, severity: Severity, tags: list[str],
                help_uri: str | None) -> dict:
    descriptor = {
        "id": code,
        "name": slug,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": full},
        "help": {"text": full, "markdown": f"**{code} {slug}**\n\n{full}\n"},
        "defaultConfiguration": {"level": LEVELS[severity]},
        "properties": {"tags": tags, "security-severity": SECURITY_SEVERITY[severity]},
    }
    if help_uri:
        descriptor["helpUri"] = help_uri
    return descriptor
