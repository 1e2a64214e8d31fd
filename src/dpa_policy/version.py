"""The installed version of dpa-policy, read from the package metadata when first asked.

It lives in its own module, below everything, so the pipeline, the plugin listing and the
commands can name the version without importing the package ``__init__`` (the top layer).
"""

from __future__ import annotations


def tool_version() -> str:
    """``0.1.0``, or ``0+unknown`` when running from a source tree that was never installed."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("dpa-policy")
    except PackageNotFoundError:
        return "0+unknown"
