"""JUnit XML, for CI servers (GitLab, Jenkins, Azure DevOps) that show test reports.

One ``<testsuite>`` per agreement and one ``<testcase>`` per rule evaluated on it, so passes
are visible too. A finding at or above --fail-on is a ``<failure>`` carrying
``file:line:col``, the message, the observed value and the requirement; findings below it are
listed in the test case's ``<system-out>`` and do not fail it. An agreement that failed to
load has one test case, ``load``, failing with each input problem. A crashed rule is an
``<error>``. No times or timestamps are written, so the output is byte-for-byte repeatable.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..findings import Finding
from ..report import AgreementResult, RunReport
from . import Reporter

# XML 1.0 forbids most control characters; an agreement's text could carry one.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _INVALID_XML.sub("\ufffd", text)


def _describe(finding: Finding) -> str:
    lines = [f"{finding.file}:{finding.line}:{finding.column}: {finding.code} [{finding.slug}] {finding.message}"]
    if finding.observed:
        lines.append(f"observed: {finding.observed}")
    if finding.required:
        lines.append(f"required: {finding.required}")
    if finding.layer:
        lines.append(f"required by: {finding.layer}")
    return _clean("\n".join(lines))


class JunitReporter(Reporter):
    name = "junit"
    description = "JUnit XML: a test suite per agreement, a test case per rule"

    def render(self, report: RunReport) -> str:
        root = ET.Element("testsuites", name="dpa-policy")
        totals = {"tests": 0, "failures": 0, "errors": 0}
        for number, result in enumerate(report.results):
            suite = self._suite(result, report, number)
            root.append(suite)
            for key in totals:
                totals[key] += int(suite.get(key, "0"))
        for key, value in totals.items():
            root.set(key, str(value))
        ET.indent(root)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"

    def _suite(self, result: AgreementResult, report: RunReport, number: int) -> ET.Element:
        suite = ET.Element("testsuite", name=_clean(result.path), id=str(number))
        classname = result.path.rsplit(".", 1)[0].replace("/", ".")
        properties = ET.SubElement(suite, "properties")
        if result.agreement is not None:
            ET.SubElement(properties, "property", name="agreement.id", value=_clean(result.agreement.id))
            ET.SubElement(properties, "property", name="vendor", value=_clean(result.agreement.parties.vendor.name))
        ET.SubElement(properties, "property", name="policy", value=_clean(report.policy.name))
        if result.policy is not None:
            ET.SubElement(properties, "property", name="policy.layers", value=_clean(" -> ".join(result.policy.layers)))
        failures = errors = 0
        if result.policy is None:  # the agreement did not load: one failing "load" case
            case = ET.SubElement(suite, "testcase", classname=classname, name="load")
            for finding in result.findings:
                failure = ET.SubElement(case, "failure", type=finding.code, message=_clean(finding.message))
                failure.text = _describe(finding)
            failures = 1
            tests = 1
        else:
            crashed = {c.code: c for c in report.crashes if c.file == result.path}
            by_rule: dict[str, list[Finding]] = {}
            for finding in result.findings:
                by_rule.setdefault(finding.code, []).append(finding)
            tests = len(result.policy.rules)
            for rule in result.policy.rules:
                case = ET.SubElement(suite, "testcase", classname=classname, name=f"{rule.code} {rule.slug}")
                if rule.code in crashed:
                    error = ET.SubElement(case, "error", type="RuleCrash", message=_clean(crashed[rule.code].error))
                    error.text = _clean(crashed[rule.code].traceback)
                    errors += 1
                    continue
                findings = by_rule.get(rule.code, [])
                blocking = [f for f in findings if f.severity >= report.fail_on]
                for finding in blocking:
                    failure = ET.SubElement(case, "failure", type=finding.code, message=_clean(finding.message))
                    failure.text = _describe(finding)
                if blocking:
                    failures += 1
                below = [f for f in findings if f.severity < report.fail_on]
                if below:
                    out = ET.SubElement(case, "system-out")
                    out.text = "\n".join(f"({f.severity}) " + _describe(f) for f in below)
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", str(errors))
        suite.set("skipped", "0")
        return suite
