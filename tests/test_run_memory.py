"""What a run keeps of each agreement: a summary, a tally, and findings stored on disk; and
the JSON report written piece by piece. Each must say exactly what the full objects said."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from dpa_policy.cli import main
from dpa_policy.core.report import AgreementResult, RunReport
from dpa_policy.core.results import (AgreementSummary, FindingStore, InputChanged, Tally, decode_findings,
                                     encode_findings, file_digest, reload_agreement)
from dpa_policy.findings import Finding, Outcome, Severity
from dpa_policy.reporters.inert import json_document
from dpa_policy.reporters.json_stream import write_json
from dpa_policy.testing import base_agreement_text


def finding(**changes) -> Finding:
    values = dict(file="a.yaml", line=3, column=5, code="DPA201", slug="breach-notice-window",
                  severity=Severity.ERROR, message="window 10 business days exceeds 72 hours", pointer="/x",
                  observed="10 business days", required="72 hours", layer="preset ndpa")
    values.update(changes)
    return Finding(**values)


def test_findings_come_back_from_their_encoding_field_for_field_and_type():
    originals = [
        finding(),
        finding(severity=Severity.INFO, outcome=Outcome.REVIEW, observed=None, required=None, pointer=""),
        finding(message="a name that is not UTF-8: caf\udce9, and ##[ and \u2028", line=1, column=1),
    ]
    back = decode_findings(encode_findings(originals), "a.yaml")
    assert back == originals
    for got, want in zip(back, originals):
        assert [type(getattr(got, name)) for name in got.__slots__] == [type(getattr(want, name)) for name in want.__slots__]


def test_a_waived_finding_is_never_stored():
    with pytest.raises(ValueError):
        encode_findings([finding(waiver=object())])


def test_a_tally_counts_what_the_verdicts_need():
    tally = Tally.of([finding(), finding(severity=Severity.WARNING), finding(outcome=Outcome.REVIEW),
                      finding(waiver=object())])
    assert len(tally) == 4
    assert tally.count() == 3 and tally.count(counted=False) == 1 and tally.count(counted=None) == 4
    assert tally.count(at_least=Severity.ERROR) == 2 and tally.count(severity=Severity.WARNING) == 1
    assert tally.count(outcome=Outcome.REVIEW) == 1 and tally.count(at_least=Severity.ERROR, outcome=Outcome.VIOLATION) == 1


def test_a_stored_result_answers_as_one_held_in_memory():
    findings = sorted([finding(line=9), finding(severity=Severity.WARNING, line=2), finding(outcome=Outcome.REVIEW)],
                      key=Finding.sort_key)
    store = FindingStore()
    stored = AgreementResult.stored("a.yaml", AgreementSummary("A-1", "Acme"), None, store,
                                    store.append(encode_findings(findings)), Tally.of(findings))
    held = AgreementResult("a.yaml", list(findings), summary=AgreementSummary("A-1", "Acme"))
    for fail_on in Severity:
        assert (stored.passed(fail_on), stored.fails(fail_on), stored.needs_review(fail_on)) == \
               (held.passed(fail_on), held.fails(fail_on), held.needs_review(fail_on))
    assert stored.iter_findings() == held.findings and stored.finding_count == 3
    # Changes made through .findings stick, and the tally follows them.
    stored.findings.append(finding(severity=Severity.INFO, line=20))
    assert stored.finding_count == 4 and stored.tally.count(severity=Severity.INFO) == 1
    report = RunReport(policy=None, fail_on=Severity.ERROR, results=[stored])  # type: ignore[arg-type]
    assert report.findings == stored.findings and report.counts() == {"error": 2, "warning": 1, "info": 1}


def test_the_full_agreement_is_read_again_only_while_its_file_is_unchanged(tmp_path):
    path = tmp_path / "a.yaml"
    raw = base_agreement_text().encode()
    path.write_bytes(raw)
    summary = AgreementSummary("BASE-0001", "Vendor", file_digest(raw))
    assert reload_agreement(path.as_posix(), summary).id == "BASE-0001"
    path.write_bytes(raw.replace(b"72 hours", b"96 hours"))
    reload_agreement.cache_clear()
    with pytest.raises(InputChanged, match="changed while dpa-policy was running"):
        reload_agreement(path.as_posix(), summary)


def test_publish_reads_each_agreement_again_and_refuses_one_that_changed(tmp_path, monkeypatch):
    """The page shows the terms that were checked, or nothing: an agreement edited between
    the check and the page stops the run (exit 2) and nothing is written."""
    folder = tmp_path / "in"
    folder.mkdir()
    good = folder / "good.yaml"
    good.write_text(base_agreement_text())
    from dpa_policy.render.clearinghouse import page

    real_select = page.select

    def select_then_edit(report, *rest, **named):
        good.write_text(base_agreement_text().replace("72 hours", "48 hours"))
        return real_select(report, *rest, **named)

    monkeypatch.setattr(page, "select", select_then_edit)
    err = io.StringIO()
    code = main(["publish", str(folder), "--out", str(tmp_path / "site")], stdout=io.StringIO(), stderr=err)
    assert code == 2 and "changed while dpa-policy was running" in err.getvalue()
    assert not (tmp_path / "site").exists()


def test_publish_reads_again_only_the_agreements_it_publishes(tmp_path, monkeypatch):
    """Why an agreement is left out (it failed, it expired) comes from the run; only the
    agreements on the page are read again. Cold, warm and uncached runs agree."""
    folder = tmp_path / "in"
    folder.mkdir()
    text = base_agreement_text()
    (folder / "good.yaml").write_text(text)
    (folder / "late.yaml").write_text(text.replace("id: BASE-0001", "id: LATE")
                                      .replace("window: 72 hours", "window: 10 business days"))
    (folder / "ended.yaml").write_text(text.replace("id: BASE-0001", "id: ENDED")
                                       .replace("expires: 2027-06-30", "expires: 2025-06-30"))
    for n in range(15):  # enough agreements for the run to use the cache
        (folder / f"more-{n:02d}.yaml").write_text(text.replace("id: BASE-0001", f"id: MORE-{n:02d}")
                                                   .replace("window: 72 hours", "window: 10 business days"))
    assert "expires: 2027-06-30" in text
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    from dpa_policy.core import report as report_module

    read_again: list[str] = []
    real_reload = report_module.reload_agreement.__wrapped__

    def reload(path, summary):
        read_again.append(Path(path).name)
        return real_reload(path, summary)

    monkeypatch.setattr(report_module, "reload_agreement", reload)
    outputs = []
    for flags in ([], [], ["--no-cache"]):  # cold (filling the cache), warm, uncached
        out = io.StringIO()
        site = tmp_path / f"site-{len(outputs)}"
        assert main(["publish", str(folder), "--out", str(site), "--as-of", "2026-11-30", *flags], stdout=out) == 0
        outputs.append((out.getvalue().replace(site.as_posix(), "SITE"), (site / "clearinghouse.json").read_text()))
        assert set(read_again) == {"good.yaml"}, read_again
        read_again.clear()
    assert outputs[0] == outputs[1] == outputs[2]
    assert "ended.yaml [ENDED]: not in effect on 2026-11-30: expired on 2025-06-30" in outputs[0][0]
    assert "late.yaml [LATE]: fails DPA201" in outputs[0][0]


@pytest.mark.parametrize("value", [
    {}, [], {"a": []}, {"a": {}}, [[[]]], [{}], "text", 5, None, 1.5, True, (1, (2,)),
    {"a": [1, 2, {"b": []}], "c": None, "d": False, "e": 2.5, "f": "##[x \ud800 \u2028 é\n\t\""},
    {"severity": Severity.ERROR, "outcome": Outcome.REVIEW, 1: "int key", None: "none key", True: "bool key"},
])
def test_the_streaming_json_writer_writes_what_json_dumps_writes(value):
    expected = json_document(json.dumps(value, indent=2, ensure_ascii=False)) + "\n"
    out = io.StringIO()
    write_json(value, out)
    assert out.getvalue() == expected
    streamed = io.StringIO()  # the same, with lists given as iterators
    write_json({"items": iter([value, value]), "empty": iter([])}, streamed)
    assert streamed.getvalue() == json_document(json.dumps({"items": [value, value], "empty": []}, indent=2,
                                                           ensure_ascii=False)) + "\n"


def test_the_json_report_of_a_run_is_the_document_json_dumps_would_write(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.yaml").write_text(base_agreement_text())
    (folder / "late.yaml").write_text(base_agreement_text().replace("id: BASE-0001", "id: LATE")
                                      .replace("window: 72 hours", "window: 10 business days"))
    (folder / "broken.yaml").write_text("a: [1,\n")
    out = io.StringIO()
    main(["check", str(folder), "--format", "json"], stdout=out, stderr=io.StringIO())
    document = json.loads(out.getvalue())
    assert out.getvalue() == json_document(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"
    assert [(Path(a["path"]).name, a["id"], a["findings"] > 0) for a in document["agreements"]] == [
        ("broken.yaml", None, True), ("good.yaml", "BASE-0001", False), ("late.yaml", "LATE", True)]
    assert sum(a["findings"] for a in document["agreements"]) == len(document["findings"])


def test_junit_written_suite_by_suite_is_the_document_of_the_whole_tree(tmp_path):
    import xml.etree.ElementTree as ET

    from dpa_policy.core.options import load_policy_set
    from dpa_policy.core.run import RunConfig, run
    from dpa_policy.plugins import plugin_manager
    from dpa_policy.registry import RuleRegistry
    from dpa_policy.reporters.junit import JunitReporter
    from dpa_policy.reporters.inert import xml_document
    from dpa_policy.reporters.locations import source_root

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.yaml").write_text(base_agreement_text())
    (folder / "late.yaml").write_text(base_agreement_text().replace("id: BASE-0001", "id: LATE")
                                      .replace("window: 72 hours", "window: 10 business days"))
    (folder / "broken.yaml").write_text("a: [1,\n")
    pm = plugin_manager([])
    registry = RuleRegistry.from_plugins(pm)
    report = run(RunConfig(paths=(str(folder),)), load_policy_set(None, pm, registry), pm, tool_version="1")
    reporter = JunitReporter()
    streamed = reporter.render(report)
    reporter._root = source_root()
    root = ET.Element("testsuites", name="dpa-policy", time="0")
    suites = list(reporter._suites(report))
    root.extend(suites)
    for key in ("tests", "failures", "errors"):
        root.set(key, str(sum(int(s.get(key)) for s in suites)))
    ET.indent(root)
    assert streamed == '<?xml version="1.0" encoding="UTF-8"?>\n' + xml_document(ET.tostring(root, encoding="unicode")) + "\n"
    empty = RunReport(policy=report.policy, fail_on=Severity.ERROR)
    assert reporter.render(empty).endswith('<testsuites name="dpa-policy" time="0" tests="0" failures="0" errors="0" />\n')


def _reference_choice(annotations):
    """The GitHub reporter's choice as first written, over every annotation at once."""
    chosen = []
    for level in ("error", "warning", "notice"):
        crashes = [i for i, lvl, _, _, crash in annotations if lvl == level and crash]
        per_file = {}
        for index, lvl, file, _, crash in annotations:
            if lvl == level and not crash:
                per_file.setdefault(file, []).append(index)
        picked = crashes[:10]
        depth = 0
        while len(picked) < 10 and any(depth < len(queue) for queue in per_file.values()):
            picked += [queue[depth] for queue in per_file.values() if depth < len(queue)][:10 - len(picked)]
            depth += 1
        chosen += picked
    return sorted(chosen)


@pytest.mark.parametrize("seed", range(40))
def test_github_keeps_only_what_it_may_choose_and_chooses_the_same(seed):
    import random

    from dpa_policy.reporters.github import PER_LEVEL, _candidates, _most_important

    assert PER_LEVEL == 10
    rng = random.Random(seed)
    annotations = []
    for place in range(rng.randint(0, 400)):
        annotations.append((place, rng.choice(("error", "warning", "notice")), f"f{rng.randint(0, rng.randint(1, 40))}",
                            f"line {place}", rng.random() < 0.05))
    kept, total = _candidates(iter(annotations))
    assert total == len(annotations) and len(kept) <= 3 * (PER_LEVEL + PER_LEVEL * PER_LEVEL)
    assert sorted(_most_important(kept)) == _reference_choice(annotations)


def _portfolio(tmp_path: Path, count: int) -> Path:
    folder = tmp_path / "agreements"
    folder.mkdir()
    text = base_agreement_text()
    for n in range(count):
        body = text.replace("id: BASE-0001", f"id: PORT-{n:04d}")
        if n % 3 == 1:  # some fail, so sections carry findings, rules and model clauses
            body = body.replace("window: 72 hours", "window: 10 business days")
        (folder / f"a{n:04d}.yaml").write_text(body, "utf-8")
    return folder


def test_the_counsel_report_builds_one_agreement_view_at_a_time(tmp_path, monkeypatch):
    """The report keeps a line per agreement; each agreement's full view exists only while
    its section is written, and no stored result keeps its decoded findings afterwards."""
    import gc
    import weakref

    from dpa_policy.render.counsel import build, render_html, write_html
    from dpa_policy.render.counsel import view as view_module

    folder = _portfolio(tmp_path, 12)
    from dpa_policy.core.options import load_policy_set
    from dpa_policy.core.run import RunConfig, run
    from dpa_policy.plugins import get_plugin_manager
    from dpa_policy.registry import RuleRegistry

    pm = get_plugin_manager(autoload=False)
    report = run(RunConfig(paths=(str(folder),)), load_policy_set(None, pm, RuleRegistry.from_plugins(pm)), pm)
    alive: list[weakref.ref] = []
    built = view_module._agreement

    def tracked(*args, **kwargs):
        view = built(*args, **kwargs)
        alive.append(weakref.ref(view))
        return view

    monkeypatch.setattr(view_module, "_agreement", tracked)
    view = build(report, report.as_of)
    most = 0

    class Out(io.StringIO):
        def write(self, text):
            nonlocal most
            gc.collect()
            most = max(most, sum(ref() is not None for ref in alive))
            return super().write(text)

    out = Out()
    write_html(view, out)
    assert len(alive) == 12  # each agreement's view, built once, for its section
    assert most <= 2, f"{most} agreement views alive at once"
    assert all(result._findings is None for result in report.results)
    assert out.getvalue() == render_html(view)
    assert out.getvalue().count('<article class="agreement"') == 12


def test_markdown_blank_lines_collapse_the_same_however_the_text_is_cut():
    import random
    import re

    from dpa_policy.render.counsel.render import _BlankLines

    chooser = random.Random(7)
    for _ in range(2000):
        text = "".join(chooser.choice(["a", "\n", "\n\n", "\n\n\n", "b c", ""]) for _ in range(chooser.randint(0, 20)))
        cuts = sorted(chooser.sample(range(len(text) + 1), k=min(len(text) + 1, chooser.randint(0, 5))))
        out = io.StringIO()
        collapse = _BlankLines(out)
        for start, end in zip([0, *cuts], [*cuts, len(text)]):
            collapse.write(text[start:end])
        collapse.close()
        assert out.getvalue() == re.sub(r"\n{3,}", "\n\n", text), repr(text)
