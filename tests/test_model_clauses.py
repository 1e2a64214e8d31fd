"""Model clauses: the contract language each rule offers counsel under "What would fix it".

Every shipped rule (built-in, state pack, and the regional pack in plugins/) supplies one,
built from its resolved options and writing each number as contracts do: "seventy-two (72)
hours". The counsel report and `dpa-policy explain` show it.
"""

from __future__ import annotations

import datetime
import io
import re
from pathlib import Path

import pytest

from dpa_policy.cli import main
from dpa_policy.model.contract_words import duration_words, in_words, listing, number_words, quantities, word_number
from dpa_policy.model.duration import Duration, parse_duration
from dpa_policy.plugins import plugin_manager
from dpa_policy.registry import RuleRegistry
from dpa_policy.rule import Rule
from dpa_policy.testing import base_agreement_text

REGISTRY = RuleRegistry.from_plugins(plugin_manager([]))
RULES = sorted(REGISTRY, key=lambda entry: entry.code)
#: Rules about the record, not the contract: no amendment fixes them (a person confirms the
#: record), so their model clause is deliberately None.
NO_CONTRACT_LANGUAGE = {"DPA123"}
#: Duration options that are not contract terms: how early the checker warns of an expiry.
NOT_CONTRACT_TERMS = {("DPA112", "window")}
AS_OF = "2026-06-01"


def clause(code: str, **options) -> str:
    rule = REGISTRY.get(code).rule
    return rule().model_clause(rule.Options(**options))


# ------------------------------------------------------------------------------ every rule
def test_the_shipped_rules_include_the_packs_and_the_regional_plugin():
    codes = {entry.code for entry in RULES}
    assert {"DPA201", "NYS201", "CTS201", "FLS201", "SDPC201"} <= codes


@pytest.mark.parametrize("entry", RULES, ids=lambda e: e.code)
def test_every_shipped_rule_supplies_its_own_model_clause(entry):
    rule = entry.rule
    assert rule.model_clause is not Rule.model_clause, f"{entry.code} does not override model_clause"
    text = rule().model_clause(rule.Options())
    if entry.code in NO_CONTRACT_LANGUAGE:
        assert text is None
        return
    assert isinstance(text, str) and text.strip() == text and len(text) > 40
    assert text[0].isupper() and text.endswith("."), text
    # Contract language, not the checker's vocabulary: no keys, paths, YAML or booleans.
    assert not re.search(r"\b[a-z]+_[a-z0-9_]+\b|\b(?:clauses|data)\.[a-z]|:\s*(?:true|false)\b|\btrue\b|\bfalse\b",
                         text), text
    # Every period is in words and numerals ("ten (10) calendar days"), never a bare numeral.
    assert not re.search(r"(?<!\()\b\d+\s+(?:hours?|(?:calendar |business )?days?|months?)\b", text), text


@pytest.mark.parametrize("entry", RULES, ids=lambda e: e.code)
def test_every_duration_option_appears_in_words_and_numerals(entry):
    rule = entry.rule
    options = rule.Options()
    text = rule().model_clause(options)
    for name, value in options:
        if isinstance(value, Duration) and (entry.code, name) not in NOT_CONTRACT_TERMS:
            assert duration_words(value) in text, (entry.code, name, text)


# ------------------------------------------------------------------------------ built from the options
def test_the_breach_window_follows_the_policy_maximum():
    assert "within seventy-two (72) hours of" in clause("DPA201")
    assert "within forty-eight (48) hours of" in clause("DPA201", max_window="48 hours")
    assert "within ten (10) business days of" in clause("DPA201", max_window="10 business days")
    assert "within one (1) calendar day of" in clause("DPA201", max_window="1 calendar day")


def test_the_clock_starts_at_the_latest_event_the_policy_accepts():
    assert "runs from Provider's confirmation of the Security Breach" in clause("DPA202")
    assert "runs from Provider's discovery" in clause("DPA202", accepted_triggers=["incident", "discovery"])
    assert "runs from the occurrence" in clause("DPA202", accepted_triggers=["incident"])


def test_notice_contents_list_exactly_the_required_items():
    text = clause("DPA204", required_contents=["breach_date", "incident_description"])
    assert text.endswith("(a) the date, the estimated date, or the date range of the Security Breach; and "
                         "(b) a general description of the Security Breach.")
    assert "(f)" in clause("DPA204") and "(g)" not in clause("DPA204")


def test_prohibitions_follow_the_required_list():
    text = clause("DPA401", required_prohibitions=["sale", "commercial_product_development"])
    assert text == ("Provider shall not (a) sell, rent, or trade Student Data; or (b) use Student Data to develop "
                    "commercial products or services.")
    assert clause("VAS401").count("(") == 2  # Virginia: sale and targeted advertising only


def test_disposal_windows_and_the_ndpa_v1_termination_term():
    text = clause("DPA501", max_on_request="30 calendar days", max_at_termination=None)
    assert text.startswith("Within thirty (30) calendar days of the LEA's written request")
    assert "after giving the LEA reasonable prior notice" in text and "sixty" not in text


def test_sanitization_levels_and_media():
    purge = clause("DPA502")
    assert "to at least the Purge level" in purge and "solid-state drives" in purge and "DoD 5220.22-M" in purge
    destroy = clause("DPA502", minimum_level="destroy", require_flash_coverage=False, allow_dod_alone=True)
    assert "to the Destroy level (by shredding" in destroy
    assert "solid-state drives" not in destroy and "DoD" not in destroy
    assert "magnetic hard drives and tapes may be sanitized to at least the Clear level" in clause(
        "DPA502", allow_clear_for_magnetic=True)


def test_frameworks_laws_and_audits_name_what_the_policy_names():
    text = clause("DPA601", accepted_frameworks=["nist_csf_2_0"], require_encryption_at_rest=False)
    assert "follows NIST Cybersecurity Framework 2.0." in text and "encrypt Student Data in transit," in text
    assert "ISO" not in text
    assert clause("DPA801", required_laws=["ferpa", "ppra"]).endswith(
        "including FERPA (20 U.S.C. 1232g; 34 CFR Part 99) and PPRA (20 U.S.C. 1232h; 34 CFR Part 98).")
    audit = clause("DPA301", min_per_year=2, max_notice="5 business days")
    assert "up to two (2) times in each year" in audit and "five (5) business days' written notice" in audit


def test_state_packs_write_their_own_numbers():
    assert "within seven (7) calendar days of Provider's discovery" in clause("NYS201")
    ct = clause("CTS201")
    assert "within thirty (30) calendar days" in ct and "within sixty (60) calendar days" in ct
    assert "within ten (10) calendar days of Provider's determination" in clause("FLS201")
    assert "ninety (90) calendar days" in clause("FLS501")
    assert "ten (10) calendar days of the incident" in clause("SDPC201")


# ------------------------------------------------------------------------------ where counsel sees it
def test_explain_shows_the_model_clause_with_the_default_options():
    out = io.StringIO()
    assert main(["explain", "DPA201"], stdout=out, stderr=io.StringIO()) == 0
    text = out.getvalue()
    assert "Model clause (with the default options" in text
    assert "seventy-two (72) hours" in " ".join(text.split())


def test_the_counsel_report_builds_the_clause_from_the_resolved_policy(tmp_path):
    (tmp_path / "late.yaml").write_text(base_agreement_text().replace("window: 72 hours", "window: 5 business days"))
    (tmp_path / "policy.yaml").write_text(
        "policy_version: 1\nname: Springfield policy\nextends: [ndpa]\n"
        "rules:\n  breach-notice-window:\n    options: {max_window: 48 hours}\n")
    code = main(["report", str(tmp_path / "late.yaml"), "--policy", str(tmp_path / "policy.yaml"), "--as-of", AS_OF,
                 "--html", str(tmp_path / "r.html"), "--markdown", str(tmp_path / "r.md")],
                stdout=io.StringIO(), stderr=io.StringIO())
    assert code == 1
    html = (tmp_path / "r.html").read_text("utf-8")
    fix = html.split('<code>DPA201</code>', 1)[1].split('<div class="fix">', 1)[1].split("</blockquote>", 1)[0]
    assert "within forty-eight (48) hours of Provider&#39;s discovery" in fix
    markdown = " ".join((tmp_path / "r.md").read_text("utf-8").split())
    assert "> Provider shall notify the LEA in writing" in (tmp_path / "r.md").read_text("utf-8")
    assert "within forty-eight (48) hours of Provider's discovery" in markdown


# ------------------------------------------------------------------------------ contract words
@pytest.mark.parametrize(("n", "words"), [
    (0, "zero (0)"), (1, "one (1)"), (7, "seven (7)"), (15, "fifteen (15)"), (30, "thirty (30)"),
    (45, "forty-five (45)"), (72, "seventy-two (72)"), (100, "one hundred (100)"), (365, "three hundred sixty-five (365)"),
    (1500, "one thousand five hundred (1500)"),
])
def test_numbers_in_words_and_numerals(n, words):
    assert in_words(n) == words
    assert word_number(number_words(n)) == n


def test_durations_lists_and_the_periods_a_text_states():
    assert duration_words(parse_duration("1 business day")) == "one (1) business day"
    assert listing(["a"]) == "a" and listing(["a", "b"], "or") == "a or b" and listing(["a", "b", "c"]) == "a, b, and c"
    assert quantities("within seventy-two (72) hours, or 5 business days; a 10-day cure; sixty days") == [
        (72, "hours"), (5, "business days"), (10, "days"), (60, "days")]
    assert quantities("Section 4 of the 2024 agreement") == []
    assert quantities("thirty (30) calendar days") == quantities("30 days")  # plain days are calendar days


def test_a_date_style_is_shared_by_both_pages():
    from dpa_policy.render.clearinghouse.words import plain_date
    from dpa_policy.render.dates import long_date

    day = datetime.date(2026, 2, 1)
    assert long_date(day) == plain_date(day) == "February 1, 2026"


def test_docs_describe_the_api():
    text = (Path(__file__).resolve().parents[1] / "docs" / "plugins.md").read_text("utf-8")
    assert "def model_clause(self, options" in text and "contract_words" in text
