"""Render the clearinghouse page model: ``index.html`` (no JavaScript, inline CSS, a
Content-Security-Policy that forbids scripts) and ``clearinghouse.json`` (the same entries,
versioned). Deterministic: no timestamps, so publishing unchanged agreements again gives
byte-identical files. Every text from an agreement is escaped (Jinja2 autoescape); only
http(s) URLs become links.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..chunks import write_in_blocks
from .words import LINK_LABELS, plain_date, safe_mailto, safe_url

TEMPLATES = Path(__file__).parent / "templates"


def render_json(page: dict[str, Any]) -> str:
    import io

    out = io.StringIO()
    write_json_feed(page, out)
    return out.getvalue()


def write_json_feed(page: dict[str, Any], out: Any) -> None:
    """The feed as ``json.dumps(page, indent=2, ensure_ascii=False)`` writes it (with ``##[``
    written as an escape, the same JSON value), written in blocks instead of built whole: it
    grows with every agreement published."""
    from ...reporters.json_stream import write_json

    # An iterator is written item by item: each entry is built as text on its own.
    write_json({**page, "entries": iter(page["entries"])}, out)


def slash_breaks(text: str):
    """Escape ``text`` and let a line break after each '/': "Parent/Guardian Contact
    Information" then wraps between words on a phone instead of inside "Guardian"."""
    from markupsafe import Markup, escape

    return Markup(str(escape(text)).replace("/", "/<wbr>"))


def render_html(page: dict[str, Any]) -> str:
    import io

    out = io.StringIO()
    write_html(page, out)
    return out.getvalue()


def write_html(page: dict[str, Any], out: Any) -> None:
    """The page, written as it is rendered, in blocks of about 64 KiB."""
    import base64
    import datetime
    import hashlib

    import jinja2
    from markupsafe import Markup

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["slash_breaks"] = slash_breaks
    css = (TEMPLATES / "clearinghouse.css").read_text("utf-8")
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    # The stylesheet is this package's own constant, not agreement text: it is inserted as is
    # (escaping would break its quotes and '>'), and the page's CSP allows exactly it.
    chunks = env.get_template("index.html.j2").generate(
        page=page, css=Markup(css), css_hash=f"sha256-{digest}", safe_url=safe_url, safe_mailto=safe_mailto,
        link_labels=LINK_LABELS, plain_date_iso=lambda text: plain_date(datetime.date.fromisoformat(text)))
    write_in_blocks(chunks, out)
