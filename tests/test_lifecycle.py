"""An agreement's life, judged as of one date, through the command line.

The issue's case first: a copy of agreements/clever.yaml that expired on 31 January 2025
passed `check` and was published to parents as in effect. Then every command judges every
date as of `--as-of` (default: today), and the same run on another day gives the same output.
"""

from __future__ import annotations

import datetime
import io
import json
import textwrap
from pathlib import Path

import pytest

from dpa_policy.cli import main
from dpa_policy.testing import base_agreement_text

ROOT = Path(__file__).resolve().parents[1]
CLEVER = ROOT / "agreements" / "clever.yaml"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(autouse=True)
def _shipped_packs_only(monkeypatch):
    monkeypatch.setenv("DPA_POLICY_DISABLE_PLUGIN_AUTOLOAD", "1")


def edited(text: str, **changes: str) -> str:
    for old, new in changes.items():
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


@pytest.fixture
def expired_clever(tmp_path: Path) -> Path:
    path = tmp_path / "agreements" / "clever-2022.yaml"
    path.parent.mkdir()
    path.write_text(edited(CLEVER.read_text("utf-8"), **{"effective: 2026-02-01": "effective: 2022-02-01",
                                                         "expires: 2029-01-31": "expires: 2025-01-31"}), "utf-8")
    return path


def codes(out: str) -> list[str]:
    return sorted(f["code"] for f in json.loads(out)["findings"])


# ------------------------------------------------------------------------- the case
def test_an_expired_agreement_fails_check(expired_clever):
    code, out, _ = run("check", str(expired_clever))
    assert code == 1
    assert "DPA111 [agreement-in-effect] the agreement expired on 2025-01-31; it is not in effect on 2026-11-30" in out
    # Sixty days after expiry the certificate of disposal was due, and none is recorded.
    assert ("DPA113 [disposal-certificate-due] the agreement expired on 2025-01-31 and disposal was due within "
            "60 calendar days, by 2025-04-01; no certificate of disposal is recorded as received") in out
    # While it ran, it passed.
    code, out, _ = run("check", str(expired_clever), "--as-of", "2024-06-01")
    assert code == 0 and "1 passed" in out


def test_an_expired_agreement_is_not_published(expired_clever, tmp_path):
    code, out, _ = run("publish", str(expired_clever.parent), "--out", str(tmp_path / "site"))
    assert code == 0
    assert "[MDCPS-NDPA-2026-0008]: not in effect on 2026-11-30: expired on 2025-01-31" in out
    assert json.loads((tmp_path / "site" / "clearinghouse.json").read_text("utf-8"))["entries"] == []
    html = (tmp_path / "site" / "index.html").read_text("utf-8")
    assert "Clever" not in html and "January 31, 2025" not in html and "31 January 2025" not in html
    # Named explicitly, it cannot be published: the run fails and nothing is written.
    code, out, _ = run("publish", str(expired_clever), "--out", str(tmp_path / "named"))
    assert code == 1 and "(named on the command line)" in out and not (tmp_path / "named").exists()


def test_publish_lists_only_agreements_in_effect_on_the_date_and_says_so(expired_clever, tmp_path):
    code, out, _ = run("publish", str(expired_clever.parent), "--out", str(tmp_path / "site"), "--as-of", "2024-06-01")
    assert code == 0 and "as of 2024-06-01" in out.splitlines()[-1]
    feed = json.loads((tmp_path / "site" / "clearinghouse.json").read_text("utf-8"))
    assert feed["as_of"] == "2024-06-01" and [e["product"]["name"] for e in feed["entries"]] == ["Clever"]
    html = (tmp_path / "site" / "index.html").read_text("utf-8")
    assert '<p class="as-of">As of ' in html and "2024" in html.split('<p class="as-of">', 1)[1].split("</p>", 1)[0]


def test_publish_leaves_out_an_expired_agreement_even_if_the_policy_ignores_expiry(expired_clever, tmp_path):
    policy = tmp_path / "no-lifecycle.yaml"
    # The NDPA alone, plus NIST CSF 2.0 (Clever's framework) as the district-additions preset accepts it.
    policy.write_text("policy_version: 1\nname: NDPA only\nextends: [ndpa]\nrules:\n  security-safeguards:\n"
                      "    options: {accepted_frameworks: [nist_csf_2_0]}\n", "utf-8")
    code, out, _ = run("check", str(expired_clever), "--policy", str(policy))
    assert code == 0  # the policy does not judge dates...
    code, out, _ = run("publish", str(expired_clever.parent), "--policy", str(policy), "--out", str(tmp_path / "site"))
    assert "not in effect on 2026-11-30: expired on 2025-01-31" in out  # ...but parents never see it as in effect


# ------------------------------------------------------------------------ the lifecycle rules
def test_an_agreement_not_yet_in_effect_fails(tmp_path):
    path = tmp_path / "future.yaml"
    path.write_text(edited(base_agreement_text(), **{"effective: 2024-07-01": "effective: 2027-01-01"}), "utf-8")
    code, out, _ = run("check", str(path))
    assert code == 1 and "DPA111 [agreement-in-effect] the agreement is not yet in effect on 2026-11-30" in out
    assert run("check", str(path), "--as-of", "2027-01-01")[0] == 0


def test_an_agreement_ending_soon_is_a_warning_with_its_renewal_terms(tmp_path):
    renewal = textwrap.indent(textwrap.dedent("""\
        renewal:
          citation: Section 12
          text: The agreement renews for one-year terms unless a party gives sixty days' notice.
          automatic: true
          period_months: 12
          notice: 60 calendar days
        """), "  ")
    path = tmp_path / "renewing.yaml"
    path.write_text(edited(base_agreement_text(), **{"  model: custom\n": "  model: custom\n" + renewal}), "utf-8")
    code, out, _ = run("check", str(path), "--as-of", "2027-04-15")
    assert code == 0  # a warning
    assert ("DPA112 [agreement-expiring] the agreement expires on 2027-06-30, in 76 days (within 90 calendar days); "
            "it renews automatically for 12-month periods unless a party gives notice (60 calendar days before the "
            "end: by 2027-05-01) (warning)") in out
    assert run("check", str(path), "--as-of", "2027-04-15", "--fail-on", "warning")[0] == 1
    # Past the stated end, an automatic renewal may or may not have happened: a person must say.
    code, out, _ = run("check", str(path), "--as-of", "2027-08-01", "--format", "json")
    (finding,) = json.loads(out)["findings"]
    assert code == 1 and (finding["code"], finding["outcome"]) == ("DPA111", "review")


def test_a_district_sets_its_own_warning_window(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text(base_agreement_text(), "utf-8")
    policy = tmp_path / "district.yaml"
    policy.write_text("policy_version: 1\nname: Early warning\nextends: [lifecycle-and-review, ndpa, district-additions]\n"
                      "state_packs: auto\nrules:\n  agreement-expiring:\n    options: {window: 240 calendar days}\n", "utf-8")
    assert codes(run("check", str(path), "--format", "json")[1]) == []
    code, out, _ = run("check", str(path), "--policy", str(policy), "--format", "json")
    (finding,) = json.loads(out)["findings"]
    assert code == 0 and finding["code"] == "DPA112" and "in 212 days (within 240 calendar days)" in finding["message"]
    assert finding["layer"] == policy.as_posix()


def test_a_terminated_agreement_owes_a_certificate_until_one_is_recorded(tmp_path):
    text = edited(base_agreement_text(), **{"  model: custom\n": "  model: custom\n  terminated: 2026-03-15\n"})
    path = tmp_path / "ended.yaml"
    path.write_text(text, "utf-8")
    code, out, _ = run("check", str(path), "--format", "json")
    findings = {f["code"]: f for f in json.loads(out)["findings"]}
    assert code == 1 and sorted(findings) == ["DPA111", "DPA113"]
    assert findings["DPA111"]["message"] == "the agreement was terminated on 2026-03-15; it is not in effect on 2026-11-30"
    assert findings["DPA113"]["required"] == "a certificate of disposal received by 2026-05-14"
    # Before the window has run, nothing is due yet.
    assert codes(run("check", str(path), "--as-of", "2026-05-13", "--format", "json")[1]) == ["DPA111"]
    path.write_text(text + "\nrecords:\n  disposal_certificate_received: 2026-04-30\n", "utf-8")
    assert codes(run("check", str(path), "--format", "json")[1]) == ["DPA111"]


# ---------------------------------------------------------------- --as-of in every command
WAIVER = """\
waivers_version: 1
waivers:
  - agreement: LATE-0001
    rule: breach-notice-window
    justification: Amendment to 72 hours is in signature.
    approver: Dana Whitfield, General Counsel
    expires: 2027-03-31
"""


def test_one_date_judges_lifecycle_and_waivers_alike(tmp_path):
    folder = tmp_path / "agreements"
    folder.mkdir()
    (folder / "late.yaml").write_text(edited(base_agreement_text(), **{
        "window: 72 hours": "window: 5 business days", "id: BASE-0001": "id: LATE-0001"}), "utf-8")
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(WAIVER, "utf-8")
    by_date = {}
    for as_of in ("2027-03-15", "2027-04-15", "2027-07-15"):
        code, out, _ = run("check", str(folder), "--waivers", str(waivers), "--as-of", as_of, "--format", "json")
        report = json.loads(out)
        assert report["as_of"] == as_of
        by_date[as_of] = (code, sorted(f["code"] for f in report["findings"] if f["waiver"] is None))
    assert by_date == {
        "2027-03-15": (0, ["DPA903"]),  # the waiver expires within 30 days
        "2027-04-15": (1, ["DPA112", "DPA201", "DPA901"]),  # the waiver has expired
        "2027-07-15": (1, ["DPA111", "DPA201", "DPA901"]),  # and so has the agreement
    }


def test_the_counsel_report_and_diff_judge_the_same_date(expired_clever, tmp_path):
    code, out, _ = run("report", str(expired_clever), "--markdown", str(tmp_path / "r.md"), "--as-of", "2024-06-01")
    assert code == 0 and "Verdict: Pass" in (tmp_path / "r.md").read_text("utf-8")
    code, out, _ = run("report", str(expired_clever), "--markdown", str(tmp_path / "r.md"))
    markdown = (tmp_path / "r.md").read_text("utf-8")
    assert code == 1 and "Verdict: Fail" in markdown and "DPA111" in markdown
    # diff: the same version on either side, judged on two dates, fails in both or neither.
    code, out, _ = run("diff", str(expired_clever), str(expired_clever), "--as-of", "2024-06-01")
    assert code == 0 and "fail in both" not in out
    code, out, _ = run("diff", str(expired_clever), str(expired_clever))
    assert code == 0 and "2 fail in both (DPA111, DPA113)" in out


def test_a_bad_as_of_is_a_usage_error_in_every_command(expired_clever, tmp_path):
    for argv in (["check"], ["report", "--html", str(tmp_path / "r.html")], ["publish", "--out", str(tmp_path / "s")]):
        code, out, err = run(*argv, str(expired_clever), "--as-of", "2026-13-01")
        assert code == 2 and "--as-of must be a date like" in err and "Traceback" not in err
    code, _, err = run("diff", str(expired_clever), str(expired_clever), "--as-of", "soon")
    assert code == 2 and "--as-of must be a date like" in err


def test_without_as_of_the_run_judges_as_of_today(monkeypatch, tmp_path):
    monkeypatch.undo()  # the suite pins the clock (tests/conftest.py); this test reads the real one
    monkeypatch.setenv("DPA_POLICY_DISABLE_PLUGIN_AUTOLOAD", "1")
    path = tmp_path / "a.yaml"
    path.write_text(base_agreement_text(), "utf-8")
    code, out, _ = run("check", str(path), "--format", "json")
    assert json.loads(out)["as_of"] == datetime.date.today().isoformat()


# --------------------------------------------------------------------- rule cases are dated
def test_rule_cases_give_their_rules_a_fixed_date(tmp_path):
    cases = tmp_path / "cases"
    cases.mkdir()
    (cases / "DPA111.yaml").write_text(textwrap.dedent("""\
        rule: DPA111
        as_of: 2027-07-01
        cases:
          - name: the day after expiry
            expect:
              - pointer: /term/expires
                outcome: violation
                message_contains: not in effect on 2027-07-01
          - name: the last day of the term
            as_of: 2027-06-30
            expect: []
        """), "utf-8")
    code, out, _ = run("verify", str(cases))
    assert code == 0, out
    (cases / "DPA111.yaml").write_text((cases / "DPA111.yaml").read_text("utf-8").replace("2027-07-01\ncases",
                                                                                          "next week\ncases"), "utf-8")
    code, out, err = run("verify", str(cases))
    assert code != 0 and "as_of must be a date like 2026-11-30, got 'next week'" in out + err


# ------------------------------------------------------------------------ the README's examples
def readme_block(after: str) -> list[str]:
    """The lines of the README's ```text block that follows the line ``after``."""
    text = (ROOT / "README.md").read_text("utf-8")
    block = text.split(after + "\n", 1)[1].split("```", 1)[0]
    return [line for line in block.splitlines() if line and line != "..."]


@pytest.mark.parametrize(("command", "block"), [
    (["check", "agreements/", "--as-of", "2026-11-30"], "$ dpa-policy check agreements/ --as-of 2026-11-30"),
    (["check", "agreements/allhere.yaml", "--as-of", "2026-11-30"],
     "(`dpa-policy check agreements/allhere.yaml --as-of 2026-11-30`, shortened):\n\n```text"),
])
def test_the_readme_shows_real_output_for_its_documentation_date(monkeypatch, command, block):
    monkeypatch.chdir(ROOT)
    _, out, _ = run(*command, "--no-config")
    lines = out.splitlines()
    shown = readme_block(block)
    assert shown, "the README block is missing"
    assert [line for line in shown if line not in lines] == []
