"""JUnit XML, for CI servers (GitLab, Jenkins, Azure DevOps) that show test reports.

One ``<testsuite>`` per agreement and one ``<testcase>`` per rule evaluated on it, so passes
are visible too. A finding at or above --fail-on is a ``<failure>`` carrying
``file:line:col``, the message, the observed value and the requirement; findings below it are
listed in the test case's ``<system-out>`` and do not fail it. An agreement that failed to
load has one test case, ``load``, failing with each input problem. A crashed rule is an
``<error>``, and its agreement's suite says in ``<system-err>`` that the run is incomplete.
No times or timestamps are written, so the output is byte-for-byte repeatable.

Every value goes through :func:`dpa_policy.reporters.inert.xml_value`: XML 1.0 forbids most
control characters even as character references, and a line break in a value could start a
line of the document that a CI runner reads as a command.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.report import AgreementResult, Reporter, RunReport, crashed_rules
from ..findings import Finding
from .inert import line_start, xml_document
from .inert import xml_value as _clean

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

def _describe(finding: Finding) -> str:
    lines = [f"{line_start(finding.file)}:{finding.line}:{finding.column}: {_clean(finding.code)} "
             f"[{_clean(finding.slug)}] {_clean(finding.message)}"]
    if finding.observed:
        lines.append(f"observed: {_clean(finding.observed)}")
    if finding.required:
        lines.append(f"required: {_clean(finding.required)}")
    if finding.layer:
        lines.append(f"required by: {_clean(finding.layer)}")
    return "\n".join(lines)


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
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + xml_document(ET.tostring(root, encoding="unicode")) + "\n"

    def _suite(self, result: AgreementResult, report: RunReport, number: int) -> ET.Element:
        import xml.etree.ElementTree as ET  # lazy, see render()

        suite = ET.Element("testsuite", name=_clean(result.path), id=str(number))
        classname = _clean(result.path.rsplit(".", 1)[0].replace("/", "."))
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
                failure = ET.SubElement(case, "failure", type=_clean(finding.code), message=_clean(finding.message))
                failure.text = _describe(finding)
            failures = 1
            tests = 1
        else:
            crashes = [c for c in report.crashes if c.file == result.path]
            crashed = {c.code: c for c in crashes}
            by_rule: dict[str, list[Finding]] = {}
            for finding in result.findings:
                by_rule.setdefault(finding.code, []).append(finding)
            tests = len(result.policy.rules)
            for rule in result.policy.rules:
                case = ET.SubElement(suite, "testcase", classname=classname, name=_clean(f"{rule.code} {rule.slug}"))
                if rule.code in crashed:
                    error = ET.SubElement(case, "error", type="RuleCrash", message=_clean(crashed[rule.code].error))
                    error.text = "\n".join(_clean(line) for line in crashed[rule.code].traceback.splitlines())
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
                    skipped.text = "\n".join(_clean(f"{f.waiver.describe()}: {f.waiver.entry.justification}") + "\n"
                                              + _describe(f) for f in waived)
                    skipped_count += 1
                for finding in blocking:
                    failure = ET.SubElement(case, "failure", type=_clean(finding.code), message=_clean(finding.message))
                    failure.text = _describe(finding)
                if blocking:
                    failures += 1
                below = [f for f in findings if f.severity < report.fail_on]
                if below:
                    out = ET.SubElement(case, "system-out")
                    out.text = "\n".join(f"({f.severity}) " + _describe(f) for f in below)
            if crashes:  # XSD order: a suite's system-err comes after its test cases
                err = ET.SubElement(suite, "system-err")
                err.text = _clean(f"incomplete: this agreement was not fully checked; rule"
                                  f"{'s' if len(crashes) > 1 else ''} {', '.join(crashed_rules(crashes))} crashed")
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
            case = ET.SubElement(suite, "testcase", classname="waivers",
                                 name=_clean(f"{finding.code} {finding.slug} line {finding.line}"))
            if finding.severity >= report.fail_on:
                failure = ET.SubElement(case, "failure", type=_clean(finding.code), message=_clean(finding.message))
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
