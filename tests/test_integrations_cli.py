"""The command line's mistakes, as a district types them: a misspelt command or option gets a
"did you mean", a plugin name that does not exist is an error (a typo would leave the plugin
it meant running), and each subcommand shows its own usage for its own flag errors."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from dpa_policy.cli import main

SAMPLE = str(Path(__file__).resolve().parents[1] / "agreements" / "allhere.yaml")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(argv), stdout=out, stderr=err), out.getvalue(), err.getvalue()


@pytest.mark.parametrize("argv, hint, usage", [
    (["chek", SAMPLE], "invalid choice: 'chek'", "usage: dpa-policy [-h]"),
    (["check", "--formt", "json", SAMPLE], "unrecognized arguments: --formt (did you mean --format?)",
     "usage: dpa-policy check [-h]"),
    (["check", "--fail-on", "warnings", SAMPLE], "(did you mean 'warning'?)", "usage: dpa-policy check [-h]"),
    (["policy", "shwo"], "(did you mean 'show'?)", "usage: dpa-policy policy [-h]"),
])
def test_a_misspelling_gets_a_did_you_mean_and_its_commands_usage(argv, hint, usage):
    code, out, err = run(*argv)
    first, *rest = err.splitlines()
    assert code == 2 and out == ""
    assert first.startswith("dpa-policy: error: ") and hint in first
    assert rest[0].startswith(usage)
    if argv[0] == "chek":
        assert first.endswith("(did you mean 'check'?)")


@pytest.mark.parametrize("argv, usage", [
    (["rules", "--bogus"], "usage: dpa-policy rules [-h]"),
    (["policy", "show", "--bogus"], "usage: dpa-policy policy show [-h]"),
    (["schema", "--bogus"], "usage: dpa-policy schema [-h]"),
    (["explain", "DPA201", "--bogus"], "usage: dpa-policy explain [-h]"),
    (["--bogus"], "usage: dpa-policy [-h]"),
])
def test_each_command_shows_its_own_usage_for_its_own_flag_errors(argv, usage):
    code, _, err = run(*argv)
    assert code == 2 and err.splitlines()[0] == "dpa-policy: error: unrecognized arguments: --bogus"
    assert err.splitlines()[1].startswith(usage)


def test_an_unknown_plugin_to_disable_is_an_error_that_names_the_plugins(monkeypatch):
    monkeypatch.setenv("DPA_POLICY_DISABLE_PLUGIN_AUTOLOAD", "1")
    code, out, err = run("check", "--disable-plugin", "nyy", SAMPLE)
    assert code == 2 and out == ""
    assert err.startswith("dpa-policy: error: --disable-plugin 'nyy': no plugin has that name (did you mean 'ny'?); plugins: ")
    assert "ca, co, ct, fl" in err
    code, _, err = run("check", "--disable-plugin", "ny", "--format", "json", SAMPLE)
    assert code in (0, 1) and err == ""  # a real one still works, autoload off or not
