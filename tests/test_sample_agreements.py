"""The shipped sample agreements, pinned: what the default policy says about each one.

Every file in agreements/ is run through the same path as ``dpa-policy check`` (plugin
manager, rule registry, the packaged default policy as a PolicySet, core.run.run), with the
built-in rules and presets only: the default policy adds installed state-law packs for
agreements governed by their state, so loading entry-point plugins here would make the pins
depend on what happens to be installed. Each sample is written to show particular findings,
so its findings are pinned exactly, as a multiset of (code, JSON pointer): a rule change
that adds, drops or moves a finding on a realistic agreement fails here and has to be looked
at. A new sample must be added to EXPECTED. Every date is judged as of AS_OF, the README's
documentation date, so the pins do not move with the calendar.
"""

from __future__ import annotations

import datetime
from collections import Counter
from pathlib import Path

import pytest

from dpa_policy.core.policy import PolicySet, collect_presets, default_policy_path
from dpa_policy.core.report import RunReport
from dpa_policy.core.run import RunConfig, run
from dpa_policy.findings import INPUT_CODES, Severity
from dpa_policy.plugins import get_plugin_manager
from dpa_policy.registry import RuleRegistry

AGREEMENTS = Path(__file__).resolve().parent.parent / "agreements"
AS_OF = datetime.date(2026, 11, 30)
TERM = "/term"

BREACH = "/clauses/breach_notification"
DISPOSAL = "/clauses/disposal"

# file name -> the findings it must produce under the default policy, as (code, pointer).
EXPECTED: dict[str, list[tuple[str, str]]] = {
    # M-DCPS (FL), district addendum: the clearinghouse's "promptly" + single-pass overwrite
    # disposal text; breach notice lacks the reporter, law-enforcement and notice-date items
    # (warnings). Florida: "promptly" states no period within 1006.1494(3)(c)'s 90 days. The
    # product answers families' attendance questions, yet lists no student data (a review).
    "allhere.yaml": [
        ("DPA404", "/products/0/description"),  # needs review: attendance data not listed
        ("DPA204", f"{BREACH}/contents"),  # reporter_contact
        ("DPA204", f"{BREACH}/contents"),  # notice_date
        ("DPA204", f"{BREACH}/contents"),  # law_enforcement_delay
        ("FLS501", f"{DISPOSAL}/on_request/within"),
        ("DPA501", f"{DISPOSAL}/on_request/within"),
        ("DPA501", f"{DISPOSAL}/at_termination/within"),
        ("DPA502", f"{DISPOSAL}/sanitization/0"),
    ],
    # M-DCPS (FL), NDPA 2.2: passes every rule.
    "clever.yaml": [],
    # M-DCPS (FL), district addendum: same disposal text as AllHere (so Florida's FLS501 too),
    # no audit clause, no date of notice in the breach notice (warning). Expired 2026-07-31:
    # with "promptly" at termination, when its certificate of disposal is due needs review.
    "dashpass.yaml": [
        ("DPA111", f"{TERM}/expires"),
        ("DPA113", f"{DISPOSAL}/at_termination"),  # review
        ("DPA204", f"{BREACH}/contents"),  # notice_date
        ("DPA301", "/clauses/audit"),
        ("FLS501", f"{DISPOSAL}/on_request/within"),
        ("DPA501", f"{DISPOSAL}/on_request/within"),
        ("DPA501", f"{DISPOSAL}/at_termination/within"),
        ("DPA502", f"{DISPOSAL}/sanitization/0"),
    ],
    # M-DCPS (FL), district agreement: 5 business days from confirmation can span 7 calendar days.
    # Expired 2026-06-30; disposal was due within 60 days, and no certificate is recorded.
    "schoology.yaml": [
        ("DPA111", f"{TERM}/expires"),
        ("DPA113", f"{TERM}/expires"),
        ("DPA201", f"{BREACH}/window"),
        ("DPA502", f"{DISPOSAL}/sanitization/0/standard"),  # review: NIST SP 800-88 Rev. 1 only, withdrawn
    ],
    # Lakeview CSD (NY), Education Law 2-d: New York's 7 calendar days from discovery; no date
    # of notice in the breach notice (warning). New York law (shipped): no data security and
    # privacy plan, Parents' Bill of Rights or supplemental information attached.
    "readwell.yaml": [
        ("DPA201", f"{BREACH}/window"),
        ("DPA204", f"{BREACH}/contents"),  # notice_date
        ("NYS301", "/attachments"),
        ("NYS302", "/attachments"),  # Parents' Bill of Rights
        ("NYS302", "/attachments"),  # supplemental information
        ("DPA502", f"{DISPOSAL}/sanitization/0/standard"),  # review: NIST SP 800-88 Rev. 1 only, withdrawn
    ],
    # Willow Creek CUSD 207 (IL), vendor SOPPA addendum: 30 calendar days after determination
    # (within SOPPA's, beyond the NDPA's); no date of notice (warning); silent on who pays the
    # costs of a breach, which SOPPA 85/15(4)(D) asks the agreement to allocate. Health and
    # behavioral data shared, but no purpose says why (warnings).
    "stepwise.yaml": [
        ("DPA403", "/data/student/elements/11"),  # special_indicator.medical_health
        ("DPA403", "/data/student/elements/12"),  # conduct.behavioral
        ("DPA201", f"{BREACH}/window"),
        ("DPA202", f"{BREACH}/trigger"),
        ("DPA204", f"{BREACH}/contents"),  # notice_date
        ("ILS202", f"{BREACH}/costs"),
        ("DPA502", f"{DISPOSAL}/sanitization/0/standard"),  # review: NIST SP 800-88 Rev. 1 only, withdrawn
    ],
    # Cedar Hollow ISD (TX), vendor addendum: marketing to parents allowed, silent on
    # profiling, data shared with affiliates and partners; breach notice to affected users
    # only; "reasonable security" with no framework; service providers not bound to the
    # addendum's terms; no date of notice (warning). Texas Educ. Code 32.152-32.153: silent on
    # profiling, disclosure to affiliates and partners. Expired 2026-08-14, no certificate of
    # disposal recorded 60 days on.
    "brightleaf.yaml": [
        ("DPA111", f"{TERM}/expires"),
        ("DPA113", f"{TERM}/expires"),
        ("DPA203", f"{BREACH}/recipients"),
        ("DPA204", f"{BREACH}/contents"),  # notice_date
        ("DPA401", "/clauses/data_use/prohibits/marketing"),
        ("DPA401", "/clauses/data_use/prohibits/non_educational_profiling"),
        ("DPA402", "/clauses/data_use/redisclosure"),
        ("TXS401", "/clauses/data_use/prohibits/non_educational_profiling"),
        ("TXS402", "/clauses/data_use/redisclosure"),
        ("DPA601", "/clauses/security/frameworks"),
        ("DPA701", "/clauses/subprocessors/bound_no_less_stringent"),
    ],
    # Fairview County PS (VA), division agreement: DoD 5220.22-M overwrite as the only standard;
    # no date of notice (warning).
    "routewise.yaml": [
        ("DPA204", f"{BREACH}/contents"),  # notice_date
        ("DPA502", f"{DISPOSAL}/sanitization/0"),
        ("DPA502", f"{DISPOSAL}/sanitization/0/standard"),
    ],
    # Aspen Valley SD RE-4 (CO), vendor addendum, expired: license to the vendor, control not
    # stated, no certificate of destruction; names FERPA and PPRA but not COPPA, though
    # grade 6 students can be under 13; no date of notice (warning); ethnicity or race
    # collected with no purpose that says why (warning). Expired 2025-06-30, no certificate of
    # disposal recorded 45 days on.
    "harborlight.yaml": [
        ("DPA111", f"{TERM}/expires"),
        ("DPA113", f"{TERM}/expires"),
        ("DPA403", "/data/student/elements/7"),  # demographics.ethnicity_race
        ("DPA204", f"{BREACH}/contents"),  # notice_date
        ("DPA101", "/clauses/ownership/district_controls"),
        ("DPA101", "/clauses/ownership/vendor_rights_limited_to_service"),
        ("DPA503", f"{DISPOSAL}/written_certification"),
        ("DPA801", "/clauses/legal_compliance/laws"),  # coppa
        ("DPA502", f"{DISPOSAL}/sanitization/0/standard"),  # review: NIST SP 800-88 Rev. 1 only, withdrawn
    ],
    # Harwick PS (CT), NDPA 2.0 with Connecticut terms: the NDPA's clock from confirmation,
    # where Connecticut law (shipped) counts from discovery.
    "tessellate.yaml": [
        ("CTS201", f"{BREACH}/trigger"),
        ("DPA502", f"{DISPOSAL}/sanitization/0/standard"),  # review: NIST SP 800-88 Rev. 1 only, withdrawn
    ],
    # Gallatin Valley PS (MT), NDPA imported from the signed PDF and not yet confirmed; the
    # importer could not read the NDPA version; no pack checks Montana law; it expires within
    # 90 days (warning). Every clause passes: needs review, not a pass.
    "quillmark.yaml": [
        ("DPA112", f"{TERM}/expires"),
        ("DPA122", f"{TERM}/governing_state"),  # review
        ("DPA123", "/review/status"),  # review
        ("DPA124", f"{TERM}/model_version"),  # review
    ],
    # Maple Hollow SD (NJ), vendor addendum that names no governing law: state law was not
    # checked. Every clause passes: needs review, not a pass.
    "northstar.yaml": [
        ("DPA121", f"{TERM}/governing_state"),  # review
    ],
}


@pytest.fixture(scope="module")
def report() -> RunReport:
    # autoload=False: built-ins (the shipped state packs included) only, so no installed pack
    # joins the NY/CT samples.
    pm = get_plugin_manager(autoload=False)
    registry = RuleRegistry.from_plugins(pm)
    policy = PolicySet(default_policy_path(), registry, collect_presets(pm))
    return run(RunConfig(paths=(str(AGREEMENTS),), as_of=AS_OF), policy, pm)


@pytest.fixture(scope="module")
def results(report: RunReport) -> dict:
    return {Path(r.path).name: r for r in report.results}


def test_every_sample_is_pinned(results):
    """A sample without expectations is untested; an expectation without a file is stale."""
    assert sorted(results) == sorted(EXPECTED)


def test_no_rule_crashed(report):
    assert report.crashes == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_loads_without_input_errors(name, results):
    result = results[name]
    input_problems = [f"{f.line}:{f.column} {f.code} {f.message}" for f in result.findings if f.code in INPUT_CODES]
    assert not input_problems, f"{name} does not load:\n" + "\n".join(input_problems)
    assert result.loaded


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_findings(name, results):
    actual = Counter((f.code, f.pointer) for f in results[name].findings)
    expected = Counter(EXPECTED[name])
    assert actual == expected, (
        f"{name}: unexpected {sorted((actual - expected).elements())}, "
        f"missing {sorted((expected - actual).elements())}"
    )


def test_passing_samples_are_exactly_those_without_errors(report, results):
    passed = {name for name, result in results.items() if result.passed(report.fail_on)}
    assert passed == {"clever.yaml"}  # at least one sample must pass
    assert report.fail_on is Severity.ERROR


def test_verdicts_of_the_samples(report, results):
    """Those the checker cannot decide need review, and say so apart from those that fail."""
    verdicts = {name: report.verdict(result) for name, result in results.items()}
    assert {name for name, v in verdicts.items() if v == "needs review"} == {"quillmark.yaml", "northstar.yaml"}
    assert {name for name, v in verdicts.items() if v == "pass"} == {"clever.yaml"}
    assert report.verdicts() == {"pass": 1, "fail": 9, "needs review": 2, "incomplete": 0}
    review = {(Path(f.file).name, f.code) for f in report.findings if f.needs_review}
    assert review == {("quillmark.yaml", "DPA122"), ("quillmark.yaml", "DPA123"), ("quillmark.yaml", "DPA124"),
                      ("northstar.yaml", "DPA121"), ("dashpass.yaml", "DPA113"), ("allhere.yaml", "DPA404")} | {
        (name, "DPA502") for name in ("harborlight.yaml", "readwell.yaml", "schoology.yaml", "stepwise.yaml",
                                      "tessellate.yaml")}  # NIST SP 800-88 Rev. 1 only (withdrawn 2025-09-26)


def test_every_default_policy_rule_fires_on_some_sample(report):
    """Each rule of the default policy has a real-looking agreement that trips it."""
    enabled = {rule.code for rule in report.policy.rules}
    fired = {f.code for f in report.findings}
    assert enabled, "the default policy enables no rules"
    assert enabled - fired == set(), f"rules that no sample triggers: {sorted(enabled - fired)}"
