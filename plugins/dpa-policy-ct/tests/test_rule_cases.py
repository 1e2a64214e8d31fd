"""The pack's golden cases, one pytest item each (the same runner as `dpa-policy verify ct`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dpa_policy.testing import load_case_file, run_case
from dpa_policy_ct.rules import RULES

from ct_support import PACKAGE

CASES_DIR = Path(str(PACKAGE.joinpath("rule_cases")))
CASE_FILES = sorted(CASES_DIR.glob("*.yaml"))


def _cases():
    for path in CASE_FILES:
        for case in load_case_file(path):
            yield pytest.param(case, id=case.id)


@pytest.mark.parametrize("case", list(_cases()))
def test_rule_case(case, registry):
    result = run_case(case, registry)
    assert result.ok, "\n".join(result.problems)


def test_one_case_file_per_rule_with_passing_and_failing_cases():
    assert [p.stem for p in CASE_FILES] == sorted(rule.code for rule in RULES)
    for path in CASE_FILES:
        cases = load_case_file(path)
        assert {c.rule for c in cases} == {path.stem}
        kinds = [bool(c.expect) for c in cases]
        assert kinds.count(False) >= 2 and kinds.count(True) >= 2, f"{path.name}: several passing and failing cases"


def test_the_base_agreement_passes_every_cts_rule(registry):
    """The cases start from it; if it failed a rule, every 'expect: []' case would too."""
    from dpa_policy.testing import Case

    base = CASES_DIR.parent / "testdata" / "ct-base-agreement.yaml"
    for rule in RULES:
        case = Case(rule.code, "base agreement", {}, {}, [], base, str(base))
        result = run_case(case, registry)
        assert result.ok, f"{rule.code}: " + "\n".join(result.problems)


def test_the_runner_catches_a_wrong_expectation(registry, tmp_path):
    """The runner must be able to fail: a 31-day window wrongly expected to pass."""
    base = CASES_DIR.parent / "testdata" / "ct-base-agreement.yaml"
    path = tmp_path / "CTS201.yaml"
    path.write_text(
        f"rule: CTS201\nbase: {base.as_posix()}\ncases:\n  - name: wrongly expects a pass\n    agreement:\n"
        "      clauses:\n        breach_notification: {window: 31 calendar days}\n    expect: []\n"
    )
    (case,) = load_case_file(path)
    result = run_case(case, registry)
    assert not result.ok and "unexpected finding" in result.problems[0]
