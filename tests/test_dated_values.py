"""Dated values: a policy value written ``by_date`` takes effect on the date it names, and the
run's --as-of chooses which entry applies (DOMAIN.md §4.1: NIST SP 800-88 Rev. 1 withdrawn
when Rev. 2 was published, 26 Sept 2025 per secondary sources). Everything through the CLI,
apart from one check that the resolved policy cache keeps dates apart."""

from __future__ import annotations

import datetime
import io
import json
from pathlib import Path

import pytest
import yaml

from dpa_policy.cli import main
from dpa_policy.core.loader import load_text
from dpa_policy.core.policy import PolicySet, collect_presets, default_policy_path
from dpa_policy.plugins import plugin_manager
from dpa_policy.registry import RuleRegistry
from dpa_policy.testing import base_agreement_text, merge

BEFORE, ON = "2025-09-25", "2025-09-26"  # the day before NIST withdrew SP 800-88 Rev. 1, and the day itself
STANDARD = "/clauses/disposal/sanitization/0/standard"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return int(code), out.getvalue(), err.getvalue()


def findings(out: str) -> list[tuple[str, str, str, str]]:
    return sorted((f["code"], f["pointer"], f["outcome"], f["layer"]) for f in json.loads(out)["findings"])


@pytest.fixture(autouse=True)
def _no_configuration(tmp_path, monkeypatch):
    """Run in an empty folder, so no configuration file of the repository's applies."""
    monkeypatch.chdir(tmp_path)


def agreement(tmp_path: Path, standard: str, name: str = "agreement.yaml") -> Path:
    """The test base agreement (in effect 2024-07-01 to 2027-06-30, passing the default policy)
    with its flash media sanitized to Purge under ``standard``."""
    data = merge(load_text(base_agreement_text()).data, {"clauses": {"disposal": {"sanitization": [
        {"media": "flash", "method": "cryptographic_erase", "level": "purge", "standard": standard},
        {"media": "paper", "method": "shred"},
    ]}}})
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    return path


def write_policy(tmp_path: Path, rules: str, name: str = "district.yaml") -> Path:
    path = tmp_path / name
    path.write_text("policy_version: 1\nname: Springfield district policy\nextends: [ndpa, district-additions]\n"
                    "rules:\n" + rules, "utf-8")
    return path


# ------------------------------------------------------------------ the shipped presets
def test_rev1_only_agreement_passes_before_the_withdrawal_and_needs_review_from_that_day(tmp_path):
    signed_2024 = agreement(tmp_path, "nist_800_88_r1")
    code, out, _ = run("check", "--as-of", BEFORE, "--format", "json", str(signed_2024))
    assert (code, findings(out)) == (0, [])
    code, out, _ = run("check", "--as-of", ON, "--format", "json", str(signed_2024))
    assert code == 1
    assert findings(out) == [("DPA502", STANDARD, "review", "preset district-additions")]
    message = json.loads(out)["findings"][0]["message"]
    assert "nist_800_88_r1" in message and "signed before then must be amended is for a person to decide" in message


def test_rev2_agreement_passes_on_either_side_of_the_date(tmp_path):
    current = agreement(tmp_path, "nist_800_88_r2")
    for day in (BEFORE, ON, "2026-11-30"):
        code, out, _ = run("check", "--as-of", day, "--format", "json", str(current))
        assert (day, code, findings(out)) == (day, 0, [])


def test_without_as_of_the_run_resolves_as_of_today(tmp_path):
    # The suite pins today to 2026-11-30 (tests/conftest.py), after the withdrawal.
    code, out, _ = run("check", "--format", "json", str(agreement(tmp_path, "nist_800_88_r1")))
    assert code == 1 and [f[0] for f in findings(out)] == ["DPA502"]


def test_report_judges_the_policy_as_of_its_date_too(tmp_path):
    path = agreement(tmp_path, "nist_800_88_r1")
    texts = {}
    for day in (BEFORE, ON):
        code, _, err = run("report", "--as-of", day, "--markdown", str(tmp_path / f"{day}.md"), str(path))
        texts[day] = (code, (tmp_path / f"{day}.md").read_text("utf-8"))
    assert texts[BEFORE][0] == 0 and "sanitization standards named are not among" not in texts[BEFORE][1]
    assert texts[ON][0] == 1 and "sanitization standards named are not among" in texts[ON][1]


def test_policy_show_prints_the_entry_chosen_on_the_date(tmp_path):
    code, out, _ = run("policy", "show", "--as-of", BEFORE)
    assert code == 0
    assert "  as_of: 2025-09-25  [command line --as-of]\n" in out
    assert "values written by date: as of 2025-09-25" in out
    assert ('    accepted_standards: ["nist_800_88_r1", "nist_800_88_r2", "ieee_2883"]  '
            "[preset district-additions; dated entry 1 of 2, before 2025-09-26]\n") in out
    code, out, _ = run("policy", "show", "--as-of", ON)
    assert code == 0
    assert ('    accepted_standards: ["nist_800_88_r2", "ieee_2883"]  [preset district-additions; dated entry 2 of '
            "2, from 2025-09-26: NIST SP 800-88 Rev. 1 withdrawn when Rev. 2 was published") in out


def test_policy_show_rejects_a_date_it_cannot_read():
    code, out, err = run("policy", "show", "--as-of", "2025-9-26")
    assert code == 2 and out == "" and "--as-of must be a date like" in err


def test_the_configuration_files_as_of_reaches_policy_show(tmp_path):
    (tmp_path / ".dpa-policy.yaml").write_text(f"as_of: {BEFORE}\n", "utf-8")
    code, out, _ = run("policy", "show")
    assert code == 0 and "dated entry 1 of 2, before 2025-09-26" in out


# ------------------------------------------------------------- a district's own dates
def test_a_district_dates_a_severity_and_a_whole_setting(tmp_path):
    policy = write_policy(tmp_path, """\
  breach-notice-window:
    options:
      max_window:
        by_date:
          - value: 72 hours
          - from: 2026-07-01
            value: 48 hours
            note: board resolution 2026-14
  disposal-certification:
    by_date:
      - value: {enabled: false}
      - from: 2026-07-01
        value: {enabled: true, severity: warning}
""")
    slow = tmp_path / "slow.yaml"  # 60 hours: within 72, beyond 48; and no written certification
    data = merge(load_text(base_agreement_text()).data, {"clauses": {
        "breach_notification": {"window": "60 hours", "text": (
            "The Vendor shall notify the District in writing within sixty (60) hours of discovering any unauthorized "
            "access to or disclosure of District data, stating the data involved, the date of the incident and what "
            "the Vendor is doing in response.")},
        "disposal": {"written_certification": False}}})
    slow.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    code, out, _ = run("check", "--policy", str(policy), "--as-of", "2026-06-30", "--format", "json", str(slow))
    assert (code, findings(out)) == (0, [])
    code, out, _ = run("check", "--policy", str(policy), "--as-of", "2026-07-01", "--format", "json", str(slow))
    assert code == 1
    assert findings(out) == [("DPA201", "/clauses/breach_notification/window", "violation", str(policy)),
                             ("DPA503", "/clauses/disposal/written_certification", "violation", str(policy))]
    assert {f["code"]: f["severity"] for f in json.loads(out)["findings"]} == {"DPA201": "error", "DPA503": "warning"}
    code, out, _ = run("policy", "show", "--policy", str(policy), "--as-of", "2026-07-01")
    assert ('    max_window: "48 hours"  [' + str(policy)
            + "; dated entry 2 of 2, from 2026-07-01: board resolution 2026-14]") in out
    assert ("DPA503 disposal-certification: warning  [enabled by " + str(policy) + "; dated entry 2 of 2, from "
            "2026-07-01; severity from " + str(policy) + "; dated entry 2 of 2, from 2026-07-01]") in out


def test_before_its_first_date_a_dated_value_leaves_earlier_layers_in_charge(tmp_path):
    policy = write_policy(tmp_path, """\
  DPA2:
    severity:
      by_date:
        - from: 2027-01-01
          value: warning
""")
    code, out, _ = run("policy", "show", "--policy", str(policy), "--as-of", "2026-12-31")
    assert "DPA201 breach-notice-window: error  [enabled by preset ndpa-v2; severity from rule default]" in out
    code, out, _ = run("policy", "show", "--policy", str(policy), "--as-of", "2027-01-01")
    assert ("DPA201 breach-notice-window: warning  [enabled by preset ndpa-v2; severity from " + str(policy)
            + "; dated entry 1 of 1, from 2027-01-01]") in out


def test_editing_a_dated_setting_is_seen_by_the_findings_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr("dpa_policy.core.cache.MIN_FILES", 1)  # cache even a one-file run
    path = agreement(tmp_path, "nist_800_88_r2")
    data = merge(load_text(path.read_text("utf-8")).data, {"clauses": {"disposal": {"written_certification": False}}})
    path.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    dated = "  disposal-certification:\n    by_date:\n      - from: 2026-01-01\n        value: {severity: %s}\n"
    policy = write_policy(tmp_path, dated % "warning")
    assert run("check", "--policy", str(policy), "--as-of", "2026-11-30", str(path))[0] == 0  # a warning
    write_policy(tmp_path, dated % "error")  # same file, the dated entry now says error
    code, out, _ = run("check", "--policy", str(policy), "--as-of", "2026-11-30", str(path))
    assert code == 1 and "DPA503" in out
    assert any((tmp_path / "cache" / "dpa-policy").iterdir())  # the runs did use the cache


# -------------------------------------------------------------------- malformed lists
@pytest.mark.parametrize("rules, where, message", [
    ("  DPA201:\n    options:\n      max_window:\n        by_date:\n          - from: 2026-07-01\n"
     "            value: 48 hours\n          - from: 2026-01-01\n            value: 24 hours\n",
     "11:19", "max_window: by_date entry 2: 'from' 2026-01-01 is not after the previous entry's 2026-07-01; "
              "entries must be in date order, earliest first"),
    ("  DPA201:\n    options:\n      max_window:\n        by_date:\n          - value: 72 hours\n"
     "          - value: 48 hours\n",
     "10:13", "max_window: by_date entry 2: has no 'from' date; only the first entry may omit it"),
    ("  DPA201:\n    options:\n      max_window:\n        by_date:\n          - value: 72 hours\n"
     "          - from: 1 July 2026\n            value: 48 hours\n",
     "10:19", "max_window: by_date entry 2: 'from' must be a date like 2025-09-26, got '1 July 2026'"),
    ("  DPA201:\n    options:\n      max_window:\n        by_date:\n          - value: 72 hours\n"
     "          - from: 2026-07-01\n            value: 48 hours\n            since: 2026-07-01\n",
     "12:13", "max_window: by_date entry 2: 'since' is not a known field (a dated entry has from, value and note)"),
    ("  DPA201:\n    options:\n      max_window:\n        by_date: 48 hours\n",
     "8:18", "max_window: 'by_date' must be a list of entries (value, from, note), the earliest first"),
    ("  DPA201:\n    severity:\n      by_date:\n        - value: error\n        - from: 2026-07-01\n"
     "          value: loud\n",
     "10:18", "severity: by_date entry 2: Input should be 'error', 'warning' or 'info'"),
    ("  DPA201:\n    by_date:\n      - value: {}\n      - from: 2026-07-01\n        value: {severty: warning}\n",
     "9:17", "DPA201: by_date entry 2: 'severty': is not a known field"),
    ("  DPA201:\n    options:\n      max_window:\n        by_date:\n          - value: 72 hours\n"
     "          - from: 2026-07-01\n            value: {by_date: [{value: 48 hours}]}\n",
     "11:20", "max_window: by_date entry 2: dated values do not nest"),
    ("  DPA201:\n    options:\n      max_window:\n        by_date:\n          - value: 72 hours\n"
     "          - from: 2026-07-01\n            value: two days\n",
     "11:20", "rule DPA201 (breach-notice-window): option 'max_window'"),
], ids=["out of order", "second entry undated", "not a date", "unknown field", "not a list", "bad severity",
        "bad setting", "nested", "bad option value in a later entry"])
def test_a_malformed_dated_value_stops_the_run_at_its_line_and_column(tmp_path, rules, where, message):
    policy = write_policy(tmp_path, rules)
    good = agreement(tmp_path, "nist_800_88_r2")
    for argv in (("check", "--policy", str(policy), str(good)), ("policy", "show", "--policy", str(policy))):
        code, out, err = run(*argv)
        assert code == 2 and out == ""
        assert f"{policy}:{where}: {message}" in err, err
        assert "Traceback" not in err


def test_the_shipped_presets_date_only_what_domain_md_dates():
    """The one dated value the presets ship: DPA502's accepted standards, on NIST's withdrawal of
    SP 800-88 Rev. 1 (DOMAIN.md §4.1). COPPA's compliance date (2026-04-22) changes no term the
    agreement format can check (DOMAIN.md §3.3), so nothing is dated on it."""
    pm = plugin_manager([])
    policy_set = PolicySet(default_policy_path(), RuleRegistry.from_plugins(pm), collect_presets(pm))
    assert policy_set.has_dated_values
    before = policy_set.at(datetime.date(2025, 9, 25)).for_state(None)
    on = policy_set.at(datetime.date(2025, 9, 26)).for_state(None)
    changed = {r.code: (r.options, r2.options) for r in before.rules for r2 in on.rules
               if r.code == r2.code and (r.options != r2.options or r.severity != r2.severity)}
    assert list(changed) == ["DPA502"]
    assert changed["DPA502"][1].accepted_standards == ["nist_800_88_r2", "ieee_2883"]
    # The cache keeps the dates apart, and a view for one date leaves the set as it was.
    assert policy_set.at(datetime.date(2025, 9, 25)).for_state(None) is before
    assert policy_set.as_of is None
