"""Reports for counsel: a portfolio summary and, per agreement, the verdict, the findings
grouped by clause beside the contract's own words, waivers, the data shared and the term.

``build(report, as_of, expiring_within_days)`` makes the plain data view;
``render_html(view)`` and ``render_markdown(view)`` lay it out (``write_html(view, out)`` and
``write_markdown(view, out)`` write it as it is rendered, one agreement at a time). ``dpa-policy report`` is the
command line (:mod:`dpa_policy.commands.report`).

The names load on first use, so importing one part (the charts, the view's shapes) does not
pull in Jinja2 and the models.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .render import render_html, render_markdown, write_html, write_markdown
    from .view import build
    from .view_models import CounselReport

_LAZY = {"build": "view", "CounselReport": "view_models", "render_html": "render", "render_markdown": "render",
         "write_html": "render", "write_markdown": "render"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(f"{__name__}.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["CounselReport", "build", "render_html", "render_markdown", "write_html", "write_markdown"]
