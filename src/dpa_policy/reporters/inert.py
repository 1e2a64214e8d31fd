"""Make untrusted text inert in every output format: one module, used by every reporter,
``diff``, ``publish``, ``report`` and the command line's own messages.

Anything an agreement, a file name, a policy, a waiver or a plugin supplies is untrusted.
Printed as is, it can forge output that a machine acts on:

- a newline starts a new line, so a file named ``x\\n::error::boom`` prints a line that a
  GitHub Actions runner reads as a workflow command (it reads them from every output line,
  after trimming leading whitespace), and breaks "one finding per line" for grep;
- the runner's legacy command form ``##[error]...`` is recognised *anywhere* in a line;
- in Markdown, ``|`` or a newline breaks a table, ``@org/team`` notifies a team and
  ``#12`` cross-references an issue when the report is posted as a comment;
- XML 1.0 forbids most C0 control characters even as character references.

:func:`text` is the base: C0/C1 controls, DEL, the Unicode line and paragraph separators,
bidirectional overrides (which make a line display differently from what it says), lone
surrogates (undecodable bytes in a file name) and the two XML non-characters are shown as
escapes (``\\n``, ``\\t``, ``\\r``, ``\\u0001``), and ``##[`` is shown as ``#\\u0023[``. Ordinary
text comes back unchanged, so normal output stays byte-identical.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]|##\\["
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_CONTINUATION = re.compile(r"\n(?=  )")  # where one of our messages continues on a new line
_LEGACY_COMMAND = "#\\u0023["  # "##[" with its second '#' escaped: no longer a runner command


def _escape(match: re.Match[str]) -> str:
    found = match.group()
    if found == "##[":
        return _LEGACY_COMMAND
    return _NAMED.get(found) or f"\\u{ord(found):04x}"


def text(value: object) -> str:
    """``value`` as one inert line fragment: safe anywhere inside a line of any line-based
    output (text, GitHub, diff, stdout summaries)."""
    value = str(value)
    # Fast path (most values): printable text holds no control, separator, format
    # character or surrogate, so only the legacy command form can need escaping.
    if value.isprintable() and "##[" not in value:
        return value
    return _UNSAFE.sub(_escape, value)


def starts_command(line: str) -> bool:
    """Would a GitHub Actions runner read this line as a workflow command (``::name::``)?"""
    return line.lstrip().startswith("::")


def line_start(path: object) -> str:
    """A file path as :func:`text`, made safe to *begin* a line: a relative path that would
    start with ``::`` (after spaces) gets ``./`` in front; it still names the same file."""
    shown = text(path)
    return "./" + shown if starts_command(shown) else shown


def lines(message: object) -> str:
    """One of our own messages, made inert. Our messages that span lines (a policy or
    waivers error listing its problems) indent each continuation by two spaces; a line
    break followed by anything else came from a value and is escaped like any control
    character. A continuation that would still read as a workflow command has its first
    ':' escaped."""
    out = []
    for line in _CONTINUATION.split(str(message)):
        line = text(line)
        if starts_command(line):
            index = line.index(":")
            line = line[:index] + "\\u003a" + line[index + 1:]
        out.append(line)
    return "\n".join(out)


# --------------------------------------------------------------------------- GitHub Actions
def github_data(value: object) -> str:
    """A workflow command's message (after ``::``), escaped as GitHub documents (and the
    runner unescapes): ``%`` -> ``%25``, CR -> ``%0D``, LF -> ``%0A``. Other controls are
    escaped as :func:`text` escapes them."""
    raw = str(value).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return _UNSAFE.sub(_escape, raw)


def github_property(value: object) -> str:
    """A workflow command's property value (``file=``, ``title=``): as :func:`github_data`,
    and the separators ``:`` -> ``%3A`` and ``,`` -> ``%2C``."""
    return github_data(value).replace(":", "%3A").replace(",", "%2C")


# --------------------------------------------------------------------------------- Markdown
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]|#~])")
# An @mention (a user or org/team) or an issue reference: GitHub turns them into
# notifications and cross-references when a report is posted as a comment. A zero-width
# space after the '@' or '#', written as the entity &#8203;, leaves them plain text (as
# Renovate does in the pull requests it writes).
_MENTION = re.compile(r"@(?=[A-Za-z0-9])")
_ISSUE_REFERENCE = re.compile(r"(?<=#)(?=[0-9])")


def markdown(value: object) -> str:
    """Plain text as Markdown that renders as the same text: HTML-escaped, Markdown
    punctuation backslash-escaped (``|`` cannot split a table cell), whitespace runs
    (newlines included) collapsed to one space, controls escaped, mentions and issue
    references neutralised. Safe in a table cell and in running text."""
    import html  # lazy: every run imports the reporters; only Markdown output needs html

    collapsed = " ".join(str(value).split())
    escaped = html.escape(text(collapsed), quote=False)
    escaped = _MARKDOWN_PUNCTUATION.sub(r"\\\1", escaped)
    # Issue references first: the entity the mention step inserts holds "#8" itself.
    escaped = _ISSUE_REFERENCE.sub("&#8203;", escaped)
    return _MENTION.sub("@&#8203;", escaped)


def markdown_code(value: object) -> str:
    """Text as an inline code span, safe in a table cell: controls escaped (a newline shows
    as ``\\n``), ``|`` escaped (GitHub splits cells on it even inside code), and a fence
    longer than any backtick run inside. Code spans render mentions as plain text."""
    shown = text(value).replace("|", "\\|")
    longest = max((len(run) for run in re.findall("`+", shown)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if shown.startswith("`") or shown.endswith("`") or (shown.startswith(" ") and shown.endswith(" ")) else ""
    return f"{fence}{pad}{shown}{pad}{fence}"


# ------------------------------------------------------------------------ serialized output
_SURROGATE = re.compile("[\ud800-\udfff]")


def json_document(serialized: str) -> str:
    """A JSON document (``json.dumps(..., ensure_ascii=False)``) made inert losslessly:
    ``##[`` can only occur inside a string there, where ``#\\u0023[`` decodes to the same
    text; lone surrogates (from undecodable file names) become ``\\udcXX`` escapes, which
    Python's json reads back, instead of failing to encode."""
    serialized = serialized.replace("##[", "#\\u0023[")
    if not _has_surrogate(serialized):  # nearly always: checked in C, ~5x faster than the regex
        return serialized
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", serialized)


def _has_surrogate(text: str) -> bool:
    if text.isascii():
        return False
    try:
        text.encode("utf-8")  # strict UTF-8 refuses exactly the lone surrogates
    except UnicodeEncodeError:
        return True
    return False


def xml_value(value: object) -> str:
    """Text for an XML 1.0 attribute or element: the characters XML forbids (most C0
    controls, surrogates, U+FFFE/U+FFFF) and line breaks are shown as :func:`text` escapes,
    so a value never starts a line of the document."""
    return text(value)


def xml_document(serialized: str) -> str:
    """A serialized XML document made inert losslessly: ``##[`` becomes ``#&#35;[`` and a
    line of text content that would start with ``::`` gets its first ':' as ``&#58;``;
    both decode to the same text."""
    serialized = serialized.replace("##[", "#&#35;[")
    if "::" not in serialized:
        return serialized
    out = []
    for line in serialized.split("\n"):
        if starts_command(line):
            index = line.index(":")
            line = line[:index] + "&#58;" + line[index + 1:]
        out.append(line)
    return "\n".join(out)


__all__ = ["github_data", "github_property", "json_document", "line_start", "lines", "markdown",
           "markdown_code", "starts_command", "text", "xml_document", "xml_value"]
