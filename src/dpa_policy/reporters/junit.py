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
from typing import TYPE_CHECKING

from ..findings import Finding
from ..report import AgreementResult, RunReport
from . import Reporter

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

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
        # xml.etree (and pyexpat) is imported here, not at the top: every run imports every
        # reporter to list the formats, and a text-only check should not pay for XML.
        import xml.etree.ElementTree as ET

        root = ET.Element("testsuites", name="dpa-policy")
        totals = {"tests": 0, "failures": 0, "errors": 0}  # the XSD allows no "skipped" here
        suites = [self._suite(result, report, number) for number, result in enumerate(report.results)]
        if report.waiver_findings:
            suites.append(self._waiver_suite(report, len(suites)))
        for suite in suites:
            root.append(suite)
            for key in totals:
                totals[key] += int(suite.get(key, "0"))
        for key, value in totals.items():
            root.set(key, str(value))
        ET.indent(root)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"

    def _suite(self, result: AgreementResult, report: RunReport, number: int) -> ET.Element:
        import xml.etree.ElementTree as ET  # lazy, see render()

        suite = ET.Element("testsuite", name=_clean(result.path), id=str(number))
        classname = result.path.rsplit(".", 1)[0].replace("/", ".")
        properties = ET.SubElement(suite, "properties")
        if result.agreement is not None:
            ET.SubElement(properties, "property", name="agreement.id", value=_clean(result.agreement.id))
            ET.SubElement(properties, "property", name="vendor", value=_clean(result.agreement.parties.vendor.name))
        ET.SubElement(properties, "property", name="policy", value=_clean(report.policy.name))
        if result.policy is not None:
            ET.SubElement(properties, "property", name="policy.layers", value=_clean(" -> ".join(result.policy.layers)))
        failures = errors = skipped_count = 0
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
                waived = [f for f in findings if not f.counts]
                findings = [f for f in findings if f.counts]
                blocking = [f for f in findings if f.severity >= report.fail_on]
                if waived and not blocking:
                    # XSD order: skipped comes first in a test case.
                    # The Jenkins XSD types <skipped> as plain text (no message attribute).
                    skipped = ET.SubElement(case, "skipped")
                    skipped.text = "\n".join(f"{f.waiver.describe()}: {f.waiver.entry.justification}\n" + _describe(f)
                                              for f in waived)
                    skipped_count += 1
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
        suite.set("skipped", str(skipped_count))
        return suite

    def _waiver_suite(self, report: RunReport, number: int) -> ET.Element:
        """The waivers file's own findings (expired, unmatched, expiring, not allowed)."""
        import xml.etree.ElementTree as ET  # lazy, see render()

        suite = ET.Element("testsuite", name=_clean(report.waivers_source or "waivers"), id=str(number))
        failures = 0
        for finding in report.waiver_findings:
            case = ET.SubElement(suite, "testcase", classname="waivers", name=f"{finding.code} {finding.slug} line {finding.line}")
            if finding.severity >= report.fail_on:
                failure = ET.SubElement(case, "failure", type=finding.code, message=_clean(finding.message))
                failure.text = _describe(finding)
                failures += 1
            else:
                out = ET.SubElement(case, "system-out")
                out.text = f"({finding.severity}) " + _describe(finding)
        suite.set("tests", str(len(report.waiver_findings)))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        return suite
