"""The rule-case runner (dpa_policy.testing) itself: every expectation key can fail a case.

Every rule-case file, the built-in ones and the packs', trusts this runner: a runner that
ignored `observed` or the finding's place would pass them all. So each key is checked here
against one real finding, first with the right value (the case passes), then with a wrong one
(the case fails and says why). The right place is read off the text the runner writes, not
from the engine, so a finding reported at the wrong line or column fails here too.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml

from dpa_policy.cli import main
from dpa_policy.plugins import get_plugin_manager
from dpa_policy.registry import RuleRegistry
from dpa_policy.testing import CaseFileError, base_agreement_text, case_text, load_case_file, run_case

WINDOW = "/clauses/breach_notification/window"
# 5 business days can span 7 calendar days: one DPA201 finding under the default 72 hours.
LATE = {"clauses": {"breach_notification": {"window": "5 business days"}}}


@pytest.fixture(scope="module")
def registry() -> RuleRegistry:
    return RuleRegistry.from_plugins(get_plugin_manager(autoload=False))


def write_cases(tmp_path: Path, rule: str, *cases: dict, name: str | None = None) -> Path:
    path = tmp_path / (name or f"{rule}.yaml")
    path.write_text(yaml.safe_dump({"rule": rule, "cases": list(cases)}, sort_keys=False), "utf-8")
    return path


def one_case(tmp_path: Path, expect: list, agreement: dict | None = None, rule: str = "DPA201", options=None):
    raw = {"name": "under test", "agreement": agreement if agreement is not None else LATE, "expect": expect}
    if options is not None:
        raw["options"] = options
    (case,) = load_case_file(write_cases(tmp_path, rule, raw))
    return case


def window_place(tmp_path: Path) -> tuple[int, int]:
    """Line and column of the late window's value in the text the runner writes."""
    lines = case_text(one_case(tmp_path, [])).splitlines()
    (line,) = [number for number, text in enumerate(lines, 1) if text == "    window: 5 business days"]
    return line, lines[line - 1].index("5 business days") + 1


def right_expectation(tmp_path: Path) -> dict:
    line, column = window_place(tmp_path)
    return {"pointer": WINDOW, "message_contains": "up to 7 calendar days", "observed": "5 business days",
            "required": "notice within 72 hours", "at": f"{line}:{column}", "severity": "error",
            "outcome": "violation"}


def test_the_right_expectation_passes(tmp_path, registry):
    result = run_case(one_case(tmp_path, [right_expectation(tmp_path)]), registry)
    assert result.ok, result.problems
    assert [(f.code, f.pointer) for f in result.findings] == [("DPA201", WINDOW)]


def test_line_and_column_may_be_given_apart(tmp_path, registry):
    line, column = window_place(tmp_path)
    for place in ({"line": line}, {"column": column}, {"line": line, "column": column}):
        result = run_case(one_case(tmp_path, [{"pointer": WINDOW, **place}]), registry)
        assert result.ok, (place, result.problems)


# Each entry changes one key of the right expectation to a value the finding does not have.
WRONG = {
    "pointer": lambda right: WINDOW.replace("window", "trigger"),
    "message_contains": lambda right: "up to 8 calendar days",
    "observed": lambda right: "5 calendar days",
    "required": lambda right: "notice within 48 hours",
    "at (line)": lambda right: "{}:{}".format(int(right["at"].split(":")[0]) + 1, right["at"].split(":")[1]),
    "at (column)": lambda right: "{}:{}".format(right["at"].split(":")[0], int(right["at"].split(":")[1]) - 1),
    "severity": lambda right: "warning",
    "outcome": lambda right: "review",
}


@pytest.mark.parametrize("key", sorted(WRONG))
def test_a_wrong_value_of_any_expectation_key_fails_the_case(tmp_path, registry, key):
    expectation = right_expectation(tmp_path)
    field = key.split()[0]
    expectation[field] = WRONG[key](expectation)
    result = run_case(one_case(tmp_path, [expectation]), registry)
    assert not result.ok, f"a wrong {key} passed"
    assert result.problems[0].startswith(f"expected a finding {expectation}")
    # The finding that did come is shown with everything needed to fix the case.
    right = right_expectation(tmp_path)
    assert result.problems[1] == (f"unexpected finding: {WINDOW} at {right['at']} error "
                                  f"{result.findings[0].message!r} "
                                  "(observed='5 business days', required='notice within 72 hours')")


@pytest.mark.parametrize("field, delta", [("line", 1), ("line", -1), ("column", 1), ("column", -1)])
def test_a_wrong_line_or_column_key_fails_the_case(tmp_path, registry, field, delta):
    line, column = window_place(tmp_path)
    place = {"line": line, "column": column}
    place[field] += delta
    result = run_case(one_case(tmp_path, [{"pointer": WINDOW, field: place[field]}]), registry)
    assert not result.ok and result.problems[0].startswith("expected a finding")


def test_severity_is_the_rules_default(tmp_path, registry):
    """DPA204 is a warning by default: `severity: warning` passes and `error` fails."""
    contents = yaml.safe_load(base_agreement_text())["clauses"]["breach_notification"]["contents"]
    thin = {"clauses": {"breach_notification": {"contents": contents[1:]}}}  # one required item short
    pointer = "/clauses/breach_notification/contents"
    warning = one_case(tmp_path, [{"pointer": pointer, "severity": "warning"}], thin, rule="DPA204")
    assert run_case(warning, registry).ok
    error = one_case(tmp_path, [{"pointer": pointer, "severity": "error"}], thin, rule="DPA204")
    assert not run_case(error, registry).ok


def test_expecting_no_finding_fails_when_one_comes(tmp_path, registry):
    result = run_case(one_case(tmp_path, []), registry)
    assert not result.ok
    assert len(result.problems) == 1 and result.problems[0].startswith(f"unexpected finding: {WINDOW} at ")


def test_an_expected_finding_that_does_not_come_fails(tmp_path, registry):
    on_time = {"clauses": {"breach_notification": {"window": "72 hours"}}}
    result = run_case(one_case(tmp_path, [{"pointer": WINDOW}], on_time), registry)
    assert not result.ok
    assert result.problems == [f"expected a finding {{'pointer': '{WINDOW}'}}, got: no finding"]


def test_one_finding_cannot_satisfy_two_expectations(tmp_path, registry):
    result = run_case(one_case(tmp_path, [{"pointer": WINDOW}, {"pointer": WINDOW}]), registry)
    assert not result.ok and len(result.problems) == 1 and "got: no finding" in result.problems[0]


def test_findings_match_expectations_in_any_order(tmp_path, registry):
    denied = {"clauses": {"ownership": {"district_owns": False, "district_controls": False}}}
    expect = [{"pointer": "/clauses/ownership/district_controls", "observed": "false"},
              {"pointer": "/clauses/ownership/district_owns", "observed": "false"}]
    result = run_case(one_case(tmp_path, expect, denied, rule="DPA101"), registry)
    assert result.ok, result.problems
    assert len(result.findings) == 2


def test_options_reach_the_rule(tmp_path, registry):
    """A case's options are the rule's: 5 business days pass a 7 calendar day maximum."""
    assert run_case(one_case(tmp_path, [], options={"max_window": "7 calendar days"}), registry).ok
    invalid = run_case(one_case(tmp_path, [], options={"max_windw": "7 calendar days"}), registry)
    assert not invalid.ok and invalid.problems[0].startswith("invalid options for DPA201")


def test_a_crashing_rule_fails_the_case_even_when_no_finding_is_expected(tmp_path, registry, monkeypatch):
    from dpa_policy.rules.breach import BreachNoticeWindow

    def boom(self, agreement, options):
        raise KeyError("window")

    monkeypatch.setattr(BreachNoticeWindow, "check", boom)
    on_time = {"clauses": {"breach_notification": {"window": "72 hours"}}}
    result = run_case(one_case(tmp_path, [], on_time), registry)
    assert not result.ok and result.problems == ["rule crashed: KeyError: 'window'"]


def test_an_agreement_that_does_not_validate_fails_the_case(tmp_path, registry):
    typo = {"clauses": {"breach_notification": {"windw": "72 hours"}}}
    result = run_case(one_case(tmp_path, [], typo), registry)
    assert not result.ok and result.problems[0].startswith("agreement is invalid:")
    assert "windw" in result.problems[0]


def test_an_unknown_rule_fails_the_case(tmp_path, registry):
    result = run_case(one_case(tmp_path, [], rule="DPA999"), registry)
    assert result.problems == ["unknown rule 'DPA999'"]


@pytest.mark.parametrize("expectation, message", [
    ({"pointer": WINDOW, "at": "50"}, "'at' must be \"LINE:COLUMN\""),
    ({"pointer": WINDOW, "at": "50:0"}, "'at' must be \"LINE:COLUMN\""),
    ({"pointer": WINDOW, "at": "50:13", "line": 50}, "give 'at' or 'line'/'column', not both"),
    ({"pointer": WINDOW, "line": 0}, "'line' must be a whole number from 1"),
    ({"pointer": WINDOW, "column": "13"}, "'column' must be a whole number from 1"),
    ({"pointer": WINDOW, "severity": "fatal"}, "unknown severity 'fatal'"),
    ({"pointer": WINDOW, "observd": "x"}, "each expectation needs 'pointer'"),
    ({"observed": "x"}, "each expectation needs 'pointer'"),
])
def test_a_malformed_expectation_is_a_case_file_error_naming_file_and_case(tmp_path, expectation, message):
    path = write_cases(tmp_path, "DPA201", {"name": "malformed", "agreement": LATE, "expect": [expectation]})
    with pytest.raises(CaseFileError) as info:
        load_case_file(path)
    assert str(info.value).startswith(f"{path}: case 1 (malformed): ")
    assert message in str(info.value)


def test_an_unquoted_at_is_refused_with_its_place(tmp_path):
    """Unquoted, 50:13 is the number 3013 to a YAML 1.1 reader: the loader refuses it."""
    path = tmp_path / "DPA201.yaml"
    path.write_text("rule: DPA201\ncases:\n  - name: unquoted\n    expect:\n"
                    f"      - pointer: {WINDOW}\n        at: 50:13\n", "utf-8")
    with pytest.raises(CaseFileError, match=r"DPA201\.yaml:6:13: '50:13' reads as a different number"):
        load_case_file(path)


def test_verify_fails_a_folder_with_a_wrong_case(tmp_path):
    """`dpa-policy verify DIR`, what a pack author runs, exits 1 and names the case."""
    expectation = right_expectation(tmp_path)
    folder = tmp_path / "cases"
    folder.mkdir()
    passing = {"name": "the NDPA window passes", "agreement": {}, "expect": []}
    failing = {"name": "late window", "agreement": LATE, "expect": [expectation]}
    write_cases(folder, "DPA201", passing, failing)
    out, err = io.StringIO(), io.StringIO()
    assert main(["verify", "--disable-plugin", "ny", "--disable-plugin", "ct", str(folder)], stdout=out, stderr=err) == 0
    assert out.getvalue().endswith("2 passed, 0 failed\n"), out.getvalue()

    wrong = {**failing, "expect": [{**expectation, "observed": "5 calendar days"}]}
    write_cases(folder, "DPA201", passing, wrong)
    out = io.StringIO()
    assert main(["verify", "--disable-plugin", "ny", "--disable-plugin", "ct", str(folder)], stdout=out, stderr=err) == 1
    assert "FAILED " in out.getvalue() and "DPA201: late window" in out.getvalue()
    assert out.getvalue().endswith("1 passed, 1 failed\n"), out.getvalue()
