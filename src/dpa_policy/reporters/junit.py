"""JUnit XML, for CI servers (GitLab, Jenkins, Azure DevOps) that show test reports.

One ``<testsuite>`` per agreement and one ``<testcase>`` per rule evaluated on it, so passes
are visible too. A test case with findings at or above --fail-on has one ``<failure>``
whose text lists each of them (``file:line:col``, the message, the observed value and the
requirement): one failure per failed case, so junitparser, GitLab and Jenkins count the
same failures. Findings below --fail-on are listed in the test case's ``<system-out>`` and
do not fail it. An agreement that failed to load has one test case, ``load``, failing with
its input problems. A finding that needs a
person's review fails its case with ``type="needs-review"``. A crashed rule is an
``<error>``, and its agreement's suite says in ``<system-err>`` that the run is incomplete.

Each test case carries ``file`` (the agreement's path from the repository root, which GitLab
links to) and ``time="0"``: rules are not timed and no timestamp is written, so the output
is byte-for-byte repeatable. ``file`` is not in the Jenkins XSD (it is an attribute GitLab
and pytest's xunit1 reports use); consumers that follow that XSD ignore it.

Every value goes through :func:`dpa_policy.reporters.inert.xml_value`: XML 1.0 forbids most
control characters even as character references, and a line break in a value could start a
line of the document that a CI runner reads as a command.
"""

from __future__ import annotations

import io
import shutil
import tempfile
from typing import TYPE_CHECKING, Iterator, TextIO

from ..core.report import AgreementResult, Reporter, RunReport, crashed_rules
from ..findings import Finding
from .inert import line_start, xml_document
from .locations import repository_path, source_root
from .inert import xml_value as _clean

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

def _message(finding: Finding) -> str:
    return ("needs review: " if finding.needs_review else "") + finding.message


def _fail(case: "ET.Element", findings: list[Finding], type_: str | None = None) -> None:
    """The case's one ``<failure>``: the first finding's code and message as its type and
    message (with how many there are), every finding in its text."""
    import xml.etree.ElementTree as ET  # lazy, see JunitReporter.render()

    first = findings[0]
    message = _message(first) if len(findings) == 1 else f"{len(findings)} findings; first: {_message(first)}"
    failure = ET.SubElement(case, "failure", type=type_ or _clean(first.code), message=_clean(message))
    failure.text = "\n\n".join(_describe(f) for f in findings)


def _describe(finding: Finding) -> str:
    lines = [f"{line_start(finding.file)}:{finding.line}:{finding.column}: {_clean(finding.code)} "
             f"[{_clean(finding.slug)}] {_clean(_message(finding))}"]
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
        out = io.StringIO()
        self.write(report, out)
        return out.getvalue()

    def write(self, report: RunReport, out: TextIO) -> None:
        """The document ``ET.indent`` and ``ET.tostring`` make of the whole tree, one suite at a
        time: each suite is built, serialized (indented as it would be in the tree) and let go,
        so a large run's report is never in memory at once. The totals the root carries are
        known only at the end: the suites wait in a temporary file meanwhile."""
        # xml.etree (and pyexpat) is imported here, not at the top: every run imports every
        # reporter to list the formats, and a text-only check should not pay for XML.
        import xml.etree.ElementTree as ET

        totals = {"tests": 0, "failures": 0, "errors": 0}  # the XSD allows no "skipped" here
        self._root = source_root()
        with tempfile.SpooledTemporaryFile(max_size=1 << 20, mode="w+", encoding="utf-8",
                                           errors="surrogatepass", newline="") as suites:
            count = 0
            for suite in self._suites(report):
                for key in totals:
                    totals[key] += int(suite.get(key, "0"))
                ET.indent(suite, level=1)  # as ET.indent(root) indents it, one level in
                suites.write("\n  " + xml_document(ET.tostring(suite, encoding="unicode")))
                count += 1
            root = ET.Element("testsuites", name="dpa-policy", time="0")
            for key, value in totals.items():
                root.set(key, str(value))
            empty = xml_document(ET.tostring(root, encoding="unicode"))  # <testsuites ... />
            out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
            if not count:
                out.write(empty + "\n")
                return
            out.write(empty[:-len(" />")] + ">")
            suites.seek(0)
            shutil.copyfileobj(suites, out)  # type: ignore[misc]
            out.write("\n</testsuites>\n")

    def _suites(self, report: RunReport) -> Iterator["ET.Element"]:
        for number, result in enumerate(report.results):
            yield self._suite(result, report, number)
        if report.waiver_findings:
            yield self._waiver_suite(report, len(report.results))

    def _suite(self, result: AgreementResult, report: RunReport, number: int) -> ET.Element:
        import xml.etree.ElementTree as ET  # lazy, see render()

        suite = ET.Element("testsuite", name=_clean(result.path), id=str(number), time="0")
        classname = _clean(result.path.rsplit(".", 1)[0].replace("/", "."))
        file = _clean(repository_path(result.path, self._root))
        properties = ET.SubElement(suite, "properties")
        if result.summary is not None:  # the summary, not the model: nothing is read again
            ET.SubElement(properties, "property", name="agreement.id", value=_clean(result.summary.id))
            ET.SubElement(properties, "property", name="vendor", value=_clean(result.summary.vendor))
        ET.SubElement(properties, "property", name="policy", value=_clean(report.policy.name))
        if result.policy is not None:
            ET.SubElement(properties, "property", name="policy.layers", value=_clean(" -> ".join(result.policy.layers)))
        # pass, fail, needs review or incomplete: what the agreement's suite adds up to.
        ET.SubElement(properties, "property", name="verdict", value=report.verdict(result))
        failures = errors = skipped_count = 0
        result_findings = result.iter_findings()  # read once, kept only while this suite is built
        if result.policy is None:  # the agreement did not load: one failing "load" case
            case = ET.SubElement(suite, "testcase", classname=classname, name="load", file=file, time="0")
            _fail(case, result_findings)
            failures = 1
            tests = 1
        else:
            crashes = [c for c in report.crashes if c.file == result.path]
            crashed = {c.code: c for c in crashes}
            by_rule: dict[str, list[Finding]] = {}
            for finding in result_findings:
                by_rule.setdefault(finding.code, []).append(finding)
            tests = len(result.policy.rules)
            for rule in result.policy.rules:
                case = ET.SubElement(suite, "testcase", classname=classname, name=_clean(f"{rule.code} {rule.slug}"),
                                     file=file, time="0")
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
                if blocking:
                    # Findings that need a person's review fail the case as type "needs-review",
                    # so a CI test report tells them apart from a broken term.
                    _fail(case, blocking, "needs-review" if all(f.needs_review for f in blocking) else None)
                    failures += 1
                below = [f for f in findings if f.severity < report.fail_on]
                if below:
                    out = ET.SubElement(case, "system-out")
                    out.text = "\n".join(f"({f.severity}{', needs review' if f.needs_review else ''}) "
                                         + _describe(f) for f in below)
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

        suite = ET.Element("testsuite", name=_clean(report.waivers_source or "waivers"), id=str(number), time="0")
        failures = 0
        for finding in report.waiver_findings:
            case = ET.SubElement(suite, "testcase", classname="waivers",
                                 name=_clean(f"{finding.code} {finding.slug} line {finding.line}"),
                                 file=_clean(repository_path(finding.file, self._root)), time="0")
            if finding.severity >= report.fail_on:
                _fail(case, [finding])
                failures += 1
            else:
                out = ET.SubElement(case, "system-out")
                out.text = f"({finding.severity}) " + _describe(finding)
        suite.set("tests", str(len(report.waiver_findings)))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        return suite
