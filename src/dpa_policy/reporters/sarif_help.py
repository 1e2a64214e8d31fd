"""What a SARIF rule descriptor tells a reader: the rule's documentation as Markdown sections,
and where to read more.

``help.markdown`` is what code scanning shows beside an alert (in place of ``help.text``). A
rule's docstring is written for ``dpa-policy explain``: a summary, then sections headed
"What it checks", "Why it matters", "Legal basis (...)", "Options", "Passing example::" and
"Failing example (...)::". Each becomes a Markdown heading; the examples become YAML code
blocks and reStructuredText's ````literal```` becomes Markdown's ```literal```.

The web addresses come from the package metadata of the distribution that ships the rule
(``[project.urls]`` in its pyproject.toml: ``Documentation``, else ``Homepage``), never
from a guess: where a distribution names none, the descriptor has no ``helpUri``. Which
distribution ships a rule is looked up from the rule's module.
"""

from __future__ import annotations

import re
from functools import lru_cache

_LITERAL = re.compile(r"``(.+?)``")
_HEADINGS = ("What it checks", "Why it matters", "Legal basis", "Options", "Passing example", "Failing example")


def _heading(line: str) -> str | None:
    """The heading a line of a rule's documentation opens, without the trailing ':' or '::'."""
    if not line or line[0].isspace():
        return None
    text = line.rstrip().rstrip(":")
    for name in _HEADINGS:
        if text == name or text.startswith(name + " (") or text.startswith(name + ":"):
            return text
    return None


def _dedent(lines: list[str]) -> list[str]:
    indents = [len(line) - len(line.lstrip()) for line in lines if line.strip()]
    cut = min(indents, default=0)
    return [line[cut:] for line in lines]


def help_markdown(code: str, slug: str, rule: type) -> str:
    """The rule's documentation as Markdown: a bold title line, its summary, then one
    ``###`` section per heading of the docstring."""
    lines = rule.documentation().splitlines()
    intro: list[str] = []
    sections: list[tuple[str, bool, list[str]]] = []  # (heading, is an example, body lines)
    for line in lines:
        heading = _heading(line)
        if heading is not None:
            sections.append((heading, line.rstrip().endswith("::"), []))
        elif sections:
            sections[-1][2].append(line)
        else:
            intro.append(line)
    out = [f"**{code} {slug}**", "", _LITERAL.sub(r"`\1`", "\n".join(intro).strip())]
    for heading, example, body in sections:
        text = "\n".join(_dedent(body)).strip("\n")
        out += ["", "### " + _LITERAL.sub(r"`\1`", heading), ""]
        if example:
            fence = "````" if "```" in text else "```"
            out += [f"{fence}yaml", text, fence]
        else:
            out.append(_LITERAL.sub(r"`\1`", text))
    return "\n".join(out).rstrip() + "\n"


@lru_cache(maxsize=None)
def _project_urls(distribution: str) -> dict[str, str]:
    """``[project.urls]`` of an installed distribution, labels normalised as PEP 753 does
    ("Home Page" and "homepage" alike)."""
    from importlib import metadata

    try:
        entries = metadata.metadata(distribution).get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return {}
    urls = {}
    for entry in entries:
        label, _, url = entry.partition(",")
        key = re.sub(r"[\s_.-]", "", label).lower()
        if url.strip().startswith(("https://", "http://")):
            urls.setdefault(key, url.strip())
    return urls


@lru_cache(maxsize=None)
def _distribution_of(top_level_package: str) -> str | None:
    from importlib import metadata

    names = metadata.packages_distributions().get(top_level_package, [])
    if names:
        return sorted(names)[0]
    # An editable install lists no package files; its distribution is named like the package.
    try:
        return metadata.distribution(top_level_package.replace("_", "-")).metadata["Name"]
    except metadata.PackageNotFoundError:
        return None


@lru_cache(maxsize=None)
def _installed_from(distribution: str) -> str | None:
    """The repository a distribution was installed from, when pip recorded one (PEP 610):
    ``pip install "dpa-policy @ git+https://host/org/dpa-policy@v1"`` names where the
    district hosts it."""
    import json
    from importlib import metadata

    try:
        recorded = metadata.distribution(distribution).read_text("direct_url.json")
        origin = json.loads(recorded) if recorded else {}
    except (metadata.PackageNotFoundError, ValueError):
        return None
    url = origin.get("url", "") if isinstance(origin, dict) else ""
    if "vcs_info" not in origin or not url.startswith("https://") or "@" in url.split("/")[2]:
        return None  # a local folder, an archive, or a URL carrying credentials
    return url.removesuffix(".git")


def information_uri() -> str | None:
    """dpa-policy's home page: as its package metadata names it, else the repository it
    was installed from."""
    urls = _project_urls("dpa-policy")
    return urls.get("homepage") or urls.get("source") or _installed_from("dpa-policy")


def rule_help_uri(module: str) -> str | None:
    """Where the distribution that ships ``module`` documents its rules: its
    ``Documentation`` or ``Homepage`` URL, else the "Rules" section of the README of the
    repository it was installed from."""
    distribution = _distribution_of(module.split(".")[0])
    if distribution is None:
        return None
    urls = _project_urls(distribution)
    if urls.get("documentation") or urls.get("homepage"):
        return urls.get("documentation") or urls.get("homepage")
    home = _installed_from(distribution)
    return f"{home}#rules" if home else None
